"""Questions and discussion prompts on the review page: edit, accept, delete, regenerate,
and restore what was deleted or replaced.

Delete and Regenerate are links: GET asks first (a <dialog> swapped into the card with
htmx, a page of its own without JavaScript) and POST does it. Both keep the item as it was
(`RemovedItem`): the notice that says what happened carries an Undo button, and the page
lists everything kept under "Removed and replaced". Regenerating overwrites only what the
generator wrote and nobody uses; for anything else the dialog offers a new draft beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import reswap, retarget

from course.authoring import services
from course.authoring.forms import PromptForm
from course.authoring.models import RemovedItem
from course.authoring.notices import Notice, anchor_of, carry
from course.authoring.views.panels import review_url, shown_for
from course.authoring.views.workspace import (
    AROUND_ITEMS,
    answer_row,
    around,
    back_to,
    field_ids,
    invalid,
    kind_of,
    part,
    review_context,
    row_context,
)
from course.catalog.access import get_course_for_editor
from course.catalog.models import Course
from course.discussions import services as prompt_services
from course.discussions.models import Prompt
from course.http import AuthedRequest
from course.quizzes import services as question_services
from course.quizzes.forms import QuestionForm
from course.quizzes.models import Question, Quiz

CONFIRM = "catalog/review_confirm.html"
KEPT = "It is kept under “Removed and replaced” on the review page: Restore puts it back"


@dataclass(frozen=True)
class Confirmation:
    """What the dialog (or page) asks before a destructive action."""

    title: str
    lines: list[str] = field(default_factory=list)
    verb: str = ""  # the button; none when the action is refused
    url: str = ""
    danger: bool = True
    refusal: str = ""


def _confirm(
    request: AuthedRequest, course: Course, item: Question | Prompt, ask: Confirmation
) -> HttpResponse:
    anchor = anchor_of(item)
    context = {
        "course": course,
        "item_text": item.prompt if isinstance(item, Question) else item.text,
        "anchor": anchor,
        "ask": ask,
        "dialog": bool(request.htmx),
        "back_url": review_url(course, anchor),
    }
    if request.htmx:
        return render(request, f"{CONFIRM}#confirm-dialog", context)
    return render(request, CONFIRM, context)


def _url(name: str, item: Question | Prompt) -> str:
    key = "question_id" if isinstance(item, Question) else "prompt_id"
    return reverse(f"catalog:{name}", kwargs={"slug": item.course.slug, key: item.pk})


def _removed(request: AuthedRequest, course: Course, kept: RemovedItem) -> HttpResponse:
    """After a delete: with htmx, the card becomes a note with Undo; without, the page
    opens at the kept item, under "Removed and replaced", where Restore is."""
    if not request.htmx:
        carry(request, kept, Notice(f"Deleted {kept.short_label}. {KEPT}."))
        return back_to(course, anchor_of(kept))
    notice = Notice(f"Deleted {kept.short_label}.", undo=kept.pk)
    context = {"course": course, "removed": kept, "notices": {kept.anchor: [notice]}}
    return HttpResponse(
        part(request, "removed-row", context) + around(request, course, AROUND_ITEMS)
    )


def _beside(
    request: AuthedRequest, course: Course, item: Question | Prompt, new: Question | Prompt
) -> HttpResponse:
    """After "Duplicate and regenerate": the item as it was, and the new draft after it."""
    label = "Q" if isinstance(item, Question) else "D"
    notice = Notice(f"Made {label}{new.pk}, a new draft; {label}{item.pk} stays as it was.")
    if not request.htmx:
        carry(request, new, notice)
        return back_to(course, anchor_of(new))
    kind = kind_of(item)
    rows = part(request, f"{kind}-row", row_context(course, kind, item.pk)) + part(
        request,
        f"{kind}-row",
        row_context(course, kind, new.pk, notices={anchor_of(new): [notice]}),
    )
    return HttpResponse(rows + around(request, course, ("coverage", "summary")))


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
    ids = field_ids("question", question.pk)
    form = QuestionForm(request.POST, question_type=question.type, auto_id=ids)
    if not form.is_valid():
        return invalid(request, question.course, "question", question.pk, form)
    question_services.question_update(question=question, fields=form.cleaned_data)
    return answer_row(request, question.course, question, Notice("Question saved."))


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_accept(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    question_services.question_accept(question=question)
    return answer_row(request, question.course, question, Notice("Accepted into the bank."))


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def question_delete(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    course = question.course
    if request.method == "GET":
        refusal = question_services.question_delete_refusal(question)
        titles = Quiz.objects.filter(slots__question=question).values_list("title", flat=True)
        quizzes = ", ".join(f"“{title}”" for title in titles)
        lines = [f"{KEPT}, in its quizzes too." if quizzes else f"{KEPT}."]
        if quizzes:
            lines.insert(0, f"The quiz {quizzes} loses it too.")
        ask = Confirmation(
            title=f"Delete Q{question.pk}?",
            lines=lines,
            verb="" if refusal else "Delete",
            url=_url("question-delete", question),
            refusal=refusal,
        )
        return _confirm(request, course, question, ask)
    try:
        kept = services.question_remove(question=question, by=request.user)
    except ValidationError as refusal:
        return answer_row(request, course, question, Notice(" ".join(refusal.messages), "error"))
    return _removed(request, course, kept)


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def question_regenerate(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    course = question.course
    if request.method == "GET":
        refusal = question_services.question_regenerate_refusal(question)
        return _confirm(request, course, question, _regenerate_ask(question, refusal))
    try:
        kept = services.question_replace(question=question, by=request.user)
    except ValidationError as refusal:
        text = f"{' '.join(refusal.messages)} “Duplicate and regenerate” makes a new draft instead."
        return answer_row(request, course, question, Notice(text, "error"))
    if kept is None:
        text = "No different question could be made for these concepts."
        return answer_row(request, course, question, Notice(text, "warning"))
    notice = Notice("Regenerated. The question it replaces is kept.", undo=kept.pk)
    return answer_row(request, course, question, notice, oob=AROUND_ITEMS)


def _regenerate_ask(item: Question | Prompt, refusal: str) -> Confirmation:
    label = f"Q{item.pk}" if isinstance(item, Question) else f"D{item.pk}"
    name = "question" if isinstance(item, Question) else "prompt"
    if refusal:
        return Confirmation(
            title=f"Regenerate {label}?",
            lines=[f"Make a new draft from the same text beside it instead: {label} stays."],
            verb="Duplicate and regenerate",
            url=_url(f"{name}-regenerate-copy", item),
            danger=False,
            refusal=refusal,
        )
    return Confirmation(
        title=f"Regenerate {label}?",
        lines=[f"A different generated {name} takes its place.", f"{KEPT}."],
        verb="Regenerate",
        url=_url(f"{name}-regenerate", item),
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_regenerate_copy(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    question = _question_for_editor(request, slug, question_id)
    new = services.question_duplicate_regenerate(question=question, by=request.user)
    if new is None:
        text = "No different question could be made for these concepts."
        return answer_row(request, question.course, question, Notice(text, "warning"))
    return _beside(request, question.course, question, new)


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
    form = PromptForm(request.POST, auto_id=field_ids("prompt", prompt.pk))
    if not form.is_valid():
        return invalid(request, prompt.course, "prompt", prompt.pk, form)
    prompt_services.prompt_update(prompt=prompt, text=form.cleaned_data["text"])
    return answer_row(request, prompt.course, prompt, Notice("Discussion prompt saved."))


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def prompt_delete(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    prompt = _prompt_for_editor(request, slug, prompt_id)
    course = prompt.course
    if request.method == "GET":
        posts = prompt.posts.count()
        lines = [f"Its {posts} post(s) go with it." if posts else "", f"{KEPT}."]
        ask = Confirmation(
            title=f"Delete D{prompt.pk}?",
            lines=[line for line in lines if line],
            verb="Delete",
            url=_url("prompt-delete", prompt),
        )
        return _confirm(request, course, prompt, ask)
    kept = services.prompt_remove(prompt=prompt, by=request.user)
    return _removed(request, course, kept)


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def prompt_regenerate(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    prompt = _prompt_for_editor(request, slug, prompt_id)
    course = prompt.course
    if request.method == "GET":
        refusal = prompt_services.prompt_regenerate_refusal(prompt)
        return _confirm(request, course, prompt, _regenerate_ask(prompt, refusal))
    try:
        kept = services.prompt_replace(prompt=prompt, by=request.user)
    except ValidationError as refusal:
        text = f"{' '.join(refusal.messages)} “Duplicate and regenerate” makes a new one instead."
        return answer_row(request, course, prompt, Notice(text, "error"))
    if kept is None:
        text = "No different prompt could be made from this text."
        return answer_row(request, course, prompt, Notice(text, "warning"))
    notice = Notice("Regenerated. The prompt it replaces is kept.", undo=kept.pk)
    return answer_row(request, course, prompt, notice, oob=AROUND_ITEMS)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def prompt_regenerate_copy(request: AuthedRequest, slug: str, prompt_id: int) -> HttpResponse:
    prompt = _prompt_for_editor(request, slug, prompt_id)
    new = services.prompt_duplicate_regenerate(prompt=prompt, by=request.user)
    if new is None:
        text = "No different prompt could be made from this text."
        return answer_row(request, prompt.course, prompt, Notice(text, "warning"))
    return _beside(request, prompt.course, prompt, new)


# --- undo ------------------------------------------------------------------------------


@require_POST
@login_required
@vary_on_headers("HX-Request", "HX-Target")
def removed_item_restore(request: AuthedRequest, slug: str, removed_id: int) -> HttpResponse:
    """Put a deleted or replaced item back. With htmx, from its card (the note a delete
    left, or the notice of a regenerate) the card comes back; from the list of kept
    items, the list and, out of band, the question or prompt list it returns to."""
    course = get_course_for_editor(request.user, slug)
    item = RemovedItem.objects.filter(course=course, pk=removed_id).first()
    if item is None and not request.htmx:
        raise Http404("Nothing kept by that number.")
    try:
        if item is None:  # an Undo on a page that did not see the restore from another
            raise ValidationError("Nothing to restore: it was restored already.")
        restored = services.removed_item_restore(item=item, by=request.user)
    except ValidationError as error:
        notice = Notice(" ".join(error.messages), "error")
        if not request.htmx:
            carry(request, "removed-items", notice)
            return back_to(course, "removed-items")
        context = review_context(
            course, shown=shown_for(request), notices={"removed-items": [notice]}
        )
        response = HttpResponse(part(request, "removed-items", context))
        return reswap(retarget(response, "#removed-items"), "outerHTML")
    anchor = item.anchor
    notice = Notice(f"Restored {item.short_label}.")
    if request.htmx and request.htmx.target != anchor:
        context = review_context(
            course, shown=shown_for(request), notices={"removed-items": [notice]}
        )
        oob = (f"{kind_of(restored)}-list", "coverage", "summary")
        others = around(request, course, oob, context)
        return HttpResponse(part(request, "removed-items", context) + others)
    return answer_row(request, course, restored, notice, oob=AROUND_ITEMS)
