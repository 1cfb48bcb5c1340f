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
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import SafeString, mark_safe

from course.accounts.models import Enrollment, User
from course.pagecache import current_versions
from course.quizzes.models import Quiz, QuizOverride

ROSTER_TIMEOUT = 3600  # seconds; versions make entries stale long before this
_PREFIX = "roster"


def _version_key(course_id: int) -> str:
    return f"{_PREFIX}:v:{course_id}"


def roster_changed(course_id: int) -> None:
    """The course's roster table is stale once the current transaction commits (after it:
    a table rendered meanwhile holds the old rows under the old version)."""
    key = _version_key(course_id)
    transaction.on_commit(lambda: cache.set(key, secrets.token_hex(8), timeout=None))


def _roster_version(course_id: int) -> str:
    key = _version_key(course_id)
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.token_hex(8), timeout=None)  # a concurrent first use keeps one
        value = cache.get(key)
    return str(value)


def _page_key(page_number: str | None) -> str | None:
    """The page asked for as a cache key: none for the first page, a number as sent; None
    for anything else (rendered, not stored: the paginator reads "-1" as the last page)."""
    if page_number is None or page_number == "":
        return "1"
    return page_number if page_number.isdigit() and len(page_number) <= 6 else None


def roster_table(
    *, course_id: int, slug: str, sort: str, page_number: str | None, render: Callable[[], str]
) -> SafeString:
    """The roster's table of this sort and page: from the cache, else `render()`ed and
    stored under the version read before rendering (so a change committed meanwhile makes
    it miss). A hit reads no row, not even the count."""
    page = _page_key(page_number)
    if page is None:
        return mark_safe(str(render()))  # noqa: S308 - our own template's output
    version = _roster_version(course_id)
    key = f"{_PREFIX}:table:{course_id}:{slug}:{version}:{sort}:{page}"
    html: str | None = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, timeout=ROSTER_TIMEOUT)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered


def analysis_links(*, course_id: int, slug: str, render: Callable[[], str]) -> SafeString:
    """The links to the course's quizzes' item analysis above the table: from the cache
    under the course's page-cache version, which every change to its quizzes sets anew."""
    version, _ = current_versions(slug, None)
    key = f"{_PREFIX}:links:{course_id}:{slug}:{version}"
    html: str | None = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, timeout=ROSTER_TIMEOUT)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered


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
