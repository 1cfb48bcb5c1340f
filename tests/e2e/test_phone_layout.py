"""Every page a student sees fits a 390 px phone: nothing makes the page wider than the
screen, with JavaScript and without. The pages are the project's URL patterns, each named
below as a student page (visited) or not (with the reason), so a new page cannot be
forgotten. The attempt holds a question of every type with long options (a matching
question once made the page 865 px wide), and is measured fresh and after every answer was
checked (the feedback and the revealed key); a lesson is measured with a glossary term's
definition open. axe-core checks the attempt page at that width.

Ordering questions have Move up / Move down buttons with JavaScript (the order the list
shows is the order posted); without it, each item's place is chosen in a select.
"""

from __future__ import annotations

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.urls import resolve, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import expect

from course.accounts.models import User
from course.accounts.services import signup_token
from course.authoring.management.commands.load_demo import DEMO_PASSWORD
from course.catalog.models import Course
from course.quizzes.models import Attempt, AttemptItem, Question, Quiz
from tests import factories
from tests.security.support import project_routes
from tests.security.test_personal_pages import ACTIONS, NOT_PERSONAL, PERSONAL_PAGES

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}

# --- which pages are a student's ----------------------------------------------------------

# Visited signed in, as the demo student.
STUDENT_PAGES = {
    "catalog:index", "catalog:course", "catalog:lesson", "progress:dashboard",
    "quizzes:quiz", "quizzes:attempt", "quizzes:review", "quizzes:results",
    "discussions:index", "discussions:thread", "password_change", "password_change_done",
}  # fmt: skip
# Visited signed out: how a student gets in.
SIGNED_OUT_PAGES = {
    "login", "signup", "signup_sent", "signup_finish", "password_reset", "password_reset_done",
    "password_reset_confirm", "password_reset_complete",
}  # fmt: skip
# Not pages at all.
NOT_PAGES = {"favicon.ico", "healthz"}
# Course staff's pages that test_personal_pages.py does not count as personal.
STAFF_PAGES = {"catalog:settings-concept-delete": "asks staff before deleting a concept"}


def test_it_names_every_url_as_a_student_page_or_not() -> None:
    """Every URL pattern is measured here, or is someone else's page or an action, as
    tests/security/test_personal_pages.py names them (it names every pattern): a page
    that test gives to the student persona is one this file must visit."""
    keys = {route.key for route in project_routes()}
    students = {name for name, persona in PERSONAL_PAGES.items() if persona == "student"}
    assert students <= STUDENT_PAGES, f"Measure these at 390 px: {sorted(students - STUDENT_PAGES)}"
    others = {name for name, persona in PERSONAL_PAGES.items() if persona != "student"}
    named = STUDENT_PAGES | SIGNED_OUT_PAGES | NOT_PAGES | set(STAFF_PAGES) | others | ACTIONS
    missing = sorted(keys - named)
    assert not missing, f"Say whether a student sees these (STUDENT_PAGES or not): {missing}"
    stale = sorted((STUDENT_PAGES | SIGNED_OUT_PAGES | NOT_PAGES | set(STAFF_PAGES)) - keys)
    assert not stale, f"Named here but no longer URL patterns: {stale}"
    # A page that test calls not personal may still be one a student sees: say which.
    unsorted = sorted(set(NOT_PERSONAL) - SIGNED_OUT_PAGES - NOT_PAGES - set(STAFF_PAGES))
    assert not unsorted, f"Does a student see these (SIGNED_OUT_PAGES or not)? {unsorted}"


# --- measuring ------------------------------------------------------------------------------

# The page's width beyond the window, and the element that makes it: the one reaching
# farthest right (the innermost of those that reach as far), outside any box that scrolls
# or clips its own content (a wide table in a scroller does not widen the page).
OVERFLOW = """
() => {
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return null;
  // Whether a scroller or clipper holds the element in: an absolutely positioned one
  // escapes those between it and its containing block (its nearest positioned ancestor).
  const clips = (el) => {
    let free = ["absolute", "fixed"].includes(getComputedStyle(el).position);
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (!free && style.overflowX !== "visible") return true;
      if (free && style.position !== "static") free = style.position === "fixed";
    }
    return false;
  };
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (typeof el.className === "string" && el.className.trim()) {
      name += "." + el.className.trim().split(/\\s+/).join(".");
    }
    const text = (el.innerText || el.textContent || "").trim().replace(/\\s+/g, " ");
    return name + (text ? ` “${text.slice(0, 60)}”` : "");
  };
  let widest = null;
  let widestRect = null;
  // Boxes of a pixel or less last: a visually hidden text positioned from the page, not
  // from its scroller, widens the page too, but is rarely the one to blame.
  for (const least of [1.5, 0]) {
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.width < least || rect.right <= width + 0.5 || clips(el)) continue;
      if (!widest || rect.right >= widestRect.right) { widest = el; widestRect = rect; }
    }
    if (widest) break;
  }
  // No element reaches that far: a pseudo-element does (a tooltip drawn by CSS).
  const active = document.activeElement;
  const pseudo = active && active !== document.body ? describe(active) + "::after" : null;
  return {
    scrollWidth, width,
    widest: widest ? `${describe(widest)}, ${Math.round(widestRect.width)} px wide, ` +
      `right edge at ${Math.round(widestRect.right)} px` : pseudo || "(a pseudo-element)",
  };
}
"""


