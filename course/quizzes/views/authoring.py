"""Instructors write quizzes and questions: a quiz's settings and questions, its preview as a
student sees it (with the keys), and a new question for the bank, previewed as it is typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from course.catalog.access import get_course_for_editor
from course.catalog.models import Concept, Course
from course.generator.flaws import Flaw
from course.http import AuthedRequest
from course.quizzes.bank import question_findings
from course.quizzes.forms import (
    MAX_ROWS,
    TICKED,
    BankQuestionForm,
    BaseRowFormSet,
    NewQuestionForm,
    QuestionForm,
    QuizForm,
    RandomSlotForm,
    SlotPointsForm,
    posted_rows,
    question_data,
    row_fields,
    row_formset,
    ticked,
)
from course.quizzes.lint import lint_stored, summary
from course.quizzes.models import CONTENT_FIELDS, Question, QuestionVersion, Quiz
from course.quizzes.services import question_create, question_update, quiz_save
from course.quizzes.slots import (
    quiz_slots,
    random_slot_add,
    random_slot_remove,
    random_supply,
    slot_move,
    slots_set_points,
)
from course.quizzes.views.attempts import preview_item, question_entry


@require_http_methods(["GET", "POST"])
@login_required
def quiz_edit(request: AuthedRequest, slug: str, quiz_id: int | None = None) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id) if quiz_id else None
    form = QuizForm(request.POST or None, instance=quiz, course=course)
    if request.method == "POST" and form.is_valid():
        quiz = quiz_save(form=form, course=course)
        messages.success(request, f"Saved the quiz “{quiz.title}”.")
        return redirect("quizzes:quiz", slug=course.slug, quiz_id=quiz.pk)
    context: dict[str, Any] = {"form": form, "course": course, "quiz": quiz}
    if quiz is not None:
        context |= _slots_context(quiz)
    return render(request, "quizzes/quiz_edit.html", context)


@dataclass(frozen=True)
class Said:
    """What "Order and points" says after an action, in place (with htmx) or as a message."""

    text: str
    level: str = "success"


def _slots_context(
    quiz: Quiz,
    form: SlotPointsForm | None = None,
    notice: Said | None = None,
    random_form: RandomSlotForm | None = None,
) -> dict[str, Any]:
    slots = form.slots if form is not None else quiz_slots(quiz)
    form = form or SlotPointsForm(slots=slots)
    supply = random_supply(slots)
    return {
        "slots_form": form,
        # Each slot with its points field, and a random slot's draw field and supply.
        "slot_rows": [(*row, supply.get(row[0].pk)) for row in form.rows()],
        # What an attempt is worth: a random slot counts the questions it can draw.
        "total_points": sum(
            slot.points * (supply[slot.pk].drawn if slot.pk in supply else 1) for slot in slots
        ),
        "slot_notice": notice,
        "random_form": random_form or RandomSlotForm(course=quiz.course, prefix="random"),
    }


@require_POST
@login_required
@vary_on_headers("HX-Request")
def quiz_slots_update(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    """The quiz's order and points, from the edit page's "Order and points": Save points,
    or Up and Down (which save the points typed too, so moving loses nothing). With htmx,
    only that section comes back; without, the edit page at it."""
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id)
    quiz.course = course
    form = SlotPointsForm(request.POST, slots=quiz_slots(quiz))
    move = request.POST.get("move", "")
    remove = request.POST.get("remove", "")
    notice = Said("")
    try:
        changed = 0
        if form.is_valid():
            changed = slots_set_points(
                quiz=quiz, points=form.points(), draws=form.draws(), by=request.user
            )
        if move:
            slot_id, _, direction = move.partition(":")
            moved = slot_move(
                quiz=quiz,
                slot_id=int(slot_id) if slot_id.isdigit() else 0,
                direction=direction,
                by=request.user,
            )
            notice = Said(f"Moved “{moved.label[:60]}” {direction}.", "success")
        elif remove:
            label = random_slot_remove(
                quiz=quiz, slot_id=int(remove) if remove.isdigit() else 0, by=request.user
            )
            notice = Said(f"Removed the slot that drew {label}.", "success")
        elif form.is_valid():
            notice = Said(f"Saved the points ({changed} changed).", "success")
        else:
            notice = Said("Fix the points marked below: nothing was saved.", "error")
    except ValidationError as refusal:
        notice = Said(" ".join(refusal.messages), "error")
    keep_typed = not form.is_valid() and not move and not remove
    if request.htmx:
        context: dict[str, Any] = {"course": course, "quiz": quiz}
        context |= _slots_context(quiz, form if keep_typed else None, notice)
        return render(request, "quizzes/quiz_edit.html#slots", context)
    if keep_typed:
        context = {"form": QuizForm(instance=quiz, course=course), "course": course, "quiz": quiz}
        context |= _slots_context(quiz, form, notice)
        return render(request, "quizzes/quiz_edit.html", context, status=400)
    (messages.error if notice.level == "error" else messages.success)(request, notice.text)
    return redirect(reverse("quizzes:edit", kwargs={"slug": slug, "quiz_id": quiz.pk}) + "#slots")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def random_slot_new(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    """Add a slot that draws questions at random from a concept, from the edit page's
    "Order and points". With htmx, only that section comes back (with the form's errors,
    if any); without, the edit page at it (or again, with the errors, as a 400)."""
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id)
    quiz.course = course
    form = RandomSlotForm(request.POST, course=course, prefix="random")
    if not form.is_valid():
        notice = Said("Fix the random slot marked below: nothing was added.", "error")
    else:
        try:
            slot = random_slot_add(
                quiz=quiz,
                concept=form.cleaned_data["concept"],
                draw=form.cleaned_data["draw"],
                points=form.cleaned_data["points"],
                by=request.user,
            )
            notice = Said(f"Added a random slot: {slot.label}.")
            form = RandomSlotForm(course=course, prefix="random")
        except ValidationError as refusal:
            notice = Said(" ".join(refusal.messages), "error")
    if request.htmx:
        context: dict[str, Any] = {"course": course, "quiz": quiz}
        context |= _slots_context(quiz, notice=notice, random_form=form)
        return render(request, "quizzes/quiz_edit.html#slots", context)
    if form.errors:
        context = {"form": QuizForm(instance=quiz, course=course), "course": course, "quiz": quiz}
        context |= _slots_context(quiz, notice=notice, random_form=form)
        return render(request, "quizzes/quiz_edit.html", context, status=400)
    (messages.error if notice.level == "error" else messages.success)(request, notice.text)
    return redirect(reverse("quizzes:edit", kwargs={"slug": slug, "quiz_id": quiz.pk}) + "#slots")


@require_GET
@login_required
def quiz_preview(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    """The quiz as a student sees it, with the answers shown: nothing is saved."""
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz.objects.select_related("course"), course=course, pk=quiz_id)
    every_slot = quiz_slots(quiz)
    # A random slot's questions differ from attempt to attempt: listed apart, not shown.
    draws = list(random_supply(every_slot).values())
    slots = [(slot, slot.question) for slot in every_slot if slot.question is not None]
    # Advice for the author, in quiz order (a repeated question is the later one).
    found = lint_stored(question for _, question in slots)
    entries = []
    for position, (slot, question) in enumerate(slots, start=1):
        version = QuestionVersion(
            question=question,
            number=question.version,
            **{name: getattr(question, name) for name in CONTENT_FIELDS},
        )
        item = preview_item(version, position=position, points=slot.points)
        entries.append(question_entry(item, flaws=found.get(question.pk, [])))
    concepts = (
        Concept.objects.filter(Q(questions__slots__quiz=quiz) | Q(random_slots__quiz=quiz))
        .distinct()
        .order_by("rank", "term")
    )
    uncovered = course.concepts.filter(core=True).exclude(pk__in=concepts.values("pk"))
    context = {
        "quiz": quiz,
        "course": course,
        "items": entries,
        "draws": draws,
        "concepts": list(concepts),
        "uncovered": list(uncovered),
        "flagged": sum(1 for entry in entries if entry["flaws"]),
        "flaw_summary": summary(entry["flaws"] for entry in entries),
    }
    return render(request, "quizzes/quiz_preview.html", context)


def _saved_message(flaws: list[Flaw]) -> str:
    if not flaws:
        return "Question added to the bank."
    titles = "; ".join(flaw.title for flaw in flaws)
    return (
        f"Question added to the bank. The checker has advice on it: {len(flaws)} "
        f"item-writing flaw{'s' if len(flaws) != 1 else ''} ({titles}), listed with it below."
    )


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def question_new(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    kind = request.POST.get("type") or request.GET.get("type") or ""
    if kind not in Question.Type.values:
        return render(
            request, "quizzes/question_new.html", {"course": course, "types": Question.Type.choices}
        )
    return _question_editor(request, course, kind, question=None)


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def question_edit(request: AuthedRequest, slug: str, question_id: int) -> HttpResponse:
    """Any question of the bank, opened from its row: the same editor as a new question's,
    prefilled. Saving is the review workspace's edit (`question_update`): a version an
    attempt froze stays as it was, and the edit becomes the next one."""
    course = get_course_for_editor(request.user, slug)
    question = get_object_or_404(Question, course=course, pk=question_id)
    question.course = course
    return _question_editor(request, course, question.type, question=question)


def _stored_rows(question: Question) -> tuple[dict[str, list[str]], list[int], str]:
    """A stored question as the editor shows it: its rows, the options ticked correct, and
    a true-or-false question's answer."""
    initial = QuestionForm.initial_for(question)
    rows: dict[str, list[str]] = {}
    for name in row_fields(question.type):
        values = list(question.options) if name == "options" else initial[name].splitlines()
        rows[name] = values or [""]
    correct: list[int] = []
    if question.type in TICKED:
        answer = question.answer if isinstance(question.answer, list) else [question.answer]
        correct = [i for i, option in enumerate(question.options) if option in answer]
    return rows, correct, initial["answer"] if question.type == Question.Type.TRUE_FALSE else ""


