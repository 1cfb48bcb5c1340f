"""The plain form questions take while they travel in and out of Lectern.

Importers (GIFT, Aiken) produce `BankQuestion`s and exporters read them; none of this touches
the database, so a whole file can be parsed, shown to the instructor and thrown away without a
single row written. The field meanings follow the bank's `Question` model (see the README).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class BankQuestion:
    """One question in the bank's stored form.

    `answer` by type: list of accepted strings (cloze, short_answer); the correct option
    (single_choice); list of correct options (multiple_response); bool (true_false); items in
    the right order (ordering); list of [left, right] pairs (matching); None (essay); for
    numerical a list of `{"value", "tolerance", "weight"}` or `{"min", "max", "weight"}` dicts.
    """

    type: str
    prompt: str
    options: list[str] = field(default_factory=list)
    answer: Any = None
    # Credit per option or per accepted answer, a fraction in -1..1; empty means the type's
    # default rules. Only explicitly weighted entries are stored, so a file round-trips.
    weights: dict[str, float] = field(default_factory=dict)
    option_feedback: dict[str, str] = field(default_factory=dict)
    explanation: str = ""
    title: str = ""
    category: str = ""
    # 1-based line in the source file where the question starts; 0 when it has no source.
    line: int = 0


@dataclass
class ParseError:
    """A problem found at `line` of the source, worded for the instructor who wrote the file."""

    line: int
    message: str


@dataclass
class ParseResult:
    """What an import found: the valid questions, the broken ones, and what was left out.

    The caller shows all three and imports nothing until the instructor accepts the valid
    part, so one bad question never blocks (or silently shrinks) the rest of a file.
    """

    questions: list[BankQuestion] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)
    # Items that are well formed but are not questions (GIFT "description" text).
    skipped: list[ParseError] = field(default_factory=list)


@dataclass
class ExportResult:
    """An export's text and a note for each question the format could not express."""

    text: str
    skipped: list[str] = field(default_factory=list)
