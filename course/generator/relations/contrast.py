"""Contrast: two sides the text sets against each other ("X, but Y", "whereas",
"While X, Y", "despite", "rather than", "no longer").

Left is the side set aside or conceded, right the side the text asserts; for
"no longer" the subject and what stopped being.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .clauses import _LIST_TAIL_RE, _Sentence
from .model import Form
from .sides import _Found, _found
from .words import (
    _BE,
    _HAVE,
    _PREPOSITIONS,
    _WORD_RE,
    _first_word,
    _last_word,
    _starts_predicate,
    _strip_adverbs,
    has_finite,
)

_CONTRAST_MID_RE = re.compile(
    r"(?P<cue>,\s+but|\s+but(?=\s+(?:there|it|we|they|this|these|those|he|she|I)\b)|"
    r",?\s+whereas|,\s+while(?!\s+\w+ing\b)|,\s+(?:even\s+)?(?:although|though)|,\s+yet)\s+"
)
_CONCESSION_START_RE = re.compile(
    r"(?P<cue>While|Whereas|Although|Though|Even though|Despite|In spite of|Unlike|"
    r"In contrast to|Notwithstanding)\s+",
    re.IGNORECASE,
)


def _contrast(s: _Sentence, previous: str | None) -> Iterator[_Found]:
    for match in _CONTRAST_MID_RE.finditer(s.text):
        cue = match.group("cue").strip(" ,")
        rest = s.text[match.end() :]
        if cue == "but" and re.match(r"also\b", rest):
            continue
        start = s.clause_start(match.start())
        left = s.text[start : match.start()]
        if re.search(r"\bnot only\b", left, re.IGNORECASE) or _last_word(left) in (
            "nothing",
            "all",
        ):
            continue
        if cue in ("while", "whereas") and match.start() < s.intro_end:
            continue
        right = s.text[match.end() : s.clause_end(match.end(), phrase=False)]
        right_form: Form = "predicate" if _starts_predicate(right) else "clause"
        if len(_WORD_RE.findall(right)) < 3 or _first_word(right) in _PREPOSITIONS:
            continue  # ", while in no way conclusive,": no clause to contrast
        lemma = cue.split()[-1]
        if lemma in ("although", "though"):
            # The concession comes second: it is the side set aside.
            yield from _found("contrast", lemma, match, right, left, (right_form, "clause"))
        else:
            yield from _found("contrast", lemma, match, left, right, ("clause", right_form))
    for match in re.finditer(r"(?P<cue>,?\s+(?:despite|in spite of))\s+", s.text):
        if match.start() < s.intro_end:
            continue
        left = s.text[s.clause_start(match.start()) : match.start()]
        right = s.text[match.end() : s.clause_end(match.end(), phrase=True)]
        yield from _found("contrast", "despite", match, right, left, ("noun", "clause"))
    for match in re.finditer(r"(?P<cue>,\s+(?:rather than|instead of))\s+", s.text):
        left = s.text[s.clause_start(match.start()) : match.start()]
        end = s.clause_end(match.end(), phrase=True)
        comma = s.text.find(", ", match.end(), end)
        right = s.text[match.end() : comma if comma > 0 else end]
        lemma = match.group("cue").strip(" ,")
        yield from _found("contrast", lemma, match, right, left, ("noun", "clause"))
    yield from _concessions(s)
    yield from _no_longer(s)


def _concessions(s: _Sentence) -> Iterator[_Found]:
    """ "While X, Y" / "Despite X, Y" / "Unlike X, Y" at the start of the sentence."""
    for offset in s.openings:
        match = _CONCESSION_START_RE.match(s.text, offset)
        if not match:
            continue
        comma = s.text.find(", ", match.end())
        if comma < 0:
            continue
        listed = _LIST_TAIL_RE.match(s.text, comma + 2)
        if listed:
            comma = listed.end() - 2  # "Despite advances in techniques, methods, and theory, "
        conceded = s.text[match.end() : comma]
        lemma = match.group("cue").lower()
        form: Form = "clause" if lemma in ("while", "whereas", "although", "though") else "noun"
        if form == "clause" and not has_finite(conceded):
            continue
        start = s._skip_intro(comma + 2)
        main = s.text[start : s.clause_end(start, phrase=False)]
        yield from _found("contrast", lemma.split()[-1], match, conceded, main, (form, "clause"))


_NO_LONGER_RE = re.compile(
    rf"(?P<cue>\b(?:{_BE}|{_HAVE})?no longer)\s+(?P<next>[\w'-]+)", re.IGNORECASE
)


def _no_longer(s: _Sentence) -> Iterator[_Found]:
    for match in _NO_LONGER_RE.finditer(s.text):
        left = _strip_adverbs(s.text[s.clause_start(match.start()) : match.start()])
        if _first_word(left) in ("which", "that", "who", "it"):
            continue
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        yield from _found("contrast", "no longer", match, left, right, ("noun", "predicate"))
