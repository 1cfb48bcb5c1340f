"""Word tokens with the features the later stages need, and comparison keys.

A token remembers where it sits in its sentence and whether punctuation
follows it, because candidate phrases never cross punctuation. Each token
also carries *units*: lower-case, singular, hyphen-split pieces, so that
"factory committees", "Factory Committee" and "factory-committee" compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .frequency import is_common
from .weights import COMMON_WORD_ZIPF

#: A word: letters/digits, optionally joined by - . ' & (so "Five-Year",
#: "amazon.com", "AT&T" stay whole) and a plural possessive apostrophe
#: ("workers'", but not the closing quote of 'spoon class').
_TOKEN_RE = re.compile(r"[^\W_]+(?:[-.'&][^\W_]+)*(?:(?<=[^sS][sS])'(?![^\W_]))?")

_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")


@dataclass(frozen=True)
class Token:
    """One word of a sentence."""

    text: str  # surface form, possessive "'s" removed
    start: int  # offset in the sentence
    end: int
    index: int  # position in the sentence's token list
    units: tuple[str, ...]  # comparison key pieces
    initial: bool  # first word of the sentence
    break_after: bool  # punctuation or a possessive separates it from the next word

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def numeric(self) -> bool:
        return any(c.isdigit() for c in self.text) and not self.acronym

    @property
    def acronym(self) -> bool:
        return is_acronym(self.text)


def is_acronym(word: str) -> bool:
    """Two or more capitals making up most of the letters: NEP, iOS, VTsSPS.

    Roman numerals (II, XIV) are excluded: they number things, they do not
    name them.
    """
    letters = [c for c in word if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if upper < 2 or upper * 3 < len(letters) * 2:
        return False
    return not _ROMAN_RE.match(word.replace(".", ""))


@lru_cache(maxsize=16384)
def singular(word: str) -> str:
    """A crude, consistent singular stem for comparison keys only.

    It need not be a real word; it must map a noun's singular and plural to
    the same string ("committee(s)" -> "committ", "apparatus(es)" -> "apparatus",
    "policy/policies" -> "policy"). Trailing e's are dropped from both forms
    so that "-es" and "-s" plurals agree.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    stem = word.rstrip("e")
    return stem if len(stem) >= 3 else word


@lru_cache(maxsize=16384)
def word_units(word: str) -> tuple[str, ...]:
    """Comparison units of one surface word."""
    plain = word.lower().replace("'", "")
    parts = [p for p in plain.split("-") if p]
    return tuple(singular(p) for p in parts) or (plain,)


def phrase_units(text: str) -> tuple[str, ...]:
    """Comparison key of a whole phrase (as produced by :func:`tokenize`)."""
    units: list[str] = []
    for token in tokenize(text):
        units.extend(token.units)
    return tuple(units)


def _glued_spans(text: str, start: int) -> list[tuple[int, int, bool]]:
    """Pieces of one matched word as (start, end, glued), split where a sentence
    or a label was glued on; ``glued`` marks a piece that starts a new sentence.

    A full stop inside a word, after two or more characters and before a
    capitalised word, ends a sentence whose space was lost ("Communist.According",
    "PCD.Free"); "amazon.com", "U.S" and "ASP.NET" stay whole.
    """
    spans: list[tuple[int, int, bool]] = []
    piece_start = 0
    for dot in (m.start() for m in re.finditer(r"\.", text)):
        before, after = text[piece_start:dot], text[dot + 1 :]
        if len(before) >= 2 and after[:1].isupper() and after[1:2].islower():
            spans.append((start + piece_start, start + dot, piece_start > 0))
            piece_start = dot + 1
    spans.append((start + piece_start, start + len(text), piece_start > 0))
    return spans


def tokenize(sentence: str) -> list[Token]:
    """Word tokens of one sentence, in order."""
    spans = [
        span
        for match in _TOKEN_RE.finditer(sentence)
        for span in _glued_spans(match.group(), match.start())
    ]
    tokens: list[Token] = []
    for i, (start, match_end, glued) in enumerate(spans):
        text = sentence[start:match_end]
        possessive = text.lower().endswith("'s") and len(text) > 2
        if possessive:
            text = text[:-2]
        end = start + len(text)
        following = spans[i + 1][0] if i + 1 < len(spans) else len(sentence)
        gap = sentence[match_end:following]
        tokens.append(
            Token(
                text=text,
                start=start,
                end=end,
                index=i,
                units=word_units(text),
                initial=(i == 0 or glued),  # a glued-on sentence's capital is grammatical
                break_after=possessive or bool(gap.strip()),
            )
        )
    return tokens


#: Derivational suffixes that turn a proper name into a word for its followers
#: or doctrine: Marx -> Marxist(s), Marxism; Hegel -> Hegelian(s).
DERIVATIONAL_SUFFIXES = ("ists", "ist", "isms", "ism", "ians", "ian")
#: Adherent nouns among them: "Stalinists" are people, "Stalinism" is a doctrine.
ADHERENT_SUFFIXES = ("ists", "ist", "ians", "ian")
#: A shorter stem is too often a mere word start ("Art" -> "Artist").
MIN_DERIVATION_STEM = 4


def derivation_stem(word: str, suffixes: tuple[str, ...] = DERIVATIONAL_SUFFIXES) -> str:
    """The capitalised name a derived word is built on ("Marxists" -> "Marx"), or "".

    The stem must be a name, not an everyday word that happens to start the
    derived one: "Journalists" is not built on "Journal", nor "Modernism" on
    "Modern" (an everyday word is one at least as common as
    :data:`~course.generator.weights.COMMON_WORD_ZIPF`).
    """
    if not word[:1].isupper() or not word.isalpha():
        return ""
    for suffix in suffixes:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= MIN_DERIVATION_STEM:
            return "" if is_common(stem, COMMON_WORD_ZIPF) else stem
    return ""


def _proper_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text) if w[:1].isupper()]


def derivational_variant(a: str, b: str) -> bool:
    """Whether two phrases share a capitalised name, one as its derivation.

    "Stalinist" / "Stalin group" and "Marxists" / "Marxist leadership" do (see
    :func:`derivation_stem`); "Stalin" / "Stalingrad" do not.
    """
    words_a, words_b = _proper_words(a), _proper_words(b)
    for x in words_a:
        for y in words_b:
            sx, sy = derivation_stem(x) or x, derivation_stem(y) or y
            if sx == sy and x != y and len(sx) >= MIN_DERIVATION_STEM:
                return True
    return False
