"""Workflows that write courses and who is in them: store a draft's catalog part, edit
lessons and the source, publish; enroll people and make them course staff.

A draft's questions and prompts, and edits that carry them along (merging or splitting
lessons, a concept with its new questions), are composed above the catalog, in
`course.authoring`.
"""

from __future__ import annotations

import hashlib
import operator
import uuid
from dataclasses import dataclass, field
from functools import reduce

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils.text import slugify

from course.accounts.models import CourseStaff, Enrollment, User
from course.catalog.models import Concept, Course, CourseSlugAlias, Lesson, SourceSentence
from course.catalog.signals import course_requirements_changed
from course.generator import Draft, InputError, concept_from_term, sentences_of
from course.pagecache import course_changed

SLUG_MAX = 60


def slug_taken(slug: str, *, by_other_than: Course | None = None) -> bool:
    """Whether a course uses the slug now or used it before (its old addresses redirect)."""
    courses = Course.objects.filter(slug=slug)
    aliases = CourseSlugAlias.objects.filter(slug=slug)
    if by_other_than is not None:
        courses = courses.exclude(pk=by_other_than.pk)
        aliases = aliases.exclude(course=by_other_than)
    return courses.exists() or aliases.exists()


def _unique_slug(title: str) -> str:
    base = slugify(title)[:SLUG_MAX].strip("-") or "course"
    slug, n = base, 2
    while slug_taken(slug):
        suffix = f"-{n}"
        slug = f"{base[: SLUG_MAX - len(suffix)]}{suffix}"
        n += 1
    return slug


def _summary(draft: Draft) -> str:
    # The opening sentences say what the abstract is about; a catalog card needs no more.
    summary = " ".join(draft.sentences[:2])
    return summary if len(summary) <= 400 else summary[:397].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class StoredDraft:
    """A draft's catalog part, stored: what its questions and prompts are linked to."""

    course: Course
    sentences: list[SourceSentence]  # in the draft's order: its sentence indexes point here
    concepts: dict[str, Concept]  # by casefolded term, as the draft's items name them


def course_create_from_draft(
    *, draft: Draft, source_text: str, creation_token: uuid.UUID | None = None
) -> StoredDraft:
    """Store a generated draft's course, source sentences, lessons and glossary. Call it
    inside the transaction that stores the rest of the draft (`course.authoring`)."""
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
    return StoredDraft(course=course, sentences=sentences, concepts=by_term)


def _require_editor(by: User, course: Course, what: str = "change it") -> None:
    """The service's own check, whatever the view checked: a caller that skipped it still
    cannot change a course its user may not edit."""
    if not Course.objects.editable_by(by).filter(pk=course.pk).exists():
        raise PermissionDenied(f"Only the course's instructors and admins can {what}.")


def course_publish(*, course: Course, by: User) -> Course:
    _require_editor(by, course, "publish it")
    course.publish()
    return course


# --- the course's settings ---------------------------------------------------------------


@transaction.atomic
def course_settings_update(
    *,
    course: Course,
    by: User,
    title: str,
    summary: str,
    slug: str,
    completion_rule: str,
    guest_access: bool,
) -> Course:
    """Save the settings page. A new slug keeps the old one as an alias, so links and
    bookmarks to the old addresses redirect; a slug another course has or had is refused."""
    _require_editor(by, course)
    course = Course.objects.select_for_update().get(pk=course.pk)
    old_slug = course.slug
    if slug != old_slug:
        if slug_taken(slug, by_other_than=course):
            raise ValidationError({"slug": "Another course uses or used this address."})
        # Taking back one of its own old slugs: that address is current again.
        CourseSlugAlias.objects.filter(course=course, slug=slug).delete()
        try:
            with transaction.atomic():
                CourseSlugAlias.objects.create(course=course, slug=old_slug)
        except IntegrityError as error:  # another course took it in the same instant
            raise ValidationError({"slug": "Another course uses or used this address."}) from error
    rule_changed = completion_rule != course.completion_rule
    course.title, course.summary, course.slug = title, summary, slug
    course.completion_rule, course.guest_access = completion_rule, guest_access
    course.save(
        update_fields=[
            "title", "summary", "slug", "completion_rule", "guest_access", "updated_at"
        ]
    )  # fmt: skip
    # The saved course invalidates its new slug's pages; the old slug's are stale too.
    course_changed(old_slug)
    if rule_changed:
        course_requirements_changed.send(sender=Course, course_id=course.pk)
    return course


