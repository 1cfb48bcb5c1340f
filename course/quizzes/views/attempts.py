"""A student takes a quiz: its page, an attempt's questions answered one by one, the review
before submitting, the submission.

Ownership first: every attempt view loads the attempt through `get_attempt_for`, which 404s
for anyone but its student, before anything else happens.

`question_entry` is what one question shows (`quizzes/attempt.html#question`), to a student
here and in the results, and to an author in a quiz's or a new question's preview.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.autoreload import file_changed
from django.utils.crypto import constant_time_compare
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from course.accounts.models import User
from course.catalog.access import can_edit, get_course_for, is_enrolled
from course.catalog.models import Course, SourceSentence
from course.generator.flaws import Flaw
from course.http import AuthedRequest
from course.quizzes import answer_sql
from course.quizzes import attempts as attempt_services
from course.quizzes.attempts import (
    AttemptError,
    TimeUpError,
    answers_revealed,
    attempt_revealed,
    ended_by_time_limit,
)
from course.quizzes.grading import quiz_grade, response_marks
from course.quizzes.models import (
    Attempt,
    AttemptItem,
    Question,
    QuestionVersion,
    Quiz,
    answer_lines,
)
from course.quizzes.overrides import quiz_rules_for


def _get_quiz_for(request: AuthedRequest, slug: str, quiz_id: int) -> Quiz:
    course = get_course_for(request.user, slug)
    quiz = get_object_or_404(Quiz.objects.select_related("course"), course=course, pk=quiz_id)
    if not quiz.is_published and not can_edit(request.user, course):
        raise Http404("No such quiz.")
    return quiz


def get_attempt_for(request: AuthedRequest, attempt_id: int) -> Attempt:
    """The attempt, only for the student who owns it: anyone else gets a 404."""
    return get_object_or_404(
        Attempt.objects.select_related("quiz", "quiz__course").defer(
            *(f"quiz__course__{name}" for name in Course.BULKY_FIELDS)
        ),
        pk=attempt_id,
        user=request.user,
    )


def question_entry(
    item: AttemptItem,
    *,
    attempt: Attempt | None = None,
    whole_attempt: bool | None = None,
    flaws: Sequence[Flaw] = (),
    sources: Sequence[SourceSentence] | None = None,
) -> dict[str, Any]:
    """What one question shows (`quizzes/attempt.html#question`).

    In a student's `attempt`: their answer, and the answer key and explanation only when
    the quiz's reveal policy allows it for this item now (`whole_attempt`: the attempt's
    own answer, when the caller has it; `sources`: the question's source sentences, when
    the caller read them with the item). Without an attempt, an author's preview (of a quiz,
    or of a question being written): the key and explanation whatever the reveal policy,
    nothing to answer, and the checker's `flaws`."""
    version = item.version
    shown = attempt_services.shown_options(item)
    response = item.response
    rows: list[tuple[int, str, Any]] = []
    if version.type == Question.Type.ORDERING:
        order = response if isinstance(response, list) else []
        rows = [(i, text, order.index(text) + 1 if text in order else None)
                for i, text in enumerate(shown)]  # fmt: skip
    elif version.type == Question.Type.MATCHING:
        chosen = response if isinstance(response, dict) else {}
        rows = [(i, left, shown.index(chosen[left]) if chosen.get(left) in shown else None)
                for i, left in enumerate(attempt_services.matching_lefts(item))]  # fmt: skip
    if attempt is None:
        revealed, show_status, editable, immediate = True, False, False, False
    else:
        revealed = answers_revealed(attempt, item, whole_attempt=whole_attempt)
        show_status = item.checked or not attempt.is_open
        editable = attempt.is_open and not item.checked
        immediate = attempt.quiz.feedback_mode == Quiz.Feedback.IMMEDIATE
    key = answer_lines(version.type, version.answer) if revealed else []
    explanation = version.explanation if revealed else ""
    quoted = (
        (list(sources) if sources is not None else sources_of(item)) if revealed and attempt else []
    )
    slug = attempt.quiz.course.slug if quoted and attempt is not None else ""
    return {
        "item": item,
        "kind": version.type,
        "prompt": version.prompt,
        "options": list(enumerate(shown)),
        "rows": rows,
        "ranks": range(1, len(shown) + 1),
        "response": response,
        "revealed": revealed,
        "key": key,
        "explanation": explanation,
        # Each option, pair or place marked right or wrong, and the source sentences the
        # question was made from with their lessons: the key in parts, so only when the
        # key itself may be shown, and only in a student's attempt.
        "marks": response_marks(version, response, shown) if revealed and attempt else [],
        "sources": quoted,
        # The key, the explanation and the sources as the page shows them.
        "answer_part": answer_part(key, explanation, quoted, slug) if revealed else "",
        "status_label": _STATUS_LABELS.get(item.status, item.status),
        "show_status": show_status,
        "editable": editable,
        "immediate": immediate,
        "flaws": list(flaws),
    }


