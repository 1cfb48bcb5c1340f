"""Taking a quiz: start, answer, check, submit. Each workflow checks its own preconditions;
views check ownership first and call these.

Race safety: a start locks the student's enrollment row (select_for_update) so two tabs or
twenty requests serialize, and the database's partial unique constraint (one open attempt
per student and quiz) backs that up. A submit locks the attempt row, so a double submit
grades once. Every workflow that changes an attempt locks the attempt first, then its
items: one order, so none of them can deadlock another.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import reduce
from operator import or_
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from course.accounts.models import Enrollment, User
from course.catalog.models import SourceSentence

# The one import from a floor above (README, "Layout"): a graded answer tells progress what
# happened, in the grading transaction, while the item row is locked.
from course.progress.services import (
    mastery_apply,
    mastery_recorded,
    mastery_statement,
    quiz_grade_store,
)
from course.quizzes.answer_sql import Locked, item_save, lock_item
from course.quizzes.grading import grade
from course.quizzes.models import (
    CONTENT_FIELDS,
    Attempt,
    AttemptItem,
    Question,
    QuestionVersion,
    Quiz,
    QuizQuestion,
)
from course.quizzes.overrides import attempt_deadline, quiz_rules_for, submitted_and_extra
from course.quizzes.shuffle import secret_order
from course.quizzes.slots import draw_pools, draw_questions
from course.text import strip_control

# Seconds of grace on the time limit for the request in flight when time runs out.
DEADLINE_GRACE = 5
MAX_TEXT_RESPONSE = 10_000


class AttemptError(Exception):
    """A refusal with a message for the student."""

    # A refused answer's item as `attempt_answer` read it under its lock (with its attempt,
    # quiz, course and version) and its sources: the question as it stands.
    locked: Locked | None = None


class OwnerNotVerified(Exception):
    """The owner read with an answer's lock did not pass the caller's check, or there was
    no row to check it on (`attempt_answer`'s `verify_owner`): nothing was written."""


class TimeUpError(AttemptError):
    """An answer after the attempt's deadline: refused, and the attempt is due to be
    submitted with what was saved in time (`attempts_submit_due`)."""


def question_version_current(question: Question) -> QuestionVersion:
    """The frozen copy of the question's current content, made the first time it is used."""
    return question_versions_current([question])[question.pk]


def question_versions_current(questions: Sequence[Question]) -> dict[int, QuestionVersion]:
    """The frozen copies of the questions' current contents, by question id, made the first
    time each is used: one query when they all exist, three when some are new, however
    many questions. Two starts making the same copy at once keep one (the constraint
    `question_version_once`; the loser's insert is ignored and it reads the winner's)."""
    wanted = {question.pk: question for question in questions}
    if not wanted:
        return {}

    def existing(pks: Iterable[int]) -> dict[int, QuestionVersion]:
        current = reduce(or_, (Q(question_id=pk, number=wanted[pk].version) for pk in pks))
        return {v.question_id: v for v in QuestionVersion.objects.filter(current)}

    found = existing(wanted)
    missing = [wanted[pk] for pk in wanted if pk not in found]
    if missing:
        QuestionVersion.objects.bulk_create(
            [
                QuestionVersion(
                    question=question,
                    number=question.version,
                    **{name: getattr(question, name) for name in CONTENT_FIELDS},
                )
                for question in missing
            ],
            ignore_conflicts=True,
        )
        found |= existing(question.pk for question in missing)
    return found


def attempts_used(quiz: Quiz, user: User) -> int:
    return Attempt.objects.filter(quiz=quiz, user=user).count()


def attempts_left(quiz: Quiz, user: User) -> int | None:
    """None when unlimited; counts the student's extra attempts (their QuizOverride)."""
    rules = quiz_rules_for(quiz, user.pk)
    if not rules.attempts_allowed:
        return None
    return rules.attempts_left(attempts_used(quiz, user))


# Shown in a secret order whatever the quiz says: their stored order comes from the answer
# (ordering items are the answer's items; a GIFT file lists matching pairs in order).
ALWAYS_SHUFFLED = frozenset({Question.Type.ORDERING, Question.Type.MATCHING})


def shown_order(
    version: QuestionVersion, *, attempt_id: int, position: int, shuffle: bool
) -> list[int]:
    """Indexes of the options in the order the student sees them in this attempt's item.

    Drawn from the server's secret, the attempt and the item (never from what the student
    sees), so neither this order nor the stored one behind it can be worked out. The order
    shown may happen to be the answer's: a rule against that would tell the student which
    order is not the answer (with two items, which one is).
    """
    order = list(range(len(version.options)))
    if version.type in ALWAYS_SHUFFLED or (shuffle and version.type != Question.Type.TRUE_FALSE):
        order = secret_order(len(order), context=f"attempt {attempt_id} item {position}")
    return order


def question_order(count: int, *, attempt_id: int) -> list[int]:
    """The order of a quiz's questions in one attempt, when the quiz shuffles them."""
    return secret_order(count, context=f"attempt {attempt_id} questions")


def _share_lock_questions(quiz: Quiz) -> None:
    """Hold the quiz's question rows until the start commits, so `question_delete` (which
    locks its row FOR UPDATE) waits for the attempt and then refuses, or finishes first and
    the attempt never sees the question: never a version or item pointing at a deleted
    question. FOR KEY SHARE: starts do not wait for each other, nor for edits. Other
    databases lock whole tables or files on write and need no row lock."""
    if connection.vendor != "postgresql":
        return
    table = Question._meta.db_table
    through = QuizQuestion._meta.db_table
    tagged = Question.concepts.through._meta.db_table
    with connection.cursor() as cursor:
        # The fixed slots' questions and those the random slots may draw from.
        cursor.execute(
            f'SELECT q.id FROM "{table}" q WHERE q.id IN '  # noqa: S608 - our own table names
            f'(SELECT s.question_id FROM "{through}" s WHERE s.quiz_id = %s) '
            f'OR q.id IN (SELECT t.question_id FROM "{tagged}" t JOIN "{through}" s '
            "ON s.concept_id = t.concept_id WHERE s.quiz_id = %s) "
            "ORDER BY q.id FOR KEY SHARE OF q",
            [quiz.pk, quiz.pk],
        )


@transaction.atomic
def attempt_start(*, quiz: Quiz, user: User) -> Attempt:
    """Start an attempt, or return the open one. Refuses past the attempt limit and after
    the quiz closes, both as the student's override (if any) sets them."""
    enrollment = (
        Enrollment.objects.select_for_update().filter(user=user, course_id=quiz.course_id).first()
    )
    if enrollment is None or not quiz.is_published:
        raise AttemptError("Enroll in the course to take its quizzes.")
    open_attempt = Attempt.objects.filter(quiz=quiz, user=user, state=Attempt.State.OPEN).first()
    if open_attempt is not None:
        return open_attempt
    # Read after the enrollment lock, which a grant takes too: never half of a new override.
    rules = quiz_rules_for(quiz, user.pk)
    now = timezone.now()
    if rules.closes_at is not None and now >= rules.closes_at:
        raise AttemptError(
            f"This quiz closed on {rules.closes_at:%Y-%m-%d at %H:%M} UTC. "
            "Ask your instructor if you need more time."
        )
    used = attempts_used(quiz, user)
    if rules.attempts_allowed and used >= rules.attempts_allowed:
        raise AttemptError(
            f"You have used all {rules.attempts_allowed} attempt(s) allowed for this quiz. "
            "Ask your instructor if you need another."
        )
    _share_lock_questions(quiz)
    # Read after the lock: a question deleted meanwhile is gone, with its slot. Draft
    # questions (not yet reviewed by an instructor) never reach a student, whether fixed
    # in a slot or in a random slot's pool.
    every_slot = list(quiz.slots.select_related("question").order_by("position", "pk"))
    pools = draw_pools(every_slot)
    slots = [
        slot
        for slot in every_slot
        if (slot.question is None and pools.get(slot.concept_id or 0))
        or (slot.question is not None and slot.question.status == Question.Status.ACCEPTED)
    ]
    if not slots:
        raise AttemptError("This quiz has no questions yet.")
    deadline = attempt_deadline(quiz, rules, now)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz, user=user, number=used + 1, deadline=deadline
            )
    except IntegrityError:
        # Another request started one in the same instant (possible where row locks are
        # not available): the constraint kept it to one; use that one.
        existing = Attempt.objects.filter(quiz=quiz, user=user, state=Attempt.State.OPEN).first()
        if existing is None:
            raise AttemptError("Please try again.") from None
        return existing
    # Each random slot draws its questions for this attempt; they become items like any.
    chosen = draw_questions(slots, pools, attempt_id=attempt.pk)
    if quiz.shuffle_questions:
        chosen = [chosen[i] for i in question_order(len(chosen), attempt_id=attempt.pk)]
    versions = question_versions_current([question for _, question in chosen])
    AttemptItem.objects.bulk_create(
        AttemptItem(
            attempt=attempt,
            version=(version := versions[question.pk]),
            position=position,
            points=slot.points,
            option_order=shown_order(
                version, attempt_id=attempt.pk, position=position, shuffle=quiz.shuffle_options
            ),
        )
        for position, (slot, question) in enumerate(chosen, start=1)
    )
    return attempt


