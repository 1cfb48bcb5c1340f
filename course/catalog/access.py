"""Who may see what. Views and services call these first; templates never decide access.

A course someone may not see is a 404, not a 403, so drafts do not reveal they exist.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from course.accounts.models import Enrollment, User
from course.catalog.models import Course, Lesson


def _require_visible(user: User | AnonymousUser, course: Course) -> None:
    """Published courses are for everyone, drafts for their instructors and admins."""
    if not course.is_published and not can_edit(user, course):
        raise Http404("No such course.")


def get_course_for(user: User | AnonymousUser, slug: str) -> Course:
    course = get_object_or_404(Course, slug=slug)
    _require_visible(user, course)
    return course


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
    # The lesson and its course in one query.
    lesson = get_object_or_404(
        Lesson.objects.select_related("course"), course__slug=slug, pk=lesson_id
    )
    course = lesson.course
    _require_visible(user, course)
    enrolled = is_enrolled(user, course)
    if not (enrolled or course.open_to_guests or can_edit(user, course)):
        raise PermissionDenied("Enroll in this course to read its lessons.")
    return lesson, enrolled


def get_course_for_editor(user: User | AnonymousUser, slug: str) -> Course:
    """A course this user may change: 404 if they cannot see it, 403 if they only see it."""
    course = get_course_for(user, slug)
    if not can_edit(user, course):
        raise PermissionDenied("Only the course's instructors and admins can change it.")
    return course


def can_create_courses(user: User | AnonymousUser, *, teaches: bool | None = None) -> bool:
    """Admins, instructors of any course, and people given the "add course" permission
    (Moodle's course creators). Pass `teaches` when the caller already knows it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if teaches is None:
        teaches = user.staff_roles.exists()
    return user.is_superuser or teaches or user.has_perm("catalog.add_course")
