"""Courses, their lessons, the glossary of concepts and the source text they came from."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from course.pagecache import InvalidatingQuerySet

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import WithAnnotations

    from course.accounts.models import User


class LessonCount(TypedDict):
    """What CourseQuerySet.with_lesson_count() adds to each course."""

    lesson_count: int


class InLesson(TypedDict):
    """What ConceptQuerySet.with_mentions_in() adds to each concept."""

    in_lesson: bool


class CourseQuerySet(InvalidatingQuerySet["Course"]):
    def published(self) -> CourseQuerySet:
        return self.filter(status=Course.Status.PUBLISHED)

    def taught_by(self, user: User) -> CourseQuerySet:
        return self.filter(staff__user=user)

    def editable_by(self, user: User | AnonymousUser) -> CourseQuerySet:
        """Courses whose drafts and content this user may change."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.taught_by(user)

    def with_lesson_count(
        self: models.QuerySet[Course],
    ) -> models.QuerySet[WithAnnotations[Course, LessonCount]]:
        return self.annotate(lesson_count=Count("lessons", distinct=True))


class Course(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # Kept for the record and the review page, as long as the abstract was: pages that only
    # need the course's name and settings defer them.
    BULKY_FIELDS = ("source_text", "cleaning_report")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)

    class Completion(models.TextChoices):
        LESSONS = "lessons", "Every lesson done"
        LESSONS_QUIZZES = "lessons_quizzes", "Every lesson done and every quiz passed"
        ALL = "all", "Every lesson done, every quiz passed and a post in every discussion"

    completion_rule = models.CharField(
        max_length=20, choices=Completion.choices, default=Completion.LESSONS_QUIZZES
    )
    # Off unless an instructor opens the course: a generated draft is not meant for the
    # world until someone has read it.
    guest_access = models.BooleanField(
        default=False,
        help_text="Once published, anyone may read the lessons without enrolling (Moodle's "
        "guest access). Progress is still recorded only for enrolled students.",
    )
    source_text = models.TextField(help_text="The abstract exactly as it was given.")
    cleaning_report = models.JSONField(
        default=list, blank=True, help_text="What the importer removed from the source text."
    )
    # The form submission that made this course: a second submit of the same form finds
    # the course instead of making another.
    creation_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="course_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:course", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def open_to_guests(self) -> bool:
        return self.is_published and self.guest_access

    def publish(self) -> None:
        self.status = self.Status.PUBLISHED
        self.published_at = self.published_at or timezone.now()
        self.save(update_fields=["status", "published_at", "updated_at"])

    def unpublish(self) -> None:
        # published_at stays: publishing again keeps the date the course first went out.
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])


class CourseSlugAlias(models.Model):
    """A slug the course had before: its old addresses redirect to the current ones, and no
    other course may take it (a bookmark must not lead to someone else's course)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="slug_aliases")
    slug = models.SlugField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="course_slug_alias_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.slug} → {self.course_id}"


class SourceSentenceQuerySet(InvalidatingQuerySet["SourceSentence"]):
    pass


class SourceSentence(models.Model):
    """One sentence of the cleaned abstract: the unit every lesson and concept points back to."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sentences")
    position = models.PositiveIntegerField(help_text="0-based index in the cleaned source.")
    text = models.TextField()
    lesson = models.ForeignKey(
        "Lesson", on_delete=models.SET_NULL, null=True, blank=True, related_name="sentences"
    )

    objects = SourceSentenceQuerySet.as_manager()

    class Meta:
        ordering = ["course", "position"]
        constraints = [
            models.UniqueConstraint(fields=["course", "position"], name="sentence_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}: {self.text[:60]}"


class LessonQuerySet(InvalidatingQuerySet["Lesson"]):
    def in_order(self) -> LessonQuerySet:
        return self.order_by("position", "pk")


class Lesson(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    objective = models.CharField(max_length=300, blank=True)
    body = models.TextField(help_text="Markdown; rendered through a sanitizer.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LessonQuerySet.as_manager()

    if TYPE_CHECKING:
        # Set by the course review page (authoring.views) for its template.
        sentence_list: list[SourceSentence]

    class Meta:
        ordering = ["course", "position"]
        constraints = [
            models.UniqueConstraint(fields=["course", "position"], name="lesson_position_unique"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:lesson", kwargs={"slug": self.course.slug, "lesson_id": self.pk})


class ConceptQuerySet(InvalidatingQuerySet["Concept"]):
    def with_mentions_in(
        self: models.QuerySet[Concept], lesson: Lesson
    ) -> models.QuerySet[WithAnnotations[Concept, InLesson]]:
        """Annotate `in_lesson`: whether the concept occurs in one of the lesson's sentences."""
        mentions = Concept.sentences.through.objects.filter(
            concept_id=OuterRef("pk"), sourcesentence__lesson=lesson
        )
        return self.annotate(in_lesson=Exists(mentions))


class Concept(models.Model):
    """A glossary entry: a key term of the source, with its other names and its definition."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="concepts")
    term = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True)
    definition = models.TextField(blank=True)
    sentences = models.ManyToManyField(SourceSentence, blank=True, related_name="concepts")
    core = models.BooleanField(default=False)
    rank = models.PositiveIntegerField(default=0, help_text="1 is the most important.")

    objects = ConceptQuerySet.as_manager()

    class Meta:
        ordering = ["course", "rank", "term"]
        constraints = [
            models.UniqueConstraint(fields=["course", "term"], name="concept_term_unique"),
        ]

    def __str__(self) -> str:
        return self.term

    @property
    def forms(self) -> list[str]:
        """Every way the text names this concept, longest first so longer matches win."""
        return sorted({self.term, *self.aliases}, key=len, reverse=True)
