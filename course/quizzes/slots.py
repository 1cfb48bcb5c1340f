"""A quiz's slots as its author arranges them: their order (moved up and down one place at
a time, which needs no script) and the points each is worth. An attempt copies both when
it starts (`attempts.attempt_start`), so changing them never changes an attempt made.

A slot holds a fixed question, or is a random slot (Moodle's random question): it draws
`draw` questions for each attempt from the accepted questions tagged with its concept, never
one a fixed slot of the same quiz holds, never one twice. The draw is made when the attempt
starts and is stored as its items, so a reload, the review and the grading all see the same
questions; it is drawn from the server's secret and the attempt (`shuffle.secret_sample`),
so an attempt's draw can be made again but not predicted by a student.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet

from course.accounts.models import User
from course.catalog.models import Concept
from course.quizzes.bank import require_bank_editor
from course.quizzes.models import Question, Quiz, QuizQuestion
from course.quizzes.shuffle import secret_sample

UP, DOWN = "up", "down"
# The most questions one random slot may draw: more belong in a quiz of their own.
MAX_DRAW = 50


def quiz_slots(quiz: Quiz) -> list[QuizQuestion]:
    """The quiz's slots in order, with their questions and concepts (one query)."""
    return list(quiz.slots.select_related("question", "concept").order_by("position", "pk"))


def _locked(quiz: Quiz) -> list[QuizQuestion]:
    # The quiz row first: two moves at once take turns instead of reading the same order.
    Quiz.objects.select_for_update().filter(pk=quiz.pk).exists()
    return list(quiz.slots.select_for_update().order_by("position", "pk"))


def _renumber(slots: list[QuizQuestion]) -> None:
    for position, slot in enumerate(slots, start=1):
        slot.position = position
    QuizQuestion.objects.bulk_update(slots, ["position"])


@transaction.atomic
def slot_move(*, quiz: Quiz, slot_id: int, direction: str, by: User) -> QuizQuestion:
    """Swap a slot with the one before (up) or after (down) it; the slots are numbered 1..n
    again, so positions that were equal or had gaps come out in the order shown."""
    require_bank_editor(by, quiz.course)
    slots = _locked(quiz)
    index = next((i for i, slot in enumerate(slots) if slot.pk == slot_id), None)
    if index is None:
        raise ValidationError("That question is no longer in this quiz; reload the page.")
    other = index - 1 if direction == UP else index + 1
    if direction not in (UP, DOWN) or not 0 <= other < len(slots):
        raise ValidationError(f"That question is already {'first' if direction == UP else 'last'}.")
    slots[index], slots[other] = slots[other], slots[index]
    _renumber(slots)
    return slots[other]


@transaction.atomic
def slots_set_points(
    *, quiz: Quiz, points: dict[int, Decimal], by: User, draws: dict[int, int] | None = None
) -> int:
    """Set the points of the quiz's slots named in `points` (slot id to points), and how
    many questions the random slots named in `draws` draw; returns how many slots changed.
    A slot that is not this quiz's (or, in `draws`, not a random one) changes nothing and
    says so."""
    require_bank_editor(by, quiz.course)
    slots = {slot.pk: slot for slot in _locked(quiz)}
    draws = draws or {}
    random = {pk for pk, slot in slots.items() if slot.is_random}
    if set(points) - set(slots) or set(draws) - random:
        raise ValidationError("A question is no longer in this quiz; reload the page.")
    if any(not 1 <= count <= MAX_DRAW for count in draws.values()):
        raise ValidationError(f"A random slot draws from 1 to {MAX_DRAW} questions.")
    changed = [
        slot
        for pk, slot in slots.items()
        if (pk in points and slot.points != points[pk]) or (pk in draws and slot.draw != draws[pk])
    ]
    for slot in changed:
        slot.points = points.get(slot.pk, slot.points)
        slot.draw = draws.get(slot.pk, slot.draw)
    QuizQuestion.objects.bulk_update(changed, ["points", "draw"])
    return len(changed)


# --- random slots -----------------------------------------------------------------------


@transaction.atomic
def random_slot_add(
    *, quiz: Quiz, concept: Concept, draw: int, points: Decimal, by: User
) -> QuizQuestion:
    """A slot, after the quiz's last, that draws `draw` questions on `concept` for each
    attempt, each worth `points`."""
    require_bank_editor(by, quiz.course)
    if concept.course_id != quiz.course_id:
        raise ValidationError("Choose a concept of this course's glossary.")
    if not 1 <= draw <= MAX_DRAW:
        raise ValidationError(f"A random slot draws from 1 to {MAX_DRAW} questions.")
    slots = _locked(quiz)
    last = max((slot.position for slot in slots), default=0)
    return QuizQuestion.objects.create(
        quiz=quiz, concept=concept, draw=draw, points=points, position=last + 1
    )


