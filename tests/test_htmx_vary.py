"""Every view whose response depends on `request.htmx` says so with `Vary: HX-Request`, so no
cache (the browser's, or a shared one) hands a fragment to a full-page request or the page to
htmx. Found from the views' source: a view that reads `request.htmx`, itself or through a
function of ours it calls, must carry `@vary_on_headers("HX-Request")`."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db


def _views(patterns: list[Any] | None = None) -> Iterator[Callable[..., Any]]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry.url_patterns)
        elif isinstance(entry, URLPattern) and entry.callback.__module__.startswith("course."):
            yield entry.callback


def _reads_htmx(function: Callable[..., Any], seen: set[Callable[..., Any]]) -> bool:
    """Does this function read `request.htmx`, or call a function of ours that does?"""
    if function in seen:
        return False
    seen.add(function)
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "htmx":
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            called = function.__globals__.get(node.func.id)
            if (
                inspect.isfunction(called)
                and called.__module__.startswith("course.")
                and _reads_htmx(inspect.unwrap(called), seen)
            ):
                return True
    return False


def _varies_on_hx_request(view: Callable[..., Any]) -> bool:
    """Is one of the view's wrappers `vary_on_headers(..., "HX-Request", ...)`?"""
    wrapper: Any = view
    while wrapper is not None:
        # functools.wraps copies the view's name onto its wrappers; their code keeps theirs.
        if wrapper.__code__.co_qualname.startswith("vary_on_headers."):
            headers = inspect.getclosurevars(wrapper).nonlocals.get("headers", ())
            if "hx-request" in {header.lower() for header in headers}:
                return True
        wrapper = getattr(wrapper, "__wrapped__", None)
    return False


def _htmx_views() -> dict[str, Callable[..., Any]]:
    views = {}
    for view in _views():
        function = inspect.unwrap(view)
        if _reads_htmx(function, set()):
            views[f"{function.__module__}.{function.__qualname__}"] = view
    return views


def test_it_finds_the_views_that_branch_on_htmx():
    # The finder itself: direct readers, and views that answer through a helper that reads it.
    found = _htmx_views()
    assert {
        "course.quizzes.views.bank.bank",
        "course.quizzes.views.authoring.question_new",
        "course.discussions.views.thread",
        "course.authoring.views.items.question_delete",  # through answer_row
    } <= found.keys()
    assert "course.quizzes.views.attempts.attempt_page" not in found


def test_it_marks_every_view_that_branches_on_htmx_with_vary_hx_request():
    missing = sorted(
        name for name, view in _htmx_views().items() if not _varies_on_hx_request(view)
    )
    assert missing == [], f'add @vary_on_headers("HX-Request") to: {", ".join(missing)}'


def test_it_says_vary_hx_request_on_the_page_and_the_fragment(
    as_user, instructor, course, htmx_headers
):
    client = as_user(instructor)
    url = reverse("quizzes:bank", kwargs={"slug": course.slug})
    for response in (client.get(url), client.get(url, **htmx_headers)):
        assert response.status_code == 200
        assert "HX-Request" in response["Vary"]
