"""The course's settings in the browser, with JavaScript and without, at a desktop's and a
phone's width: rename the course (its old address redirects), change the completion rule,
ask before deleting a concept (a dialog, or a page), publish past the checklist, unpublish.
axe-core finds no serious or critical violation; nothing overflows at 390 px."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.authoring.services import course_import_abstract
from course.catalog.models import Course
from tests.factories import PASSWORD
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db(transaction=True)

FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def drafted(instructor) -> Course:
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    return course


def rename(page, title: str, address: str) -> None:
    """On the settings page: a new title and address, and "every lesson done" to complete
    the course (also walked by test_workspace_done_when.py)."""
    form = page.get_by_role("region", name="Course", exact=True)
    form.get_by_label("Title").fill(title)
    form.get_by_label("Address").fill(address)
    form.get_by_label("Every lesson done", exact=True).check()
    form.get_by_role("button", name="Save settings").click()
    page.get_by_text("Settings saved.").wait_for()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_instructor_renames_publishes_past_the_checklist_and_unpublishes(
    browser, live_server, instructor, drafted, axe, javascript, width
):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def check(where: str) -> None:
        if width < 400:
            assert page.evaluate(FITS), f"wider than the phone {where}"
        if javascript:
            axe(page)

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(instructor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    old_slug = drafted.slug
    page.goto(live_server.url + reverse("catalog:review", kwargs={"slug": old_slug}))
    page.get_by_role("link", name="Course settings").click()
    page.get_by_role("heading", name=f"Settings: {drafted.title}").wait_for()
    check("on the settings page")

    # Rename, a new address, another completion rule.
    rename(page, "Plans and the people", "plans-and-people")
    assert page.url.endswith("/courses/plans-and-people/settings/")
    assert page.get_by_label("Every lesson done", exact=True).is_checked()
    check("after saving")
    drafted.refresh_from_db()
    assert (drafted.title, drafted.slug, drafted.completion_rule) == (
        "Plans and the people",
        "plans-and-people",
        Course.Completion.LESSONS,
    )
    # The old address leads to the new one.
    page.goto(live_server.url + f"/courses/{old_slug}/settings/")
    assert page.url.endswith("/courses/plans-and-people/settings/")

    # Deleting a concept asks first; Cancel keeps it.
    concept = drafted.concepts.order_by("rank", "term", "pk").first()
    row = page.locator(f"#settings-concept-{concept.pk}")
    row.get_by_role("link", name=f"Delete “{concept.term}”").click()
    if javascript:
        page.wait_for_function("() => !!document.querySelector('dialog')?.matches(':modal')")
        check("with the dialog open")
        page.get_by_role("button", name="Cancel").click()
        page.locator("dialog").wait_for(state="detached")
    else:
        page.get_by_role("heading", name=f"Delete “{concept.term}” from the glossary?").wait_for()
        check("on the confirmation page")
        page.get_by_role("link", name="Cancel").click()
    row.wait_for()
    assert drafted.concepts.filter(pk=concept.pk).exists()

    # Publishing shows what is unfinished first; the generated drafts are not reviewed.
    page.get_by_role("link", name="Publish…").click()
    page.get_by_role("heading", name="Draft questions not reviewed", exact=False).wait_for()
    check("on the checklist")
    drafted.refresh_from_db()
    assert not drafted.is_published
    page.get_by_role("button", name="Publish anyway").click()
    page.get_by_text("Plans and the people is published.").wait_for()
    drafted.refresh_from_db()
    assert drafted.is_published

    # And back to a draft.
    page.goto(live_server.url + reverse("catalog:settings", kwargs={"slug": drafted.slug}))
    page.get_by_role("button", name="Unpublish").click()
    page.get_by_text("is a draft again").wait_for()
    check("after unpublishing")
    drafted.refresh_from_db()
    assert not drafted.is_published
    assert errors == []
    context.close()
