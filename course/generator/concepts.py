"""Stage 3: rank candidate mentions into a glossary of key concepts.

The pipeline is overgenerate -> group -> filter -> score -> select:

* mentions come from :mod:`course.generator.candidates`;
* mentions sharing a comparison key form a group, and groups are merged when
  they are variants of one concept (an acronym and its expansion, "X
  movement" and "X");
* explicit checks drop vague single words, stray letters and one-off
  "X of Y" syntax;
* the score rewards frequency, length, an early first mention, capitals
  (names, acronyms) and words shared with the title;
* selection walks the ranking and skips a group that adds nothing to one
  already chosen (a part that never occurs outside it, or the same phrase
  with one more modifier).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .acronyms import find_expansions
from .candidates import Mention, TokenizedSentence, acronym_key, all_mentions, name_words
from .clean import dominant_script, script_counts
from .contexts import (
    MAX_CLAUSE_WORDS,
    appositive,
    clause_candidates,
    find_form,
    phrase_window,
    tidy,
    word_count,
)
from .lexicon import (
    COLLECTIVE_NOUNS,
    DEFINING_VERBS,
    GENERIC_MODIFIERS,
    GENERIC_NOUNS,
    STOPWORDS,
    VARIANT_HEADS,
)
from .model import DraftConcept
from .tokens import (
    ADHERENT_SUFFIXES,
    derivation_stem,
    is_acronym,
    phrase_units,
    singular,
    word_units,
)

#: Longest span of units counted in the phrase index.
_MAX_INDEX_UNITS = 12
#: Adjective endings: a lone word with one of these is rarely a concept.
_ADJECTIVE_ENDINGS = ("able", "ible", "al", "ive", "ous", "ful", "less", "ic", "ary", "ant")

MIN_CONCEPTS = 8
MAX_CONCEPTS = 20
CORE_SHARE = 0.5
MIN_CORE = 3
#: A text this short has no topic word distinct from its concepts.
MIN_TOPIC_SENTENCES = 4


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

    @property
    def first(self) -> tuple[int, int]:
        return min((m.sentence, m.start) for m in self.mentions)

    @property
    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions}

    @property
    def words(self) -> int:
        return max(m.words for m in self.mentions if m.key == self.primary)


@dataclass(frozen=True)
class RankedConcept:
    """A selected concept before it is frozen into a :class:`DraftConcept`.

    Lessons need the score and the key units as well as the public fields.
    """

    term: str
    aliases: list[str]
    definition: str
    sentences: list[int]
    score: float
    units: frozenset[str]
    # Whether the text says something about it, not just mentions it in passing:
    # a name or acronym, several sentences, a sentence subject or a listed item.
    salient: bool = True
    topic: bool = False  # a lone common noun in most sentences: what the text is about
    core: bool = False


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


# --- filters -----------------------------------------------------------------------


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _in_script(text: str, script: str) -> bool:
    counts = script_counts(text)
    return counts.get(script, 0) * 2 >= sum(counts.values())


def _acceptable(key: tuple[str, ...], mentions: list[Mention], count: int, script: str) -> bool:
    """Explicit checks a candidate group must pass before it is scored."""
    kinds = {m.kind for m in mentions}
    surface = mentions[0].surface
    if not _in_script(surface, script):
        return False  # a quotation in another language is not a key concept
    if "acronym" in kinds:
        return _letters(surface) >= 2
    if "date" in kinds or "claim" in kinds:
        return True
    if _letters(surface) < 3:
        return False  # stray letters ("X", "Y") and numbers
    if kinds == {"of"}:
        head, tail = key[0], key[-1]
        vague = GENERIC_NOUNS | GENERIC_MODIFIERS
        return count >= 2 and head not in vague and tail not in vague
    if all(m.words == 1 for m in mentions):
        word = surface.lower()
        proper = any(m.kind == "name" for m in mentions)
        if word in STOPWORDS or word in GENERIC_MODIFIERS:
            return False
        if word in GENERIC_NOUNS and not proper:
            return False
    if count == 1 and kinds == {"phrase"} and _plural_inside(surface):
        # "cultural changes labor unions [are experiencing]": a plural noun
        # before the last word of a one-off run marks a missed clause boundary.
        return False
    # Phrases made only of vague words ("various ways") teach nothing.
    vague_words = GENERIC_NOUNS | GENERIC_MODIFIERS | STOPWORDS
    words = [w.lower() for m in mentions[:1] for w in re.split(r"[\s-]+", m.surface)]
    return not all(w in vague_words for w in words)


def _plural_inside(surface: str) -> bool:
    words = surface.split()
    for word in words[:-1]:
        lower = word.lower()
        if word[:1].isupper() or len(lower) < 5 or not lower.isalpha():
            continue
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics", "ous")):
            return True
    return False


#: Where a list begins: after a colon, "such as", "including", "namely".
_LIST_START_RE = re.compile(r":\s|\bsuch as\s|\bincluding\s|\bnamely\s", re.IGNORECASE)


def list_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of enumerations: a colon or "such as" followed by items
    separated by ";" or by commas/"and". Items an author lists are what a
    passage is about ("the purge took three forms: A; B; C")."""
    regions = []
    for match in _LIST_START_RE.finditer(text):
        rest = text[match.end() :]
        if ";" in rest or "," in rest or " and " in rest:
            regions.append((match.end(), len(text)))
    # "A and B were ...": a coordinated subject lists the sentence's topics.
    head = re.match(r"^(?:the\s+)?[\w'-]+(?:\s[\w'-]+){0,3}\s+and\s+(?:the\s+)?[\w'-]+", text, re.I)
    if head:
        regions.append((0, head.end()))
    return regions


