"""Stage 4: cut the sentences into contiguous lessons, title them, and give each
a Markdown body and a learning objective.

The stage is cut by what each part decides:

``segments``    where the topic shifts, so where one lesson ends and the next begins;
``naming``      which of a lesson's concepts can name it (not a person's name, a bare
                acronym or a cut-off clause);
``titles``      a distinct title per lesson;
``body``        the lesson's sentences as Markdown paragraphs;
``phrasing``    noun phrases and clauses of the text, made fit to quote in an objective;
``templates``   an objective per kind of relation (purpose, cause, contrast ...);
``objectives``  the best objective per lesson, from a relation it states or its concepts.

:func:`build_lessons` runs them in that order.
"""

from __future__ import annotations

from ..candidates import TokenizedSentence
from ..concepts import RankedConcept
from ..model import DraftLesson
from ..relations import text_relations
from .body import MAX_PARAGRAPH_SENTENCES, lesson_body
from .naming import looks_like_person, poor_titles
from .objectives import MAX_OBJECTIVE, lesson_objectives
from .segments import (
    MAX_LESSONS,
    MIN_LESSONS,
    TARGET_SIZE,
    Segment,
    boundary_costs,
    lesson_count,
    segment,
)
from .titles import MAX_LESSON_TITLE, MAX_PAIR_TITLE, lesson_titles

__all__ = [
    "MAX_LESSONS",
    "MAX_LESSON_TITLE",
    "MAX_OBJECTIVE",
    "MAX_PAIR_TITLE",
    "MAX_PARAGRAPH_SENTENCES",
    "MIN_LESSONS",
    "TARGET_SIZE",
    "Segment",
    "boundary_costs",
    "build_lessons",
    "lesson_body",
    "lesson_count",
    "lesson_objectives",
    "lesson_titles",
    "looks_like_person",
    "poor_titles",
    "segment",
]


def build_lessons(
    sentences: list[TokenizedSentence],
    paragraph_starts: list[int],
    concepts: list[RankedConcept],
) -> list[DraftLesson]:
    """Lessons covering every sentence exactly once, in order."""
    n = len(sentences)
    if n == 0:
        return []
    costs = boundary_costs(sentences, concepts, paragraph_starts)
    segments = segment(costs, lesson_count(n))
    titles = lesson_titles(segments, sentences, concepts)
    texts = [s.text for s in sentences]
    objectives = lesson_objectives(segments, concepts, texts, text_relations(texts), titles)
    return [
        DraftLesson(
            title=title,
            sentences=seg.indexes,
            body=lesson_body(seg, texts, paragraph_starts),
            concepts=[
                c.term for c in concepts if any(seg.start <= i < seg.end for i in c.sentences)
            ],
            objective=objective,
        )
        for seg, title, objective in zip(segments, titles, objectives, strict=True)
    ]
