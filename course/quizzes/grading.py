"""Grading a student's response to a bank question, and a student's grade on a quiz.

Pure functions, no database: `grade(question, response)` takes anything shaped like a
question (`.type`, `.options`, `.answer`, `.weights`) and the response as posted, and returns
a score in 0..1 with a status. Responses come from form posts a student controls, so every
shape is checked: a wrong type, an option that was never offered or an absurdly long string
grades as incorrect and never raises. `quiz_grade(quiz, attempts)` combines the scores of
submitted attempts by the quiz's grading method.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

CORRECT = "correct"
PARTIAL = "partial"
INCORRECT = "incorrect"
NEEDS_GRADING = "needs_grading"
UNANSWERED = "unanswered"

# Far beyond any honest answer; longer posts are forged and are not worth normalising.
MAX_TEXT = 2_000
MAX_ITEMS = 500
MAX_ESSAY = 200_000
# Floats from a file ("0.1") and from arithmetic never compare exactly; a bound this much
# past the tolerance still counts, so 3.14 is within 3.13..3.15 however it was written.
_EPSILON = 1e-9

_ARTICLES = frozenset({"a", "an", "the"})
# Apostrophes and dots join what they sit in ("don't", "U.S.A."); other punctuation
# separates words ("well-known" = "well known").
_JOINING = frozenset("'\u2019\u02bc.")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


class GradableQuestion(Protocol):
    # Read-only members: graders only read them, and a frozen _Question qualifies.
    @property
    def type(self) -> str: ...
    @property
    def options(self) -> Any: ...
    @property
    def answer(self) -> Any: ...
    @property
    def weights(self) -> Any: ...


@dataclass(frozen=True)
class _Question:
    type: str
    options: Any
    answer: Any
    weights: Any


@dataclass(frozen=True)
class Grade:
    score: float  # 0..1
    status: str  # "correct" | "partial" | "incorrect" | "needs_grading" | "unanswered"


def normalize_text(s: str) -> str:
    """Text as compared when grading: case, accents, spacing and punctuation don't count.

    "  The Café-au-lait! " and "cafe au lait" both become "cafe au lait". A leading article
    is dropped only when words follow it, so the answer "A" (a letter) stays "a".
    """
    text = unicodedata.normalize("NFKD", str(s).casefold())
    chars: list[str] = []
    for i, ch in enumerate(text):
        if unicodedata.combining(ch):
            continue
        if unicodedata.category(ch).startswith("P"):
            between_digits = 0 < i < len(text) - 1 and (
                text[i - 1].isdigit() and text[i + 1].isdigit()
            )
            if between_digits and ch in ".,":
                chars.append(ch)  # 3.14 must not become 314
            elif ch not in _JOINING:
                chars.append(" ")
            continue
        chars.append(ch)
    words = "".join(chars).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _is_empty(response: Any) -> bool:
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list | tuple | set | frozenset | dict):
        return len(response) == 0
    return False


def _grade(score: float) -> Grade:
    score = min(1.0, max(0.0, score)) if math.isfinite(score) else 0.0
    if score >= 1.0 - _EPSILON:
        return Grade(1.0, CORRECT)
    if score > _EPSILON:
        return Grade(score, PARTIAL)
    return Grade(0.0, INCORRECT)


INCORRECT_GRADE = Grade(0.0, INCORRECT)


def _weight(weights: Any, key: Any, default: float) -> float:
    """A credit from the question's weights; anything unusable falls back to `default`."""
    if not isinstance(weights, Mapping) or not isinstance(key, str):
        return default
    value = weights.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value) if math.isfinite(value) else default


def _short_text(response: Any) -> str | None:
    """A posted text, or None when it is not one (numbers are accepted as their text)."""
    if isinstance(response, bool):
        return None
    if isinstance(response, int | float):
        response = str(response)
    if not isinstance(response, str) or len(response) > MAX_TEXT:
        return None
    return response


def _strings(values: Any) -> list[str]:
    if isinstance(values, str):
        return [values]
    if isinstance(values, list | tuple):
        return [v for v in values if isinstance(v, str)]
    return []