_OF_RE = re.compile(r"^\s+of\s+(?:the\s+)?([^\W\d_][\w'-]*)")


def _of_topic(after: str, topic: str) -> bool:
    match = _OF_RE.match(after)
    return bool(match) and word_units(match.group(1))[-1] == topic


# --- grouping ----------------------------------------------------------------------


def _group_mentions(mentions: list[Mention]) -> dict[tuple[str, ...], list[Mention]]:
    by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    return by_key


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

    script = dominant_script(" ".join(s.text for s in sentences))
    groups: dict[tuple[str, ...], Group] = {}
    for key, group_mentions in _group_mentions(mentions).items():
        if key[0].startswith("#"):
            count, where = len(group_mentions), {m.sentence for m in group_mentions}
        else:
            count, where = index.lookup(key)
        if count == 0 or not _acceptable(key, group_mentions, count, script):
            continue
        groups[key] = Group([key], group_mentions, count, where, primary=key)

    # An acronym and its expansion are one concept, named by the expansion.
    for acr_key, expansion in expansions.items():
        long_key = expansion.long_form.key
        if long_key in groups and acr_key in groups:
            acronym_count = groups[acr_key].count
            _merge(groups, long_key, acr_key)
            groups[long_key].count += acronym_count

    # "shock work movement" and "shock work" are one concept. It is named by
    # the longer form when the shorter never occurs without the head.
    heads = {singular(w) for w in VARIANT_HEADS}
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
    _merge_followers(groups, [s.text for s in sentences])
    return groups, names


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


# --- scoring ----------------------------------------------------------------------


def _is_proper(group: Group) -> bool:
    for mention in group.mentions:
        if mention.kind in ("name", "acronym", "expansion"):
            return True
        later_words = mention.surface.split()[0 if not mention.initial else 1 :]
        if any(w[:1].isupper() for w in later_words):
            return True
    return False


def score_group(group: Group, n_sentences: int, title_units: frozenset[str]) -> float:
    """Importance of a concept; higher is better. See the module docstring."""
    frequency = 1.0 + math.log(group.count)
    words = group.words
    if "acronym" in group.kinds:
        words = max(words, 2)  # an acronym abbreviates a multi-word term
    length = 1.0 + 0.8 * (min(words, 3) - 1)
    first_sentence = group.first[0]
    position = 1.0 + 0.5 * (1.0 - first_sentence / max(1, n_sentences))
    proper = 1.35 if _is_proper(group) else 1.0
    if "acronym" in group.kinds:
        # Authors coin or repeat an acronym only for what they keep talking about.
        proper *= 1.5
    key_units = [u for u in group.primary if u not in STOPWORDS]
    in_title = sum(1 for u in key_units if u in title_units) / max(1, len(key_units))
    title = 1.0 + 0.6 * in_title
    # What sentences are about (their subjects) matters more than what they mention.
    subject = 1.25 if any(m.subject for m in group.mentions) else 1.0
    listed = 1.4 if group.listed and words >= 2 else 1.0
    if group.aspect and words >= 2:
        listed *= 1.3
    penalty = 1.0
    kinds = group.kinds
    if "date" in kinds:
        penalty *= 0.5
    elif words == 1 and proper == 1.0:
        # A lone common word is usually too broad to teach as a concept;
        # frequency can still lift it ("unions" in an abstract about unions).
        penalty *= 0.75
        if group.primary[0].endswith(_ADJECTIVE_ENDINGS):
            penalty *= 0.5
    return frequency * length * position * proper * title * subject * listed * penalty


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return n < len(outer) and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _unit_keys(group: Group) -> list[tuple[str, ...]]:
    """Keys comparable by containment: an acronym key as its lower-case word."""
    return [word_units(k[0][1:]) if k[0].startswith("=") else k for k in group.keys]