# What `get_status_display` says of each status, as one lookup.
_STATUS_LABELS = {status: str(label) for status, label in AttemptItem.Status.choices}


def answer_part(
    key: Sequence[str], explanation: str, sources: Sequence[SourceSentence], slug: str
) -> str:
    """The answer key, the explanation and the quoted source sentences with links to their
    lessons in the course `slug` (`quizzes/attempt.html#answer-part`): the same for every
    student shown the same question, so rendered once per process for what it shows (the
    texts, the lessons' titles) and reused. What differs between students (their marks)
    is rendered around it."""
    quoted = tuple(
        (s.text, s.lesson.pk, s.lesson.title) if s.lesson is not None else (s.text, None, None)
        for s in sources
    )
    return _answer_part(tuple(key), explanation, quoted, slug if quoted else "")


@functools.lru_cache(maxsize=2048)
def _answer_part(
    key: tuple[str, ...],
    explanation: str,
    sources: tuple[tuple[str, int | None, str | None], ...],
    slug: str,
) -> str:
    context = {"key": key, "explanation": explanation, "sources": sources, "slug": slug}
    return get_template("quizzes/attempt.html#answer-part").render(context)


# The sentences quoted under an explanation (read with an answer's item, answer_sql).
MAX_SOURCES = answer_sql.MAX_SOURCES


def sources_of(item: AttemptItem) -> list[SourceSentence]:
    """The source sentences the question was made from, each with its lesson (None when
    no lesson holds it): prefetched by `attempt_context` (`with_sources`), else read here,
    in one query, for the one question an htmx answer shows."""
    version = item.version
    question = version._state.fields_cache.get("question")
    if question is not None and "sentences" in getattr(question, "_prefetched_objects_cache", {}):
        return list(question.sentences.all())[:MAX_SOURCES]
    return list(_source_sentences().filter(questions=version.question_id)[:MAX_SOURCES])


def _source_sentences() -> Any:
    return (
        SourceSentence.objects.select_related("lesson")
        .only("text", "position", "lesson__title", "lesson__position")
        .order_by("position", "pk")
    )


def with_sources(items: Any) -> Any:
    """Items with their questions' source sentences and those sentences' lessons: one
    query more, whatever the number of questions."""
    return items.select_related("version__question").prefetch_related(
        Prefetch("version__question__sentences", queryset=_source_sentences())
    )


def preview_item(
    version: QuestionVersion, *, position: int = 1, points: Decimal | int = 1
) -> AttemptItem:
    """An unsaved item of a question's content, its options in their stored order: what an
    author's preview shows through `question_entry`."""
    return AttemptItem(
        version=version,
        position=position,
        points=points,
        option_order=list(range(len(version.options))),
    )


def attempt_status(items: Sequence[AttemptItem] | Sequence[tuple[int, str]]) -> dict[str, Any]:
    """The answered counter and each question's state (`quizzes/attempt.html#attempt-status`):
    on the page, and swapped out of band after every Save and Check, so neither goes stale
    while the questions change one by one. `items` in position order, as items or as
    (position, status) pairs."""
    states = [(i.position, i.status) if isinstance(i, AttemptItem) else i for i in items]
    listed = [(position, status, _STATUS_LABELS.get(status, status)) for position, status in states]
    return {
        # An item's status is "not answered" exactly while it holds no response: a save
        # or a check sets both together (`attempt_answer`).
        "answered": sum(1 for _, status in states if status != AttemptItem.Status.UNANSWERED),
        "total": len(states),
        "states": listed,
        "entries": mark_safe("".join(_state_entry(*state) for state in listed)),  # noqa: S308
    }


@functools.lru_cache(maxsize=4096)
def _state_entry(position: int, state: str, label: str) -> str:
    """One question's state in the counter (`quizzes/attempt.html#question-state`): the same
    few dozen entries on every page and after every answer, each rendered once per process
    (re-rendering a dozen of them was a third of an answer's rendering). Cleared when a
    template changes under the development server (`_forget_fragments`)."""
    context = {"position": position, "state": state, "label": label}
    return get_template("quizzes/attempt.html#question-state").render(context)


@receiver(file_changed)
def _forget_fragments(sender: Any, file_path: Path, **kwargs: Any) -> None:
    if file_path.suffix == ".html":
        _state_entry.cache_clear()
        _answer_part.cache_clear()


