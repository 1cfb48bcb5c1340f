"""Every URL pattern of the project, walked from the root resolver, concrete URLs for them,
and a persona's client whose requests change nothing: what the permission matrix and the
CSRF tests share."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

from course.accounts.models import User

LOGIN = "login"  # an outcome: 302 to the login page, with ?next= back to the URL asked for

# `<int:lesson_id>` or `<id>` in a route.
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name"; the route itself for a pattern without a name
    route: str  # the full route from the site root, e.g. "courses/<slug:slug>/"
    pattern: URLPattern
    namespace: str

    @property
    def is_regex(self) -> bool:
        return not isinstance(self.pattern.pattern, RoutePattern)

    @property
    def parameters(self) -> list[str]:
        return list(self.pattern.pattern.regex.groupindex)


def _walk(
    patterns: Sequence[URLPattern | URLResolver], prefix: str, namespace: str
) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        else:
            route = prefix + str(entry.pattern)
            key = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
            if not entry.name:
                key = route
            yield Route(key=key, route=route, pattern=entry, namespace=namespace)


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, "", ""))


def project_routes() -> list[Route]:
    """Everything but the Django admin's own patterns (tested on their own)."""
    return [r for r in all_routes() if r.namespace != "admin"]


def admin_routes() -> list[Route]:
    return [r for r in all_routes() if r.namespace == "admin"]


def concrete_path(route: Route, values: Mapping[str, object]) -> str:
    """The route with its parameters filled in. A parameter nobody has a value for is a
    KeyError: a new kind of URL parameter must be given a value by the tests."""
    if route.is_regex:
        raise ValueError(f"{route.route!r} is a regex pattern: build its URL by name.")
    return "/" + PARAMETER.sub(lambda m: str(values[m["name"]]), route.route)


# --- requests that change nothing --------------------------------------------------------


def client_for(user: User | AnonymousUser, **options: object) -> Client:
    client = Client(**options)  # raise_request_exception stays on: a 500 fails loudly
    if user.is_authenticated:
        client.force_login(user)
    return client


@contextmanager
def rolled_back() -> Iterator[None]:
    """Undo whatever the request changed, so every persona meets the same world (a
    submitted attempt, a deleted post or a published draft would change the answers)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


class Visitor:
    """One persona's client, signed in once; every request starts from the same cookies
    (a logout, a message or a new session in one request must not leak into the next)
    and is rolled back."""

    def __init__(self, user: User | AnonymousUser, **options: object) -> None:
        self.client = client_for(user, **options)
        self.cookies = self.client.cookies.output(header="", sep="\n")

    def send(self, method: str, url: str, data: Mapping[str, str] | None = None) -> HttpResponse:
        self.client.cookies = SimpleCookie(self.cookies)
        with rolled_back():
            if method == "GET":
                response = self.client.get(url)
            else:
                response = self.client.post(url, dict(data or {}))
            if response.streaming:
                # A streamed CSV runs its queries while it is read: read it now, so its
                # errors show (and inside the rollback).
                body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
                response.streaming_content = [body]  # type: ignore[attr-defined]
        return response


def outcome(response: HttpResponse, url: str) -> int | str:
    """The status, or LOGIN for a redirect to the login page that comes back to `url`."""
    if response.status_code == 302:
        target = urlsplit(response["Location"])
        if target.path == reverse(settings.LOGIN_URL) and f"next={url}" in unquote(target.query):
            return LOGIN
    return response.status_code
