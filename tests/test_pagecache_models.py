"""Every model a cached page reads is one the page cache invalidates on.

The page cache (course/pagecache.py) serves a stored page until a version it was rendered
under changes; a version changes when a model in `pagecache.watched_models()` is written. A
cached page that reads any other model would show it stale. This test finds every view
marked `@per_person_page` through the URL resolver, renders it as each persona with a
world in which every part of it has something to show, records the SQL, and maps every
table read to its model: each must be watched, or on the allow-list below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Model
from django.http import HttpResponse, QueryDict
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from course import pagecache
from course.accounts.models import User
from course.catalog.access import can_edit
from course.catalog.models import Course, Lesson
from course.discussions.models import Prompt
from course.progress.models import LessonCompletion
from course.progress.services import lesson_complete
from course.quizzes.attempts import attempt_answer, attempt_start, attempt_submit
from course.quizzes.models import Quiz
from course.quizzes.overrides import quiz_override_set
from tests import factories

# Tables a cached page reads whose rows cannot change what it shows. Keep this short, and
# say why for each.
ALLOWED_TABLES = {
    # The session is checked on every hit by the middleware itself (same user, auth hash).
    "django_session",
    # Rows made by migrations only: what a permission is, not who holds it (those are the
    # watched through tables).
    "auth_permission",
    "django_content_type",
}


@dataclass(frozen=True)
class CachedView:
    name: str  # "namespace:name", for reverse()
    kwargs: tuple[str, ...]
    func: Callable[..., object]


def _walk(patterns: list[object], namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}".lstrip(":"), entry


def cached_views() -> list[CachedView]:
    """Every URL whose view carries the mark `per_person_page` sets (once per view)."""
    found: dict[object, CachedView] = {}
    for name, pattern in _walk(get_resolver().url_patterns):
        if hasattr(pattern.callback, "page_cache_course_kwarg"):
            kwargs = tuple(sorted(pattern.pattern.regex.groupindex))
            found.setdefault(pattern.callback, CachedView(name, kwargs, pattern.callback))
    return sorted(found.values(), key=lambda view: view.name)


def models_of_tables(sql: list[str]) -> tuple[set[type[Model]], set[str]]:
    """The models whose tables the SQL names, and the allow-listed tables it names."""
    text = "\n".join(sql)
    models: set[type[Model]] = set()
    allowed: set[str] = set()
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if f'"{table}"' in text or f"`{table}`" in text:
            (allowed.add(table) if table in ALLOWED_TABLES else models.add(model))
    return models, allowed


def unwatched(read: set[type[Model]], watched: frozenset[type[Model]]) -> set[str]:
    """The labels of models read that nothing invalidates on."""
    return {model._meta.label for model in read - watched}


def test_the_cached_views_are_found():
    names = {view.name for view in cached_views()}
    assert {"catalog:index", "catalog:lesson", "progress:dashboard", "progress:instructor"} <= names


# Cached pages for the course's staff and admins only: everyone else is refused (and a
# refusal is never stored).
STAFF_PAGES = {"progress:instructor"}


def own_versions_cover(view: CachedView) -> frozenset[type[Model]]:
    """The models whose writes set the versions the view declares itself
    (`pagecache.page_depends_on`), as its mark names them."""
    labels = getattr(view.func, "page_cache_own_versions_cover", ())
    return frozenset(apps.get_model(label) for label in labels)


# --- a world in which every part of every cached page has something to show --------------


@pytest.fixture
def world(course, lessons, student, instructor, other_instructor, other_course, admin):
    concept = course.concepts.get()
    concept.core = True
    concept.save()
    sentence = factories.SourceSentenceFactory(course=course, lesson=lessons[0])
    concept.sentences.add(sentence)
    question = factories.QuestionFactory(
        course=course,
        lesson=lessons[0],
        type="true_false",
        prompt="Claim.",
        options=["True", "False"],
        answer=True,
    )
    question.concepts.add(concept)
    quiz = factories.quiz_with(course, [question], feedback_mode=Quiz.Feedback.IMMEDIATE)
    factories.quiz_with(course, [question], title="Still to take")
    Prompt.objects.create(course=course, lesson=lessons[0], text="Why?", position=1)
    lesson_complete(user=student, lesson=lessons[0])
    attempt = attempt_start(quiz=quiz, user=student)
    attempt_answer(attempt=attempt, position=1, data=QueryDict("choice=true"), check=True)
    attempt_submit(attempt=attempt)
    factories.EnrollmentFactory(user=other_instructor, course=course)
    quiz_override_set(quiz=quiz, student=student, by=instructor, extra_attempts=1, closes_at=None)
    return course


PERSONAS = ["student", "other_student", "instructor", "other_instructor", "admin"]


def url_for(view: CachedView, course: Course, lesson: Lesson) -> str:
    values = {"slug": course.slug, "lesson_id": lesson.pk}
    missing = set(view.kwargs) - values.keys()
    assert not missing, f"{view.name}: say here what to pass for {missing}"
    return reverse(view.name, kwargs={key: values[key] for key in view.kwargs})


def render_afresh(client: Client, user: User, url: str) -> HttpResponse:
    """A miss: the page rendered (and stored) through the page cache's middleware."""
    client.get(url)  # sets the CSRF cookie (and may store the page)
    with TestCase.captureOnCommitCallbacks(execute=True):
        pagecache.person_changed(user.pk)  # so the next visit renders
    response: HttpResponse = client.get(url)
    return response


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_model_a_cached_page_reads_is_invalidated_on(
    persona, request, world, lessons, as_user
):
    user: User = request.getfixturevalue(persona)
    client = as_user(user)
    watched = pagecache.watched_models()
    problems = {}
    for view in cached_views():
        url = url_for(view, world, lessons[0])
        with CaptureQueriesContext(connection) as queries:  # the queries of both visits
            response = render_afresh(client, user, url)
        if view.name in STAFF_PAGES and not can_edit(user, world):
            assert response.status_code in {403, 404}, (view.name, response.status_code)
            continue
        assert response.status_code == 200, (view.name, response.status_code)
        read, _ = models_of_tables([query["sql"] for query in queries.captured_queries])
        assert read, f"{view.name} read nothing: the capture missed the render"
        if missing := unwatched(read, watched | own_versions_cover(view)):
            problems[view.name] = sorted(missing)
    assert not problems, (
        "cached pages read models nothing invalidates on: register them in "
        f"course/pagecache.py (COURSE_MODELS / PERSON_MODELS) or stop caching: {problems}"
    )


