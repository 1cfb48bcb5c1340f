"""Group candidate mentions into concepts: one group per concept, however written.

Mentions sharing a comparison key form a group; groups that are variants of one
concept are merged (an acronym and its expansion, "X movement" and "X", a
person's name and the names of their followers); candidates that fail
:mod:`course.generator.filters` never become groups.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import weights
from .acronyms import find_expansions
from .candidates import Mention, TokenizedSentence, acronym_key, all_mentions, name_words
from .clean import dominant_script
from .filters import acceptable, bare_units, is_defined, is_proper_word, verb_like_units
from .frequency import is_common
from .kinds import term_kind
from .lexicon import COLLECTIVE_NOUNS, VARIANT_HEADS
from .tokens import ADHERENT_SUFFIXES, derivation_stem, singular

#: Longest span of units counted in the phrase index.
_MAX_INDEX_UNITS = 12


@dataclass
class Group:
    """Mentions of one concept, possibly under several keys."""

    keys: list[tuple[str, ...]]
    mentions: list[Mention]
    count: int = 0
    sentences: set[int] = field(default_factory=set)
    score: float = 0.0
    primary: tuple[str, ...] = ()
    listed: bool = False  # some mention is an item of an enumeration
    aspect: bool = False  # "X of the <main topic>": an aspect of what the text is about
    defined: bool = False  # the text says what it is ("X is a ...", "X, a ...")
    contrasted: bool = False  # the text sets it against something else
    quoted: bool = False  # the text marks it as a term in quotation marks ("troilism")

    @property
    def first(self) -> tuple[int, int]:
        return min((m.sentence, m.start) for m in self.mentions)

    @property
    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions}

    @property
    def words(self) -> int:
        return max(m.words for m in self.mentions if m.key == self.primary)


class PhraseIndex:
    """Occurrence counts of every unit n-gram that does not cross punctuation."""

    def __init__(self, sentences: list[TokenizedSentence]) -> None:
        self.counts: Counter[tuple[str, ...]] = Counter()
        self.where: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.acronyms: Counter[tuple[str, ...]] = Counter()
        self.acronym_where: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for sentence in sentences:
            chunk: list[str] = []
            for token in sentence.tokens:
                chunk.extend(token.units)
                if token.acronym:
                    key = acronym_key(token.text)
                    self.acronyms[key] += 1
                    self.acronym_where[key].add(sentence.index)
                if token.break_after:
                    self._add(chunk, sentence.index)
                    chunk = []
            self._add(chunk, sentence.index)

    def _add(self, units: list[str], sentence: int) -> None:
        for i in range(len(units)):
            for n in range(1, min(_MAX_INDEX_UNITS, len(units) - i) + 1):
                gram = tuple(units[i : i + n])
                self.counts[gram] += 1
                self.where[gram].add(sentence)

    def lookup(self, key: tuple[str, ...]) -> tuple[int, set[int]]:
        if len(key) == 1 and key[0].startswith("="):
            return self.acronyms[key], set(self.acronym_where[key])
        return self.counts[key], set(self.where[key])


def _group_mentions(mentions: list[Mention]) -> dict[tuple[str, ...], list[Mention]]:
    by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    return by_key


_OPENING_QUOTES = "\u201c\"\u2018'"
_CLOSING_QUOTES = "\u201d\"\u2019'"
#: A word at most this common (Zipf) in quotation marks is a term the text coins or
#: borrows ("troilism", "homosociality"); a common one is a word quoted ("branded").
COINED_ZIPF = 3.5


def coined(text: str, mention: Mention) -> bool:
    """The mention stands alone in quotation marks and its words are rare in English."""
    before = text[: mention.start].rstrip()
    after = text[mention.start + len(mention.surface) :].lstrip(",.;:")
    if not before.endswith(tuple(_OPENING_QUOTES)) or not after.startswith(tuple(_CLOSING_QUOTES)):
        return False
    words = re.findall(r"[^\W\d_]+", mention.surface)
    return bool(words) and not any(is_common(w.lower(), COINED_ZIPF) for w in words)


def _merge(
    groups: dict[tuple[str, ...], Group], into: tuple[str, ...], other: tuple[str, ...]
) -> None:
    """Fold group ``other`` into group ``into`` (both keyed by their primary key)."""
    if into == other or into not in groups or other not in groups:
        return
    target, source = groups[into], groups.pop(other)
    target.keys.extend(k for k in source.keys if k not in target.keys)
    target.mentions.extend(source.mentions)
    target.sentences |= source.sentences
    target.defined |= source.defined
    target.quoted |= source.quoted


def build_groups(
    sentences: list[TokenizedSentence],
) -> tuple[dict[tuple[str, ...], Group], frozenset[str]]:
    """Candidate groups with counts, after filtering and variant merging."""
    mentions = all_mentions(sentences)
    names = name_words(sentences)
    index = PhraseIndex(sentences)
    expansions = find_expansions(sentences, [m for m in mentions if m.kind == "name"])
    for expansion in expansions.values():
        mentions.append(expansion.long_form)

    texts = [s.text for s in sentences]
    script = dominant_script(" ".join(texts))
    groups: dict[tuple[str, ...], Group] = {}
    for key, group_mentions in _group_mentions(mentions).items():
        if key[0].startswith("#"):
            count, where = len(group_mentions), {m.sentence for m in group_mentions}
        else:
            count, where = index.lookup(key)
        defined = is_defined(group_mentions, texts)
        if count == 0 or not acceptable(key, group_mentions, count, script, defined):
            continue
        groups[key] = Group(
            [key],
            group_mentions,
            count,
            where,
            primary=key,
            defined=defined,
            quoted=any(coined(texts[m.sentence], m) for m in group_mentions),
        )
    _drop_name_fragments(groups, mentions)
    _merge_short_names(groups, texts)
    bare = bare_units(sentences)
    verbal = verb_like_units(sentences)
    for key in [k for k, g in groups.items() if len(k) == 1 and g.kinds == {"phrase"}]:
        group = groups[key]
        if group.defined or is_proper(group):
            continue
        if key[0] not in bare or key[0] in verbal:
            del groups[key]  # only ever part of longer terms, or a verb the roles missed

    # An acronym and its expansion are one concept, named by the expansion.
    for acr_key, expansion in expansions.items():
        long_key = expansion.long_form.key
        if long_key in groups and acr_key in groups:
            acronym_count = groups[acr_key].count
            _merge(groups, long_key, acr_key)
            groups[long_key].count += acronym_count

    # "shock work movement" and "shock work" are one concept. It is named by
    # the longer form when the shorter never occurs without the head.
    heads = {singular(head) for head in VARIANT_HEADS}
    for key in sorted(groups):
        # Only multi-word stems: "recovery efforts" is not simply "recovery".
        if key not in groups or len(key) < 3 or key[-1] not in heads:
            continue
        shorter = key[:-1]
        if shorter not in groups:
            continue
        longer_count, shorter_count = groups[key].count, groups[shorter].count
        _merge(groups, shorter, key)
        merged = groups[shorter]
        merged.count = max(shorter_count, longer_count)
        if shorter_count <= longer_count:
            merged.primary = key
    _merge_followers(groups, texts)
    return groups, names


def _drop_name_fragments(groups: dict[tuple[str, ...], Group], mentions: list[Mention]) -> None:
    """Drop lone capitalised words that stand for, or are part of, a longer name.

    "the Party" after "the Chinese Communist Party", "Ocean" in "Arctic Ocean",
    "Soviet" beside "Soviet Union": an everyday word capitalised because it
    belongs to a name the text also uses, or a word that never occurs outside
    such names. The longer name is the concept.
    """
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    name_units: set[str] = set()
    for m in mentions:
        if m.kind == "name" and m.words >= 2:
            spans[m.sentence].append((m.start, m.start + len(m.surface)))
            name_units.update(m.key)
    for key in [k for k in groups if len(k) == 1 and not k[0].startswith(("=", "#"))]:
        group = groups[key]
        if not is_proper_word(group.mentions) or group.defined:
            continue
        inside = all(
            any(a <= m.start and m.start + len(m.surface) <= b for a, b in spans[m.sentence])
            for m in group.mentions
        )
        word = group.mentions[0].surface
        if inside or (key[0] in name_units and is_common(word, weights.COMMON_WORD_ZIPF)):
            del groups[key]


def _merge_short_names(groups: dict[tuple[str, ...], Group], texts: list[str]) -> None:
    """Fold a person's surname or first name used alone ("Sedgwick", "Rosa") into the
    full name the text also gives ("Eve Kosofsky Sedgwick", "Rosa Dartle"): one person,
    one glossary entry. Only where one full name (or one chain of nested ones) ends, or
    for a two-word name starts, with the word, and only for names the text's cues make a
    person's ("British" is not folded into "British Library")."""
    for key in [k for k in groups if len(k) == 1 and not k[0].startswith(("=", "#"))]:
        group = groups.get(key)
        if group is None or not is_proper_word(group.mentions):
            continue
        longer = [
            k
            for k, g in groups.items()
            if 2 <= len(k) <= 3
            and "name" in g.kinds
            and (k[-1] == key[0] or (len(k) == 2 and k[0] == key[0]))
        ]
        if not longer:
            continue
        longest = max(longer, key=len)
        if any(not set(k) <= set(longest) for k in longer):
            continue  # two different people share the word: which one is meant?
        full = groups[longest].mentions[0].surface
        if term_kind(full, texts) != "person":
            continue
        for k in sorted(longer, key=len):
            if k != longest:
                _merge(groups, longest, k)
        _merge(groups, longest, key)


