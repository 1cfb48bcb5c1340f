"""Aiken: single-choice questions as lines, with errors reported by line."""

from __future__ import annotations

import random
from pathlib import Path

from course.quizzes.interchange import BankQuestion, ParseResult, parse_aiken

DATA = Path(__file__).parent / "data"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_it_reads_moodles_example_both_option_styles_and_long_prompts() -> None:
    result = parse_aiken(read("questions.aiken.txt"))
    assert result.errors == []
    assert result.questions == [
        BankQuestion(
            type="single_choice",
            prompt="What is the correct answer to this question?",
            options=[
                "Is it this one?",
                "Maybe this answer?",
                "Possibly this one?",
                "Must be this one!",
            ],
            answer="Must be this one!",
            line=1,
        ),
        BankQuestion(
            type="single_choice",
            prompt="Which LMS has the most quiz import formats?",
            options=["Moodle", "ATutor", "Claroline"],
            answer="Moodle",
            line=8,
        ),
        BankQuestion(
            type="single_choice",
            prompt="A question whose text\nruns over two lines?",
            options=["Yes", "No"],
            answer="Yes",
            line=14,
        ),
    ]


def test_errors_have_lines_and_the_valid_questions_still_come_back() -> None:
    result = parse_aiken(read("with_errors.aiken.txt"))
    assert [(q.line, q.answer) for q in result.questions] == [(1, "Five"), (34, "4")]
    errors = {e.line: e.message for e in result.errors}
    assert sorted(errors) == [8, 12, 16, 22, 27, 32, 39]
    assert "no ANSWER line" in errors[8]
    assert "at least 2 options" in errors[12]
    assert "The answer E is not among the options (A, B, C)" in errors[16]
    assert "one option letter" in errors[22]
    assert "letter A is used twice" in errors[27]
    assert "without a question" in errors[32]
    assert "no ANSWER line" in errors[39]


def test_lowercase_answer_crlf_and_options_without_a_question() -> None:
    result = parse_aiken(
        "\ufeffQ?\r\nA. a\r\nB. b\r\nanswer: b\r\n\r\nA. x\r\nB. y\r\nANSWER: A\r\n"
    )
    assert [(q.prompt, q.answer) for q in result.questions] == [("Q?", "b")]
    assert [e.line for e in result.errors] == [6]
    assert "not preceded by a question" in result.errors[0].message


def test_garbage_never_raises() -> None:
    rng = random.Random(7)
    pieces = ["A. ", "B) ", "ANSWER: ", "Q?", "\n", "\r", " ", "Z", "\x00", "é"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert isinstance(parse_aiken(text), ParseResult)
