"""Mastery per concept and stored course progress: rules, idempotence, races."""

from __future__ import annotations

import pytest
from django.db import connection

from course.progress.models import ConceptMastery, CourseProgress, QuizGrade
from course.progress.services import mastery_apply, next_level, progress_refresh
from course.quizzes.attempts import attempt_answer, attempt_start, attempt_submit
from tests import factories

L = ConceptMastery.Level


class Form(dict):
    def getlist(self, key: str) -> list:
        value = self.get(key)
        return [] if value is None else [value]


@pytest.mark.parametrize(
    ("level", "score", "expected"),
    [
        (L.NOT_STARTED, 1.0, L.FAMILIAR),
        (L.NOT_STARTED, 0.0, L.ATTEMPTED),
        (L.NOT_STARTED, 0.5, L.ATTEMPTED),
        (L.FAMILIAR, 1.0, L.PROFICIENT),
        (L.PROFICIENT, 1.0, L.MASTERED),
        (L.MASTERED, 1.0, L.MASTERED),
        (L.MASTERED, 0.0, L.PROFICIENT),
        (L.FAMILIAR, 0.0, L.ATTEMPTED),
        (L.ATTEMPTED, 0.0, L.ATTEMPTED),
        (L.PROFICIENT, 0.5, L.PROFICIENT),
    ],
)
def test_the_mastery_rule(level, score, expected):
    assert next_level(level, score) == expected


@pytest.fixture
def concept_quiz(course):
    concept = course.concepts.get()
    questions = []
    for n in range(3):
        q = factories.QuestionFactory(
            course=course, type="true_false", prompt=f"Claim {n}.", options=["True", "False"],
            answer=True,
        )  # fmt: skip
        q.concepts.add(concept)
        questions.append(q)
    return factories.quiz_with(course, questions, pass_mark=60), concept


@pytest.mark.django_db
def test_checked_answers_move_mastery_once_each(student, concept_quiz):
    quiz, concept = concept_quiz
    attempt = attempt_start(quiz=quiz, user=student)
    for position, choice in [(1, "true"), (2, "true"), (3, "false")]:
        attempt_answer(attempt=attempt, position=position, data=Form(choice=choice), check=True)
    row = ConceptMastery.objects.get(user=student, concept=concept)
    assert (row.level, row.answers, row.correct) == (L.FAMILIAR, 3, 2)  # up, up, down
    attempt_submit(attempt=attempt)  # already-checked answers do not count again
    row.refresh_from_db()
    assert (row.answers, row.correct) == (3, 2)


@pytest.mark.django_db
def test_submitting_stores_the_quiz_grade_and_progress(student, concept_quiz, lessons):
    quiz, _ = concept_quiz
    attempt = attempt_start(quiz=quiz, user=student)
    for position in (1, 2):
        attempt_answer(attempt=attempt, position=position, data=Form(choice="true"), check=False)
    attempt_submit(attempt=attempt)
    grade = QuizGrade.objects.get(user=student, quiz=quiz)
    assert grade.grade == pytest.approx(2 / 3) and grade.passed
    progress = CourseProgress.objects.get(user=student, course=quiz.course)
    assert progress.quizzes_passed == 1
    # Rule "lessons and quizzes": 0 of 3 lessons + 1 of 1 quiz.
    assert progress.percent == 25 and not progress.completed


@pytest.mark.django_db
def test_passing_follows_the_quizs_current_pass_mark(student, concept_quiz, lessons):
    quiz, _ = concept_quiz
    attempt = attempt_start(quiz=quiz, user=student)
    attempt_answer(attempt=attempt, position=1, data=Form(choice="true"), check=False)
    attempt_submit(attempt=attempt)  # 1 of 3: passes a pass mark of 30, not of 60
    quiz.pass_mark = 30
    quiz.save()
    assert progress_refresh(user_id=student.pk, course_id=quiz.course_id).quizzes_passed == 1
    assert QuizGrade.objects.get(user=student, quiz=quiz).passed
    quiz.pass_mark = 60
    quiz.save()
    assert progress_refresh(user_id=student.pk, course_id=quiz.course_id).quizzes_passed == 0
    assert not QuizGrade.objects.get(user=student, quiz=quiz).passed


@pytest.mark.django_db
def test_progress_is_complete_by_the_courses_rule(student, course, lessons):
    from course.progress.services import lesson_complete

    course.completion_rule = "lessons"
    course.save()
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    progress = CourseProgress.objects.get(user=student, course=course)
    assert progress.completed and progress.percent == 100 and progress.completed_at


@pytest.mark.django_db
def test_refreshing_progress_twice_changes_nothing(student, course, lessons):
    from course.progress.services import lesson_complete

    lesson_complete(user=student, lesson=lessons[0])
    first = CourseProgress.objects.get(user=student, course=course)
    again = progress_refresh(user_id=student.pk, course_id=course.pk)
    assert (again.lessons_done, again.percent) == (first.lessons_done, first.percent)
    assert CourseProgress.objects.filter(user=student, course=course).count() == 1


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI runs it)"
)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_answers_arriving_together_both_count(student, concept_quiz):
    from tests.quizzes.test_integrity import run_together

    quiz, concept = concept_quiz
    attempt = attempt_start(quiz=quiz, user=student)
    positions = iter([1, 2])

    def answer() -> None:
        attempt_answer(
            attempt=attempt, position=next(positions), data=Form(choice="true"), check=True
        )

    results = run_together(2, answer)
    assert not [r for r in results if isinstance(r, Exception)], results
    row = ConceptMastery.objects.get(user=student, concept=concept)
    assert (row.answers, row.correct, row.level) == (2, 2, L.PROFICIENT)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_lesson_completions_leave_consistent_progress(student, course, lessons):
    from course.progress.services import lesson_complete
    from tests.quizzes.test_integrity import run_together

    targets = iter(lessons)
    results = run_together(3, lambda: lesson_complete(user=student, lesson=next(targets)))
    assert not [r for r in results if isinstance(r, Exception)], results
    progress_refresh(user_id=student.pk, course_id=course.pk)
    assert CourseProgress.objects.get(user=student, course=course).lessons_done == 3


@pytest.mark.django_db
@pytest.mark.parametrize("score", [1.0, 0.0, 0.5])
def test_it_stores_the_mastery_rule_for_every_level(student, concept_quiz, score):
    """The rule as SQL (one upsert per answer) moves each level as `next_level` says, and
    makes a missing row at the level a first answer reaches."""
    quiz, concept = concept_quiz
    attempt = attempt_start(quiz=quiz, user=student)
    item = attempt.items.get(position=1)
    status = "correct" if score == 1.0 else "incorrect" if score == 0.0 else "partial"
    for level in [None, *L]:
        ConceptMastery.objects.filter(user=student).delete()
        if level is not None:
            ConceptMastery.objects.create(
                user=student, concept=concept, course=quiz.course, level=level, answers=3,
                correct=1,
            )  # fmt: skip
        item.score, item.status, item.mastery_applied = score, status, False
        mastery_apply(item=item, user_id=student.pk)
        row = ConceptMastery.objects.get(user=student, concept=concept)
        expected = next_level(L.NOT_STARTED if level is None else level, score)
        assert (row.level, row.answers, row.correct) == (
            expected,
            1 if level is None else 4,
            int(score == 1.0) + (0 if level is None else 1),
        ), (level, score)
        assert item.mastery_applied