def course_unpublish(*, course: Course, by: User) -> Course:
    """Back to a draft: students no longer see it; their enrollments and work stay."""
    _require_editor(by, course, "unpublish it")
    course.unpublish()
    return course


def course_delete_refusal(course: Course) -> str:
    """Why this course cannot be deleted, or "" if it can: only a draft nobody is enrolled
    in goes, so no student's work is ever deleted with it."""
    if course.is_published:
        return "A published course cannot be deleted: unpublish it first."
    enrolled = course.enrollments.count()
    if enrolled:
        return (
            f"{enrolled} student(s) are enrolled: their progress and attempts would be lost. "
            "Keep the course as a draft."
        )
    return ""


@transaction.atomic
def course_delete(*, course: Course, by: User) -> str:
    """Delete a draft course and everything in it; returns its title."""
    _require_editor(by, course, "delete it")
    course = Course.objects.select_for_update().get(pk=course.pk)
    refusal = course_delete_refusal(course)
    if refusal:
        raise ValidationError(refusal)
    title, slug = course.title, course.slug
    course.delete()
    course_changed(slug)
    return title


# --- lessons and concepts on the settings page -------------------------------------------


@transaction.atomic
def course_lesson_add(*, course: Course, by: User, title: str, body: str = "") -> Lesson:
    """A new lesson at the end; its text is the instructor's (no sentence of the source)."""
    _require_editor(by, course)
    course = Course.objects.select_for_update().get(pk=course.pk)
    last = course.lessons.aggregate(n=Max("position"))["n"] or 0
    lesson = Lesson.objects.create(course=course, position=last + 1, title=title, body=body)
    course_requirements_changed.send(sender=Lesson, course_id=course.pk)
    return lesson


@transaction.atomic
def course_lesson_delete(*, lesson: Lesson, by: User) -> str:
    """Delete a lesson of a draft. Its sentences stay in the abstract, in no lesson; its
    questions and prompts stay, in no lesson. Returns its title."""
    course = Course.objects.select_for_update().get(pk=lesson.course_id)
    _require_editor(by, course)
    require_draft(course, "Lessons of a published course cannot be deleted: unpublish it first.")
    course_changed(course.slug)  # bulk updates below send no signals
    title = lesson.title
    lesson.delete()
    for position, other in enumerate(course.lessons.in_order(), start=1):
        # Ascending, each to a position no higher than its own: no collision.
        if other.position != position:
            Lesson.objects.filter(pk=other.pk).update(position=position)
    course_requirements_changed.send(sender=Lesson, course_id=course.pk)
    return title


def course_lesson_move(*, lesson: Lesson, by: User, direction: str) -> None:
    course = Course.objects.get(pk=lesson.course_id)
    _require_editor(by, course)
    lesson_move(lesson=lesson, direction=direction)


@transaction.atomic
def course_concept_delete(*, concept: Concept, by: User) -> str:
    """Remove a concept from the glossary; questions that named it keep their text."""
    course = Course.objects.select_for_update().get(pk=concept.course_id)
    _require_editor(by, course)
    term = concept.term
    concept.delete()
    course_changed(course.slug)
    return term