def is_past_deadline(attempt: Attempt, now: datetime.datetime | None = None) -> bool:
    if attempt.deadline is None:
        return False
    return (now or timezone.now()) > attempt.deadline + timedelta(seconds=DEADLINE_GRACE)


def ended_by_time_limit(attempt: Attempt) -> bool:
    """Was the attempt submitted because its time ran out (by the sweep, or by a submit
    that came too late), rather than by the student in time?"""
    return (
        attempt.deadline is not None
        and attempt.submitted_at is not None
        and attempt.submitted_at > attempt.deadline
    )


def attempts_submit_due(
    *, user_id: int | None = None, quiz_id: int | None = None, now: datetime.datetime | None = None
) -> list[Attempt]:
    """Submit every open attempt whose deadline (and its grace) has passed, with the answers
    saved in time (later ones were refused), whether or not anyone has the page open; the
    attempts submitted. Narrowed to one student or one quiz on their pages; the
    `submit_due_attempts` command runs it for everyone.

    One query when nothing is due. Each attempt is submitted by `attempt_submit`, which locks
    it and grades an open attempt only: a student's own submit, another request's sweep or
    the command racing this one grades it once.
    """
    cutoff = (now or timezone.now()) - timedelta(seconds=DEADLINE_GRACE)
    due = Attempt.objects.filter(state=Attempt.State.OPEN, deadline__lt=cutoff)
    if user_id is not None:
        due = due.filter(user_id=user_id)
    if quiz_id is not None:
        due = due.filter(quiz_id=quiz_id)
    pks = list(due.order_by("deadline", "pk").values_list("pk", flat=True))
    return [attempt_submit(attempt=Attempt(pk=pk)) for pk in pks]