def _redundant(group: Group, chosen: list[Group]) -> bool:
    """Whether ``group`` adds little to the concepts already chosen.

    Two cases: it is mostly used inside chosen longer concepts (fewer than
    half of its occurrences fall outside them: "industrialization policy"
    inside "rapid industrialization policy"), or it is a chosen phrase with
    a modifier added and occurs no more often ("extensive personnel purge").
    """
    keys = _unit_keys(group)
    inside = 0
    for other in chosen:
        other_keys = _unit_keys(other)
        if any(_contains(ok, k) for k in keys for ok in other_keys):
            inside += other.count
        # Containing a chosen single word is fine ("union leadership" vs
        # "unions"), except an acronym: "ABC leadership" adds little to "ABC".
        acronym = "acronym" in other.kinds
        wider = any(
            (len(ok) > 1 or acronym) and _contains(k, ok) for k in keys for ok in other_keys
        )
        if wider and group.count <= other.count:
            return True
    return inside > 0 and (group.count - inside) * 2 < group.count


def concept_budget(n_sentences: int) -> int:
    """How many concepts to keep: more for longer texts, within 8-20."""
    return max(MIN_CONCEPTS, min(MAX_CONCEPTS, round(1.5 * n_sentences + 2)))


# --- surface forms, occurrences, definitions --------------------------------------


def _display(mention: Mention, names: frozenset[str]) -> str:
    """The surface with a sentence-initial capital undone unless it is a name."""
    text = mention.surface
    if not mention.initial or mention.kind in ("acronym",):
        return text
    first = text.split(" ", 1)[0]
    if first.lower() in names or any(c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def _forms(group: Group, names: frozenset[str]) -> list[str]:
    """Distinct surface forms, term first: the most frequent form of the primary key."""
    tallies: Counter[str] = Counter()
    shown: dict[str, str] = {}
    order: dict[str, tuple[int, int, int]] = {}
    for mention in group.mentions:
        folded = mention.surface.casefold()
        tallies[folded] += 1
        display = _display(mention, names)
        # Prefer the casing seen mid-sentence, where capitals are meaningful.
        if folded not in shown or (shown[folded] != mention.surface and not mention.initial):
            shown[folded] = display
        primary = 0 if mention.key == group.primary else 1
        rank = (primary, mention.sentence, mention.start)
        order[folded] = min(order.get(folded, rank), rank)
    ordered = sorted(tallies, key=lambda f: (order[f][0], -tallies[f], order[f][1:], f))
    return [shown[f] for f in ordered]


def _form_pattern(form: str) -> re.Pattern[str]:
    flags = 0 if any(c.isupper() for c in form) and _is_acronym_form(form) else re.IGNORECASE
    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)", flags)


def _is_acronym_form(form: str) -> bool:
    return " " not in form and is_acronym(form)


def occurrences(forms: list[str], sentences: list[str]) -> list[int]:
    """Sentences mentioning any form: word-bounded, case-insensitive except acronyms.

    Acronyms are matched with their case because "IT" lower-cased is "it".
    """
    patterns = [_form_pattern(f) for f in forms]
    return [i for i, s in enumerate(sentences) if any(p.search(s) for p in patterns)]


