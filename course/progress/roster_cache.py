"""The roster's table, rendered once per change to the class and served from the cache.

The table (`progress/students.html#roster`) shows the enrolled students, their stored
progress and how many quiz overrides each has; it shows nothing of the reader, so every
member of the course's staff shares one rendering of each sort and page. Rendering it is
most of the page's cost (fifty rows, two links each); the rows are read from stored
progress, never recounted.

The course's roster version is set anew when a write that changes the table commits: the
progress services (`progress_refresh`, `course_progress_recount`) call `roster_changed`;
the receivers below catch enrollments, overrides and usernames saved or deleted one by one
(bulk writes of those send no signals: their callers call `roster_changed`, as
`seed_scale` does through the recount). Searches are not cached: one entry per typed
string would fill the cache with pages read once.

The whole page is also kept per reader by the page cache (course/pagecache.py): the view
declares the roster version with `page_depends_on`, so a stored page is served only while
the class is as it was rendered (and, as every cached page, only to the reader it was
rendered for, while their account and roles are unchanged).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import SafeString, mark_safe

from course.accounts.models import Enrollment, User
from course.pagecache import course_version_key, current_versions_of
from course.quizzes.models import Quiz, QuizOverride

ROSTER_TIMEOUT = 3600  # seconds; versions make entries stale long before this
_PREFIX = "roster"
# What the table shows, whichever student's row it is: a write to one of these sets the
# roster version (the services and the receivers below). The page cache's model check
# (tests/test_pagecache_models.py) reads this from the view's mark.
ROSTER_MODELS = ("accounts.Enrollment", "accounts.User", "progress.CourseProgress",
                 "quizzes.QuizOverride")  # fmt: skip


def _version_key(course_id: int) -> str:
    return f"{_PREFIX}:v:{course_id}"


def roster_changed(course_id: int) -> None:
    """The course's roster table is stale once the current transaction commits (after it:
    a table rendered meanwhile holds the old rows under the old version)."""
    key = _version_key(course_id)
    transaction.on_commit(lambda: cache.set(key, secrets.token_hex(8), timeout=None))


def _page_key(page_number: str | None) -> str | None:
    """The page asked for as a cache key: none for the first page, a number as sent; None
    for anything else (rendered, not stored: the paginator reads "-1" as the last page)."""
    if page_number is None or page_number == "":
        return "1"
    return page_number if page_number.isdigit() and len(page_number) <= 6 else None


@dataclass(frozen=True)
class RosterParts:
    version_key: str  # the roster version's cache key
    version: str  # the roster version, read before anything was rendered
    table: SafeString
    links: SafeString | None


def roster_parts(
    *,
    course_id: int,
    slug: str,
    sort: str,
    page_number: str | None,
    render_table: Callable[[], str],
    cache_table: bool = True,
    render_links: Callable[[], str] | None = None,
) -> RosterParts:
    """The roster's table of this sort and page and the links to item analysis above it, in
    two round trips however many are cached: the versions, then the parts.

    The table is kept under the roster version, the links under the course's page-cache
    version (which every change to its quizzes sets anew); each is read before rendering,
    so a change committed meanwhile makes what is stored miss. A hit reads no row, not even
    the count. `cache_table=False` (a search) renders the table every time."""
    version_key = _version_key(course_id)
    version, course_version = current_versions_of([version_key, course_version_key(slug)])
    page = _page_key(page_number) if cache_table else None
    keys: dict[str, str] = {}
    if page is not None:
        keys["table"] = f"{_PREFIX}:table:{course_id}:{slug}:{version}:{sort}:{page}"
    if render_links is not None:
        keys["links"] = f"{_PREFIX}:links:{course_id}:{slug}:{course_version}"
    found: dict[str, Any] = cache.get_many(list(keys.values())) if keys else {}
    rendered: dict[str, str] = {}

    def part(name: str, render: Callable[[], str]) -> SafeString:
        key = keys.get(name)
        html = found.get(key) if key else None
        if not isinstance(html, str):
            html = str(render())
            if key:
                rendered[key] = html
        return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered

    table = part("table", render_table)
    links = part("links", render_links) if render_links is not None else None
    if rendered:
        cache.set_many(rendered, timeout=ROSTER_TIMEOUT)
    return RosterParts(version_key=version_key, version=version, table=table, links=links)


def _on_enrollment(sender: type[Model], instance: Enrollment, **kwargs: Any) -> None:
    roster_changed(instance.course_id)


def _on_override(sender: type[Model], instance: QuizOverride, **kwargs: Any) -> None:
    # None when the quiz itself is being deleted: that recounts the course, which bumps.
    course_id = Quiz.objects.filter(pk=instance.quiz_id).values_list("course_id", flat=True)
    for pk in course_id[:1]:
        roster_changed(pk)


def _on_user(sender: type[Model], instance: User, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    if fields is not None and "username" not in fields:
        return  # a log-in's last_login, a password: nothing the roster shows
    for course_id in Enrollment.objects.filter(user_id=instance.pk).values_list(
        "course_id", flat=True
    ):
        roster_changed(course_id)


def connect() -> None:
    """Wire the receivers (from ProgressConfig.ready)."""
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(_on_enrollment, sender=Enrollment, dispatch_uid=f"roster-enrollment-{name}")
        signal.connect(_on_override, sender=QuizOverride, dispatch_uid=f"roster-override-{name}")
    post_save.connect(_on_user, sender=User, dispatch_uid="roster-user")
