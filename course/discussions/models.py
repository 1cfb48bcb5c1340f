"""Discussion prompts (analytical questions tied to the concepts and sentences they
discuss) and the posts students and instructors write under them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, When

from course.pagecache import InvalidatingQuerySet

if TYPE_CHECKING:
    from course.accounts.models import User

BODY_MAX_LENGTH = 10_000


class PromptQuerySet(InvalidatingQuerySet["Prompt"]):
    def in_order(self) -> PromptQuerySet:
        return self.order_by("position", "pk")

    def replaceable(self) -> PromptQuerySet:
        """Prompts regenerating may overwrite: the generator's, not yet answered."""
        return self.filter(origin=Prompt.Origin.GENERATED).exclude(posts__isnull=False)

    def by_lesson(self) -> PromptQuerySet:
        """Lesson by lesson, then the prompts that belong to no lesson."""
        return self.order_by(F("lesson__position").asc(nulls_last=True), "position", "pk")

    def with_post_stats(self, user: User) -> PromptQuerySet:
        """Annotate `post_count` (posts everyone sees) and `i_posted` (the user's own)."""
        mine = Post.objects.filter(prompt_id=OuterRef("pk"), author=user, deleted=False)
        return self.annotate(
            post_count=Count("posts", filter=Q(posts__deleted=False, posts__hidden=False)),
            i_posted=Exists(mine),
        )


class Prompt(models.Model):
    class Origin(models.TextChoices):
        GENERATED = "generated", "Generated"
        AUTHORED = "authored", "Written or edited by an instructor"

    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="prompts")
    lesson = models.ForeignKey(
        "catalog.Lesson", on_delete=models.SET_NULL, null=True, blank=True, related_name="prompts"
    )
    text = models.TextField()
    concepts = models.ManyToManyField("catalog.Concept", blank=True, related_name="prompts")
    sentences = models.ManyToManyField("catalog.SourceSentence", blank=True, related_name="prompts")
    # Regenerating replaces only what the generator wrote: an instructor's text is theirs.
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.GENERATED)
    position = models.PositiveIntegerField(default=0)
    locked = models.BooleanField(
        default=False, help_text="Students can no longer post, reply or edit; staff still can."
    )
    post_first = models.BooleanField(
        "post before seeing others",
        default=False,
        help_text="Students see the others' posts only after posting their own "
        "(Moodle's Q&A forum).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PromptQuerySet.as_manager()

    class Meta:
        ordering = ["course", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class PostQuerySet(models.QuerySet["Post"]):
    def top_level(self) -> PostQuerySet:
        return self.filter(parent__isnull=True)

    def visible_to(self, user: User, *, staff: bool) -> PostQuerySet:
        """Staff see everything; others do not see hidden posts, except their own."""
        if staff:
            return self
        return self.filter(Q(hidden=False) | Q(author=user))

    def thread_order(self) -> PostQuerySet:
        """Pinned posts first, newest pinned on top; then the discussion oldest first."""
        pinned_at = Case(When(pinned=True, then=F("created_at")), default=None)
        return self.annotate(pinned_at=pinned_at).order_by(
            F("pinned_at").desc(nulls_last=True), "created_at", "pk"
        )


class Post(models.Model):
    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="posts")
    # Null once the post is deleted (or its author's account is): participation is counted
    # from `author`, so a deleted placeholder must not count as the author's post.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    # One level of replies: a reply's parent is a top-level post (checked in services).
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    body = models.TextField(max_length=BODY_MAX_LENGTH, help_text="Markdown, sanitized.")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(default=False, help_text="Hidden by an instructor.")
    endorsed = models.BooleanField(default=False)
    pinned = models.BooleanField(default=False)
    # A deleted post that has replies stays as a placeholder so the replies keep context.
    deleted = models.BooleanField(default=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["prompt", "created_at"]),
            models.Index(fields=["author", "prompt"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(pinned=False) | Q(parent__isnull=True), name="post_pinned_top_level"
            ),
            models.CheckConstraint(
                condition=Q(deleted=False) | (Q(body="") & Q(author__isnull=True)),
                name="post_deleted_is_blank",
            ),
        ]

    def __str__(self) -> str:
        return "(deleted)" if self.deleted else self.body[:80]

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None
