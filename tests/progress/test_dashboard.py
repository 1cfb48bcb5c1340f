"""The student dashboard: progress per course and where to continue."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.progress.services import lesson_complete, progress_refresh
from tests import factories
from tests.conftest import forget_cached_pages

pytestmark = pytest.mark.django_db

URL = reverse("progress:dashboard")


def complete(student, *lessons) -> None:
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)


def test_it_shows_progress_and_the_first_unfinished_lesson(as_user, student, lessons):
    complete(student, lessons[0], lessons[2])
    text = as_user(student).get(URL).text
    assert "2 of 3 lessons complete" in text
    assert f'href="{lessons[1].get_absolute_url()}">Continue: The purge' in text


def test_it_says_when_a_course_is_complete(as_user, student, course, lessons):
    course.completion_rule = "lessons"
    course.save()
    complete(student, *lessons)
    text = as_user(student).get(URL).text
    assert "Every lesson done." in text
    assert '<span class="badge">completed</span>' in text
    assert "Course progress: 100%" in text


def test_it_charts_mastery_and_suggests_the_weakest_concept(as_user, student, course):
    from course.progress.models import ConceptMastery

    concept = course.concepts.get()
    concept.core = True
    concept.save()
    question = factories.QuestionFactory(course=course)
    question.concepts.add(concept)
    quiz = factories.quiz_with(course, [question], title="Practice quiz")
    ConceptMastery.objects.create(user=student, concept=concept, course=course, level=2)
    text = as_user(student).get(URL).text
    # The term and its level as text beside the bar (a class per level sets its width), and
    # again in the table below.
    assert '<ul class="mastery-bars"' in text
    assert re.search(
        r'<span class="mastery-term">shock work<span class="visually-hidden">:</span></span>\s*'
        r'<span class="mastery-level">Familiar <span class="meta">\(2 of 4\)</span></span>\s*'
        r'<span class="mastery-track" aria-hidden="true"><span class="mastery-fill level-2">',
        text,
    )
    assert "<svg" not in text  # scaled to a phone, its labels were 7 px high
    assert "Practise <strong>shock work</strong> (familiar)" in text
    assert f'href="/courses/{course.slug}/quizzes/{quiz.pk}/">Practice quiz</a>' in text


def test_it_lists_courses_an_instructor_teaches(as_user, instructor, course):
    text = as_user(instructor).get(URL).text
    assert "Courses you teach" in text
    assert course.title in text


def test_it_invites_a_student_with_no_courses_to_browse(as_user, other_student):
    assert "not enrolled in any course yet" in as_user(other_student).get(URL).text


def test_it_sends_anonymous_to_log_in(as_user, anonymous, db):
    response = as_user(anonymous).get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_post(as_user, student):
    assert as_user(student).post(URL).status_code == 405


def test_it_renders_in_constant_queries(as_user, student, course, django_assert_max_num_queries):
    """Rendering (a page-cache miss: the cache is emptied before each request) costs the
    same number of queries whatever the number of courses."""
    client = as_user(student)
    client.get(URL)
    forget_cached_pages(client, student)
    with CaptureQueriesContext(connection) as small:
        client.get(URL)
    factories.grow_course(course, completed_by=student)
    progress_refresh(user_id=student.pk, course_id=course.pk)
    for _ in range(5):
        other = factories.CourseFactory()
        factories.LessonFactory(course=other, position=1)
        factories.EnrollmentFactory(user=student, course=other)
    # session, user, my courses with their totals and my stored progress (one query), my
    # completions, their lessons, my mastery levels, their core concepts, practice quizzes
    # for my weakest concepts (2), courses I teach, and for someone who teaches none: my
    # permissions and my groups' permissions (may I create courses?)
    forget_cached_pages(client, student)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert "50 of 53 lessons complete" in response.text
    forget_cached_pages(client, student)
    with CaptureQueriesContext(connection) as big:
        client.get(URL)
    assert len(big) == len(small)


def test_it_counts_quizzes_passed(as_user, student, course):
    from course.quizzes.attempts import attempt_start, attempt_submit

    question = factories.QuestionFactory(course=course)
    passed = factories.quiz_with(course, [question], pass_mark=0)
    factories.quiz_with(course, [question], pass_mark=100)
    factories.quiz_with(course, [question], status="draft")
    attempt_submit(attempt=attempt_start(quiz=passed, user=student))
    assert "1 of 2 quizzes passed" in as_user(student).get(URL).text