@transaction.atomic
def course_concept_move(*, concept: Concept, by: User, direction: str) -> None:
    """Swap the concept with its neighbour in the glossary's order (rank, then term); ranks
    become 1..n first, as generated ones are but added or imported ones may not be."""
    course = Course.objects.select_for_update().get(pk=concept.course_id)
    _require_editor(by, course)
    concepts = list(course.concepts.order_by("rank", "term", "pk"))
    index = next(i for i, other in enumerate(concepts) if other.pk == concept.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(concepts):
        return
    concepts[index], concepts[target] = concepts[target], concepts[index]
    for rank, other in enumerate(concepts, start=1):
        other.rank = rank
    Concept.objects.bulk_update(concepts, ["rank"])
    course_changed(course.slug)  # bulk_update sends no signals


# --- editing lessons -------------------------------------------------------------------


def lesson_update(*, lesson: Lesson, title: str, objective: str, body: str) -> Lesson:
    lesson.title, lesson.objective, lesson.body = title, objective, body
    lesson.save(update_fields=["title", "objective", "body", "updated_at"])
    return lesson


def require_draft(
    course: Course,
    message: str = "Lessons of a published course cannot be reordered, merged or split: "
    "students' progress points at them.",
) -> None:
    if course.is_published:
        raise ValidationError(message)


@transaction.atomic
def lesson_move(*, lesson: Lesson, direction: str) -> None:
    course = Course.objects.select_for_update().get(pk=lesson.course_id)
    require_draft(course)
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


# --- the source --------------------------------------------------------------------------


def removed_digest(text: str) -> str:
    """Names one removed line in a form, so a repeated or stale POST restores nothing."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


#: Positions are shifted through this offset when sentences go in at the start, so no
#: UPDATE ever meets the (course, position) constraint half-way.
_POSITION_OFFSET = 1_000_000


@transaction.atomic
def course_restore_removed(
    *, course: Course, by: User, index: int, digest: str
) -> list[SourceSentence]:
    """Put a line the generator left out back into the abstract, where the page had it.

    A line from above the abstract opens the first lesson; any other closes the last. Its
    sentences join that lesson and its text that lesson's body; the line leaves the
    cleaning report. ``digest`` must name the line at ``index`` (see
    :func:`removed_digest`): after a double submit or in a second tab the report has
    moved on, and nothing is restored twice.
    """
    _require_editor(by, course)
    course = Course.objects.select_for_update().get(pk=course.pk)
    require_draft(course, "Lines can be restored while the course is a draft.")
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
def concept_create(*, course: Course, term: str, definition: str = "") -> Concept:
    """Add a concept the generator missed to the glossary, with the sentences it is in."""
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
    return concept


# --- people in a course ------------------------------------------------------------------


def enrollment_create(*, user: User, course: Course) -> tuple[Enrollment, bool]:
    """Enroll a student; enrolling twice returns the existing enrollment.

    Students may only enroll themselves in published courses; admins and the course's
    instructors can enroll anyone in any of their courses (see `enroll_emails`).
    """
    if not course.is_published:
        raise PermissionDenied("This course is not open for enrollment.")
    return _enroll(user=user, course=course)


def _enroll(*, user: User, course: Course) -> tuple[Enrollment, bool]:
    try:
        with transaction.atomic():
            return Enrollment.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        # A concurrent request enrolled the same person between our read and write.
        return Enrollment.objects.get(user=user, course=course), False


@dataclass
class BulkEnrollResult:
    enrolled: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def enroll_emails(*, course: Course, emails: list[str]) -> BulkEnrollResult:
    """Enroll existing people by email address (the admin's bulk action)."""
    result = BulkEnrollResult()
    wanted = sorted({e.strip().lower() for e in emails if e.strip()})
    if not wanted:
        return result
    # Email uniqueness is case-insensitive (see User.Meta), so match the same way.
    match = reduce(operator.or_, (Q(email__iexact=e) for e in wanted))
    users = {u.email.lower(): u for u in User.objects.filter(match)}
    for email in wanted:
        user = users.get(email)
        if user is None:
            result.unknown.append(email)
            continue
        _, created = _enroll(user=user, course=course)
        (result.enrolled if created else result.already).append(email)
    return result


def course_staff_add(*, course: Course, user: User) -> CourseStaff:
    staff, _ = CourseStaff.objects.get_or_create(course=course, user=user)
    return staff
