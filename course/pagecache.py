"""Whole pages cached per person and invalidated by version keys.

A signed-in reader's lesson page costs a dozen queries, the Markdown cache and a template.
Served from here, it costs one cache round trip: the session, the versions and the page are
fetched together, by a middleware that answers before CSRF, authentication and the view.

Each stored page records the versions it was rendered under: one for its course (lessons,
glossary, prompts, the course itself; the catalog has one for all courses) and one for its
reader (enrollment, role, progress, the account). A write that changes what such a page
shows sets a new version when it commits (the signal receivers below; for bulk writes, which
send no signals, the registered models' querysets, `InvalidatingQuerySet`), so the next
request misses and renders afresh. Nothing is served stale after the change commits.

A hit is served only to the session that could have rendered it: the same user, the same
session auth hash (a password change logs other sessions out, as Django does), the same
CSRF secret (the page's forms carry tokens of it), and no message waiting to be shown.
A page is kept for its reader alone, so nothing here leaks between readers; a page that
shows other people's data (the roster, to its course's staff) declares the version that
covers it as well (`page_depends_on`).
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.contrib.sessions.backends import cache as cache_session
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.crypto import constant_time_compare

from course.middleware import mark_private

PAGE_TIMEOUT = 3600  # seconds; versions make entries stale long before this
_PREFIX = "pagecache"


def _version_key(scope: str, ident: object) -> str:
    return f"{_PREFIX}:v:{scope}:{ident}"


def _bump(scope: str, ident: object) -> None:
    key = _version_key(scope, ident)
    # After the commit: a page rendered before it may hold the old data, and holds the old
    # version, so it misses from then on.
    transaction.on_commit(lambda: cache.set(key, secrets.token_hex(8), timeout=None))


ALL_COURSES = "*"  # the version of pages that show every course (the catalog)


def course_changed(slug: str) -> None:
    """Pages of this course, and pages of all courses, are stale for every reader (call
    after bulk updates)."""
    _bump("course", slug)
    _bump("course", ALL_COURSES)


def person_changed(user_id: int) -> None:
    """Pages of this person are stale (call after bulk updates)."""
    _bump("person", user_id)


@dataclass(frozen=True)
class _Entry:
    versions: tuple[str, str]
    auth_hash: str
    csrf: str
    content: bytes
    headers: tuple[tuple[str, str], ...]  # the view's own, Content-Type among them
    # Versions the view declared itself (`page_depends_on`), as (key, version) pairs: a page
    # that shows more than its course and its reader (the roster shows the whole class).
    own_versions: tuple[tuple[str, str], ...] = ()


# Headers not stored with a page. Cookies belong to the response that set them (Django keeps
# them apart from the headers; a page that sets any but the CSRF cookie is not stored at
# all), and the length is the stored content's. What the middleware outside this one add
# (security, clickjacking, CSP, the session's `Vary: Cookie`) is not here yet when a page is
# stored, and they add it to a hit as to a miss.
_NOT_STORED = frozenset({"content-length", "set-cookie"})


def _stored_headers(response: HttpResponse) -> tuple[tuple[str, str], ...]:
    """The headers the view and the middleware inside this one set: replayed on a hit."""
    return tuple(
        (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED
    )


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@functools.cache
def _release() -> str:
    """A digest of the code, templates and static files that render pages, and of the secret
    key: a deploy that changes any starts from an empty page cache (a page names its CSS by
    the hashed name of the release it was rendered in; a new key has logged every session
    out, and no page may outlive that), and every worker of one release shares it."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256(settings.SECRET_KEY.encode())
    static = [path for path in root.glob("static/**/*") if path.is_file()]
    for path in sorted([*root.glob("course/**/*.py"), *root.glob("templates/**/*.html"), *static]):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _current_version(key: str, found: dict[str, Any]) -> str:
    """The version now, made on first use (add: a concurrent first use keeps one)."""
    value = found.get(key)
    if value is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        value = cache.get(key)
    return str(value)


def _current_versions(course_key: str, person_key: str, found: dict[str, Any]) -> tuple[str, str]:
    return _current_version(course_key, found), _current_version(person_key, found)


def release() -> str:
    """The digest of the code, templates, static files and secret key this process serves."""
    return _release()


