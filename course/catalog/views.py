"""The catalog's own action on a course: enrolling in it. (Publishing, with its checklist of
what is unfinished, is the instructor's workspace's: `course.authoring.views.settings`.)

The pages that show a course to its readers (the catalog, a course, a lesson) show their
progress too, so they live a floor up, in `course.progress.views`; the instructor's review
workspace is in `course.authoring.views`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from course.catalog.access import get_course_for
from course.catalog.services import enrollment_create
from course.http import AuthedRequest, safe_next


@require_POST
@login_required
def course_enroll(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for(request.user, slug)
    _, created = enrollment_create(user=request.user, course=course)
    if created:
        messages.success(request, f"You are enrolled in {course.title}.")
    return redirect(safe_next(request) or course.get_absolute_url())
