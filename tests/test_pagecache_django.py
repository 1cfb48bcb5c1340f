"""What the page cache (course/pagecache.py) takes from Django, pinned for the installed one.

The page cache answers a hit before authentication, CSRF and messages run, so it reads what
they leave behind itself: the session's keys, the cache session backend's layout, the
messages framework's session key and cookie, the CSRF secret's place. It also leans on how
querysets clone, when deletes send signals and where a model keeps its related objects.
None of that is Django's documented API. Each test below pins one such fact; a Django
upgrade that changes it fails here with "pagecache relies on …", not as a stale or leaked
page somewhere else.
"""

from __future__ import annotations

import functools

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.messages.storage.session import SessionStorage
from django.contrib.sessions.backends import cache as cache_session
from django.core.cache import cache
from django.db.models.deletion import Collector
from django.db.models.signals import m2m_changed
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client, RequestFactory
from django.views.decorators.http import require_GET

from course import pagecache
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from tests import factories

pytestmark = pytest.mark.django_db


def test_pagecache_relies_on_the_auth_session_key_names() -> None:
    assert (SESSION_KEY, HASH_SESSION_KEY) == ("_auth_user_id", "_auth_user_hash"), (
        "pagecache relies on django.contrib.auth's session key names; a hit reads them from "
        "the raw session dict, so sessions stored under the old names would all miss"
    )


def test_pagecache_relies_on_login_storing_the_user_id_and_auth_hash_in_the_session(
    settings,
) -> None:
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    user = factories.UserFactory()
    client = Client()
    client.force_login(user)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    session = cache.get(f"{cache_session.KEY_PREFIX}{session_key}")
    assert isinstance(session, dict), (
        "pagecache relies on the cache session backend storing the session as a plain dict "
        f"under KEY_PREFIX + session key in the cache it names (found {session!r})"
    )
    assert str(session.get(SESSION_KEY)) == str(user.pk), (
        "pagecache relies on login() storing the user's id under SESSION_KEY"
    )
    assert session.get(HASH_SESSION_KEY) == user.get_session_auth_hash(), (
        "pagecache relies on login() storing get_session_auth_hash() under HASH_SESSION_KEY"
    )


def test_pagecache_relies_on_the_cache_session_backends_key_prefix(settings) -> None:
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    store = cache_session.SessionStore()
    store["probe"] = 1
    store.save()
    assert cache_session.KEY_PREFIX == "django.contrib.sessions.cache", (
        "pagecache relies on the cache session backend's KEY_PREFIX"
    )
    assert store.cache_key == f"{cache_session.KEY_PREFIX}{store.session_key}", (
        "pagecache relies on a cached session's key being KEY_PREFIX + the session key"
    )
    assert cache.get(store.cache_key) == {"probe": 1}, (
        "pagecache relies on the cache session backend writing the plain session dict to "
        "the cache SESSION_CACHE_ALIAS names, readable with the default cache's get_many"
    )


def _request_with_session() -> HttpRequest:
    request = RequestFactory().get("/")
    request.session = cache_session.SessionStore()
    return request


def test_pagecache_relies_on_waiting_messages_in_the_session_under_its_session_key() -> None:
    assert SessionStorage.session_key == "_messages", (
        "pagecache relies on SessionStorage.session_key naming the session's waiting messages"
    )
    request = _request_with_session()
    storage = SessionStorage(request)
    storage.add(messages.INFO, "waiting")
    storage.update(HttpResponse())
    assert SessionStorage.session_key in request.session, (
        "pagecache relies on a waiting message being stored in the session under "
        "SessionStorage.session_key (a hit would otherwise swallow it)"
    )
    shown = SessionStorage(request)
    list(shown)
    shown.update(HttpResponse())
    assert SessionStorage.session_key not in request.session, (
        "pagecache relies on SessionStorage removing its key once the messages are shown "
        "(else no page would be served from the cache again in that session)"
    )


def test_pagecache_relies_on_the_messages_cookie_name() -> None:
    assert CookieStorage.cookie_name == "messages", (
        "pagecache relies on CookieStorage.cookie_name naming the waiting-messages cookie"
    )
    request = _request_with_session()
    storage = FallbackStorage(request)  # MESSAGE_STORAGE's default: the cookie first
    storage.add(messages.INFO, "waiting")
    response = HttpResponse()
    storage.update(response)
    assert CookieStorage.cookie_name in response.cookies, (
        "pagecache relies on a waiting message (default storage) setting the cookie named "
        "CookieStorage.cookie_name, which makes it pass the page cache by"
    )
    assert settings.MESSAGE_STORAGE in (
        "django.contrib.messages.storage.fallback.FallbackStorage",
        "django.contrib.messages.storage.session.SessionStorage",
        "django.contrib.messages.storage.cookie.CookieStorage",
    ), "pagecache relies on messages waiting in its cookie or the session, where it looks"