@transaction.atomic
def random_slot_remove(*, quiz: Quiz, slot_id: int, by: User) -> str:
    """Take a random slot out of the quiz (attempts made keep what they drew); the slots
    after it move up. Returns what it drew, to say so. Fixed questions leave a quiz by
    being unticked in its settings."""
    require_bank_editor(by, quiz.course)
    slots = _locked(quiz)
    slot = next((s for s in slots if s.pk == slot_id and s.is_random), None)
    if slot is None:
        raise ValidationError("That random slot is no longer in this quiz; reload the page.")
    label = slot.label
    rest = [s for s in slots if s.pk != slot_id]
    slot.delete()
    _renumber(rest)
    return label


def _pools(concept_ids: set[int]) -> QuerySet[Any]:
    """The links (concept, question) random slots on these concepts draw from: accepted
    questions of the concept's own course. Drafts never reach a student."""
    return Question.concepts.through.objects.filter(
        concept_id__in=concept_ids,
        question__status=Question.Status.ACCEPTED,
        question__course_id=F("concept__course_id"),
    ).order_by("question_id")


@dataclass(frozen=True)
class RandomSupply:
    """How many questions a random slot can draw: those tagged with its concept, accepted,
    in no fixed slot of its quiz, less those earlier random slots on the same concept take."""

    slot: QuizQuestion
    eligible: int

    @property
    def drawn(self) -> int:
        """How many each attempt gets."""
        return min(self.eligible, self.slot.draw or 0)

    @property
    def short(self) -> bool:
        return self.eligible < (self.slot.draw or 0)


def random_supply(slots: Sequence[QuizQuestion]) -> dict[int, RandomSupply]:
    """The supply of each random slot among `slots` (of one quiz or several, in their
    order), by slot id: two queries when there are random slots, none otherwise.

    A question tagged with two concepts that two random slots draw from may be drawn by the
    first; the second's count does not foresee that, and an attempt then draws what is left.
    """
    random = [slot for slot in slots if slot.is_random]
    if not random:
        return {}
    quiz_ids = {slot.quiz_id for slot in random}
    fixed: dict[int, set[int]] = defaultdict(set)
    for quiz_id, question_id in (
        QuizQuestion.objects.fixed()
        .filter(quiz_id__in=quiz_ids)
        .values_list("quiz_id", "question_id")
    ):
        fixed[quiz_id].add(question_id or 0)
    pools: dict[int, set[int]] = defaultdict(set)
    links = _pools({slot.concept_id or 0 for slot in random})
    for concept_id, question_id in links.values_list("concept_id", "question_id"):
        pools[concept_id].add(question_id)
    taken: dict[tuple[int, int], int] = defaultdict(int)  # (quiz, concept) -> drawn so far
    supply = {}
    for slot in sorted(random, key=lambda s: (s.quiz_id, s.position, s.pk)):
        key = (slot.quiz_id, slot.concept_id or 0)
        available = len(pools[key[1]] - fixed[slot.quiz_id]) - taken[key]
        supply[slot.pk] = RandomSupply(slot=slot, eligible=max(available, 0))
        taken[key] += supply[slot.pk].drawn
    return supply


def draw_pools(slots: Sequence[QuizQuestion]) -> dict[int, list[Question]]:
    """For an attempt about to start: the accepted questions each random slot's concept
    has, by concept, fixed questions of the quiz left out (`slots` are all the quiz's
    slots). One query when there are random slots, none otherwise."""
    concept_ids = {slot.concept_id for slot in slots if slot.concept_id is not None}
    if not concept_ids:
        return {}
    fixed = {slot.question_id for slot in slots if slot.question_id is not None}
    links = _pools(concept_ids).exclude(question_id__in=fixed).select_related("question")
    pools: dict[int, list[Question]] = defaultdict(list)
    for link in links:
        pools[link.concept_id].append(link.question)
    return pools


def draw_questions(
    slots: Sequence[QuizQuestion], pools: dict[int, list[Question]], *, attempt_id: int
) -> list[tuple[QuizQuestion, Question]]:
    """The attempt's questions in slot order, each with the slot it came from: a fixed
    slot's question, or what a random slot draws for this attempt (in the order drawn).
    The same attempt and pools always give the same questions; none comes twice."""
    chosen: list[tuple[QuizQuestion, Question]] = []
    taken: set[int] = set()
    for slot in slots:
        if slot.question is not None:
            chosen.append((slot, slot.question))
            continue
        pool = {q.pk: q for q in pools.get(slot.concept_id or 0, []) if q.pk not in taken}
        keys = secret_sample(
            [str(pk) for pk in pool], slot.draw or 0, context=f"attempt {attempt_id} slot {slot.pk}"
        )
        for key in keys:
            taken.add(int(key))
            chosen.append((slot, pool[int(key)]))
    return chosen
