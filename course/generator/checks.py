"""Explicit quality checks for generated questions, and answer normalisation.

Questions are overgenerated and then filtered: each function here is one
named rule a candidate must pass, so a rejected item can be explained and
every rule is unit-tested on its own. ``normalize_answer`` / ``answer_matches``
are also what the web layer uses to mark a learner's typed answer.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from .lexicon import AUXILIARIES, IRREGULAR_VERB_FORMS, MODALS, STOPWORDS, VERB_BASES
from .reversals import reversals
from .tokens import derivational_variant, is_acronym, singular

#: Stems shorter than this are fragments; longer than the maximum, walls of text.
MIN_STEM_WORDS = 6
MAX_STEM_WORDS = 45
#: Similarity (0-1) above which two options count as the same answer.
NEAR_DUPLICATE_RATIO = 0.85

_YEAR_RE = re.compile(r"^(?:1[5-9]\d\d|20\d\d)(?:s|\s?[-\u2013~/]\s?\d{2,4})?$")
_WORD_RE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")


def _fold(text: str) -> str:
    """Casefold and strip diacritics ("Économie" -> "economie")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_answer(text: str) -> str:
    """Comparison form of a typed answer: casefolded, no diacritics, no
    punctuation, single spaces, no leading article ("The  Stalin-group." ->
    "stalin group")."""
    folded = _fold(text).replace("\u2019", "'")
    words = re.sub(r"[^\w\s]|_", " ", folded).split()
    plain = " ".join(words)
    return _LEADING_ARTICLE_RE.sub("", plain)


def answer_matches(given: str, accepted: list[str]) -> bool:
    """Whether a learner's answer equals any accepted answer after normalisation."""
    key = normalize_answer(given)
    return bool(key) and any(key == normalize_answer(a) for a in accepted)


def norm_text(text: str) -> str:
    """Key for comparing statements with sentences: words only, folded."""
    return " ".join(_WORD_RE.findall(_fold(text).replace("\u2019", "'")))


def _units(text: str) -> list[str]:
    return [singular(w) for w in norm_text(text).split() if w not in STOPWORDS]


def contains_phrase(outer: str, inner: str) -> bool:
    """Word-bounded containment on normalised text."""
    a, b = norm_text(outer), norm_text(inner)
    return bool(b) and f" {b} " in f" {a} "


# --- the checks ----------------------------------------------------------------------


def answer_in_source(answer: str, sentences: list[str]) -> bool:
    """The key text occurs (normalised, word-bounded) in at least one cited sentence."""
    return any(contains_phrase(s, answer) for s in sentences)


def near_duplicate(a: str, b: str) -> bool:
    """Equal, one containing the other, nearly the same words/characters, or
    derivational variants of one name ("Stalinist" vs "Stalin group")."""
    na, nb = norm_text(a), norm_text(b)
    if not na or not nb:
        return na == nb
    if na == nb or contains_phrase(na, nb) or contains_phrase(nb, na):
        return True
    if derivational_variant(a, b):
        return True
    if _opposite_directions(a, b):
        return False  # "a decrease in X", "an increase in X": what the item asks about
    ua, ub = _units(a), _units(b)
    if ua and ub and (set(ua) <= set(ub) or set(ub) <= set(ua)):
        return True  # "purge" vs "personnel purge", "committee" vs "committees"
    return SequenceMatcher(None, na, nb).ratio() >= NEAR_DUPLICATE_RATIO


def _opposite_directions(a: str, b: str) -> bool:
    """``b`` is ``a`` with its one direction word turned ("decrease" / "increase")."""
    article = re.compile(r"^(?:a|an)\s+", re.IGNORECASE)
    turned = reversals(a)
    return bool(turned) and norm_text(article.sub("", turned[0].statement)) == norm_text(
        article.sub("", b)
    )


def distinct_options(key: str, distractors: list[str]) -> bool:
    """No distractor equals, contains or near-duplicates the key or another distractor."""
    options = [key, *distractors]
    for i, a in enumerate(options):
        for b in options[i + 1 :]:
            if near_duplicate(a, b):
                return False
    return True


def option_kind(text: str) -> str:
    """Coarse kind of an answer option: year, proper (names, acronyms), term, phrase.

    Distractors must share the key's kind so they are plausible: a year
    against years, a name against names, a short common-noun term against
    terms, a longer descriptive phrase against phrases.
    """
    stripped = text.strip()
    if _YEAR_RE.match(stripped):
        return "year"
    words = stripped.split()
    if not words:
        return "empty"
    if len(words) > 4 and words[0].lower() not in ("the", "a", "an"):
        return "phrase"
    content = [w for w in words if w.lower() not in STOPWORDS]
    if len(words) > 4:
        return "phrase"
    if content and (is_acronym(content[0]) or content[0][:1].isupper()):
        return "proper"
    return "term"


def same_kind(key: str, distractors: list[str]) -> bool:
    """Every distractor has the key's :func:`option_kind`."""
    kind = option_kind(key)
    return all(option_kind(d) == kind for d in distractors)


def verbish(word: str) -> bool:
    """A verb form by its ending or word list (a guess: no tagger)."""
    lower = word.lower()
    if lower in AUXILIARIES or lower in MODALS or lower in IRREGULAR_VERB_FORMS:
        return True
    if lower in VERB_BASES:
        return True
    return len(lower) > 4 and lower.endswith(("ed", "es", "ing", "s"))


def stem_ok(stem: str) -> bool:
    """Neither a fragment (under 6 words or no verb-like word) nor a wall (over 45 words)."""
    words = _WORD_RE.findall(stem)
    if not MIN_STEM_WORDS <= len(words) <= MAX_STEM_WORDS:
        return False
    return any(verbish(w) for w in words)


def matches_no_source(statement: str, sentences: list[str]) -> bool:
    """A false statement must not be (part of) any source sentence."""
    key = norm_text(statement)
    if not key:
        return False
    return not any(key == norm_text(s) or contains_phrase(s, statement) for s in sentences)


def fact_key(kind: str, sentences: list[int], answer: object) -> tuple[str, tuple[int, ...], str]:
    """Identity of "the same fact tested the same way": type, sentences, answer."""
    return (kind, tuple(sorted(sentences)), norm_text(str(answer)))
