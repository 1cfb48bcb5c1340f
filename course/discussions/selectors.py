"""Reads for the discussion pages, each in a fixed number of queries.

Every page, fragment and POST response builds its posts through `thread_for`, so the
rules on who sees which posts (hidden posts, "post before you see the others") hold in
all of them, not only on the full page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from course.accounts.models import User
from course.catalog.models import Course
from course.discussions.models import Post, PostQuerySet, Prompt

PAGE_SIZE = 20


@dataclass(frozen=True)
class Reader:
    """Someone allowed to read a course's discussions, and whether they moderate them."""

    user: User
    course: Course
    staff: bool


@dataclass(frozen=True)
class Thread:
    prompt: Prompt
    reader: Reader
    # False for a student who has not yet posted in a "post first" prompt.
    sees_posts: bool

    @property
    def can_post(self) -> bool:
        return self.reader.staff or not self.prompt.locked

    @property
    def can_reply(self) -> bool:
        return self.can_post and self.sees_posts

    def visible(self) -> PostQuerySet:
        """Every post (top-level or reply) this reader may see in the prompt."""
        if not self.sees_posts:
            return Post.objects.none()
        return Post.objects.filter(prompt=self.prompt).visible_to(
            self.reader.user, staff=self.reader.staff
        )

    def top_level(self) -> PostQuerySet:
        """The thread's top-level posts in page order, with their visible replies."""
        replies = self.visible().select_related("author").order_by("created_at", "pk")
        return (
            self.visible()
            .top_level()
            .select_related("author")
            .prefetch_related(Prefetch("replies", queryset=replies, to_attr="visible_replies"))
            .thread_order()
        )

    def page(self, number: int | str | None) -> Page[Post]:
        return Paginator(self.top_level(), PAGE_SIZE).get_page(number)

    def page_of(self, root_id: int) -> int:
        """The page a top-level post is on (1 if it is not visible): one query of ids."""
        ids = list(self.visible().top_level().thread_order().values_list("pk", flat=True))
        return ids.index(root_id) // PAGE_SIZE + 1 if root_id in ids else 1

    def root_post(self, post_id: int) -> Post | None:
        """A top-level post with its visible replies, as on its page; None if not visible."""
        return self.top_level().filter(pk=post_id).first()


def has_posted(prompt: Prompt, user: User) -> bool:
    return Post.objects.filter(prompt=prompt, author=user, deleted=False).exists()


def thread_for(prompt: Prompt, reader: Reader) -> Thread:
    sees_posts = reader.staff or not prompt.post_first or has_posted(prompt, reader.user)
    return Thread(prompt=prompt, reader=reader, sees_posts=sees_posts)


def course_prompts(reader: Reader) -> list[Prompt]:
    """The course's prompts lesson by lesson, with post counts and whether I posted."""
    prompts = list(
        Prompt.objects.filter(course=reader.course)
        .select_related("lesson")
        .with_post_stats(reader.user)
        .by_lesson()
    )
    for prompt in prompts:
        prompt.course = reader.course
    return prompts
