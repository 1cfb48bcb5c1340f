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


def get_lesson_for_reader(user: User, slug: str, lesson_id: int) -> tuple[Lesson, bool]:
    """The lesson, if the user is enrolled in its course or may edit it.

    Returns (lesson, enrolled). Raises PermissionDenied for people who may see the course
    but have not enrolled: the view turns that into an invitation to enroll.
    """
    course = get_course_for(user, slug)
    lesson = get_object_or_404(Lesson, course=course, pk=lesson_id)
    lesson.course = course
    enrolled = is_enrolled(user, course)
    if not enrolled and not can_edit(user, course):
        raise PermissionDenied("Enroll in this course to read its lessons.")
    return lesson, enrolled
