"""Which candidate terms may become concepts at all: explicit, general checks.

Run before scoring (see :mod:`course.generator.concepts`). Each check says why a
kind of candidate names nothing a glossary could teach: stray letters, one-off
"X of Y" syntax, an adjective with a vague noun ("technical aspects"), a lone
adjective, a lone everyday word the text does not define ("workers",
"review": see :mod:`course.generator.frequency`), a word only ever used inside
longer terms, a verb the role guesser took for a noun.
"""

from __future__ import annotations

import re

from . import weights
from .candidates import CONTENT, Mention, TokenizedSentence
from .clean import script_counts
from .definitions import defined_at
from .frequency import is_common, zipf
from .lexicon import (
    GENERIC_MODIFIERS,
    GENERIC_NOUNS,
    MODALS,
    NOUNS_WITH_ADJECTIVE_ENDINGS,
    PREDICATE_ADJECTIVE_ENDINGS,
    PREDICATE_ADJECTIVES,
    STOPWORDS,
)
from .tokens import word_units

#: Adjective endings: a word with one of these is rarely a concept's head.
ADJECTIVE_ENDINGS = ("able", "ible", "al", "ive", "ous", "ful", "less", "ic", "ary", "ant")
#: Comparison units of the vague vocabulary (singular stems, like mention keys).
VAGUE_UNITS = frozenset(u for word in GENERIC_NOUNS | GENERIC_MODIFIERS for u in word_units(word))


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _in_script(text: str, script: str) -> bool:
    counts = script_counts(text)
    return counts.get(script, 0) * 2 >= sum(counts.values())


def is_proper_word(mentions: list[Mention]) -> bool:
    """A lone word written as a name: a name mention, or a capital mid-sentence."""
    return any(m.kind == "name" or (m.surface[:1].isupper() and not m.initial) for m in mentions)


def is_defined(mentions: list[Mention], texts: list[str]) -> bool:
    return any(defined_at(texts[m.sentence], m.start, m.start + len(m.surface)) for m in mentions)


def acceptable(
    key: tuple[str, ...], mentions: list[Mention], count: int, script: str, defined: bool
) -> bool:
    """Explicit checks a candidate group must pass before it is scored."""
    kinds = {m.kind for m in mentions}
    surface = mentions[0].surface
    if not _in_script(surface, script):
        return False  # a quotation in another language is not a key concept
    if re.search(r"\b[A-Za-z]\.(?:[A-Za-z]\b|$)", surface) or surface.endswith(("'", "\u2019")):
        return False  # "U.S", "huts'": a cut abbreviation or a quotation's edge, not a term
    if surface.lower() in _CALENDAR_WORDS:
        return False  # "January": when the text says something happened, not what
    if "acronym" in kinds:
        return _letters(surface) >= 2
    if "date" in kinds or "claim" in kinds:
        return True
    if _letters(surface) < 3:
        return False  # stray letters ("X", "Y") and numbers
    if kinds == {"of"}:
        return count >= 2 and key[0] not in VAGUE_UNITS and key[-1] not in VAGUE_UNITS
    if all(m.words == 1 for m in mentions):
        word = surface.lower()
        if word in STOPWORDS or key[0] in VAGUE_UNITS:
            return False
        if word.endswith(PREDICATE_ADJECTIVE_ENDINGS) and word not in NOUNS_WITH_ADJECTIVE_ENDINGS:
            return False  # "reliable", "useful": a lone adjective names nothing
        # Everyday English ("workers", "review") is a key concept of this text
        # only if the text says what it means by it.
        common = is_common(word, weights.COMMON_WORD_ZIPF)
        if common and not defined and not is_proper_word(mentions):
            return False
    if kinds == {"phrase"} and _vague_phrase(surface, key):
        return False
    if kinds == {"phrase"} and _VERB_HEAD_RE.search(surface):
        return False  # "phonology conceptualize": a subject and its verb, not a term
    if kinds == {"phrase"} and len(key) > 1 and surface.split()[-1].lower() in _CLAUSE_ENDS:
        return False  # "education ought", "market correction back": cut inside a clause

    if count == 1 and kinds == {"phrase"} and _plural_inside(surface):
        # "cultural changes labor unions [are experiencing]": a plural noun
        # before the last word of a one-off run marks a missed clause boundary.
        return False
    # Phrases made only of vague words ("various ways") teach nothing.
    return not all(u in VAGUE_UNITS or u in STOPWORDS for u in key)