class Measure:
    """Measures pages as they are visited; `check()` fails with every page that overflowed."""

    def __init__(self, page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.visited: set[str] = set()

    def __call__(self, what: str = "") -> None:
        page = self.page
        path = urlsplit(page.url).path
        self.visited.add(_url_name(path))
        found = page.evaluate(OVERFLOW)
        if found:
            self.problems.append(
                f"{path}{f' ({what})' if what else ''}: the page is {found['scrollWidth']} px "
                f"wide on a {found['width']} px screen; widest: {found['widest']}"
            )

    def visit(self, url: str, what: str = "") -> None:
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        self(what)

    def check(self) -> None:
        assert not self.problems, "Horizontal overflow at 390 px:\n" + "\n".join(self.problems)


def _url_name(path: str) -> str:
    match = resolve(path)
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name or ""


# --- the world ------------------------------------------------------------------------------

LONG = "the central council of trade unions under the first five-year plan"
# One question of every type, with long options: the widest a phone has to hold.
EVERY_KIND = [
    dict(type="cloze", prompt="The _____ movement raised output in the factories.", options=[],
         answer=["shock work"]),
    dict(type="single_choice", prompt="Which body led the unions?",
         options=[f"The All-Union Central Council of Trade Unions ({LONG})", "Gosplan"],
         answer=f"The All-Union Central Council of Trade Unions ({LONG})"),
    dict(type="multiple_response", prompt="Select all forms of the purge.",
         options=[f"Re-election campaigns in {LONG}", "Inspections by the party's brigades"],
         answer=[f"Re-election campaigns in {LONG}"]),
    dict(type="true_false", prompt="Union independence grew under the plan.",
         options=["True", "False"], answer=False),
    dict(type="ordering", prompt="Put the events in the order they happened.",
         options=[f"The purge of {LONG}", "The offensive against the Right opposition",
                  "Shock work and socialist competition spread through industry"],
         answer=["The offensive against the Right opposition", f"The purge of {LONG}",
                 "Shock work and socialist competition spread through industry"]),
    dict(type="matching", prompt="Match each term to its role.",
         options=[f"The axis of enthusiasm that socialist competition turned into {LONG}",
                  "The party's opponents, removed from the leadership of the unions in 1929"],
         answer=[["socialist competition", "The axis of enthusiasm that socialist competition "
                  f"turned into {LONG}"],
                 ["Right opposition", "The party's opponents, removed from the leadership of "
                  "the unions in 1929"]]),
    dict(type="short_answer", prompt="Which plan ran from 1928 to 1932?", options=[],
         answer=["the first five-year plan"]),
    dict(type="numerical", prompt="In which year did the first five-year plan start?",
         options=[], answer=[{"value": 1928.0, "tolerance": 0.0, "weight": 1.0}]),
    dict(type="essay", prompt="What did the unions become under the plan?", options=[],
         answer=None),
]  # fmt: skip
assert {spec["type"] for spec in EVERY_KIND} == set(Question.Type.values)


@pytest.fixture
def demo_course(settings) -> Course:
    settings.DEBUG = True  # the demo people need it
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False
    return Course.objects.get()


@pytest.fixture
def every_kind_quiz(demo_course: Course) -> Quiz:
    questions = [factories.QuestionFactory(course=demo_course, **spec) for spec in EVERY_KIND]
    return factories.quiz_with(
        demo_course,
        questions,
        title="Every kind of question",
        feedback_mode="immediate",
        reveal="after_each",
        attempts_allowed=2,
    )


@pytest.fixture
def phone(browser):
    """phone(javascript) -> (page, console errors) at 390 px; closed after the test."""
    contexts = []

    def make(javascript: bool = True):
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        return page, errors

    yield make
    for context in contexts:
        context.close()


# --- the pages ------------------------------------------------------------------------------


def visit_signed_out_pages(measure: Measure, base: str, student: User) -> None:
    measure.visit(base + reverse("login"))
    measure.visit(base + reverse("signup"))
    measure.visit(base + reverse("signup_sent"))
    token = signup_token(email="new.student@example.org")
    measure.visit(base + reverse("signup_finish", kwargs={"token": token}))
    measure.visit(base + reverse("password_reset"))
    measure.visit(base + reverse("password_reset_done"))
    uid = urlsafe_base64_encode(force_bytes(student.pk))
    token = default_token_generator.make_token(student)
    # Django redirects the e-mailed link to the same page under "set-password".
    measure.visit(
        base + reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token}),
        "choose a new password",
    )
    measure.visit(base + reverse("password_reset_complete"))


