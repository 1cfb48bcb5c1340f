"""A student's override of a quiz's rules (extra attempts, a later close date), as the
attempt services read it: the rules hold in the service, whatever a page shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from course.catalog.models import Course
from course.progress.models import CourseProgress
from course.progress.services import lesson_complete
from course.quizzes.attempts import (
    AttemptError,
    attempt_answer,
    attempt_revealed,
    attempt_start,
    attempt_submit,
    attempts_left,
)
from course.quizzes.models import Attempt, Quiz, QuizOverride
from course.quizzes.overrides import quiz_override_delete, quiz_override_set, quiz_rules_for
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_tries(course: Course) -> Quiz:
    """A published quiz of one question ("No one" is right), two attempts, pass mark 50%:
    the course's rule (lessons and quizzes) asks for it to be passed."""
    question = factories.QuestionFactory(course=course)
    return factories.quiz_with(course, [question], title="Two tries", attempts_allowed=2)


def take(quiz: Quiz, user, choice: str | None) -> Attempt:
    """Start, answer the one question with `choice` (None: leave it), submit."""
    attempt = attempt_start(quiz=quiz, user=user)
    if choice is not None:
        item = attempt.items.select_related("version").get(position=1)
        shown = [item.version.options[i] for i in item.option_order]
        data = QueryDict(f"choice={shown.index(choice)}")
        attempt_answer(attempt=attempt, position=1, data=data, check=False)
    return attempt_submit(attempt=attempt)


def out_of_attempts(quiz: Quiz, student) -> None:
    take(quiz, student, "Grant")  # wrong: 0%
    take(quiz, student, None)  # nothing answered: 0%


# --- extra attempts ------------------------------------------------------------------------


def test_it_refuses_a_student_out_of_attempts(student, two_tries):
    out_of_attempts(two_tries, student)
    with pytest.raises(AttemptError, match="used all 2 attempt"):
        attempt_start(quiz=two_tries, user=student)
    assert attempts_left(two_tries, student) == 0


def test_an_extra_attempt_lets_the_student_start_again_and_complete_the_course(
    student, instructor, course, lessons, two_tries
):
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    out_of_attempts(two_tries, student)
    assert not CourseProgress.objects.get(user=student, course=course).completed

    quiz_override_set(
        quiz=two_tries, student=student, by=instructor, extra_attempts=1, closes_at=None
    )
    assert attempts_left(two_tries, student) == 1
    third = take(two_tries, student, "No one")
    assert third.number == 3 and third.score == 1.0

    progress = CourseProgress.objects.get(user=student, course=course)
    assert progress.completed and progress.percent == 100
    # The extra attempt is used: the limit holds again, now at three.
    with pytest.raises(AttemptError, match="used all 3 attempt"):
        attempt_start(quiz=two_tries, user=student)


def test_removing_the_override_restores_the_quizs_own_limit(student, instructor, two_tries):
    out_of_attempts(two_tries, student)
    quiz_override_set(
        quiz=two_tries, student=student, by=instructor, extra_attempts=2, closes_at=None
    )
    assert quiz_override_delete(quiz=two_tries, student=student, by=instructor)
    assert not QuizOverride.objects.exists()
    with pytest.raises(AttemptError):
        attempt_start(quiz=two_tries, user=student)
    assert not quiz_override_delete(quiz=two_tries, student=student, by=instructor)


def test_changing_an_override_keeps_one_row_with_its_grantor_and_time(
    student, instructor, admin, two_tries
):
    first = quiz_override_set(
        quiz=two_tries, student=student, by=instructor, extra_attempts=1, closes_at=None
    )
    second = quiz_override_set(
        quiz=two_tries, student=student, by=admin, extra_attempts=3, closes_at=None
    )
    assert second.pk == first.pk and QuizOverride.objects.count() == 1
    assert second.granted_by == admin and second.granted_at >= first.granted_at
    assert quiz_rules_for(two_tries, student.pk).attempts_allowed == 5


def test_an_override_is_the_students_alone(student, instructor, course, two_tries):
    classmate = factories.UserFactory()
    factories.EnrollmentFactory(user=classmate, course=course)
    out_of_attempts(two_tries, classmate)
    quiz_override_set(
        quiz=two_tries, student=student, by=instructor, extra_attempts=1, closes_at=None
    )
    with pytest.raises(AttemptError):
        attempt_start(quiz=two_tries, user=classmate)


def test_unlimited_stays_unlimited(student, instructor, course):
    quiz = factories.quiz_with(course, [factories.QuestionFactory(course=course)])
    quiz_override_set(quiz=quiz, student=student, by=instructor, extra_attempts=2, closes_at=None)
    assert quiz_rules_for(quiz, student.pk).attempts_allowed == 0
    assert attempts_left(quiz, student) is None


def test_after_the_last_attempt_means_the_last_one_the_student_is_allowed(
    student, instructor, course
):
    """Keys shown after the quiz's own last attempt would be copied into the extra one."""
    quiz = factories.quiz_with(
        course,
        [factories.QuestionFactory(course=course)],
        attempts_allowed=1,
        reveal=Quiz.Reveal.AFTER_LAST,
    )
    quiz_override_set(quiz=quiz, student=student, by=instructor, extra_attempts=1, closes_at=None)
    first = take(quiz, student, "Grant")
    assert not attempt_revealed(first)
    take(quiz, student, "No one")
    assert attempt_revealed(Attempt.objects.get(pk=first.pk))


