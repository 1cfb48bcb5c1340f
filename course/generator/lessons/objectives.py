"""One distinct learning objective per lesson.

The best objective states a relation the lesson's own sentences state, scored
by kind and by whether it is about the lesson's leading concepts; without one,
the lesson's most specific concept is to be summarised.
"""

from __future__ import annotations

import re

from ..concepts import RankedConcept
from ..flaws.item import has_main_clause
from ..relations import Relation, text_relations
from .naming import (
    _is_bare_acronym,
    _mentioned,
    _salient_concepts,
    _title_candidates,
    looks_like_person,
    poor_titles,
)
from .phrasing import _Text
from .segments import Segment
from .templates import _DATED_LEMMAS, _TEMPLATES

#: Longest learning objective, in characters.
MAX_OBJECTIVE = 160


def _relation_objectives(
    seg: Segment,
    relations: list[Relation],
    salient: list[RankedConcept],
    text: _Text,
) -> list[tuple[float, str]]:
    """Objectives stating a relation the lesson's own sentences state, best first."""
    options = []
    for rel in relations:
        if not seg.start <= rel.sentence < seg.end:
            continue
        if rel.previous and rel.sentence - 1 < seg.start:
            continue  # half of it is in the lesson before
        make, weight = _TEMPLATES[rel.kind]
        if rel.lemma in _DATED_LEMMAS:
            weight += 0.3  # a development tied to a date says more than "began to"
        objective = make(rel, salient, text)
        if not objective or len(objective) > MAX_OBJECTIVE or not _well_formed(objective):
            continue
        objective = objective[:1].upper() + objective[1:]
        # About what the lesson is about: its leading concept, or one of the next two.
        mentioned = _mentioned(objective, salient[:3])
        bonus = 2.0 if salient[:1] == mentioned[:1] and mentioned else 1.0 if mentioned else 0.0
        score = weight + bonus - len(objective) / MAX_OBJECTIVE
        options.append((score, objective))
    options.sort(key=lambda option: -option[0])
    return options


#: "Explain why <clause>.": what the clause must be, a whole one with its verb.
_WHY_RE = re.compile(r"^Explain why (.+)\.$")
#: A task cut before its object ("led to what Anderson."), or a noun the task names twice
#: ("the aim of the study aim").
_CUT_RE = re.compile(
    r"\b(?:what|which|how)\s+\S+\.$|"
    # "Explain how although all channels contribute …": a subordinate clause with no main one
    r"^Explain (?:how|why|what) (?:although|though|while|whereas|because|if|when|since)\b"
)
_TWICE_RE = re.compile(r"\b(aim|purpose|cause|contrast|role)\b.*\b\1\b", re.IGNORECASE)


def _well_formed(objective: str) -> bool:
    """A task a student can read: "Explain why" takes a whole clause ("why choosing fruit
    tree varieties that are adapted" is none), a task does not end on a cut ("led to what
    Anderson"), nor name its own noun twice."""
    why = _WHY_RE.match(objective)
    if why and not has_main_clause(why.group(1)):
        return False
    return not (
        _CUT_RE.search(objective) or _TWICE_RE.search(objective) or _POINTER_RE.search(objective)
    )


#: "the claim that this phrase arose …": a pointer at a sentence the task does not quote.
_POINTER_RE = re.compile(r"\b(?:this|these|those)\s+(?!text\b)[a-z]+", re.IGNORECASE)


def _summary_objective(
    seg: Segment,
    salient: list[RankedConcept],
    relations: list[Relation],
    text: _Text,
    poor: frozenset[str],
) -> list[str]:
    """ "Summarise what the text says about X." for the lesson's concepts that can carry
    it: a person's name or a bare acronym only when a relation in the lesson involves it
    (otherwise it is as likely page matter as subject matter)."""
    related = " ".join(
        f"{r.left} {r.right}" for r in relations if seg.start <= r.sentence < seg.end
    )
    options = []
    for concept in _title_candidates(salient, poor):
        if concept.term in poor:
            # A name or acronym may be what a relation is about; a cut-off clause never.
            person = looks_like_person(concept.term, text.sentences)
            if not (person or _is_bare_acronym(concept.term)):
                continue
            if not _mentioned(related, [concept]):
                continue
        options.append(f"Summarise what the text says about {text.with_article(concept.term)}.")
    return options


def lesson_objectives(
    segments: list[Segment],
    concepts: list[RankedConcept],
    texts: list[str],
    relations: list[Relation] | None = None,
    titles: list[str] | None = None,
) -> list[str]:
    """One distinct objective per lesson.

    The best is a relation the lesson's sentences state (a purpose, a cause, a
    contrast, a development over time, a definition), phrased as a task; without
    one, the lesson's most specific concept to summarise. A concept its title
    names counts as its most specific.
    """
    relations = text_relations(texts) if relations is None else relations
    text = _Text(texts)
    poor = poor_titles(concepts, texts)
    objectives: list[str] = []
    for number, seg in enumerate(segments):
        salient = _salient_concepts(seg, concepts)
        if titles:
            named = _mentioned(titles[number], salient)
            salient = named[:1] + [c for c in salient if c not in named[:1]]
        options = [o for _, o in _relation_objectives(seg, relations, salient, text)]
        options += _summary_objective(seg, salient, relations, text, poor)
        options.append(f"Summarise the main point of part {number + 1} of the text.")
        objective = next(o for o in options if len(o) <= MAX_OBJECTIVE and o not in objectives)
        objectives.append(objective[:1].upper() + objective[1:])
    return objectives