def current_versions(course_ident: str, user_id: int | None) -> tuple[str, str]:
    """The versions of this course's pages and of this person's ("" for a guest), now, in
    one round trip: what a page cached in parts keys its fragments and its ETag by (the
    lesson page's standard design, `settings.PAGE_CACHE`), so the writes that invalidate
    whole pages invalidate those parts too."""
    course_key = _version_key("course", course_ident)
    if user_id is None:
        return _current_version(course_key, cache.get_many([course_key])), ""
    person_key = _version_key("person", user_id)
    return _current_versions(course_key, person_key, cache.get_many([course_key, person_key]))


def course_version_key(course_ident: str) -> str:
    """The cache key of this course's pages' version (for `current_versions_of`)."""
    return _version_key("course", course_ident)


def current_versions_of(keys: Sequence[str]) -> list[str]:
    """The versions under these keys now, each made on first use, in one round trip (and
    one more for each first use): for a view that keys its own fragments by several."""
    found = cache.get_many(list(keys))
    return [_current_version(key, found) for key in keys]


def _sessions_in_default_cache() -> bool:
    return (
        settings.SESSION_ENGINE == "django.contrib.sessions.backends.cache"
        and settings.SESSION_CACHE_ALIAS == "default"
    )


# Session key -> user id, per process: lets a hit fetch the session together with the page
# in one round trip. Only a guess: the session fetched with the page must name the same user.
_readers: dict[str, str] = {}
_READERS_MAX = 50_000


def _remember_reader(session_key: str, user_id: str) -> None:
    if len(_readers) >= _READERS_MAX:
        _readers.clear()
    _readers[session_key] = user_id


# Page key -> the keys of the versions its view declared, per process: lets a hit fetch them
# with the page. Only a guess: the stored page names its own, and any it does not find here
# are fetched before it is served.
_own_version_keys: dict[str, tuple[str, ...]] = {}


def _remember_own_version_keys(page_key: str, entry: _Entry) -> None:
    if len(_own_version_keys) >= _READERS_MAX:
        _own_version_keys.clear()
    _own_version_keys[page_key] = tuple(key for key, _ in entry.own_versions)


def _own_versions_current(entry: _Entry, found: dict[str, Any], fetched: set[str]) -> bool:
    """Every version the view declared is still the one it rendered under (a key not
    fetched yet costs one more round trip; a key gone from the cache is a miss)."""
    if not entry.own_versions:
        return True
    missing = [key for key, _ in entry.own_versions if key not in fetched]
    current = {**found, **cache.get_many(missing)} if missing else found
    return all(current.get(key) == version for key, version in entry.own_versions)


_OWN_VERSIONS_ATTR = "_page_cache_own_versions"


def page_depends_on(request: HttpRequest, key: str, version: str) -> None:
    """The page this view is rendering shows what the version under `key` covers, read as
    `version` before rendering: a stored copy is served only while it is still that.

    For a page that shows more than its course and its reader (the roster shows the whole
    class); the mark says which models those versions cover (`per_person_page`'s
    `own_versions_cover`), for tests/test_pagecache_models.py."""
    declared: dict[str, str] = request.__dict__.setdefault(_OWN_VERSIONS_ATTR, {})
    declared[key] = version


def per_person_page(
    course_kwarg: str | None = "slug",
    *,
    has_standard_design: bool = False,
    own_versions_cover: Sequence[str] = (),
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Mark a GET view whose full page PerPersonPageMiddleware caches per signed-in reader;
    the URL's `course_kwarg` names the course whose version the page depends on (None: a
    page of every course). The view itself is unchanged: it renders on every miss, and
    decides there who may see it (a hit is served only to the reader it was rendered for,
    while their version, which covers their account and roles, is unchanged).

    `has_standard_design`: the view also caches itself in parts (fragments and a
    conditional GET on the same versions); with `settings.PAGE_CACHE == "standard"` the
    middleware leaves it to do so.

    `own_versions_cover`: labels of the models whose writes set the versions the view
    declares with `page_depends_on` on every render (beyond COURSE_MODELS and
    PERSON_MODELS); tests/test_pagecache_models.py reads it."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        # functools.wraps copies __dict__, so the outer decorators (require_GET) carry it.
        # markers on the function object that the middleware reads
        view.page_cache_course_kwarg = course_kwarg  # type: ignore[attr-defined]
        view.page_cache_has_standard_design = has_standard_design  # type: ignore[attr-defined]
        view.page_cache_own_versions_cover = tuple(own_versions_cover)  # type: ignore[attr-defined]
        return view

    return decorator


