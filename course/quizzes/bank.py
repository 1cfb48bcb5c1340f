"""The question bank in and out: GIFT and Aiken import (all or the accepted valid part, in
one transaction), GIFT export, and the bank's search, with the item-writing flaw checker's
findings as advice (never a reason to refuse a question); and its bulk actions (accept,
tag with a concept, move to a category) on the questions ticked in it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from course.accounts.models import User
from course.catalog.access import can_edit
from course.catalog.models import Concept, Course
from course.generator.flaws import Flaw
from course.quizzes.interchange import BankQuestion, ParseResult
from course.quizzes.interchange.aiken import parse_aiken
from course.quizzes.interchange.gift import export_gift, parse_gift
from course.quizzes.lint import lint_questions, lint_stored
from course.quizzes.models import Question, QuestionQuerySet

FORMATS = {"gift": parse_gift, "aiken": parse_aiken}


class ImportRefused(Exception):
    """The file has errors and the instructor has not accepted importing the valid part."""


def upload_limit() -> int:
    """The largest question file, in bytes (settings.UPLOAD_MAX_BYTES, UPLOAD_MAX_MB)."""
    return settings.UPLOAD_MAX_BYTES


def check_size(size: int) -> None:
    """ValueError, saying the limit, for a file (or its previewed text) over it."""
    limit = upload_limit()
    if size > limit:
        raise ValueError(
            f"The file is too large: {size:,} bytes; the limit is {limit / 1024 / 1024:g} MB."
        )


def decode_import(data: bytes) -> str:
    """Text of an uploaded question file, or ValueError with a message for the instructor."""
    if not data.strip():
        raise ValueError("The file is empty.")
    check_size(len(data))
    if b"\x00" in data:
        raise ValueError("This looks like a binary file, not a text file of questions.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError("The file is not UTF-8 text.") from error


def parse_questions(text: str, fmt: str) -> ParseResult:
    try:
        parser = FORMATS[fmt]
    except KeyError as error:
        raise ValueError(f"Unknown format {fmt!r}: use gift or aiken.") from error
    return parser(text)


@dataclass
class ImportReport:
    questions: int
    by_type: dict[str, int]
    errors: list[dict[str, Any]]
    skipped: list[dict[str, Any]] = field(default_factory=list)
    imported: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "by_type": self.by_type,
            "errors": self.errors,
            "skipped": self.skipped,
            "imported": self.imported,
        }


def report_for(result: ParseResult) -> ImportReport:
    return ImportReport(
        questions=len(result.questions),
        by_type=dict(sorted(Counter(q.type for q in result.questions).items())),
        errors=[{"line": e.line, "message": e.message} for e in result.errors],
        skipped=[{"line": s.line, "message": s.message} for s in result.skipped],
    )


@transaction.atomic
def questions_import(
    *, course: Course, result: ParseResult, accept_valid: bool = False, dry_run: bool = False
) -> ImportReport:
    """Import every parsed question, or none: a file with errors imports nothing unless the
    instructor accepts its valid part."""
    report = report_for(result)
    if dry_run:
        return report
    if result.errors and not accept_valid:
        raise ImportRefused(
            f"{len(result.errors)} question(s) have errors, so nothing was imported. Fix them, "
            f"or accept importing the {len(result.questions)} valid one(s)."
        )
    start = (course.questions.aggregate(n=Max("position"))["n"] or 0) + 1
    Question.objects.bulk_create(
        Question(
            course=course,
            type=item.type,
            prompt=item.prompt,
            options=list(item.options),
            answer=item.answer,
            weights=dict(item.weights),
            option_feedback=dict(item.option_feedback),
            explanation=item.explanation,
            title=item.title[:200],
            category=item.category[:200],
            tags=[item.category] if item.category else [],
            origin=Question.Origin.IMPORTED,
            status=Question.Status.ACCEPTED,
            position=start + offset,
        )
        for offset, item in enumerate(result.questions)
    )
    report.imported = len(result.questions)
    return report


def as_bank_question(question: Question) -> BankQuestion:
    return BankQuestion(
        type=question.type,
        prompt=question.prompt,
        options=list(question.options),
        answer=question.answer,
        weights=dict(question.weights),
        option_feedback=dict(question.option_feedback),
        explanation=question.explanation,
        title=question.title,
        category=question.category,
    )


def questions_export_gift(*, course: Course) -> tuple[str, list[str]]:
    result = export_gift([as_bank_question(q) for q in course.questions.in_order()])
    return result.text, list(result.skipped)


def bank_search(
    course: Course, *, query: str = "", tag: str = "", kind: str = ""
) -> QuestionQuerySet:
    questions = course.questions.with_sources().in_order()
    if query:
        questions = questions.filter(
            Q(prompt__icontains=query) | Q(title__icontains=query) | Q(explanation__icontains=query)
        )
    if tag:
        questions = questions.filter(Q(category=tag) | Q(concepts__term=tag)).distinct()
    if kind:
        questions = questions.filter(type=kind)
    return questions


# --- item-writing advice -----------------------------------------------------------------

#: The bank's flaw filter value that keeps every question with at least one finding.
ANY_FLAW = "any"


def bank_findings(course: Course) -> dict[int, list[Flaw]]:
    """Findings of the course's questions by id (only those with findings).

    The whole bank is checked in bank order whatever the search shows, so a question that
    repeats an earlier one is flagged the same way on every page of results."""
    # course_id too: the related manager sets each question's course from it, and a
    # deferred course_id would cost a query per question.
    fields = ("pk", "course_id", "type", "prompt", "options", "answer")
    return lint_stored(course.questions.in_order().only(*fields))


def with_flaw(questions: list[Question], found: dict[int, list[Flaw]], code: str) -> list[Question]:
    """The questions with a finding of `code` (ANY_FLAW: any finding), in their order."""
    if code == ANY_FLAW:
        return [q for q in questions if q.pk in found]
    return [q for q in questions if any(f.code == code for f in found.get(q.pk, ()))]


def question_findings(*, kind: str, fields: dict[str, Any]) -> list[Flaw]:
    """Findings of a question as the author wrote it: ``fields`` are the cleaned fields
    ``question_create`` stores, so the advice is about exactly what a save would keep."""
    written = BankQuestion(
        type=kind, prompt=fields["prompt"], options=list(fields["options"]), answer=fields["answer"]
    )
    return lint_questions([written])[0]


# --- bulk actions on the bank ------------------------------------------------------------
# Each is one transaction with its own permission check, over questions that must all be of
# the course's bank: an id from another course (a forged or stale form) changes nothing and
# says so. Deleting, which keeps what it removes to be restored, composes the review
# workspace's kept items and is `course.authoring.services.questions_remove`.


def require_bank_editor(user: User, course: Course) -> None:
    """The services' own check: a caller that skipped the view's changes nothing."""
    if not can_edit(user, course):
        raise PermissionDenied("Only the course's instructors and admins can change its bank.")


def bank_chosen(*, course: Course, ids: Sequence[int], lock: bool = True) -> list[Question]:
    """The chosen questions, in bank order, locked (unless only read, to ask first) for the
    transaction they are changed in; ValidationError (nothing changed) when none is chosen
    or one is not in this bank."""
    wanted = set(ids)
    if not wanted:
        raise ValidationError("Choose at least one question first (tick its box).")
    found = course.questions.filter(pk__in=wanted).in_order()
    chosen = list(found.select_for_update() if lock else found)
    strangers = sorted(wanted - {question.pk for question in chosen})
    if strangers:
        named = ", ".join(f"Q{pk}" for pk in strangers[:5])
        raise ValidationError(
            f"{named}{' …' if len(strangers) > 5 else ''} "
            f"{'is' if len(strangers) == 1 else 'are'} not in this course's bank (removed, or "
            "from another course), so nothing was changed. Reload the bank and choose again."
        )
    return chosen


@transaction.atomic
def questions_accept(*, course: Course, ids: Sequence[int], by: User) -> int:
    """Accept the chosen drafts into the bank; returns how many were drafts."""
    require_bank_editor(by, course)
    drafts = [
        q.pk for q in bank_chosen(course=course, ids=ids) if q.status != Question.Status.ACCEPTED
    ]
    Question.objects.filter(pk__in=drafts).update(
        status=Question.Status.ACCEPTED, updated_at=timezone.now()
    )
    return len(drafts)


@transaction.atomic
def questions_tag_concept(
    *, course: Course, ids: Sequence[int], concept_id: int, by: User
) -> tuple[Concept, int]:
    """Tag the chosen questions with one of the course's concepts; returns it and how many
    questions it was new to."""
    require_bank_editor(by, course)
    concept = course.concepts.filter(pk=concept_id).first()
    if concept is None:
        raise ValidationError("Choose one of this course's concepts to tag the questions with.")
    chosen = bank_chosen(course=course, ids=ids)
    tagged = set(
        concept.questions.filter(pk__in=[q.pk for q in chosen]).values_list("pk", flat=True)
    )
    new = [q for q in chosen if q.pk not in tagged]
    concept.questions.add(*new)
    return concept, len(new)


@transaction.atomic
def questions_move(*, course: Course, ids: Sequence[int], category: str, by: User) -> int:
    """Move the chosen questions to a category (the bank's filter and the GIFT $CATEGORY);
    an empty one takes them out of any. Returns how many moved."""
    require_bank_editor(by, course)
    category = " ".join(category.split())[:200]
    moving = [q.pk for q in bank_chosen(course=course, ids=ids) if q.category != category]
    Question.objects.filter(pk__in=moving).update(category=category, updated_at=timezone.now())
    return len(moving)
