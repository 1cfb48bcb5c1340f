"""The student's dashboard and recording lesson completion."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from course.catalog.access import can_create_courses, get_lesson_for_reader
from course.catalog.models import Course
from course.catalog.views.pages import lesson_context
from course.http import AuthedRequest
from course.pagecache import per_person_page
from course.progress.dashboard import student_dashboard
from course.progress.services import lesson_complete


@require_GET
@login_required
@per_person_page(course_kwarg=None)
def dashboard(request: AuthedRequest) -> HttpResponse:
    teaching = list(Course.objects.taught_by(request.user).order_by("title", "pk"))
    context = {
        "cards": student_dashboard(user_id=request.user.pk),
        "teaching": teaching,
        "can_create": can_create_courses(request.user, teaches=bool(teaching)),
    }
    return render(request, "progress/dashboard.html", context)


@require_POST
@login_required
def lesson_complete_view(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson, enrolled = get_lesson_for_reader(request.user, slug, lesson_id)
    if not enrolled:
        raise PermissionDenied("Only enrolled students record progress.")
    created = lesson_complete(user=request.user, lesson=lesson)
    if request.htmx:
        context = lesson_context(request, lesson, enrolled)
        return render(request, "catalog/lesson_detail.html#completion", context)
    if created:
        messages.success(request, f"“{lesson.title}” marked complete.")
    return redirect(lesson)
