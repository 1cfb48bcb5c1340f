"""Recording progress. Idempotent: repeating an action changes nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, ExpressionWrapper, F, FloatField, QuerySet
from django.utils import timezone

from course.accounts.models import Enrollment, User
from course.catalog.models import Concept, Course, Lesson
from course.discussions.models import Post, Prompt
from course.pagecache import course_changed, person_changed
from course.progress.analysis import quiz_statistics_changed
from course.progress.models import ConceptMastery, CourseProgress, LessonCompletion, QuizGrade
from course.progress.roster_cache import roster_changed
from course.progress.selectors import rule_counts_prompts, rule_counts_quizzes
from course.quizzes.grading import quiz_grade
from course.quizzes.models import Attempt, AttemptItem, Question, QuestionVersion, Quiz


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
        roster_changed(course_id)
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
    roster_changed(course_id)
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
    """Store the student's grade on a quiz (by its grading method) and refresh progress.

    Called whenever an attempt's scores change for good (a submit, an instructor's grade):
    the quiz's item statistics are stale from the commit on."""
    quiz_statistics_changed(quiz.pk)
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


def _next_level_sql(score: float, level: str) -> str:
    """`next_level` of the stored `level` column as SQL, for one statement over many rows
    (CASE, so PostgreSQL and SQLite read it alike; every number is one of our own)."""
    attempted, familiar = ConceptMastery.Level.ATTEMPTED, ConceptMastery.Level.FAMILIAR
    mastered = ConceptMastery.Level.MASTERED
    if score >= CORRECT_AT:
        return (
            f"CASE WHEN {level} + 1 < {familiar} THEN {familiar} "
            f"WHEN {level} + 1 > {mastered} THEN {mastered} ELSE {level} + 1 END"
        )
    if score <= 0:
        return f"CASE WHEN {level} <= {attempted + 1} THEN {attempted} ELSE {level} - 1 END"
    return f"CASE WHEN {level} < {attempted} THEN {attempted} ELSE {level} END"


def mastery_apply(*, item: AttemptItem, user_id: int) -> None:
    """Apply one graded answer to the student's mastery of each concept its question tests,
    and mark the item applied (the caller saves the item, in the same transaction).

    Call inside the transaction that graded the item, with the item row locked: the flag
    makes it count once. One statement whatever the number of concepts (`mastery_statement`).
    """
    statement = mastery_statement(item=item, user_id=user_id)
    if statement is None:
        return
    sql, params = statement
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        mastery_recorded(item=item, user_id=user_id, rows=cursor.rowcount)


def mastery_statement(*, item: AttemptItem, user_id: int) -> tuple[str, list[Any]] | None:
    """The statement that applies one graded answer to mastery, or None when the item has
    nothing to apply (already applied, ungraded, unanswered). After running it, call
    `mastery_recorded` with the rows it wrote. The answer service runs it inside the
    statement that saves the item, on PostgreSQL: one round trip for both.

    An upsert of a row per concept the answered version's question tests, made at the
    rule's first level or moved by the rule (`next_level`, in SQL). Rows are taken in
    concept order, each locked as it is written (a concurrent maker's new row wins and this
    one waits for it, then updates it), so two answers arriving together on the same
    concepts both count, one after the other, and never deadlock.
    """
    if (
        item.mastery_applied
        or item.score is None
        or item.status in (AttemptItem.Status.NEEDS_GRADING, AttemptItem.Status.UNANSWERED)
    ):
        return None
    mastery = ConceptMastery._meta.db_table
    links = Question.concepts.through._meta.db_table
    right = item.score >= CORRECT_AT
    stored = f'"{mastery}".level'
    sql = (
        f'INSERT INTO "{mastery}" (user_id, concept_id, course_id, level, answers, correct, '  # noqa: S608 - our own tables and numbers
        "updated_at) "
        f'SELECT %s, c.id, c.course_id, %s, 1, %s, %s FROM "{Concept._meta.db_table}" c '
        f'JOIN "{links}" l ON l.concept_id = c.id '
        f'JOIN "{QuestionVersion._meta.db_table}" v ON v.question_id = l.question_id '
        "WHERE v.id = %s ORDER BY c.id "
        "ON CONFLICT (user_id, concept_id) DO UPDATE SET "
        f"level = {_next_level_sql(item.score, stored)}, "
        f'answers = "{mastery}".answers + 1, '
        f'correct = "{mastery}".correct + excluded.correct, '
        "updated_at = excluded.updated_at"
    )
    first = next_level(ConceptMastery.Level.NOT_STARTED, item.score)
    return sql, [user_id, first, int(right), timezone.now(), item.version_id]


def mastery_recorded(*, item: AttemptItem, user_id: int, rows: int) -> None:
    """After `mastery_statement` ran and wrote `rows` rows: the item counts as applied, and
    the student's cached pages are stale when any level moved."""
    if rows != 0:  # no concepts: nothing changed
        person_changed(user_id)  # no signal, no queryset: the versions are set here
    item.mastery_applied = True
