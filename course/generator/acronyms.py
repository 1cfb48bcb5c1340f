"""Link acronyms to their expansions ("First Five-Year Plan ... FFYP").

A simplified, stricter Schwartz-Hearst match: every letter of the acronym
must be the first letter of a word of the long form, in order, and every
word of the long form must supply a letter, except function words ("Bill of
Rights") and the later halves of hyphenated words ("All-Hazard" gives A).
Strictness matters more than recall here: a wrong expansion would teach a
wrong fact, a missing one only leaves the acronym unexplained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .candidates import Mention, TokenizedSentence, acronym_key
from .lexicon import STOPWORDS
from .tokens import Token


@dataclass(frozen=True)
class Expansion:
    """An acronym and the phrase it abbreviates, as written in the text."""

    acronym_key: tuple[str, ...]
    long_form: Mention


@dataclass(frozen=True)
class _Piece:
    text: str
    optional: bool  # a function word or the tail of a hyphenated word


def acronym_letters(acronym: str) -> str:
    """Letters a long form must supply: all of them, or the capitals of "VTsSPS"."""
    base = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    letters = [c for c in base if c.isalpha()]
    if all(c.isupper() for c in letters):
        return "".join(letters)
    return "".join(c for c in letters if c.isupper())


def _pieces(tokens: list[Token]) -> list[_Piece]:
    pieces = []
    for token in tokens:
        parts = [p for p in token.text.split("-") if p]
        for n, part in enumerate(parts):
            # A capitalised function word belongs to the name ("All-Hazard ...").
            function_word = part.lower() in STOPWORDS and not part[0].isupper()
            pieces.append(_Piece(part, optional=n > 0 or function_word))
    return pieces


def matches(letters: str, tokens: list[Token]) -> bool:
    """Whether ``tokens`` spell ``letters`` by initials (see module docstring)."""
    pieces = _pieces(tokens)
    if not pieces or not letters or pieces[0].optional:
        return False

    def walk(li: int, pi: int) -> bool:
        if pi == len(pieces):
            return li == len(letters)
        piece = pieces[pi]
        if li < len(letters) and piece.text[0].upper() == letters[li] and walk(li + 1, pi + 1):
            return True
        return piece.optional and walk(li, pi + 1)

    return walk(0, 0)


def long_form_before(sentence: TokenizedSentence, index: int, letters: str) -> list[Token]:
    """Shortest word span right before "(ACRONYM)" that the acronym abbreviates."""
    tokens = sentence.tokens
    if index == 0 or not tokens[index - 1].break_after:
        return []
    start = index - 1
    while start > 0 and not tokens[start - 1].break_after:
        start -= 1
    window = tokens[start:index]
    for length in range(1, min(len(window), len(letters) + 3) + 1):
        span = window[-length:]
        if matches(letters, span):
            return span
    if window and _spells_within(letters, window[-1].text):
        return window[-1:]
    return []


#: The longest acronym a single word is taken to abbreviate ("osteoarthritis (OA)").
MAX_ONE_WORD_ACRONYM = 3


def _spells_within(letters: str, word: str) -> bool:
    """One word right before "(ACR)" that starts with the acronym's first letter and holds
    the rest in order, as a compound's parts: "osteoarthritis (OA)", "electroencephalogram
    (EEG)". Only for short acronyms of a long word, so chance matches stay rare."""
    if not 2 <= len(letters) <= MAX_ONE_WORD_ACRONYM or len(word) < 4 * len(letters):
        return False
    if not word[:1].isalpha() or word[0].upper() != letters[0]:
        return False
    rest = word[1:].upper()
    position = 0
    for letter in letters[1:]:
        position = rest.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _long_form_after(sentence: TokenizedSentence, token: Token, letters: str) -> list[Token]:
    """The words in brackets right after an acronym, when they spell it:
    "SPRT (Shortest Remaining Process Time)"."""
    opened = re.match(r"\s*\(([^()]*)\)", sentence.text[token.end :])
    if opened is None:
        return []
    close = token.end + opened.end()
    span = [t for t in sentence.tokens if token.end < t.start < close]
    return span if matches(letters, span) else []


def _in_parentheses(sentence: TokenizedSentence, token: Token) -> bool:
    before = sentence.text[: token.start].rstrip()
    after = sentence.text[token.end :].lstrip("s").lstrip()
    return before.endswith("(") and after.startswith(")")


def _mention_of(sentence: TokenizedSentence, span: list[Token]) -> Mention:
    units: list[str] = []
    for token in span:
        units.extend(token.units)
    return Mention(
        key=tuple(units),
        surface=sentence.text[span[0].start : span[-1].end],
        sentence=sentence.index,
        start=span[0].start,
        kind="expansion",
        initial=span[0].initial,
        words=len(span),
    )


def find_expansions(
    sentences: list[TokenizedSentence], names: list[Mention]
) -> dict[tuple[str, ...], Expansion]:
    """Expansion of each acronym that has one, keyed by the acronym's key.

    First choice is the pattern "long form (ACR)", then "ACR (long form)". Failing that, a
    capitalised name anywhere in the text whose initials spell the acronym
    ("the First Five-Year Plan ... the FFYP"); lower-case phrases are not
    searched that way, since too many of them match short acronyms by chance.
    """
    found: dict[tuple[str, ...], Expansion] = {}
    pending: dict[tuple[str, ...], str] = {}
    for sentence in sentences:
        for token in sentence.tokens:
            if not token.acronym:
                continue
            key = acronym_key(token.text)
            letters = acronym_letters(token.text)
            if key in found or len(letters) < 2 or not token.text[0].isupper():
                continue
            span = []
            if _in_parentheses(sentence, token):
                span = long_form_before(sentence, token.index, letters)
            span = span or _long_form_after(sentence, token, letters)
            if span:
                found[key] = Expansion(key, _mention_of(sentence, span))
                pending.pop(key, None)
                continue
            pending.setdefault(key, letters)

    by_sentence = {s.index: s for s in sentences}
    for key, letters in pending.items():
        for name in names:
            if name.words < 2 or name.kind != "name":
                continue
            sentence = by_sentence[name.sentence]
            span = [
                t for t in sentence.tokens if name.start <= t.start < name.start + len(name.surface)
            ]
            if matches(letters, span):
                found[key] = Expansion(key, name)
                break
    return found