# --- answers ---------------------------------------------------------------------------


def shown_options(item: AttemptItem) -> list[str]:
    options = item.version.options
    return [options[i] for i in item.option_order if 0 <= i < len(options)]


def matching_lefts(item: AttemptItem) -> list[str]:
    return [left for left, _ in item.version.answer or []]


def parse_response(item: AttemptItem, data: Any) -> Any:
    """The student's answer from form data, in the grader's shape. Forged values (options
    not shown, wrong shapes) are dropped, never trusted; control characters are stripped;
    text over MAX_TEXT_RESPONSE is refused with the limit (AttemptError)."""
    kind = item.version.type
    shown = shown_options(item)
    if kind in (Question.Type.CLOZE, Question.Type.SHORT_ANSWER, Question.Type.NUMERICAL,
                Question.Type.ESSAY):  # fmt: skip
        # Browsers count a line break as one character against the box's maxlength and
        # post it as two (CRLF): measured and stored as one.
        text = strip_control(str(data.get("answer", ""))).replace("\r\n", "\n")
        if len(text) > MAX_TEXT_RESPONSE:
            # Refused whole: cutting it would store an answer the student never wrote.
            raise AttemptError(
                f"An answer can be at most {MAX_TEXT_RESPONSE:,} characters; this one has "
                f"{len(text):,}. Shorten it and save again."
            )
        return text if text.strip() else None
    if kind == Question.Type.TRUE_FALSE:
        value = data.get("choice")
        return {"true": True, "false": False}.get(value)
    if kind == Question.Type.SINGLE_CHOICE:
        index = _index(data.get("choice"), len(shown))
        return None if index is None else shown[index]
    if kind == Question.Type.MULTIPLE_RESPONSE:
        indexes = {i for v in data.getlist("choice") if (i := _index(v, len(shown))) is not None}
        return [shown[i] for i in sorted(indexes)] or None
    if kind == Question.Type.ORDERING:
        ranks = [_index(data.get(f"rank-{i}"), len(shown) + 1) for i in range(len(shown))]
        if None in ranks or len(set(ranks)) != len(ranks):
            return None
        return [item for _, item in sorted(zip(ranks, shown, strict=True))]
    if kind == Question.Type.MATCHING:
        chosen = {}
        for i, left in enumerate(matching_lefts(item)):
            index = _index(data.get(f"match-{i}"), len(shown))
            if index is not None:
                chosen[left] = shown[index]
        return chosen or None
    return None


