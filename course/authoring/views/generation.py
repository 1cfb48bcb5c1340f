"""A new course from an abstract: the form, and the page that shows a long paste's progress.

A typical abstract is generated within the request (a second or less), so any problem with
the text shows on the form. A paste longer than `settings.GENERATION_IN_BACKGROUND_BYTES`
becomes a `GenerationJob` (course/authoring/jobs.py): the form's answer is its page, which
polls itself with htmx every second (without JavaScript, a `<meta http-equiv="refresh">`
inside `<noscript>` reloads it) and goes on to the review page when the course is made.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from course.authoring import jobs, services
from course.authoring.forms import NewCourseForm
from course.authoring.models import GenerationJob
from course.catalog.access import can_create_courses
from course.generator import MAX_INPUT_BYTES, InputError
from course.generator.decode import check_text
from course.http import AuthedRequest

TEMPLATE = "catalog/generation_job.html"
# htmx stops polling an element whose answer has this status (and still swaps it in).
STOP_POLLING = 286


@require_http_methods(["GET", "POST"])
@login_required
def course_new(request: AuthedRequest) -> HttpResponse:
    if not can_create_courses(request.user):
        raise PermissionDenied("Only instructors and admins can make courses.")
    form = NewCourseForm(request.POST or None, request.FILES or None, initial=_again(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        text, title = data["source"], data["title"] or None
        try:
            # Too large, binary or empty: said on the form at once, never as a failed job.
            check_text(text)
            if len(text.encode("utf-8", errors="surrogatepass")) > _background_bytes():
                job = jobs.generation_job_start(
                    owner=request.user, text=text, title=title, token=data["token"]
                )
                return redirect("catalog:generation-job", job_id=job.pk)
            course = services.course_create_from_submission(
                text=text, title=title, creator=request.user, token=data["token"]
            )
        except InputError as error:
            form.add_error("file" if data.get("file") else "text", str(error))
        except jobs.JobRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Draft “{course.title}” is ready for your review.")
            return redirect("catalog:review", slug=course.slug)
    return render(
        request,
        "catalog/course_new.html",
        {"form": form, "max_bytes": MAX_INPUT_BYTES, "background_bytes": _background_bytes()},
    )


def _again(request: AuthedRequest) -> dict[str, str]:
    """The text and title of the instructor's own failed job (`?again=<id>`), to try again
    without pasting it anew."""
    job_id = request.GET.get("again", "")
    if request.method != "GET" or not job_id.isdigit():
        return {}
    job = GenerationJob.objects.filter(
        pk=int(job_id), owner=request.user, status=GenerationJob.Status.FAILED
    ).first()
    return {"text": job.source_text, "title": job.title} if job else {}


@require_GET
@login_required
@vary_on_headers("HX-Request")
def generation_job(request: AuthedRequest, job_id: int) -> HttpResponse:
    # Only its owner may see a job, or know that it exists: 404 for everyone else.
    job = get_object_or_404(
        GenerationJob.objects.select_related("course"), pk=job_id, owner=request.user
    )
    jobs.generation_job_expire(job=job)
    if job.status == GenerationJob.Status.DONE and job.course is not None:
        messages.success(request, f"Draft “{job.course.title}” is ready for your review.")
        url = reverse("catalog:review", kwargs={"slug": job.course.slug})
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    marker = f"{job.status}:{job.step}"
    if request.htmx and request.GET.get("seen") == marker:
        # Nothing new: htmx swaps nothing on a 204, so a screen reader hears nothing again.
        return HttpResponse(status=204)
    stage = jobs.stage_of(job)
    context = {"job": job, "stage": stage, "steps": jobs.STEPS, "marker": marker}
    if request.htmx:
        response = render(request, TEMPLATE + "#job-progress", context)
        if not job.is_active:
            response.status_code = STOP_POLLING
        return response
    return render(request, TEMPLATE, context)


def _background_bytes() -> int:
    return int(settings.GENERATION_IN_BACKGROUND_BYTES)