_UNMARKED = object()


@dataclass(frozen=True)
class _Lookup:
    session_key: str
    course_ident: str


class PerPersonPageMiddleware:
    """Serve a marked page from the cache, or render it and store it.

    Sits right after the session and security middleware: a hit returns before CSRF,
    authentication, messages and URL dispatch run, since it needs none of them (the session
    it checks itself; no form is processed on a GET). The security headers and the
    `Vary: Cookie` it adds still apply.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lookup = self._lookup(request)
        if lookup is None:
            return self.get_response(request)
        session: Any = None
        user_id = _readers.get(lookup.session_key) if _sessions_in_default_cache() else None
        if user_id is None:
            session = request.session  # a round trip of its own
            user_id = session.get(SESSION_KEY)
            if user_id is None:
                return self.get_response(request)
        course_key = _version_key("course", lookup.course_ident)
        person_key = _version_key("person", user_id)
        page_key = f"{_PREFIX}:page:{_release()}:{user_id}:{_digest(request.path)}"
        session_cache_key = f"{cache_session.KEY_PREFIX}{lookup.session_key}"
        keys = [course_key, person_key, page_key, *_own_version_keys.get(page_key, ())]
        found = cache.get_many(keys if session is not None else [*keys, session_cache_key])
        if session is None:
            session = found.get(session_cache_key) or {}
        entry = found.get(page_key)
        auth_hash = session.get(HASH_SESSION_KEY, "")
        if (
            isinstance(entry, _Entry)
            and str(session.get(SESSION_KEY)) == str(user_id)
            and SessionStorage.session_key not in session
            and entry.versions == (found.get(course_key), found.get(person_key))
            and constant_time_compare(entry.auth_hash, auth_hash)
            and constant_time_compare(
                entry.csrf, _digest(request.COOKIES[settings.CSRF_COOKIE_NAME])
            )
            and _own_versions_current(entry, found, set(keys))
        ):
            _remember_reader(lookup.session_key, str(user_id))
            _remember_own_version_keys(page_key, entry)
            response = HttpResponse(entry.content)
            for name, value in entry.headers:
                response.headers[name] = value
            response.headers["Content-Length"] = str(len(entry.content))
            patch_vary_headers(response, ["Cookie"])
            # One reader's page: what PrivatePagesMiddleware says of every other one.
            mark_private(response)
            return response
        # Read the versions before rendering: a change committed meanwhile sets a new one,
        # so what is stored below misses from then on.
        versions = _current_versions(course_key, person_key, found)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        csrf = request.META.get("CSRF_COOKIE")  # the secret the page's tokens are of
        if (
            response.status_code == 200
            and not getattr(response, "streaming", False)
            and not response.cookies.keys() - {settings.CSRF_COOKIE_NAME}
            and csrf
            and user is not None
            and user.is_authenticated
            and str(user.pk) == str(user_id)
            and request.session.get(HASH_SESSION_KEY, "") == auth_hash
        ):
            own = getattr(request, _OWN_VERSIONS_ATTR, {})
            entry = _Entry(versions, auth_hash, _digest(csrf), response.content,
                           _stored_headers(response), tuple(own.items()))  # fmt: skip
            cache.set(page_key, entry, timeout=PAGE_TIMEOUT)
            _remember_reader(lookup.session_key, str(user_id))
            _remember_own_version_keys(page_key, entry)
        return response

    @staticmethod
    def _lookup(request: HttpRequest) -> _Lookup | None:
        """What to look up for this request, or None when it is not for the page cache."""
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if (
            request.method != "GET"
            or not session_key
            or request.GET  # one entry per page, not one per made-up query string
            or request.headers.get("HX-Request") == "true"
            or not request.COOKIES.get(settings.CSRF_COOKIE_NAME)
            or CookieStorage.cookie_name in request.COOKIES
        ):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        course_kwarg = getattr(match.func, "page_cache_course_kwarg", _UNMARKED)
        if not isinstance(course_kwarg, str | None):  # _UNMARKED: not a per_person_page view
            return None
        if settings.PAGE_CACHE == "standard" and getattr(
            match.func, "page_cache_has_standard_design", False
        ):
            return None
        ident = match.kwargs.get(course_kwarg) if course_kwarg else ALL_COURSES
        return _Lookup(session_key, str(ident)) if ident else None


# --- what changes what ---------------------------------------------------------------
# The cached pages (the lesson page, the catalog, the student dashboard) show: the course
# (catalog and dashboard: every course), its lessons, its glossary (concepts and the
# sentences they are found in), its discussion prompts, its quizzes and the concepts their
# questions test; and for the reader: their account, enrollment, role, lesson completions,
# progress, grades and mastery, and whether they may create courses (permissions). Posts,
# attempts and other people's data are not on them. A new page to cache must show nothing
# else, or its models must be added here.
COURSE_MODELS = ["catalog.Course", "catalog.Lesson", "catalog.Concept", "catalog.SourceSentence",
                 "discussions.Prompt", "quizzes.Quiz", "quizzes.QuizQuestion",
                 "quizzes.Question"]  # fmt: skip
PERSON_MODELS = ["accounts.User", "accounts.Enrollment", "accounts.CourseStaff",
                 "progress.LessonCompletion", "progress.CourseProgress", "progress.QuizGrade",
                 "progress.ConceptMastery"]  # fmt: skip
# Many-to-many fields whose links a cached page reads, as "app.Model.field": the lesson
# page marks the glossary's concepts found in the lesson's sentences; the dashboard suggests
# quizzes whose questions test a student's weakest concept.
COURSE_LINKS = ["catalog.Concept.sentences", "quizzes.Question.concepts"]


# --- bulk writes: they send no signals, so the querysets of the models above bump ----------
_M = TypeVar("_M", bound=Model, covariant=True)
# The path from a row to its course's slug, or to its person's id, where it is not the usual.
_COURSE_PATHS = {"catalog.Course": "slug", "quizzes.QuizQuestion": "quiz__course__slug"}
_PERSON_PATHS = {"accounts.User": "pk"}


def _bump_rows(model: type[Model], rows: QuerySet[Any] | None, objs: Sequence[Model]) -> None:
    """Set new versions for the courses or people of these rows (a queryset's, before it is
    written, or objects about to be written in bulk)."""
    label = model._meta.label
    # The ignores below: every registered person model but User has user_id, every course
    # model but Course and QuizQuestion has course_id (a Model says none of that to mypy).
    if label in PERSON_MODELS:
        if rows is not None:
            ids: Iterable[Any] = rows.values_list(_PERSON_PATHS.get(label, "user_id"), flat=True)
        else:
            ids = (obj.pk if label in _PERSON_PATHS else obj.user_id for obj in objs)  # type: ignore[attr-defined]
        for user_id in set(ids):
            person_changed(user_id)
    elif label in COURSE_MODELS:
        if rows is not None:
            slugs = set(rows.values_list(_COURSE_PATHS.get(label, "course__slug"), flat=True))
        elif label == "catalog.Course":
            slugs = {obj.slug for obj in objs}  # type: ignore[attr-defined]
        else:
            course = apps.get_model("catalog.Course").objects
            if label == "quizzes.QuizQuestion":
                found = course.filter(quizzes__in={obj.quiz_id for obj in objs})  # type: ignore[attr-defined]
            else:
                found = course.filter(pk__in={obj.course_id for obj in objs})  # type: ignore[attr-defined]
            slugs = set(found.values_list("slug", flat=True))
        for slug in slugs:
            course_changed(slug)
    else:  # a queryset of this kind on a model nobody registered: say so
        raise TypeError(f"{label} uses InvalidatingQuerySet but is in no list of pagecache")


class InvalidatingQuerySet(QuerySet[_M, _M]):
    """The queryset of every model in COURSE_MODELS and PERSON_MODELS: an UPDATE, a bulk
    create or a bulk update sends no signal, so each sets the new versions itself (for the
    courses or people of the rows written). No bulk write can forget to; a test checks that
    every registered model has it (tests/test_pagecache_models.py)."""

    _bumped_by_caller = False

    def bumped_by_caller(self) -> InvalidatingQuerySet[_M]:
        """For a caller that sets wider versions itself (`course_changed` for the whole
        course, in the same transaction): the UPDATE skips looking up its rows' scopes."""
        clone = self._clone()
        clone._bumped_by_caller = True
        return clone

    def _clone(self) -> InvalidatingQuerySet[_M]:
        clone = super()._clone()  # type: ignore[misc]
        clone._bumped_by_caller = self._bumped_by_caller
        return clone  # type: ignore[no-any-return]

    def update(self, **kwargs: Any) -> int:
        if not self._bumped_by_caller:  # before: the write may move rows out of the filter
            _bump_rows(self.model, self, [])
        return super().update(**kwargs)

    def bulk_create(self, objs: Iterable[_M], *args: Any, **kwargs: Any) -> list[_M]:
        created = super().bulk_create(objs, *args, **kwargs)
        _bump_rows(self.model, None, created)
        return created

    def bulk_update(self, objs: Iterable[_M], *args: Any, **kwargs: Any) -> int:
        objs = list(objs)
        _bump_rows(self.model, None, objs)
        return super().bulk_update(objs, *args, **kwargs)


