"""Which of a lesson's concepts can name it, and which the lesson is most about.

Titles and objectives both start from the lesson's most specific concepts and
both steer away from terms that make poor names: a person's name, a bare
acronym (as likely page matter as subject matter) or a cut-off clause or verb
phrase. Both must agree on these, so both use the checks defined here.
"""

from __future__ import annotations

import re

from ..concepts import RankedConcept
from ..tokens import is_acronym
from .segments import Segment


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _salient_concepts(seg: Segment, concepts: list[RankedConcept]) -> list[RankedConcept]:
    """Concepts of the lesson, those most specific to it first."""
    scored = []
    for rank, concept in enumerate(concepts):
        inside = sum(1 for i in concept.sentences if seg.start <= i < seg.end)
        if not inside:
            continue
        # Squared share: a concept spread over the whole text titles no lesson.
        share = (inside / len(concept.sentences)) ** 2
        introduced = 1.15 if seg.start <= concept.sentences[0] < seg.end else 1.0
        scored.append((-(concept.score * share * introduced), rank, concept))
    scored.sort(key=lambda item: item[:2])
    return [concept for _, _, concept in scored]


#: Words that make a capitalised phrase an institution, place or event, not a person.
_NOT_PERSON_WORDS = _words(
    """
    act acts agency association bank bill board bureau church college commission committee
    company corporation council court crisis department federation foundation front fund
    government group hemisphere institute institution journal league library libraries
    ministry movement museum ocean office organization organisation party plan press
    programme program project republic review revolution school sea society struggle
    system union university war north south east west new saint st upper lower great
    central national international general
    """
)
_NAME_PARTICLES = _words("van von de der den da di del della la le du bin ibn al dos das")


_COMMON_NOUN_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ism", "ure", "ics", "ing", "ogy", "ance", "ence",
    "ship", "ist", "ists", "ers", "ions", "ments",
)  # fmt: skip


def looks_like_person(term: str, texts: list[str]) -> bool:
    """Whether ``term`` reads as a person's name ("Leo van Rossum", "Allen S").

    Two or three capitalised words (name particles aside), none naming an
    institution, place or event or built like a common noun ("Situation"), and
    never written with "the" in the text: people take no article.
    """
    words = term.split()
    names = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if not 2 <= len(names) <= 3:
        return False
    for word in names:
        lower = word.lower()
        if not word[:1].isupper() or is_acronym(word) or lower in _NOT_PERSON_WORDS:
            return False
        if lower.endswith(_COMMON_NOUN_ENDINGS):
            return False
    pattern = re.compile(rf"\bthe\s+{re.escape(term)}\b", re.IGNORECASE)
    return not any(pattern.search(text) for text in texts)


def _is_bare_acronym(term: str) -> bool:
    return " " not in term and is_acronym(term)


def _forms_pattern(concept: RankedConcept) -> str:
    """A regex alternation of the concept's forms, longest first (never empty)."""
    forms = sorted(
        {f for f in (concept.term, *concept.aliases) if f.strip()}, key=len, reverse=True
    )
    return "|".join(re.escape(f) for f in forms) or "(?!)"


#: Words after which a phrase is a noun phrase.
_NOUN_STARTERS = _words(
    "the a an this these that those its their his her our my your some any each every no "
    "of in on at by for with to from into about through using"
)
#: A term opening with one of these is a cut-off clause, not a name for a subject.
_CLAUSE_OPENERS = _words(
    "despite although though because while whereas however thus therefore and or but of in "
    "on at by for with to from as if when"
)


def poor_titles(concepts: list[RankedConcept], texts: list[str]) -> frozenset[str]:
    """Terms that title a lesson only when nothing else can: people's names, bare
    acronyms (as likely page matter as subject matter) and cut-off clauses."""
    return frozenset(
        c.term
        for c in concepts
        if looks_like_person(c.term, texts)
        or _is_bare_acronym(c.term)
        or c.term.split()[0].lower() in _CLAUSE_OPENERS
        or _verb_initial(c, texts)
    )


def _title_candidates(ranked: list[RankedConcept], poor: frozenset[str]) -> list[RankedConcept]:
    return [c for c in ranked if c.term not in poor] + [c for c in ranked if c.term in poor]


def _verb_initial(concept: RankedConcept, texts: list[str]) -> bool:
    """A term in -ed never written after a determiner or preposition is a verb phrase
    ("... and achieved significant development"), not a name for a subject."""
    first = concept.term.split()[0].lower()
    if not (len(first) > 4 and first.endswith("ed")):
        return False
    pattern = re.compile(rf"(?<!\w)(?:{_forms_pattern(concept)})(?!\w)", re.IGNORECASE)
    for text in texts:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 30) : match.start()].split()
            if before and before[-1].lower() in _NOUN_STARTERS:
                return False
    return True


def _mentioned(passage: str, concepts: list[RankedConcept]) -> list[RankedConcept]:
    """The concepts ``passage`` names, in their order."""
    pattern = r"(?<!\w)(?:{})(?!\w)"
    return [
        c for c in concepts if re.search(pattern.format(_forms_pattern(c)), passage, re.IGNORECASE)
    ]