def answer_every_question(page, javascript: bool) -> None:
    """Fill in and check every question (save the essay), as a student would."""
    for card in page.locator(".question-card").all():
        position = card.get_attribute("id")
        card = page.locator(f"#{position}")
        if card.locator("input[type=text]").count():
            card.locator("input[type=text]").fill("1928")
        if card.locator("textarea").count():
            card.locator("textarea").fill("Organs of production rather than of defence.")
        radios = card.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
        boxes = card.locator("input[type=checkbox]")
        if boxes.count():
            boxes.first.check()
        for number, select in enumerate(card.locator("select").all(), start=1):
            select.select_option(index=number if select.locator("option").count() > number else 1)
        button = card.get_by_role("button", name="Check")
        if not button.count():
            button = card.get_by_role("button", name="Save answer")
        checking = button.inner_text() == "Check"
        button.click()
        if javascript:
            # A checked answer is final (no buttons left); a saved essay keeps its buttons.
            expect(page.locator(f"#{position} .actions")).to_have_count(0 if checking else 1)
            page.wait_for_function(
                "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
            )
        else:
            page.wait_for_load_state()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_it_fits_every_student_page_on_a_phone(
    live_server, demo_course, every_kind_quiz, phone, axe, javascript
):
    base = live_server.url
    student = User.objects.get(username="student")
    page, errors = phone(javascript)
    measure = Measure(page)

    visit_signed_out_pages(measure, base, student)

    page.goto(base + reverse("login"))
    page.get_by_label("Username").fill("student")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/)"))

    measure.visit(base + reverse("catalog:index"))
    measure.visit(base + demo_course.get_absolute_url())
    for lesson in demo_course.lessons.in_order():
        measure.visit(base + lesson.get_absolute_url())
        terms = page.locator(".lesson-body a.term")
        for index in range(terms.count()):
            # The definition shows on focus (a tap): it must stay on the screen.
            terms.nth(index).focus()
            measure(f"the definition of “{terms.nth(index).inner_text()}” open")
    measure.visit(base + reverse("progress:dashboard"))
    measure.visit(base + reverse("discussions:index", kwargs={"slug": demo_course.slug}))
    for prompt in demo_course.prompts.all():
        measure.visit(
            base
            + reverse(
                "discussions:thread", kwargs={"slug": demo_course.slug, "prompt_id": prompt.pk}
            )
        )

    for quiz in demo_course.quizzes.order_by("pk"):
        quiz_url = reverse("quizzes:quiz", kwargs={"slug": demo_course.slug, "quiz_id": quiz.pk})
        measure.visit(base + quiz_url)
    page.goto(
        base
        + reverse("quizzes:quiz", kwargs={"slug": demo_course.slug, "quiz_id": every_kind_quiz.pk})
    )
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    attempt = Attempt.objects.get(user=student, quiz=every_kind_quiz)
    kinds = set(AttemptItem.objects.filter(attempt=attempt).values_list("version__type", flat=True))
    assert kinds == set(Question.Type.values)
    measure("fresh")
    if javascript:
        # axe waits for htmx to settle, a wait that never ends with JavaScript off; the
        # markup is the same but for the Move buttons, which only JavaScript shows.
        axe(page)
    answer_every_question(page, javascript)
    measure("every question answered and checked")
    page.reload()
    measure("every question checked, reloaded")
    if javascript:
        axe(page)
    page.get_by_role("link", name="Review and submit").click()
    page.wait_for_url(re.compile(r"/review/$"))
    measure()
    page.get_by_role("button", name="Submit attempt 1").click()
    page.wait_for_url(re.compile(r"/results/$"))
    measure()
    measure.visit(
        base
        + reverse("quizzes:quiz", kwargs={"slug": demo_course.slug, "quiz_id": every_kind_quiz.pk}),
        "with an attempt",
    )
    measure.visit(base + reverse("progress:dashboard"), "after a quiz")
    measure.visit(base + reverse("password_change"))
    measure.visit(base + reverse("password_change_done"))

    unvisited = sorted((STUDENT_PAGES | SIGNED_OUT_PAGES) - measure.visited)
    assert not unvisited, f"Student pages not measured: {unvisited}"
    measure.check()
    assert not errors, errors


