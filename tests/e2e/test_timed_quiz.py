"""A timed quiz on a 390 px phone. The student starts it, sees the countdown, saves an
answer, and the deadline passes: the attempt is found submitted with the saved answer, and
the results say time ran out. With JavaScript the countdown ticks, announces the last minute
through its polite status line and, at the deadline, loads the page that shows the results;
without it the page states the minutes left and the deadline in UTC, and the server submits
the attempt when the student next asks for it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from course.quizzes.models import Attempt, AttemptItem
from tests import factories
from tests.quizzes.conftest import QUESTIONS

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def timed_quiz(course):
    questions = [factories.QuestionFactory(course=course, **spec) for spec in QUESTIONS]
    return factories.quiz_with(
        course,
        questions,
        title="Timed unions quiz",
        feedback_mode="immediate",
        reveal="after_each",
        time_limit_minutes=30,
    )


def move_deadline(attempt: Attempt, seconds: float) -> None:
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() + timedelta(seconds=seconds)
    )


def check_markup(browser, context, page, axe, *, javascript: bool) -> None:
    """axe-core runs in the page, which it cannot without JavaScript: then the page as the
    server sent it is checked in a second context that shares the session and blocks our
    scripts, so the markup is the no-JavaScript one."""
    if javascript:
        axe(page)
        return
    checker = browser.new_context(viewport=PHONE)
    checker.add_cookies(context.cookies())
    checker.route("**/*.js", lambda route: route.abort())
    checking = checker.new_page()
    checking.goto(page.url)
    axe(checking)
    checker.close()


def fits_the_screen(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_timed_attempt_is_submitted_with_the_saved_answers_when_time_runs_out(
    browser, live_server, student, timed_quiz, javascript, axe
):
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/courses/{timed_quiz.course.slug}/quizzes/{timed_quiz.pk}/")
    page.get_by_role("button", name="Start the quiz").click()
    attempt = Attempt.objects.get(user=student, quiz=timed_quiz)
    short = attempt.items.get(version__type="short_answer")
    attempt_url = page.url

    countdown = page.locator("#countdown")
    expect(countdown).to_be_visible()
    expect(countdown.get_by_role("heading", name="Time left")).to_be_visible()
    assert fits_the_screen(page, "#countdown")
    if javascript:
        # Counting down as m:ss, the deadline in the browser's time zone.
        expect(countdown.get_by_role("timer")).to_have_text(re.compile(r"^(30:00|29:[0-5]\d)$"))
        expect(countdown.locator("[data-countdown-local]")).to_contain_text("(your time)")
    else:
        expect(countdown.get_by_role("timer")).to_have_text("30 minutes")
        expect(countdown).to_contain_text("when this page was loaded")
        expect(countdown.locator("[data-countdown-local]")).to_contain_text("UTC")
    check_markup(browser, context, page, axe, javascript=javascript)

    card = page.locator(f"#q{short.position}")
    card.get_by_label("Your answer").fill("Zyxwv Plan")
    card.get_by_role("button", name="Save answer").click()
    if javascript:
        expect(card.get_by_role("status")).to_have_text("Answer saved.")
    else:
        expect(page.locator(f"#q{short.position}").get_by_label("Your answer")).to_have_value(
            "Zyxwv Plan"
        )

    if javascript:
        # A minute and a little more left: the last-minute warning is announced once the
        # minute starts, politely, and the box turns to its final look.
        move_deadline(attempt, 63)
        page.goto(attempt_url)
        announce = page.locator("#countdown [data-countdown-announce]")
        expect(announce).to_have_attribute("aria-live", "polite")
        expect(announce).to_have_text(
            "Less than a minute left: save your answers now.", timeout=8_000
        )
        expect(page.locator("#countdown")).to_have_class("countdown countdown-final")
        axe(page)
        # A few seconds left: the page, left alone, ends on the results.
        move_deadline(attempt, 4)
        page.goto(attempt_url)
        page.wait_for_url("**/results/", timeout=25_000)
    else:
        move_deadline(attempt, -10)
        # Nothing in the page moves by itself; the next request finds the attempt submitted.
        page.goto(attempt_url)
        assert page.url.endswith("/results/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Results")
    expect(
        page.get_by_text("Time was up: this attempt was submitted at its deadline")
    ).to_be_visible()
    expect(page.locator("main")).to_contain_text("Zyxwv Plan")
    check_markup(browser, context, page, axe, javascript=javascript)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    short.refresh_from_db()
    assert short.response == "Zyxwv Plan"
    assert short.status == AttemptItem.Status.CORRECT
    assert errors == [], f"console errors (CSP violations show here): {errors}"
    context.close()
