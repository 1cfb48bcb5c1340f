"""False statements that swap the two sides of a stated preference or correction.

"The review focuses on the social aspects rather than on the technical ones" becomes
"The review focuses on the technical ones rather than on the social aspects": the text
chose one side over the other, and the false statement chooses the other. The same for
"instead of" and "not A but B". Both sides are the text's own words; nothing is negated
or invented, and the student must know which side the text took.

Only parallel sides are swapped, so that each reads well in the other's place: both open
with the same preposition or "to" ("on A rather than on B", "to A rather than to B"), or
"not A but B" with sides of the same shape. A side that runs past a clause boundary, or a
statement with two such cues, is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words a parallel side may open with.
_OPENERS = (
    "on|in|to|at|by|for|from|with|into|through|toward|towards|against|about|over|under|"
    "among|between|within|as"
)
_CUE_RE = re.compile(r",?\s+(rather than|instead of)\s+", re.IGNORECASE)
_NOT_BUT_RE = re.compile(
    rf"\bnot\s+((?:{_OPENERS})\s+[^,;:()]+?),?\s+but\s+((?:{_OPENERS})\s+[^,;:()]+?)"
    r"(?=\s*(?:[,;:.)]|$))",
    re.IGNORECASE,
)
#: Longest side, in words.
MAX_SIDE_WORDS = 14
_SIDE_END_RE = re.compile(r"[,;:()]|\s+(?:and|but|which|who|whereas|while|because)\s+")


@dataclass(frozen=True)
class SideSwap:
    statement: str  # the false statement
    chosen: str  # the side the text chose
    other: str  # the side it set aside


def side_swaps(statement: str) -> list[SideSwap]:
    """The false statement that takes the side the text set aside, or none."""
    body = statement.rstrip(". ")
    cues = list(_CUE_RE.finditer(body)) + list(_NOT_BUT_RE.finditer(body))
    if len(cues) != 1:
        return []
    if _NOT_BUT_RE.search(body):
        match = _NOT_BUT_RE.search(body)
        assert match is not None
        other, chosen = match.group(1), match.group(2)
        if not _parallel(other, chosen):
            return []
        swapped = body[: match.start(1)] + chosen + body[match.end(1) : match.start(2)] + other
        return [SideSwap(swapped + body[match.end(2) :] + ".", chosen, other)]
    cue = cues[0]
    after = body[cue.end() :]
    end = _SIDE_END_RE.search(after)
    other = after[: end.start()] if end else after
    opener = other.split(" ", 1)[0]
    if not re.fullmatch(_OPENERS, opener, re.IGNORECASE):
        return []
    before = body[: cue.start()]
    start = before.lower().rfind(f" {opener.lower()} ")
    if start < 0:
        return []
    chosen = before[start + 1 :]
    if _SIDE_END_RE.search(chosen) or not _parallel(chosen, other):
        return []
    swapped = (
        before[: start + 1] + other + body[cue.start() : cue.end()] + chosen
        + (after[end.start() :] if end else "")
    )  # fmt: skip
    return [SideSwap(swapped + ".", chosen, other)]


def _parallel(a: str, b: str) -> bool:
    """Two sides that can trade places: each short, each with some content after its
    opener, and neither holding the other."""
    wa, wb = a.split(), b.split()
    if not (2 <= len(wa) <= MAX_SIDE_WORDS and 2 <= len(wb) <= MAX_SIDE_WORDS):
        return False
    if wa[0].lower() != wb[0].lower():
        return False
    return a.casefold() not in b.casefold() and b.casefold() not in a.casefold()
