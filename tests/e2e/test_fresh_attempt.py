"""Back never shows a stale attempt. A student checks two questions, goes to another page
and comes Back: both questions show as checked, with no Check button left, and the counter
says two answered. With JavaScript (htmx swaps each answer in place and the counter out of
band) and without (each answer a plain form; the page is never stored, so Back asks the
server). A page the browser restores from its back-forward cache refreshes itself."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from playwright.sync_api import expect

from course.quizzes.attempts import attempt_answer
from course.quizzes.models import Attempt
from tests import factories
from tests.quizzes.conftest import QUESTIONS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def quiz(course):
    questions = [factories.QuestionFactory(course=course, **spec) for spec in QUESTIONS]
    return factories.quiz_with(
        course, questions, title="Unions quiz", feedback_mode="immediate", reveal="after_each"
    )


def collect_console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def answer_status(page) -> tuple[str, dict[str, str]]:
    """The counter and each question's state, as the status region shows them now."""
    region = page.locator("#attempt-status")
    states = {
        link.get_attribute("href"): link.locator(".state-label").inner_text()
        for link in region.locator("a.question-state").all()
    }
    return region.locator(".answered-count").inner_text(), states


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_back_shows_the_checked_questions_and_the_true_counter(
    browser, live_server, student, quiz, javascript, axe
):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1200, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = collect_console_errors(page)

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/courses/{quiz.course.slug}/quizzes/{quiz.pk}/")
    page.get_by_role("button", name="Start the quiz").click()
    attempt = Attempt.objects.get(user=student, quiz=quiz)
    items = {item.version.type: item for item in attempt.items.select_related("version")}
    expect(page.locator("#attempt-status .answered-count")).to_have_text("0 of 7 answered")

    true_false, single = items["true_false"], items["single_choice"]
    if javascript:
        page.evaluate("window.lecternMarker = 'attempt page'")
    page.locator(f"#q{true_false.position}").get_by_label("False", exact=True).check()
    page.locator(f"#q{true_false.position}").get_by_role("button", name="Check").click()
    expect(page.locator(f"#q{true_false.position} .feedback")).to_have_text("Correct")
    # Out of band with JavaScript, a new page without: the counter moved either way.
    expect(page.locator("#attempt-status .answered-count")).to_have_text("1 of 7 answered")
    page.locator(f"#q{single.position}").get_by_label("Gosplan", exact=True).check()
    page.locator(f"#q{single.position}").get_by_role("button", name="Check").click()
    expect(page.locator(f"#q{single.position} .feedback")).to_have_text("Incorrect")
    expect(page.locator("#attempt-status .answered-count")).to_have_text("2 of 7 answered")
    if javascript:
        # Swapped in place, the counter out of band: the same document all along.
        assert page.evaluate("window.lecternMarker") == "attempt page"
        axe(page)

    # Another page, then Back.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Unions quiz"
    ).click()
    expect(page.get_by_role("heading", level=1, name="Unions quiz")).to_be_visible()
    page.go_back()

    for item, feedback in ((true_false, "Correct"), (single, "Incorrect")):
        card = page.locator(f"#q{item.position}")
        expect(card.locator(".feedback")).to_have_text(feedback)
        expect(card.get_by_role("button", name="Check")).to_have_count(0)
        for choice in card.get_by_role("radio").all():
            expect(choice).to_be_disabled()
    counter, states = answer_status(page)
    assert counter == "2 of 7 answered"
    assert states[f"#q{true_false.position}"] == "Correct"
    assert states[f"#q{single.position}"] == "Incorrect"
    assert list(states.values()).count("Not answered") == 5
    assert errors == [], f"console errors (CSP violations show here): {errors}"
    context.close()


def test_a_page_restored_from_the_back_forward_cache_refreshes_its_state(
    browser, live_server, student, quiz
):
    """The browser decides whether to keep a page in its back-forward cache; when it shows
    one again it fires `pageshow` with `persisted`. That event, sent here by hand, makes the
    attempt page fetch its questions afresh in place, without a reload."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = collect_console_errors(page)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(student.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/courses/{quiz.course.slug}/quizzes/{quiz.pk}/")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator("#attempt-status .answered-count")).to_have_text("0 of 7 answered")
    attempt = Attempt.objects.get(user=student, quiz=quiz)
    true_false = attempt.items.get(version__type="true_false")

    # Meanwhile, elsewhere (another tab, another device): a question is checked.
    attempt_answer(
        attempt=attempt, position=true_false.position, data=QueryDict("choice=false"), check=True
    )
    page.evaluate("window.lecternMarker = 'same document'")
    # An ordinary pageshow (a first load) changes nothing.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: false}))")
    page.wait_for_timeout(300)
    expect(page.locator("#attempt-status .answered-count")).to_have_text("0 of 7 answered")

    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(page.locator("#attempt-status .answered-count")).to_have_text("1 of 7 answered")
    card = page.locator(f"#q{true_false.position}")
    expect(card.locator(".feedback")).to_have_text("Correct")
    expect(card.get_by_role("button", name="Check")).to_have_count(0)
    assert page.evaluate("window.lecternMarker") == "same document"  # refreshed in place

    # Submitted meanwhile: the attempt's URL now answers with its results, so the page
    # loads them instead of keeping questions that can no longer be answered.
    Attempt.objects.filter(pk=attempt.pk).update(state=Attempt.State.SUBMITTED)
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(page.get_by_role("heading", level=1, name="Results: attempt 1")).to_be_visible()
    assert errors == [], f"console errors (CSP violations show here): {errors}"
    context.close()
