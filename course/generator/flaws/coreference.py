"""Checks that the options do not name the same thing twice (co-reference) and that one
key is right."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import (
    GENERIC_MODIFIERS,
)
from ..tokens import derivational_variant, is_acronym
from .item import Item, Text
from .model import CHOICE_TYPES, Flaw, make_flaw, word_set
from .wellformed import ADJECTIVE_ENDINGS
from .words import BLANK_RE, quote_of, unit_of, units_of, words_of

# --- unambiguous: co-reference --------------------------------------------------------------

_ELABORATION_RE = re.compile(
    r"^\W*(?:above all|in particular|particularly|specifically|namely|for example|for instance"
    r"|that is|in other words|chief among|most importantly|first of all|e\.g\.|i\.e\.)\b",
    re.IGNORECASE,
)
_GLOSS_GAP_RE = re.compile(
    r"^\s*(?:\(|,?\s*(?:i\.e\.|(?:ie|that is|namely|also (?:called|known as)|known as|called|"
    r"so-called)\b),?)\s*(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


def _alias_groups(aliases: dict[str, list[str]]) -> dict[tuple[str, ...], int]:
    groups: dict[tuple[str, ...], int] = {}
    for n, (term, forms) in enumerate(aliases.items()):
        for form in [term, *forms]:
            groups.setdefault(units_of(form), n)
    return groups


_LINK_WORDS = word_set("of and the for in on a an to")


def _acronym_pair(a: str, b: str) -> bool:
    """One is the other's acronym: "FFYP" / "First Five-Year Plan"."""
    for short, long in ((a, b), (b, a)):
        if len(words_of(short)) == 1 and is_acronym(short):
            letters = "".join(c for c in short if c.isupper()).lower()
            pieces = [p for w in words_of(long) for p in w.split("-") if p]
            initials = "".join(p[0].lower() for p in pieces if p.lower() not in _LINK_WORDS)
            if letters and initials == letters:
                return True
    return False


def coreferent(a: str, b: str, item: Item) -> tuple[float, str] | None:
    """(severity, reason) when the text treats ``a`` and ``b`` as the same thing."""
    ua, ub = units_of(a), units_of(b)
    if not ua or not ub or ua == ub:
        return None
    groups = _alias_groups(item.aliases) if item.aliases else {}
    if ua in groups and groups.get(ua) == groups.get(ub):
        return 0.9, "the text uses both for the same thing"
    if _acronym_pair(a, b):
        return 0.9, "one is the other's abbreviation"
    if derivational_variant(a, b):
        return 0.8, "both name the same people or doctrine"
    text = item.text
    ma, mb = text.mentions(ua), text.mentions(ub)
    for i in sorted(set(ma) & set(mb)):
        if _apposition(text, i, ua, ub) or _apposition(text, i, ub, ua):
            return 0.7, "the text glosses one with the other"
    for name, second, m_first, m_second in ((b, ub, ma, mb), (a, ua, mb, ma)):
        if _back_reference(text, second, m_second, m_first):
            return 0.5, f"the text refers back to the one as “this {name}”"
        if _elaborates(text, second, m_second, m_first):
            return 0.5, "the text presents one as part or instance of the other"
    return None


def _apposition(text: Text, i: int, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    units = text.units[i]
    spans = text.spans[i]
    raw = text.sentences[i].replace("\u2019", "'")
    for start in range(len(units) - len(first) + 1):
        if units[start : start + len(first)] != first:
            continue
        end = start + len(first)
        for gap_words in range(0, 4):
            begin = end + gap_words
            if units[begin : begin + len(second)] == second and begin < len(spans):
                gap = raw[spans[end - 1][2] : spans[begin][1]]
                if _GLOSS_GAP_RE.match(gap):
                    return True
    return False


#: "that" and "those" are left out: too often a conjunction or a pronoun ("and that X are").
_DEMONSTRATIVE_UNITS = frozenset(unit_of(w) for w in ("this", "these", "such"))


def _back_reference(
    text: Text, term: tuple[str, ...], mentions: list[int], others: list[int]
) -> bool:
    """``term`` first appears as "this/these/such [adj] term" right after ``others``."""
    if not mentions:
        return False
    first = mentions[0]
    if first - 1 not in others:
        return False
    located = text.locate(term, [first])
    if not located:
        return False
    _, start = located
    before = text.units[first][max(0, start - 2) : start]
    if before and before[-1] in _DEMONSTRATIVE_UNITS:
        return True  # "this purge"
    # "this extensive purge", but not "this process assimilation": the word between must
    # read as a modifier
    modifier = len(before) == 2 and (
        before[1].endswith((*ADJECTIVE_ENDINGS, "ed", "ing")) or before[1] in GENERIC_MODIFIERS
    )
    return modifier and before[0] in _DEMONSTRATIVE_UNITS


def _elaborates(text: Text, term: tuple[str, ...], mentions: list[int], others: list[int]) -> bool:
    """``term``'s run of sentences opens with "Above all", "In particular"... right after
    a sentence mentioning the other term: the text gives it as part of the other."""
    if not mentions:
        return False
    rare = {u for u in term if text.rare(u)}
    start = mentions[0]
    while start > 0 and rare & set(text.units[start - 1]) and start - 1 not in others:
        start -= 1
    return start - 1 in others and bool(_ELABORATION_RE.match(text.sentences[start]))


def check_coreferent_options(item: Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES and item.type != "matching":
        return
    keys, wrong = item.keys, item.distractors
    if item.type == "matching":
        pairs = [(a, b) for n, a in enumerate(keys) for b in keys[n + 1 :]]
    else:
        pairs = [(k, d) for k in keys for d in wrong]
    for a, b in pairs:
        if len(words_of(a)) > 6 or len(words_of(b)) > 6:
            continue
        link = coreferent(a, b, item)
        if link and item.type == "matching" and link[0] < 0.7:
            continue  # each term has its own passage: only a sure link makes two answers
        if link:
            severity, why = link
            yield make_flaw(
                "coreferent-distractor",
                f"{quote_of(b)} and {quote_of(a)} are both options, but {why}: "
                "replace one with a distinct term.",
                severity,
            )
            return


def check_multiple_keys(item: Item) -> Iterator[Flaw]:
    if item.type == "single_choice" and BLANK_RE.search(item.stem):
        match = BLANK_RE.search(item.stem)
        assert match is not None
        left = units_of(item.stem[: match.start()])[-2:]
        right = units_of(item.stem[match.end() :])[:2]
        for option in item.distractors:
            phrase = (*left, *units_of(option), *right)
            if len(left) + len(right) >= 3 and item.text.mentions(phrase):
                yield make_flaw(
                    "multiple-keys",
                    f"The text also says the gap's words with {quote_of(option)}: both "
                    "options are defensible.",
                    0.8,
                )
                return
    if item.type == "multiple_response":
        listed = [
            d for d in item.distractors if set(item.text.mentions(units_of(d))) & set(item.cited)
        ]
        if listed:
            yield make_flaw(
                "multiple-keys",
                f"The wrong option {quote_of(listed[0])} is in the cited sentence too: a reader "
                "can defend choosing it.",
                0.5,
            )