def _index(value: Any, size: int) -> int | None:
    try:
        index = int(str(value))
    except (TypeError, ValueError):
        return None
    return index if 0 <= index < size else None


@dataclass(frozen=True)
class AnswerResult:
    item: AttemptItem
    checked: bool
    # Why a Check did not grade (nothing answered, pairs left to match): the answer is
    # saved, stays open, and the student is told in the question's region.
    notice: str = ""
    # Every item of the attempt as (position, status) after this answer, in position
    # order: the page's counter, read with the save.
    states: tuple[tuple[int, str], ...] = ()
    # The question's first source sentences with their lessons, read with the item: quoted
    # under the key when the reveal policy shows it.
    sources: tuple[SourceSentence, ...] = ()


def check_refusal(item: AttemptItem, response: Any) -> str:
    """Why Check would not grade this response yet ("" when it would).

    As Moodle's interactive mode does: Check grades a complete response only, so an empty
    one, or a matching question with items left unmatched, is saved and stays open with a
    message instead of being locked as final with marks the student did not mean. At submit
    a partial response is graded partially: each pair matched right earns its share, one
    left unmatched earns nothing (`grading._grade_matching`).
    """
    if response is None:
        return "Nothing to check yet: answer the question first, then press Check."
    if item.version.type == Question.Type.MATCHING and isinstance(response, dict):
        lefts = matching_lefts(item)
        left = sum(1 for name in lefts if name not in response)
        if left:
            return (
                f"Match every item before checking: {left} of {len(lefts)} still "
                "unmatched. Your choices so far are saved."
            )
    return ""


def ordering_refusal(item: AttemptItem, data: Any, response: Any) -> str:
    """An ordering given some places but not a full, distinct set: refused with the rule,
    rather than saved as no answer at all (which would drop what the student chose)."""
    if item.version.type != Question.Type.ORDERING or response is not None:
        return ""
    if not any(str(data.get(f"rank-{i}", "")).strip() for i in range(len(item.option_order))):
        return ""
    count = len(item.option_order)
    return f"Give each item a different place from 1 to {count}, then save or check again."


