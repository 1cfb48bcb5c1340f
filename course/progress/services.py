"""Recording progress. Idempotent: repeating an action changes nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, ExpressionWrapper, F, FloatField, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Greatest, Least
from django.utils import timezone

from course.accounts.models import Enrollment, User
from course.catalog.models import Concept, Course, Lesson
from course.discussions.models import Post, Prompt
from course.pagecache import course_changed, person_changed
from course.progress.models import ConceptMastery, CourseProgress, LessonCompletion, QuizGrade
from course.progress.selectors import rule_counts_prompts, rule_counts_quizzes
from course.quizzes.grading import quiz_grade
from course.quizzes.models import Attempt, AttemptItem, Quiz


def lesson_complete(*, user: User, lesson: Lesson) -> bool:
    """Mark a lesson complete for an enrolled student. Returns True if this call recorded it."""
    if not Enrollment.objects.filter(user=user, course_id=lesson.course_id).exists():
        raise PermissionDenied("Enroll in the course to record your progress.")
    try:
        with transaction.atomic():
            _, created = LessonCompletion.objects.get_or_create(
                user=user, lesson=lesson, defaults={"course_id": lesson.course_id}
            )
    except IntegrityError:
        # Two submits raced; the other one recorded it (and refreshed progress).
        return False
    if created:
        progress_refresh(user_id=user.pk, course_id=lesson.course_id)
    return created


@dataclass(frozen=True)
class _Totals:
    rule: str
    lessons: int
    quizzes: int
    prompts: int


def _totals(course_id: int) -> _Totals:
    """What the course asks of a student: its rule and how many of each part it counts."""
    course = Course.objects.only("completion_rule").get(pk=course_id)
    return _Totals(
        rule=course.completion_rule,
        lessons=Lesson.objects.filter(course_id=course_id).count(),
        quizzes=Quiz.objects.published().filter(course_id=course_id).count(),
        prompts=Prompt.objects.filter(course_id=course_id).count(),
    )


def _passed_grades() -> QuerySet[QuizGrade]:
    """Grades that pass their quiz, as it is now (published, at its current pass mark)."""
    return QuizGrade.objects.filter(
        quiz__status=Quiz.Status.PUBLISHED,
        grade__gte=ExpressionWrapper(F("quiz__pass_mark") / 100.0, output_field=FloatField()),
    )


def _apply_standing(
    row: CourseProgress, totals: _Totals, lessons: int, quizzes: int, prompts: int
) -> None:
    """Set a progress row from the counts, by the course's completion rule: the one place
    the percentage every page shows is computed (README, "Progress, mastery and the
    gradebook")."""
    parts = [(lessons, totals.lessons)]
    if rule_counts_quizzes(totals.rule):
        parts.append((quizzes, totals.quizzes))
    if rule_counts_prompts(totals.rule):
        parts.append((prompts, totals.prompts))
    done = sum(min(d, t) for d, t in parts)
    total = sum(t for _, t in parts)
    completed = total > 0 and done >= total
    row.lessons_done, row.quizzes_passed, row.prompts_joined = lessons, quizzes, prompts
    row.percent = round(100 * done / total) if total else 0
    if completed and not row.completed:
        row.completed_at = timezone.now()
    row.completed = completed


def progress_refresh(*, user_id: int, course_id: int) -> CourseProgress:
    """Recount a student's standing in a course from the source rows and store it.

    Idempotent and race-safe: it writes counts derived from committed rows with one upsert,
    so two refreshes running together both store the same numbers.
    """
    totals = _totals(course_id)
    lessons_done = LessonCompletion.objects.filter(user_id=user_id, course_id=course_id).count()
    quizzes_passed = _passed_grades().filter(user_id=user_id, course_id=course_id).count()
    prompts_joined = _prompts_joined(user_id=user_id, course_id=course_id)
    with transaction.atomic():
        progress, _ = CourseProgress.objects.select_for_update().get_or_create(
            user_id=user_id, course_id=course_id
        )
        _apply_standing(progress, totals, lessons_done, quizzes_passed, prompts_joined)
        progress.last_activity = timezone.now()
        progress.save()
    return progress


@transaction.atomic
def course_progress_recount(*, course_id: int) -> int:
    """Recount every enrolled student's standing after the course itself changed: a prompt
    or quiz added or removed, a quiz published or its pass mark changed, a lesson added,
    the completion rule changed. Set-based, whatever the number of students: the rows are
    made and locked first (a student's own refresh waits, then recounts after), then three
    grouped counts and one UPDATE per distinct standing. Not student activity:
    `last_activity` is kept. Returns the number of students counted."""
    students = list(
        Enrollment.objects.filter(course_id=course_id).values_list("user_id", flat=True)
    )
    CourseProgress.objects.bulk_create(
        [CourseProgress(user_id=pk, course_id=course_id) for pk in students],
        ignore_conflicts=True,
        batch_size=1000,
    )
    rows = list(
        CourseProgress.objects.select_for_update()
        .filter(course_id=course_id, user_id__in=students)
        .order_by("pk")
    )
    totals = _totals(course_id)

    def per_student(qs: QuerySet[Any], user_field: str, counted: str) -> dict[int, int]:
        return dict(qs.values_list(user_field).annotate(n=Count(counted, distinct=True)).order_by())

    lessons = per_student(
        LessonCompletion.objects.filter(course_id=course_id), "user_id", "lesson_id"
    )
    quizzes = per_student(_passed_grades().filter(course_id=course_id), "user_id", "quiz_id")
    prompts = per_student(
        Post.objects.filter(prompt__course_id=course_id), "author_id", "prompt_id"
    )
    # Students with the same counts get the same standing: one UPDATE per distinct
    # standing (a few dozen at most), not one CASE per row, and none for unchanged rows.
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    fields = ("lessons_done", "quizzes_passed", "prompts_joined", "percent", "completed")
    for row in rows:
        pk = row.user_id
        before = tuple(getattr(row, f) for f in fields)
        was_completed = row.completed
        _apply_standing(row, totals, lessons.get(pk, 0), quizzes.get(pk, 0), prompts.get(pk, 0))
        after = tuple(getattr(row, f) for f in fields)
        if after != before:
            groups[(*after, row.completed and not was_completed)].append(row.pk)
    now = timezone.now()
    for (*values, newly_completed), ids in groups.items():
        changes = dict(zip(fields, values, strict=True))
        if newly_completed:
            changes["completed_at"] = now
        CourseProgress.objects.filter(pk__in=ids).bumped_by_caller().update(**changes)
    # The pages showing this progress are the course's: its version covers every reader.
    slug = Course.objects.filter(pk=course_id).values_list("slug", flat=True).first()
    if slug:
        course_changed(slug)
    return len(rows)


def on_course_requirements_changed(sender: object, *, course_id: int, **kwargs: object) -> None:
    """The receiver of `course_requirements_changed` (connected in ProgressConfig.ready):
    the floors below announce a change to what a course asks; progress recounts."""
    course_progress_recount(course_id=course_id)


def _prompts_joined(*, user_id: int, course_id: int) -> int:
    """Discussion prompts the student has posted in."""
    return (
        Post.objects.filter(author_id=user_id, prompt__course_id=course_id)
        .values("prompt_id")
        .distinct()
        .count()
    )


def quiz_grade_store(*, user_id: int, quiz: Quiz) -> QuizGrade | None:
    """Store the student's grade on a quiz (by its grading method) and refresh progress."""
    attempts = list(Attempt.objects.filter(user_id=user_id, quiz=quiz).order_by("number"))
    grade = quiz_grade(quiz, attempts)
    stored = None
    if grade is not None:
        stored, _ = QuizGrade.objects.update_or_create(
            user_id=user_id,
            quiz=quiz,
            defaults={
                "course_id": quiz.course_id,
                "grade": grade,
                "attempts": sum(1 for a in attempts if a.state == Attempt.State.SUBMITTED),
            },
        )
    progress_refresh(user_id=user_id, course_id=quiz.course_id)
    return stored


# --- mastery -----------------------------------------------------------------------------

CORRECT_AT = 0.999


def next_level(level: int, score: float) -> int:
    """The mastery rule (README, "Mastery"): a right answer moves up one level (a first
    answer that is right lands on familiar), a partly right one keeps the level, a wrong one
    moves down one level; any answer is at least "attempted"."""
    level = max(level, ConceptMastery.Level.ATTEMPTED)
    if score >= CORRECT_AT:
        return min(max(level + 1, ConceptMastery.Level.FAMILIAR), ConceptMastery.Level.MASTERED)
    if score <= 0:
        return max(level - 1, ConceptMastery.Level.ATTEMPTED)
    return level


def _next_level_sql(score: float) -> Combinable:
    """`next_level` as an SQL expression of the row's level, for one UPDATE of many rows."""
    level = Greatest(F("level"), Value(ConceptMastery.Level.ATTEMPTED))
    if score >= CORRECT_AT:
        return Least(
            Greatest(level + 1, Value(ConceptMastery.Level.FAMILIAR)),
            Value(ConceptMastery.Level.MASTERED),
        )
    if score <= 0:
        return Greatest(level - 1, Value(ConceptMastery.Level.ATTEMPTED))
    return level


def mastery_apply(*, item: AttemptItem, user_id: int) -> None:
    """Apply one graded answer to the student's mastery of each concept its question tests,
    and mark the item applied (the caller saves the item, in the same transaction).

    Call inside the transaction that graded the item, with the item row locked: the flag
    makes it count once. Two queries whatever the number of concepts: the missing rows are
    made (a concurrent maker's row wins and this insert waits for it, then skips), then one
    UPDATE applies the rule to every row, each locked as it is written, so two answers
    arriving together on the same concept both count, one after the other.
    """
    if (
        item.mastery_applied
        or item.score is None
        or item.status in (AttemptItem.Status.NEEDS_GRADING, AttemptItem.Status.UNANSWERED)
    ):
        return
    concepts = list(
        Concept.objects.filter(questions__versions=item.version_id).values_list("pk", "course_id")
    )
    if concepts:
        ConceptMastery.objects.bulk_create(
            [ConceptMastery(user_id=user_id, concept_id=pk, course_id=course_id)
             for pk, course_id in concepts],
            ignore_conflicts=True,
        )  # fmt: skip
        ConceptMastery.objects.filter(
            user_id=user_id, concept_id__in=[pk for pk, _ in concepts]
        ).update(
            level=_next_level_sql(item.score),
            answers=F("answers") + 1,
            correct=F("correct") + int(item.score >= CORRECT_AT),
            updated_at=timezone.now(),
        )
        person_changed(user_id)  # an UPDATE sends no signal
    item.mastery_applied = True
