"""False statements that reverse a finding's direction: "increased" for "decreased", "more
likely" for "less likely", "weakened" for "strengthened".

A statement the text makes about a change or a comparison is made false by turning the
change the other way. The student must know which way the text says it went, which is the
finding itself, and the false statement reads as plausibly as the true one (unlike a
swapped term or an inserted "not"). Only words that state a direction are turned, and only
where they do (not "higher education", "more or less", "lower court").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Each pair: a direction and its opposite, in the forms a sentence uses. A form maps to
#: the same form of the other word.
_PAIRS: tuple[tuple[str, str], ...] = (
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("increased", "decreased"),
    ("increasing", "decreasing"),
    ("rise", "fall"),
    ("rises", "falls"),
    ("rose", "fell"),
    ("risen", "fallen"),
    ("rising", "falling"),
    ("improve", "worsen"),
    ("improves", "worsens"),
    ("improved", "worsened"),
    ("strengthen", "weaken"),
    ("strengthens", "weakens"),
    ("strengthened", "weakened"),
    ("stronger", "weaker"),
    ("positive", "negative"),
    ("positively", "negatively"),
    ("facilitate", "hinder"),
    ("facilitates", "hinders"),
    ("facilitated", "hindered"),
    ("outperform", "underperform"),
    ("outperforms", "underperforms"),
    ("outperformed", "underperformed"),
    ("expand", "shrink"),
    ("expanded", "shrank"),
    ("widened", "narrowed"),
    ("accelerated", "slowed"),
)
_OPPOSITE = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS}
#: Comparatives turn only before "than" ("higher than", "more likely than"), or as
#: "more/less likely": elsewhere they name things ("higher education").
_COMPARATIVES = {
    "higher": "lower",
    "lower": "higher",
    "greater": "smaller",
    "smaller": "greater",
    "larger": "smaller",
    "better": "worse",
    "worse": "better",
    "more": "less",
    "less": "more",
    "faster": "slower",
    "slower": "faster",
}
#: Words that state a direction too, without a form to turn: a statement with one of these
#: and a turned verb would contradict itself ("worsen predictions, but improvements …").
_DIRECTION_NOUNS = frozenset(
    [
        "improvement",
        "improvements",
        "decline",
        "declines",
        "growth",
        "reduction",
        "reductions",
        "gain",
        "gains",
        "loss",
        "losses",
        "rise",
        "increase",
        "decrease",
        "drop",
        "drops",
        "benefit",
        "benefits",
        "harm",
    ]
)
_WORD_RE = re.compile(r"[A-Za-z]+")
_COMPARATIVE_RE = re.compile(
    r"\b(" + "|".join(_COMPARATIVES) + r")\b(?=\s+(?:than\b|likely\b|[a-z]+ly\s+than\b|"
    r"[a-z]+\s+than\b))",
    re.IGNORECASE,
)
#: A direction word inside these is a name or a fixed phrase, not a finding.
_FIXED_RE = re.compile(
    r"\b(?:more or less|less and less|more and more|positive (?:law|psychology|feedback)|"
    r"negative (?:feedback|binomial)|rising star)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reversal:
    statement: str  # the false statement
    said: str  # the text's word
    put: str  # the word put in its place


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def reversals(statement: str) -> list[Reversal]:
    """Each way to make ``statement`` false by turning one stated direction around, in
    order of appearance. None where the statement turns two directions against each other
    ("rose while prices fell"): turning one would leave it half true."""
    if _FIXED_RE.search(statement):
        return []
    spots: list[tuple[int, int, str]] = []
    for match in _WORD_RE.finditer(statement):
        word = match.group().lower()
        opposite = _OPPOSITE.get(word)
        # an aim ("measures to improve access") turned around is absurd, not false
        if opposite and re.search(r"\bto\s+$", statement[: match.start()].lower()):
            return []
        if opposite:
            spots.append((match.start(), match.end(), opposite))
        elif word in _DIRECTION_NOUNS:
            spots.append((match.start(), match.end(), ""))
    for match in _COMPARATIVE_RE.finditer(statement):
        spots.append((match.start(1), match.end(1), _COMPARATIVES[match.group(1).lower()]))
    if len(spots) != 1 or not spots[0][2]:
        return []
    start, end, opposite = spots[0]
    if re.search(r"\bor\s+(?:even\s+)?$", statement[:start], re.IGNORECASE):
        return []  # "comparable or even better": "… or even worse" is not the opposite claim
    said = statement[start:end]
    put = _cased(opposite, said)
    return [Reversal(statement[:start] + put + statement[end:], said, put)]
