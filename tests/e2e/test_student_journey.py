"""A new student signs up, enrolls in the demo course, reads a lesson, marks it complete and
sees the progress bar move: once with JavaScript (htmx swaps the fragment in place) and once
without (the plain form posts and redirects). The lesson, quiz and dashboard screenshots come
from test_accessible_journeys.py, whose student goes further (a discussion, mastery)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from course.catalog.models import Course
from course.progress.models import CourseProgress, LessonCompletion
from course.quizzes.models import Attempt
from tests.e2e.conftest import mailed_link

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_course(settings) -> Course:
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False
    return Course.objects.get()


def collect_console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_student_signs_up_enrolls_reads_and_completes_a_lesson(
    browser, live_server, demo_course, javascript, screenshot_dir
):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1200, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = collect_console_errors(page)
    username = f"reader_{'js' if javascript else 'nojs'}"

    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="Courses").is_visible()
    if javascript:
        page.screenshot(path=str(screenshot_dir / "catalog.png"), full_page=True)
    page.get_by_role("link", name=demo_course.title).click()
    page.get_by_role("main").get_by_role("link", name="sign up").click()

    # Sign-up answers every address alike and mails the link to finish (no account
    # enumeration): the address, then the link, then a username and a password.
    page.get_by_label("Email").fill(f"{username}@example.org")
    page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("heading", name="Check your e-mail to finish").is_visible()
    page.goto(mailed_link(live_server.url))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password:", exact=True).fill("a long enough passphrase 7")
    page.get_by_label("Password confirmation").fill("a long enough passphrase 7")
    page.get_by_role("button", name="Create account").click()

    # `next` brought us back to the course page.
    assert page.get_by_role("heading", name=demo_course.title).is_visible()
    page.get_by_role("button", name="Enroll in this course").click()
    assert page.get_by_text(f"You are enrolled in {demo_course.title}").is_visible()
    total = demo_course.lessons.count()
    assert page.get_by_text(f"0 of {total} lessons complete").is_visible()

    page.get_by_role("link", name="Start:").click()
    first = demo_course.lessons.in_order().first()
    assert page.get_by_role("heading", level=1, name=first.title).is_visible()
    bar = page.locator(f"#progress-{demo_course.pk}")
    assert bar.get_attribute("value") == "0"

    # A glossary term in the body shows its definition on focus.
    term = page.locator(".lesson-body a.term").first
    if term.count():
        term.focus()
        assert term.get_attribute("data-definition")

    if javascript:
        page.evaluate("window.lecternMarker = 'same page'")
    page.get_by_role("button", name="Mark lesson complete").click()
    page.get_by_text("You completed this lesson").wait_for()
    if javascript:
        # The button that had focus was swapped out; focus lands on the confirmation.
        # htmx moves focus to [autofocus] once the swap settles.
        page.wait_for_function("document.activeElement.className === 'done-note'")
    # The stored row under the course's rule (its quizzes count too), not lessons alone.
    stored = CourseProgress.objects.get(user__username=username, course=demo_course)
    assert stored.percent < round(100 / total)
    expected = str(stored.percent)
    assert page.locator(f"#progress-{demo_course.pk}").get_attribute("value") == expected
    assert page.get_by_text(f"1 of {total} lessons complete").is_visible()
    if javascript:
        # htmx swapped the fragment in place: the same document, no navigation.
        assert page.evaluate("window.lecternMarker") == "same page"

    page.get_by_role("link", name="Dashboard").click()
    assert page.get_by_text(f"1 of {total} lessons complete").is_visible()
    assert page.locator(f"#progress-{demo_course.pk}").get_attribute("value") == expected
    assert page.get_by_role("link", name="Continue:").is_visible()

    assert LessonCompletion.objects.filter(user__username=username).count() == 1

    # The demo quiz, with instant feedback on a true/false question.
    page.goto(live_server.url + demo_course.get_absolute_url())
    page.get_by_role("link", name="Check your understanding").click()
    page.get_by_role("button", name="Start the quiz").click()
    attempt = Attempt.objects.get(user__username=username)
    item = attempt.items.select_related("version").get(version__type="true_false")
    card = page.locator(f"#q{item.position}")
    right = "True" if item.version.answer else "False"
    card.get_by_label(right, exact=True).check()
    if javascript:
        page.evaluate("window.lecternMarker = 'quiz page'")
    card.get_by_role("button", name="Check").click()
    page.locator(f"#q{item.position} .feedback").wait_for()
    assert page.locator(f"#q{item.position} .feedback").inner_text() == "Correct"
    if javascript:
        page.wait_for_function("document.activeElement.classList.contains('feedback')")
    if javascript:
        assert page.evaluate("window.lecternMarker") == "quiz page"
    page.get_by_role("link", name="Review and submit").click()
    page.get_by_role("button", name="Submit attempt 1").click()
    assert page.get_by_role("heading", name="Results: attempt 1").is_visible()
    attempt.refresh_from_db()
    assert attempt.state == "submitted" and attempt.score > 0
    assert errors == [], f"console errors (CSP violations show here): {errors}"
    context.close()