# --- the check checks: an unregistered model is found ------------------------------------


def test_a_page_that_reads_a_model_nobody_registered_is_found(world, student, lessons, as_user):
    """Take one model the lesson page reads out of the watched set: the comparison the test
    above makes must name it."""
    client = as_user(student)
    url = reverse("catalog:lesson", kwargs={"slug": world.slug, "lesson_id": lessons[0].pk})
    with CaptureQueriesContext(connection) as queries:
        render_afresh(client, student, url)
    read, _ = models_of_tables([query["sql"] for query in queries.captured_queries])
    watched = pagecache.watched_models()
    assert not unwatched(read, watched)
    lesson_model = apps.get_model("catalog.Lesson")
    assert lesson_model in read
    assert unwatched(read, watched - {lesson_model}) == {"catalog.Lesson"}


def test_a_page_that_declares_versions_of_its_own_is_checked_against_them(
    world, instructor, as_user
):
    """The roster reads other people's rows (their progress, their overrides): its mark names
    the models its own version covers, and without them the comparison names what is left."""
    client = as_user(instructor)
    roster = next(view for view in cached_views() if view.name == "progress:instructor")
    with CaptureQueriesContext(connection) as queries:
        render_afresh(client, instructor, reverse(roster.name, kwargs={"slug": world.slug}))
    read, _ = models_of_tables([query["sql"] for query in queries.captured_queries])
    watched = pagecache.watched_models()
    assert not unwatched(read, watched | own_versions_cover(roster))
    assert unwatched(read, watched) == {"quizzes.QuizOverride"}


def test_a_model_dropped_from_the_registered_lists_leaves_the_watched_set(monkeypatch):
    monkeypatch.setattr(
        pagecache, "COURSE_MODELS", [m for m in pagecache.COURSE_MODELS if m != "catalog.Concept"]
    )
    assert apps.get_model("catalog.Concept") not in pagecache.watched_models()


def test_tables_map_to_their_models_and_the_allow_list():
    sql = ['SELECT 1 FROM "catalog_lesson" INNER JOIN "django_session" ON 1']
    read, allowed = models_of_tables(sql)
    assert read == {Lesson}
    assert allowed == {"django_session"}


# --- bulk writes: every registered model's queryset sets the versions itself --------------


def test_every_registered_model_bumps_on_bulk_writes():
    """UPDATE, bulk_create and bulk_update send no signals: the querysets of the registered
    models (pagecache.InvalidatingQuerySet) bump. A model registered with a plain manager,
    or one whose manager is replaced, fails here."""
    plain = [
        label
        for label in [*pagecache.COURSE_MODELS, *pagecache.PERSON_MODELS]
        if not isinstance(
            apps.get_model(label)._default_manager.all(), pagecache.InvalidatingQuerySet
        )
    ]
    assert not plain


@pytest.mark.django_db(transaction=True)
def test_a_bulk_update_makes_the_cached_page_miss(world, student, lessons, as_user):
    client = as_user(student)
    url = reverse("catalog:lesson", kwargs={"slug": world.slug, "lesson_id": lessons[0].pk})
    client.get(url)
    client.get(url)
    Lesson.objects.filter(pk=lessons[0].pk).update(title="Renamed in bulk")  # no signal
    assert "Renamed in bulk" in client.get(url).content.decode()
    LessonCompletion.objects.filter(user=student).delete()  # signals, per row
    client.get(url)
    assert "You completed this lesson" not in client.get(url).content.decode()
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(user=student, lesson=lessons[0], course=world)]
    )
    assert "You completed this lesson" in client.get(url).content.decode()


def test_a_static_file_change_is_a_new_release(tmp_path, settings):
    """A CSS-only deploy renames the hashed CSS: pages stored before it must not be served."""
    (tmp_path / "static").mkdir()
    css = tmp_path / "static" / "site.css"
    css.write_text("body { color: black }")
    settings.BASE_DIR = tmp_path
    pagecache._release.cache_clear()
    try:
        before = pagecache._release()
        css.write_text("body { color: navy }")
        pagecache._release.cache_clear()
        assert pagecache._release() != before
    finally:
        pagecache._release.cache_clear()
