"""Workflows about people: sign-up, enrollment, course staff."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q

from course.accounts.models import CourseStaff, Enrollment, User
from course.catalog.models import Course


def enrollment_create(*, user: User, course: Course) -> tuple[Enrollment, bool]:
    """Enroll a student; enrolling twice returns the existing enrollment.

    Students may only enroll themselves in published courses; admins and the course's
    instructors can enroll anyone in any of their courses (see `enroll_emails`).
    """
    if not course.is_published:
        raise PermissionDenied("This course is not open for enrollment.")
    return _enroll(user=user, course=course)


def _enroll(*, user: User, course: Course) -> tuple[Enrollment, bool]:
    try:
        with transaction.atomic():
            return Enrollment.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        # A concurrent request enrolled the same person between our read and write.
        return Enrollment.objects.get(user=user, course=course), False


@dataclass
class BulkEnrollResult:
    enrolled: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def enroll_emails(*, course: Course, emails: list[str]) -> BulkEnrollResult:
    """Enroll existing people by email address (the admin's bulk action)."""
    result = BulkEnrollResult()
    wanted = sorted({e.strip().lower() for e in emails if e.strip()})
    if not wanted:
        return result
    # Email uniqueness is case-insensitive (see User.Meta), so match the same way.
    match = reduce(operator.or_, (Q(email__iexact=e) for e in wanted))
    users = {u.email.lower(): u for u in User.objects.filter(match)}
    for email in wanted:
        user = users.get(email)
        if user is None:
            result.unknown.append(email)
            continue
        _, created = _enroll(user=user, course=course)
        (result.enrolled if created else result.already).append(email)
    return result


def course_staff_add(*, course: Course, user: User) -> CourseStaff:
    staff, _ = CourseStaff.objects.get_or_create(course=course, user=user)
    return staff


def user_signup(*, username: str, email: str, password: str) -> User:
    """Everyone who signs up is a student; instructors are made by admins, per course."""
    return User.objects.create_user(username=username, email=email, password=password)
