"""The bank and the quiz builder as an instructor uses them, with and without JavaScript:
open a bank question from its row, tick a different correct answer and save; accept two
drafts at once with "select all"; move a quiz's question down and give it points. axe-core
checks each page."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from course.quizzes.models import Question
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bank(course):
    choice = factories.QuestionFactory(
        course=course,
        prompt="Which body led the unions?",
        options=["VTsSPS", "Gosplan", "Comintern"],
        answer="VTsSPS",
        status="accepted",
    )
    drafts = [
        factories.QuestionFactory(
            course=course,
            prompt=f"Pending draft about the {topic}?",
            options=["yes", "no", "perhaps"],
            answer="yes",
            status="draft",
        )
        for topic in ("plan", "purge")
    ]
    other = factories.QuestionFactory(
        course=course, prompt="When did the plan start?", status="accepted"
    )
    quiz = factories.quiz_with(course, [choice, other], title="Unit check")
    return choice, drafts, quiz


def sign_in(browser, live_server, user, *, javascript: bool):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return context, page, errors


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_instructor_edits_accepts_and_orders_without_retyping(
    browser, live_server, course, instructor, bank, javascript, axe
):
    choice, drafts, quiz = bank
    context, page, errors = sign_in(browser, live_server, instructor, javascript=javascript)
    bank_url = f"{live_server.url}/courses/{course.slug}/questions/"

    # Open a bank question from its row, tick a different correct answer, save.
    page.goto(bank_url)
    if javascript:
        axe(page)
    page.get_by_role("link", name="Which body led the unions?").click()
    expect(page.get_by_role("heading", name=f"Edit Q{choice.pk}: Single choice")).to_be_visible()
    expect(page.get_by_label("Option 1 is correct")).to_be_checked()
    if javascript:
        axe(page)
    page.get_by_label("Option 2 is correct").check()
    page.get_by_role("button", name=f"Save Q{choice.pk}").click()
    expect(page.get_by_text(f"Saved Q{choice.pk}.")).to_be_visible()
    choice.refresh_from_db()
    assert choice.answer == "Gosplan"

    # Accept two drafts at once: search for them, select all, Accept.
    page.get_by_label("Search").fill("Pending draft")
    page.get_by_role("button", name="Search").click()
    expect(page.locator('input[name="question"]')).to_have_count(2)
    if javascript:
        page.get_by_label("Select all questions on this page").check()
        expect(page.get_by_role("button", name="Select all on this page")).to_be_hidden()
    else:
        expect(page.get_by_label("Select all questions on this page")).to_be_hidden()
        page.get_by_role("button", name="Select all on this page").click()
    for box in page.locator('input[name="question"]').all():
        expect(box).to_be_checked()
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.get_by_text("Accepted 2 draft question(s) into the bank.")).to_be_visible()
    assert set(Question.objects.filter(pk__in=[d.pk for d in drafts]).values_list(
        "status", flat=True
    )) == {"accepted"}  # fmt: skip

    # Reorder the quiz's two questions and give the second one points.
    page.goto(f"{live_server.url}/courses/{course.slug}/quizzes/{quiz.pk}/edit/")
    slots = page.locator("#slots")
    slots.get_by_role("button", name=re.compile(r"^Down\W+question 1$")).click()
    rows = page.locator("#slots tbody tr")
    expect(rows.first).to_contain_text("When did the plan start?")
    expect(rows.nth(1)).to_contain_text("Which body led the unions?")
    page.get_by_label("Points for question 2").fill("3")
    page.locator("#slots").get_by_role("button", name="Save points").click()
    expect(page.get_by_text("Saved the points (1 changed).")).to_be_visible()
    expect(page.locator("#slots")).to_contain_text("Total: 4 points")
    if javascript:
        axe(page)
    positions = list(quiz.slots.order_by("position").values_list("question_id", "points"))
    assert positions == [(positions[0][0], Decimal("1")), (choice.pk, Decimal("3"))]
    assert errors == []
    context.close()
