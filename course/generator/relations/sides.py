"""A cue's two sides, tidied and checked, or no relation at all.

This is where the rules prefer silence to a guess: a side that would be a
fragment (empty, a bare relative pronoun, unbalanced brackets, ending on a
function word) or a cue the sentence denies ("did not lead to") yields nothing.
Every detector reports through :func:`_found`, so the check is the same for
every kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Form, Kind
from .words import _FUNCTION_WORDS, _TIME_RE, _WORD_RE, _words

_CITATION_TAIL_RE = re.compile(r"(?:\s+\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)+$")
_EDGE_JUNK = " ,;:.\u2013\u2014-"


_INSERTED_RE = re.compile(
    r",\s+(?:however|therefore|thus|moreover|furthermore|in turn|for example|for instance|"
    r"in fact|indeed|though|then|too),(?=\s)",
    re.IGNORECASE,
)


def _tidy(text: str) -> str:
    """A side as a clean phrase: no edge punctuation, inserted connective or trailing
    citation numbers."""
    text = _INSERTED_RE.sub("", text)
    text = text.strip().strip(_EDGE_JUNK).strip()
    text = _CITATION_TAIL_RE.sub("", text).rstrip(_EDGE_JUNK)
    return text.strip()


def _balanced(text: str) -> bool:
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return False
    return text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")


_BAD_OPENERS = _words("and or but nor which who whom whose that where when while")
_BAD_ENDINGS = _FUNCTION_WORDS - _words("it them us all both this these that those")


def _clean_side(text: str, form: Form) -> str:
    """``text`` tidied, or "" when it would be a fragment."""
    text = _tidy(text)
    words = _WORD_RE.findall(text)
    if not words or not _balanced(text):
        return ""
    if not any(w[0].isalpha() for w in words) and not (form == "noun" and _TIME_RE.search(text)):
        return ""
    if words[0].lower() in _BAD_OPENERS or words[-1].lower() in _BAD_ENDINGS:
        return ""
    if form == "clause" and len(words) < 3:
        return ""
    return text


#: A cue right after one of these is denied, not stated ("did not lead to").
_NEGATED_RE = re.compile(
    r"(?:\bnot|\bnever|\bno|n't|\bhardly|\bseldom|\brarely)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class _Found:
    kind: Kind
    lemma: str
    start: int  # of the cue, for ordering
    cue: str
    left: str
    right: str
    left_form: Form
    right_form: Form
    previous: bool = False


def _found(
    kind: Kind,
    lemma: str,
    match: re.Match[str],
    left: str,
    right: str,
    forms: tuple[Form, Form],
    *,
    previous: bool = False,
    cue: str | None = None,
) -> Iterator[_Found]:
    """Yield the relation when both sides are clean and the cue is not denied."""
    if _NEGATED_RE.search(match.string, 0, match.start()):
        return
    left_clean = left if previous else _clean_side(left, forms[0])
    right_clean = _clean_side(right, forms[1])
    if left_clean and right_clean and left_clean.casefold() != right_clean.casefold():
        text = cue if cue is not None else match.group("cue")
        yield _Found(
            kind, lemma, match.start(), _tidy(text), left_clean, right_clean, *forms, previous
        )
