"""Workflows that write courses: import an abstract as a draft, edit the draft, publish."""

from __future__ import annotations

import hashlib
import uuid
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils.text import slugify

from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.generator import Draft, InputError, build_draft, concept_from_term, sentences_of
from course.pagecache import course_changed

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
    *,
    draft: Draft,
    source_text: str,
    instructors: list[User] | None = None,
    creation_token: uuid.UUID | None = None,
) -> Course:
    """Store a generated draft as one draft course: all of it or, on any error, nothing."""
    from course.discussions.services import prompts_create
    from course.quizzes.services import questions_create

    course = Course.objects.create(
        title=draft.title[:200],
        slug=_unique_slug(draft.title),
        summary=_summary(draft),
        source_text=source_text,
        cleaning_report=[
            {"kind": r.kind, "text": r.text, "before": r.before} for r in draft.removed
        ],
        creation_token=creation_token,
    )
    sentences = SourceSentence.objects.bulk_create(
        SourceSentence(course=course, position=i, text=text)
        for i, text in enumerate(draft.sentences)
    )
    for position, draft_lesson in enumerate(draft.lessons, start=1):
        lesson = Lesson.objects.create(
            course=course,
            position=position,
            title=draft_lesson.title[:200],
            objective=draft_lesson.objective[:300],
            body=draft_lesson.body,
        )
        for i in draft_lesson.sentences:
            sentences[i].lesson = lesson
    SourceSentence.objects.bulk_update(sentences, ["lesson"])
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
    Concept.sentences.through.objects.bulk_create(
        Concept.sentences.through(concept_id=concept.pk, sourcesentence_id=sentences[i].pk)
        for concept, draft_concept in zip(concepts, draft.concepts, strict=True)
        for i in sorted(set(draft_concept.sentences))
        if 0 <= i < len(sentences)
    )
    by_term = {c.term.casefold(): c for c in concepts}
    questions_create(course=course, items=draft.questions, sentences=sentences, concepts=by_term)
    prompts_create(course=course, items=draft.prompts, sentences=sentences, concepts=by_term)
    for user in instructors or []:
        from course.accounts.services import course_staff_add

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
        course = course_create_from_draft(
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


def course_publish(*, course: Course, by: User) -> Course:
    if not Course.objects.editable_by(by).filter(pk=course.pk).exists():
        raise PermissionDenied("Only the course's instructors and admins can publish it.")
    course.publish()
    return course


# --- editing lessons -------------------------------------------------------------------


def lesson_update(*, lesson: Lesson, title: str, objective: str, body: str) -> Lesson:
    lesson.title, lesson.objective, lesson.body = title, objective, body
    lesson.save(update_fields=["title", "objective", "body", "updated_at"])
    return lesson


def _require_draft(
    course: Course,
    message: str = "Lessons of a published course cannot be reordered, merged or split: "
    "students' progress points at them.",
) -> None:
    if course.is_published:
        raise ValidationError(message)


def _renumber(course: Course) -> None:
    """Positions 1..n in the current order. Ascending updates never collide: each lesson
    moves to a position no higher than its own, which the one before it has just left."""
    for index, lesson in enumerate(course.lessons.in_order(), start=1):
        if lesson.position != index:
            Lesson.objects.filter(pk=lesson.pk).update(position=index)


@transaction.atomic
def lesson_move(*, lesson: Lesson, direction: str) -> None:
    course = Course.objects.select_for_update().get(pk=lesson.course_id)
    _require_draft(course)
    course_changed(course.slug)  # bulk updates below send no signals
    lessons = list(course.lessons.in_order())
    index = next(i for i, other in enumerate(lessons) if other.pk == lesson.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(lessons):
        return
    a, b = lessons[index], lessons[target]
    # Through position 0 (unused: positions start at 1) so the unique constraint holds.
    Lesson.objects.filter(pk=a.pk).update(position=0)
    Lesson.objects.filter(pk=b.pk).update(position=a.position)
    Lesson.objects.filter(pk=a.pk).update(position=b.position)


@transaction.atomic
def lesson_merge_next(*, lesson: Lesson) -> Lesson:
    """Fold the following lesson into this one: its text, sentences, questions, prompts."""
    course = Course.objects.select_for_update().get(pk=lesson.course_id)
    _require_draft(course)
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
    _require_draft(course)
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


# --- the source --------------------------------------------------------------------------


def removed_digest(text: str) -> str:
    """Names one removed line in a form, so a repeated or stale POST restores nothing."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


#: Positions are shifted through this offset when sentences go in at the start, so no
#: UPDATE ever meets the (course, position) constraint half-way.
_POSITION_OFFSET = 1_000_000


@transaction.atomic
def course_restore_removed(*, course: Course, index: int, digest: str) -> list[SourceSentence]:
    """Put a line the generator left out back into the abstract, where the page had it.

    A line from above the abstract opens the first lesson; any other closes the last. Its
    sentences join that lesson and its text that lesson's body; the line leaves the
    cleaning report. ``digest`` must name the line at ``index`` (see
    :func:`removed_digest`): after a double submit or in a second tab the report has
    moved on, and nothing is restored twice.
    """
    course = Course.objects.select_for_update().get(pk=course.pk)
    _require_draft(course, "Lines can be restored while the course is a draft.")
    report = list(course.cleaning_report)
    if not 0 <= index < len(report) or removed_digest(report[index]["text"]) != digest:
        raise ValidationError("That line was already restored or is no longer in the report.")
    item = report.pop(index)
    texts = sentences_of(item["text"])
    lessons = list(course.lessons.in_order())
    if not texts or not lessons:
        raise ValidationError("That line holds no sentence to restore.")
    course_changed(course.slug)  # bulk updates below send no signals
    before = bool(item.get("before"))
    if before:
        lesson = lessons[0]
        sentences = course.sentences.all()
        sentences.update(position=F("position") + _POSITION_OFFSET + len(texts))
        sentences.update(position=F("position") - _POSITION_OFFSET)
        first = 0
        lesson.body = f"{' '.join(texts)}\n\n{lesson.body}".strip()
    else:
        lesson = lessons[-1]
        last = course.sentences.aggregate(last=Max("position"))["last"]
        first = 0 if last is None else last + 1
        lesson.body = f"{lesson.body}\n\n{' '.join(texts)}".strip()
    lesson.save(update_fields=["body", "updated_at"])
    course.cleaning_report = report
    course.save(update_fields=["cleaning_report", "updated_at"])
    return SourceSentence.objects.bulk_create(
        SourceSentence(course=course, position=first + n, text=text, lesson=lesson)
        for n, text in enumerate(texts)
    )


# --- the glossary ----------------------------------------------------------------------


@transaction.atomic
def concept_add(*, course: Course, term: str, definition: str = "") -> Concept:
    """Add a concept the generator missed, with its sentences and new draft questions."""
    from course.quizzes.services import questions_for_concept

    term = " ".join(term.split())
    if course.concepts.filter(term__iexact=term).exists():
        raise ValidationError(f"“{term}” is already in the glossary.")
    sentences = list(course.sentences.order_by("position"))
    try:
        found = concept_from_term([s.text for s in sentences], term, definition=definition)
    except InputError as error:
        raise ValidationError(str(error)) from error
    rank = (course.concepts.aggregate(n=Max("rank"))["n"] or 0) + 1
    concept = Concept.objects.create(
        course=course,
        term=found.term[:200],
        aliases=list(found.aliases),
        definition=found.definition,
        core=True,
        rank=rank,
    )
    concept.sentences.set([sentences[i] for i in found.sentences if 0 <= i < len(sentences)])
    questions_for_concept(concept=concept)
    return concept
