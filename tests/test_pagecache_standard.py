"""The lesson page's standard design (settings.PAGE_CACHE = "standard"): the course's matter
as template fragments and a conditional GET, both keyed by the page cache's versions
(course/pagecache.py), instead of the whole page per reader."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.catalog.models import Course
from course.progress.services import lesson_complete
from tests import factories

# Versions are set when a change commits: these tests commit, as a request does.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def standard(settings):
    settings.PAGE_CACHE = "standard"


def lesson_url(lesson) -> str:
    return reverse("catalog:lesson", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk})


def edit_url(lesson) -> str:
    return reverse(
        "catalog:lesson-update", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk}
    )


def _cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.fixture
def reader(as_user, student, lessons):
    """The student after two visits (the first sets the CSRF cookie the ETag covers), with
    the fragments stored: (client, url, etag)."""
    client = as_user(student)
    url = lesson_url(lessons[0])
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    return client, url, response["ETag"]


def _queries_besides_the_session(client, url, **headers):
    """The response and the SQL it ran, leaving out the session's (in the database under
    SQLite settings, in Redis on PostgreSQL with REDIS_URL)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return response, [q["sql"] for q in captured if "django_session" not in q["sql"]]


def test_it_renders_every_visit_in_the_view_not_from_the_page_cache(reader):
    client, url, _ = reader
    # Not a page-cache hit (that reads the session alone): user, lesson with its course,
    # enrolled?, lessons with my completions, my stored progress with the course's totals.
    # The glossary and the prompts are in the fragments.
    response, queries = _queries_besides_the_session(client, url)
    assert len(queries) == 5, queries
    assert "Mark lesson complete" in response.text
    assert 'data-definition="Exceeding norms."' in response.text  # the body, from a fragment


def test_an_instructors_edit_shows_on_the_next_visit(reader, as_user, instructor, lessons):
    client, url, etag = reader
    edited = as_user(instructor).post(
        edit_url(lessons[0]), {"title": "Renamed origins", "objective": "", "body": "New words."}
    )
    assert edited.status_code == 302
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "Renamed origins" in response.text
    assert "New words." in response.text
    assert response["ETag"] != etag


def test_a_bulk_glossary_change_shows_on_the_next_visit(reader, course):
    client, url, _ = reader
    course.concepts.update(definition="Beating the plan.")  # the queryset bumps the course
    text = client.get(url).text
    assert 'data-definition="Beating the plan."' in text
    assert "Exceeding norms." not in text


def test_each_student_gets_their_own_part_around_the_shared_fragments(
    reader, as_user, student, course, lessons
):
    client, url, etag = reader
    second = factories.UserFactory(username="second_reader")
    factories.EnrollmentFactory(user=second, course=course)
    lesson_complete(user=student, lesson=lessons[0])
    theirs = as_user(second)
    theirs.get(url)
    response = theirs.get(url, headers={"If-None-Match": etag})  # the first student's ETag
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "second_reader" in response.text
    assert ">student<" not in response.text
    assert "You completed this lesson" not in response.text
    assert "Course progress: 0%" in response.text
    mine = client.get(url).text
    assert "You completed this lesson" in mine
    assert "second_reader" not in mine


def test_a_matching_etag_gets_a_304_only_while_nothing_changed(reader, student, lessons):
    client, url, etag = reader
    assert etag.startswith('W/"')
    same = client.get(url, headers={"If-None-Match": etag})
    assert same.status_code == 304
    assert same.content == b""
    assert same["ETag"] == etag
    assert {"private", "no-store"} <= _cache_control(same)
    lesson_complete(user=student, lesson=lessons[0])  # the reader's own change
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert "You completed this lesson" in changed.text
    assert changed["ETag"] != etag
    assert {"private", "no-store"} <= _cache_control(changed)
    assert client.get(url, headers={"If-None-Match": changed["ETag"]}).status_code == 304


def test_an_etag_from_before_a_logout_gets_no_304(reader, as_user, student):
    client, url, etag = reader
    client.post(reverse("logout"))
    again = as_user(student)  # a new session: a new CSRF secret, whose tokens the page carries
    again.get(url)
    assert again.get(url, headers={"If-None-Match": etag}).status_code == 200


def test_a_waiting_message_is_rendered_not_answered_with_a_304(reader, student, other_course):
    client, url, etag = reader
    Course.objects.filter(pk=other_course.pk).update(guest_access=False)
    # Not enrolled there: sent to its course page with a message, and nothing written.
    client.get(lesson_url(other_course.lessons.get()))
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "Enroll in this course to read its lessons." in response.text
    assert "ETag" not in response
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304  # shown once


def test_a_guest_gets_no_etag(client, lessons):
    response = client.get(lesson_url(lessons[0]))
    assert response.status_code == 200
    assert "You are reading as a guest" in response.text
    assert "ETag" not in response


def test_a_304_costs_the_session_and_the_user_only(reader):
    client, url, etag = reader
    response, queries = _queries_besides_the_session(client, url, **{"If-None-Match": etag})
    assert response.status_code == 304
    assert len(queries) == 1, queries  # the user
