"""Words that state a direction and their opposites ("rises" and "falls", "speeds up" and
"slows"): two options that differ only by one of these say opposite things.

The generator's reversals (:mod:`..reversals`) name most pairs; a few that options use
more often than findings do ("dilates" and "constricts", "to the left" and "to the right")
are added here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations

from ..lexicon import STOPWORDS
from ..reversals import _COMPARATIVES, _OPPOSITE, _RANKED
from .words import words_of


def _forms(*rows: tuple[str, ...]) -> list[tuple[str, str]]:
    """Rows of a word's forms (base, -s, past, -ing), a word and then its opposite: each
    form paired with the same form of the other."""
    words, opposites = rows[::2], rows[1::2]
    return [pair for a, b in zip(words, opposites, strict=True) for pair in zip(a, b, strict=True)]


#: Opposites the reversals do not turn (a finding rarely says them), in their four forms.
_MORE_PAIRS = [
    *_forms(
        ("speed up", "speeds up", "sped up", "speeding up"),
        ("slow down", "slows down", "slowed down", "slowing down"),
        ("speed up", "speeds up", "sped up", "speeding up"),
        ("slow", "slows", "slowed", "slowing"),
        ("raise", "raises", "raised", "raising"),
        ("lower", "lowers", "lowered", "lowering"),
        ("expand", "expands", "expanded", "expanding"),
        ("contract", "contracts", "contracted", "contracting"),
        ("dilate", "dilates", "dilated", "dilating"),
        ("constrict", "constricts", "constricted", "constricting"),
        ("gain", "gains", "gained", "gaining"),
        ("lose", "loses", "lost", "losing"),
        ("accelerate", "accelerates", "accelerated", "accelerating"),
        ("decelerate", "decelerates", "decelerated", "decelerating"),
        ("stimulate", "stimulates", "stimulated", "stimulating"),
        ("inhibit", "inhibits", "inhibited", "inhibiting"),
        ("widen", "widens", "widened", "widening"),
        ("narrow", "narrows", "narrowed", "narrowing"),
        ("appreciate", "appreciates", "appreciated", "appreciating"),
        ("depreciate", "depreciates", "depreciated", "depreciating"),
        ("attract", "attracts", "attracted", "attracting"),
        ("repel", "repels", "repelled", "repelling"),
        ("rise", "rises", "rose", "rising"),
        ("drop", "drops", "dropped", "dropping"),
    ),
    ("above", "below"),
    ("before", "after"),
    ("up", "down"),
    ("upward", "downward"),
    ("upwards", "downwards"),
    ("left", "right"),
    ("inward", "outward"),
    ("inwards", "outwards"),
    ("forward", "backward"),
    ("forwards", "backwards"),
    ("clockwise", "anticlockwise"),
    ("clockwise", "counterclockwise"),
    ("more", "fewer"),
    ("maximum", "minimum"),
    ("surplus", "deficit"),
]

#: Each unordered pair of opposite words or phrases, lower case.
OPPOSITES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pairs in (*(t.items() for t in (_OPPOSITE, _COMPARATIVES, _RANKED)), _MORE_PAIRS)
    for pair in pairs
)

_DIRECTION_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(w) for p in OPPOSITES for w in p), key=len, reverse=True))
    + r")\b"
)


def direction_words(text: str) -> tuple[str, ...]:
    """The direction words of a text in order ("rises", "falls"), lower case."""
    return tuple(_DIRECTION_RE.findall(" ".join(words_of(text.lower()))))


def difference(a: str, b: str) -> tuple[str, str, str]:
    """What tells two texts apart: the words of each between what they share at the start
    and at the end, and the first shared word after them ("slows", "speeds up", "the" for
    "It slows the heart rate" and "It speeds up the heart rate")."""
    wa, wb = words_of(a.lower()), words_of(b.lower())
    start = 0
    while start < min(len(wa), len(wb)) and wa[start] == wb[start]:
        start += 1
    end = 0
    while end < min(len(wa), len(wb)) - start and wa[-1 - end] == wb[-1 - end]:
        end += 1
    after = wa[len(wa) - end] if end else ""
    return " ".join(wa[start : len(wa) - end]), " ".join(wb[start : len(wb) - end]), after


#: Opposites that name two things before a noun rather than say two things: "Negative
#: feedback" and "Positive feedback", "Left ventricle" and "Right ventricle".
_NAMING = frozenset({"positive", "negative", "left", "right"})


def opposed(a: str, b: str) -> bool:
    """The two texts differ only by a direction word or phrase and its opposite ("It speeds
    up the heart rate", "It slows the heart rate")."""
    middle_a, middle_b, after = difference(a, b)
    if frozenset({middle_a, middle_b}) not in OPPOSITES:
        return False
    naming = {middle_a, middle_b} <= _NAMING and after and after not in STOPWORDS
    return not naming


def opposite_pairs(options: Iterable[str]) -> list[tuple[int, int]]:
    """The (i, j) of every two options that say opposite things (:func:`opposed`)."""
    return [(i, j) for (i, a), (j, b) in combinations(enumerate(options), 2) if opposed(a, b)]
