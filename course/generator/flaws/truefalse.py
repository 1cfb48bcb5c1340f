"""Checks on true/false statements against the text they come from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from .coreference import coreferent
from .distractors import kind_clash
from .item import Item
from .model import Flaw, make_flaw, word_set
from .words import NEGATIONS, content_units, quote_of, units_of, words_of

# --- true/false ------------------------------------------------------------------------

#: Words a statement may drop or add without changing what it claims.
_IGNORABLE = word_set(
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


def check_ranges(item: Item) -> Iterator[Flaw]:
    for statement in [item.stem, *item.options]:
        bad = _bad_range(statement)
        if bad:
            yield make_flaw(
                "same-year-range",
                f"The range {quote_of(bad)} ends where it starts or before: no reader needs the "
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


def _diff(statement: str, item: Item) -> _Diff | None:
    """How the statement differs from the cited sentence it is closest to."""
    units = list(units_of(statement))
    if not units or not item.cited:
        return None  # nothing to compare with: a text without sentences
    text = item.text
    best = max(item.cited, key=lambda i: len(set(units) & set(text.units[i])))
    source = list(text.units[best])
    surface_a = words_of(statement)
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


def check_true_false(item: Item) -> Iterator[Flaw]:
    if item.type != "true_false":
        return
    diff = _diff(item.stem, item)
    if diff is None:
        return
    added = [u for u in diff.added if u not in _IGNORABLE]
    removed = [u for u in diff.removed if u not in _IGNORABLE]
    negation_added = [u for u in added if u in NEGATIONS]
    if item.answer is True:
        content = content_units(added)
        if negation_added:
            yield make_flaw(
                "true-not-in-source",
                "The statement keyed True negates what the text says: re-key it or drop "
                "the negation.",
                0.9,
            )
        elif content:
            share = len(content) / max(1, len(content_units(units_of(item.stem))))
            yield make_flaw(
                "true-not-in-source",
                f"The statement keyed True says {quote_of(' '.join(sorted(content)))}, which the "
                "cited sentence does not: quote or paraphrase only what it says.",
                0.8 if share > 0.2 else 0.5,
            )
        return
    if not added and not removed:
        yield make_flaw(
            "false-matches-source",
            "The statement keyed False says what the text says: it is true.",
            0.9,
        )
        return
    if negation_added and not [u for u in added if u not in NEGATIONS]:
        yield make_flaw(
            "negation-false",
            "The false statement is the text's sentence with a negation added, which a reader "
            "spots without the text: change a term or a role instead.",
            0.9,
        )
    for original, swapped in diff.swaps:
        if not content_units(units_of(original)) or not content_units(units_of(swapped)):
            continue
        link = coreferent(original, swapped, item)
        if link:
            severity, why = link
            yield make_flaw(
                "coreferent-distractor",
                f"The false statement swaps {quote_of(original)} for {quote_of(swapped)}, but "
                f"{why}: the statement may be true.",
                severity,
            )
        clash = kind_clash(original, [swapped], item)
        if clash:
            yield make_flaw(
                "kind-mismatch",
                f"The false statement puts {quote_of(swapped)} ({clash[1][0][1]}) where the "
                f"text has {quote_of(original)} ({clash[0]}): swap in a term of the same kind.",
                clash[2] * 0.8,
            )
