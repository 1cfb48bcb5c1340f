"""The review page, and how every action of the workspace answers: a redirect to the card
it acted on, or, with htmx, that card (or list) and the regions around it that changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.messages.storage.base import Message
from django.db.models import Model
from django.forms import Form
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from course.authoring.forms import ConceptForm, LessonForm, PromptForm
from course.authoring.notices import Notice, anchor_of, carry, pending
from course.authoring.views.panels import (
    CONFIDENCE,
    Draft,
    Shown,
    on_page,
    review_url,
    shown_for,
    tab_of,
)
from course.catalog.access import get_course_for_editor
from course.catalog.models import Course
from course.http import AuthedRequest
from course.quizzes import services as question_services
from course.quizzes.forms import QuestionForm
from course.quizzes.models import Question

TEMPLATE = "catalog/course_review.html"
ROW_KINDS = ("lesson", "question", "prompt")
# The parts of the draft the templates read from `Draft`, each when first asked for.
LAZY = (
    "sentences", "lessons", "concepts", "type_counts", "question_count", "prompt_count",
    "removed", "untested_core", "questions", "replaceable_questions", "prompts",
    "replaceable_prompts", "removed_items",
)  # fmt: skip
CONCEPT_IDS = "concept-%s"
# What a change to one question or prompt shows in besides its card.
AROUND_ITEMS = ("coverage", "summary", "removed-items")


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
    shown: Shown | None = None,
    notices: Mapping[str, Sequence[Notice]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Everything on the review page as `shown` (a tab, and the Questions tab's filters).

    Each part is read when a template first asks for it (`Draft`), so the page, one tab's
    panel or a region swapped out of band costs only the queries of what it shows.
    Given the request, the notices that came across a redirect are placed in the cards
    they name; those whose card is not on the tab join the page's general messages.
    """
    shown = shown or Shown()
    draft = Draft(course, shown)
    placed = {anchor: list(items) for anchor, items in (notices or {}).items()}
    context: dict[str, Any] = {
        "course": course,
        "shown": shown,
        "concept_form": ConceptForm(auto_id=CONCEPT_IDS),
        "confidence_choices": CONFIDENCE.items(),
        "status_choices": Question.Status.choices,
        "notices": placed,
    }
    for name in LAZY:
        context[name] = SimpleLazyObject(partial(getattr, draft, name))
    context["tabs"] = SimpleLazyObject(draft.tabs)
    context.update(extra)
    if request is not None:
        waiting, carried = pending(request)
        general: list[Message | Notice] = list(waiting)
        anchors = draft.anchors()
        for anchor, items in carried.items():
            if anchor in anchors:
                placed.setdefault(anchor, []).extend(items)
            else:
                general.extend(items)
        context["messages"] = general
    return context


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
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def course_review(request: AuthedRequest, slug: str) -> HttpResponse:
    """The page, at one tab (`?tab=`, the Questions tab filtered by `type`, `status`,
    `confidence` and `concept`). With htmx, a tab or a filter brings only the panel (and
    the tabs, out of band, to say which is current); Edit and Cancel bring one card."""
    course = get_course_for_editor(request.user, slug)
    editing = _parse_row(request.GET.get("edit"))
    showing = _parse_row(request.GET.get("show"))
    row = editing or showing
    # Back to a page htmx has no copy of: it asks for the whole page again.
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    if fragment and row:
        kind, pk = row
        if editing:
            context = row_context(course, kind, pk, form=_edit_form(course, kind, pk))
        else:  # Cancel: the card again, the cursor back on its Edit link
            context = row_context(course, kind, pk, focus="edit")
        return render(request, f"{TEMPLATE}#{kind}-row", context)
    shown = shown_for(request)
    if fragment:
        context = review_context(course, shown=shown)
        return HttpResponse(
            part(request, "panel", context) + part(request, "tabs", context, oob=True)
        )
    extra: dict[str, Any] = {}
    if editing:
        kind, pk = editing
        extra = {"edit_kind": kind, "edit_id": pk, "edit_form": _edit_form(course, kind, pk)}
    return render(request, TEMPLATE, review_context(course, request=request, shown=shown, **extra))


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
    page's `context` when the caller has it already): those on the tab the page shows,
    and the tabs' counts whenever the summary's change."""
    shown = shown_for(request)
    names = [name for name in names if on_page(name, shown)]
    if "summary" in names:
        names.append("tabs")
    if not names:
        return ""
    context = review_context(course, shown=shown) if context is None else context
    return "".join(part(request, name, context, oob=True) for name in names)


def back_to(course: Course, anchor: str) -> HttpResponseRedirect:
    """Without JavaScript: the review page again, at the tab and the card the notice is in."""
    return redirect(review_url(course, anchor))


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
    context = review_context(
        course,
        request=request,
        shown=Shown(tab=tab_of(f"{kind}-{pk}")),
        edit_kind=kind,
        edit_id=pk,
        edit_form=form,
    )
    return render(request, TEMPLATE, context, status=400)