def definition_for(
    forms: list[str], sentences: list[str], where: list[int], used: frozenset[str] = frozenset()
) -> str:
    """A definition or context for the concept, always a contiguous span of the text.

    Preference: a short defining sentence ("X is/are ...", "X refers to ...");
    for an acronym term, its expansion ("NEP: New Economic Policy"); an
    appositive right after the term ("X, which ...", "X (...)"); then the
    clause around the term in the first sentence that gives one not already
    used for another concept; finally the first sentence itself. Cutting the
    clause keeps one long sentence from defining five different terms.
    """
    verbs = "|".join(sorted(DEFINING_VERBS))
    for i in where:
        sentence = sentences[i]
        for form in forms:
            f = re.escape(form)
            pattern = rf"^(?:(?:the|a|an)\s+)?{f}\s+(?:{verbs})\b"
            short = word_count(sentence) <= MAX_CLAUSE_WORDS
            if short and re.match(pattern, sentence, re.IGNORECASE) and sentence not in used:
                return sentence
    if forms and _is_acronym_form(forms[0]):
        expansion = next((f for f in forms[1:] if " " in f), "")
        if expansion:
            return f"{forms[0]}: {expansion}"
    items: list[str] = []
    clauses: list[str] = []
    for i in where:
        span = find_form(sentences[i], forms)
        if span is None:
            continue
        items.append(enumeration_item(sentences[i], span))
        clauses.append(appositive(sentences[i], span))
        clauses.extend(clause_candidates(sentences[i], *span))
    clean = [c for c in clauses if c and _clean_clause(c, sentences)]
    # The shortest clean clause, stable among equals (earlier sentences first).
    # Clauses naming the term itself (not an alias) first.
    clean.sort(key=lambda c: (find_form(c, forms[:1]) is None, word_count(c)))
    windows = []
    for i in where:
        span = find_form(sentences[i], forms)
        if span is not None:
            windows.append(phrase_window(sentences[i], *span))
    for context in [*items, *clean, *windows]:
        if context and context not in used:
            return context
    # Every clause is taken: share the shortest rather than quote a long sentence.
    for context in [*items, *clean, *clauses]:
        if context:
            return context
    return sentences[where[0]] if where else ""


#: Words that make a clause lean on what comes before it.
_DEPENDENT_OPENERS = ("and ", "or ", "but ", "which ", "who ", "with ", "whom ", "whose ")


def _clean_clause(clause: str, sentences: list[str]) -> bool:
    """A clause that reads on its own: it starts where the sentence or a clause
    starts (not mid-phrase), without a dependent opener, and its brackets match."""
    if clause.lower().startswith(_DEPENDENT_OPENERS):
        return False
    if clause.count("(") != clause.count(")"):
        return False
    for sentence in sentences:
        at = sentence.find(clause)
        if at < 0:
            continue
        before = sentence[:at].rstrip()
        if not before or before[-1] in ",;:(\u2013\u2014-":
            return True
    return False


#: Items of an enumeration shorter than this many words say too little.
MIN_ITEM_WORDS = 3


def enumeration_item(sentence: str, span: tuple[int, int]) -> str:
    """The enumeration item holding ``span`` ("the re-lection campaign of factory
    committees" in "... in various ways: A; B; the re-lection campaign of
    factory committees"), or "" when the term is not in a list. The item says
    what the term is one case of, which is its most specific context."""
    for start, end in list_regions(sentence):
        if not start <= span[0] < end or start == 0:
            continue
        region = sentence[start:end]
        separator = r"\s*;\s*" if ";" in region else r",\s*(?:and\s+|or\s+)?"
        offset = start
        for piece in re.split(f"({separator})", region):
            if re.fullmatch(separator, piece):
                offset += len(piece)
                continue
            if offset <= span[0] < offset + len(piece):
                item = tidy(re.sub(r"^(?:and|or)\s+", "", piece))
                term_words = word_count(sentence[span[0] : span[1]])
                enough = MIN_ITEM_WORDS <= word_count(item) <= MAX_CLAUSE_WORDS
                return item if enough and word_count(item) > term_words + 1 else ""
            offset += len(piece)
    return ""


# --- the stage --------------------------------------------------------------------


