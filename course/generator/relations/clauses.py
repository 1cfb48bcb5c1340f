"""Clause boundaries: where the sides of a cue start and end.

A sentence is cut with punctuation and conjunction patterns instead of a parse:
a clause starts after a semicolon or colon, after a comma and a conjunction,
before a relative or subject pronoun, or after "that"/"how" following a
reporting verb, and past any introductory phrase ("However, despite much
activity, "); it ends at the next such boundary. :func:`subject_of` reads a
clause's subject the same way (lesson objectives use it too).
"""

from __future__ import annotations

import re

from .sides import _clean_side, _tidy
from .words import (
    _DETERMINERS,
    _INTRO_WORDS,
    _IRREGULAR_PAST,
    _PREPOSITIONS,
    _WORD_RE,
    _first_word,
    _is_adverb,
    _is_finite,
    _words,
)

#: Where a clause ends going forwards, in either mode.
_CLAUSE_END_RE = re.compile(
    r"\s*;\s|:\s|\s[\u2013\u2014]\s|\s-\s|[?!]|\.(?=[A-Z][a-z])|\.\s*$"
    r"|,\s+(?=(?:but|whereas|while|although|though|because|since|so|yet|thus|hence|"
    r"therefore|thereby|leading|resulting|unlike|except)\b)"
    r"|\s+(?=(?:but|whereas|because|so that|in order to|so as to|and thereby|and thus|"
    r"and therefore|and hence)\b)"
    r"|,\s+(?:and\s+)?(?=(?:we|they|he|she|I|there)\b)"
    r"|,\s+(?=(?:which|who|whom|whose|where)\b)"
    # "..., a fact that universities will have to consider": a comment on the clause.
    r"|,\s+(?=(?:a|an)\s+[\w-]+\s+(?:that|which)\b)"
)
#: ... and where a phrase (noun phrase or predicate) ends as well: before a
#: coordinated verb ("... and should be changed", "..., and peaked in 1989").
_PHRASE_END_RE = re.compile(
    r",?\s+and\s+(?=(?:\w+ly\s+)?(?:is|are|was|were|has|have|had|will|would|can|could|"
    r"should|must|may|might|did|does|\w{3,}ed|" + "|".join(sorted(_IRREGULAR_PAST)) + r")\b)"
)


#: The rest of a list an introductory phrase's comma falls inside: "methods, and theory, ".
_LIST_TAIL_RE = re.compile(
    r"(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?:and|or)\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s"
)


class _Sentence:
    """A sentence with the clause boundaries the detectors need."""

    def __init__(self, text: str) -> None:
        self.text = text.rstrip()
        #: Where each introductory phrase starts, then where the main clause does:
        #: [0, 9, 32] for "However, despite much activity, it has proved ...".
        self.openings = self._intros(0)
        self.intro_end = self.openings[-1]

    def _intros(self, start: int) -> list[int]:
        positions = [start]
        while True:
            rest = self.text[positions[-1] :]
            word = _first_word(rest)
            comma = rest.find(", ")
            if not word or comma < 0 or not (word in _INTRO_WORDS or _is_adverb(word)):
                return positions
            listed = _LIST_TAIL_RE.match(rest, comma + 2)
            if listed:
                comma = listed.end() - 2  # "Despite advances in techniques, methods, and theory, "
            chunk = rest[:comma]
            if chunk.count("(") != chunk.count(")") or len(chunk.split()) > 25:
                return positions
            positions.append(positions[-1] + comma + 2)

    def _skip_intro(self, start: int) -> int:
        """Past any introductory phrases ("However, despite much activity, ") at ``start``."""
        return self._intros(start)[-1]

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding ``pos``, past its introductory phrase."""
        start = 0
        for match in _CLAUSE_START_RE.finditer(self.text, 0, pos):
            if match.end() <= pos:
                start = max(start, match.end())
        for match in _COMPLEMENTIZER_RE.finditer(self.text, 0, pos):
            if match.end() <= pos and _is_reporting_verb(match.group("verb")):
                start = max(start, match.end())
        start = max(start, self.intro_end) if start < self.intro_end <= pos else start
        skipped = self._skip_intro(start)
        return skipped if skipped <= pos else start

    def clause_end(self, pos: int, *, phrase: bool) -> int:
        """End of the clause (or phrase) that starts at or continues from ``pos``."""
        end = len(self.text)
        match = _CLAUSE_END_RE.search(self.text, pos)
        while match and match.group().startswith(",") and _embedded(self.text, match.end()):
            match = _CLAUSE_END_RE.search(self.text, _embedded(self.text, match.end()))
        if match:
            end = match.start()
        if phrase:
            cut = _PHRASE_END_RE.search(self.text, pos, end)
            if cut:
                end = cut.start()
        return end


#: Clause starts going backwards: after a semicolon or colon, after a comma and
#: a conjunction, before a relative pronoun or a subject pronoun after a comma.
_CLAUSE_START_RE = re.compile(
    r";\s+|:\s+|\s[\u2013\u2014]\s|\.(?=[A-Z][a-z])"
    r"|,\s+(?:and|but|or|yet|so|while|whereas|although|though|because|since|unless|if)\s+"
    r"|,\s+(?=(?:which|who|whom|whose|where|we|they|he|she|I|there)\b)"
    r"|\s(?:but|whereas|because)\s"
)
#: "that"/"how" opening a clause after a verb: "believed that ...", "explain how ...".
_COMPLEMENTIZER_RE = re.compile(r"\b(?P<verb>[\w-]+)\s+(?:that|how|why|whether)\s+", re.IGNORECASE)
_REPORTING_BASES = _words(
    "explain show suggest argue find note state claim examine describe reveal indicate "
    "demonstrate conclude believe assume know say think consider"
)


def _embedded(text: str, pos: int) -> int:
    """End of a ", which ..., " insertion starting at ``pos`` followed by the main verb, or 0."""
    if not re.match(r"(?:which|who|whom|whose|where)\b", text[pos:]):
        return 0
    close = text.find(", ", pos)
    if close < 0:
        return 0
    after = _WORD_RE.findall(text[close + 2 : close + 60])
    words = [w for w in after[:2] if not _is_adverb(w.lower())]
    return close + 2 if words and _is_finite(words[0]) else 0


def _is_reporting_verb(word: str) -> bool:
    word = word.lower()
    return _is_finite(word) or word in _REPORTING_BASES or word.rstrip("s") in _REPORTING_BASES


def subject_of(clause: str) -> str:
    """The words of ``clause`` before its first finite verb, or "" when none is found.

    "Socialist competition and the shock work movement were dual axes ..." gives
    "Socialist competition and the shock work movement".
    """
    words = list(_WORD_RE.finditer(clause))
    for n, match in enumerate(words):
        word = match.group().lower()
        prev = words[n - 1].group().lower() if n else ""
        if n == 0 or prev in _DETERMINERS or prev in _PREPOSITIONS or prev in ("and", "or"):
            continue
        if _is_finite(word) or (
            _is_adverb(word) and n + 1 < len(words) and _is_finite(words[n + 1].group())
        ):
            subject = _tidy(clause[: match.start()])
            return subject if _clean_side(subject, "noun") else ""
    return ""
