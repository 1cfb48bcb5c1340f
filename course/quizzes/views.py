"""Quizzes: students take them; instructors build them from the course's question bank.

Ownership first: every attempt view loads the attempt through `_get_attempt_for`, which
404s for anyone but its student, before anything else happens.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from course.catalog.access import can_edit, get_course_for, get_course_for_editor, is_enrolled
from course.catalog.models import Concept, Course
from course.generator.flaws import CATALOG, Flaw
from course.http import AuthedRequest
from course.quizzes import attempts as attempt_services
from course.quizzes.attempts import AttemptError, answers_revealed, attempt_revealed
from course.quizzes.bank import (
    ANY_FLAW,
    ImportRefused,
    bank_findings,
    bank_search,
    decode_import,
    parse_questions,
    question_findings,
    questions_export_gift,
    questions_import,
    report_for,
    upload_limit,
    with_flaw,
)
from course.quizzes.forms import (
    GradeForm,
    ImportConfirmForm,
    ImportUploadForm,
    NewQuestionForm,
    QuizForm,
)
from course.quizzes.grading import quiz_grade
from course.quizzes.interchange import ParseResult
from course.quizzes.lint import lint_file, lint_stored, summary
from course.quizzes.models import (
    CONTENT_FIELDS,
    Attempt,
    AttemptItem,
    Question,
    QuestionVersion,
    Quiz,
    answer_lines,
)
from course.quizzes.services import question_create, quiz_save
from course.text import search_text


def _get_quiz_for(request: AuthedRequest, slug: str, quiz_id: int) -> Quiz:
    course = get_course_for(request.user, slug)
    quiz = get_object_or_404(Quiz.objects.select_related("course"), course=course, pk=quiz_id)
    if not quiz.is_published and not can_edit(request.user, course):
        raise Http404("No such quiz.")
    return quiz


def _get_attempt_for(request: AuthedRequest, attempt_id: int) -> Attempt:
    """The attempt, only for the student who owns it: anyone else gets a 404."""
    return get_object_or_404(
        Attempt.objects.select_related("quiz", "quiz__course").defer(
            *(f"quiz__course__{name}" for name in Course.BULKY_FIELDS)
        ),
        pk=attempt_id,
        user=request.user,
    )


@require_GET
@login_required
def quiz_detail(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    quiz = _get_quiz_for(request, slug, quiz_id)
    attempts = list(Attempt.objects.filter(quiz=quiz, user=request.user).order_by("number"))
    context = {
        "quiz": quiz,
        "course": quiz.course,
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if a.is_open), None),
        "attempts_left": attempt_services.attempts_left(quiz, request.user),
        "grade": quiz_grade(quiz, attempts),
        "enrolled": is_enrolled(request.user, quiz.course),
        "editable": can_edit(request.user, quiz.course),
        "question_count": quiz.slots.count(),
    }
    return render(request, "quizzes/quiz_detail.html", context)


@require_POST
@login_required
def attempt_start(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    quiz = _get_quiz_for(request, slug, quiz_id)
    try:
        attempt = attempt_services.attempt_start(quiz=quiz, user=request.user)
    except AttemptError as error:
        messages.error(request, str(error))
        return redirect("quizzes:quiz", slug=slug, quiz_id=quiz.pk)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


def _item_context(
    attempt: Attempt, item: AttemptItem, *, whole_attempt: bool | None = None
) -> dict[str, Any]:
    """What one question shows. The answer key and explanation are included only when the
    quiz's reveal policy allows it for this item now (`whole_attempt`: the attempt's own
    answer, when the caller has it)."""
    revealed = answers_revealed(attempt, item, whole_attempt=whole_attempt)
    shown = attempt_services.shown_options(item)
    response = item.response
    rows: list[tuple[int, str, Any]] = []
    if item.version.type == Question.Type.ORDERING:
        order = response if isinstance(response, list) else []
        rows = [(i, text, order.index(text) + 1 if text in order else None)
                for i, text in enumerate(shown)]  # fmt: skip
    elif item.version.type == Question.Type.MATCHING:
        chosen = response if isinstance(response, dict) else {}
        rows = [(i, left, shown.index(chosen[left]) if chosen.get(left) in shown else None)
                for i, left in enumerate(attempt_services.matching_lefts(item))]  # fmt: skip
    return {
        "item": item,
        "kind": item.version.type,
        "prompt": item.version.prompt,
        "options": list(enumerate(shown)),
        "rows": rows,
        "ranks": range(1, len(shown) + 1),
        "response": response,
        "revealed": revealed,
        "key": answer_lines(item.version.type, item.version.answer) if revealed else [],
        "explanation": item.version.explanation if revealed else "",
        "show_status": item.checked or not attempt.is_open,
        "editable": attempt.is_open and not item.checked,
        "immediate": attempt.quiz.feedback_mode == Quiz.Feedback.IMMEDIATE,
    }


def _attempt_context(attempt: Attempt) -> dict[str, Any]:
    items = list(attempt.items.select_related("version").order_by("position"))
    # The policy is asked once for the page, not once per question.
    whole_attempt = attempt_revealed(attempt)
    return {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "course": attempt.quiz.course,
        "items": [_item_context(attempt, item, whole_attempt=whole_attempt) for item in items],
        "answered": sum(1 for i in items if i.response is not None),
    }


@require_GET
@login_required
def attempt_page(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    attempt = _get_attempt_for(request, attempt_id)
    if not attempt.is_open:
        return redirect("quizzes:results", attempt_id=attempt.pk)
    return render(request, "quizzes/attempt.html", _attempt_context(attempt))


@require_POST
@login_required
def attempt_answer(request: AuthedRequest, attempt_id: int, position: int) -> HttpResponse:
    check = request.POST.get("action") == "check"
    error = ""
    try:
        # Only the owner's attempt is found: the service checks, in the query that locks it.
        item = attempt_services.attempt_answer(
            attempt=Attempt(pk=attempt_id, user=request.user),
            position=position,
            data=request.POST,
            check=check,
        ).item
        attempt = item.attempt
    except Attempt.DoesNotExist:
        raise Http404("No such attempt.") from None
    except AttemptError as refusal:
        # Refused: show the question as it stands (another tab may have submitted).
        error = str(refusal)
        attempt = _get_attempt_for(request, attempt_id)
        item = get_object_or_404(
            AttemptItem.objects.select_related("version"), attempt=attempt, position=position
        )
    if request.htmx:
        context = {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "course": attempt.quiz.course,
            "entry": _item_context(attempt, item),
            "error": error,
        }
        return render(request, "quizzes/attempt.html#question", context)
    if error:
        messages.error(request, error)
    return redirect(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk}) + f"#q{position}")


@require_GET
@login_required
def attempt_review(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    attempt = _get_attempt_for(request, attempt_id)
    if not attempt.is_open:
        return redirect("quizzes:results", attempt_id=attempt.pk)
    return render(request, "quizzes/attempt_review.html", _attempt_context(attempt))


@require_POST
@login_required
def attempt_submit(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    attempt = _get_attempt_for(request, attempt_id)
    late = attempt.is_open and attempt_services.is_past_deadline(attempt)
    attempt = attempt_services.attempt_submit(attempt=attempt)
    if late:
        messages.warning(
            request, "Time was up: the answers you saved before the time limit were submitted."
        )
    return redirect("quizzes:results", attempt_id=attempt.pk)


@require_GET
@login_required
def attempt_results(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    attempt = _get_attempt_for(request, attempt_id)
    if attempt.is_open:
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    context = _attempt_context(attempt)
    context["passed"] = (attempt.score or 0) * 100 >= attempt.quiz.pass_mark
    context["percent"] = round((attempt.score or 0) * 100)
    return render(request, "quizzes/attempt_results.html", context)


# --- instructors -----------------------------------------------------------------------


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


# --- the question bank -----------------------------------------------------------------


@require_GET
@login_required
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


# --- grading and preview ---------------------------------------------------------------


@require_GET
@login_required
def grading_queue(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    items = list(
        AttemptItem.objects.filter(
            attempt__quiz__course=course, status=AttemptItem.Status.NEEDS_GRADING
        )
        .select_related("version", "attempt__user", "attempt__quiz")
        .order_by("attempt__submitted_at", "pk")
    )
    return render(
        request, "quizzes/grading.html", {"course": course, "items": items, "form": GradeForm()}
    )


@require_POST
@login_required
def grade_item(request: AuthedRequest, slug: str, item_id: int) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    item = get_object_or_404(
        AttemptItem,
        pk=item_id,
        attempt__quiz__course=course,
        attempt__state=Attempt.State.SUBMITTED,
    )
    form = GradeForm(request.POST)
    if form.is_valid():
        attempt_services.item_grade(
            item=item,
            fraction=form.cleaned_data["percent"] / 100,
            comment=form.cleaned_data["comment"],
            by=request.user,
        )
        messages.success(request, "Grade saved.")
    else:
        messages.error(request, "Give a score from 0 to 100.")
    return redirect("quizzes:grading", slug=course.slug)


@require_GET
@login_required
def quiz_preview(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    """The quiz as a student sees it, with the answers shown: nothing is saved."""
    course = get_course_for_editor(request.user, slug)
    quiz = get_object_or_404(Quiz.objects.select_related("course"), course=course, pk=quiz_id)
    preview = Attempt(quiz=quiz, user=request.user, number=0, state=Attempt.State.SUBMITTED)
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
        item = AttemptItem(
            attempt=preview,
            version=version,
            position=position,
            points=slot.points,
            option_order=list(range(len(question.options))),
        )
        # Instructors see the key whatever the reveal policy, and nothing was answered.
        entry = _item_context(preview, item, whole_attempt=True)
        entry.update(
            revealed=True,
            key=answer_lines(version.type, version.answer),
            explanation=version.explanation,
            show_status=False,
            editable=False,
            flaws=found.get(question.pk, []),
        )
        entries.append(entry)
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


# --- authoring ---------------------------------------------------------------------------


def _preview_entry(question_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """How a question with this content shows to a student, with its key (for the author)."""
    version = QuestionVersion(
        type=question_type,
        prompt=data["prompt"],
        options=data["options"],
        answer=data["answer"],
        explanation=data["explanation"],
    )
    attempt = Attempt(state=Attempt.State.OPEN)
    item = AttemptItem(version=version, position=1, option_order=list(range(len(data["options"]))))
    return {
        "item": item,
        "kind": question_type,
        "prompt": version.prompt,
        "options": list(enumerate(version.options)),
        "rows": [(i, left, None) for i, (left, _) in enumerate(version.answer or [])]
        if question_type == Question.Type.MATCHING
        else [(i, text, None) for i, text in enumerate(version.options)],
        "ranks": range(1, len(version.options) + 1),
        "response": None,
        "revealed": True,
        "key": answer_lines(question_type, version.answer),
        "explanation": version.explanation,
        "show_status": False,
        "editable": False,
        "immediate": False,
        "attempt": attempt,
    }


# The line-list fields of the authoring form, shown as rows the author adds and removes.
ROW_FIELDS = {"options": "Options", "answer": "Answer"}
NO_OPTION_ROWS = {
    Question.Type.CLOZE, Question.Type.SHORT_ANSWER, Question.Type.TRUE_FALSE,
    Question.Type.ORDERING, Question.Type.MATCHING, Question.Type.NUMERICAL, Question.Type.ESSAY,
}  # fmt: skip


def _rows(data: Any, name: str) -> list[str]:
    """The rows of a line-list field as posted: one input per row, or a textarea's lines."""
    values = data.getlist(name) if hasattr(data, "getlist") else []
    if len(values) == 1:
        values = values[0].splitlines() or [""]
    return [v[:1000] for v in values][:50] or [""]