def _follower_form(group: Group) -> tuple[str, int] | None:
    """A name for a body of people built on a proper name, as (name, preference).

    0: the name and a collective noun ("Stalin group"); 1: the name's adherent
    derivation and a collective noun ("Stalinist leadership"); 2: the plural
    adherent noun alone ("Stalinists"). None for anything else.
    """
    surfaces = [m.surface for m in group.mentions if m.key == group.primary]
    for surface in surfaces:
        words = surface.split()
        if len(words) == 2 and words[1].lower() in COLLECTIVE_NOUNS and words[0][:1].isupper():
            stem = derivation_stem(words[0], ADHERENT_SUFFIXES)
            return (stem, 1) if stem else (words[0], 0)
    for surface in surfaces:
        if " " not in surface and surface.endswith("s"):
            stem = derivation_stem(surface, ADHERENT_SUFFIXES)
            if stem:
                return stem, 2
    return None


def _modifier_use(mention: Mention, texts: list[str]) -> bool:
    """A singular derived word before a noun ("Stalinist industrialization") is
    an adjective: it does not name the people themselves."""
    if " " in mention.surface or mention.surface.endswith("s"):
        return False
    after = texts[mention.sentence][mention.start + len(mention.surface) :]
    return re.match(r"\s+[^\W\d_]", after) is not None and not re.match(
        r"\s+(?:and|or|of|in|to|for|with|was|were|is|are)\b", after
    )