def countdown(attempt: Attempt, now: datetime.datetime | None = None) -> dict[str, Any] | None:
    """The time left in an open attempt with a deadline, as the page states it when it is
    rendered (static/js/countdown.js counts it down from there). `stage` is "" while more
    than 5 minutes are left, then "soon", then "final" in the last minute."""
    if attempt.deadline is None or not attempt.is_open:
        return None
    seconds = max(0, int((attempt.deadline - (now or timezone.now())).total_seconds()))
    return {
        "deadline": attempt.deadline,
        "seconds_left": seconds,
        "minutes_left": math.ceil(seconds / 60),
        "stage": "final" if seconds <= 60 else "soon" if seconds <= 300 else "",
    }


def attempt_context(attempt: Attempt) -> dict[str, Any]:
    # The policy is asked once for the page, not once per question.
    whole_attempt = attempt_revealed(attempt)
    items_query = attempt.items.select_related("version").order_by("position")
    # Sources are read only where a key may show: the whole attempt's, or each answer's as
    # it is checked.
    if whole_attempt or (attempt.is_open and attempt.quiz.reveal == Quiz.Reveal.AFTER_EACH):
        items_query = with_sources(items_query)
    items = list(items_query)
    status = attempt_status(items)
    return {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "course": attempt.quiz.course,
        "countdown": countdown(attempt),
        "timed_out": ended_by_time_limit(attempt),
        "items": [
            question_entry(item, attempt=attempt, whole_attempt=whole_attempt) for item in items
        ],
        "answered": status["answered"],
        "status": status,
    }


@require_GET
@login_required
def quiz_detail(request: AuthedRequest, slug: str, quiz_id: int) -> HttpResponse:
    quiz = _get_quiz_for(request, slug, quiz_id)
    attempts = list(Attempt.objects.filter(quiz=quiz, user=request.user).order_by("number"))
    if any(a.is_open and attempt_services.is_past_deadline(a) for a in attempts):
        # Its time ran out while the student was away: submitted now, with what they saved.
        attempt_services.attempts_submit_due(user_id=request.user.pk, quiz_id=quiz.pk)
        attempts = list(Attempt.objects.filter(quiz=quiz, user=request.user).order_by("number"))
    # The rules as they apply to this student: their override, if an instructor gave one.
    rules = quiz_rules_for(quiz, request.user.pk)
    context = {
        "quiz": quiz,
        "course": quiz.course,
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if a.is_open), None),
        "rules": rules,
        "attempts_left": rules.attempts_left(len(attempts)),
        "grade": quiz_grade(quiz, attempts),
        "enrolled": is_enrolled(request.user, quiz.course),
        "editable": can_edit(request.user, quiz.course),
        "question_count": quiz.slots.questions_per_attempt(),
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


def _render_open(request: AuthedRequest, attempt_id: int, template: str) -> HttpResponse:
    """A page of an open attempt; once it is submitted, its results instead. An attempt
    whose deadline has passed is submitted first (whether or not the page was open when
    it did), and the results say so."""
    attempt = get_attempt_for(request, attempt_id)
    if attempt.is_open and attempt_services.is_past_deadline(attempt):
        attempt_services.attempt_submit(attempt=attempt)
        return redirect("quizzes:results", attempt_id=attempt.pk)
    if not attempt.is_open:
        return redirect("quizzes:results", attempt_id=attempt.pk)
    return render(request, template, attempt_context(attempt))


