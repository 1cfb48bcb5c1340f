"""Authoring: the work that composes several apps into one draft course.

Importing an abstract stores the draft's catalog part (course, sentences, lessons,
glossary), its questions and its discussion prompts in one transaction, and makes the
instructor course staff. The review workspace's edits that carry a lesson's questions and
prompts along (merging and splitting lessons) or add questions with a concept are here too;
edits within one app are that app's services.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from course.accounts.models import User
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.catalog.services import (
    concept_create,
    course_create_from_draft,
    course_staff_add,
    require_draft,
)
from course.discussions.services import prompts_create
from course.generator import Draft, build_draft
from course.pagecache import course_changed
from course.quizzes.services import questions_create, questions_for_concept

# --- a new course from an abstract -------------------------------------------------------


@transaction.atomic
def course_import_draft(
    *,
    draft: Draft,
    source_text: str,
    instructors: list[User] | None = None,
    creation_token: uuid.UUID | None = None,
) -> Course:
    """Store a generated draft as one draft course: all of it or, on any error, nothing."""
    stored = course_create_from_draft(
        draft=draft, source_text=source_text, creation_token=creation_token
    )
    course, sentences, concepts = stored.course, stored.sentences, stored.concepts
    questions_create(course=course, items=draft.questions, sentences=sentences, concepts=concepts)
    prompts_create(course=course, items=draft.prompts, sentences=sentences, concepts=concepts)
    for user in instructors or []:
        course_staff_add(course=course, user=user)
    return course


def course_import_abstract(
    *,
    text: str,
    title: str | None = None,
    instructors: list[User] | None = None,
    creation_token: uuid.UUID | None = None,
) -> tuple[Course, Draft]:
    """Generate a draft from an abstract and store it. Raises InputError on bad text."""
    draft = build_draft(text, title=title)
    try:
        course = course_import_draft(
            draft=draft,
            source_text=text,
            instructors=instructors,
            creation_token=creation_token,
        )
    except IntegrityError:
        # The twin submit won the race on the unique token; show the course it made.
        existing = Course.objects.filter(creation_token=creation_token).first()
        if creation_token is None or existing is None:
            raise
        return existing, draft
    return course, draft


def course_create_from_submission(
    *, text: str, title: str | None, creator: User, token: uuid.UUID
) -> Course:
    """The "new course from an abstract" form: the same submission twice makes one course."""
    existing = Course.objects.filter(creation_token=token).first()
    if existing is not None:
        return existing
    course, _ = course_import_abstract(
        text=text, title=title, instructors=[creator], creation_token=token
    )
    return course


# --- lessons and the questions and prompts they carry ----------------------------------


def _renumber(course: Course) -> None:
    """Positions 1..n in the current order. Ascending updates never collide: each lesson
    moves to a position no higher than its own, which the one before it has just left."""
    for index, lesson in enumerate(course.lessons.in_order(), start=1):
        if lesson.position != index:
            Lesson.objects.filter(pk=lesson.pk).update(position=index)


@transaction.atomic
def lesson_merge_next(*, lesson: Lesson) -> Lesson:
    """Fold the following lesson into this one: its text, sentences, questions, prompts."""
    course = Course.objects.select_for_update().get(pk=lesson.course_id)
    require_draft(course)
    course_changed(course.slug)  # bulk updates below send no signals
    following = course.lessons.in_order().filter(position__gt=lesson.position).first()
    if following is None:
        raise ValidationError("This is the last lesson: there is nothing after it to merge.")
    lesson.body = f"{lesson.body.rstrip()}\n\n{following.body.lstrip()}"
    lesson.save(update_fields=["body", "updated_at"])
    following.sentences.update(lesson=lesson)
    following.questions.update(lesson=lesson)
    following.prompts.update(lesson=lesson)
    following.delete()
    _renumber(course)
    lesson.refresh_from_db()
    return lesson


@transaction.atomic
def lesson_split(*, lesson: Lesson, at_sentence: int) -> Lesson:
    """Start a new lesson at one of this lesson's sentences (not its first).

    The body is cut where that sentence begins when the text still holds it as generated;
    if the instructor has rewritten the body so the sentence is gone, both halves are
    rebuilt from their source sentences.
    """
    course = Course.objects.select_for_update().get(pk=lesson.course_id)
    require_draft(course)
    course_changed(course.slug)  # bulk updates below send no signals
    sentences = list(lesson.sentences.order_by("position"))
    positions = [s.position for s in sentences]
    if at_sentence not in positions[1:]:
        raise ValidationError("Choose one of this lesson's sentences after its first.")
    cut = positions.index(at_sentence)
    first, second = sentences[:cut], sentences[cut:]
    start = lesson.body.find(second[0].text)
    if start > 0:
        head, tail = lesson.body[:start].rstrip(), lesson.body[start:].lstrip()
    else:
        head = " ".join(s.text for s in first)
        tail = " ".join(s.text for s in second)
    # Make room after this lesson: shift later lessons up, highest first.
    for later in course.lessons.filter(position__gt=lesson.position).order_by("-position"):
        Lesson.objects.filter(pk=later.pk).update(position=F("position") + 1)
    new = Lesson.objects.create(
        course=course,
        position=lesson.position + 1,
        title=f"{lesson.title} (continued)"[:200],
        body=tail,
    )
    lesson.body = head
    lesson.save(update_fields=["body", "updated_at"])
    moved = [s.pk for s in second]
    SourceSentence.objects.filter(pk__in=moved).update(lesson=new)
    lesson.questions.filter(sentences__pk__in=moved).update(lesson=new)
    lesson.prompts.filter(sentences__pk__in=moved).update(lesson=new)
    return new


# --- the glossary ------------------------------------------------------------------------


@transaction.atomic
def concept_add(*, course: Course, term: str, definition: str = "") -> Concept:
    """Add a concept the generator missed, with its sentences and new draft questions."""
    concept = concept_create(course=course, term=term, definition=definition)
    questions_for_concept(concept=concept)
    return concept
