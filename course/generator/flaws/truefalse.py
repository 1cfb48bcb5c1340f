"""Checks on true/false statements against the text they come from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from .coreference import _coreference
from .distractors import _kind_clash
from .item import _Item
from .model import Flaw, _flaw, _set
from .words import _NEGATIONS, _content, _quote, _units, _words

# --- true/false ------------------------------------------------------------------------

#: Words a statement may drop or add without changing what it claims.
_IGNORABLE = _set(
    "the a an also thus however therefore moreover furthermore accordingly hence then so"
)
_RANGE_RES = (
    re.compile(r"\bbetween\s+(\d{4})s?\s+and\s+(\d{2,4})s?\b", re.I),
    re.compile(r"\bfrom\s+(\d{4})s?\s+(?:to|until|till)\s+(\d{2,4})s?\b", re.I),
    re.compile(r"\b(\d{4})\s*[\u2013\u2014~/-]\s*(\d{2,4})\b"),
)


def _bad_range(statement: str) -> str:
    for pattern in _RANGE_RES:
        for match in pattern.finditer(statement):
            start, end = match.group(1), match.group(2)
            if len(end) == 2:
                end = start[:2] + end
            if int(end) <= int(start):
                return match.group()
    return ""


def _check_ranges(item: _Item) -> Iterator[Flaw]:
    for statement in [item.stem, *item.options]:
        bad = _bad_range(statement)
        if bad:
            yield _flaw(
                "same-year-range",
                f"The range {_quote(bad)} ends where it starts or before: no reader needs the "
                "text to reject it; move one end to a plausible date.",
                0.9,
            )
            return


@dataclass(frozen=True)
class _Diff:
    sentence: int
    added: list[str]  # words of the statement the source lacks (units)
    removed: list[str]  # words of the source the statement lacks, inside its span
    swaps: list[tuple[str, str]]  # (original words, statement words), surface forms


def _diff(statement: str, item: _Item) -> _Diff | None:
    """How the statement differs from the cited sentence it is closest to."""
    units = list(_units(statement))
    if not units or not item.cited:
        return None  # nothing to compare with: a text without sentences
    text = item.text
    best = max(item.cited, key=lambda i: len(set(units) & set(text.units[i])))
    source = list(text.units[best])
    surface_a = _words(statement)
    surface_b = [w for w, _, _ in text.spans[best]]
    added: list[str] = []
    removed: list[str] = []
    swaps: list[tuple[str, str]] = []
    codes = SequenceMatcher(None, units, source, autojunk=False).get_opcodes()
    inner = [c for c in codes if c[0] != "equal"]
    for tag, a1, a2, b1, b2 in inner:
        at_edge = a1 == a2 and (a1 == 0 or a1 == len(units))
        if tag == "delete" or tag == "replace":
            added.extend(units[a1:a2])
        if (tag == "insert" or tag == "replace") and not at_edge:
            removed.extend(source[b1:b2])
        if tag == "replace":
            swaps.append((" ".join(surface_b[b1:b2]), " ".join(surface_a[a1:a2])))
    return _Diff(best, added, removed, swaps)


def _check_true_false(item: _Item) -> Iterator[Flaw]:
    if item.type != "true_false":
        return
    diff = _diff(item.stem, item)
    if diff is None:
        return
    added = [u for u in diff.added if u not in _IGNORABLE]
    removed = [u for u in diff.removed if u not in _IGNORABLE]
    negation_added = [u for u in added if u in _NEGATIONS]
    if item.answer is True:
        content = _content(added)
        if negation_added:
            yield _flaw(
                "true-not-in-source",
                "The statement keyed True negates what the text says: re-key it or drop "
                "the negation.",
                0.9,
            )
        elif content:
            share = len(content) / max(1, len(_content(_units(item.stem))))
            yield _flaw(
                "true-not-in-source",
                f"The statement keyed True says {_quote(' '.join(sorted(content)))}, which the "
                "cited sentence does not: quote or paraphrase only what it says.",
                0.8 if share > 0.2 else 0.5,
            )
        return
    if not added and not removed:
        yield _flaw(
            "false-matches-source",
            "The statement keyed False says what the text says: it is true.",
            0.9,
        )
        return
    if negation_added and not [u for u in added if u not in _NEGATIONS]:
        yield _flaw(
            "negation-false",
            "The false statement is the text's sentence with a negation added, which a reader "
            "spots without the text: change a term or a role instead.",
            0.9,
        )
    for original, swapped in diff.swaps:
        if not _content(_units(original)) or not _content(_units(swapped)):
            continue
        link = _coreference(original, swapped, item)
        if link:
            severity, why = link
            yield _flaw(
                "coreferent-distractor",
                f"The false statement swaps {_quote(original)} for {_quote(swapped)}, but "
                f"{why}: the statement may be true.",
                severity,
            )
        clash = _kind_clash(original, [swapped], item)
        if clash:
            yield _flaw(
                "kind-mismatch",
                f"The false statement puts {_quote(swapped)} ({clash[1][0][1]}) where the "
                f"text has {_quote(original)} ({clash[0]}): swap in a term of the same kind.",
                clash[2] * 0.8,
            )