@require_GET
@login_required
def attempt_page(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    return _render_open(request, attempt_id, "quizzes/attempt.html")


# The backend whose `get_user` the answer's fast path stands in for (`_session_owner`).
_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _session_owner(request: HttpRequest) -> int | None:
    """The id of the user the session names, when Django would load them with ModelBackend
    (the backend the session names, listed in AUTHENTICATION_BACKENDS) and check the
    session's auth hash: the user an answer's locking query reads with the attempt, to be
    verified there (`_verifier`). None when the user is already loaded, or the session
    names no one, another backend or no hash: then `login_required` decides."""
    if hasattr(request, "_cached_user"):  # AuthenticationMiddleware's: already loaded
        return None
    session = request.session
    try:
        user_id = User._meta.pk.to_python(session[SESSION_KEY])  # as `auth.get_user` reads it
        backend = session[BACKEND_SESSION_KEY]
    except (KeyError, ValidationError):
        return None
    if (
        backend != _MODEL_BACKEND
        or backend not in settings.AUTHENTICATION_BACKENDS
        or not session.get(HASH_SESSION_KEY)
    ):
        return None
    return int(user_id)


def _verifier(request: HttpRequest) -> Callable[[User], bool]:
    """Does the user row read with the lock pass what `auth.get_user` asks of it? Active
    (ModelBackend's `user_can_authenticate`) and the session's auth hash that of their
    password now. If so, the request is signed in as that user, as the authentication
    middleware would have signed it in; if not, nothing is decided here: the view takes
    Django's own way, which logs the session out or (a hash of a fallback secret key)
    moves it to the current key."""

    def verify(user: User) -> bool:
        hashed = request.session.get(HASH_SESSION_KEY, "")
        if not ModelBackend().user_can_authenticate(user) or not constant_time_compare(
            hashed, user.get_session_auth_hash()
        ):
            return False
        request.user = user
        return True

    return verify


@require_POST
@vary_on_headers("HX-Request")
def attempt_answer(request: HttpRequest, attempt_id: int, position: int) -> HttpResponse:
    """Save or check an answer. Signed-in only, as `login_required` has it, without a query
    of its own for the user: the session names them, the query that locks the attempt reads
    their row with it, and they are verified as Django's authentication would verify them
    (`_verifier`) before anything is written. Any doubt (no such attempt or question, an
    inactive user, a stale session hash) and nothing is written: the answer goes Django's
    own way, `login_required` and the user loaded by the authentication middleware."""
    owner_id = _session_owner(request)
    if owner_id is not None:
        try:
            return _answer(
                request,  # type: ignore[arg-type]  # signed in once verified
                attempt_id,
                position,
                owner_id=owner_id,
                verify_owner=_verifier(request),
            )
        except attempt_services.OwnerNotVerified:
            pass
    return _answer_signed_in(request, attempt_id, position)  # type: ignore[arg-type]


@login_required
def _answer_signed_in(request: AuthedRequest, attempt_id: int, position: int) -> HttpResponse:
    return _answer(request, attempt_id, position, owner_id=request.user.pk, verify_owner=None)


def _answer(
    request: AuthedRequest,
    attempt_id: int,
    position: int,
    *,
    owner_id: int,
    verify_owner: Callable[[User], bool] | None,
) -> HttpResponse:
    check = request.POST.get("action") == "check"
    error = ""
    result = None
    sources: Sequence[SourceSentence] | None = None
    try:
        # Only the owner's attempt is found: the service checks, in the query that locks it.
        result = attempt_services.attempt_answer(
            attempt=Attempt(pk=attempt_id, user_id=owner_id),
            position=position,
            data=request.POST,
            check=check,
            verify_owner=verify_owner,
        )
        item, error = result.item, result.notice
        attempt, sources = item.attempt, result.sources
    except Attempt.DoesNotExist:
        raise Http404("No such attempt.") from None
    except AttemptError as refusal:
        # Refused: show the question as it stands (another tab may have submitted), as the
        # service read it under its lock (a second Check of the same answer, a submitted
        # attempt), or read here when it read no item or time is up.
        error = str(refusal)
        if refusal.locked is not None and not isinstance(refusal, TimeUpError):
            item, sources = refusal.locked.item, refusal.locked.sources
            attempt = item.attempt
        else:
            attempt = get_attempt_for(request, attempt_id)
            if isinstance(refusal, TimeUpError):
                # The deadline has passed: the attempt is submitted now with what was saved
                # in time, and the question shows it closed, with the way to the results.
                attempt = attempt_services.attempt_submit(attempt=attempt)
            item = get_object_or_404(
                AttemptItem.objects.select_related("version"), attempt=attempt, position=position
            )
    if request.htmx:
        # The question in place, and the counter with every question's state out of band,
        # as they stand after this answer: read with the save, or here after a refusal.
        if result is not None:
            states = list(result.states)
        else:
            items = AttemptItem.objects.filter(attempt_id=attempt.pk).order_by("position")
            states = list(items.values_list("position", "status"))
        context = {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "course": attempt.quiz.course,
            "entry": question_entry(item, attempt=attempt, sources=sources),
            "error": error,
            "status": attempt_status(states),
            "oob": True,
        }
        return render(request, "quizzes/attempt.html#answered", context)
    if error:
        messages.error(request, error)
    return redirect(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk}) + f"#q{position}")


@require_GET
@login_required
def attempt_review(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    return _render_open(request, attempt_id, "quizzes/attempt_review.html")


@require_POST
@login_required
def attempt_submit(request: AuthedRequest, attempt_id: int) -> HttpResponse:
    attempt = get_attempt_for(request, attempt_id)
    # Late or not, what was saved is submitted; the results say when time had run out.
    attempt = attempt_services.attempt_submit(attempt=attempt)
    return redirect("quizzes:results", attempt_id=attempt.pk)