# --- ordering ------------------------------------------------------------------------------

ORDERING = dict(
    type="ordering",
    prompt="Put the events in order.",
    options=["purge", "offensive", "shock work"],
    answer=["offensive", "purge", "shock work"],
)


@pytest.fixture
def ordering_quiz(course: Course) -> Quiz:
    question = factories.QuestionFactory(course=course, **ORDERING)
    return factories.quiz_with(
        course, [question], feedback_mode="immediate", reveal="after_each", shuffle_options=False
    )


def start(page, base: str, student: User, quiz: Quiz) -> Attempt:
    page.goto(base + reverse("login"))
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/)"))
    page.goto(base + reverse("quizzes:quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk}))
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    return Attempt.objects.get(user=student, quiz=quiz)


def places(page) -> dict[str, str]:
    """Each item's place as its select says, in the order the list shows them."""
    return {
        row.locator("label").inner_text(): row.locator("select").input_value()
        for row in page.locator(".order-row").all()
    }


def test_it_orders_with_the_keyboard_through_up_and_down_buttons(
    live_server, student, ordering_quiz, phone, axe
):
    page, errors = phone(javascript=True)
    attempt = start(page, live_server.url, student, ordering_quiz)
    shown = list(places(page))
    assert sorted(shown) == sorted(ORDERING["answer"])
    assert set(places(page).values()) == {""}  # no place chosen yet
    expect(page.get_by_role("button", name=f"Move up: {shown[0]}")).to_be_disabled()
    expect(page.get_by_role("button", name=f"Move down: {shown[-1]}")).to_be_disabled()
    # The first item down one place: every place now follows the list; focus stays.
    page.get_by_role("button", name=f"Move down: {shown[0]}").focus()
    page.keyboard.press("Enter")
    assert list(places(page)) == [shown[1], shown[0], shown[2]]
    assert list(places(page).values()) == ["1", "2", "3"]
    expect(page.get_by_role("button", name=f"Move down: {shown[0]}")).to_be_focused()
    expect(page.locator("[data-order-announce]")).to_have_text(
        f"“{shown[0]}” is now in place 2 of 3."
    )
    # Each item of the key brought up to its place, with the keyboard.
    for place, text in enumerate(ORDERING["answer"]):
        while list(places(page)).index(text) > place:
            page.get_by_role("button", name=f"Move up: {text}").focus()
            page.keyboard.press("Enter")
            where = list(places(page)).index(text) + 1
            expect(page.locator("[data-order-announce]")).to_have_text(
                f"“{text}” is now in place {where} of 3."
            )
            # Focus stays with the item: on its Up button, or its Down one at the top.
            button = "down" if where == 1 else "up"
            expect(page.get_by_role("button", name=f"Move {button}: {text}")).to_be_focused()
    # The list shows the key, and every place follows the list.
    assert places(page) == {"offensive": "1", "purge": "2", "shock work": "3"}
    assert list(places(page)) == ORDERING["answer"]
    expect(page.get_by_role("button", name="Move up: offensive")).to_be_disabled()
    axe(page)
    measure = Measure(page)
    measure("Move buttons shown")
    measure.check()

    page.get_by_role("button", name="Check").click()
    expect(page.locator("#q1 .feedback")).to_have_text("Correct")
    item = AttemptItem.objects.get(attempt=attempt)
    assert item.response == ["offensive", "purge", "shock work"]
    assert not errors, errors


def test_it_orders_without_javascript_by_choosing_places(
    live_server, student, ordering_quiz, phone
):
    page, _ = phone(javascript=False)
    attempt = start(page, live_server.url, student, ordering_quiz)
    expect(page.get_by_role("button", name="Move up: offensive")).to_be_hidden()
    for text, place in [("purge", "2"), ("offensive", "1"), ("shock work", "3")]:
        page.get_by_label(text, exact=True).select_option(place)
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#q1 .feedback")).to_have_text("Correct")
    assert AttemptItem.objects.get(attempt=attempt).response == ["offensive", "purge", "shock work"]
