"""False statements that say of one member of a contrasting pair what the text says of
the other: "slow earthquakes" for "fast earthquakes", "nonemotional lures" for
"emotional lures", "rural schools" for "urban schools".

A text that names two kinds of one thing, told apart by opposite modifiers, usually says
different things of each; the student must know which was which. The pair is read from
the text's own terms: one head noun, and modifiers that are opposites by a negating
prefix ("emotional" / "nonemotional", "formal" / "informal") or by a short table of
general English opposites ("slow" / "fast", "local" / "regional", "rural" / "urban").
Nothing here knows a field.

A swap is made only where it cannot leave the statement true: the statement names one
member of the pair and not the other, it does not say "both", and no sentence of the
text says nearly the same of the other member.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Opposite modifiers of general English (either order).
_OPPOSITE_PAIRS = (
    ("slow", "fast"),
    ("slow", "rapid"),
    ("local", "regional"),
    ("local", "global"),
    ("local", "national"),
    ("regional", "national"),
    ("rural", "urban"),
    ("high", "low"),
    ("short", "long"),
    ("early", "late"),
    ("male", "female"),
    ("public", "private"),
    ("internal", "external"),
    ("direct", "indirect"),
    ("positive", "negative"),
    ("primary", "secondary"),
    ("small", "large"),
    ("young", "old"),
    ("younger", "older"),
    ("domestic", "foreign"),
    ("individual", "structural"),
    ("individual", "collective"),
    ("formal", "informal"),
    ("upper", "lower"),
    ("inner", "outer"),
    ("northern", "southern"),
    ("eastern", "western"),
    ("acute", "chronic"),
    ("qualitative", "quantitative"),
    ("explicit", "implicit"),
    ("active", "passive"),
    ("static", "dynamic"),
)
_OPPOSITE = frozenset(frozenset(pair) for pair in _OPPOSITE_PAIRS)
_NEGATING_PREFIXES = ("non-", "non", "un", "in", "im", "ir", "il", "dis", "anti-", "anti")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")
_BOTH_RE = re.compile(r"\b(?:both|either|neither|each)\b", re.IGNORECASE)
#: Share of the false statement's content words that a sentence naming the other member
#: may hold before that sentence is taken to say the same of it.
MAX_SHARED = 0.8
_FUNCTION = frozenset(
    re.findall(
        r"\w+",
        "the a an of in on at to for from by with and or but is are was were be been has have "
        "had that this these those it its their than as",
    )
)


@dataclass(frozen=True)
class OppositeSwap:
    statement: str  # the false statement
    said: str  # the member the text names
    put: str  # the other member, put in its place


def opposite(a: str, b: str) -> bool:
    """Two modifiers of opposite sense."""
    x, y = a.lower(), b.lower()
    if frozenset((x, y)) in _OPPOSITE:
        return True
    for short, long in ((x, y), (y, x)):
        for prefix in _NEGATING_PREFIXES:
            if long == prefix + short and len(short) >= 4:
                return True
    return False


def opposite_pairs(terms: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs of terms of one head noun whose modifiers are opposites, differing in one
    word ("slow earthquakes" / "fast earthquakes")."""
    pairs = []
    for k, a in enumerate(terms):
        wa = a.split()
        for b in terms[k + 1 :]:
            wb = b.split()
            if len(wa) != len(wb) or len(wa) < 2 or wa[-1].lower() != wb[-1].lower():
                continue
            differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x.lower() != y.lower()]
            if len(differ) == 1 and opposite(*differ[0]):
                pairs.append((a, b))
    return pairs


def text_pairs(sentences: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs the text names itself: two phrases of a modifier and one noun, the
    modifiers opposites ("slow earthquakes" … "fast earthquakes"). A modifier coordinated
    with its opposite ("slow and fast earthquakes") counts for both."""
    bigrams: set[tuple[str, str]] = set()
    for sentence in sentences:
        words = [w.lower() for w in _WORD_RE.findall(sentence)]
        for k in range(len(words) - 1):
            bigrams.add((words[k], words[k + 1]))
        for k in range(len(words) - 3):
            if words[k + 1] in ("and", "or") and opposite(words[k], words[k + 2]):
                bigrams.add((words[k], words[k + 3]))
    pairs = []
    for first, noun in sorted(bigrams):
        if noun in _FUNCTION or first in _FUNCTION or len(noun) < 4:
            continue
        for other, noun2 in sorted(bigrams):
            if noun2 == noun and first < other and opposite(first, other):
                pairs.append((f"{first} {noun}", f"{other} {noun}"))
    return pairs


#: A pair whose one member the text names this many times as often as the other is a
#: topic and its complement ("homeless people" / "non-homeless people"), not two kinds
#: the text tells apart: statements about the topic, said of the complement, read as
#: nonsense.
MAX_MENTION_RATIO = 3


def _mentions(phrase: str, sentences: Sequence[str]) -> int:
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)
    return sum(len(pattern.findall(s)) for s in sentences)


def _balanced(a: str, b: str, sentences: Sequence[str]) -> bool:
    counts = sorted((_mentions(a, sentences), _mentions(b, sentences)))
    if _by_prefix(a, b) and counts[0] < 2:
        return False  # "non-homeless people" named once: a comparison group, not a kind
    return counts[0] == 0 or counts[1] <= MAX_MENTION_RATIO * counts[0]


def _by_prefix(a: str, b: str) -> bool:
    """The pair's modifiers are opposites by a negating prefix ("non-", "un-")."""
    x, y = (w.lower() for w in (a.split()[0], b.split()[0]))
    return frozenset((x, y)) not in _OPPOSITE


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD_RE.findall(text) if w.lower() not in _FUNCTION}


def opposite_swaps(
    statement: str, terms: Sequence[str], sentences: Sequence[str]
) -> list[OppositeSwap]:
    """Each false statement that puts the other member of a contrasting pair in place of
    the one ``statement`` names."""
    if _BOTH_RE.search(statement):
        return []
    swaps = []
    pairs = dict.fromkeys([*opposite_pairs(terms), *text_pairs(sentences)])
    for a, b in pairs:
        if not _balanced(a, b, sentences):
            continue
        for said, put in ((a, b), (b, a)):
            here = list(re.finditer(rf"(?<![\w-]){re.escape(said)}(?![\w-])", statement, re.I))
            if len(here) != 1 or re.search(
                rf"(?<![\w-]){re.escape(put)}(?![\w-])", statement, re.I
            ):
                continue
            differ = zip(said.split(), put.split(), strict=True)
            modifier = next((y for x, y in differ if x.lower() != y.lower()), put)
            if re.search(rf"(?<![\w-]){re.escape(modifier)}(?![\w-])", statement, re.I):
                continue  # "internal and external effects": both members are named
            match = here[0]
            text = match.group()
            new = put if not text[:1].isupper() else put[:1].upper() + put[1:]
            false = statement[: match.start()] + new + statement[match.end() :]
            words = _content(false) - _content(put)
            if any(
                re.search(rf"(?<![\w-]){re.escape(put)}(?![\w-])", s, re.I)
                and len(words & _content(s)) >= MAX_SHARED * max(1, len(words))
                for s in sentences
            ):
                continue  # the text says much the same of the other member
            if match.start() == 0 and not text[1:2].isupper():
                text = text[:1].lower() + text[1:]  # capitalised only to open the statement
            swaps.append(OppositeSwap(false, text, put))
    return swaps
