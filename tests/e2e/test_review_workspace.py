"""The review workspace in the browser, with JavaScript and without: an invalid edit stays in
its card (the page keeps its height, its place and unique ids), a valid one replaces only the
card; regenerate and delete ask first, Cancel changes nothing, and Undo puts the item back.
axe-core checks the states htmx makes (the dialog, a notice, a note with Undo)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.authoring.services import course_import_abstract
from course.catalog.models import Course
from course.quizzes.models import Question
from tests.e2e.conftest import wait_for_htmx
from tests.factories import PASSWORD
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db(transaction=True)

UNIQUE_IDS = "() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);" \
    " return ids.filter((id, i) => ids.indexOf(id) !== i); }"  # fmt: skip
FOCUS_IN = "(id) => !!document.activeElement && !!document.activeElement.closest('#' + id)"
IN_VIEW = (
    "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
    " return r.bottom > 0 && r.top < window.innerHeight; }"
)


@pytest.fixture
def drafted(instructor) -> Course:
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    return course


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_instructor_edits_regenerates_and_deletes_without_losing_anything(
    browser, live_server, instructor, drafted, axe, javascript
):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def check(where: str) -> None:
        assert page.evaluate(UNIQUE_IDS) == [], f"ids twice {where}"
        if javascript:
            axe(page)

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(instructor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    review = reverse("catalog:review", kwargs={"slug": drafted.slug})
    page.goto(f"{live_server.url}{review}?tab=questions")  # the questions' tab
    check("on the review page")
    height = page.evaluate("document.body.scrollHeight")
    if javascript:
        page.evaluate("window.lecternMarker = 'same page'")

    # An edit whose answer is not among the options, then a valid one.
    question = drafted.questions.filter(type="single_choice").order_by("position").first()
    anchor = f"question-{question.pk}"
    card = page.locator(f"#{anchor}")
    card.get_by_role("link", name="Edit").click()
    if javascript:  # the form came in; it focuses its first field as it settles
        card.get_by_label("Answer").wait_for()
        wait_for_htmx(page)
    card.get_by_label("Answer").fill("Not one of them")
    card.get_by_role("button", name="Save question").click()
    card.get_by_text("Not among the options").wait_for()
    check("after an invalid edit")
    if javascript:
        assert page.evaluate("document.body.scrollHeight") > 0.9 * height  # nothing wiped
        assert page.evaluate(FOCUS_IN, anchor)  # the cursor is in the field to fix
        assert page.evaluate("document.activeElement.name") == "answer"
    card.get_by_label("Answer").fill(question.options[0])
    card.get_by_role("button", name="Save question").click()
    card.get_by_text("Question saved.").wait_for()
    check("after a valid edit")
    if javascript:
        assert page.evaluate(FOCUS_IN, anchor) and page.evaluate(IN_VIEW, anchor)
        assert page.evaluate("window.lecternMarker") == "same page"
    question.refresh_from_db()
    assert question.answer == question.options[0]

    # Regenerate a generated question: it asks, keeps the old one, and Undo restores it.
    target = drafted.questions.replaceable().order_by("position").first()
    before = target.prompt
    anchor = f"question-{target.pk}"
    card = page.locator(f"#{anchor}")
    card.get_by_role("link", name="Regenerate…").click()
    page.get_by_role("heading", name=f"Regenerate Q{target.pk}?").wait_for()
    if javascript:
        page.wait_for_function("() => document.querySelector('dialog').matches(':modal')")
        check("with the dialog open")
    page.get_by_role("button", name="Regenerate", exact=True).click()
    card.locator(".notice").wait_for()
    target.refresh_from_db()
    if target.prompt != before:
        assert "Regenerated" in card.locator(".notice").inner_text()
        check("after regenerating")
        card.get_by_role("button", name="Undo").click()
        card.get_by_text("Restored").wait_for()
        target.refresh_from_db()
        assert target.prompt == before
        check("after undoing the regeneration")

    # Delete: Cancel first (nothing happens), then Delete, then Undo.
    victim = drafted.questions.exclude(pk__in=[question.pk, target.pk]).order_by("position")[0]
    anchor = f"question-{victim.pk}"
    card = page.locator(f"#{anchor}")
    card.get_by_role("link", name="Delete…").click()
    page.get_by_role("heading", name=f"Delete Q{victim.pk}?").wait_for()
    page.get_by_role("button" if javascript else "link", name="Cancel").click()
    if javascript:
        page.locator("dialog").wait_for(state="detached")
        assert page.evaluate(FOCUS_IN, anchor)  # back on the Delete link
    assert Question.objects.filter(pk=victim.pk).exists()
    card.get_by_role("link", name="Delete…").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_text(f"Deleted Q{victim.pk}").first.wait_for()
    assert not Question.objects.filter(pk=victim.pk).exists()
    check("after deleting")
    if javascript:
        assert page.evaluate(FOCUS_IN, anchor) and page.evaluate(IN_VIEW, anchor)
        card.get_by_role("button", name="Undo").click()
    else:
        # The page opens at the kept item, under "Removed and replaced".
        page.locator("#removed-items li").filter(has_text=f"Q{victim.pk}").get_by_role(
            "button", name="Restore"
        ).click()
    page.locator(f"#{anchor}").get_by_text("Restored").wait_for()
    assert Question.objects.filter(pk=victim.pk).exists()
    check("after undoing the delete")
    if javascript:
        assert page.evaluate("window.lecternMarker") == "same page"
    if not javascript:  # the invalid edit's page is a 400, as a form that did not validate
        errors = [e for e in errors if "status of 400" not in e]
    assert errors == [], f"console errors (CSP violations show here): {errors}"
    context.close()
