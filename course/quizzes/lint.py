"""The item-writing flaw checker (``course.generator.flaws``) applied to the bank: a parsed
question file (import preview, ``manage.py lint_questions``) or stored questions (the bank's
list and filter, the quiz preview). Nothing here writes to the database; stored questions'
findings are cached by content."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.cache import cache

from course.generator import flaws as checker
from course.generator.flaws import Flaw
from course.quizzes.interchange import BankQuestion, ParseResult


@dataclass
class Linted:
    """One question of a file with its findings. ``index`` is its 1-based position among
    the file's questions (broken ones count too), ``line`` where it starts."""

    index: int
    line: int
    type: str
    prompt: str
    flaws: list[Flaw] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "line": self.line,
            "type": self.type,
            "flaws": [{"code": f.code, "message": f.message} for f in self.flaws],
        }


def _findings(item: Any) -> list[Flaw]:
    return checker.findings(
        type=item.type, prompt=item.prompt, options=list(item.options), answer=item.answer
    )


def _with_duplicates(
    items: Sequence[Any],
    found: list[list[Flaw]],
    where: str,
    numbers: Sequence[int] = (),
    *,
    both: bool = False,
) -> None:
    """Add the duplicate finding to each question that repeats an earlier one, naming the
    first copy; with ``both``, to the first copy too, naming its first repeat."""
    asked = [checker.Asked(i.type, i.prompt, tuple(i.options), i.answer) for i in items]

    def place(n: int) -> str:
        return where.format(n=numbers[n] if numbers else n + 1)

    named: set[int] = set()
    for later, first in sorted(checker.duplicates(asked).items()):
        found[later].append(checker.duplicate_flaw(items[first].prompt, place(first)))
        if both and first not in named:
            named.add(first)
            found[first].append(
                checker.duplicate_flaw(items[later].prompt, place(later), later=True)
            )


def lint_questions(
    questions: Sequence[BankQuestion], numbers: Sequence[int] = ()
) -> list[list[Flaw]]:
    """The findings of each question, duplicates within ``questions`` included: both copies
    of a question asked twice are flagged, each naming the other by its number in
    ``numbers`` (its position in the file), else by its position in ``questions``. The
    author of a file fixes it before importing it, and sees the pair from either end."""
    found = [_findings(q) for q in questions]
    _with_duplicates(questions, found, "question {n} of this file", numbers, both=True)
    return found


def lint_file(result: ParseResult) -> list[Linted]:
    """Every valid question of a parsed file, in file order, with its findings."""
    starts = sorted([q.line for q in result.questions] + [e.line for e in result.errors])
    index = {line: n for n, line in enumerate(starts, start=1)}
    numbers = [index.get(q.line, n + 1) for n, q in enumerate(result.questions)]
    # "question N of this file" counts the file's questions, broken ones too
    found = lint_questions(result.questions, numbers)
    return [
        Linted(number, q.line, q.type, q.prompt, flaws)
        for number, q, flaws in zip(numbers, result.questions, found, strict=True)
    ]


def _version() -> str:
    """A digest of the checker's own source: a changed rule invalidates cached findings."""
    package = Path(checker.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_VERSION = _version()


def _cache_key(item: Any) -> str:
    content = json.dumps(
        [item.type, item.prompt, list(item.options), item.answer], sort_keys=True, default=str
    )
    return f"flaws:{_VERSION}:{hashlib.sha256(content.encode()).hexdigest()}"


def lint_stored(questions: Iterable[Any]) -> dict[int, list[Flaw]]:
    """Findings of stored questions by id, a question repeating an earlier one included.
    Questions without findings are left out.

    Each question's own findings are cached by its content (and the checker's version), so
    a bank page reads a large bank in one cache round trip; only the duplicates, which
    depend on the whole bank, are found anew. Of a question stored twice only the later
    copy is flagged: the bank filters by flaw and deletes in bulk, and the filtered list
    must be the copies to delete, never the question itself."""
    items = list(questions)
    keys = [_cache_key(q) for q in items]
    cached = cache.get_many(keys)
    found = [
        list(cached[k]) if k in cached else _findings(q) for q, k in zip(items, keys, strict=True)
    ]
    fresh = {k: f for k, f in zip(keys, found, strict=True) if k not in cached}
    if fresh:
        cache.set_many(fresh, timeout=7 * 24 * 3600)
    _with_duplicates(items, found, "also in this bank")
    return {q.pk: flaws for q, flaws in zip(items, found, strict=True) if flaws}


def summary(found: Iterable[list[Flaw]]) -> list[tuple[str, str, int]]:
    """(code, title, how many questions) over some questions' findings, most frequent first."""
    counts: dict[str, int] = {}
    for flaws in found:
        for code in {f.code for f in flaws}:
            counts[code] = counts.get(code, 0) + 1
    return sorted(
        ((code, checker.CATALOG[code].title, n) for code, n in counts.items()),
        key=lambda row: (-row[2], row[0]),
    )
