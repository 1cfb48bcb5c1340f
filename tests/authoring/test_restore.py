"""Restoring a line the generator left out of the abstract, from the review page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.authoring.services import course_import_abstract
from course.catalog.models import Course
from course.catalog.services import removed_digest

pytestmark = pytest.mark.django_db

PAGE = (
    "Skip to main content\n\n"
    "Reef fish at their thermal limits\n\n"
    "Abstract\n\n"
    "Coral reefs lose species when water warms beyond their thermal limits. "
    "We surveyed forty reefs across three oceans between 2005 and 2020. "
    "Reefs that bleached twice within five years lost half of their fish species. "
    "Protected reefs recovered faster because grazing fish kept algae in check.\n\n"
    "References\n\n"
    "Smith, J. 2001. Reefs in decline. Marine Biology Letters 3(2).\n"
)


@pytest.fixture
def drafted(instructor) -> Course:
    course, _ = course_import_abstract(text=PAGE, instructors=[instructor])
    return course


def restore_url(course: Course) -> str:
    return reverse("catalog:removed-restore", kwargs={"slug": course.slug})


def line(course: Course, text: str) -> dict[str, object]:
    index = next(i for i, item in enumerate(course.cleaning_report) if item["text"] == text)
    return {"index": index, "digest": removed_digest(text)}


def texts(course: Course) -> list[str]:
    return list(course.sentences.order_by("position").values_list("text", flat=True))


def test_it_restores_a_line_from_above_the_abstract_into_the_first_lesson(
    as_user, instructor, drafted
):
    before = texts(drafted)
    response = as_user(instructor).post(restore_url(drafted), line(drafted, "Skip to main content"))
    assert response.status_code == 302
    drafted.refresh_from_db()
    assert texts(drafted) == ["Skip to main content", *before]
    first = drafted.lessons.in_order().first()
    assert first.sentences.filter(position=0).exists()
    assert first.body.startswith("Skip to main content")
    assert "Skip to main content" not in [item["text"] for item in drafted.cleaning_report]


def test_it_restores_a_line_from_below_the_abstract_into_the_last_lesson(
    as_user, instructor, drafted
):
    reference = "Smith, J. 2001. Reefs in decline. Marine Biology Letters 3(2)."
    count = drafted.sentences.count()
    as_user(instructor).post(restore_url(drafted), line(drafted, reference))
    last = drafted.lessons.in_order().last()
    restored = list(drafted.sentences.filter(position__gte=count).order_by("position"))
    assert restored and all(s.lesson_id == last.pk for s in restored)
    assert " ".join(s.text for s in restored) in last.body


def test_it_restores_nothing_twice_on_a_double_submit(as_user, instructor, drafted):
    data = line(drafted, "Skip to main content")
    client = as_user(instructor)
    client.post(restore_url(drafted), data)
    count = drafted.sentences.count()
    response = client.post(restore_url(drafted), data, follow=True)
    assert drafted.sentences.count() == count
    assert "already restored" in response.text


def test_it_answers_a_forged_index_with_a_message(as_user, instructor, drafted):
    client = as_user(instructor)
    for data in ({"index": 999, "digest": "0" * 16}, {"index": "x", "digest": "nothex"}):
        response = client.post(restore_url(drafted), data, follow=True)
        assert response.status_code == 200
        assert "restore" in response.text.lower()


def test_it_returns_the_removed_text_and_the_regions_it_changed_to_htmx(
    as_user, instructor, drafted
):
    response = as_user(instructor).post(
        restore_url(drafted), line(drafted, "Skip to main content"), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    text = response.text.lstrip()
    assert text.startswith('<div id="removed-text"')  # the form's own region
    assert "Restored 1 sentence(s)" in text.split('hx-swap-oob="true"', 1)[0]
    # The restored sentence shows in the coverage map and its lesson, out of band.
    for region in ("coverage", "lesson-list", "review-summary"):
        assert f'id="{region}" hx-swap-oob="true"' in text, region
    assert "Skip to main content" in text
    assert 'id="review-region"' not in text


@pytest.mark.parametrize("persona", ["student", "other_instructor"])
def test_it_refuses_people_who_cannot_edit_the_course(as_user, request, drafted, persona):
    data = line(drafted, "Skip to main content")
    response = as_user(request.getfixturevalue(persona)).post(restore_url(drafted), data)
    assert response.status_code in {403, 404}
    drafted.refresh_from_db()
    assert "Skip to main content" in [item["text"] for item in drafted.cleaning_report]


def test_it_refuses_get(as_user, instructor, drafted):
    assert as_user(instructor).get(restore_url(drafted)).status_code == 405


def test_it_offers_a_restore_button_for_each_removed_line(as_user, instructor, drafted):
    url = reverse("catalog:review", kwargs={"slug": drafted.slug})
    page = as_user(instructor).get(f"{url}?tab=removed").text
    assert page.count('name="digest"') == len(drafted.cleaning_report)
