"""Personas and factories shared by every test.

The world most tests need: one published course with three lessons, taught by `instructor`,
with `student` enrolled; `other_student` is signed up but not enrolled; `other_instructor`
teaches a different course; `admin` is a superuser; `anonymous` is nobody.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, override_settings

from course.accounts.models import User
from course.catalog.models import Course, Lesson
from tests import factories


def pytest_configure(config: pytest.Config) -> None:
    _a_redis_database_per_worker()


def _a_redis_database_per_worker() -> None:
    """Under pytest-xdist (`make test` runs two workers), worker gwN caches in Redis database
    REDIS_URL's + N. Every test empties the cache, and django-redis empties it with FLUSHDB,
    which no KEY_PREFIX confines: in one shared database a worker's test would lose its
    sessions, cached pages and version keys to the other worker's next test. (The workers'
    test databases are apart already: pytest-django names them test_postgres_gw0, _gw1.)"""
    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    cache = settings.CACHES["default"]
    if not worker or cache["BACKEND"] != "django_redis.cache.RedisCache":
        return
    offset = int(worker.removeprefix("gw"))
    url = urlsplit(cache["LOCATION"])
    query = dict(parse_qsl(url.query))
    if "db" in query:  # redis://host/?db=1 and unix:///path?db=1
        query["db"] = str(int(query["db"]) + offset)
        url = url._replace(query=urlencode(query))
    else:  # redis://host:port/1
        url = url._replace(path=f"/{int(url.path.strip('/') or 0) + offset}")
    # Through override_settings, so Django drops the cache connections it may already hold.
    # A server has 16 databases unless configured otherwise: enough for two workers.
    own = {**cache, "LOCATION": url.geturl()}
    override_settings(CACHES={**settings.CACHES, "default": own}).enable()


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: pytest.FixtureRequest) -> None:
    # The manifest storage needs `collectstatic` first; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    # Each test starts with an empty cache: database rows are rolled back and their ids
    # reused, so a page cached by one test must not meet the next.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    # Hundreds of users are made by the query-count tests; PBKDF2 would take minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def course(db: None) -> Course:
    course = factories.CourseFactory(title="Unions and the Plan", slug="unions")
    for position, title in enumerate(["Origins", "The purge", "Production"], start=1):
        factories.LessonFactory(course=course, position=position, title=title)
    factories.ConceptFactory(
        course=course, term="shock work", aliases=["shock-work"], definition="Exceeding norms."
    )
    return course


@pytest.fixture
def lessons(course: Course) -> list[Lesson]:
    return list(course.lessons.in_order())


@pytest.fixture
def other_course(db: None) -> Course:
    course = factories.CourseFactory(title="Another course", slug="another")
    factories.LessonFactory(course=course, position=1, title="Elsewhere")
    return course


@pytest.fixture
def draft_course(instructor: User) -> Course:
    course = factories.DraftCourseFactory(title="Work in progress", slug="wip")
    factories.LessonFactory(course=course, position=1, title="Unfinished")
    factories.CourseStaffFactory(course=course, user=instructor)
    return course


@pytest.fixture
def student(course: Course) -> User:
    user = factories.UserFactory(username="student")
    factories.EnrollmentFactory(user=user, course=course)
    return user


@pytest.fixture
def other_student(db: None) -> User:
    return factories.UserFactory(username="other_student")


@pytest.fixture
def instructor(course: Course) -> User:
    user = factories.UserFactory(username="instructor")
    factories.CourseStaffFactory(user=user, course=course)
    return user


@pytest.fixture
def other_instructor(other_course: Course) -> User:
    user = factories.UserFactory(username="other_instructor")
    factories.CourseStaffFactory(user=user, course=other_course)
    return user


@pytest.fixture
def admin(db: None) -> User:
    return factories.UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def anonymous() -> AnonymousUser:
    return AnonymousUser()


def forget_cached_pages(client: Client, user: User) -> None:
    """Empty the cache so the client's next request renders its page afresh, and sign in
    again: with REDIS_URL (the production settings) the session was in that cache too."""
    from django.core.cache import cache

    cache.clear()
    client.force_login(user)


def client_for(user: User | AnonymousUser) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


@pytest.fixture
def as_user():
    """as_user(persona) -> a test Client signed in as that persona (or anonymous)."""
    return client_for


@pytest.fixture
def htmx_headers() -> dict[str, str]:
    return {"HTTP_HX_REQUEST": "true"}


# --- the browser -----------------------------------------------------------------------------

CHROMIUM = os.environ.get("LECTERN_CHROMIUM", "/usr/bin/chromium")
BROWSER_REQUIRED = os.environ.get("LECTERN_REQUIRE_BROWSER", "") in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Playwright driving Debian's Chromium (/usr/bin/chromium), never a downloaded browser.

    When Chromium is missing, browser tests skip, unless LECTERN_REQUIRE_BROWSER=1 (CI sets
    it): then they fail, so CI cannot pass without having run them.
    """
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if BROWSER_REQUIRED:
            pytest.fail(message + "; LECTERN_REQUIRE_BROWSER is set, so this is a failure.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
            yield chromium
            chromium.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


# --- the accessibility summary ---------------------------------------------------------------
# tests/e2e/conftest.py keeps the notes. Under pytest-xdist the controller runs no test and
# never loads that conftest: each worker hands its notes over as it finishes, and these
# hooks, in the conftest every process loads, gather and print them.


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    notes = getattr(node, "workeroutput", {}).get("axe")
    if notes:
        from tests.e2e import conftest as e2e

        e2e.CHECKED.extend(notes["checked"])
        e2e.THIRD_PARTY_REPORT.extend(notes["third_party"])


def pytest_terminal_summary(terminalreporter: object) -> None:
    from tests.e2e.conftest import write_summary

    write_summary(terminalreporter)