def _matches(accepted: str, response: str) -> bool:
    """Normalised equality; `*` in an accepted answer stands for any text (Moodle's wildcard)."""
    if "*" not in accepted:
        return normalize_text(accepted) == response
    parts = [normalize_text(part) for part in accepted.split("*")]
    pattern = ".*".join(re.escape(part) for part in parts)
    return re.fullmatch(pattern, response) is not None


def _grade_text(question: GradableQuestion, response: Any) -> Grade:
    text = _short_text(response)
    if text is None:
        return INCORRECT_GRADE
    said = normalize_text(text)
    accepted = _strings(question.answer)
    weights = question.weights if isinstance(question.weights, Mapping) else {}
    # Weighted answers not listed in `answer` (partial ones) are accepted too.
    accepted += [key for key in weights if isinstance(key, str) and key not in accepted]
    best = 0.0
    for candidate in accepted:
        if _matches(candidate, said):
            best = max(best, _weight(weights, candidate, 1.0))
    return _grade(best)


def _grade_single(question: GradableQuestion, response: Any) -> Grade:
    options = _strings(question.options)
    if not isinstance(response, str) or (options and response not in options):
        return INCORRECT_GRADE
    default = 1.0 if response == question.answer else 0.0
    return _grade(_weight(question.weights, response, default))


def _chosen(options: list[str], response: Any) -> set[str] | None:
    """The distinct options chosen, or None when the post names something never offered."""
    if not isinstance(response, list | tuple | set | frozenset) or len(response) > MAX_ITEMS:
        return None
    if not all(isinstance(item, str) for item in response):
        return None
    chosen = set(response)
    if options and not chosen <= set(options):
        return None
    return chosen


def _grade_multiple(question: GradableQuestion, response: Any) -> Grade:
    """Weights given: the chosen options' weights summed. Otherwise each right choice counts
    +1 and each wrong one -1, over the number of right options. Both clamped to 0..1."""
    chosen = _chosen(_strings(question.options), response)
    if chosen is None:
        return INCORRECT_GRADE
    if isinstance(question.weights, Mapping) and question.weights:
        return _grade(sum(_weight(question.weights, option, 0.0) for option in chosen))
    correct = set(_strings(question.answer))
    if not correct:
        return INCORRECT_GRADE
    right = len(chosen & correct)
    wrong = len(chosen - correct)
    return _grade((right - wrong) / len(correct))


_TRUE_WORDS = {"true": True, "t": True, "false": False, "f": False}


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        # Forms post strings; the options shown are "True" and "False".
        return _TRUE_WORDS.get(value.strip().casefold())
    return None


def _grade_true_false(question: GradableQuestion, response: Any) -> Grade:
    said, right = _as_bool(response), _as_bool(question.answer)
    if said is None or right is None:
        return INCORRECT_GRADE
    return _grade(1.0 if said == right else 0.0)


def _grade_ordering(question: GradableQuestion, response: Any) -> Grade:
    """Credit is the fraction of items in their correct absolute position.

    Position-based, not the longest common subsequence: it is what a student sees checked
    item by item, and is easy to explain. Its drawback is that one item moved from the end
    to the front shifts every other item and scores 0, where an LCS score would give
    (n - 1) / n; revisit if instructors find it harsh.
    """
    right = _strings(question.answer)
    if not isinstance(response, list | tuple) or len(response) != len(right):
        return INCORRECT_GRADE
    if not all(isinstance(item, str) for item in response) or sorted(response) != sorted(right):
        return INCORRECT_GRADE  # not a rearrangement of the items shown
    if not right:
        return INCORRECT_GRADE
    in_place = sum(1 for said, item in zip(response, right, strict=True) if said == item)
    return _grade(in_place / len(right))


