"""Question interchange formats: GIFT (read and write) and Aiken (read).

Pure Python on purpose: the parsers run on uploaded files before anything is stored, and are
tested without a database.
"""

from __future__ import annotations

from course.quizzes.interchange.aiken import parse_aiken
from course.quizzes.interchange.gift import export_gift, parse_gift
from course.quizzes.interchange.model import (
    BankQuestion,
    ExportResult,
    ParseError,
    ParseResult,
)

__all__ = [
    "BankQuestion",
    "ExportResult",
    "ParseError",
    "ParseResult",
    "export_gift",
    "parse_aiken",
    "parse_gift",
]
