"""An instructor makes a course from an abstract, reviews and edits the draft, publishes it:
with JavaScript (htmx swaps rows and the review region in place) and without (plain forms).
The review screenshot comes from test_accessible_journeys.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.catalog.models import Course
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

ABSTRACT = Path(__file__).resolve().parents[2] / "course" / "catalog" / "demo" / "abstract.txt"


def log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_instructor_generates_edits_and_publishes_a_course(
    browser, live_server, instructor, javascript
):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    log_in(page, live_server.url, instructor.username)
    page.get_by_role("link", name="New course from an abstract").click()
    page.get_by_label("Title").fill("Unions under Stalin")
    page.get_by_label("Abstract").fill(ABSTRACT.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Make the draft").click()

    # wait_for, not is_visible: under load the page may still be arriving after the click.
    page.get_by_role("heading", name="Review: Unions under Stalin").wait_for()
    course = Course.objects.get(title="Unions under Stalin")
    assert course.status == Course.Status.DRAFT
    assert page.locator(".coverage li").count() == course.sentences.count()

    # Edit the first lesson's title.
    first = course.lessons.in_order().first()
    row = page.locator(f"#lesson-{first.pk}")
    if javascript:
        page.evaluate("window.lecternMarker = 'same page'")
    row.get_by_role("link", name="Edit").click()
    page.locator(f"#lesson-{first.pk}").get_by_label("Title").fill("Why the unions were remade")
    page.locator(f"#lesson-{first.pk}").get_by_role("button", name="Save lesson").click()
    page.get_by_role("heading", name="1. Why the unions were remade").wait_for()
    first.refresh_from_db()
    assert first.title == "Why the unions were remade"

    # The questions are in their own tab (with htmx, only the panel changes).
    page.get_by_role("navigation", name="The draft").get_by_role(
        "link", name=f"Questions {course.questions.count()}"
    ).click()
    page.locator("#question-list").wait_for()

    # Delete a question: it asks first (a dialog with JavaScript, a page without).
    question = course.questions.in_order().first()
    page.locator(f"#question-{question.pk}").get_by_role("link", name="Delete…").click()
    page.get_by_role("heading", name=f"Delete Q{question.pk}?").wait_for()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_text(f"Deleted Q{question.pk}").first.wait_for()
    assert not course.questions.filter(pk=question.pk).exists()
    if javascript:
        # The card is a note with Undo, where it was; the page is the same page.
        assert page.locator(f"#question-{question.pk} .notice").is_visible()
        assert page.evaluate("window.lecternMarker") == "same page"
    else:
        assert page.locator(f"#question-{question.pk}").count() == 0

    # The checklist first: the generated drafts are not all reviewed.
    page.get_by_role("link", name="Publish this course…").click()
    page.get_by_role("button", name="Publish anyway").click()
    assert page.get_by_text("is published").is_visible()
    course.refresh_from_db()
    assert course.is_published
    assert errors == [], f"console errors (CSP violations show here): {errors}"
    context.close()
