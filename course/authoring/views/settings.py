"""The course's settings page, for its instructors (not the Django admin): title,
description, address, completion rule, guest access; publishing past the checklist and
unpublishing; deleting a draft; adding, deleting and reordering lessons and concepts.

Every action is a plain form POST that redirects back to the settings page (POST, redirect,
GET), so all of it works without JavaScript. Deleting asks first: with htmx the question
is a <dialog> swapped in beside the button (static/js/review.js makes it modal), without
JavaScript a page of its own. The services check the user's permission again.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from course.authoring import services
from course.authoring.forms import (
    ConceptMoveForm,
    ConceptPickForm,
    CourseSettingsForm,
    LessonAddForm,
    PublishForm,
)
from course.authoring.selectors import publish_checklist
from course.catalog import services as catalog_services
from course.catalog.access import get_course_for_editor
from course.catalog.models import Concept, Course, Lesson
from course.http import AuthedRequest

TEMPLATE = "catalog/course_settings.html"
PUBLISH = "catalog/course_publish.html"
CONFIRM = "catalog/course_confirm.html"


def _settings_url(course: Course, anchor: str = "") -> str:
    url = reverse("catalog:settings", kwargs={"slug": course.slug})
    return f"{url}#{anchor}" if anchor else url


def _back(course: Course, anchor: str = "") -> HttpResponseRedirect:
    return redirect(_settings_url(course, anchor))


def _settings_context(course: Course, **extra: Any) -> dict[str, Any]:
    """The settings page in a fixed number of queries: the lessons, the glossary and the
    enrollment count (for whether the course can be deleted)."""
    return {
        "course": course,
        "form": CourseSettingsForm(initial=CourseSettingsForm.initial_for(course)),
        "lesson_form": LessonAddForm(auto_id="lesson-add-%s"),
        "lessons": list(course.lessons.in_order()),
        "concepts": list(course.concepts.order_by("rank", "term", "pk")),
        "delete_refusal": catalog_services.course_delete_refusal(course),
        "removed_count": len(course.cleaning_report),
        **extra,
    }


@require_http_methods(["GET", "POST"])
@login_required
def course_settings(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    if request.method == "GET":
        return render(request, TEMPLATE, _settings_context(course))
    form = CourseSettingsForm(request.POST)
    if form.is_valid():
        try:
            course = catalog_services.course_settings_update(
                course=course, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Settings saved.")
            return _back(course)
    # The form with its errors; the rest of the page as it is in the database.
    course.refresh_from_db()
    return render(request, TEMPLATE, _settings_context(course, form=form), status=400)


# --- publishing ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def course_publish(request: AuthedRequest, slug: str) -> HttpResponse:
    """GET: the checklist of what is unfinished, and the button. POST publishes if the
    checklist is empty or the instructor pressed "Publish anyway"; otherwise back to the
    checklist, unpublished."""
    course = get_course_for_editor(request.user, slug)
    if request.method == "GET":
        context = {"course": course, "checklist": publish_checklist(course)}
        return render(request, PUBLISH, context)
    if course.is_published:
        messages.info(request, f"{course.title} is already published.")
        return redirect(course)
    form = PublishForm(request.POST)
    anyway = form.is_valid() and form.cleaned_data["anyway"]
    try:
        services.course_publish(course=course, by=request.user, anyway=anyway)
    except services.UnfinishedCourse as unfinished:
        messages.warning(request, unfinished.message)
        return redirect("catalog:publish", slug=course.slug)
    messages.success(request, f"{course.title} is published.")
    return redirect(course)


@require_POST
@login_required
def course_unpublish(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    if course.is_published:
        catalog_services.course_unpublish(course=course, by=request.user)
        messages.success(
            request,
            f"{course.title} is a draft again: students no longer see it. Their enrollments "
            "and work are kept.",
        )
    return _back(course, "status")


# --- asking before deleting ------------------------------------------------------------


def _confirm(
    request: AuthedRequest,
    course: Course,
    *,
    anchor: str,
    title: str,
    lines: list[str],
    url: str,
    refusal: str = "",
    hidden: dict[str, object] | None = None,
    back: str = "",
) -> HttpResponse:
    context = {
        "course": course,
        "anchor": anchor,
        "title": title,
        "lines": lines,
        "url": url,
        "refusal": refusal,
        "hidden": hidden or {},
        "dialog": bool(request.htmx),
        "back_url": back or _settings_url(course, anchor),
    }
    if request.htmx:
        return render(request, f"{CONFIRM}#confirm-dialog", context)
    return render(request, CONFIRM, context)


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def course_delete(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    if request.method == "GET":
        refusal = catalog_services.course_delete_refusal(course)
        return _confirm(
            request,
            course,
            anchor="delete-course",
            title=f"Delete “{course.title}”?",
            lines=[
                "Its lessons, glossary, questions, quizzes and discussions go with it.",
                "This cannot be undone.",
            ],
            url=reverse("catalog:course-delete", kwargs={"slug": course.slug}),
            refusal=refusal,
        )
    try:
        title = catalog_services.course_delete(course=course, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(course, "delete-course")
    messages.success(request, f"Deleted “{title}”.")
    return redirect("progress:dashboard")


# --- lessons ---------------------------------------------------------------------------


def _lesson_for_editor(request: AuthedRequest, slug: str, lesson_id: int) -> Lesson:
    course = get_course_for_editor(request.user, slug)
    lesson = get_object_or_404(Lesson, course=course, pk=lesson_id)
    lesson.course = course
    return lesson


@require_POST
@login_required
def lesson_add(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    form = LessonAddForm(request.POST, auto_id="lesson-add-%s")
    if not form.is_valid():
        context = _settings_context(course, lesson_form=form)
        return render(request, TEMPLATE, context, status=400)
    lesson = catalog_services.course_lesson_add(course=course, by=request.user, **form.cleaned_data)
    messages.success(request, f"Added the lesson “{lesson.title}”.")
    return _back(course, f"settings-lesson-{lesson.pk}")


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def lesson_delete(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson_for_editor(request, slug, lesson_id)
    course = lesson.course
    if request.method == "GET":
        refusal = (
            "Lessons of a published course cannot be deleted: unpublish it first."
            if course.is_published
            else ""
        )
        return _confirm(
            request,
            course,
            anchor=f"settings-lesson-{lesson.pk}",
            title=f"Delete the lesson “{lesson.title}”?",
            lines=[
                "Its sentences stay in the abstract, and its questions and discussion prompts "
                "stay in the course, in no lesson.",
                "This cannot be undone.",
            ],
            url=reverse(
                "catalog:settings-lesson-delete", kwargs={"slug": slug, "lesson_id": lesson.pk}
            ),
            refusal=refusal,
        )
    try:
        title = catalog_services.course_lesson_delete(lesson=lesson, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(course, f"settings-lesson-{lesson.pk}")
    messages.success(request, f"Deleted the lesson “{title}”.")
    return _back(course, "lessons")


@require_POST
@login_required
def lesson_move(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson_for_editor(request, slug, lesson_id)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "Move a lesson up or down.")
        return _back(lesson.course, f"settings-lesson-{lesson.pk}")
    try:
        catalog_services.course_lesson_move(lesson=lesson, by=request.user, direction=direction)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Moved “{lesson.title}” {direction}.")
    return _back(lesson.course, f"settings-lesson-{lesson.pk}")


# --- concepts --------------------------------------------------------------------------


def _concept_in(course: Course, concept_id: int) -> Concept:
    return get_object_or_404(Concept, course=course, pk=concept_id)


@require_POST
@login_required
def concept_move(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    form = ConceptMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Move a concept of the glossary up or down.")
        return _back(course, "concepts")
    concept = _concept_in(course, form.cleaned_data["concept"])
    direction = form.cleaned_data["direction"]
    catalog_services.course_concept_move(concept=concept, by=request.user, direction=direction)
    messages.success(request, f"Moved “{concept.term}” {direction}.")
    return _back(course, f"settings-concept-{concept.pk}")


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def concept_delete(request: AuthedRequest, slug: str) -> HttpResponse:
    """GET ?concept=… asks first; POST (the concept in the form) deletes it."""
    course = get_course_for_editor(request.user, slug)
    form = ConceptPickForm(request.GET if request.method == "GET" else request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a concept of the glossary to delete.")
        return _back(course, "concepts")
    concept = _concept_in(course, form.cleaned_data["concept"])
    if request.method == "GET":
        tested = concept.questions.count()
        drawing = list(concept.random_slots.values_list("quiz__title", flat=True).distinct())
        return _confirm(
            request,
            course,
            anchor=f"settings-concept-{concept.pk}",
            title=f"Delete “{concept.term}” from the glossary?",
            lines=[
                f"{tested} question(s) tag it: they stay, without this tag."
                if tested
                else "No question tags it.",
                *(
                    [f"Random slots draw from it in {', '.join(drawing)}: they go too."]
                    if drawing
                    else []
                ),
                "This cannot be undone.",
            ],
            url=reverse("catalog:settings-concept-delete", kwargs={"slug": course.slug}),
            hidden={"concept": concept.pk},
        )
    term = catalog_services.course_concept_delete(concept=concept, by=request.user)
    messages.success(request, f"Deleted “{term}” from the glossary.")
    return _back(course, "concepts")
