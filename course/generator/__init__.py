"""Lectern's text-processing core: a scholarly abstract in, a course draft out.

Plain Python (no web framework), deterministic, and organised as small stages that
later stages (questions, discussion prompts) can build on:

``decode``     bytes -> text, with user-facing errors;
``clean``      normalisation, wrapped lines, boilerplate, title, repeated copies;
``sentences``  sentence splitting (nupunkt) and repeated sentences;
``candidates`` / ``acronyms`` / ``concepts``  key concepts and their definitions;
``lessons``    contiguous lessons with titles, Markdown bodies, concepts, objectives;
``questions``  seven quiz types, overgenerated and filtered by ``checks``;
``prompts``    analytical discussion prompts;
``regenerate`` a concept for a term the teacher adds;
``pipeline``   the stages in order: :func:`build_draft`.
"""

from __future__ import annotations

from .checks import answer_matches, normalize_answer
from .decode import decode_text
from .errors import MAX_INPUT_BYTES, InputError
from .flaws import Flaw, confidence, findings, item_flaws
from .model import Draft, DraftConcept, DraftLesson, DraftPrompt, DraftQuestion, Removed
from .pipeline import build_draft
from .prompts import generate_prompts
from .regenerate import concept_from_term
from .selection import MIN_CONFIDENCE, generate_questions, more_questions
from .sentences import sentences_of

__all__ = [
    "MAX_INPUT_BYTES",
    "MIN_CONFIDENCE",
    "Draft",
    "DraftConcept",
    "DraftLesson",
    "DraftPrompt",
    "DraftQuestion",
    "Flaw",
    "InputError",
    "Removed",
    "answer_matches",
    "build_draft",
    "concept_from_term",
    "confidence",
    "decode_text",
    "findings",
    "generate_prompts",
    "generate_questions",
    "item_flaws",
    "more_questions",
    "normalize_answer",
    "sentences_of",
]
