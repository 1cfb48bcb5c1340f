"""Reads of progress: a fixed number of queries however many courses or lessons there are.

There is one measure of a student's progress in a course: the stored `CourseProgress` row,
which the services keep under the course's completion rule. Every page that shows progress
reads it through `standings` (or `course_standing`, for one course); none recounts it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import (
    Count,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from course.catalog.models import Course, Lesson
from course.discussions.models import Prompt
from course.progress.models import LessonCompletion, QuizGrade
from course.quizzes.models import Quiz

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import WithAnnotations

    from course.accounts.models import User


def rule_counts_quizzes(rule: str) -> bool:
    """Whether a course's completion rule asks for every published quiz to be passed."""
    return rule in (Course.Completion.LESSONS_QUIZZES, Course.Completion.ALL)


def rule_counts_prompts(rule: str) -> bool:
    """Whether a course's completion rule asks for a post in every discussion."""
    return rule == Course.Completion.ALL


@dataclass(frozen=True)
class Standing:
    """A student's progress in one course: the stored percentage under the course's
    completion rule, with the parts it counts. Before the student has done anything there
    is no stored row yet, and the standing is the rule's value for no work: 0%."""

    course: Course
    percent: int
    completed: bool
    completed_at: datetime.datetime | None
    lessons_done: int
    lessons_total: int
    quizzes_passed: int
    quizzes_total: int  # published quizzes
    prompts_joined: int
    prompts_total: int

    @property
    def counts_quizzes(self) -> bool:
        return self.quizzes_total > 0 and rule_counts_quizzes(self.course.completion_rule)

    @property
    def counts_prompts(self) -> bool:
        return self.prompts_total > 0 and rule_counts_prompts(self.course.completion_rule)


class StandingFields(TypedDict):
    """What `standings` adds to each course: what the course has (the totals its rule can
    count) and the student's stored row, None where there is no row yet."""

    lessons_total: int
    quizzes_total: int
    prompts_total: int
    stored_percent: int | None
    stored_completed: bool | None
    stored_completed_at: datetime.datetime | None
    stored_lessons_done: int | None
    stored_quizzes_passed: int | None
    stored_prompts_joined: int | None


def count_of(queryset: QuerySet[Any]) -> Coalesce:
    """A correlated COUNT subquery, so several per-course counts need no joins."""
    sub = (
        queryset.filter(course=OuterRef("pk"))
        .order_by()
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(sub, output_field=IntegerField()), Value(0))


def _standing(course: WithAnnotations[Course, StandingFields]) -> Standing:
    return Standing(
        course=course,
        percent=course.stored_percent or 0,
        completed=bool(course.stored_completed),
        completed_at=course.stored_completed_at,
        lessons_done=course.stored_lessons_done or 0,
        lessons_total=course.lessons_total,
        quizzes_passed=course.stored_quizzes_passed or 0,
        quizzes_total=course.quizzes_total,
        prompts_joined=course.stored_prompts_joined or 0,
        prompts_total=course.prompts_total,
    )


def standings(*, user_id: int, courses: QuerySet[Course]) -> list[Standing]:
    """The student's standing in each of these courses, in their order, in one query: the
    course with its totals, and their stored progress row joined to it (at most one per
    student and course, by its unique constraint)."""
    rows: QuerySet[WithAnnotations[Course, StandingFields]] = courses.defer(
        *Course.BULKY_FIELDS
    ).annotate(
        mine=FilteredRelation("student_progress", condition=Q(student_progress__user_id=user_id)),
        lessons_total=count_of(Lesson.objects.all()),
        quizzes_total=count_of(Quiz.objects.published()),
        prompts_total=count_of(Prompt.objects.all()),
        stored_percent=F("mine__percent"),
        stored_completed=F("mine__completed"),
        stored_completed_at=F("mine__completed_at"),
        stored_lessons_done=F("mine__lessons_done"),
        stored_quizzes_passed=F("mine__quizzes_passed"),
        stored_prompts_joined=F("mine__prompts_joined"),
    )
    return [_standing(course) for course in rows]


def course_standing(*, user_id: int, course: Course) -> Standing:
    """`standings` for one course the caller has already loaded."""
    (standing,) = standings(
        user_id=user_id, courses=Course.objects.filter(pk=course.pk).only("pk", "completion_rule")
    )
    return replace(standing, course=course)


def lessons_with_done(
    lessons: QuerySet[Lesson], *, user_id: int | None
) -> tuple[list[Lesson], set[int]]:
    """The lessons, and which of them the student completed, in one query (`user_id` None:
    a reader who records no progress, so none)."""
    if user_id is None:
        return list(lessons), set()
    marked = list(
        lessons.annotate(
            done=Exists(LessonCompletion.objects.filter(user_id=user_id, lesson=OuterRef("pk")))
        )
    )
    # Copied into a list[Lesson]: a list of the annotated type is not one (lists are invariant).
    return [lesson for lesson in marked], {lesson.pk for lesson in marked if lesson.done}


def first_unfinished(lessons: list[Lesson], done: set[int]) -> Lesson | None:
    """Where the student continues: the first lesson not done; None when all are."""
    return next((lesson for lesson in lessons if lesson.pk not in done), None)


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
