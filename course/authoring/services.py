"""Authoring: the work that composes several apps into one draft course.

Importing an abstract stores the draft's catalog part (course, sentences, lessons,
glossary), its questions and its discussion prompts in one transaction, and makes the
instructor course staff. The review workspace's edits that carry a lesson's questions and
prompts along (merging and splitting lessons) or add questions with a concept are here too;
edits within one app are that app's services. Deleting and regenerating keep what they
remove (`RemovedItem`), so the review page can offer to undo them.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Sequence
from decimal import Decimal

from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model

from course.accounts.models import User
from course.authoring.models import RemovedItem
from course.authoring.selectors import PublishChecklist, publish_checklist
from course.catalog.access import can_edit
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.catalog.services import (
    concept_create,
    course_create_from_draft,
    course_staff_add,
    require_draft,
)
from course.catalog.services import course_publish as catalog_course_publish
from course.catalog.signals import course_requirements_changed
from course.discussions.models import Post, Prompt
from course.discussions.services import (
    prompt_delete,
    prompt_regenerate,
    prompt_regenerate_copy,
    prompts_create,
)
from course.generator import Draft, build_draft
from course.pagecache import course_changed
from course.quizzes.bank import bank_chosen
from course.quizzes.models import Question, QuestionVersion, Quiz, QuizQuestion
from course.quizzes.services import (
    question_delete,
    question_delete_refusal,
    question_regenerate,
    question_regenerate_copy,
    questions_create,
    questions_for_new_concept,
)

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


# --- publishing, past the checklist -----------------------------------------------------


class UnfinishedCourse(ValidationError):
    """Publishing was asked without "Publish anyway" while the checklist is not empty."""

    def __init__(self, checklist: PublishChecklist) -> None:
        super().__init__(
            f"{checklist.unfinished} thing(s) are unfinished: publish anyway, or finish them."
        )
        self.checklist = checklist


@transaction.atomic
def course_publish(*, course: Course, by: User, anyway: bool = False) -> Course:
    """Publish the course if its checklist is empty, or if the instructor said "Publish
    anyway" having seen it. The check is here, not only in the page: a form posted without
    the confirmation publishes nothing that is unfinished."""
    _require_editor(by, course.pk)
    course = Course.objects.select_for_update().get(pk=course.pk)
    if not anyway:
        checklist = publish_checklist(course)
        if not checklist.is_empty:
            raise UnfinishedCourse(checklist)
    return catalog_course_publish(course=course, by=by)


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
    """Add a concept the generator missed, with its sentences and new draft questions (none
    when the text gives none: `concept_draft_refusal` says why)."""
    concept = concept_create(course=course, term=term, definition=definition)
    questions_for_new_concept(concept=concept)
    return concept


# --- deleting and regenerating, kept so a click can be undone ---------------------------

Item = Question | Prompt


def _require_editor(user: User, course_id: int) -> Course:
    """The service's own check: a caller that skipped the view's still cannot change a
    course its user may not edit."""
    course = Course.objects.get(pk=course_id)
    if not can_edit(user, course):
        raise PermissionDenied("Only the course's instructors and admins can change it.")
    return course


def _label(item: Item) -> str:
    if isinstance(item, Question):
        return f"Q{item.pk} · {item.get_type_display()}: {item.prompt}"[:300]
    return f"D{item.pk}: {item.text}"[:300]


def _parts(item: Item) -> list[Model]:
    """The item and what hangs on it, each saved before what points at it."""
    if isinstance(item, Question):
        return [item, *item.versions.order_by("number"), *item.slots.order_by("pk")]
    posts = sorted(item.posts.all(), key=lambda post: (post.parent_id is not None, post.pk))
    return [item, *posts]


class _Exact(json.JSONEncoder):
    """Times to the microsecond (Django's JSON encoder keeps milliseconds), decimals and
    ids as text: a restored item compares equal to the one removed."""

    def default(self, o: object) -> object:
        if isinstance(o, datetime.datetime | datetime.date | datetime.time):
            return o.isoformat()
        if isinstance(o, Decimal | uuid.UUID):
            return str(o)
        return super().default(o)


def _keep(item: Item, reason: str, by: User) -> RemovedItem:
    kind = RemovedItem.Kind.QUESTION if isinstance(item, Question) else RemovedItem.Kind.PROMPT
    return RemovedItem.objects.create(
        course_id=item.course_id,
        kind=kind,
        item_id=item.pk,
        reason=reason,
        label=_label(item),
        data=json.loads(json.dumps(serializers.serialize("python", _parts(item)), cls=_Exact)),
        removed_by=by,
    )


@transaction.atomic
def question_remove(*, question: Question, by: User) -> RemovedItem:
    """Delete a question, keeping it (with its versions and quiz slots) to be restored.

    Raises ValidationError, keeping nothing, where `question_delete` refuses (answered).
    """
    _require_editor(by, question.course_id)
    kept = _keep(question, RemovedItem.Reason.DELETED, by)
    question_delete(question=question)
    return kept


@transaction.atomic
def questions_remove(*, course: Course, ids: Sequence[int], by: User) -> list[RemovedItem]:
    """The bank's bulk delete: every chosen question, each kept as `question_remove` keeps
    one, or none (ValidationError naming why) when one is answered or not in this bank."""
    _require_editor(by, course.pk)
    chosen = bank_chosen(course=course, ids=ids)
    answered = [q for q in chosen if question_delete_refusal(q)]
    if answered:
        named = ", ".join(f"Q{q.pk}" for q in answered)
        raise ValidationError(
            f"Students have answered {named}, so nothing was deleted: answered questions stay "
            "in the bank and their records keep them. Untick them, or remove them from quizzes."
        )
    return [question_remove(question=question, by=by) for question in chosen]


@transaction.atomic
def question_replace(*, question: Question, by: User) -> RemovedItem | None:
    """Regenerate a generated question, keeping the one it replaces to be restored. None
    (nothing changed) when the generator has no different question; ValidationError
    (nothing changed) for an instructor's, imported or used question."""
    _require_editor(by, question.course_id)
    kept = _keep(question, RemovedItem.Reason.REPLACED, by)
    if not question_regenerate(question=question):
        kept.delete()
        return None
    return kept


def question_duplicate_regenerate(*, question: Question, by: User) -> Question | None:
    """A new draft on the question's concepts, beside it; the question stays as it is."""
    _require_editor(by, question.course_id)
    return question_regenerate_copy(question=question)


@transaction.atomic
def prompt_remove(*, prompt: Prompt, by: User) -> RemovedItem:
    """Delete a discussion prompt, keeping it (with its posts) to be restored."""
    _require_editor(by, prompt.course_id)
    kept = _keep(prompt, RemovedItem.Reason.DELETED, by)
    prompt_delete(prompt=prompt)
    return kept


@transaction.atomic
def prompt_replace(*, prompt: Prompt, by: User) -> RemovedItem | None:
    """Regenerate a generated, unanswered prompt, keeping the one it replaces; as
    `question_replace`."""
    _require_editor(by, prompt.course_id)
    kept = _keep(prompt, RemovedItem.Reason.REPLACED, by)
    if not prompt_regenerate(prompt=prompt):
        kept.delete()
        return None
    return kept


def prompt_duplicate_regenerate(*, prompt: Prompt, by: User) -> Prompt | None:
    """A new generated prompt beside this one, which stays as it is."""
    _require_editor(by, prompt.course_id)
    return prompt_regenerate_copy(prompt=prompt)


@transaction.atomic
def removed_item_restore(*, item: RemovedItem, by: User) -> Item:
    """Put a deleted or replaced item back as it was, with its id, links and quiz slots (or
    posts). What stands in its place now (a regenerated version) is kept in turn, so a
    restore can be undone like any other change."""
    locked = RemovedItem.objects.select_for_update().filter(pk=item.pk).first()
    if locked is None:  # a double click: the first one restored it
        raise ValidationError("This was already restored.")
    course = _require_editor(by, locked.course_id)
    model: type[Question] | type[Prompt] = (
        Question if locked.kind == RemovedItem.Kind.QUESTION else Prompt
    )
    current = model.objects.select_for_update().filter(pk=locked.item_id, course=course).first()
    if current is not None:
        _keep(current, RemovedItem.Reason.REPLACED, by)
    restored = _put_back(locked, course, current)
    locked.delete()
    if isinstance(restored, Prompt):  # a prompt to join again, and its posts count again
        course_requirements_changed.send(sender=Prompt, course_id=course.pk)
    return restored


def _put_back(item: RemovedItem, course: Course, current: Item | None) -> Item:
    """Save the kept objects again, leaving out links to what has gone since (a lesson, a
    concept, a quiz, a post's author)."""
    objects = list(serializers.deserialize("python", item.data, ignorenonexistent=True))
    main, rest = objects[0], objects[1:]
    restored = main.object
    assert isinstance(restored, Question | Prompt)
    lesson_id = restored.lesson_id
    if lesson_id is not None and not course.lessons.filter(pk=lesson_id).exists():
        restored.lesson_id = None
    linked = {"concepts": Concept.objects, "sentences": SourceSentence.objects}
    main.m2m_data = {
        name: list(linked[name].filter(course=course, pk__in=pks).values_list("pk", flat=True))
        for name, pks in (main.m2m_data or {}).items()
        if name in linked
    }
    if isinstance(restored, Question) and isinstance(current, Question):
        # The content comes back as the current one; a version an attempt froze stays.
        frozen = QuestionVersion.objects.filter(question=current, number=current.version)
        restored.version = current.version + 1 if frozen.exists() else current.version
    main.save()
    for part in rest:
        obj = part.object
        if (
            isinstance(obj, QuestionVersion)
            and QuestionVersion.objects.filter(question_id=restored.pk, number=obj.number).exists()
        ):
            continue
        if isinstance(obj, QuizQuestion) and (
            not Quiz.objects.filter(pk=obj.quiz_id, course=course).exists()
            or QuizQuestion.objects.filter(quiz_id=obj.quiz_id, question_id=restored.pk).exists()
        ):
            continue
        if isinstance(obj, Post):
            if Post.objects.filter(pk=obj.pk).exists():
                continue
            if obj.author_id is not None and not User.objects.filter(pk=obj.author_id).exists():
                obj.author_id = None
        part.save()
    return restored
