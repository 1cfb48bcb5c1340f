"""Instructors write quizzes and questions: a quiz's settings and questions, its preview as a
student sees it (with the keys), and a new question for the bank, previewed as it is typed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from course.catalog.access import get_course_for_editor
from course.catalog.models import Concept
from course.generator.flaws import Flaw
from course.http import AuthedRequest
from course.quizzes.bank import question_findings
from course.quizzes.forms import (
    MAX_ROWS,
    NewQuestionForm,
    QuizForm,
    posted_rows,
    question_data,
    row_fields,
    row_formset,
)
from course.quizzes.lint import lint_stored, summary
from course.quizzes.models import CONTENT_FIELDS, Question, QuestionVersion, Quiz
from course.quizzes.services import question_create, quiz_save
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
    return render(request, "quizzes/quiz_edit.html", {"form": form, "course": course, "quiz": quiz})


@require_GET
@login_required
def quiz_preview(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    """The quiz as a student sees it, with the answers shown: nothing is saved."""
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz.objects.select_related("course"), course=course, pk=quiz_id)
    slots = list(quiz.slots.select_related("question").order_by("position", "pk"))
    # Advice for the author, in quiz order (a repeated question is the later one).
    found = lint_stored(slot.question for slot in slots)
    entries = []
    for position, slot in enumerate(slots, start=1):
        question = slot.question
        version = QuestionVersion(
            question=question,
            number=question.version,
            **{name: getattr(question, name) for name in CONTENT_FIELDS},
        )
        item = preview_item(version, position=position, points=slot.points)
        entries.append(question_entry(item, flaws=found.get(question.pk, [])))
    concepts = (
        Concept.objects.filter(questions__slots__quiz=quiz).distinct().order_by("rank", "term")
    )
    uncovered = course.concepts.filter(core=True).exclude(pk__in=concepts.values("pk"))
    context = {
        "quiz": quiz,
        "course": course,
        "items": entries,
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
    posted = request.POST if request.method == "POST" else None
    rows = {name: posted_rows(posted, name) for name in row_fields(kind)}
    add, remove = request.POST.get("add", ""), request.POST.get("remove", "")
    if add in rows and len(rows[add]) < MAX_ROWS:
        rows[add].append("")
    field, _, index = remove.partition(":")
    if field in rows and index.isdigit() and int(index) < len(rows[field]) > 1:
        rows[field].pop(int(index))
    data = question_data(posted, rows) if posted is not None else None
    form = NewQuestionForm(data, course=course, question_type=kind)
    row_sets = {name: row_formset(name, values) for name, values in rows.items()}
    context: dict[str, Any] = {
        "course": course,
        "form": form,
        "kind": kind,
        "kind_label": Question.Type(kind).label,
        "row_sets": list(row_sets.values()),
        "entry": None,
        "flaws": [],
        "preview": True,
    }
    if (add or remove) and data is not None:  # both come from a POST, so data is set
        # Adding or removing a row changes the form, not the question: no validation yet.
        initial: dict[str, Any] = {key: data.get(key) for key in data if key != "concepts"}
        initial["concepts"] = data.getlist("concepts")
        context["form"] = NewQuestionForm(initial=initial, course=course, question_type=kind)
        name = add or field
        if request.htmx and name in row_sets:
            context["rows"] = row_sets[name]
            return render(request, "quizzes/question_form.html#rows", context)
        return render(request, "quizzes/question_form.html", context)
    if form.is_bound and form.is_valid():
        fields = form.cleaned_data
        # Advice, never a reason to refuse: the question saves whatever the checker finds.
        flaws = question_findings(kind=kind, fields=fields)
        if request.POST.get("action") == "save":
            question = question_create(course=course, kind=kind, fields=fields)
            messages.success(request, _saved_message(flaws))
            search = urlencode({"q": question.prompt[:40]})
            return redirect(reverse("quizzes:bank", kwargs={"slug": course.slug}) + f"?{search}")
        content = QuestionVersion(
            type=kind,
            prompt=fields["prompt"],
            options=fields["options"],
            answer=fields["answer"],
            explanation=fields["explanation"],
        )
        context["entry"] = question_entry(preview_item(content))
        context["flaws"] = flaws
    if request.htmx and request.method == "POST":
        return render(request, "quizzes/question_form.html#live-preview", context)
    return render(request, "quizzes/question_form.html", context)
