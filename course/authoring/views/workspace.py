"""The review page, and how every action of the workspace answers: a redirect to the card
it acted on, or, with htmx, that card (or list) and the regions around it that changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages.storage.base import Message
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Prefetch
from django.forms import Form
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from course.authoring import services
from course.authoring.forms import ConceptForm, LessonForm, NewCourseForm, PromptForm
from course.authoring.notices import Notice, anchor_of, carry, pending
from course.catalog import services as catalog_services
from course.catalog.access import can_create_courses, get_course_for_editor
from course.catalog.models import Concept, Course, SourceSentence
from course.discussions.models import Prompt
from course.generator import InputError
from course.http import AuthedRequest
from course.quizzes import services as question_services
from course.quizzes.forms import QuestionForm
from course.quizzes.models import Question

TEMPLATE = "catalog/course_review.html"
ROW_KINDS = ("lesson", "question", "prompt")
# Regions of the page that show notices of their own (the cards show theirs).
REGIONS = ("removed-text", "concept-form", "questions-more", "removed-items")
CONCEPT_IDS = "concept-%s"
# What a change to one question or prompt shows in besides its card.
AROUND_ITEMS = ("coverage", "summary", "removed-items")


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


def review_context(
    course: Course,
    *,
    request: AuthedRequest | None = None,
    notices: Mapping[str, Sequence[Notice]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Everything on the review page, in a fixed number of queries (about twenty).

    Given the request, the notices that came across a redirect are placed in the cards
    they name; those whose card is gone join the page's general messages.
    """
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
    removed_items = list(course.removed_items.newest_first().select_related("removed_by"))
    texts = [s.text for s in sentences]
    aliases = {c.term: list(c.aliases) for c in concepts if c.aliases}
    for question in questions:
        question.flaws = question_services.question_flaws(question, texts, aliases)
    tested = {c.pk for q in questions for c in q.concepts.all()}
    placed = {anchor: list(items) for anchor, items in (notices or {}).items()}
    general: list[Message | Notice] = []
    if request is not None:
        waiting, carried = pending(request)
        general.extend(waiting)
        anchors = {anchor_of(obj) for obj in [*lessons, *questions, *prompts, *removed_items]}
        for anchor, items in carried.items():
            if anchor in anchors or anchor in REGIONS:
                placed.setdefault(anchor, []).extend(items)
            else:
                general.extend(items)
    context = {
        "course": course,
        "sentences": sentences,
        "lessons": lessons,
        "questions": questions,
        "prompts": prompts,
        "concepts": concepts,
        "removed_items": removed_items,
        "untested_core": [c for c in concepts if c.core and c.pk not in tested],
        "removed": [
            {**item, "digest": catalog_services.removed_digest(item["text"])}
            for item in course.cleaning_report
        ],
        "concept_form": ConceptForm(auto_id=CONCEPT_IDS),
        "type_counts": _type_counts(questions),
        "replaceable_questions": set(course.questions.replaceable().values_list("pk", flat=True)),
        "replaceable_prompts": set(course.prompts.replaceable().values_list("pk", flat=True)),
        "notices": placed,
        **extra,
    }
    if request is not None:
        context["messages"] = general
    return context


def _type_counts(questions: list[Question]) -> list[tuple[str, int]]:
    counts = {label: 0 for _, label in Question.Type.choices}
    for q in questions:
        counts[q.get_type_display()] += 1
    return [(label, n) for label, n in counts.items() if n]


def focus_first_error(form: Form) -> Form:
    """Put the cursor in the first field to fix (or the first field, on a fresh form)."""
    names = [name for name in form.errors if name in form.fields] or list(form.fields)[:1]
    for name in names[:1]:
        form.fields[name].widget.attrs["autofocus"] = True
    return form


def field_ids(kind: str, pk: int) -> str:
    """The `auto_id` of a card's edit form: two cards open at once keep their ids apart."""
    return f"edit-{kind}-{pk}-%s"


