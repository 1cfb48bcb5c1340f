"""Recording progress. Idempotent: repeating an action changes nothing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from course.accounts.models import Enrollment, User
from course.catalog.models import Lesson
from course.progress.models import LessonCompletion


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
        # Two submits raced; the other one recorded it.
        return False
    return created
