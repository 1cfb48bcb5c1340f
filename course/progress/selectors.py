"""Reads of progress: a fixed number of queries however many courses or lessons there are."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from django.db.models import Count

from course.catalog.models import Course, Lesson
from course.progress.models import LessonCompletion
from course.quizzes.attempts import quiz_grade
from course.quizzes.models import Attempt, Quiz

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from course.accounts.models import User


@dataclass(frozen=True)
class LessonProgress:
    course: Course
    lessons_total: int
    lessons_done: int
    next_lesson: Lesson | None  # first unfinished lesson; None when all are done
    quizzes_total: int = 0
    quizzes_passed: int = 0

    @property
    def percent(self) -> int:
        if not self.lessons_total:
            return 0
        return round(100 * self.lessons_done / self.lessons_total)

    @property
    def is_complete(self) -> bool:
        return self.lessons_total > 0 and self.lessons_done >= self.lessons_total


def completed_lesson_ids(*, user_id: int, course: Course) -> set[int]:
    return set(
        LessonCompletion.objects.filter(user_id=user_id, course=course).values_list(
            "lesson_id", flat=True
        )
    )


def course_progress(*, course: Course, lessons: list[Lesson], done: set[int]) -> LessonProgress:
    next_lesson = next((lesson for lesson in lessons if lesson.pk not in done), None)
    return LessonProgress(
        course=course,
        lessons_total=len(lessons),
        lessons_done=sum(1 for lesson in lessons if lesson.pk in done),
        next_lesson=next_lesson,
    )


def dashboard_progress(*, user_id: int) -> list[LessonProgress]:
    """Progress in every course the user is enrolled in, in three queries."""
    courses = list(
        Course.objects.filter(enrollments__user_id=user_id)
        .with_lesson_count()
        .order_by("title", "pk")
    )
    # Only lesson ids and positions: enough to find each course's first unfinished lesson.
    lessons_by_course: dict[int, list[Lesson]] = {c.pk: [] for c in courses}
    for lesson in (
        Lesson.objects.filter(course__in=courses)
        .only("pk", "course_id", "position", "title")
        .in_order()
    ):
        lessons_by_course[lesson.course_id].append(lesson)
    done = set(
        LessonCompletion.objects.filter(user_id=user_id, course__in=courses).values_list(
            "lesson_id", flat=True
        )
    )
    passed = _quizzes_passed(user_id=user_id, courses=courses)
    results = []
    for course in courses:
        lessons = lessons_by_course[course.pk]
        for lesson in lessons:
            lesson.course = course  # so get_absolute_url needs no query
        progress = course_progress(course=course, lessons=lessons, done=done)
        total, ok = passed.get(course.pk, (0, 0))
        results.append(replace(progress, quizzes_total=total, quizzes_passed=ok))
    return results


def _quizzes_passed(*, user_id: int, courses: list[Course]) -> dict[int, tuple[int, int]]:
    """Per course: (published quizzes, quizzes this student passed), in two queries."""
    quizzes = list(Quiz.objects.published().filter(course__in=courses))
    attempts: dict[int, list[Attempt]] = {q.pk: [] for q in quizzes}
    for attempt in Attempt.objects.filter(user_id=user_id, quiz__in=quizzes).order_by("number"):
        attempts[attempt.quiz_id].append(attempt)
    counts: dict[int, tuple[int, int]] = {}
    for quiz in quizzes:
        grade = quiz_grade(quiz, attempts[quiz.pk])
        total, ok = counts.get(quiz.course_id, (0, 0))
        ok += grade is not None and grade * 100 >= quiz.pass_mark
        counts[quiz.course_id] = (total + 1, ok)
    return counts


def done_counts_by_course(*, user_id: int, course_ids: list[int]) -> dict[int, int]:
    rows = (
        LessonCompletion.objects.filter(user_id=user_id, course_id__in=course_ids)
        .values("course_id")
        .annotate(n=Count("pk"))
    )
    return {row["course_id"]: row["n"] for row in rows}


@dataclass(frozen=True)
class QuizRow:
    quiz: Quiz
    grade: float | None  # 0..1 by the quiz's grading method; None before any submit

    @property
    def percent(self) -> int | None:
        return None if self.grade is None else round(self.grade * 100)

    @property
    def passed(self) -> bool:
        return self.grade is not None and self.grade * 100 >= self.quiz.pass_mark


def quiz_rows(*, course: Course, user: User | AnonymousUser, include_drafts: bool) -> list[QuizRow]:
    """The course's quizzes with this student's grade on each, in two queries."""
    quizzes = Quiz.objects.filter(course=course).order_by("title", "pk")
    if not include_drafts:
        quizzes = quizzes.published()
    quizzes = list(quizzes)
    by_quiz: dict[int, list[Attempt]] = {q.pk: [] for q in quizzes}
    if user.is_authenticated and quizzes:
        for attempt in Attempt.objects.filter(user=user, quiz__in=quizzes).order_by("number"):
            by_quiz[attempt.quiz_id].append(attempt)
    return [QuizRow(quiz=q, grade=quiz_grade(q, by_quiz[q.pk])) for q in quizzes]
