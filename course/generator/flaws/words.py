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


#: Endings of an adjective and of the noun made from it, in comparison form (units or
#: roots, see :func:`derived_forms`): "liable", "liability"; "absent", "absence";
#: "generous", "generosity"; "civilise", "civilisation"; "educate", "education". (Endings
#: that only add to a word, "legal", "legality", are :func:`.form.related`'s.)
DERIVED_ENDINGS: tuple[tuple[str, str], ...] = (
    ("abl", "ability"),
    ("ibl", "ibility"),
    ("ent", "enc"),
    ("ent", "ency"),
    ("ant", "anc"),
    ("ant", "ancy"),
    ("iv", "ivity"),
    ("ou", "osity"),
    ("i", "is"),  # "civilis(e)", "civilis(ation)", "civilis(ed)"
    ("at", ""),  # "educat(e)", "educ(ation)"
)
#: An adjective and the noun it describes in a compound ("compressive", "compression").
ADJECTIVE_NOUN_ENDINGS: tuple[tuple[str, str], ...] = (
    ("iv", "ion"),
    ("ive", "ion"),
    ("ional", "ion"),
    ("ary", "ion"),
)


@lru_cache(maxsize=65536)
def derived_forms(
    a: str, b: str, endings: tuple[tuple[str, str], ...] = DERIVED_ENDINGS, least: int = 0
) -> bool:
    """Two comparison forms that one pair of ``endings`` makes of one stem: "liabl" and
    "liability", "absent" and "absenc", "educat" and "educ". The stem has ``least`` letters,
    by default four, or two when the endings say enough by themselves (six letters between
    them: "li-abl", "li-ability"), and the shorter form five. A bare stem ("educ" of
    "education") is no everyday word itself: "form" is not "format", "prim(e)" not
    "primat(e)"."""
    for one, other in endings:
        shortest = least or (2 if len(one) + len(other) >= 6 else 4)
        for x, y in ((a, b), (b, a)):
            if not (x.endswith(one) and y.endswith(other)):
                continue
            stem = x[: len(x) - len(one)]
            if len(stem) < shortest or stem != y[: len(y) - len(other)]:
                continue
            if other:
                found = min(len(x), len(y)) >= 5
            else:
                found = max(zipf_of(stem), zipf_of(stem + "e")) < 3.5
            if found:
                return True
    return False


def roots_of(units: Iterable[str]) -> set[str]:
    return {root_of(u) for u in content_units(units)}


@lru_cache(maxsize=16384)
def zipf_of(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def quote_of(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