def rank_concepts(sentences: list[TokenizedSentence], title: str | None) -> list[RankedConcept]:
    """Select and rank the text's key concepts, most important first."""
    texts = [s.text for s in sentences]
    groups, names = build_groups(sentences)
    title_units = frozenset(phrase_units(title)) if title else frozenset()
    regions = [list_regions(t) for t in texts]
    singles = [g for g in groups.values() if len(g.primary) == 1 and g.kinds == {"phrase"}]
    topic = max(singles, key=lambda g: (g.count, g.primary)).primary[0] if singles else ""
    for group in groups.values():
        group.aspect = bool(topic) and any(
            _of_topic(texts[m.sentence][m.start + len(m.surface) :], topic) for m in group.mentions
        )
        group.listed = any(a <= m.start < b for m in group.mentions for a, b in regions[m.sentence])
        group.score = score_group(group, len(sentences), title_units)
    ranked = sorted(groups.values(), key=lambda g: (-g.score, g.first, g.primary))
    budget = concept_budget(len(sentences))
    chosen: list[Group] = []
    for group in ranked:
        if len(chosen) >= budget:
            break
        if not _redundant(group, chosen):
            chosen.append(group)

    result: list[RankedConcept] = []
    seen_terms: set[str] = set()
    used: set[str] = set()
    for group in chosen:
        forms = _forms(group, names)
        where = occurrences(forms, texts)
        if not where or forms[0].casefold() in seen_terms:
            continue
        seen_terms.add(forms[0].casefold())
        units = frozenset(u for key in group.keys for u in key if u not in STOPWORDS)
        definition = definition_for(forms, texts, where, frozenset(used))
        used.add(definition)
        proper = _is_proper(group) or "acronym" in group.kinds
        lone_common = len(group.primary) == 1 and not proper and group.kinds <= {"phrase"}
        result.append(
            RankedConcept(
                term=forms[0],
                aliases=forms[1:],
                definition=definition,
                sentences=where,
                score=group.score,
                units=units,
                salient=_salient(group, where, proper, lone_common, title_units),
                topic=lone_common and len(where) * 2 > len(texts) >= MIN_TOPIC_SENTENCES,
            )
        )
    return result


def _salient(
    group: Group, where: list[int], proper: bool, lone_common: bool, title_units: frozenset[str]
) -> bool:
    """Whether the text says something about the concept rather than mention it
    in passing: a name or acronym, a repeated claim, a term in two or more
    sentences, a sentence subject, an enumerated item, or a phrase made of the
    title's words. A lone common noun ("review", "users") needs two sentences."""
    if proper or "claim" in group.kinds or len(where) >= 2:
        return True
    if lone_common:
        return False
    if group.listed or any(m.subject for m in group.mentions):
        return True
    content = [u for u in group.primary if u not in STOPWORDS]
    return len(content) >= 2 and all(u in title_units for u in content)


def _content_units(text: str) -> frozenset[str]:
    return frozenset(u for u in phrase_units(text) if u not in STOPWORDS)


def restates_title(term: str, title: str) -> bool:
    """Whether a term only restates the title (or a part of it before/after a
    colon): the same content words. What the whole text is about is the frame
    of the course, not one of the concepts it teaches."""
    units = _content_units(term)
    if not units or not title:
        return False
    parts = [title, *re.split(r"\s*[:\u2013\u2014]\s+", title)]
    return any(units == _content_units(part) for part in parts)


def mark_core(ranked: list[RankedConcept], title: str) -> list[RankedConcept]:
    """Flag the core concepts and put them first, each group in ranking order.

    Core are the best-ranked concepts (half of them, at least three) that the
    text says something about: not its topic word (a lone common noun in most
    sentences, like "unions" in an abstract about unions), not a restatement
    of its title, and not a phrase mentioned once in passing.
    """
    n_core = max(MIN_CORE, round(CORE_SHARE * len(ranked)))
    framing = [c.topic or restates_title(c.term, title) for c in ranked]
    order = [k for k, c in enumerate(ranked) if c.salient and not framing[k]]
    order += [k for k, c in enumerate(ranked) if not c.salient and not framing[k]]
    order += [k for k in range(len(ranked)) if framing[k]]
    core = set(order[:n_core])
    # Beyond the minimum, only salient concepts are core.
    core = {k for k in core if ranked[k].salient and not framing[k]} or core
    if len(core) < min(MIN_CORE, len(ranked)):
        core = set(order[:MIN_CORE])
    first = [k for k in range(len(ranked)) if k in core]
    rest = [k for k in range(len(ranked)) if k not in core]
    return [replace(ranked[k], core=k in core) for k in [*first, *rest]]


def to_draft_concepts(ranked: list[RankedConcept]) -> list[DraftConcept]:
    """Freeze the ranking (core concepts first, see :func:`mark_core`)."""
    if not any(c.core for c in ranked):
        ranked = mark_core(ranked, "")
    return [
        DraftConcept(
            term=c.term,
            aliases=list(c.aliases),
            definition=c.definition,
            sentences=list(c.sentences),
            core=c.core,
            rank=rank,
        )
        for rank, c in enumerate(ranked, start=1)
    ]
