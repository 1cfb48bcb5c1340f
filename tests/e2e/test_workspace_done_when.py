"""Issue 13's "done when", as one walk-through: an instructor pastes a raw page, reviews the
draft in the workspace, edits a question with an invalid then a valid value, regenerates and
undoes, deletes (asked first) and undoes, renames the course and changes its completion
rule, builds a quiz with order, points and a random slot, publishes past the checklist and
unpublishes. With JavaScript at 1280 px, each key page also checked at 390 px; then, short,
the builder and the checklist without JavaScript at 390 px. axe-core finds no serious or
critical violation, nothing overflows at 390 px, and the browser logs no error.

The steps other journeys walk one by one (test_review_workspace, test_course_settings,
test_bank_builder) are walked here once, in the order an instructor meets them."""

from __future__ import annotations

import re

import pytest
from django.db.models import Count, Q
from django.urls import reverse

from course.authoring.services import course_import_abstract
from course.catalog.models import Concept, Course
from course.quizzes.models import Question, QuizQuestion
from tests import factories
from tests.e2e.conftest import wait_for_htmx
from tests.e2e.test_course_settings import rename
from tests.factories import PASSWORD
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"
UNIQUE_IDS = "() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);" \
    " return ids.filter((id, i) => ids.indexOf(id) !== i); }"  # fmt: skip


class Walk:
    """A signed-in page and the checks every state of it passes."""

    def __init__(self, browser, live_server, user, axe, *, javascript: bool, width: int) -> None:
        viewport = DESKTOP if width > 400 else PHONE
        self.context = browser.new_context(java_script_enabled=javascript, viewport=viewport)
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()
        self.base, self.axe, self.javascript = live_server.url, axe, javascript
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.go(reverse("login"))
        self.page.get_by_label("Username").fill(user.username)
        self.page.get_by_label("Password").fill(PASSWORD)
        self.page.get_by_role("button", name="Log in").click()
        self.page.get_by_role("link", name="Log out").or_(
            self.page.get_by_role("button", name="Log out")
        ).first.wait_for()

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)

    def check(self, where: str, *, phone: bool = False) -> None:
        """axe (with JavaScript) and unique ids here; with `phone`, the same at 390 px too,
        where nothing may be wider than the screen."""
        page = self.page
        assert page.evaluate(UNIQUE_IDS) == [], f"ids twice {where}"
        if self.javascript:
            self.axe(page)
        if phone or page.viewport_size["width"] < 400:
            if page.viewport_size["width"] > 400:
                page.set_viewport_size(PHONE)
            assert page.evaluate(FITS), f"wider than a phone {where}"
            if self.javascript:
                self.axe(page)
                page.set_viewport_size(DESKTOP)

    def close(self) -> None:
        assert self.errors == [], f"console errors (CSP violations show here): {self.errors}"
        self.context.close()


def richest_concept(course: Course, *, besides: list[int]) -> Concept:
    """The concept with the most accepted questions outside `besides`."""
    accepted = Q(questions__status="accepted") & ~Q(questions__pk__in=besides)
    return (
        course.concepts.annotate(n=Count("questions", filter=accepted))
        .order_by("-n", "rank", "pk")
        .first()
    )


