"""Security headers on every kind of response: full pages, htmx fragments, errors; and
HSTS on HTTPS once the production settings are in force."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from tests.security.conftest import World
from tests.security.support import client_for

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _catalog(world: World) -> HttpResponse:
    return client_for(world.users["anonymous"]).get(reverse("catalog:index"))


def _lesson(world: World) -> HttpResponse:
    return client_for(world.users["student"]).get(
        reverse("catalog:lesson", kwargs={"slug": world.course.slug, "lesson_id": world.lesson.pk})
    )


def _attempt(world: World) -> HttpResponse:
    return client_for(world.users["student"]).get(
        reverse("quizzes:attempt", kwargs={"attempt_id": world.attempt.pk})
    )


def _answer_fragment(world: World) -> HttpResponse:
    url = reverse("quizzes:answer", kwargs={"attempt_id": world.attempt.pk, "position": 1})
    return client_for(world.users["student"]).post(url, {"answer": "shock work"}, **HTMX)


def _bank_fragment(world: World) -> HttpResponse:
    url = reverse("quizzes:bank", kwargs={"slug": world.course.slug})
    return client_for(world.users["instructor"]).get(url, {"q": "unions"}, **HTMX)


def _not_found(world: World) -> HttpResponse:
    return client_for(world.users["student"]).get("/courses/no-such-course/")


def _forbidden(world: World) -> HttpResponse:
    url = reverse("catalog:review", kwargs={"slug": world.course.slug})
    return client_for(world.users["student"]).get(url)


def _login(world: World) -> HttpResponse:
    return client_for(world.users["anonymous"]).get(reverse("login"))


PAGES: dict[str, tuple[Callable[[World], HttpResponse], int]] = {
    "catalog": (_catalog, 200),
    "lesson": (_lesson, 200),
    "attempt": (_attempt, 200),
    "htmx-answer": (_answer_fragment, 200),
    "htmx-bank": (_bank_fragment, 200),
    "not-found": (_not_found, 404),
    "forbidden": (_forbidden, 403),
    "login": (_login, 200),
}


def csp_directives(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name.lower()] = sources
    return directives


@pytest.fixture(params=sorted(PAGES))
def page(request: pytest.FixtureRequest, world: World) -> HttpResponse:
    fetch, status = PAGES[request.param]
    response = fetch(world)
    assert response.status_code == status
    return response


def test_it_sends_a_strict_content_security_policy(page: HttpResponse) -> None:
    header = page["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "unsafe-hashes" not in header
    policy = csp_directives(header)
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    # Scripts from our origin only: no nonce, so a cached page needs no per-response secret.
    assert policy["script-src"] == ["'self'"]
    assert "*" not in header
    assert "Content-Security-Policy-Report-Only" not in page


def test_it_sends_the_other_security_headers(page: HttpResponse) -> None:
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    assert page["X-Frame-Options"] == "DENY"
    assert page["Cross-Origin-Opener-Policy"] == "same-origin"


def test_its_html_works_under_that_policy(page: HttpResponse) -> None:
    """What the policy would block in a browser must not be in the page: inline scripts,
    inline styles, event-handler attributes, htmx's hx-on."""
    html = page.content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert not re.search(r"<[^>]+\sstyle=", html)
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html)
    assert "hx-on" not in html
    assert "<style" not in html


def test_pages_configure_htmx_not_to_evaluate_code(world: World) -> None:
    html = _lesson(world).content.decode()
    meta = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html)
    assert meta, "base.html must configure htmx"
    config = json.loads(meta[1])
    assert config["allowEval"] is False
    assert config["includeIndicatorStyles"] is False  # it would inject a <style>


# --- HTTPS -------------------------------------------------------------------------------


@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31_536_000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)
def test_it_sends_hsts_on_https_when_configured_for_it(world: World) -> None:
    # The SecurityMiddleware reads its settings when the client's handler is built.
    client = Client()
    secure = client.get(reverse("catalog:index"), secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    plain = client.get(reverse("catalog:index"))
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/"
    assert "Strict-Transport-Security" not in plain  # meaningless, and ignored, over HTTP


PRODUCTION_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client

client = Client()
https = client.get("/healthz", secure=True)
proxied = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
plain = client.get("/healthz")
print(json.dumps({
    "https": [https.status_code, https.get("Strict-Transport-Security")],
    "proxied": [proxied.status_code, proxied.get("Strict-Transport-Security")],
    "plain": [plain.status_code, plain.get("Location"), plain.get("Strict-Transport-Security")],
    "csp": https.get("Content-Security-Policy"),
    "cookies_secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_the_production_settings_send_hsts_on_https(behind_proxy: bool) -> None:
    """settings.py as a deployment runs it (DEBUG off), in a fresh interpreter: the test
    run's own settings are DEBUG's."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "DJANGO_", "DATABASE_", "REDIS_", "BEHIND_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "course.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-production-like-secret-key-for-the-header-test-0123456789",
        "ALLOWED_HOSTS": "testserver",
        # /healthz touches no database; this one is never created.
        "DATABASE_URL": "sqlite://:memory:",
        "BEHIND_PROXY": "true" if behind_proxy else "false",
    }
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    hsts = "max-age=31536000; includeSubDomains; preload"
    assert report["https"] == [200, hsts]
    # X-Forwarded-Proto is trusted only behind our own proxy (BEHIND_PROXY); otherwise a
    # client's forged header is ignored and the plain-HTTP request is redirected.
    assert report["proxied"] == ([200, hsts] if behind_proxy else [301, None])
    assert report["plain"] == [301, "https://testserver/healthz", None]
    assert "frame-ancestors 'none'" in report["csp"]
    assert report["cookies_secure"] == [True, True]


# --- personal pages are never stored by browsers or shared caches -------------------------


def _cache_control(response: HttpResponse) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_it_keeps_every_page_for_a_signed_in_person_out_of_caches(world: World) -> None:
    """Every GET of every URL pattern, as each signed-in persona: results with their keys,
    the gradebook, a dashboard are one person's, so no shared cache may keep them and no
    browser may keep them on disk for the next person at that computer."""
    from tests.security.support import Visitor, concrete_path, project_routes

    people = {name: Visitor(world.users[name]) for name in ("student", "instructor", "admin")}
    submitted = world.essay_item.attempt_id
    missing, checked = [], 0
    for route in project_routes():
        url = concrete_path(route, world.url_values())
        for name, visitor in people.items():
            response = visitor.send("GET", url)
            checked += 1
            if not {"private", "no-store"} <= _cache_control(response):
                missing.append(f"{url} as {name}: {response.get('Cache-Control')!r}")
    results = reverse("quizzes:results", kwargs={"attempt_id": submitted})
    response = people["student"].send("GET", results)
    assert response.status_code == 200 and "private" in _cache_control(response)
    assert not missing, f"{len(missing)} of {checked}:\n" + "\n".join(missing)


def test_it_marks_a_page_served_from_the_page_cache_private_too(
    world: World, django_assert_max_num_queries
) -> None:
    client = client_for(world.users["student"])
    url = reverse(
        "catalog:lesson", kwargs={"slug": world.course.slug, "lesson_id": world.lesson.pk}
    )
    client.get(url)  # sets the CSRF cookie a cached page needs
    client.get(url)  # renders and stores the page
    with django_assert_max_num_queries(1):  # the session: a hit, not a render
        hit = client.get(url)
    assert hit.status_code == 200
    assert {"private", "no-store"} <= _cache_control(hit)


def test_it_leaves_pages_for_guests_cacheable(world: World) -> None:
    response = _catalog(world)
    assert "private" not in _cache_control(response)
