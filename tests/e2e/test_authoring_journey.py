"""An instructor writes a single-choice question: adds an option row with htmx, sees the live
preview follow what they type, and saves it to the bank; every state passes axe-core."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.quizzes.models import Question
from tests.e2e.conftest import wait_for_htmx
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_instructor_writes_a_question_with_rows_and_a_live_preview(
    browser, live_server, instructor, course, axe
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # (CI runs two browser workers on two cores: a preview waits its 500 ms, then queues
    # behind the one already in flight, so ten seconds proved short there)
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(instructor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + reverse("quizzes:question-new", kwargs={"slug": course.slug}))
    axe(page)
    page.get_by_role("link", name="Single choice").click()
    axe(page)

    page.get_by_label("Prompt").fill("Which body led the unions?")
    page.get_by_label("Options, row 1").fill("VTsSPS")
    page.get_by_role("button", name="Add a row to options").click()
    page.get_by_label("Options, row 2").wait_for()
    # the new row settles (and takes focus) before it is typed into
    wait_for_htmx(page)
    page.get_by_label("Options, row 2").fill("Gosplan")
    # Unticked, the preview can only list the form's errors: the question with its options
    # shows once the tick's change has posted the form (htmx, at once, not after a reload).
    preview = page.locator("#live-preview")
    assert preview.get_by_text("Gosplan").count() == 0
    page.get_by_label("Option 1 is correct").check()  # ticked, not retyped
    wait_for_htmx(page)
    preview.get_by_text("Gosplan").wait_for()
    assert preview.get_by_text("Which body led the unions?").is_visible()
    axe(page)

    page.get_by_role("button", name="Save to the bank").click()
    page.get_by_text("Question added to the bank.").wait_for()
    question = Question.objects.get(course=course, prompt="Which body led the unions?")
    assert (question.options, question.answer) == (["VTsSPS", "Gosplan"], "VTsSPS")
    assert errors == [], errors
    context.close()
