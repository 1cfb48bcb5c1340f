"""Workflows that write courses: import an abstract as a draft, publish."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.generator import Draft, build_draft

if TYPE_CHECKING:
    from course.accounts.models import User

SLUG_MAX = 60


def _unique_slug(title: str) -> str:
    base = slugify(title)[:SLUG_MAX].strip("-") or "course"
    slug, n = base, 2
    while Course.objects.filter(slug=slug).exists():
        suffix = f"-{n}"
        slug = f"{base[: SLUG_MAX - len(suffix)]}{suffix}"
        n += 1
    return slug


def _summary(draft: Draft) -> str:
    # The opening sentences say what the abstract is about; a catalog card needs no more.
    summary = " ".join(draft.sentences[:2])
    return summary if len(summary) <= 400 else summary[:397].rsplit(" ", 1)[0] + "…"


@transaction.atomic
def course_create_from_draft(
    *, draft: Draft, source_text: str, instructors: list[User] | None = None
) -> Course:
    """Store a generated draft as one draft course: all of it or, on any error, nothing."""
    course = Course.objects.create(
        title=draft.title[:200],
        slug=_unique_slug(draft.title),
        summary=_summary(draft),
        source_text=source_text,
        cleaning_report=[{"kind": r.kind, "text": r.text} for r in draft.removed],
    )
    sentences = SourceSentence.objects.bulk_create(
        SourceSentence(course=course, position=i, text=text)
        for i, text in enumerate(draft.sentences)
    )
    for position, draft_lesson in enumerate(draft.lessons, start=1):
        lesson = Lesson.objects.create(
            course=course, position=position, title=draft_lesson.title[:200], body=draft_lesson.body
        )
        SourceSentence.objects.filter(course=course, position__in=draft_lesson.sentences).update(
            lesson=lesson
        )
    concepts = Concept.objects.bulk_create(
        Concept(
            course=course,
            term=c.term[:200],
            aliases=list(c.aliases),
            definition=c.definition,
            core=c.core,
            rank=c.rank,
        )
        for c in draft.concepts
    )
    links = [
        Concept.sentences.through(concept_id=concept.pk, sourcesentence_id=sentences[i].pk)
        for concept, draft_concept in zip(concepts, draft.concepts, strict=True)
        for i in sorted(set(draft_concept.sentences))
        if 0 <= i < len(sentences)
    ]
    Concept.sentences.through.objects.bulk_create(links)
    if instructors:
        from course.accounts.services import course_staff_add

        for user in instructors:
            course_staff_add(course=course, user=user)
    return course


def course_import_abstract(
    *, text: str, title: str | None = None, instructors: list[User] | None = None
) -> tuple[Course, Draft]:
    """Generate a draft from an abstract and store it. Raises generator.InputError on bad text."""
    draft = build_draft(text, title=title)
    course = course_create_from_draft(draft=draft, source_text=text, instructors=instructors)
    return course, draft


def course_publish(*, course: Course, by: User) -> Course:
    if not Course.objects.editable_by(by).filter(pk=course.pk).exists():
        raise PermissionDenied("Only the course's instructors and admins can publish it.")
    course.publish()
    return course
