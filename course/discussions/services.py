"""Workflows on discussion prompts: store generated ones, edit, delete, regenerate."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from course.catalog.models import Concept, Course, SourceSentence
from course.catalog.selectors import concepts_by_term, draft_concepts, source_sentences
from course.discussions.models import Prompt
from course.generator import DraftPrompt, generate_prompts


def _link(
    prompt: Prompt,
    item: DraftPrompt,
    sentences: Sequence[SourceSentence],
    concepts: dict[str, Concept],
) -> None:
    prompt.sentences.set([sentences[i] for i in item.sentences if 0 <= i < len(sentences)])
    prompt.concepts.set([concepts[t.casefold()] for t in item.concepts if t.casefold() in concepts])
    lessons = [sentences[i].lesson for i in sorted(item.sentences) if 0 <= i < len(sentences)]
    prompt.lesson = next((lesson for lesson in lessons if lesson is not None), None)
    prompt.save(update_fields=["lesson"])


def prompts_create(
    *,
    course: Course,
    items: Sequence[DraftPrompt],
    sentences: Sequence[SourceSentence],
    concepts: dict[str, Concept],
) -> list[Prompt]:
    start = (course.prompts.aggregate(n=Max("position"))["n"] or 0) + 1
    created = []
    for offset, item in enumerate(items):
        prompt = Prompt.objects.create(course=course, text=item.text, position=start + offset)
        _link(prompt, item, sentences, concepts)
        created.append(prompt)
    return created


def prompt_update(*, prompt: Prompt, text: str) -> Prompt:
    prompt.text = text
    prompt.save(update_fields=["text", "updated_at"])
    return prompt


def prompt_delete(*, prompt: Prompt) -> None:
    prompt.delete()


@transaction.atomic
def prompt_regenerate(*, prompt: Prompt) -> bool:
    """Replace a prompt by a different generated one; False when there is none."""
    course = prompt.course
    sentences = source_sentences(course)
    existing = list(course.prompts.values_list("text", flat=True))
    pool = generate_prompts([s.text for s in sentences], draft_concepts(course), exclude=existing)
    if not pool:
        return False
    choice = pool[0]
    prompt.text = choice.text
    prompt.save(update_fields=["text", "updated_at"])
    _link(prompt, choice, sentences, concepts_by_term(course))
    return True
