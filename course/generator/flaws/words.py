"""Words as the checks compare them: units, roots, content words, frequencies."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from wordfreq import zipf_frequency

from ..lexicon import (
    STOPWORDS,
)
from ..tokens import singular

# --- words ---------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\-.][^\W_]+)*")
BLANK_RE = re.compile(r"_{3,}")
NEGATIONS = frozenset({"not", "no", "never", "longer", "n't", "cannot", "neither", "nor"})


@lru_cache(maxsize=65536)
def unit_of(word: str) -> str:
    """Comparison form of one word: lower case, no possessive, a crude singular."""
    lower = word.lower().replace("\u2019", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    return singular(lower.strip("'."))


@lru_cache(maxsize=16384)
def spans_of(text: str) -> tuple[tuple[str, int, int], ...]:
    """Words with their offsets."""
    return tuple((m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text))


@lru_cache(maxsize=16384)
def words_of(text: str) -> tuple[str, ...]:
    return tuple(w for w, _, _ in spans_of(text))


@lru_cache(maxsize=16384)
def units_of(text: str) -> tuple[str, ...]:
    return tuple(unit_of(w) for w in words_of(text))


def content_units(units: Iterable[str]) -> set[str]:
    return {u for u in units if u not in STOPWORDS and not u.isdigit()}


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ed", "es", "s", "e")


@lru_cache(maxsize=65536)
def root_of(unit: str) -> str:
    """A unit without its inflection or nominalisation: "inspecting" and "inspection",
    "purging" and "purge" meet, so a paraphrase is found in its source."""
    for suffix in _SUFFIXES:
        if unit.endswith(suffix) and len(unit) - len(suffix) >= 4:
            return unit[: -len(suffix)]
    return unit


def roots_of(units: Iterable[str]) -> set[str]:
    return {root_of(u) for u in content_units(units)}


@lru_cache(maxsize=16384)
def zipf_of(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def quote_of(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
