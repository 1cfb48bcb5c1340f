"""Instructor review of a draft course: make one from an abstract, see what the generator
made beside the cleaned text, edit it, publish it.

Every action is a plain form POST that redirects back to the review page; with htmx the
same POST returns the page's review region (or one row) to swap in place.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from course.authoring import services
from course.authoring.forms import (
    ConceptForm,
    LessonForm,
    MoveForm,
    NewCourseForm,
    PromptForm,
    RestoreForm,
    SplitForm,
)
from course.catalog import services as catalog_services
from course.catalog.access import can_create_courses, get_course_for_editor
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.discussions import services as prompt_services
from course.discussions.models import Prompt
from course.generator import InputError
from course.http import AuthedRequest
from course.quizzes import services as question_services
from course.quizzes.forms import QuestionForm
from course.quizzes.models import Question

TEMPLATE = "catalog/course_review.html"
ROW_KINDS = ("lesson", "question", "prompt")


@require_http_methods(["GET", "POST"])
@login_required
def course_new(request: AuthedRequest) -> HttpResponse:
    if not can_create_courses(request.user):
        raise PermissionDenied("Only instructors and admins can make courses.")
    form = NewCourseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            course = services.course_create_from_submission(
                text=data["source"],
                title=data["title"] or None,
                creator=request.user,
                token=data["token"],
            )
        except InputError as error:
            form.add_error("file" if data.get("file") else "text", str(error))
        else:
            messages.success(request, f"Draft “{course.title}” is ready for your review.")
            return redirect("catalog:review", slug=course.slug)
    return render(request, "catalog/course_new.html", {"form": form})


# --- the review page -------------------------------------------------------------------


def _parse_row(value: str | None) -> tuple[str, int] | None:
    kind, _, pk = (value or "").partition("-")
    if kind in ROW_KINDS and pk.isdigit():
        return kind, int(pk)
    return None


def review_context(course: Course, **extra: Any) -> dict[str, Any]:
    """Everything on the review page, in a fixed number of queries (about a dozen)."""
    sentences = list(
        SourceSentence.objects.filter(course=course)
        .select_related("lesson")
        .prefetch_related(
            "concepts",
            Prefetch("questions", queryset=Question.objects.only("pk", "type")),
            Prefetch("prompts", queryset=Prompt.objects.only("pk")),
        )
        .order_by("position")
    )
    lessons = list(course.lessons.in_order())
    by_lesson: dict[int, list[SourceSentence]] = {lesson.pk: [] for lesson in lessons}
    for sentence in sentences:
        if sentence.lesson_id in by_lesson:
            by_lesson[sentence.lesson_id].append(sentence)
    for lesson in lessons:
        lesson.course = course
        lesson.sentence_list = by_lesson[lesson.pk]
    questions = list(course.questions.with_sources().select_related("lesson").in_order())
    prompts = list(
        course.prompts.prefetch_related("concepts", "sentences").select_related("lesson").in_order()
    )
    concepts = list(Concept.objects.filter(course=course).prefetch_related("sentences"))
    texts = [s.text for s in sentences]
    aliases = {c.term: list(c.aliases) for c in concepts if c.aliases}
    for question in questions:
        question.flaws = question_services.question_flaws(question, texts, aliases)
    tested = {c.pk for q in questions for c in q.concepts.all()}
    return {
        "course": course,
        "sentences": sentences,
        "lessons": lessons,
        "questions": questions,
        "prompts": prompts,
        "concepts": concepts,
        "untested_core": [c for c in concepts if c.core and c.pk not in tested],
        "removed": [
            {**item, "digest": catalog_services.removed_digest(item["text"])}
            for item in course.cleaning_report
        ],
        "concept_form": ConceptForm(),
        "type_counts": _type_counts(questions),
        **extra,
    }


def _type_counts(questions: list[Question]) -> list[tuple[str, int]]:
    counts = {label: 0 for _, label in Question.Type.choices}
    for q in questions:
        counts[q.get_type_display()] += 1
    return [(label, n) for label, n in counts.items() if n]


def _edit_form(course: Course, kind: str, pk: int) -> Any:
    if kind == "lesson":
        lesson = get_object_or_404(course.lessons, pk=pk)
        return LessonForm(
            initial={"title": lesson.title, "objective": lesson.objective, "body": lesson.body}
        )
    if kind == "question":
        question = get_object_or_404(course.questions, pk=pk)
        return QuestionForm(initial=QuestionForm.initial_for(question), question_type=question.type)
    prompt = get_object_or_404(course.prompts, pk=pk)
    return PromptForm(initial={"text": prompt.text})


def _row(
    request: AuthedRequest, course: Course, kind: str, pk: int, form: Any = None
) -> HttpResponse:
    """One lesson, question or prompt row, in edit mode when a form is given."""
    if kind == "lesson":
        obj: Any = get_object_or_404(course.lessons, pk=pk)
        obj.course = course
        obj.sentence_list = list(obj.sentences.order_by("position"))
    elif kind == "question":
        obj = get_object_or_404(course.questions.with_sources().select_related("lesson"), pk=pk)
        texts = list(course.sentences.order_by("position").values_list("text", flat=True))
        aliases = {
            term: list(forms)
            for term, forms in course.concepts.values_list("term", "aliases")
            if forms
        }
        obj.flaws = question_services.question_flaws(obj, texts, aliases)
    else:
        obj = get_object_or_404(
            course.prompts.prefetch_related("concepts", "sentences").select_related("lesson"),
            pk=pk,
        )
    context = {
        "course": course,
        kind: obj,
        "edit_kind": kind if form is not None else "",
        "edit_id": pk if form is not None else None,
        "edit_form": form,
    }
    return render(request, f"{TEMPLATE}#{kind}-row", context)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def course_review(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    editing = _parse_row(request.GET.get("edit"))
    showing = _parse_row(request.GET.get("show"))
    row = editing or showing
    if request.htmx and row:
        kind, pk = row
        return _row(request, course, kind, pk, _edit_form(course, kind, pk) if editing else None)
    extra: dict[str, Any] = {}
    if editing:
        kind, pk = editing
        extra = {"edit_kind": kind, "edit_id": pk, "edit_form": _edit_form(course, kind, pk)}
    return render(request, TEMPLATE, review_context(course, **extra))


def _done(request: AuthedRequest, course: Course, anchor: str = "") -> HttpResponse:
    """After a POST: htmx gets the refreshed review region, a plain form a redirect."""
    if request.htmx:
        return render(request, f"{TEMPLATE}#review-region", review_context(course))
    url = reverse("catalog:review", kwargs={"slug": course.slug})
    return redirect(f"{url}#{anchor}" if anchor else url)


def _invalid(request: AuthedRequest, course: Course, kind: str, pk: int, form: Any) -> HttpResponse:
    if request.htmx:
        return _row(request, course, kind, pk, form)
    context = review_context(course, edit_kind=kind, edit_id=pk, edit_form=form)
    return render(request, TEMPLATE, context, status=400)


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
    form = LessonForm(request.POST)
    if not form.is_valid():
        return _invalid(request, lesson.course, "lesson", lesson.pk, form)
    catalog_services.lesson_update(lesson=lesson, **form.cleaned_data)
    messages.success(request, f"Saved “{lesson.title}”.")
    return _done(request, lesson.course, f"lesson-{lesson.pk}")


def _structural(request: AuthedRequest, lesson: Lesson, action: Any, done: str) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return _done(request, lesson.course, "lessons")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def lesson_move(request: AuthedRequest, slug: str, lesson_id: int) -> HttpResponse:
    lesson = _lesson_for_editor(request, slug, lesson_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Move a lesson up or down.")
        return _done(request, lesson.course, "lessons")
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
        messages.error(request, "Choose the sentence where the new lesson starts.")
        return _done(request, lesson.course, "lessons")
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
        messages.error(request, "Choose a line of the report to restore.")
        return _done(request, course, "source-heading")
    try:
        restored = catalog_services.course_restore_removed(course=course, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Restored {len(restored)} sentence(s) to the abstract.")
    return _done(request, course, "source-heading")


# --- concepts --------------------------------------------------------------------------


@require_POST
@login_required
@vary_on_headers("HX-Request")
def concept_add(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    form = ConceptForm(request.POST)
    if form.is_valid():
        try:
            concept = services.concept_add(course=course, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("term", error)
        else:
            made = concept.questions.count()
            messages.success(request, f"Added “{concept.term}” with {made} new draft question(s).")
            return _done(request, course, "concepts")
    if request.htmx:
        return render(
            request, f"{TEMPLATE}#review-region", review_context(course, concept_form=form)
        )
    return render(request, TEMPLATE, review_context(course, concept_form=form), status=400)


# --- questions -------------------------------------------------------------------------


def _question_for_editor(request: AuthedRequest, slug: str, question_id: int) -> Question:
    course = get_course_for_editor(request.user, slug)
    question = get_object_or_404(Question, course=course, pk=question_id)
    question.course = course
    return question


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_update(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    form = QuestionForm(request.POST, question_type=question.type)
    if not form.is_valid():
        return _invalid(request, question.course, "question", question.pk, form)
    question_services.question_update(question=question, fields=form.cleaned_data)
    messages.success(request, "Question saved.")
    return _done(request, question.course, f"question-{question.pk}")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_accept(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    question_services.question_accept(question=question)
    messages.success(request, "Question accepted into the bank.")
    return _done(request, question.course, f"question-{question.pk}")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_delete(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    try:
        question_services.question_delete(question=question)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, "Question deleted.")
    return _done(request, question.course, "questions")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_regenerate(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    if question_services.question_regenerate(question=question):
        messages.success(request, "Question regenerated.")
    else:
        messages.warning(request, "No different question could be made for these concepts.")
    return _done(request, question.course, f"question-{question.pk}")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def questions_more(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    made = question_services.questions_draft_more(course=course)
    if made:
        messages.success(
            request,
            f"Drafted {len(made)} more question(s), marked “lower confidence”: read each one "
            "before accepting it.",
        )
    else:
        messages.warning(request, "The text gives no further question worth drafting.")
    return _done(request, course, "questions")


# --- discussion prompts ----------------------------------------------------------------


def _prompt_for_editor(request: AuthedRequest, slug: str, prompt_id: int) -> Prompt:
    course = get_course_for_editor(request.user, slug)
    prompt = get_object_or_404(Prompt, course=course, pk=prompt_id)
    prompt.course = course
    return prompt


@require_POST
@login_required
@vary_on_headers("HX-Request")
def prompt_update(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    prompt = _prompt_for_editor(request, slug, prompt_id)
    form = PromptForm(request.POST)
    if not form.is_valid():
        return _invalid(request, prompt.course, "prompt", prompt.pk, form)
    prompt_services.prompt_update(prompt=prompt, text=form.cleaned_data["text"])
    messages.success(request, "Discussion prompt saved.")
    return _done(request, prompt.course, f"prompt-{prompt.pk}")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def prompt_delete(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    prompt = _prompt_for_editor(request, slug, prompt_id)
    prompt_services.prompt_delete(prompt=prompt)
    messages.success(request, "Discussion prompt deleted.")
    return _done(request, prompt.course, "prompts")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def prompt_regenerate(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    prompt = _prompt_for_editor(request, slug, prompt_id)
    if prompt_services.prompt_regenerate(prompt=prompt):
        messages.success(request, "Discussion prompt regenerated.")
    else:
        messages.warning(request, "No different prompt could be made from this text.")
    return _done(request, prompt.course, f"prompt-{prompt.pk}")