def _pairs(answer: Any) -> dict[str, str]:
    if isinstance(answer, Mapping):
        items = list(answer.items())
    elif isinstance(answer, list | tuple):
        items = [
            tuple(pair) for pair in answer if isinstance(pair, list | tuple) and len(pair) == 2
        ]
    else:
        items = []
    return {
        left: right for left, right in items if isinstance(left, str) and isinstance(right, str)
    }


def _grade_matching(question: GradableQuestion, response: Any) -> Grade:
    """Credit is the fraction of left-hand items matched to the right right-hand item."""
    right = _pairs(question.answer)
    if not isinstance(response, Mapping) or not right or len(response) > MAX_ITEMS:
        return INCORRECT_GRADE
    offered = set(_strings(question.options)) or set(right.values())
    for left, said in response.items():
        # A left item or a right item never shown means a forged post.
        if left not in right or not isinstance(said, str) or said not in offered:
            return INCORRECT_GRADE
    return _grade(sum(1 for left, item in right.items() if response.get(left) == item) / len(right))


def parse_number(value: Any) -> float | None:
    """A posted number: "3.14", "3,14" (decimal comma), " 1 822 ", or a number; else None.

    With both "." and "," the last one is the decimal mark ("1,234.5", "1.234,5"); a lone
    comma is a decimal mark, so "1,000" is 1.0: write thousands without separators.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str) or len(value) > 100:
        return None
    text = re.sub(r"[\s\u00a0\u202f']", "", value)
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    if not _NUMBER_RE.fullmatch(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def _number_credit(answer: Any, said: float) -> float:
    if isinstance(answer, bool):
        return 0.0
    if isinstance(answer, int | float):
        answer = {"value": answer, "tolerance": 0.0}
    if not isinstance(answer, Mapping):
        return 0.0
    weight = parse_number(answer.get("weight", 1.0))
    weight = 1.0 if weight is None else weight
    if "min" in answer or "max" in answer:
        low, high = parse_number(answer.get("min")), parse_number(answer.get("max"))
        if low is None or high is None:
            return 0.0
        slack = _EPSILON * max(1.0, abs(low), abs(high))
        return weight if low - slack <= said <= high + slack else 0.0
    value = parse_number(answer.get("value"))
    tolerance = parse_number(answer.get("tolerance", 0.0)) or 0.0
    if value is None:
        return 0.0
    slack = _EPSILON * max(1.0, abs(value))
    return weight if abs(said - value) <= abs(tolerance) + slack else 0.0


def _grade_numerical(question: GradableQuestion, response: Any) -> Grade:
    said = parse_number(response)
    if said is None:
        return INCORRECT_GRADE
    answers = question.answer if isinstance(question.answer, list | tuple) else [question.answer]
    return _grade(max((_number_credit(answer, said) for answer in answers), default=0.0))


_GRADERS = {
    "cloze": _grade_text,
    "short_answer": _grade_text,
    "single_choice": _grade_single,
    "multiple_response": _grade_multiple,
    "true_false": _grade_true_false,
    "ordering": _grade_ordering,
    "matching": _grade_matching,
    "numerical": _grade_numerical,
}


def grade(question: GradableQuestion, response: Any) -> Grade:
    """Grade `response` to `question`.

    Responses by type: text (cloze, short_answer); the chosen option (single_choice); a list
    of chosen options (multiple_response); a bool or "True"/"False" (true_false); the items
    in the student's order (ordering); a dict left -> right (matching); a number or its text
    (numerical); essays are left for the instructor. An empty response is "unanswered".
    Raises ValueError only for a question type it does not know (a programming error).
    """
    kind = getattr(question, "type", None)
    if _is_empty(response):
        return Grade(0.0, UNANSWERED)
    if kind == "essay":
        # Any text waits for the instructor; anything else was not typed into the essay box.
        if not isinstance(response, str) or len(response) > MAX_ESSAY:
            return INCORRECT_GRADE
        return Grade(0.0, NEEDS_GRADING)
    if not isinstance(kind, str) or kind not in _GRADERS:
        raise ValueError(f"Unknown question type: {kind!r}")
    grader = _GRADERS[kind]
    # Read the fields once, with defaults: question-like objects (a stored version, a parsed
    # BankQuestion, a test double) need not all carry every field.
    view = _Question(
        type=kind,
        options=getattr(question, "options", None) or [],
        answer=getattr(question, "answer", None),
        weights=getattr(question, "weights", None) or {},
    )
    return grader(view, response)


# --- marks on the parts of an answer -------------------------------------------------------

RIGHT, WRONG, MISSED = "right", "wrong", "missed"


@dataclass(frozen=True)
class Mark:
    """One option, pair or position of a student's answer, marked against the key.

    `status` is "right", "wrong" or "missed" (a correct option not chosen, a pair left
    unmatched, a place left empty); `text` is the part marked and `detail` what it should
    have been, when that is not already plain. They give the key away part by part, so they
    are made only where the key itself may be shown (`attempts.answers_revealed`).
    """

    status: str
    text: str
    detail: str = ""

    @property
    def label(self) -> str:
        return {RIGHT: "Right", WRONG: "Wrong", MISSED: "Missed"}[self.status]


def response_marks(question: GradableQuestion, response: Any, shown: list[str]) -> list[Mark]:
    """Each option (choice questions, in the order `shown`), pair (matching, in the key's
    order) or position (ordering) of `response`, marked right or wrong. Empty for the types
    marked as a whole (text, numbers, true or false, essays): their key says it all."""
    kind = getattr(question, "type", None)
    answer = getattr(question, "answer", None)
    if kind in ("single_choice", "multiple_response"):
        chosen = set(_strings(response))
        weights = getattr(question, "weights", None) or {}
        correct = set(_strings(answer)) | {
            option for option in shown if _weight(weights, option, 0.0) > 0
        }
        marks = []
        for option in shown:
            if option in chosen:
                marks.append(Mark(RIGHT if option in correct else WRONG, option))
            elif option in correct:
                marks.append(Mark(MISSED, option, "a correct option you did not choose"))
        return marks
    if kind == "matching":
        said = response if isinstance(response, Mapping) else {}
        marks = []
        for left, right in _pairs(answer).items():
            chosen_right = said.get(left)
            if not isinstance(chosen_right, str):
                marks.append(Mark(MISSED, f"{left} → (none)", f"matches “{right}”"))
            elif chosen_right == right:
                marks.append(Mark(RIGHT, f"{left} → {chosen_right}"))
            else:
                marks.append(Mark(WRONG, f"{left} → {chosen_right}", f"matches “{right}”"))
        return marks
    if kind == "ordering":
        order = _strings(response) if isinstance(response, list | tuple) else []
        marks = []
        for place, item in enumerate(_strings(answer), start=1):
            placed = order[place - 1] if place <= len(order) else None
            if placed is None:
                marks.append(Mark(MISSED, f"{place}. (none)", f"“{item}” goes here"))
            elif placed == item:
                marks.append(Mark(RIGHT, f"{place}. {placed}"))
            else:
                marks.append(Mark(WRONG, f"{place}. {placed}", f"“{item}” goes here"))
        return marks
    return []


# --- a quiz's grade ------------------------------------------------------------------------

SUBMITTED = "submitted"  # Attempt.State.SUBMITTED
HIGHEST, LAST, AVERAGE = "highest", "last", "average"  # Quiz.Grading


class GradedQuiz(Protocol):
    @property
    def grading_method(self) -> str: ...


class ScoredAttempt(Protocol):
    @property
    def state(self) -> str: ...
    @property
    def score(self) -> float | None: ...


def quiz_grade(quiz: GradedQuiz, attempts: Iterable[ScoredAttempt]) -> float | None:
    """The student's grade on a quiz (0..1) by its grading method, from their submitted
    attempts in the order they were made; None before any is submitted."""
    scores = [a.score or 0.0 for a in attempts if a.state == SUBMITTED]
    if not scores:
        return None
    if quiz.grading_method == LAST:
        return scores[-1]
    if quiz.grading_method == AVERAGE:
        return sum(scores) / len(scores)
    return max(scores)
