"""Moodle's Aiken format: single-choice questions as plain lines.

    What is the correct answer to this question?
    A. Is it this one?
    B) Maybe this answer?
    C. Possibly this one?
    ANSWER: B

The question is the text before the first option (it may run over several lines), options
are an upper-case letter, `.` or `)` and a space, and `ANSWER: <letter>` ends the question.
Blank lines are allowed anywhere. Moodle's importer drops a question it cannot read without
saying where; this one reports each with its line and keeps the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from course.quizzes.interchange.model import BankQuestion, ParseError, ParseResult

_OPTION_RE = re.compile(r"([A-Z])[.)]\s+(\S.*)")
_ANSWER_RE = re.compile(r"ANSWER\s*:\s*(.*)", re.IGNORECASE)


@dataclass
class _Pending:
    line: int
    prompt: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    problem: str = ""

    def first_problem(self, message: str) -> None:
        # One message per question: the first thing wrong is what the author fixes first.
        self.problem = self.problem or message


def parse_aiken(text: str) -> ParseResult:
    """Read Aiken text into single-choice questions and errors with their lines."""
    result = ParseResult()
    if not isinstance(text, str):
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pending: _Pending | None = None

    def missing_answer(question: _Pending) -> None:
        result.errors.append(
            ParseError(
                question.line,
                "This question has no ANSWER line: "
                "end it with a line such as \u201cANSWER: B\u201d.",
            )
        )

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        option = _OPTION_RE.fullmatch(line)
        answer = _ANSWER_RE.fullmatch(line)
        if answer:
            if pending is None:
                result.errors.append(
                    ParseError(number, "An ANSWER line comes without a question before it.")
                )
                continue
            _finish(pending, answer.group(1).strip(), number, result)
            pending = None
        elif option and pending is not None and pending.prompt:
            letter, option_text = option.groups()
            if letter in pending.letters:
                pending.first_problem(f"The option letter {letter} is used twice.")
            pending.letters.append(letter)
            pending.options.append(option_text.strip())
        elif option and pending is None:
            # An option with no question text before it: report, and collect it anyway so
            # that its ANSWER line is not reported a second time as an orphan.
            pending = _Pending(line=number)
            pending.first_problem("The options are not preceded by a question.")
            pending.prompt.append("")
            pending.letters.append(option.group(1))
            pending.options.append(option.group(2).strip())
        elif pending is not None and pending.options:
            # Text after the options means a new question began before this one ended.
            missing_answer(pending)
            pending = _Pending(line=number, prompt=[line])
        elif pending is not None:
            pending.prompt.append(line)
        else:
            pending = _Pending(line=number, prompt=[line])
    if pending is not None:
        missing_answer(pending)
    return result


def _finish(pending: _Pending, letters: str, number: int, result: ParseResult) -> None:
    if not pending.problem:
        if len(pending.options) < 2:
            pending.problem = "A question needs at least 2 options (A. \u2026, B. \u2026)."
        elif not letters:
            pending.problem = f"The ANSWER line (line {number}) gives no letter."
        elif not re.fullmatch(r"[A-Za-z]", letters):
            pending.problem = (
                f"The ANSWER line (line {number}) must give one option letter, "
                f"not \u201c{letters[:20]}\u201d: Aiken questions have one correct answer."
            )
        elif letters.upper() not in pending.letters:
            pending.problem = (
                f"The answer {letters.upper()} is not among the options "
                f"({', '.join(pending.letters)})."
            )
    if pending.problem:
        result.errors.append(ParseError(pending.line, pending.problem))
        return
    result.questions.append(
        BankQuestion(
            type="single_choice",
            prompt="\n".join(pending.prompt),
            options=pending.options,
            answer=pending.options[pending.letters.index(letters.upper())],
            line=pending.line,
        )
    )
