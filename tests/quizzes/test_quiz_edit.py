"""Instructors build quizzes from the course's question bank; students see published ones."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.quizzes.models import Quiz

pytestmark = pytest.mark.django_db


def new_url(course) -> str:
    return reverse("quizzes:new", kwargs={"slug": course.slug})


def settings_for(questions, **extra) -> dict:
    return {
        "title": "Unit check", "status": "published", "attempts_allowed": 2,
        "grading_method": "highest", "feedback_mode": "immediate", "reveal": "after_each",
        "shuffle_options": "on", "pass_mark": 60,
        "questions": [q.pk for q in questions], **extra,
    }  # fmt: skip


def test_it_builds_a_quiz_from_the_bank(as_user, instructor, course, questions):
    response = as_user(instructor).post(new_url(course), settings_for(questions[:3]))
    quiz = Quiz.objects.get(title="Unit check")
    assert response["Location"] == reverse(
        "quizzes:quiz", kwargs={"slug": course.slug, "quiz_id": quiz.pk}
    )
    assert list(quiz.slots.values_list("question_id", flat=True)) == [q.pk for q in questions[:3]]
    assert quiz.pass_mark == 60


def test_it_edits_the_questions_of_a_quiz(as_user, instructor, course, quiz, questions):
    url = reverse("quizzes:edit", kwargs={"slug": course.slug, "quiz_id": quiz.pk})
    as_user(instructor).post(url, settings_for(questions[2:4], title="Renamed"))
    quiz.refresh_from_db()
    assert quiz.title == "Renamed"
    assert list(quiz.slots.values_list("question_id", flat=True)) == [q.pk for q in questions[2:4]]


def test_it_refuses_questions_of_another_course(as_user, instructor, course, other_course):
    from tests import factories

    foreign = factories.QuestionFactory(course=other_course)
    response = as_user(instructor).post(new_url(course), settings_for([foreign]))
    assert response.status_code == 200
    assert not Quiz.objects.exists()


def test_it_rejects_a_pass_mark_over_100(as_user, instructor, course, questions):
    response = as_user(instructor).post(new_url(course), settings_for(questions, pass_mark=150))
    assert response.status_code == 200
    assert not Quiz.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_others_from_building_quizzes(
    as_user, request, course, questions, persona, status
):
    response = as_user(request.getfixturevalue(persona)).post(
        new_url(course), settings_for(questions)
    )
    assert response.status_code == status
    assert not Quiz.objects.exists()


def test_it_hides_a_draft_quiz_from_students(as_user, student, quiz):
    quiz.status = "draft"
    quiz.save()
    url = reverse("quizzes:quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    assert as_user(student).get(url).status_code == 404


def test_it_lists_quizzes_and_grades_on_the_course_page(as_user, student, quiz):
    text = as_user(student).get(quiz.course.get_absolute_url()).text
    assert quiz.title in text


def test_it_refuses_put_on_the_quiz_builder(as_user, instructor, course):
    assert as_user(instructor).put(new_url(course)).status_code == 405


def test_the_course_page_shows_the_students_stored_grade(as_user, student, course):
    from course.quizzes.attempts import attempt_start, attempt_submit
    from tests import factories

    question = factories.QuestionFactory(course=course)
    quiz = factories.quiz_with(course, [question], title="Graded quiz", pass_mark=0)
    attempt_submit(attempt=attempt_start(quiz=quiz, user=student))
    text = as_user(student).get(course.get_absolute_url()).text
    assert "your grade 0%" in text and '<span class="done-note">passed</span>' in text