def _row_fields(kind: str) -> list[str]:
    fields = [] if kind in NO_OPTION_ROWS else ["options"]
    return [*fields, "answer"] if kind != Question.Type.ESSAY else fields


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
def question_new(request: AuthedRequest, slug: str) -> HttpResponse:
    course = get_course_for_editor(request.user, slug)
    kind = request.POST.get("type") or request.GET.get("type") or ""
    if kind not in Question.Type.values:
        return render(
            request, "quizzes/question_new.html", {"course": course, "types": Question.Type.choices}
        )
    rows = {name: _rows(request.POST, name) for name in _row_fields(kind)}
    add, remove = request.POST.get("add", ""), request.POST.get("remove", "")
    if add in rows:
        rows[add].append("")
    field, _, index = remove.partition(":")
    if field in rows and index.isdigit() and int(index) < len(rows[field]) > 1:
        rows[field].pop(int(index))
    data = None
    if request.method == "POST":
        data = request.POST.copy()
        for name, values in rows.items():
            data[name] = "\n".join(values)
    form = NewQuestionForm(data, course=course, question_type=kind)
    context: dict[str, Any] = {
        "course": course,
        "form": form,
        "kind": kind,
        "kind_label": Question.Type(kind).label,
        "row_sets": [(name, ROW_FIELDS[name], rows[name]) for name in rows],
        "entry": None,
        "flaws": [],
        "preview": True,
    }
    if (add or remove) and data is not None:  # both come from a POST, so data is set
        # Adding or removing a row changes the form, not the question: no validation yet.
        name = add or field
        if request.htmx and name in rows:
            context.update(rows_name=name, rows_legend=ROW_FIELDS[name], rows_values=rows[name])
            return render(request, "quizzes/question_form.html#rows", context)
        initial: dict[str, Any] = {key: data.get(key) for key in data if key != "concepts"}
        initial["concepts"] = data.getlist("concepts")
        context["form"] = NewQuestionForm(initial=initial, course=course, question_type=kind)
        return render(request, "quizzes/question_form.html", context)
    if form.is_bound and form.is_valid():
        # Advice, never a reason to refuse: the question saves whatever the checker finds.
        flaws = question_findings(kind=kind, fields=form.cleaned_data)
        if request.POST.get("action") == "save":
            question = question_create(course=course, kind=kind, fields=form.cleaned_data)
            messages.success(request, _saved_message(flaws))
            search = urlencode({"q": question.prompt[:40]})
            return redirect(reverse("quizzes:bank", kwargs={"slug": course.slug}) + f"?{search}")
        context["entry"] = _preview_entry(kind, form.cleaned_data)
        context["flaws"] = flaws
    if request.htmx and request.method == "POST":
        return render(request, "quizzes/question_form.html#live-preview", context)
    return render(request, "quizzes/question_form.html", context)
