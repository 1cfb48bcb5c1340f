"""Every role's journey in the browser, with axe-core (WCAG 2.1 A and AA) on every page it
visits and after every htmx swap: an instructor makes, edits and publishes a course; a
student enrolls, reads, takes a quiz, posts in a discussion and sees progress and mastery
move, once with the mouse and once with the keyboard alone; an admin enrolls a student and
makes someone an instructor.

The pages keep their CSP (axe is injected over the DevTools protocol, which the policy does
not govern), so these journeys also fail on console errors, as the others do.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from course.accounts.models import CourseStaff, Enrollment
from course.authoring.management.commands.load_demo import DEMO_PASSWORD
from course.catalog.models import Course
from course.discussions.models import Post
from course.progress.models import ConceptMastery, LessonCompletion
from course.quizzes.models import Attempt, Question
from tests.e2e.conftest import mailed_link, report_third_party
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ABSTRACT = Path(__file__).resolve().parents[2] / "course" / "catalog" / "demo" / "abstract.txt"
QUIZ_TITLE = "Check your understanding"


@pytest.fixture
def demo_course(settings) -> Course:
    settings.DEBUG = True  # the demo people (admin, instructor, students) need it
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False
    return Course.objects.get()


@pytest.fixture
def new_page(browser):
    """new_page() -> (page, console errors); the contexts close after the test."""
    contexts = []

    def make(width: int = 1280, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height})
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


def log_in(page, axe, base_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/accounts/login/")
    axe(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def mastery_levels(page, course: Course) -> dict[str, str]:
    """The dashboard's mastery table (the chart's text alternative, in a <details> that may
    be closed, hence text_content): term -> level."""
    rows = page.locator(f"#mastery-{course.pk} ~ details table tbody tr")
    return {
        row.locator("th").text_content().strip(): row.locator("td").text_content().strip()
        for row in rows.all()
    }


def course_progress(page, course: Course) -> str:
    return page.locator(f"label[for='progress-{course.pk}']").inner_text()


def true_false_item(username: str):
    attempt = Attempt.objects.get(user__username=username, state=Attempt.State.OPEN)
    return attempt, attempt.items.select_related("version").get(version__type="true_false")


# --- instructor ----------------------------------------------------------------------------


def test_an_instructor_makes_edits_and_publishes_a_course_accessibly(
    live_server, instructor, new_page, axe, screenshot_dir
):
    page, errors = new_page()
    log_in(page, axe, live_server.url, instructor.username)
    expect(page.get_by_role("heading", name="Your dashboard")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="New course from an abstract").click()
    axe(page)
    page.get_by_label("Title").fill("Unions under Stalin")
    page.get_by_label("Abstract").fill(ABSTRACT.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Make the draft").click()
    expect(page.get_by_role("heading", name="Review: Unions under Stalin")).to_be_visible()
    axe(page)
    page.screenshot(path=str(screenshot_dir / "review.png"), full_page=False)

    course = Course.objects.get(title="Unions under Stalin")
    question = course.questions.in_order().first()
    card = page.locator(f"#question-{question.pk}")
    page.evaluate("window.lecternMarker = 'review page'")
    # The questions are in their own tab: htmx brings its panel into the same page.
    page.get_by_role("navigation", name="The draft").get_by_role(
        "link", name=re.compile(r"^Questions")
    ).click()
    card.wait_for()
    axe(page)  # the Questions tab
    card.get_by_role("link", name="Edit").click()
    explanation = card.get_by_label("Explanation")
    explanation.wait_for()
    axe(page)  # the edit form, swapped in by htmx
    new_explanation = "The text says so in its second sentence."
    explanation.fill(new_explanation)
    card.get_by_role("button", name="Save question").click()
    page.get_by_text("Question saved.").wait_for()
    axe(page)  # the refreshed review region
    assert page.locator(f"#question-{question.pk} .explanation").inner_text() == new_explanation
    question.refresh_from_db()
    assert question.explanation == new_explanation
    assert page.evaluate("window.lecternMarker") == "review page"

    page.get_by_role("link", name="Publish this course…").click()
    axe(page)  # the checklist of what is unfinished (the generated drafts)
    page.get_by_role("button", name="Publish anyway").click()
    expect(page.get_by_text("is published")).to_be_visible()
    axe(page)
    course.refresh_from_db()
    assert course.is_published
    assert errors == [], f"console errors (CSP violations show here): {errors}"


# --- student, with the mouse ---------------------------------------------------------------


def test_a_student_enrolls_reads_takes_a_quiz_discusses_and_progresses_accessibly(
    live_server, demo_course, new_page, axe, screenshot_dir
):
    page, errors = new_page(1200, 900)
    username = "learner"
    page.goto(live_server.url + "/")
    axe(page)
    page.get_by_role("link", name=demo_course.title).click()
    axe(page)
    page.get_by_role("main").get_by_role("link", name="sign up").click()
    axe(page)
    # Sign-up answers every address alike and mails the link to finish (no account
    # enumeration): the address, then the link, then a username and a password.
    page.get_by_label("Email").fill(f"{username}@example.org")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", name="Check your e-mail to finish")).to_be_visible()
    axe(page)
    page.goto(mailed_link(live_server.url))
    axe(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password:", exact=True).fill("a long enough passphrase 7")
    page.get_by_label("Password confirmation").fill("a long enough passphrase 7")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", level=1, name=demo_course.title)).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Enroll in this course").click()
    expect(page.get_by_text(f"You are enrolled in {demo_course.title}")).to_be_visible()
    axe(page)

    # Where the student starts: nothing done, no concept started.
    page.get_by_role("link", name="Dashboard").click()
    axe(page)
    progress_before = course_progress(page, demo_course)
    mastery_before = mastery_levels(page, demo_course)
    assert progress_before.startswith("Course progress: 0%")
    assert set(mastery_before.values()) == {"Not started"}

    # Read the first lesson and mark it complete (htmx swaps the completion region).
    page.get_by_role("link", name="Continue:").click()
    first = demo_course.lessons.in_order().first()
    expect(page.get_by_role("heading", level=1, name=first.title)).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Mark lesson complete").click()
    page.get_by_text("You completed this lesson").wait_for()
    axe(page)
    page.screenshot(path=str(screenshot_dir / "lesson.png"), full_page=True)
    assert LessonCompletion.objects.filter(user__username=username, lesson=first).exists()

    # Discuss the lesson: its first prompt's thread, a new post (htmx swaps the thread).
    discuss = page.get_by_role("region", name="Discuss")
    discuss.get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Add a post")).to_be_visible()
    axe(page)
    body = "The re-election campaigns look like the clearest evidence to me."
    page.get_by_label("Your post").fill(body)
    page.get_by_role("button", name="Post", exact=True).click()
    page.get_by_text("Posted.").wait_for()
    expect(page.locator("#post-list").get_by_text(body)).to_be_visible()
    axe(page)
    page.screenshot(path=str(screenshot_dir / "discussion.png"), full_page=True)
    assert Post.objects.filter(author__username=username, body=body).exists()

    # The demo quiz with instant feedback: check two answers, then submit.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name=demo_course.title
    ).click()
    expect(page.get_by_role("heading", name="Your progress")).to_be_visible()
    axe(page)
    page.get_by_role("link", name=QUIZ_TITLE).click()
    start = page.get_by_role("button", name="Start the quiz")
    expect(start).to_be_visible()
    axe(page)
    start.click()
    page.wait_for_url("**/attempts/*/")
    attempt, item = true_false_item(username)
    card = page.locator(f"#q{item.position}")
    expect(card).to_be_visible()
    axe(page)
    card.get_by_label("True" if item.version.answer else "False", exact=True).check()
    card.get_by_role("button", name="Check").click()
    page.locator(f"#q{item.position} .feedback").wait_for()
    assert page.locator(f"#q{item.position} .feedback").inner_text() == "Correct"
    axe(page)
    cloze = attempt.items.select_related("version").get(version__type=Question.Type.CLOZE)
    card = page.locator(f"#q{cloze.position}")
    card.get_by_label("Your answer").fill(cloze.version.answer[0])
    card.get_by_role("button", name="Check").click()
    page.locator(f"#q{cloze.position} .feedback").wait_for()
    assert page.locator(f"#q{cloze.position} .feedback").inner_text() == "Correct"
    axe(page)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(screenshot_dir / "quiz.png"), full_page=False)

    page.get_by_role("link", name="Review and submit").click()
    axe(page)
    page.get_by_role("button", name="Submit attempt 1").click()
    expect(page.get_by_role("heading", name="Results: attempt 1")).to_be_visible()
    axe(page)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED and attempt.score > 0

    # The dashboard moved: course progress, and the concepts the right answers tested.
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_text("Mastery as a table").click()
    axe(page)
    progress_after = course_progress(page, demo_course)
    mastery_after = mastery_levels(page, demo_course)
    assert progress_after != progress_before
    assert int(re.search(r"(\d+)%", progress_after).group(1)) > 0
    tested = item.version.question.concepts.filter(core=True).values_list("term", flat=True)
    assert tested
    for term in tested:
        assert mastery_before[term] == "Not started"
        assert mastery_after[term] == "Familiar"
    assert ConceptMastery.objects.filter(user__username=username, level__gt=0).exists()
    page.screenshot(path=str(screenshot_dir / "dashboard.png"), full_page=True)
    assert errors == [], f"console errors (CSP violations show here): {errors}"


# --- student, keyboard alone ---------------------------------------------------------------

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
    focusVisible: el.matches(':focus-visible'),
    outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    inViewport: box.bottom > 0 && box.top < window.innerHeight && box.width > 0,
  };
}"""


