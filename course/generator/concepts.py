"""Stage 3: rank candidate mentions into a glossary of key concepts.

The pipeline is overgenerate -> group -> filter -> score -> select -> define:

* mentions come from :mod:`course.generator.candidates`;
* :mod:`course.generator.grouping` gathers mentions sharing a comparison key
  into a group and merges groups that are variants of one concept (an acronym
  and its expansion, "X movement" and "X");
* :mod:`course.generator.filters` drops stray letters, one-off "X of Y"
  syntax, phrases of vague words only, and lone everyday words ("workers",
  "review") that the text does not define;
* the score is a product of the factors in :mod:`course.generator.weights`:
  the text's own signals (recurrence, an early first mention, names and
  acronyms, sentence subjects, listed, defined and contrasted terms, words
  shared with the title) and how rare the term's words are in English at large;
* selection walks the ranking and skips a group that adds nothing to one
  already chosen (a part that never occurs outside it, or the same phrase
  with one more modifier);
* each chosen concept gets a definition from :mod:`course.generator.definitions`,
  never one another concept already has.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from . import weights
from .candidates import CONTENT, Mention, TokenizedSentence
from .definitions import definition_for, enumeration_regions, form_spans
from .filters import ADJECTIVE_ENDINGS, VAGUE_UNITS
from .frequency import rarity
from .grouping import Group, build_groups, is_proper
from .lexicon import STOPWORDS
from .model import DraftConcept
from .tokens import is_acronym, phrase_units, word_units

MIN_CONCEPTS = 8
MAX_CONCEPTS = 20
#: A text this short has no topic word distinct from its concepts.
MIN_TOPIC_SENTENCES = 4

#: Words that set two things against each other: "X rather than Y", "unlike X".
_CONTRAST_RE = re.compile(
    r"\b(?:rather than|instead of|as opposed to|in contrast to|in contrast with|versus|vs\.?|"
    r"unlike|compared (?:with|to)|different from|distinct from|not only)\b",
    re.IGNORECASE,
)
#: What may stand between a contrast marker and the term after it ("rather than on the X").
_AFTER_MARKER_RE = re.compile(r"^[\s,]*(?:(?:on|in|at|to|with|for|of|by|the|a|an|its|their)\s+)*$")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


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
    abbreviated: bool = False  # the text gives it an acronym
    coined: bool = False  # the text marks it as its term in quotation marks


_OF_RE = re.compile(r"^\s+of\s+(?:the\s+)?([^\W\d_][\w'-]*)")


def _of_topic(after: str, topic: str) -> bool:
    match = _OF_RE.match(after)
    return match is not None and word_units(match.group(1))[-1] == topic


# --- scoring ----------------------------------------------------------------------


def specificity(group: Group) -> float:
    """How specific the term's words are, 0..1: the rarity of its rarest content
    word in English at large (a name counts as at least fairly specific)."""
    surface = next(m.surface for m in group.mentions if m.key == group.primary)
    words = [x for x in _WORD_RE.findall(surface) if x.lower() not in STOPWORDS]
    value = max((rarity(x) for x in words), default=0.0)
    if is_proper(group) or "acronym" in group.kinds:
        value = max(value, weights.NAME_MIN_RARITY)
    return value


def score_group(group: Group, n_sentences: int, title_units: frozenset[str]) -> float:
    """Importance of a concept; higher is better. Each factor is described in
    :mod:`course.generator.weights`."""
    score = 1.0 + weights.FREQUENCY * math.log(group.count)
    words = group.words
    acronym = "acronym" in group.kinds
    if acronym:
        words = max(words, 2)  # an acronym abbreviates a multi-word term
    score *= 1.0 + weights.EXTRA_WORD * (min(words, 3) - 1)
    score *= 1.0 + weights.EARLY * (1.0 - group.first[0] / max(1, n_sentences))
    proper = is_proper(group)
    if proper:
        score *= weights.PROPER
    if acronym:
        score *= weights.ACRONYM
    key_units = [u for u in group.primary if u not in STOPWORDS]
    in_title = sum(1 for u in key_units if u in title_units) / max(1, len(key_units))
    score *= 1.0 + weights.TITLE * in_title
    if any(m.subject for m in group.mentions):
        score *= weights.SUBJECT
    if group.listed and words >= 2:
        score *= weights.LISTED * (weights.ASPECT if group.aspect else 1.0)
    if group.defined:
        score *= weights.DEFINED
    if group.contrasted:
        score *= weights.CONTRASTED
    if group.quoted:
        score *= weights.QUOTED
    if "date" in group.kinds:
        return score * weights.DATE
    if words == 1 and not proper:
        score *= weights.LONE_WORD
        if group.primary[0].endswith(ADJECTIVE_ENDINGS):
            score *= weights.LONE_ADJECTIVE
        return score * (1.0 + weights.SPECIFIC_WORD * specificity(group))
    return score * (1.0 + weights.SPECIFIC_PHRASE * specificity(group))


def _contrasted(mention: Mention, text: str) -> bool:
    """Whether a contrast marker sits right before or after the mention."""
    end = mention.start + len(mention.surface)
    for marker in _CONTRAST_RE.finditer(text):
        if marker.start() >= end and not text[end : marker.start()].strip(" ,"):
            return True
        if marker.end() <= mention.start and _AFTER_MARKER_RE.match(
            text[marker.end() : mention.start]
        ):
            return True
    return False


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return n < len(outer) and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _unit_keys(group: Group) -> list[tuple[str, ...]]:
    """Keys comparable by containment: an acronym key as its lower-case word."""
    return [word_units(k[0][1:]) if k[0].startswith("=") else k for k in group.keys]


def _cuts_through(group: Group, taken: dict[int, list[tuple[int, int]]]) -> bool:
    """Whether every mention of ``group`` starts inside an occurrence of a chosen
    term and runs past its end: "line simulator" in "panel line simulator" when
    "panel line" is chosen. Such a phrase splits a term in two; it names nothing."""
    return all(
        any(a < m.start < b < m.start + len(m.surface) for a, b in taken[m.sentence])
        for m in group.mentions
    )


def _redundant(group: Group, chosen: list[Group], taken: dict[int, list[tuple[int, int]]]) -> bool:
    """Whether ``group`` adds little to the concepts already chosen.

    Four cases: it is mostly used inside chosen longer concepts (fewer than
    half of its occurrences fall outside them: "industrialization policy"
    inside "rapid industrialization policy"); it is a chosen phrase with
    a modifier added and occurs no more often ("extensive personnel purge");
    it is a chosen lone word with a modifier, used once ("Stalinist
    industrialization" beside "industrialization"); or it cuts through a
    chosen term.
    """
    keys = _unit_keys(group)
    inside = 0
    for other in chosen:
        other_keys = _unit_keys(other)
        if any(_contains(ok, k) for k in keys for ok in other_keys):
            inside += other.count
        # A chosen phrase with a modifier in front adds little ("extensive personnel
        # purge"); one with more words after it is another thing ("Chinese Communist
        # Youth Corps"). Containing a chosen single word is fine ("union leadership"
        # vs "unions"), except an acronym: "ABC leadership" adds little to "ABC".
        acronym = "acronym" in other.kinds
        wider = any(
            (len(ok) > 1 and len(k) > len(ok) and k[-len(ok) :] == ok)
            or (acronym and _contains(k, ok))
            for k in keys
            for ok in other_keys
        )
        if wider and group.count <= other.count:
            return True
        headed = any(
            len(ok) == 1 and len(k) > 1 and k[-1] == ok[0] for k in keys for ok in other_keys
        )
        if headed and group.count == 1:
            return True
    if group.words > 1 and _cuts_through(group, taken):
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


# --- the stage --------------------------------------------------------------------


def _topic_unit(sentences: list[TokenizedSentence]) -> str:
    """The content word in the most sentences ("unions" in an abstract about unions),
    whether or not it is itself a concept: "X of the <topic>" is an aspect of it."""
    spread: Counter[str] = Counter()
    for sentence in sentences:
        spread.update(
            {
                unit
                for token, role in zip(sentence.tokens, sentence.roles, strict=True)
                if role == CONTENT
                for unit in token.units
                if unit not in STOPWORDS and unit not in VAGUE_UNITS
            }
        )
    return min(spread, key=lambda u: (-spread[u], u)) if spread else ""


#: A phrase that opens with a participle or adjective used as a preposition ("compared with
#: nonparticipants", "due to drought", "based on surveys") qualifies something else; it names
#: nothing a glossary could define.
_PREPOSITIONAL_RE = re.compile(
    r"^(?:compared|relative|according|due|owing|based|prior|subsequent|contrary|"
    r"regardless|irrespective|thanks|except|apart|related|linked|associated|attributed|"
    r"exposed|subjected|dependent|responsive)\s+(?:with|to|on|of|from|upon)\b"
)
#: A copula (and an adverb) right before a word: "is twofold", "is largely dependent".
_AFTER_COPULA_RE = (
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|seems?|became|becomes?)\s+(?:\w+ly\s+)?"
)
#: "Results show", "findings suggest": a report's subject and its verb, not a term.
_REPORT_HEADS = frozenset(["results", "findings", "data", "analyses", "studies", "authors"])
_REPORT_VERBS = frozenset(
    ["show", "suggest", "indicate", "reveal", "demonstrate", "confirm", "highlight", "imply"]
)


def _no_entry(term: str, texts: list[str], where: list[int]) -> bool:
    """A phrase no glossary would list: one that qualifies something else ("compared with
    nonparticipants"), a report's lead ("results show"), or one word that the text only ever
    says of something after a copula ("the aim is twofold", "is dependent upon": an
    adjective, not a thing) or only as the head of "the … of" ("the confines of")."""
    if _PREPOSITIONAL_RE.match(term):
        return True
    words = term.split()
    if len(words) == 2 and words[0].lower() in _REPORT_HEADS and words[1].lower() in _REPORT_VERBS:
        return True
    if len(words) == 1 and term.islower():
        mention = re.compile(rf"\b{re.escape(term)}\b", re.IGNORECASE)
        after = re.compile(_AFTER_COPULA_RE + re.escape(term) + r"\b", re.IGNORECASE)
        uses = sum(len(mention.findall(texts[i])) for i in where)
        predicative = sum(len(after.findall(texts[i])) for i in where)
        # "beyond the confines of", "in the radius of": the head of a relational phrase,
        # whose concept is what follows "of"
        head = re.compile(rf"\bthe\s+{re.escape(term)}\s+of\b", re.IGNORECASE)
        relational = sum(len(head.findall(texts[i])) for i in where)
        return uses > 0 and uses in (predicative, relational)
    return False


def rank_concepts(sentences: list[TokenizedSentence], title: str | None) -> list[RankedConcept]:
    """Select and rank the text's key concepts, most important first."""
    texts = [s.text for s in sentences]
    groups, names = build_groups(sentences)
    title_units = frozenset(phrase_units(title)) if title else frozenset()
    regions = [enumeration_regions(t) for t in texts]
    topic = _topic_unit(sentences)
    for group in groups.values():
        group.aspect = bool(topic) and any(
            _of_topic(texts[m.sentence][m.start + len(m.surface) :], topic) for m in group.mentions
        )
        group.listed = any(a <= m.start < b for m in group.mentions for a, b in regions[m.sentence])
        group.contrasted = any(_contrasted(m, texts[m.sentence]) for m in group.mentions)
        group.score = score_group(group, len(sentences), title_units)
    ranked = sorted(groups.values(), key=lambda g: (-g.score, g.first, g.primary))
    budget = concept_budget(len(sentences))
    chosen: list[Group] = []
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)  # where chosen terms occur
    result: list[RankedConcept] = []
    seen_terms: set[str] = set()
    used: set[str] = set()
    for group in ranked:
        if len(result) >= budget:
            break
        if _redundant(group, chosen, taken):
            continue
        forms = _forms(group, names)
        where = occurrences(forms, texts)
        if not where or forms[0].casefold() in seen_terms or _no_entry(forms[0], texts, where):
            continue
        # No two entries share a definition: one with nothing left to say is left out.
        definition = definition_for(forms, texts, where, frozenset(used), title)
        if not definition and group.quoted:
            # A term the text coins in quotation marks is kept even where another entry
            # quotes the same sentence: it is what the sentence is about.
            definition = definition_for(forms, texts, where, frozenset(), title)
        if not definition:
            continue
        chosen.append(group)
        for i in where:
            taken[i].extend(form_spans(texts[i], forms))
        seen_terms.add(forms[0].casefold())
        used.add(definition)
        units = frozenset(u for key in group.keys for u in key if u not in STOPWORDS)
        proper = is_proper(group) or "acronym" in group.kinds
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
                abbreviated="acronym" in group.kinds,
                coined=group.quoted,
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
    of its title, and not a phrase mentioned once in passing. A term the text
    abbreviates or coins in quotation marks is taught even when the title restates
    it: "abrupt community shifts (ACSs)" and "troilism" name the thing studied, where
    "the reorganization of the unions" only frames the course.
    """
    n_core = max(weights.MIN_CORE, round(weights.CORE_SHARE * len(ranked)))
    framing = [
        c.topic or (restates_title(c.term, title) and not (c.abbreviated or c.coined))
        for c in ranked
    ]
    order = [k for k, c in enumerate(ranked) if c.salient and not framing[k]]
    order += [k for k, c in enumerate(ranked) if not c.salient and not framing[k]]
    order += [k for k in range(len(ranked)) if framing[k]]
    core = set(order[:n_core])
    # Beyond the minimum, only salient concepts are core.
    core = {k for k in core if ranked[k].salient and not framing[k]} or core
    if len(core) < min(weights.MIN_CORE, len(ranked)):
        core = set(order[: weights.MIN_CORE])
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