# --- a later close date --------------------------------------------------------------------


def test_a_closed_quiz_refuses_a_start_until_the_student_gets_a_later_date(
    student, instructor, two_tries
):
    now = timezone.now()
    Quiz.objects.filter(pk=two_tries.pk).update(closes_at=now - timedelta(hours=1))
    two_tries.refresh_from_db()
    with pytest.raises(AttemptError, match="closed on"):
        attempt_start(quiz=two_tries, user=student)

    later = now + timedelta(days=2)
    quiz_override_set(quiz=two_tries, student=student, by=instructor, extra_attempts=0,
                      closes_at=later)  # fmt: skip
    attempt = attempt_start(quiz=two_tries, user=student)
    # No time limit: the attempt ends when the quiz closes for this student.
    assert attempt.deadline == later


def test_the_close_date_caps_a_time_limit(student, instructor, course):
    quiz = factories.quiz_with(
        course,
        [factories.QuestionFactory(course=course)],
        time_limit_minutes=60,
        closes_at=timezone.now() + timedelta(minutes=10),
    )
    attempt = attempt_start(quiz=quiz, user=student)
    assert attempt.deadline == quiz.closes_at


def test_a_later_date_gives_the_open_attempt_more_time_and_removing_it_takes_it_back(
    student, instructor, course
):
    closes = timezone.now() + timedelta(minutes=10)
    quiz = factories.quiz_with(course, [factories.QuestionFactory(course=course)], closes_at=closes)
    attempt = attempt_start(quiz=quiz, user=student)
    assert attempt.deadline == closes
    later = closes + timedelta(days=1)
    quiz_override_set(quiz=quiz, student=student, by=instructor, extra_attempts=0, closes_at=later)
    attempt.refresh_from_db()
    assert attempt.deadline == later
    quiz_override_delete(quiz=quiz, student=student, by=instructor)
    attempt.refresh_from_db()
    assert attempt.deadline == closes


# --- who may grant -------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["student", "other_student", "other_instructor"])
def test_only_the_courses_instructors_and_admins_may_grant(request, student, two_tries, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        quiz_override_set(
            quiz=two_tries, student=student, by=user, extra_attempts=1, closes_at=None
        )
    with pytest.raises(PermissionDenied):
        quiz_override_delete(quiz=two_tries, student=student, by=user)
    assert not QuizOverride.objects.exists()


def test_it_grants_only_to_students_of_the_course(instructor, other_student, two_tries):
    with pytest.raises(ValidationError, match="not enrolled"):
        quiz_override_set(
            quiz=two_tries, student=other_student, by=instructor, extra_attempts=1, closes_at=None
        )


def test_an_override_must_change_something(student, instructor, two_tries):
    with pytest.raises(ValidationError):
        quiz_override_set(
            quiz=two_tries, student=student, by=instructor, extra_attempts=0, closes_at=None
        )
    assert not QuizOverride.objects.exists()


# --- the quiz page -------------------------------------------------------------------------


def quiz_url(quiz: Quiz) -> str:
    return reverse("quizzes:quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def test_the_quiz_page_says_who_to_ask_and_then_offers_the_extra_attempt(
    as_user, student, instructor, two_tries
):
    out_of_attempts(two_tries, student)
    client = as_user(student)
    text = client.get(quiz_url(two_tries)).text
    assert "You have used all your attempts" in text and "Start a new attempt" not in text
    quiz_override_set(
        quiz=two_tries, student=student, by=instructor, extra_attempts=1, closes_at=None
    )
    text = client.get(quiz_url(two_tries)).text
    assert "Start a new attempt" in text
    assert "1 attempt left" in text
    assert "including 1 extra from your instructor" in text


def test_the_quiz_page_shows_a_closed_quiz_as_closed(as_user, student, two_tries):
    Quiz.objects.filter(pk=two_tries.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    text = as_user(student).get(quiz_url(two_tries)).text
    assert "This quiz is closed" in text and "Start the quiz" not in text


def test_an_instructor_sets_the_close_date_in_the_quiz_form(as_user, instructor, two_tries):
    url = reverse("quizzes:edit", kwargs={"slug": two_tries.course.slug, "quiz_id": two_tries.pk})
    data = {
        "title": "Two tries", "status": "published", "attempts_allowed": "2",
        "grading_method": "highest", "feedback_mode": "immediate", "reveal": "after_each",
        "shuffle_options": "on", "pass_mark": "50", "closes_at": "2031-05-04T12:30",
        "questions": [str(pk) for pk in two_tries.slots.values_list("question_id", flat=True)],
    }  # fmt: skip
    client = as_user(instructor)
    assert 'type="datetime-local"' in client.get(url).text
    assert client.post(url, data).status_code == 302
    two_tries.refresh_from_db()
    assert two_tries.closes_at is not None
    assert two_tries.closes_at.isoformat() == "2031-05-04T12:30:00+00:00"