def assert_focus_visible(page) -> dict:
    focused = page.evaluate(FOCUSED)
    assert focused, "focus was lost to the document body"
    assert focused["focusVisible"] and focused["outlined"], f"no visible focus ring: {focused}"
    assert focused["inViewport"], f"the focused element is off screen: {focused}"
    return focused


def tab_to(page, selector: str, *, text: str | None = None, limit: int = 80) -> dict:
    """Press Tab until the focused element matches `selector` (and contains `text`), checking
    at every stop that focus is visible; fail after `limit` presses."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        match = page.evaluate(
            "([selector, text]) => { const el = document.activeElement;"
            " return !!el && el.matches(selector)"
            " && (!text || (el.innerText || el.value || '').includes(text)); }",
            [selector, text],
        )
        focused = assert_focus_visible(page)
        if match:
            return focused
        seen.append(f"{focused['tag']}:{focused['text'][:30]}")
    pytest.fail(f"{limit} Tabs never reached {selector} {text or ''}; focus went {seen}")


def tab_continues_after(page, selector: str) -> None:
    """After an htmx swap removed the focused button, the next Tab goes on from where the
    swapped region is, not from the top of the page."""
    page.keyboard.press("Tab")
    assert_focus_visible(page)
    follows = page.evaluate(
        "(selector) => !!(document.querySelector(selector).compareDocumentPosition("
        "document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)",
        selector,
    )
    assert follows, f"Tab after the swap of {selector} went back up the page"


def test_a_student_does_the_core_journey_with_the_keyboard_alone(
    live_server, demo_course, new_page, axe
):
    page, errors = new_page(1200, 900)
    student = UserFactory(username="keys")
    page.goto(f"{live_server.url}/accounts/login/?next={demo_course.get_absolute_url()}")
    axe(page)

    # The log-in form focuses its first field.
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type(student.username)
    page.keyboard.press("Tab")
    assert assert_focus_visible(page)["tag"] == "input"
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=demo_course.title).wait_for()
    axe(page)

    # The first stop on a page is the skip link, shown when focused; it moves focus to the
    # content, so the next Tab skips the site navigation.
    page.keyboard.press("Tab")
    assert assert_focus_visible(page)["text"] == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, "button", text="Enroll in this course")
    page.keyboard.press("Enter")
    page.get_by_text(f"You are enrolled in {demo_course.title}").wait_for()
    axe(page)

    tab_to(page, "a", text="Start:")
    page.keyboard.press("Enter")
    first = demo_course.lessons.in_order().first()
    page.get_by_role("heading", level=1, name=first.title).wait_for()
    axe(page)
    tab_to(page, "button", text="Mark lesson complete")
    page.keyboard.press("Space")
    page.get_by_text("You completed this lesson").wait_for()
    axe(page)
    tab_continues_after(page, "#completion")
    assert LessonCompletion.objects.filter(user=student, lesson=first).exists()

    # Back to the course through the breadcrumb: Shift+Tab walks back up the page.
    for _ in range(80):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.closest('.breadcrumb') !== null"):
            break
    assert_focus_visible(page)
    assert page.evaluate("document.activeElement.innerText") == demo_course.title
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=demo_course.title).wait_for()
    axe(page)

    tab_to(page, "a", text=QUIZ_TITLE)
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=QUIZ_TITLE).wait_for()
    axe(page)
    tab_to(page, "button", text="Start the quiz")
    page.keyboard.press("Enter")
    page.get_by_text("Review and submit").wait_for()
    axe(page)

    # A radio group is one Tab stop; the arrow keys choose within it.
    attempt, item = true_false_item(student.username)
    tab_to(page, f"#q{item.position} input[type=radio]")
    if item.version.answer:
        page.keyboard.press("Space")
    else:
        page.keyboard.press("ArrowDown")
    chosen = "true" if item.version.answer else "false"
    assert page.evaluate("document.activeElement.value") == chosen
    assert page.locator(f"#q{item.position} input[value={chosen}]").is_checked()
    page.keyboard.press("Tab")
    assert assert_focus_visible(page)["text"] == "Check"
    page.keyboard.press("Enter")
    page.locator(f"#q{item.position} .feedback").wait_for()
    assert page.locator(f"#q{item.position} .feedback").inner_text() == "Correct"
    axe(page)
    tab_continues_after(page, f"#q{item.position}")

    if assert_focus_visible(page)["text"] != "Review and submit":
        tab_to(page, "a", text="Review and submit", limit=120)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Review before submitting").wait_for()
    axe(page)
    tab_to(page, "button", text="Submit attempt 1")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Results: attempt 1").wait_for()
    axe(page)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED and attempt.score > 0
    assert errors == [], f"console errors (CSP violations show here): {errors}"


# --- admin ---------------------------------------------------------------------------------


def test_an_admin_enrolls_a_student_and_makes_an_instructor_accessibly(
    live_server, demo_course, new_page, axe, screenshot_dir
):
    newcomer = UserFactory(username="newcomer", email="newcomer@example.org")
    colleague = UserFactory(username="colleague", email="colleague@example.org")
    page, errors = new_page()
    page.goto(live_server.url + "/admin/")
    axe(page, third_party=True)
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Site administration").wait_for()
    axe(page, third_party=True)

    # Enroll by email: the course changelist's bulk action, then our form for the addresses.
    page.get_by_role("link", name="Courses", exact=True).click()
    axe(page, third_party=True)
    row = page.get_by_role("row").filter(has_text=demo_course.title)
    row.get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Enroll these emails in the selected course")
    page.get_by_role("button", name="Go").click()
    page.get_by_role("heading", name=f"Enroll people in {demo_course.title}").wait_for()
    axe(page, third_party=True, ours="#content form")  # our form in admin's chrome
    page.get_by_label("Emails").fill("newcomer@example.org\nnobody@example.org")
    page.get_by_role("button", name="Enroll").click()
    page.get_by_text("Enrolled 1; already enrolled 0.").wait_for()
    expect(page.get_by_text("No account for: nobody@example.org")).to_be_visible()
    axe(page, third_party=True)
    page.screenshot(path=str(screenshot_dir / "admin.png"), full_page=False)
    assert Enrollment.objects.filter(user=newcomer, course=demo_course).exists()

    # Make a colleague an instructor: the course's "Instructors" inline.
    page.get_by_role("link", name=demo_course.title, exact=True).click()
    page.get_by_role("heading", name="Instructors").wait_for()
    axe(page, third_party=True)
    inline = page.locator("#staff-group")
    inline.get_by_role("link", name=re.compile("Add another", re.IGNORECASE)).click()
    row = inline.locator(".form-row.dynamic-staff").last
    row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("colleague")
    page.locator(".select2-results__option", has_text="colleague").click()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("was changed successfully").wait_for()
    axe(page, third_party=True)
    assert CourseStaff.objects.filter(user=colleague, course=demo_course).exists()
    # Django admin's scripts (select2, the inline formsets) write style attributes, which
    # our CSP blocks; they work regardless. Anything else fails.
    admins_own = [e for e in errors if e.startswith("Applying inline style violates")]
    if admins_own:
        report_third_party(
            "the admin's course change page (select2, inline formsets)",
            f"{len(admins_own)} console error(s): {admins_own[0]}",
        )
    others = [e for e in errors if e not in admins_own]
    assert others == [], f"console errors (CSP violations show here): {others}"
