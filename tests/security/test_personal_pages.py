"""Pages with a person's own state are never kept stale: not by a shared cache, not by the
browser. Each is named here with the persona whose page it is, and sends
`Cache-Control: private` with `no-store` (Back asks the server again), or with `no-cache` and
a validator the server checks on every use. Every URL pattern of the project must be named
here, as a personal page or as something else with the reason, so a new page is covered the
day it is added.

The pages the per-person page cache serves (course/pagecache.py) are visited until they are
served from it: a hit must say the same as the render it replays."""

from __future__ import annotations

import pytest
from django.http import HttpResponse

from tests.security.conftest import World
from tests.security.support import client_for, concrete_path, project_routes

pytestmark = pytest.mark.django_db

# URL name -> the persona whose page it is. The URL's parameters come from
# `World.url_values`, with the overrides below.
PERSONAL_PAGES: dict[str, str] = {
    # What a student sees of their own progress, attempts, answers and posts.
    "catalog:index": "student",  # their progress in each course (page-cached)
    "catalog:course": "student",
    "catalog:lesson": "student",  # (page-cached)
    "progress:dashboard": "student",  # (page-cached)
    "quizzes:quiz": "student",  # their attempts and grade
    "quizzes:attempt": "student",
    "quizzes:review": "student",
    "quizzes:results": "student",
    "discussions:index": "student",
    "discussions:thread": "student",
    "password_change": "student",
    "password_change_done": "student",
    # What course staff see of their students, and their own drafts.
    "catalog:new": "instructor",
    "catalog:generation-job": "instructor",  # how far their long paste has come
    "catalog:review": "instructor",
    "progress:instructor": "instructor",
    "progress:student": "instructor",
    "progress:heatmap": "instructor",
    "progress:gradebook": "instructor",
    "progress:analysis": "instructor",
    "progress:analysis-csv": "instructor",
    "quizzes:bank": "instructor",
    "quizzes:bank-export": "instructor",
    "quizzes:bank-import": "instructor",
    "quizzes:question-new": "instructor",
    "quizzes:question-edit": "instructor",
    "quizzes:new": "instructor",
    "quizzes:edit": "instructor",
    "quizzes:preview": "instructor",
    "quizzes:grading": "instructor",
    # The review workspace asks before deleting or regenerating: a page without JavaScript.
    "catalog:question-delete": "instructor",
    "catalog:question-regenerate": "instructor",
    "catalog:prompt-delete": "instructor",
    "catalog:prompt-regenerate": "instructor",
    # The course's settings, the checklist before publishing, and the questions asked
    # before deleting (pages of their own without JavaScript).
    "catalog:settings": "instructor",
    "catalog:publish": "instructor",
    "catalog:course-delete": "instructor",
    "catalog:settings-lesson-delete": "instructor",
}

# Everything else, and why it is not a personal page.
NOT_PERSONAL: dict[str, str] = {
    "favicon.ico": "a redirect to a static file",
    "healthz": "the same 'ok' for everyone",
    "signup": "a form for people not signed in",
    "signup_sent": "the same words for everyone",
    "signup_finish": "a form reached by an e-mailed link, for people not signed in",
    "login": "a form for people not signed in",
    "password_reset": "a form for people not signed in",
    "password_reset_done": "the same words for everyone",
    "password_reset_confirm": "a form reached by an e-mailed link, for people not signed in",
    "password_reset_complete": "the same words for everyone",
    "catalog:settings-concept-delete": "asks about the concept in its query (private, as every "
    "signed-in page); without one, a redirect to the settings page",
}

