"""Single-item regeneration for the web layer: a concept the teacher adds by hand.

Regenerating a question or prompt is :func:`questions.generate_questions` /
:func:`prompts.generate_prompts`; this module builds the glossary entry for a
term the generator missed, from the text alone (or the teacher's definition).
"""

from __future__ import annotations

from .concepts import occurrences
from .definitions import definition_for
from .errors import InputError
from .model import DraftConcept

#: Rank given to a hand-added concept: after every generated one.
MANUAL_RANK = 99


def concept_from_term(sentences: list[str], term: str, *, definition: str = "") -> DraftConcept:
    """A core concept for ``term``: its sentences (word-bounded, case-insensitive)
    and a definition drawn from the text unless the teacher gave one.

    Raises :class:`InputError` when the term does not occur in the text, since
    nothing could then be taught or quizzed about it.
    """
    term = " ".join(term.split())
    where = occurrences([term], sentences) if term else []
    if not where:
        raise InputError(f"\u201c{term}\u201d does not occur in the text.")
    text = definition.strip() or definition_for([term], sentences, where)
    return DraftConcept(
        term=term, aliases=[], definition=text, sentences=where, core=True, rank=MANUAL_RANK
    )
