"""A quiz's slots as its author arranges them: their order (moved up and down one place at
a time, which needs no script) and the points each is worth. An attempt copies both when
it starts (`attempts.attempt_start`), so changing them never changes an attempt made."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from course.accounts.models import User
from course.quizzes.bank import require_bank_editor
from course.quizzes.models import Quiz, QuizQuestion

UP, DOWN = "up", "down"


def quiz_slots(quiz: Quiz) -> list[QuizQuestion]:
    """The quiz's slots in order, with their questions (one query)."""
    return list(quiz.slots.select_related("question").order_by("position", "pk"))


def _locked(quiz: Quiz) -> list[QuizQuestion]:
    # The quiz row first: two moves at once take turns instead of reading the same order.
    Quiz.objects.select_for_update().filter(pk=quiz.pk).exists()
    return list(quiz.slots.select_for_update().order_by("position", "pk"))


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
    for position, slot in enumerate(slots, start=1):
        slot.position = position
    QuizQuestion.objects.bulk_update(slots, ["position"])
    return slots[other]


@transaction.atomic
def slots_set_points(*, quiz: Quiz, points: dict[int, Decimal], by: User) -> int:
    """Set the points of the quiz's slots named in `points` (slot id to points); returns how
    many changed. A slot that is not this quiz's changes nothing and says so."""
    require_bank_editor(by, quiz.course)
    slots = {slot.pk: slot for slot in _locked(quiz)}
    if set(points) - set(slots):
        raise ValidationError("A question is no longer in this quiz; reload the page.")
    changed = [slots[pk] for pk, value in points.items() if slots[pk].points != value]
    for slot in changed:
        slot.points = points[slot.pk]
    QuizQuestion.objects.bulk_update(changed, ["points"])
    return len(changed)