# Actions: POST only. Their answers are redirects, or htmx fragments that replace part of a
# personal page (PrivatePagesMiddleware marks those private too: the last test here).
ACTIONS = {
    "catalog:lesson-update", "catalog:lesson-move", "catalog:lesson-merge",
    "catalog:lesson-split", "catalog:concept-add", "catalog:removed-restore",
    "catalog:questions-more", "catalog:question-update", "catalog:question-accept",
    "catalog:question-regenerate-copy", "catalog:prompt-update",
    "catalog:prompt-regenerate-copy", "catalog:removed-item-restore", "catalog:enroll",
    "catalog:unpublish", "catalog:settings-lesson-add", "catalog:settings-lesson-move",
    "catalog:settings-concept-move",
    "progress:lesson-complete", "progress:override", "progress:override-delete",
    "quizzes:start", "quizzes:grade", "quizzes:answer",
    "quizzes:submit", "discussions:post-create", "discussions:prompt-lock",
    "discussions:prompt-post-first", "discussions:reply-create", "discussions:post-edit",
    "discussions:post-delete", "discussions:post-pin", "discussions:post-endorse",
    "discussions:post-hide", "logout",
    # The bank's bulk actions: a redirect, or (delete) the page that asks first, in answer
    # to the POST that ticked the questions.
    "catalog:bank-bulk", "quizzes:slots",
    # A random slot added: the section again, or a redirect back to the quiz's builder.
    "quizzes:slot-random",
}  # fmt: skip


def url_values(world: World, name: str) -> dict[str, object]:
    values = world.url_values()
    if name == "quizzes:results":
        values["attempt_id"] = world.essay_item.attempt_id  # a submitted attempt
    return values


def cache_control(response: HttpResponse) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def kept_fresh(response: HttpResponse) -> bool:
    """Private, and either never stored or checked with the server on every use."""
    directives = cache_control(response)
    if "private" not in directives or "public" in directives:
        return False
    if "no-store" in directives:
        return True
    validator = response.has_header("ETag") or response.has_header("Last-Modified")
    return "no-cache" in directives and validator


def test_every_url_pattern_is_named_as_personal_or_not() -> None:
    keys = {route.key for route in project_routes()}
    named = set(PERSONAL_PAGES) | set(NOT_PERSONAL) | ACTIONS
    missing = sorted(keys - named)
    assert not missing, f"Say whether these pages are personal (PERSONAL_PAGES): {missing}"
    stale = sorted(named - keys)
    assert not stale, f"Named here but no longer URL patterns: {stale}"
    assert not set(PERSONAL_PAGES) & (set(NOT_PERSONAL) | ACTIONS)


@pytest.mark.parametrize("name", sorted(PERSONAL_PAGES))
def test_a_personal_page_is_private_and_never_stale(world: World, name: str) -> None:
    route = next(route for route in project_routes() if route.key == name)
    url = concrete_path(route, url_values(world, name))
    client = client_for(world.users[PERSONAL_PAGES[name]])
    # The first visit sets the CSRF cookie; the second renders a page-cached page and stores
    # it; the third is served from the page cache. All three say the same.
    for visit in range(3):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
        assert response.status_code == 200, f"{url}: {response.status_code}"
        assert kept_fresh(response), f"{url}, visit {visit + 1}: {response.get('Cache-Control')!r}"


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_an_action_has_no_page_to_keep(world: World, name: str) -> None:
    """An action that starts answering GET has become a page: name it above."""
    route = next(route for route in project_routes() if route.key == name)
    url = concrete_path(route, url_values(world, name))
    persona = "student" if name.startswith(("quizzes:", "progress:", "discussions:")) else "admin"
    response = client_for(world.users[persona]).get(url)
    assert response.status_code == 405, f"{url} answers GET with {response.status_code}"


def test_an_htmx_answer_on_a_personal_page_is_private_too(world: World) -> None:
    url = concrete_path(
        next(route for route in project_routes() if route.key == "quizzes:answer"),
        world.url_values(),
    )
    response = client_for(world.users["student"]).post(
        url, {"answer": "shock work", "action": "save"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="attempt-status"' in response.text
    assert {"private", "no-store"} <= cache_control(response)