def _course_slug(instance: Model) -> str | None:
    course_model = apps.get_model("catalog.Course")
    if isinstance(instance, course_model):
        return str(instance.slug)
    cached = instance._state.fields_cache.get("course")
    if isinstance(cached, course_model):
        return str(cached.slug)
    if hasattr(instance, "course_id"):
        found = course_model.objects.filter(pk=instance.course_id)
    else:  # a quiz's question slot (QuizQuestion, the one such model registered here)
        found = course_model.objects.filter(quizzes=instance.quiz_id)  # type: ignore[attr-defined]
    slug: str | None = found.values_list("slug", flat=True).first()
    return slug


def _on_course_model(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    slug = _course_slug(instance)
    if slug:
        course_changed(slug)


def _on_person_model(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    # every other model registered for people (enrollments, attempts, progress) has user_id
    person_changed(instance.pk if isinstance(instance, user_model) else instance.user_id)  # type: ignore[attr-defined]


def _on_course_links(sender: type[Model], instance: Model, action: str, **kwargs: Any) -> None:
    # `instance` is either end of the link: both belong to the course.
    if action in ("post_add", "post_remove", "post_clear"):
        _on_course_model(sender, instance)


def _on_permissions(
    sender: type[Model], instance: Model, action: str = "post_delete", **kwargs: Any
) -> None:
    # Who may create courses shows on the dashboard. Groups and permissions change rarely,
    # and only in the admin: every page of all courses is made stale (not the lesson pages,
    # which do not depend on them).
    if action.startswith("post_"):
        _bump("course", ALL_COURSES)


def _permission_models() -> list[type[Model]]:
    user = apps.get_model(settings.AUTH_USER_MODEL)
    group = apps.get_model("auth.Group")
    return [user.groups.through, user.user_permissions.through, group.permissions.through]


def _link_models() -> list[type[Model]]:
    models = []
    for link in COURSE_LINKS:
        label, field = link.rsplit(".", 1)
        models.append(getattr(apps.get_model(label), field).through)
    return models


def watched_models() -> frozenset[type[Model]]:
    """Every model whose writes set a new version: what a cached page may read
    (tests/test_pagecache_models.py checks each cached page against this)."""
    return frozenset(
        [
            *(apps.get_model(label) for label in [*COURSE_MODELS, *PERSON_MODELS]),
            *_link_models(),
            apps.get_model("auth.Group"),
            *_permission_models(),
        ]
    )


def connect() -> None:
    """Wire the receivers (from CatalogConfig.ready)."""
    for through in _link_models():
        m2m_changed.connect(_on_course_links, sender=through, dispatch_uid=f"pagecache-{through}")
    for through in _permission_models():
        m2m_changed.connect(_on_permissions, sender=through, dispatch_uid=f"pagecache-{through}")
    group = apps.get_model("auth.Group")
    post_delete.connect(_on_permissions, sender=group, dispatch_uid="pagecache-group")
    for label in COURSE_MODELS:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(_on_course_model, sender=model, dispatch_uid=f"pagecache-{label}")
    for label in PERSON_MODELS:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(_on_person_model, sender=model, dispatch_uid=f"pagecache-{label}")