def _edit_form(course: Course, kind: str, pk: int) -> Form:
    ids = field_ids(kind, pk)
    if kind == "lesson":
        lesson = get_object_or_404(course.lessons, pk=pk)
        initial = {"title": lesson.title, "objective": lesson.objective, "body": lesson.body}
        form: Form = LessonForm(initial=initial, auto_id=ids)
    elif kind == "question":
        question = get_object_or_404(course.questions, pk=pk)
        initial = QuestionForm.initial_for(question)
        form = QuestionForm(initial=initial, question_type=question.type, auto_id=ids)
    else:
        prompt = get_object_or_404(course.prompts, pk=pk)
        form = PromptForm(initial={"text": prompt.text}, auto_id=ids)
    return focus_first_error(form)


def row_context(
    course: Course,
    kind: str,
    pk: int,
    *,
    form: Form | None = None,
    notices: Mapping[str, Sequence[Notice]] | None = None,
    focus: str = "",
) -> dict[str, Any]:
    """One lesson, question or prompt card, in edit mode when a form is given."""
    extra: dict[str, Any] = {}
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
        extra["replaceable_questions"] = set(
            course.questions.replaceable().filter(pk=pk).values_list("pk", flat=True)
        )
    else:
        obj = get_object_or_404(
            course.prompts.prefetch_related("concepts", "sentences").select_related("lesson"),
            pk=pk,
        )
        extra["replaceable_prompts"] = set(
            course.prompts.replaceable().filter(pk=pk).values_list("pk", flat=True)
        )
    return {
        "course": course,
        kind: obj,
        "edit_kind": kind if form is not None else "",
        "edit_id": pk if form is not None else None,
        "edit_form": form,
        "notices": notices or {},
        "focus": focus,
        **extra,
    }


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
        if editing:
            context = row_context(course, kind, pk, form=_edit_form(course, kind, pk))
        else:  # Cancel: the card again, the cursor back on its Edit link
            context = row_context(course, kind, pk, focus="edit")
        return render(request, f"{TEMPLATE}#{kind}-row", context)
    extra: dict[str, Any] = {}
    if editing:
        kind, pk = editing
        extra = {"edit_kind": kind, "edit_id": pk, "edit_form": _edit_form(course, kind, pk)}
    return render(request, TEMPLATE, review_context(course, request=request, **extra))


# --- answering an action ---------------------------------------------------------------


def part(
    request: AuthedRequest, name: str, context: Mapping[str, Any], *, oob: bool = False
) -> str:
    """One partial of the review page; out of band, its root carries hx-swap-oob."""
    return render_to_string(f"{TEMPLATE}#{name}", {**context, "oob": oob}, request)


def around(
    request: AuthedRequest,
    course: Course,
    names: Iterable[str],
    context: Mapping[str, Any] | None = None,
) -> str:
    """Fresh copies of other regions the change shows in, swapped in out of band (from the
    page's `context` when the caller has it already)."""
    names = list(names)
    if not names:
        return ""
    context = review_context(course) if context is None else context
    return "".join(part(request, name, context, oob=True) for name in names)


def back_to(course: Course, anchor: str) -> HttpResponseRedirect:
    """Without JavaScript: the review page again, at the card the notice is in."""
    return redirect(f"{reverse('catalog:review', kwargs={'slug': course.slug})}#{anchor}")


def kind_of(obj: Model) -> str:
    return anchor_of(obj).rsplit("-", 1)[0]


def answer_row(
    request: AuthedRequest,
    course: Course,
    obj: Model,
    notice: Notice,
    *,
    oob: Sequence[str] = (),
) -> HttpResponse:
    """The card an action changed, its notice inside; a redirect to it without htmx."""
    anchor = anchor_of(obj)
    if not request.htmx:
        carry(request, obj, notice)
        return back_to(course, anchor)
    context = row_context(course, kind_of(obj), obj.pk, notices={anchor: [notice]})
    return HttpResponse(
        part(request, f"{kind_of(obj)}-row", context) + around(request, course, oob)
    )


def invalid(request: AuthedRequest, course: Course, kind: str, pk: int, form: Form) -> HttpResponse:
    """An edit that did not validate: its own card again, errors in place (htmx), or the
    page with the form open (400)."""
    focus_first_error(form)
    if request.htmx:
        return render(request, f"{TEMPLATE}#{kind}-row", row_context(course, kind, pk, form=form))
    context = review_context(course, request=request, edit_kind=kind, edit_id=pk, edit_form=form)
    return render(request, TEMPLATE, context, status=400)