def _through_csrf(request: HttpRequest) -> tuple[HttpRequest, HttpResponse]:
    def view(request: HttpRequest) -> HttpResponse:
        get_token(request)  # a page with a form
        return HttpResponse()

    middleware = CsrfViewMiddleware(view)
    middleware.process_request(request)
    response = middleware.process_view(request, view, (), {}) or view(request)
    return request, middleware.process_response(request, response)


def test_pagecache_relies_on_csrf_cookie_meta_holding_the_secret_the_cookie_carries() -> None:
    assert not settings.CSRF_USE_SESSIONS, (
        "pagecache relies on the CSRF secret being in a cookie (CSRF_USE_SESSIONS off)"
    )
    first, response = _through_csrf(RequestFactory().get("/"))
    cookie = response.cookies[settings.CSRF_COOKIE_NAME].value
    assert first.META["CSRF_COOKIE"] == cookie, (
        "pagecache relies on request.META['CSRF_COOKIE'] holding the secret set as the CSRF "
        "cookie: it stores the page under it and compares the next request's cookie"
    )
    factory = RequestFactory()
    factory.cookies[settings.CSRF_COOKIE_NAME] = cookie
    again, _ = _through_csrf(factory.get("/"))
    assert again.META["CSRF_COOKIE"] == cookie, (
        "pagecache relies on request.META['CSRF_COOKIE'] being the incoming CSRF cookie, "
        "unchanged (the secret the page's tokens are of)"
    )


def test_pagecache_relies_on_djangos_view_decorators_keeping_the_pages_mark() -> None:
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse()

    marked = require_GET(login_required(pagecache.per_person_page(course_kwarg=None)(view)))
    assert getattr(marked, "page_cache_course_kwarg", "missing") is None, (
        "pagecache relies on Django's view decorators (require_GET, login_required) "
        "copying the view's __dict__ (functools.wraps), where per_person_page marks it"
    )
    assert functools.WRAPPER_UPDATES == ("__dict__",)


def test_pagecache_relies_on_querysets_chaining_through_clone(course) -> None:
    marked = Lesson.objects.bumped_by_caller()
    for chained in (
        marked.all(),
        marked.filter(course=course),
        marked.exclude(pk=0),
        marked.order_by("pk"),
        marked.select_related("course"),
        marked.distinct(),
    ):
        assert chained._bumped_by_caller, (
            "pagecache relies on every chained QuerySet being made by _clone, which "
            "InvalidatingQuerySet overrides to carry bumped_by_caller()"
        )


def test_pagecache_relies_on_related_managers_using_the_models_queryset(course) -> None:
    assert isinstance(course.lessons.all(), pagecache.InvalidatingQuerySet), (
        "pagecache relies on a related manager (course.lessons) building the model's own "
        "queryset, so course.lessons.update() sets new versions too"
    )


def test_pagecache_relies_on_queryset_deletes_sending_post_delete(course) -> None:
    assert not Collector(using="default").can_fast_delete(Lesson.objects.all()), (
        "pagecache relies on a queryset delete of a watched model sending post_delete "
        "per row (no fast delete while receivers listen); it does not override delete()"
    )


def test_pagecache_relies_on_fields_cache_holding_a_loaded_foreign_key(course) -> None:
    lesson = Lesson.objects.select_related("course").filter(course=course).first()
    assert lesson is not None
    assert isinstance(lesson._state.fields_cache.get("course"), Course), (
        "pagecache relies on Model._state.fields_cache holding a loaded foreign key's object "
        "under the field's name (it finds a row's course there without a query)"
    )


def test_pagecache_relies_on_m2m_changed_sending_post_actions_from_either_end(course) -> None:
    concept = Concept.objects.filter(course=course).first()
    assert concept is not None
    sentence = SourceSentence.objects.create(course=course, position=99, text="Shock work.")
    seen: list[tuple[str, type]] = []

    def record(sender, instance, action, **kwargs) -> None:
        seen.append((action, type(instance)))

    m2m_changed.connect(record, sender=Concept.sentences.through)
    try:
        concept.sentences.add(sentence)
        sentence.concepts.remove(concept)
        concept.sentences.clear()
    finally:
        m2m_changed.disconnect(record, sender=Concept.sentences.through)
    assert {
        ("post_add", Concept),
        ("post_remove", SourceSentence),
        ("post_clear", Concept),
    } <= set(seen), (
        "pagecache relies on m2m_changed sending post_add, post_remove and post_clear, with "
        f"`instance` the end the change was made from (saw {seen})"
    )


def test_pagecache_relies_on_the_permission_link_tables() -> None:
    user = get_user_model()
    assert {model._meta.label for model in pagecache._permission_models()} == {
        f"{user._meta.app_label}.{user.__name__}_groups",
        f"{user._meta.app_label}.{user.__name__}_user_permissions",
        "auth.Group_permissions",
    }, "pagecache relies on group and permission links being these auto-created tables"
