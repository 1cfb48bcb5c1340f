"""The whole generator: raw text in, :class:`~course.generator.model.Draft` out.

Stages run in a fixed order and each is a pure function of the previous
stage's output, so the same text always yields the same draft.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from .candidates import tokenize_sentences
from .clean import collapse_spaces, is_prose, normalize_chars
from .concepts import mark_core, rank_concepts, to_draft_concepts
from .decode import check_text
from .errors import InputError
from .lessons import build_lessons
from .model import Draft
from .prompts import build_prompts
from .selection import build_questions
from .sentences import split_sentences
from .source import is_method_section, left_out, read_page
from .titles import derive_title

NOTHING_LEFT = "Nothing is left after removing page boilerplate: no sentences found."
NO_PROSE = (
    "No sentences found: the text holds only short labels or headings. Paste the abstract itself."
)


def build_draft(
    text: str, *, title: str | None = None, progress: Callable[[str], None] | None = None
) -> Draft:
    """Turn a pasted abstract into a course draft.

    ``title`` overrides any title found in the text. Raises
    :class:`~course.generator.errors.InputError` (with a user-facing message)
    for empty, oversized, binary or boilerplate-only input.

    ``progress``, if given, is called with the name of each stage as it starts
    ("cleaning", "sentences", "concepts", "lessons", "questions", "prompts"), so a
    caller can show how far a long text has come. It changes nothing in the draft.
    """
    report = progress or _silent
    check_text(text)
    report("cleaning")
    cleaned = read_page(text)
    # Labels and headings alone (in whatever script) are not an abstract to teach from.
    if cleaned.paragraphs and not any(is_prose(p) for p in cleaned.paragraphs):
        raise InputError(NO_PROSE)
    report("sentences")
    split = split_sentences(cleaned.paragraphs, left_out=partial(left_out, script=cleaned.script))
    if not split.sentences:
        raise InputError(NOTHING_LEFT)
    sentences = tokenize_sentences(split.sentences)

    given = collapse_spaces(normalize_chars(title)) if title else ""
    hint = given or cleaned.title
    report("concepts")
    ranked = rank_concepts(sentences, hint)
    recurring = frozenset(c.term for c in ranked if len(c.sentences) > 1)
    final_title = hint or derive_title(
        [c.term for c in ranked], split.sentences[0], recurring=recurring
    )
    ranked = mark_core(ranked, final_title)

    report("lessons")
    lessons = build_lessons(sentences, split.paragraph_starts, ranked)
    concepts = to_draft_concepts(ranked)
    texts = list(split.sentences)
    lesson_of = {i: n for n, lesson in enumerate(lessons) for i in lesson.sentences}
    # A structured abstract's Methods (Design, Setting, …) say how the study was done, and
    # its Objective what it set out to do: no question or prompt asks them back as what the
    # text holds.
    method = frozenset(
        i
        for i, paragraph in enumerate(split.paragraph_of)
        if paragraph < len(cleaned.sections) and is_method_section(cleaned.sections[paragraph])
    )
    report("questions")
    questions = build_questions(texts, concepts, lesson_of, title=final_title, method=method)
    report("prompts")
    prompts = build_prompts(texts, concepts, method=method)
    return Draft(
        title=final_title,
        sentences=texts,
        removed=[*cleaned.removed, *split.removed],
        lessons=lessons,
        concepts=concepts,
        questions=questions,
        prompts=prompts,
    )


def _silent(stage: str) -> None:
    """No one is watching the stages."""
