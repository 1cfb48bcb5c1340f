"""The reader's course pages (catalog, course, lesson): who sees what, what they show, how
many queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.catalog.models import Course
from course.discussions.models import Prompt
from course.pagecache import course_changed
from course.progress.services import lesson_complete, progress_refresh
from tests import factories
from tests.conftest import forget_cached_pages

pytestmark = pytest.mark.django_db


def course_url(course: Course) -> str:
    return reverse("catalog:course", kwargs={"slug": course.slug})


def lesson_url(lesson) -> str:
    return reverse("catalog:lesson", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk})


# --- catalog -------------------------------------------------------------------------------


def test_it_lists_published_courses_and_hides_drafts(as_user, anonymous, course, draft_course):
    response = as_user(anonymous).get(reverse("catalog:index"))
    assert response.status_code == 200
    assert course.title in response.text
    assert draft_course.title not in response.text


def test_it_shows_the_students_progress_on_the_catalog(as_user, student, lessons):
    lesson_complete(user=student, lesson=lessons[0])
    response = as_user(student).get(reverse("catalog:index"))
    assert "Course progress: 33%" in response.text
    assert "1 of 3 lessons complete" in response.text


def test_it_refuses_post_on_the_catalog(as_user, anonymous, db):
    assert as_user(anonymous).post(reverse("catalog:index")).status_code == 405


def _many_courses(n: int, students: list) -> None:
    for _ in range(n):
        # Every part counted: the page's totals of quizzes and prompts must not cost queries.
        c = factories.CourseFactory(completion_rule=Course.Completion.ALL)
        lesson = factories.LessonFactory(course=c, position=1)
        factories.quiz_with(c, [factories.QuestionFactory(course=c)])
        Prompt.objects.create(course=c, lesson=lesson, text="Why?", position=1)
        for s in students:
            factories.EnrollmentFactory(user=s, course=c)
            lesson_complete(user=s, lesson=lesson)


def _renders_in_constant_queries(
    client: Any, reader: Any, url: str, grow: Callable[[], None], at_most: Any
) -> str:
    """The page rendered (a page-cache miss) before and after ``grow`` costs the same
    number of queries, within ``at_most`` (a ``django_assert_max_num_queries`` context)
    once grown; returns the grown page."""
    client.get(url)  # warm the session
    forget_cached_pages(client, reader)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow()
    forget_cached_pages(client, reader)
    with at_most:
        text = client.get(url).text
    forget_cached_pages(client, reader)
    with CaptureQueriesContext(connection) as big:
        client.get(url)
    assert len(big) == len(small)
    return text


def test_it_renders_the_catalog_in_constant_queries(
    as_user, student, course, django_assert_max_num_queries
):
    """Rendering (a page-cache miss: the cache is emptied before each request) costs the
    same number of queries whatever the number of courses."""

    def grow() -> None:
        _many_courses(20, [student, *factories.UserFactory.create_batch(5)])
        factories.grow_course(course, completed_by=student)

    # session, user, courses with lesson counts, my enrolled courses with their totals and
    # my stored progress (one query)
    text = _renders_in_constant_queries(
        as_user(student), student, reverse("catalog:index"), grow,
        django_assert_max_num_queries(4),
    )  # fmt: skip
    assert "Course progress" in text  # the student's own page, not a guest's


# --- course page ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["anonymous", "student", "other_student", "other_instructor"])
def test_it_hides_a_draft_course_from_everyone_but_its_staff(
    as_user, request, draft_course, persona
):
    user = request.getfixturevalue(persona)
    assert as_user(user).get(course_url(draft_course)).status_code == 404


@pytest.mark.parametrize("persona", ["instructor", "admin"])
def test_it_shows_a_draft_course_to_its_instructor_and_admins(
    as_user, request, draft_course, persona
):
    response = as_user(request.getfixturevalue(persona)).get(course_url(draft_course))
    assert response.status_code == 200
    assert "Publish this course" in response.text


def test_it_shows_lessons_completion_marks_and_progress_to_a_student(
    as_user, student, course, lessons
):
    lesson_complete(user=student, lesson=lessons[0])
    response = as_user(student).get(course_url(course))
    assert response.status_code == 200
    assert "1 of 3 lessons complete" in response.text
    assert f'<progress id="progress-{course.pk}" max="100" value="33">' in response.text
    assert f'href="{lesson_url(lessons[1])}">Continue: The purge' in response.text.replace("\n", "")
    assert response.text.count("completed</span>") == 1


def test_it_invites_a_signed_in_visitor_to_enroll(as_user, other_student, course):
    response = as_user(other_student).get(course_url(course))
    assert "Enroll in this course" in response.text


def test_it_asks_an_anonymous_visitor_to_sign_up(as_user, anonymous, course):
    response = as_user(anonymous).get(course_url(course))
    assert "sign up</a> to enroll" in response.text


def test_it_refuses_post_on_the_course_page(as_user, student, course):
    assert as_user(student).post(course_url(course)).status_code == 405


def test_it_renders_the_course_page_in_constant_queries(
    as_user, student, course, lessons, django_assert_max_num_queries
):
    client = as_user(student)
    client.get(course_url(course))
    with CaptureQueriesContext(connection) as small:
        client.get(course_url(course))
    factories.grow_course(course, completed_by=student)
    progress_refresh(user_id=student.pk, course_id=course.pk)
    # session, user, course, enrolled?, lessons with my completions, editable?, my stored
    # progress with the course's totals, quizzes, my grades on them
    with django_assert_max_num_queries(9):
        response = client.get(course_url(course))
    assert "50 of 53 lessons complete" in response.text
    with CaptureQueriesContext(connection) as big:
        client.get(course_url(course))
    assert len(big) == len(small)


# --- lesson page ---------------------------------------------------------------------------


def test_it_shows_a_lesson_with_glossary_and_pager(as_user, student, lessons):
    response = as_user(student).get(lesson_url(lessons[1]))
    assert response.status_code == 200
    text = response.text
    assert '<h1 id="lesson-title">The purge</h1>' in text
    assert f'rel="prev" href="{lesson_url(lessons[0])}"' in text
    assert f'rel="next" href="{lesson_url(lessons[2])}"' in text
    assert 'id="glossary-heading"' in text
    assert "Mark lesson complete" in text


def test_it_marks_concept_terms_in_the_body_with_their_definition(
    as_user, student, lessons, course
):
    concept = course.concepts.get()
    text = as_user(student).get(lesson_url(lessons[0])).text
    assert (
        f'<a class="term" href="#concept-{concept.pk}" '
        f'aria-describedby="concept-{concept.pk}-definition" '
        f'data-definition="Exceeding norms.">shock work</a>'
    ) in text
    assert f'<dd id="concept-{concept.pk}-definition">Exceeding norms.</dd>' in text


def test_it_sanitizes_markup_in_lesson_bodies(as_user, student, lessons):
    lesson = lessons[0]
    lesson.body = (
        "Hi <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"
    )
    lesson.save()
    text = as_user(student).get(lesson_url(lesson)).text
    assert "<script>alert" not in text
    assert 'href="javascript:' not in text
    assert "<img" not in text


@pytest.mark.parametrize("persona", ["anonymous", "other_student", "other_instructor"])
def test_it_lets_guests_read_a_course_open_to_guests(as_user, request, lessons, persona):
    response = as_user(request.getfixturevalue(persona)).get(lesson_url(lessons[0]))
    assert response.status_code == 200
    assert "You are reading as a guest" in response.text
    assert "Mark lesson complete" not in response.text


@pytest.mark.parametrize("persona", ["other_student", "other_instructor"])
def test_it_sends_people_not_enrolled_to_the_course_page_when_guests_are_not_allowed(
    as_user, request, course, lessons, persona
):
    Course.objects.filter(pk=course.pk).update(guest_access=False)
    response = as_user(request.getfixturevalue(persona)).get(lesson_url(lessons[0]))
    assert response.status_code == 302
    assert response["Location"] == reverse("catalog:course", kwargs={"slug": course.slug})


def test_it_sends_anonymous_readers_to_log_in_when_guests_are_not_allowed(
    as_user, anonymous, course, lessons
):
    Course.objects.filter(pk=course.pk).update(guest_access=False)
    response = as_user(anonymous).get(lesson_url(lessons[0]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["instructor", "admin"])
def test_it_lets_staff_read_lessons_without_enrolling(as_user, request, lessons, persona):
    response = as_user(request.getfixturevalue(persona)).get(lesson_url(lessons[0]))
    assert response.status_code == 200
    assert "Mark lesson complete" not in response.text


def test_it_hides_draft_lessons_from_students(as_user, student, draft_course):
    lesson = draft_course.lessons.get()
    assert as_user(student).get(lesson_url(lesson)).status_code == 404


def test_it_404s_a_lesson_of_another_course(as_user, student, course, other_course):
    lesson = other_course.lessons.get()
    url = reverse("catalog:lesson", kwargs={"slug": course.slug, "lesson_id": lesson.pk})
    assert as_user(student).get(url).status_code == 404


def test_it_refuses_post_on_a_lesson(as_user, student, lessons):
    assert as_user(student).post(lesson_url(lessons[0])).status_code == 405


def test_it_renders_a_lesson_in_constant_queries(
    as_user, student, course, lessons, django_assert_max_num_queries
):
    """Rendering (a page-cache miss: the cache is emptied before each request) costs the
    same number of queries whatever the course's size."""
    # session, user, lesson with its course, enrolled?, lessons with my completions,
    # concepts, my stored progress with the course's totals, the lesson's discussion
    # prompts, the published quizzes covering the lesson
    text = _renders_in_constant_queries(
        as_user(student), student, lesson_url(lessons[1]), lambda: factories.grow_course(course),
        django_assert_max_num_queries(9),
    )  # fmt: skip
    assert "Course progress" in text  # the student's own page, not a guest's


def test_a_repeated_lesson_visit_is_served_from_the_page_cache(
    as_user, student, lessons, django_assert_max_num_queries
):
    client = as_user(student)
    url = lesson_url(lessons[1])
    client.get(url)  # sets the CSRF cookie, which the page's forms carry tokens of
    first = client.get(url)
    with django_assert_max_num_queries(1):  # the session (in the database in tests)
        again = client.get(url)
    assert again.content == first.content
    assert "Cookie" in again["Vary"]


@pytest.mark.django_db(transaction=True)  # page-cache versions change when a write commits
def test_it_shows_an_edited_glossary_in_a_lesson_it_already_rendered(
    as_user, student, lessons, course
):
    client = as_user(student)
    url = lesson_url(lessons[0])
    client.get(url)
    assert 'data-definition="Exceeding norms."' in client.get(url).text
    course.concepts.update(definition="Beating the plan.")  # no save(): updated_at unchanged
    course_changed(course.slug)  # a bulk update sends no signal: its writer says so
    text = client.get(url).text
    assert 'data-definition="Beating the plan."' in text
    assert "Exceeding norms." not in text
    lessons[0].body = "Now about **shock work** again."
    lessons[0].save()
    assert "Now about <strong>" in client.get(url).text
