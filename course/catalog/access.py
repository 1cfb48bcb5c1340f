"""Who may see what. Views and services call these first; templates never decide access.

A course someone may not see is a 404, not a 403, so drafts do not reveal they exist.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from course.accounts.models import Enrollment, User
from course.catalog.models import Course, Lesson


def get_course_for(user: User | AnonymousUser, slug: str) -> Course:
    return get_object_or_404(Course.objects.visible_to(user), slug=slug)


def can_edit(user: User | AnonymousUser, course: Course) -> bool:
    return Course.objects.editable_by(user).filter(pk=course.pk).exists()


def is_enrolled(user: User | AnonymousUser, course: Course) -> bool:
    return user.is_authenticated and Enrollment.objects.filter(user=user, course=course).exists()


def get_lesson_for_reader(
    user: User | AnonymousUser, slug: str, lesson_id: int
) -> tuple[Lesson, bool]:
    """The lesson, if the user may read it: enrolled, on the course's staff, an admin, or
    anyone at all when the published course is open to guests.

    Returns (lesson, enrolled). Raises PermissionDenied for people who may see the course
    but not its lessons: the view turns that into an invitation to enroll or log in.
    """
    course = get_course_for(user, slug)
    lesson = get_object_or_404(Lesson, course=course, pk=lesson_id)
    lesson.course = course
    enrolled = is_enrolled(user, course)
    if not (enrolled or course.open_to_guests or can_edit(user, course)):
        raise PermissionDenied("Enroll in this course to read its lessons.")
    return lesson, enrolled
