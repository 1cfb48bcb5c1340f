"""Per-student exceptions to a quiz's rules (Moodle's user overrides): more attempts, a
later close date. A student who used every attempt, or found the quiz closed, is not at a
dead end: an instructor of the course can give them another chance.

`quiz_rules_for` is the one read of a quiz's rules for one student; `attempt_start` and the
pages that say how many attempts are left ask it, so an override holds in the service and
not only on a page. Granting and removing are services that check who asks, as the views
that call them do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from course.accounts.models import Enrollment, User
from course.catalog.access import can_edit
from course.quizzes.models import Attempt, Quiz, QuizOverride


@dataclass(frozen=True)
class QuizRules:
    """A quiz's rules as they apply to one student, their override included."""

    attempts_allowed: int  # 0: unlimited
    closes_at: datetime.datetime | None
    override: QuizOverride | None

    def attempts_left(self, used: int) -> int | None:
        """None when unlimited."""
        if not self.attempts_allowed:
            return None
        return max(self.attempts_allowed - used, 0)

    def is_closed(self, now: datetime.datetime | None = None) -> bool:
        return self.closes_at is not None and (now or timezone.now()) >= self.closes_at


def rules_with(quiz: Quiz, override: QuizOverride | None) -> QuizRules:
    """The rules under an override already read (None: the quiz's own)."""
    allowed = quiz.attempts_allowed
    closes_at = quiz.closes_at
    if override is not None:
        # Unlimited stays unlimited: extra attempts add to a limit, there is none to add to.
        if allowed:
            allowed += override.extra_attempts
        if override.closes_at is not None:
            closes_at = override.closes_at
    return QuizRules(attempts_allowed=allowed, closes_at=closes_at, override=override)


def quiz_rules_for(quiz: Quiz, user_id: int) -> QuizRules:
    """One query: the student's override, if any."""
    override = QuizOverride.objects.filter(quiz=quiz, student_id=user_id).first()
    return rules_with(quiz, override)


def submitted_and_extra(quiz: Quiz, user_id: int) -> tuple[int, int]:
    """The student's submitted attempts at the quiz and their extra attempts, in one query
    (what "after the last allowed attempt" asks)."""
    submitted = (
        Attempt.objects.filter(quiz=OuterRef("pk"), user_id=user_id, state=Attempt.State.SUBMITTED)
        .order_by()
        .values("quiz")
        .annotate(n=Count("pk"))
        .values("n")
    )
    extra = QuizOverride.objects.filter(quiz=OuterRef("pk"), student_id=user_id).values(
        "extra_attempts"
    )[:1]
    counted = Quiz.objects.filter(pk=quiz.pk).annotate(
        submitted=Coalesce(Subquery(submitted, output_field=IntegerField()), Value(0)),
        extra=Coalesce(Subquery(extra, output_field=IntegerField()), Value(0)),
    )
    row = counted.values_list("submitted", "extra").first()
    return (0, 0) if row is None else (int(row[0]), int(row[1]))


def attempt_deadline(
    quiz: Quiz, rules: QuizRules, started_at: datetime.datetime
) -> datetime.datetime | None:
    """When an attempt started then must be submitted by: the time limit, or the close date
    (for this student) if that comes first."""
    ends = [rules.closes_at] if rules.closes_at is not None else []
    if quiz.time_limit_minutes:
        ends.append(started_at + timedelta(minutes=quiz.time_limit_minutes))
    return min(ends, default=None)


def _check_grantor(quiz: Quiz, by: User) -> None:
    # The views check this too (`get_course_for_editor`); the service does not trust them.
    if not can_edit(by, quiz.course):
        raise PermissionDenied(
            "Only the course's instructors and admins can change a quiz's rules."
        )


def _lock_enrollment(quiz: Quiz, student: User) -> None:
    """The student's enrollment row, locked: the lock `attempt_start` takes first, so a
    grant and a start never interleave (the start sees the override, or starts before it
    and has its deadline moved by it)."""
    enrolled = (
        Enrollment.objects.select_for_update()
        .filter(user=student, course_id=quiz.course_id)
        .exists()
    )
    if not enrolled:
        raise ValidationError(f"{student.username} is not enrolled in this course.")


def _refresh_open_attempt(quiz: Quiz, student: User, rules: QuizRules) -> None:
    """An attempt open when the close date moves ends at the new one (a later deadline is
    more time for the attempt in progress too, as in Moodle)."""
    attempt = (
        Attempt.objects.select_for_update(of=("self",))
        .filter(quiz=quiz, user=student, state=Attempt.State.OPEN)
        .first()
    )
    if attempt is None:
        return
    deadline = attempt_deadline(quiz, rules, attempt.started_at)
    if deadline != attempt.deadline:
        attempt.deadline = deadline
        attempt.save(update_fields=["deadline"])


@transaction.atomic
def quiz_override_set(
    *,
    quiz: Quiz,
    student: User,
    by: User,
    extra_attempts: int,
    closes_at: datetime.datetime | None,
) -> QuizOverride:
    """Grant a student an override of a quiz's rules, or change theirs. Raises
    PermissionDenied for anyone but the course's instructors and admins, ValidationError
    for a student not enrolled or an override that changes nothing."""
    _check_grantor(quiz, by)
    if extra_attempts < 0:
        raise ValidationError("Extra attempts cannot be negative.")
    if not extra_attempts and closes_at is None:
        raise ValidationError("Give extra attempts, a later close date, or both.")
    _lock_enrollment(quiz, student)
    override, _ = QuizOverride.objects.update_or_create(
        quiz=quiz,
        student=student,
        defaults={
            "extra_attempts": extra_attempts,
            "closes_at": closes_at,
            "granted_by": by,
            "granted_at": timezone.now(),
        },
    )
    _refresh_open_attempt(quiz, student, rules_with(quiz, override))
    return override


@transaction.atomic
def quiz_override_delete(*, quiz: Quiz, student: User, by: User) -> bool:
    """Take a student's override away: the quiz's own rules apply again. False when there
    was none. Attempts already made stay; new starts, and the deadline of an open attempt,
    follow the quiz's own rules."""
    _check_grantor(quiz, by)
    # The same lock as a grant and a start; a student who has left the course has no
    # enrollment to lock, and their override can still go.
    list(Enrollment.objects.select_for_update().filter(user=student, course_id=quiz.course_id))
    deleted, _ = QuizOverride.objects.filter(quiz=quiz, student=student).delete()
    if deleted:
        _refresh_open_attempt(quiz, student, rules_with(quiz, None))
    return bool(deleted)
