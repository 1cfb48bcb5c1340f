"""Marking a lesson complete: idempotent, enrolled students only, htmx or plain form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.progress.models import CourseProgress, LessonCompletion

pytestmark = pytest.mark.django_db


def complete_url(lesson) -> str:
    return reverse(
        "progress:lesson-complete", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk}
    )


def test_it_records_completion_and_returns_to_the_lesson(as_user, student, lessons):
    response = as_user(student).post(complete_url(lessons[0]))
    assert response.status_code == 302
    assert response["Location"] == lessons[0].get_absolute_url()
    assert LessonCompletion.objects.filter(user=student, lesson=lessons[0]).count() == 1


def test_it_changes_nothing_when_repeated(as_user, student, lessons):
    client = as_user(student)
    client.post(complete_url(lessons[0]))
    first = LessonCompletion.objects.get(user=student, lesson=lessons[0])
    assert client.post(complete_url(lessons[0])).status_code == 302
    assert list(LessonCompletion.objects.filter(user=student)) == [first]


def test_it_returns_only_the_completion_fragment_to_htmx(as_user, student, lessons, htmx_headers):
    response = as_user(student).post(complete_url(lessons[0]), **htmx_headers)
    assert response.status_code == 200
    text = response.text
    assert text.lstrip().startswith('<section id="completion"')
    assert "<html" not in text
    assert "You completed this lesson" in text
    # The stored row, refreshed by the completion: no quiz in this course, so 1 of 3 parts.
    stored = CourseProgress.objects.get(user=student, course=lessons[0].course)
    assert stored.percent == 33
    assert f'<progress id="progress-{stored.course_id}" max="100" value="33">' in text
    assert "1 of 3 lessons complete" in text


@pytest.mark.parametrize(
    ("persona", "status"), [("other_student", 403), ("instructor", 403), ("admin", 403)]
)
def test_it_refuses_people_not_enrolled(as_user, request, lessons, persona, status):
    response = as_user(request.getfixturevalue(persona)).post(complete_url(lessons[0]))
    assert response.status_code == status
    assert not LessonCompletion.objects.exists()


def test_it_sends_anonymous_to_log_in(as_user, anonymous, lessons):
    response = as_user(anonymous).post(complete_url(lessons[0]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not LessonCompletion.objects.exists()


def test_it_refuses_get(as_user, student, lessons):
    assert as_user(student).get(complete_url(lessons[0])).status_code == 405


def test_it_refuses_a_forged_post_without_csrf(student, lessons):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.post(complete_url(lessons[0])).status_code == 403
    assert not LessonCompletion.objects.exists()
