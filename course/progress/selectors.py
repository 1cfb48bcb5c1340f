"""Reads of progress: a fixed number of queries however many courses or lessons there are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count

from course.catalog.models import Course, Lesson
from course.progress.models import LessonCompletion, QuizGrade
from course.quizzes.models import Quiz

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from course.accounts.models import User


@dataclass(frozen=True)
class LessonProgress:
    course: Course
    lessons_total: int
    lessons_done: int
    next_lesson: Lesson | None  # first unfinished lesson; None when all are done

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
    """The course's quizzes with this student's stored grade on each, in two queries."""
    queryset = Quiz.objects.filter(course=course).order_by("title", "pk")
    if not include_drafts:
        queryset = queryset.published()
    quizzes = list(queryset)
    grades: dict[int, float] = {}
    if user.is_authenticated and quizzes:
        grades = dict(
            QuizGrade.objects.filter(user=user, quiz__in=quizzes).values_list("quiz_id", "grade")
        )
    return [QuizRow(quiz=q, grade=grades.get(q.pk)) for q in quizzes]