def _merge_followers(groups: dict[tuple[str, ...], Group], texts: list[str]) -> None:
    """ "Stalin group", "Stalinists" and "Stalinist leadership" are one concept.

    Names for a body of people built on the same proper name (at least five
    letters, derived with -ist/-ian) are merged under the plain name form
    when the text has one.
    """
    by_stem: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for key in sorted(groups):
        found = _follower_form(groups[key])
        if found is not None:
            by_stem[found[0]].append((found[1], key))
    for stem in sorted(by_stem):
        members = by_stem[stem]
        if len(members) < 2:
            continue
        members.sort(key=lambda m: (m[0], -groups[m[1]].count, groups[m[1]].first))
        target = members[0][1]
        for preference, key in members[1:]:
            source = groups[key]
            if preference == 2:
                source.mentions = [m for m in source.mentions if not _modifier_use(m, texts)]
            _merge(groups, target, key)
        merged = groups[target]
        merged.count = max(merged.count, len({m.sentence for m in merged.mentions}))


def is_proper(group: Group) -> bool:
    """Whether the concept is written as a name: a name, acronym or expansion, or a
    capital that is not the sentence's first letter."""
    for mention in group.mentions:
        if mention.kind in ("name", "acronym", "expansion"):
            return True
        later_words = mention.surface.split()[0 if not mention.initial else 1 :]
        if any(w[:1].isupper() for w in later_words):
            return True
    return False
