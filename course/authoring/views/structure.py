"""The course's shape on the review page: lessons (edit, move, merge, split), the source
text (restore what the cleaner removed), the glossary (add a concept) and drafting more
questions. A change here shows in many places, so htmx gets the list it changed and the
other regions out of band; a refused or invalid one gets only its own card or form."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import reswap, retarget

from course.authoring import services
from course.authoring.forms import ConceptForm, LessonForm, MoveForm, RestoreForm, SplitForm
from course.authoring.notices import Notice, anchor_of, carry
from course.authoring.views.panels import Shown, shown_for
from course.authoring.views.workspace import (
    CONCEPT_IDS,
    TEMPLATE,
    answer_row,
    around,
    back_to,
    field_ids,
    focus_first_error,
    invalid,
    part,
    review_context,
    row_context,
)
from course.catalog import services as catalog_services
from course.catalog.access import get_course_for_editor
from course.catalog.models import Course, Lesson
from course.http import AuthedRequest
from course.quizzes import services as question_services

# Lessons renumbered, sentences moved: every list that names a lesson or a sentence.
AROUND_LESSONS = ("coverage", "question-list", "prompt-list", "summary")


def answer_region(
    request: AuthedRequest,
    course: Course,
    region: str,
    notice: Notice,
    *,
    oob: Sequence[str] = (),
) -> HttpResponse:
    """A region of the page (a list, a form) with the notice in it, and the other regions
    the change shows in; without htmx, a redirect to the region."""
    if not request.htmx:
        carry(request, region, notice)
        return back_to(course, region)
    context = review_context(course, shown=shown_for(request), notices={region: [notice]})
    return HttpResponse(part(request, region, context) + around(request, course, oob, context))


# --- lessons ---------------------------------------------------------------------------


def _lesson_for_editor(request: AuthedRequest, slug: str, lesson_id: int) -> Lesson:
    course = get_course_for_editor(request.user, slug)
    lesson = get_object_or_404(Lesson, course=course, pk=lesson_id)
    lesson.course = course
    return lesson


@require_POST
@login_required
@vary_on_headers("HX-Request")
def lesson_update(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson_for_editor(request, slug, lesson_id)
    form = LessonForm(request.POST, auto_id=field_ids("lesson", lesson.pk))
    if not form.is_valid():
        return invalid(request, lesson.course, "lesson", lesson.pk, form)
    catalog_services.lesson_update(lesson=lesson, **form.cleaned_data)
    return answer_row(request, lesson.course, lesson, Notice(f"Saved “{lesson.title}”."))


def _lesson_refused(request: AuthedRequest, lesson: Lesson, text: str) -> HttpResponse:
    """A move, merge or split that cannot be done: the lesson's own card says why."""
    notice = Notice(text, "error")
    anchor = anchor_of(lesson)
    if not request.htmx:
        carry(request, lesson, notice)
        return back_to(lesson.course, anchor)
    context = row_context(lesson.course, "lesson", lesson.pk, notices={anchor: [notice]})
    # The form aims at the whole lesson list, which has not changed: only the card.
    response = render(request, f"{TEMPLATE}#lesson-row", context)
    return reswap(retarget(response, f"#{anchor}"), "outerHTML")


def _structural(
    request: AuthedRequest, lesson: Lesson, action: Callable[[], object], done: str
) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        return _lesson_refused(request, lesson, " ".join(error.messages))
    notice = Notice(done)
    if not request.htmx:
        carry(request, lesson, notice)
        return back_to(lesson.course, anchor_of(lesson))
    notices = {anchor_of(lesson): [notice]}
    context = review_context(lesson.course, shown=shown_for(request), notices=notices)
    others = around(request, lesson.course, AROUND_LESSONS, context)
    return HttpResponse(part(request, "lesson-list", context) + others)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def lesson_move(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson_for_editor(request, slug, lesson_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _lesson_refused(request, lesson, "Move a lesson up or down.")
    direction = form.cleaned_data["direction"]
    return _structural(
        request,
        lesson,
        lambda: catalog_services.lesson_move(lesson=lesson, direction=direction),
        f"Moved “{lesson.title}” {direction}.",
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def lesson_merge(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson_for_editor(request, slug, lesson_id)
    return _structural(
        request,
        lesson,
        lambda: services.lesson_merge_next(lesson=lesson),
        f"Merged the next lesson into “{lesson.title}”.",
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def lesson_split(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson_for_editor(request, slug, lesson_id)
    form = SplitForm(request.POST)
    if not form.is_valid():
        return _lesson_refused(request, lesson, "Choose the sentence where the new lesson starts.")
    at = form.cleaned_data["at_sentence"]
    return _structural(
        request,
        lesson,
        lambda: services.lesson_split(lesson=lesson, at_sentence=at),
        f"Split “{lesson.title}” in two.",
    )


# --- the source ------------------------------------------------------------------------


@require_POST
@login_required
@vary_on_headers("HX-Request")
def removed_restore(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    form = RestoreForm(request.POST)
    if not form.is_valid():
        notice = Notice("Choose a line of the report to restore.", "error")
        return answer_region(request, course, "removed-text", notice)
    try:
        restored = catalog_services.course_restore_removed(
            course=course, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        notice = Notice(" ".join(error.messages), "error")
        return answer_region(request, course, "removed-text", notice)
    notice = Notice(f"Restored {len(restored)} sentence(s) to the abstract.")
    # New sentences renumber the ones after them and join a lesson's text.
    oob = ("lesson-list", *AROUND_LESSONS)
    return answer_region(request, course, "removed-text", notice, oob=oob)


# --- concepts --------------------------------------------------------------------------


@require_POST
@login_required
@vary_on_headers("HX-Request")
def concept_add(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    form = ConceptForm(request.POST, auto_id=CONCEPT_IDS)
    if form.is_valid():
        try:
            concept = services.concept_add(course=course, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("term", error)
        else:
            made = concept.questions.count()
            notice = Notice(f"Added “{concept.term}” with {made} new draft question(s).")
            if not made:  # say why, and what to do instead
                refusal = question_services.concept_draft_refusal(concept)
                notice = Notice(f"Added “{concept.term}”. {refusal}", "warning")
            oob = ("glossary", "question-list", "coverage", "summary")
            return answer_region(request, course, "concept-form", notice, oob=oob)
    focus_first_error(form)
    if request.htmx:
        context = {"course": course, "concept_form": form, "notices": {}}
        return HttpResponse(part(request, "concept-form", context))
    context = review_context(
        course, request=request, shown=Shown(tab="glossary"), concept_form=form
    )
    return render(request, TEMPLATE, context, status=400)


# --- more questions --------------------------------------------------------------------


@require_POST
@login_required
@vary_on_headers("HX-Request")
def questions_more(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    made = question_services.questions_draft_more(course=course)
    if not made:
        notice = Notice("The text gives no further question worth drafting.", "warning")
        return answer_region(request, course, "questions-more", notice)
    notice = Notice(
        f"Drafted {len(made)} more question(s), marked “lower confidence”: read each one "
        "before accepting it."
    )
    oob = ("question-list", "coverage", "summary")
    return answer_region(request, course, "questions-more", notice, oob=oob)
