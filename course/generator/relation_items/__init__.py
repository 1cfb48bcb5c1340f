"""Quiz items beyond recall: questions on the relations a text states.

:mod:`..relations` finds purpose, cause, result, contrast, sequence and
definition relations at explicit cues. This package turns the clearest of them
into items that ask for the relation rather than a word of a sentence: "what
was X intended to do?", "what did X lead to?", "why did X ...?", a
chronological ordering, a swapped contrast to reject, "what is X?"; and, when
the text has too few fair wrong options for a choice item, a true/false pair
on the relation.

Nothing is invented. Keys are sides of a relation as written (a leading
"This"/"These" resolved from the sentence before, or the relation skipped);
wrong options are other phrases of the same text of the same grammatical form,
said of something else; true statements are the text's own words and false
ones swap in a side the text states of another thing.

The package is cut by what each part decides:

``words``       word lists and word tests (is this a verb? a name? a framing subject?);
``phrases``     phrases cut out of a sentence, and whether one can stand alone;
``text``        one text: sentences, relations, glossary, subjects, phrase pools;
``stems``       how each family words its question;
``options``     which phrases may stand beside a key as wrong options;
``drafts``      assembling items and the rules every item must pass;
``purpose`` / ``causal`` / ``contrast`` / ``definition`` / ``sequence``
                one family of items each;
``statements``  the true/false pairs made when a family has no choice item.

This module runs them all: :func:`relation_items`.
"""

from __future__ import annotations

from ..model import DraftConcept, DraftQuestion
from .causal import cause_items, cause_matching, result_items
from .contrast import contrast_items
from .definition import definition_items
from .drafts import passes_rules
from .purpose import purpose_items, purpose_matching
from .sequence import sequence_items, step_items
from .statements import true_false_pairs
from .text import Text

__all__ = ["relation_items"]


def relation_items(sentences: list[str], concepts: list[DraftConcept]) -> list[DraftQuestion]:
    """Questions on the relations the text states, in sentence order.

    Each item passes the generator's question rules (:func:`drafts.passes_rules`):
    keys, orderings and true statements are spans of the sentences they cite, false
    statements match no sentence. At most one item is kept per (type, answer),
    except true/false items, kept per statement.
    """
    t = Text(sentences, concepts)
    made = [
        *purpose_items(t),
        *purpose_matching(t),
        *result_items(t),
        *cause_items(t),
        *cause_matching(t),
        *definition_items(t),
    ]
    made = [q for q in made if passes_rules(q, sentences)]
    made += [*contrast_items(t), *true_false_pairs(t, made), *sequence_items(t), *step_items(t)]
    seen: set[tuple[str, str]] = set()
    out = []
    for q in made:
        answer = q.prompt if q.type == "true_false" else str(q.answer)
        key = (q.type, answer.casefold())
        if key not in seen and passes_rules(q, sentences):
            seen.add(key)
            out.append(q)
    return sorted(out, key=lambda q: (min(q.sentences), q.type, q.prompt))
