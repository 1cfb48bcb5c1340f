"""Grading: every question type, partial credit, normalisation and forged responses."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import pytest

from course.quizzes import grading
from course.quizzes.grading import Grade, grade, normalize_text, parse_number, quiz_grade
from course.quizzes.interchange import BankQuestion
from course.quizzes.models import Attempt, Quiz

CORRECT = Grade(1.0, "correct")
INCORRECT = Grade(0.0, "incorrect")
UNANSWERED = Grade(0.0, "unanswered")


def partial(score: float) -> Grade:
    return Grade(pytest.approx(score), "partial")  # type: ignore[arg-type]


SHORT = BankQuestion(type="short_answer", prompt="Who?", answer=["no one", "nobody"])
CLOZE = BankQuestion(
    type="cloze",
    prompt="The capital of France is _____.",
    answer=["Paris", "Paris city"],
    weights={"Paris city": 0.5, "Lutetia": 0.25},
)
SINGLE = BankQuestion(
    type="single_choice",
    prompt="Who's buried in Grant's tomb?",
    options=["Grant", "Jefferson", "no one"],
    answer="no one",
)
SINGLE_WEIGHTED = BankQuestion(
    type="single_choice",
    prompt="Q",
    options=["right", "close", "wrong"],
    answer="right",
    weights={"close": 0.5, "wrong": -1.0},
)
MULTIPLE = BankQuestion(
    type="multiple_response",
    prompt="Which are prime?",
    options=["2", "3", "4", "5"],
    answer=["2", "3", "5"],
)
MULTIPLE_WEIGHTED = BankQuestion(
    type="multiple_response",
    prompt="What two people are entombed in Grant's tomb?",
    options=["No one", "Grant", "Grant's wife", "Grant's father"],
    answer=["Grant", "Grant's wife"],
    weights={"No one": -1.0, "Grant": 0.5, "Grant's wife": 0.5, "Grant's father": -1.0},
)
TRUE_FALSE = BankQuestion(
    type="true_false", prompt="Grant is buried there.", options=["True", "False"], answer=False
)
ORDERING = BankQuestion(
    type="ordering",
    prompt="Oldest first",
    options=["c", "a", "d", "b"],
    answer=["a", "b", "c", "d"],
)
MATCHING = BankQuestion(
    type="matching",
    prompt="Capitals",
    options=["Ottawa", "Rome", "Tokyo", "Canberra"],
    answer=[["Canada", "Ottawa"], ["Italy", "Rome"], ["Japan", "Tokyo"]],
)
NUMERICAL = BankQuestion(
    type="numerical",
    prompt="When was Grant born?",
    answer=[
        {"value": 1822.0, "tolerance": 0.0, "weight": 1.0},
        {"value": 1822.0, "tolerance": 2.0, "weight": 0.5},
    ],
)
PI = BankQuestion(
    type="numerical", prompt="pi?", answer=[{"min": 3.141, "max": 3.142, "weight": 1.0}]
)
ESSAY = BankQuestion(type="essay", prompt="Write.")
ALL = [
    SHORT,
    CLOZE,
    SINGLE,
    SINGLE_WEIGHTED,
    MULTIPLE,
    MULTIPLE_WEIGHTED,
    TRUE_FALSE,
    ORDERING,
    MATCHING,
    NUMERICAL,
    PI,
    ESSAY,
]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Café", "cafe"),
        ("  The   Café-au-lait! ", "cafe au lait"),
        ("NO ONE", "no one"),
        ("no-one.", "no one"),
        ("Don\u2019t", "dont"),
        ("U.S.A.", "usa"),
        ("3.14", "3.14"),
        ("An apple", "apple"),
        ("A", "a"),
        ("the", "the"),
        ("Straße", "strasse"),
        ("ﬁne", "fine"),
        ("Ångström\tunit", "angstrom unit"),
        ("", ""),
    ],
)
def test_normalize_text(raw: str, normal: str) -> None:
    assert normalize_text(raw) == normal


# ------------------------------------------------------------------------------ by type


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("no one", CORRECT),
        ("  No   One!", CORRECT),
        ("The nobody", CORRECT),
        ("Grant", INCORRECT),
        ("", UNANSWERED),
        ("   ", UNANSWERED),
        (None, UNANSWERED),
    ],
)
def test_short_answer(response: Any, expected: Grade) -> None:
    assert grade(SHORT, response) == expected


def test_cloze_uses_weights_per_accepted_answer_and_diacritics() -> None:
    assert grade(CLOZE, "paris") == CORRECT
    assert grade(CLOZE, "PARIS  city") == partial(0.5)
    assert grade(CLOZE, "Lutétia") == partial(0.25)
    assert grade(CLOZE, "London") == INCORRECT
    cafe = BankQuestion(type="cloze", prompt="A _____", answer=["Café"])
    assert grade(cafe, "cafe") == CORRECT


def test_short_answer_wildcard() -> None:
    question = BankQuestion(type="short_answer", prompt="Q", answer=["General * Memorial"])
    assert grade(question, "General Grant National Memorial") == CORRECT
    assert grade(question, "Grant's tomb") == INCORRECT


def test_single_choice() -> None:
    assert grade(SINGLE, "no one") == CORRECT
    assert grade(SINGLE, "Grant") == INCORRECT
    assert grade(SINGLE_WEIGHTED, "right") == CORRECT
    assert grade(SINGLE_WEIGHTED, "close") == partial(0.5)
    assert grade(SINGLE_WEIGHTED, "wrong") == INCORRECT  # -100% is clamped to 0


def test_multiple_response_default_rule() -> None:
    assert grade(MULTIPLE, ["2", "3", "5"]) == CORRECT
    assert grade(MULTIPLE, ["5", "2"]) == partial(2 / 3)
    assert grade(MULTIPLE, ["2", "3", "5", "4"]) == partial(2 / 3)
    assert grade(MULTIPLE, ["2", "4"]) == INCORRECT
    assert grade(MULTIPLE, ["4"]) == INCORRECT
    assert grade(MULTIPLE, []) == UNANSWERED


def test_multiple_response_weights() -> None:
    assert grade(MULTIPLE_WEIGHTED, ["Grant", "Grant's wife"]) == CORRECT
    assert grade(MULTIPLE_WEIGHTED, ["Grant"]) == partial(0.5)
    assert grade(MULTIPLE_WEIGHTED, ["Grant", "No one"]) == INCORRECT
    # Choosing everything must not pay: the negative weights cancel the positive ones.
    assert grade(MULTIPLE_WEIGHTED, MULTIPLE_WEIGHTED.options) == INCORRECT


def test_true_false() -> None:
    assert grade(TRUE_FALSE, False) == CORRECT
    assert grade(TRUE_FALSE, True) == INCORRECT
    assert grade(TRUE_FALSE, "False") == CORRECT  # as a form posts it
    assert grade(TRUE_FALSE, "maybe") == INCORRECT


def test_ordering_gives_credit_per_item_in_its_place() -> None:
    assert grade(ORDERING, ["a", "b", "c", "d"]) == CORRECT
    assert grade(ORDERING, ["a", "b", "d", "c"]) == partial(0.5)
    assert grade(ORDERING, ["b", "a", "c", "d"]) == partial(0.5)
    # Position-based: one item moved from the end to the front scores nothing.
    assert grade(ORDERING, ["d", "a", "b", "c"]) == INCORRECT


def test_matching_gives_credit_per_pair() -> None:
    right = {"Canada": "Ottawa", "Italy": "Rome", "Japan": "Tokyo"}
    assert grade(MATCHING, right) == CORRECT
    assert grade(MATCHING, {**right, "Japan": "Canberra"}) == partial(2 / 3)
    assert grade(MATCHING, {"Canada": "Ottawa"}) == partial(1 / 3)
    assert grade(MATCHING, {"Canada": "Rome", "Italy": "Ottawa"}) == INCORRECT
    assert grade(MATCHING, {}) == UNANSWERED


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("1822", CORRECT),
        (1822, CORRECT),
        (" 1822.0 ", CORRECT),
        ("1823", partial(0.5)),
        ("1820", partial(0.5)),
        (1819.5, INCORRECT),
        ("eighteen", INCORRECT),
        ("nan", INCORRECT),
        ("inf", INCORRECT),
        ("1e400", INCORRECT),
    ],
)
def test_numerical_tolerance_and_best_weight(response: Any, expected: Grade) -> None:
    assert grade(NUMERICAL, response) == expected


def test_numerical_range_and_decimal_comma() -> None:
    assert grade(PI, "3.1415") == CORRECT
    assert grade(PI, "3,1415") == CORRECT
    assert grade(PI, "3.142") == CORRECT
    assert grade(PI, "3.15") == INCORRECT
    tolerance = BankQuestion(
        type="numerical", prompt="Q", answer=[{"value": 0.3, "tolerance": 0.1, "weight": 1.0}]
    )
    assert grade(tolerance, 0.2) == CORRECT  # float error at the boundary still counts
    assert grade(tolerance, 0.4) == CORRECT


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1 822", 1822.0),
        ("-2.5e3", -2500.0),
        ("+.5", 0.5),
        ("1_000", None),
        ("0x10", None),
        ("", None),
        (True, None),
    ],
)
def test_parse_number(text: Any, number: float | None) -> None:
    assert parse_number(text) == number


def test_essay_needs_grading() -> None:
    assert grade(ESSAY, "My essay.") == Grade(0.0, "needs_grading")
    assert grade(ESSAY, "") == UNANSWERED
    assert grade(ESSAY, {"forged": True}) == INCORRECT


def test_any_object_with_the_fields_can_be_graded() -> None:
    question = SimpleNamespace(type="single_choice", options=["a", "b"], answer="a", weights={})
    assert grade(question, "a") == CORRECT
    bare = SimpleNamespace(type="short_answer", answer=["yes"])  # no options, no weights
    assert grade(bare, "Yes!") == CORRECT


def test_an_unknown_type_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="Unknown question type"):
        grade(SimpleNamespace(type="hotspot", options=[], answer=None, weights={}), "x")


# ------------------------------------------------------------------------------ forged posts


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (SHORT, ["no one"]),
        (SHORT, {"a": "no one"}),
        (SHORT, "no one" * 10_000),
        (SHORT, True),
        (SINGLE, "someone never offered"),
        (SINGLE, ["no one"]),
        (SINGLE, 3),
        (MULTIPLE, "2"),
        (MULTIPLE, ["2", "3", "5", "7"]),
        (MULTIPLE, ["2", 3]),
        (MULTIPLE, {"2": True}),
        (MULTIPLE_WEIGHTED, ["Grant", "Grant", "Grant"]),
        (MULTIPLE, ["2"] * 100_000),
        (TRUE_FALSE, 0),
        (TRUE_FALSE, ["False"]),
        (ORDERING, ["a", "b", "c"]),
        (ORDERING, ["a", "a", "c", "d"]),
        (ORDERING, ["a", "b", "c", "d", "e"]),
        (ORDERING, "abcd"),
        (ORDERING, [1, 2, 3, 4]),
        (MATCHING, [["Canada", "Ottawa"]]),
        (MATCHING, {"Canada": "Paris"}),
        (MATCHING, {"France": "Ottawa"}),
        (MATCHING, {"Canada": ["Ottawa"]}),
        (NUMERICAL, [1822]),
        (NUMERICAL, "1" * 10_000),
        (NUMERICAL, True),
    ],
)
def test_forged_responses_grade_as_incorrect(question: BankQuestion, response: Any) -> None:
    result = grade(question, response)
    if question is MULTIPLE_WEIGHTED:
        # Repeating an option does not multiply its weight.
        assert result == partial(0.5)
    else:
        assert result == INCORRECT


def test_random_responses_never_raise() -> None:
    rng = random.Random(99)
    atoms: list[Any] = [
        None,
        True,
        0,
        -1,
        1e308,
        float("nan"),
        "",
        "no one",
        "Grant",
        "1822",
        "a",
        "Canada",
        "Ottawa",
        "\x00",
        "é" * 3000,
        b"bytes",
        object(),
    ]

    def value(depth: int = 0) -> Any:
        roll = rng.random()
        if depth < 2 and roll < 0.2:
            return [value(depth + 1) for _ in range(rng.randint(0, 4))]
        if depth < 2 and roll < 0.3:
            return {rng.choice(["Canada", "Italy", 1, None]): value(depth + 1)}
        return rng.choice(atoms)

    for _ in range(3000):
        question = rng.choice(ALL)
        result = grade(question, value())
        assert 0.0 <= result.score <= 1.0
        assert result.status in {"correct", "partial", "incorrect", "needs_grading", "unanswered"}


# --- a quiz's grade ------------------------------------------------------------------------


def test_it_grades_the_quiz_by_its_method() -> None:
    attempts = [SimpleNamespace(state="submitted", score=s) for s in [0.5, 1.0, 0.3]]
    for method, expected in [("highest", 1.0), ("last", 0.3), ("average", 0.6)]:
        quiz = SimpleNamespace(grading_method=method)
        assert quiz_grade(quiz, attempts) == pytest.approx(expected)


def test_it_grades_a_quiz_from_submitted_attempts_only() -> None:
    quiz = SimpleNamespace(grading_method="last")
    submitted = SimpleNamespace(state="submitted", score=0.4)
    unscored = SimpleNamespace(state="submitted", score=None)
    still_open = SimpleNamespace(state="open", score=1.0)
    assert quiz_grade(quiz, [still_open]) is None
    assert quiz_grade(quiz, [submitted, still_open]) == pytest.approx(0.4)
    assert quiz_grade(quiz, [submitted, unscored]) == 0.0


def test_its_names_for_methods_and_states_are_the_models_values() -> None:
    # grading.py imports no model: its constants must stay the stored values.
    assert {grading.HIGHEST, grading.LAST, grading.AVERAGE} == set(Quiz.Grading.values)
    assert grading.SUBMITTED == Attempt.State.SUBMITTED
