"""Connectives that relate a sentence to the one before it ("Thus, ...",
"However, ...", "Second, ...", "X, however, Y").

The previous sentence is the left side; the kind (result, contrast or
sequence) comes from the connective.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .clauses import _Sentence
from .model import Kind
from .sides import _clean_side, _Found, _found, _tidy
from .words import _words

_CONNECTIVE_RE = re.compile(
    r"(?P<cue>Thus|Therefore|Hence|Consequently|As a result|As a consequence|Accordingly|"
    r"For this reason|In consequence|However|In contrast|By contrast|Conversely|"
    r"On the other hand|Nevertheless|Nonetheless|Yet|Instead|Second|Secondly|Third|Thirdly|"
    r"Fourth|Then|Next|Subsequently|Afterwards|Later),\s+"
)
_CONNECTIVE_KINDS: dict[str, Kind] = {
    "thus": "result",
    "therefore": "result",
    "hence": "result",
    "consequently": "result",
    "as a result": "result",
    "as a consequence": "result",
    "accordingly": "result",
    "for this reason": "result",
    "in consequence": "result",
}
_ORDINALS = ("first", "second", "third", "fourth")
_CONTRAST_CONNECTIVES = _words("however yet instead nevertheless nonetheless conversely")


def _previous_side(previous: str) -> str:
    """The previous sentence as a side: from its opening ordinal on, if it has one
    ("Findings were: First, X" gives "X"), else whole."""
    opening = re.search(r"(?:^|:\s+)(?:First(?:ly)?|To begin with),\s+", previous)
    if opening:
        return _tidy(previous[opening.end() :])
    connective = _CONNECTIVE_RE.match(previous)
    return _tidy(previous[connective.end() :] if connective else previous)


_MID_CONNECTIVE_RE = re.compile(
    r",\s+(?P<cue>however|therefore|thus|consequently|in contrast|by contrast|nevertheless|"
    r"nonetheless),(?=\s)"
)


def _connectives(s: _Sentence, previous: str | None) -> Iterator[_Found]:
    """A connective opening the sentence (or set into its first clause, "X, however, Y")
    relates it to the previous one."""
    if not previous:
        return
    match = _CONNECTIVE_RE.match(s.text)
    if match:
        rest = s.text[match.end() :]
        right = rest[: _Sentence(rest).clause_end(0, phrase=False)]
    else:
        match = _MID_CONNECTIVE_RE.search(s.text)
        if not match or s.clause_start(match.start()) != 0:
            return
        right = s.text[: s.clause_end(match.end(), phrase=False)]
    cue = match.group("cue").lower()
    kind: Kind = _CONNECTIVE_KINDS.get(cue, "sequence")
    if cue in _CONTRAST_CONNECTIVES or "contrast" in cue or "other hand" in cue:
        kind = "contrast"
    base = cue.removesuffix("ly")
    if base in _ORDINALS[1:]:
        before = _ORDINALS[_ORDINALS.index(base) - 1]
        if not re.search(rf"(?:^|:\s+){before}(?:ly)?,", previous, re.IGNORECASE):
            return
    left = _previous_side(previous)
    if not _clean_side(left, "clause"):
        return
    yield from _found(
        kind, cue, match, left, right, ("clause", "clause"), previous=True, cue=match.group("cue")
    )
