"""Relations a sentence states in so many words: purpose, cause, result,
contrast, sequence and definition.

Each relation comes from an explicit English discourse cue ("was intended
to", "due to", "led to", "whereas", "from 1918 to the 1990s", "X is a Y")
and is cut into two sides at that cue. Without a parser the sides are found
with clause boundaries (semicolons, commas before conjunctions, "that" after
a verb, introductory phrases) and a few generic word lists, so the rules
prefer silence to a guess: a cue whose sides would be a fragment (empty, a
bare relative pronoun, unbalanced brackets, ending on a function word) is
dropped rather than reported.

What the two sides hold, by kind (``lemma`` names the cue's family):

===========  ==========================================  ================================
kind         left                                        right
===========  ==========================================  ================================
purpose      what acts or exists for the purpose          the purpose (a verb phrase or
                                                          clause)
cause        the effect                                   its cause
result       the cause                                    its result
contrast     the side set aside or conceded; for          the side the text asserts; for
             "no longer" the subject                      "no longer" what stopped being
sequence     the earlier event or time; for "began" the   the later event; what began; for
             subject; for "from/since <year>" the time    a time anchor the clause
definition   the term                                     what the text says it is
===========  ==========================================  ================================

``left_form`` and ``right_form`` say whether a side is a ``clause`` (it has its
own subject), a ``noun`` phrase, or a ``predicate`` (a verb phrase or
predicate whose subject is elsewhere).

The package is cut by what each part decides:

``words``       closed word lists and word tests (is this a finite verb?);
``clauses``     where a clause starts and ends, and a clause's subject;
``sides``       a cue's two sides tidied and checked, or no relation at all;
``purpose`` / ``causal`` / ``connectives`` / ``contrast`` / ``sequence`` /
``definition``  the cue patterns of each kind and the detectors that cut at them;
``model``       the :class:`Relation` record and its ``Kind`` and ``Form`` names.

This module runs every detector over a sentence: :func:`find_relations`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .causal import _cause, _result
from .clauses import _Sentence, subject_of
from .connectives import _connectives
from .contrast import _contrast
from .definition import _definition
from .model import Form, Kind, Relation
from .purpose import _purpose_clauses, _purpose_nouns, _purpose_verbs
from .sequence import _sequence
from .sides import _Found
from .words import GENERIC_SUBJECTS

__all__ = [
    "GENERIC_SUBJECTS",
    "Form",
    "Kind",
    "Relation",
    "find_relations",
    "subject_of",
    "text_relations",
]


#: A negation just before a cue: the relation is denied, not stated.
_DENIED_RE = re.compile(
    r"\b(?:not|neither|nor|never|no|cannot|n't)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def find_relations(sentence: str, index: int = 0, previous: str | None = None) -> list[Relation]:
    """Relations ``sentence`` states, in the order of their cues.

    ``previous`` (the sentence before, if any) lets a sentence-initial
    connective ("Thus, ...", "However, ...", "Second, ...") relate the two.
    """
    s = _Sentence(sentence.strip())
    found: list[_Found] = [
        *_purpose_verbs(s),
        *_purpose_clauses(s),
        *_purpose_nouns(s),
        *_cause(s),
        *_result(s, previous),
        *_connectives(s, previous),
        *_contrast(s, previous),
        *_sequence(s),
        *_definition(s),
    ]
    seen: set[tuple[str, str, str]] = set()
    relations = []
    for f in sorted(found, key=lambda f: f.start):
        if _DENIED_RE.search(s.text[max(0, f.start - 40) : f.start]):
            continue  # "neither caused X nor …", "did not lead to X": the text denies it
        key = (f.kind, f.left.casefold(), f.right.casefold())
        if key in seen:
            continue
        seen.add(key)
        relations.append(
            Relation(
                kind=f.kind,
                cue=f.cue,
                left=f.left,
                right=f.right,
                sentence=index,
                lemma=f.lemma,
                left_form=f.left_form,
                right_form=f.right_form,
                previous=f.previous,
            )
        )
    return relations


def text_relations(sentences: Sequence[str]) -> list[Relation]:
    """Relations of every sentence of a text, each sentence read after the one before."""
    relations: list[Relation] = []
    for i, sentence in enumerate(sentences):
        relations.extend(find_relations(sentence, i, sentences[i - 1] if i else None))
    return relations