def test_an_instructor_takes_a_raw_page_to_a_published_quiz_and_back(
    browser, live_server, instructor, axe, screenshot_dir
):
    walk = Walk(browser, live_server, instructor, axe, javascript=True, width=1280)
    page = walk.page

    # Paste a raw page (page matter and all): the draft opens in the workspace.
    walk.go(reverse("catalog:new"))
    page.get_by_label("Title").fill("Unions in the plan")
    page.get_by_label("Abstract").fill(SEED.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Make the draft").click()
    page.get_by_role("heading", name="Review: Unions in the plan").wait_for()
    course = Course.objects.get(title="Unions in the plan")
    page.get_by_role("navigation", name="The draft").get_by_role(
        "link", name=re.compile(r"^Questions")
    ).click()
    page.locator("#question-list").wait_for()
    walk.check("on the questions tab", phone=True)

    # An answer that is not among the options stays in its card; then a valid one.
    question = course.questions.filter(type="single_choice").order_by("position").first()
    card = page.locator(f"#question-{question.pk}")
    card.get_by_role("link", name="Edit").click()
    # the form came in; it focuses its first field as it settles (typing before that lands
    # in whichever field the focus moves to)
    card.get_by_label("Answer").wait_for()
    wait_for_htmx(page)
    card.get_by_label("Answer").fill("Not one of them")
    card.get_by_role("button", name="Save question").click()
    card.get_by_text("Not among the options").wait_for()
    walk.check("after an invalid edit")
    card.get_by_label("Answer").fill(question.options[0])
    card.get_by_role("button", name="Save question").click()
    card.get_by_text("Question saved.").wait_for()
    question.refresh_from_db()
    assert question.answer == question.options[0]

    # Regenerate a generated question (asked first), then Undo.
    target = course.questions.replaceable().order_by("position").first()
    before = target.prompt
    card = page.locator(f"#question-{target.pk}")
    card.get_by_role("link", name="Regenerate…").click()
    page.get_by_role("heading", name=f"Regenerate Q{target.pk}?").wait_for()
    page.get_by_role("button", name="Regenerate", exact=True).click()
    card.locator(".notice").wait_for()
    target.refresh_from_db()
    if target.prompt != before:  # the generator may have no other question on its concepts
        card.get_by_role("button", name="Undo").click()
        card.get_by_text("Restored").wait_for()
        target.refresh_from_db()
        assert target.prompt == before

    # Delete asks first (Cancel keeps it), deletes, and Undo puts it back.
    victim = course.questions.exclude(pk__in=[question.pk, target.pk]).order_by("position")[0]
    card = page.locator(f"#question-{victim.pk}")
    card.get_by_role("link", name="Delete…").click()
    page.get_by_role("heading", name=f"Delete Q{victim.pk}?").wait_for()
    walk.check("with the dialog open")
    page.get_by_role("button", name="Cancel").click()
    page.locator("dialog").wait_for(state="detached")
    assert Question.objects.filter(pk=victim.pk).exists()
    card.get_by_role("link", name="Delete…").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_text(f"Deleted Q{victim.pk}").first.wait_for()
    assert not Question.objects.filter(pk=victim.pk).exists()
    card.get_by_role("button", name="Undo").click()
    card.get_by_text("Restored").wait_for()
    assert Question.objects.filter(pk=victim.pk).exists()

    # Rename the course and make "every lesson done" its completion rule.
    page.get_by_role("link", name="Course settings").click()
    rename(page, "Plans and the people", "plans-and-people")
    course.refresh_from_db()
    assert (course.title, course.slug, course.completion_rule) == (
        "Plans and the people",
        "plans-and-people",
        Course.Completion.LESSONS,
    )

    # Accept every draft in the bank at once, then build a quiz of two of them.
    walk.go(reverse("quizzes:bank", kwargs={"slug": course.slug}))
    page.get_by_label("Select all questions on this page").check()
    page.get_by_role("button", name="Accept", exact=True).click()
    page.get_by_text(re.compile(r"Accepted \d+ draft question")).wait_for()
    first, second = course.questions.in_order()[:2]
    page.get_by_role("link", name="New quiz from the bank").click()
    page.get_by_label("Title").fill("Unit check")
    page.get_by_label("Status").select_option("published")
    for chosen in (first, second):
        page.locator(f'input[name="questions"][value="{chosen.pk}"]').check()
    page.get_by_role("button", name="Save quiz").click()
    page.get_by_text("Saved the quiz “Unit check”.").wait_for()
    quiz = course.quizzes.get(title="Unit check")

    # Order and points: the second question first, worth 2; a random slot drawing one of
    # the accepted questions of the concept with the most, 1.5 points each, moved up.
    walk.go(reverse("quizzes:edit", kwargs={"slug": course.slug, "quiz_id": quiz.pk}))
    slots = page.locator("#slots")
    slots.get_by_role("button", name=re.compile(r"^Down\W+question 1$")).click()
    page.get_by_text(re.compile(r"^Moved .* down\.$")).wait_for()
    page.get_by_label("Points for question 1").fill("2")
    slots.get_by_role("button", name="Save points").click()
    page.get_by_text("Saved the points (1 changed).").wait_for()
    concept = richest_concept(course, besides=[first.pk, second.pk])
    eligible = concept.questions.filter(status="accepted").exclude(pk__in=[first.pk, second.pk])
    slots.get_by_label("Questions to draw").fill("1")
    slots.get_by_label("From the concept").select_option(str(concept.pk))
    slots.get_by_label("Points each").fill("1.5")
    slots.get_by_role("button", name="Add random slot").click()
    page.get_by_text(f"Added a random slot: 1 at random from “{concept.term}”.").wait_for()
    slots.get_by_role("button", name=re.compile(r"^Up\W+slot 3$")).click()
    page.get_by_text(re.compile(r"^Moved “1 at random from .* up\.$")).wait_for()
    random = quiz.slots.random().get()
    assert list(quiz.slots.order_by("position").values_list("question_id", "points")) == [
        (second.pk, 2),
        (None, 1.5),
        (first.pk, 1),
    ]
    assert (random.concept_id, random.draw) == (concept.pk, 1)
    # Asking for more than the concept has: the builder says what each attempt gets.
    page.get_by_label("Draw (slot 2)").fill(str(eligible.count() + 1))
    slots.get_by_role("button", name="Save points").click()
    page.get_by_text("Saved the points (1 changed).").wait_for()
    page.get_by_text(f"each attempt gets {eligible.count()}.").wait_for()
    walk.check("on the quiz builder", phone=True)
    slots.screenshot(path=str(screenshot_dir / "quiz-builder.png"))

    # Publish: the checklist first, which names the short random slot; publish anyway.
    walk.go(reverse("catalog:settings", kwargs={"slug": course.slug}))
    page.get_by_role("link", name="Publish…").click()
    page.get_by_role("heading", name=re.compile(r"^Random slots short of questions")).wait_for()
    walk.check("on the checklist", phone=True)
    page.get_by_role("button", name="Publish anyway").click()
    page.get_by_text("Plans and the people is published.").wait_for()
    course.refresh_from_db()
    assert course.is_published

    # And back to a draft.
    walk.go(reverse("catalog:settings", kwargs={"slug": course.slug}))
    page.get_by_role("button", name="Unpublish").click()
    page.get_by_text("is a draft again").wait_for()
    walk.check("after unpublishing")
    course.refresh_from_db()
    assert not course.is_published
    walk.close()


@pytest.fixture
def course_with_quiz(instructor) -> tuple[Course, object]:
    """The raw page's draft, its questions accepted, a published quiz of two of them."""
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    course.questions.update(status=Question.Status.ACCEPTED)
    quiz = factories.quiz_with(course, list(course.questions.in_order()[:2]), title="Unit check")
    return course, quiz


def test_without_javascript_on_a_phone_the_builder_and_the_checklist_work(
    browser, live_server, instructor, course_with_quiz, axe
):
    course, quiz = course_with_quiz
    walk = Walk(browser, live_server, instructor, axe, javascript=False, width=390)
    page = walk.page
    walk.go(reverse("quizzes:edit", kwargs={"slug": course.slug, "quiz_id": quiz.pk}))
    walk.check("on the quiz builder")
    concept = richest_concept(course, besides=list(quiz.slots.values_list("question", flat=True)))
    slots = page.locator("#slots")
    # Drawing nothing is refused by the browser itself (the server refuses it too: a 400
    # with the form's error, tests/quizzes/test_random_slots.py); then a valid slot.
    draw = slots.get_by_label("Questions to draw")
    draw.fill("0")
    slots.get_by_label("From the concept").select_option(str(concept.pk))
    slots.get_by_role("button", name="Add random slot").click()
    assert draw.evaluate("field => !field.validity.valid")
    assert not QuizQuestion.objects.filter(quiz=quiz, concept__isnull=False).exists()
    draw.fill("50")
    slots.get_by_role("button", name="Add random slot").click()
    page.get_by_text(f"Added a random slot: 50 at random from “{concept.term}”.").wait_for()
    assert page.url.endswith("/edit/#slots")
    page.get_by_text(re.compile(r"each attempt gets \d+\.")).wait_for()
    walk.check("after adding a random slot")

    walk.go(reverse("catalog:publish", kwargs={"slug": course.slug}))
    page.get_by_role("heading", name="Random slots short of questions (1)").wait_for()
    walk.check("on the checklist")
    page.get_by_role("button", name="Publish anyway").click()
    page.get_by_text(f"{course.title} is published.").wait_for()
    walk.go(reverse("catalog:settings", kwargs={"slug": course.slug}))
    page.get_by_role("button", name="Unpublish").click()
    page.get_by_text("is a draft again").wait_for()
    course.refresh_from_db()
    assert not course.is_published
    walk.close()