def attempt_answer(
    *,
    attempt: Attempt,
    position: int,
    data: Any,
    check: bool,
    verify_owner: Callable[[User], bool] | None = None,
) -> AnswerResult:
    """Save an answer; with `check` in immediate-feedback mode also grade and lock it.

    `attempt` names the attempt and its owner: only its pk and user_id are read. The
    attempt, answered by anyone but its owner, does not exist (Attempt.DoesNotExist).
    `verify_owner`, when given, is asked first about the owner's user row as the lock read
    it: unless it says yes, OwnerNotVerified is raised before anything else (also when
    there was no row to ask about), and the caller decides the ordinary way. Two
    statements (`answer_sql`): one locks the attempt, then the item, and reads them afresh
    with the version, quiz and course (a submit in another tab waits, or is waited for);
    one saves the item, with the mastery update of a check and the states of the
    attempt's items. The returned item's `attempt` is that fresh attempt.

    Lock order: the attempt, then its items, as `attempt_submit` and `item_grade` do. In
    one query locking both rows at once, PostgreSQL took the item first, so a check racing
    a submit (attempt, then items) could deadlock.

    Every refusal comes before anything is written: the transaction commits, which
    releases the locks as a rollback would, and the refusal is raised after it (a rollback
    makes psycopg deallocate the connection's prepared statements, `answer_sql`, and a
    second click on Check is a common refusal). One raised once the item is read carries
    it (`AttemptError.locked`), for the view to show the question as it stands.
    """
    refusal: Exception
    with transaction.atomic():
        try:
            locked, notice, mastery = _answer_decided(
                attempt=attempt, position=position, data=data, check=check,
                verify_owner=verify_owner,
            )  # fmt: skip
        except (AttemptError, OwnerNotVerified, Attempt.DoesNotExist) as error:
            refusal = error
        else:
            item = locked.item
            written, states = item_save(item=item, mastery=mastery)
            if mastery is not None:
                mastery_recorded(item=item, user_id=item.attempt.user_id, rows=written)
            return AnswerResult(
                item=item,
                checked=item.checked,
                notice=notice,
                states=tuple(states),
                sources=tuple(locked.sources),
            )
    raise refusal


def _answer_decided(
    *,
    attempt: Attempt,
    position: int,
    data: Any,
    check: bool,
    verify_owner: Callable[[User], bool] | None,
) -> tuple[Locked, str, tuple[str, list[Any]] | None]:
    """`attempt_answer` up to the save: the item locked and read, the answer parsed into it
    and graded on a check; its notice (why a check did not grade) and its mastery
    statement. Changes nothing in the database; raises the refusals."""
    locked = lock_item(attempt_id=attempt.pk, user_id=attempt.user_id, position=position)
    if verify_owner is not None and (locked is None or not verify_owner(locked.owner)):
        raise OwnerNotVerified
    if locked is None:
        if not Attempt.objects.filter(pk=attempt.pk, user_id=attempt.user_id).exists():
            raise Attempt.DoesNotExist("No such attempt.")
        raise AttemptError("No such question in this attempt.")
    try:
        notice, mastery = _answered(locked.item, data=data, check=check)
    except AttemptError as error:
        error.locked = locked
        raise
    return locked, notice, mastery


def _answered(
    item: AttemptItem, *, data: Any, check: bool
) -> tuple[str, tuple[str, list[Any]] | None]:
    attempt = item.attempt
    if not attempt.is_open:
        raise AttemptError("This attempt has been submitted; answers can no longer change.")
    if is_past_deadline(attempt):
        raise TimeUpError(
            "Time is up: this answer came after the time limit and was not saved. Your "
            "attempt is submitted with the answers you saved in time."
        )
    if item.checked:
        raise AttemptError("This answer was checked and is final.")
    if check and item.version.type == Question.Type.ESSAY:
        # The page offers no Check for an essay: a forged one would lock it and show its
        # explanation before the instructor has graded anything.
        raise AttemptError(
            "Essays are graded by your instructor, not checked: save your answer instead."
        )
    response = parse_response(item, data)
    refusal = ordering_refusal(item, data, response)
    if refusal:
        raise AttemptError(refusal)
    item.response = response
    item.answered_at = timezone.now()
    immediate = attempt.quiz.feedback_mode == Quiz.Feedback.IMMEDIATE
    notice = check_refusal(item, item.response) if check and immediate else ""
    graded = check and immediate and not notice
    if graded:
        result = grade(item.version, item.response)
        item.score, item.status, item.checked = result.score, result.status, True
    else:
        item.status = (
            AttemptItem.Status.SAVED if item.response is not None else AttemptItem.Status.UNANSWERED
        )
    mastery = mastery_statement(item=item, user_id=attempt.user_id) if graded else None
    if mastery is not None:
        item.mastery_applied = True  # saved with the item, in the same statement
    return notice, mastery


def _score(attempt: Attempt, items: list[AttemptItem]) -> None:
    """The attempt's score: points earned over points possible; essays not yet graded count
    0 and keep the attempt marked as needing grading."""
    total = sum(float(item.points) for item in items)
    earned = sum(float(item.points) * (item.score or 0.0) for item in items)
    attempt.score = earned / total if total else 0.0
    attempt.needs_grading = any(i.status == AttemptItem.Status.NEEDS_GRADING for i in items)