#: A phrase ending on a verb of the -ize/-yze family ("conceptualize", "analyzes"): the
#: run of words crossed from a subject into its predicate. Nouns of that shape are short
#: ("prize", "size", "maize").
_VERB_HEAD_RE = re.compile(r"\s[a-z]{4,}(?:ize|izes|yze|yzes)$")

#: Words no term ends on: a modal ("education ought [to]") or a verb's particle
#: ("market correction back [to]"): the phrase was cut inside a clause.
_CLAUSE_ENDS = frozenset(
    ["ought", "can", "could", "may", "might", "must", "shall", "should", "will", "would",
     "back", "out", "up", "off", "away"]
)  # fmt: skip

_CALENDAR_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"]
)  # fmt: skip


def _vague_phrase(surface: str, key: tuple[str, ...]) -> bool:
    """An adjective and a vague noun ("consistent use", "external effects",
    "technical aspects"): the adjective qualifies, but there is still no thing."""
    words = surface.lower().split()
    if len(words) < 2 or key[-1] not in VAGUE_UNITS:
        return False
    return all(
        w in GENERIC_MODIFIERS
        or w in PREDICATE_ADJECTIVES
        or w.endswith(ADJECTIVE_ENDINGS)
        or _graded(w)
        for w in words[:-1]
    )


def _graded(word: str) -> bool:
    """A comparative or superlative ("harsher", "widest", "earlier"): a shorter
    base word at least as common in English. "user" ("us") and "number" ("numb")
    are not: the base must have three letters and be at least as frequent."""
    for suffix in ("er", "est"):
        if not word.endswith(suffix) or len(word) < len(suffix) + 3:
            continue
        stem = word[: -len(suffix)]
        bases = {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            bases.add(stem[:-1])  # "bigger" -> "big"
        if any(len(b) >= 3 and zipf(b) >= zipf(word) for b in bases):
            return True
    return False


def bare_units(sentences: list[TokenizedSentence]) -> frozenset[str]:
    """Words used on their own somewhere: no content word right before (other
    than a vague modifier) or right after in the same phrase. A word never used
    so ("spoon" in "spoon class", "gold spoon") is part of other terms only."""
    bare: set[str] = set()
    for sentence in sentences:
        tokens, roles_ = sentence.tokens, sentence.roles
        for i, token in enumerate(tokens):
            if roles_[i] != CONTENT or len(token.units) != 1:
                continue
            before = i > 0 and not tokens[i - 1].break_after and roles_[i - 1] == CONTENT
            modified = before and tokens[i - 1].lower not in GENERIC_MODIFIERS
            after = not token.break_after and i + 1 < len(tokens) and roles_[i + 1] == CONTENT
            if not modified and not after:
                bare.add(token.units[0])
    return frozenset(bare)


#: Words after which a bare word is a verb: "to revisit", "that impinge", "can alter".
_VERB_CONTEXT = frozenset({"to", "that", "which", "who", *MODALS})
#: Endings that mark a noun, so "to production" and "that cadastre" stay nouns.
_NOUN_ENDINGS = (
    "ion", "ment", "ness", "ity", "ism", "ist", "ure", "ance", "ence", "ship", "hood",
    "ogy", "ics", "cy", "s", "er", "or", "age", "ery", "re",
)  # fmt: skip


def verb_like_units(sentences: list[TokenizedSentence]) -> frozenset[str]:
    """Words only ever seen right after "to", a relative pronoun or a modal, without
    a noun ending: verbs the role guesser took for nouns ("to revisit this terrain",
    "factors that impinge on"). A lone one is no concept."""
    seen: dict[str, bool] = {}
    for sentence in sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if len(token.units) != 1:
                continue
            after_trigger = i > 0 and not tokens[i - 1].break_after
            after_trigger = after_trigger and tokens[i - 1].lower in _VERB_CONTEXT
            unit = token.units[0]
            seen[unit] = seen.get(unit, True) and after_trigger
    return frozenset(u for u, verbal in seen.items() if verbal and not u.endswith(_NOUN_ENDINGS))


def _plural_inside(surface: str) -> bool:
    words = surface.split()
    for word in words[:-1]:
        lower = word.lower()
        if word[:1].isupper() or len(lower) < 5 or not lower.isalpha():
            continue
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics", "ous")):
            return True
    return False
