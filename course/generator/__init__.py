"""Lectern's text-processing core: a scholarly abstract in, a course draft out.

Plain Python (no web framework), deterministic, and organised as small stages that
later stages (questions, discussion prompts) can build on:

``decode``     bytes -> text, with user-facing errors;
``clean``      normalisation, wrapped lines, boilerplate, title, repeated copies;
``sentences``  sentence splitting (nupunkt) and repeated sentences;
``candidates`` / ``acronyms`` / ``concepts``  key concepts and their definitions;
``lessons``    contiguous lessons with titles and Markdown bodies;
``pipeline``   the stages in order: :func:`build_draft`.
"""

from __future__ import annotations

from .decode import decode_text
from .errors import MAX_INPUT_BYTES, InputError
from .model import Draft, DraftConcept, DraftLesson, Removed
from .pipeline import build_draft

__all__ = [
    "MAX_INPUT_BYTES",
    "Draft",
    "DraftConcept",
    "DraftLesson",
    "InputError",
    "Removed",
    "build_draft",
    "decode_text",
]