@transaction.atomic
def attempt_submit(*, attempt: Attempt) -> Attempt:
    """Grade and close the attempt. Submitting twice grades once."""
    attempt = (
        Attempt.objects.select_for_update(of=("self",)).select_related("quiz").get(pk=attempt.pk)
    )
    if not attempt.is_open:
        return attempt
    items = list(attempt.items.select_related("version__question").select_for_update(of=("self",)))
    for item in items:
        if not item.checked:
            if item.response is None:
                item.score, item.status = 0.0, AttemptItem.Status.UNANSWERED
            else:
                result = grade(item.version, item.response)
                item.score, item.status = result.score, result.status
    for item in items:
        mastery_apply(item=item, user_id=attempt.user_id)
    AttemptItem.objects.bulk_update(items, ["score", "status", "mastery_applied"])
    attempt.state = Attempt.State.SUBMITTED
    attempt.submitted_at = timezone.now()
    _score(attempt, items)
    attempt.save(update_fields=["state", "submitted_at", "score", "needs_grading"])
    quiz_grade_store(user_id=attempt.user_id, quiz=attempt.quiz)
    return attempt


def attempt_revealed(attempt: Attempt) -> bool:
    """May the student see every key and explanation of this attempt now?

    Decided on submitted attempts only: "after the last allowed attempt" means once that
    attempt is submitted, not started, or a student could start their last attempt, read
    the keys off an earlier one and copy them in. At most one query, so a page asks once
    and passes the answer to each of its items.
    """
    quiz = attempt.quiz
    if attempt.is_open or quiz.reveal == Quiz.Reveal.NEVER:
        return False
    if quiz.reveal in (Quiz.Reveal.AFTER_EACH, Quiz.Reveal.AFTER_SUBMIT):
        return True
    if not quiz.attempts_allowed:
        return False  # unlimited attempts: there is no last one
    # The last attempt the student is allowed, their extra attempts included: keys shown
    # after the quiz's own last attempt would be copied into the extra one.
    submitted, extra = submitted_and_extra(quiz, attempt.user_id)
    return submitted >= quiz.attempts_allowed + extra


def answers_revealed(
    attempt: Attempt, item: AttemptItem | None = None, *, whole_attempt: bool | None = None
) -> bool:
    """May the student see this item's key and explanation now? The quiz's reveal policy:
    an answer checked in an open attempt under "after each answer", else the attempt's
    `attempt_revealed` (pass it as `whole_attempt` when already known)."""
    if (
        attempt.quiz.reveal == Quiz.Reveal.AFTER_EACH
        and attempt.is_open
        and item is not None
        and item.checked
    ):
        return True
    return attempt_revealed(attempt) if whole_attempt is None else whole_attempt


@transaction.atomic
def item_grade(*, item: AttemptItem, fraction: float, comment: str, by: User) -> Attempt:
    """An instructor's grade for a hand-graded answer; the attempt's score follows.
    Locks the attempt, then the item: the one order every workflow on attempts keeps."""
    attempt = (
        Attempt.objects.select_for_update(of=("self",))
        .select_related("quiz")
        .get(pk=item.attempt_id)
    )
    item = AttemptItem.objects.select_for_update().get(pk=item.pk)
    fraction = min(max(fraction, 0.0), 1.0)
    item.score = fraction
    item.status = (
        AttemptItem.Status.CORRECT
        if fraction >= 1
        else AttemptItem.Status.PARTIAL
        if fraction > 0
        else AttemptItem.Status.INCORRECT
    )
    item.grader_comment, item.graded_by = comment, by
    item.save(update_fields=["score", "status", "grader_comment", "graded_by"])
    _score(attempt, list(attempt.items.all()))
    attempt.save(update_fields=["score", "needs_grading"])
    mastery_apply(item=item, user_id=attempt.user_id)
    item.save(update_fields=["mastery_applied"])
    quiz_grade_store(user_id=attempt.user_id, quiz=attempt.quiz)
    return attempt