def _row_sets(kind: str, rows: dict[str, list[str]], correct: list[int]) -> list[BaseRowFormSet]:
    sets = []
    for name, values in rows.items():
        formset = row_formset(name, values)
        # The options of a choice question carry the tick that marks them correct.
        formset.tick = TICKED.get(Question.Type(kind), "") if name == "options" else ""
        formset.ticked = frozenset(correct)
        sets.append(formset)
    return sets


def _question_editor(
    request: AuthedRequest, course: Course, kind: str, *, question: Question | None
) -> HttpResponse:
    """The editor of a new question (`question` None) or a stored one: rows added and
    removed (with htmx, only the rows), a live preview with the checker's advice, and save."""
    posted = request.POST if request.method == "POST" else None

    def make_form(data: QueryDict | None = None, **kwargs: Any) -> BankQuestionForm:
        if question is None:
            return NewQuestionForm(data, course=course, question_type=kind, **kwargs)
        return BankQuestionForm(data, question_type=kind, **kwargs)

    if posted is None and question is not None:
        rows, correct, true_false = _stored_rows(question)
        form = make_form(initial=QuestionForm.initial_for(question) | {"answer": true_false})
    else:
        rows = {name: posted_rows(posted, name) for name in row_fields(kind)}
        correct = ticked(posted, len(rows.get("options", [])))
        form = None
    add, remove = request.POST.get("add", ""), request.POST.get("remove", "")
    if add in rows and len(rows[add]) < MAX_ROWS:
        rows[add].append("")
    field, _, index = remove.partition(":")
    if field in rows and index.isdigit() and int(index) < len(rows[field]) > 1:
        gone = int(index)
        rows[field].pop(gone)
        if field == "options":  # the ticks stay with their options
            correct = [i - (i > gone) for i in correct if i != gone]
    data = question_data(posted, rows, kind=kind) if posted is not None else None
    form = form or make_form(data)
    url = (
        reverse("quizzes:question-edit", kwargs={"slug": course.slug, "question_id": question.pk})
        if question is not None
        else reverse("quizzes:question-new", kwargs={"slug": course.slug})
    )
    context: dict[str, Any] = {
        "course": course,
        "form": form,
        "kind": kind,
        "kind_label": Question.Type(kind).label,
        "row_sets": _row_sets(kind, rows, correct),
        "question": question,
        "form_url": url,
        "true_false": [("true", "True"), ("false", "False")],
        "entry": None,
        "flaws": [],
        "preview": True,
    }
    if (add or remove) and data is not None:  # both come from a POST, so data is set
        # Adding or removing a row changes the form, not the question: no validation yet.
        initial: dict[str, Any] = {key: data.get(key) for key in data if key != "concepts"}
        initial["concepts"] = data.getlist("concepts")
        context["form"] = make_form(initial=initial)
        name = add or field
        chosen = [rows_ for rows_ in context["row_sets"] if rows_.prefix == name]
        if request.htmx and chosen:
            context["rows"] = chosen[0]
            return render(request, "quizzes/question_form.html#rows", context)
        return render(request, "quizzes/question_form.html", context)
    if form.is_bound and form.is_valid():
        fields = form.cleaned_data
        # Advice, never a reason to refuse: the question saves whatever the checker finds.
        flaws = question_findings(kind=kind, fields=fields)
        if request.POST.get("action") == "save":
            return _saved(request, course, kind, fields, flaws, question)
        _preview(context, kind, fields, flaws)
    elif question is not None and not form.is_bound:
        # An opened question shows as students see it, with the advice, before any edit.
        fields = {name: getattr(question, name) for name in CONTENT_FIELDS}
        _preview(context, kind, fields, question_findings(kind=kind, fields=fields))
    if request.htmx and request.method == "POST":
        return render(request, "quizzes/question_form.html#live-preview", context)
    return render(request, "quizzes/question_form.html", context)


def _preview(context: dict[str, Any], kind: str, fields: dict[str, Any], flaws: list[Flaw]) -> None:
    content = QuestionVersion(
        type=kind,
        prompt=fields["prompt"],
        options=fields["options"],
        answer=fields["answer"],
        explanation=fields["explanation"],
    )
    context["entry"] = question_entry(preview_item(content))
    context["flaws"] = flaws


def _saved(
    request: AuthedRequest,
    course: Course,
    kind: str,
    fields: dict[str, Any],
    flaws: list[Flaw],
    question: Question | None,
) -> HttpResponse:
    bank_url = reverse("quizzes:bank", kwargs={"slug": course.slug})
    if question is None:
        question = question_create(course=course, kind=kind, fields=fields)
        messages.success(request, _saved_message(flaws))
        search = urlencode({"q": question.prompt[:40]})
        return redirect(f"{bank_url}?{search}")
    question_update(question=question, fields=fields)
    advice = f" The checker has advice on it: {', '.join(f.title for f in flaws)}." if flaws else ""
    messages.success(request, f"Saved Q{question.pk}.{advice}")
    return redirect(f"{bank_url}#question-{question.pk}")
