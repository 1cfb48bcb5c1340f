"""The course's question bank: search and filter it (with the item-writing checker's
advice), open any question to edit it, tick questions for a bulk action (which the
authoring app's `bulk.bank_bulk` does), export it as GIFT, import GIFT or Aiken files after
a preview."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from course.catalog.access import get_course_for_editor
from course.generator.flaws import CATALOG
from course.http import AuthedRequest
from course.quizzes.bank import (
    ANY_FLAW,
    ImportRefused,
    bank_findings,
    bank_search,
    decode_import,
    parse_questions,
    questions_export_gift,
    questions_import,
    report_for,
    upload_limit,
    with_flaw,
)
from course.quizzes.forms import ImportConfirmForm, ImportUploadForm
from course.quizzes.interchange import ParseResult
from course.quizzes.lint import lint_file, summary
from course.quizzes.models import Question
from course.text import search_text


@require_GET
@login_required
@vary_on_headers("HX-Request")
def bank(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    query = search_text(request.GET.get("q", ""), limit=200)
    tag = search_text(request.GET.get("tag", ""), limit=200)
    kind = request.GET.get("type", "")
    kind = kind if kind in Question.Type.values else ""
    flaw = request.GET.get("flaw", "")
    flaw = flaw if flaw == ANY_FLAW or flaw in CATALOG else ""
    questions = list(bank_search(course, query=query, tag=tag, kind=kind))
    tags = sorted({q.category for q in course.questions.exclude(category="")})
    # Advice, over the whole bank in one pass (one query): the filter offers the flaws
    # the bank has, most frequent first.
    found = bank_findings(course)
    flaw_choices = summary(found.values())
    if flaw and flaw != ANY_FLAW and flaw not in {code for code, _, _ in flaw_choices}:
        flaw_choices.append((flaw, CATALOG[flaw].title, 0))  # a link to a fixed flaw
    if flaw:
        questions = with_flaw(questions, found, flaw)
    for question in questions:
        question.flaws = found.get(question.pk, [])
    filters = {"q": query, "type": kind, "tag": tag, "flaw": flaw}
    context = {
        "course": course,
        "questions": questions,
        "query": query,
        "tag": tag,
        "kind": kind,
        "tags": tags,
        "types": Question.Type.choices,
        "flaw": flaw,
        "any_flaw": ANY_FLAW,
        "flaw_choices": flaw_choices,
        "flagged": sum(1 for q in questions if q.flaws),
        # The bulk actions: the concepts to tag with, "Select all on this page" without
        # JavaScript, and the filters the page comes back to after an action.
        "concepts": list(course.concepts.order_by("rank", "term")),
        "select_all": request.GET.get("select") == "all",
        "filters": urlencode({name: value for name, value in filters.items() if value}),
    }
    template = "quizzes/bank.html#bank-results" if request.htmx else "quizzes/bank.html"
    return render(request, template, context)


@require_GET
@login_required
def bank_export(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    text, _ = questions_export_gift(course=course)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}.gift.txt"'
    return response


def _import_preview(result: ParseResult) -> dict[str, Any]:
    """What the import preview shows of a parsed file: its report, and each valid question
    with its item-writing findings (advice: they never stop an import)."""
    linted = lint_file(result)
    return {
        "preview": result,
        "report": report_for(result),
        "previewed": list(zip(result.questions, linted, strict=True)),
        "flagged": sum(1 for item in linted if item.flaws),
        "flaw_summary": summary(item.flaws for item in linted),
    }


@require_http_methods(["GET", "POST"])
@login_required
def bank_import(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    context: dict[str, Any] = {"course": course, "upload": ImportUploadForm()}
    if request.method == "POST" and "text" in request.POST:
        confirm = ImportConfirmForm(request.POST)
        if confirm.is_valid():
            result = parse_questions(confirm.cleaned_data["text"], confirm.cleaned_data["format"])
            try:
                report = questions_import(
                    course=course,
                    result=result,
                    accept_valid=confirm.cleaned_data["accept_valid"],
                )
            except ImportRefused as refusal:
                messages.error(request, str(refusal))
                context.update(_import_preview(result), confirm=confirm)
                return render(request, "quizzes/bank_import.html", context, status=400)
            messages.success(request, f"Imported {report.imported} question(s).")
            return redirect("quizzes:bank", slug=course.slug)
        # Over the upload limit (a forged post: the preview checked the file), or tampered.
        text_errors = confirm.errors.get("text")
        messages.error(
            request, str(text_errors[0]) if text_errors else "The preview was lost; upload again."
        )
    elif request.method == "POST":
        upload = ImportUploadForm(request.POST, request.FILES)
        context["upload"] = upload
        if upload.is_valid():
            try:
                data = upload.cleaned_data["file"].read(upload_limit() + 1)
                text = decode_import(data)
            except ValueError as error:
                upload.add_error("file", str(error))
            else:
                fmt = upload.cleaned_data["format"]
                result = parse_questions(text, fmt)
                context.update(
                    _import_preview(result),
                    confirm=ImportConfirmForm(initial={"text": text, "format": fmt}),
                )
    return render(request, "quizzes/bank_import.html", context)
