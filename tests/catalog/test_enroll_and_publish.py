"""Enrolling in a course and publishing one: who may, what it leaves, the wrong method."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def lesson_url(lesson) -> str:
    return reverse("catalog:lesson", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk})


# --- enroll --------------------------------------------------------------------------------


def test_it_enrolls_a_student_once_however_often_they_ask(as_user, other_student, course):
    client = as_user(other_student)
    url = reverse("catalog:enroll", kwargs={"slug": course.slug})
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert course.enrollments.filter(user=other_student).count() == 1


def test_it_does_not_enroll_anyone_in_a_draft(as_user, other_student, draft_course):
    url = reverse("catalog:enroll", kwargs={"slug": draft_course.slug})
    assert as_user(other_student).post(url).status_code == 404
    assert not draft_course.enrollments.exists()


def test_it_sends_anonymous_enrollers_to_log_in(as_user, anonymous, course):
    response = as_user(anonymous).post(reverse("catalog:enroll", kwargs={"slug": course.slug}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_get_on_enroll(as_user, other_student, course):
    url = reverse("catalog:enroll", kwargs={"slug": course.slug})
    assert as_user(other_student).get(url).status_code == 405


def test_it_enrolls_a_guest_and_brings_them_back_to_the_lesson(as_user, other_student, lessons):
    client = as_user(other_student)
    url = reverse("catalog:enroll", kwargs={"slug": lessons[0].course.slug})
    response = client.post(url, {"next": lesson_url(lessons[0])})
    assert response["Location"] == lesson_url(lessons[0])
    assert "Mark lesson complete" in client.get(lesson_url(lessons[0])).text


def test_it_ignores_an_offsite_next_after_enrolling(as_user, other_student, course):
    url = reverse("catalog:enroll", kwargs={"slug": course.slug})
    response = as_user(other_student).post(url, {"next": "https://evil.example/"})
    assert response["Location"] == course.get_absolute_url()


# --- publish -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["instructor", "admin"])
def test_it_lets_the_instructor_and_admins_publish(as_user, request, draft_course, persona):
    # The draft's one lesson has no sentence: publishing past the checklist must be asked.
    url = reverse("catalog:publish", kwargs={"slug": draft_course.slug})
    response = as_user(request.getfixturevalue(persona)).post(url, {"anyway": "on"})
    assert response.status_code == 302
    draft_course.refresh_from_db()
    assert draft_course.is_published
    assert draft_course.published_at is not None


@pytest.mark.parametrize(
    ("persona", "status"), [("other_instructor", 404), ("student", 404), ("anonymous", 302)]
)
def test_it_refuses_publishing_to_others(as_user, request, draft_course, persona, status):
    url = reverse("catalog:publish", kwargs={"slug": draft_course.slug})
    assert as_user(request.getfixturevalue(persona)).post(url).status_code == status
    draft_course.refresh_from_db()
    assert not draft_course.is_published


def test_it_refuses_publishing_a_visible_course_to_a_student(as_user, student, course):
    url = reverse("catalog:publish", kwargs={"slug": course.slug})
    assert as_user(student).post(url).status_code == 403


def test_it_shows_the_checklist_on_get_and_publishes_nothing(as_user, instructor, draft_course):
    # GET is the checklist before publishing (tests/authoring/test_publish_checklist.py).
    url = reverse("catalog:publish", kwargs={"slug": draft_course.slug})
    assert as_user(instructor).get(url).status_code == 200
    draft_course.refresh_from_db()
    assert not draft_course.is_published


def test_it_refuses_delete_on_publish(as_user, instructor, draft_course):
    url = reverse("catalog:publish", kwargs={"slug": draft_course.slug})
    assert as_user(instructor).delete(url).status_code == 405
