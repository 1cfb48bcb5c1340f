"""Sequence: events in time ("began to", "from 1918 to the 1990s", "since 1994",
"After X, Y", "followed by").

A span is reported only when both ends are times, and an anchor only when no
relative clause could own the time, so "from zooplankton to fish" is no
sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .clauses import _Sentence
from .model import Form
from .sides import _Found, _found
from .words import (
    _ADVERBS,
    _AUX,
    _BE,
    _HAVE,
    _TIME_RE,
    _WORD_RE,
    _first_word,
    _is_finite,
    _is_verb_base,
    _strip_adverbs,
    has_finite,
)

_BEGAN_RE = re.compile(
    rf"(?P<cue>\b{_HAVE}?{_ADVERBS}?(?:began|begun|begins?|started|starts)\s+(?:to\s+)?)"
    r"(?P<next>[\w-]+)",
    re.IGNORECASE,
)
_FROM_TO_RE = re.compile(
    r"(?P<cue>\bfrom)\s+(?P<a>[^,;:()]{1,80}?)\s+(?P<sep>to|until|till)\s+(?P<b>[^,;:()]{1,100})",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(
    r"(?P<cue>\bbetween)\s+(?P<a>[^,;:()]{1,40}?)\s+(?P<sep>and)\s+(?P<b>[^,;:()]{1,60})",
    re.IGNORECASE,
)
_ANCHOR_RE = re.compile(
    r"(?P<cue>\b(?:from|since))\s+"
    r"(?P<time>(?:(?!(?:to|until|till|through|and)\b)[\w'-]+\s+){0,6}?(?:1[5-9]\d\d|20\d\d)s?)\b"
    r"(?!\s*(?:to|until|till|through|and)\b)",
    re.IGNORECASE,
)
_AFTER_START_RE = re.compile(r"(?P<cue>After|Following|Before|Prior to)\s+(?!all\b)")
_FOLLOWED_BY_RE = re.compile(rf"(?P<cue>(?:,|\b{_BE}{_ADVERBS}?)\s*followed\s+by)\s+")


def _sequence(s: _Sentence) -> Iterator[_Found]:
    for match in _BEGAN_RE.finditer(s.text):
        nxt = match.group("next")
        infinitive = match.group("cue").lower().rstrip().endswith(" to")
        if not (_is_verb_base(nxt) if infinitive else nxt.lower().endswith("ing")):
            continue
        left = _strip_adverbs(s.text[s.clause_start(match.start()) : match.start()])
        if _first_word(left) in ("which", "that", "who", "it"):
            continue
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        yield from _found("sequence", "begin", match, left, right, ("noun", "predicate"))
    for match in [*_FROM_TO_RE.finditer(s.text), *_BETWEEN_RE.finditer(s.text)]:
        a = match.group("a")
        b = match.group("b")
        b = b[: _Sentence(b).clause_end(0, phrase=True)]
        if match.group("cue").lower() == "between":
            # "The study period is between 2015 and 2018" is a span, not a development.
            before = s.text[s.clause_start(match.start()) : match.start()]
            verbs = [w for w in _WORD_RE.findall(before)[1:] if _is_finite(w)]
            if not verbs or all(w.lower() in _AUX for w in verbs):
                continue
        if not (_TIME_RE.search(a) and _TIME_RE.search(b)):
            continue  # "from zooplankton to fish" is a range, not a sequence
        lemma = "between-and" if match.group("sep").lower() == "and" else "from-to"
        yield from _found("sequence", lemma, match, a, b, ("noun", "noun"))
    for match in _ANCHOR_RE.finditer(s.text):
        start = s.clause_start(match.start())
        if start == match.start() or (match.start() <= s.intro_end and start == s.intro_end):
            after = match.end()
            clause = s.text[after : s.clause_end(after, phrase=False)]
        else:
            clause = s.text[start : match.start()]
        if re.search(r"\b(?:which|that|who|whom|where)\b", clause):
            continue  # the time may belong to a relative clause inside it
        lemma = match.group("cue").lower()
        yield from _found("sequence", lemma, match, match.group("time"), clause, ("noun", "clause"))
    for offset in s.openings:
        opening = _AFTER_START_RE.match(s.text, offset)
        comma = s.text.find(", ", opening.end()) if opening else -1
        if not opening or comma < 0:
            continue
        event = s.text[opening.end() : comma]
        start = s._skip_intro(comma + 2)
        main = s.text[start : s.clause_end(start, phrase=False)]
        form: Form = "clause" if has_finite(event) else "noun"
        lemma = opening.group("cue").lower()
        if lemma in ("before", "prior to"):
            yield from _found("sequence", lemma, opening, main, event, ("clause", form))
        else:
            yield from _found("sequence", "after", opening, event, main, (form, "clause"))
    for match in _FOLLOWED_BY_RE.finditer(s.text):
        start = s.clause_start(match.start())
        left = s.text[start : match.start()]
        form = "clause" if match.group("cue").startswith(",") else "noun"
        right = s.text[match.end() : s.clause_end(match.end(), phrase=True)]
        yield from _found("sequence", "followed by", match, left, right, (form, "noun"))
