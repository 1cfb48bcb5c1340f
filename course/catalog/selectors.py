"""Reads that rebuild generator input from a stored course."""

from __future__ import annotations

from course.catalog.models import Concept, Course, SourceSentence
from course.generator import DraftConcept


def source_sentences(course: Course) -> list[SourceSentence]:
    return list(course.sentences.order_by("position"))


def draft_concepts(course: Course) -> list[DraftConcept]:
    """The course's glossary as the generator sees it (two queries)."""
    concepts = Concept.objects.filter(course=course).prefetch_related("sentences")
    return [
        DraftConcept(
            term=c.term,
            aliases=list(c.aliases),
            definition=c.definition,
            sentences=sorted(s.position for s in c.sentences.all()),
            core=c.core,
            rank=c.rank,
        )
        for c in concepts.order_by("rank", "term")
    ]


def concepts_by_term(course: Course) -> dict[str, Concept]:
    return {c.term.casefold(): c for c in Concept.objects.filter(course=course)}
