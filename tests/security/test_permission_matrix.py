"""Who gets what, for every URL of the site: each pattern, each persona, each method.

`EXPECTED` says, for every URL pattern and method it accepts, the status each persona
should get. The test walks the resolver, so a new URL without an entry fails here until
someone decides who may use it. A method a pattern has no entry for must answer 405.

Values are statuses, or LOGIN: a redirect to the login page that comes back here.
Columns, in order: anonymous, student (enrolled), other_student (not enrolled),
instructor (the course's staff), other_instructor (another course's staff), admin.

The URLs name the shared `World`: the published course `unions` (open to guests), its
first lesson, the quiz with one question of every type, the student's open attempt, the
student's essay waiting to be graded, a discussion prompt and the student's post in it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import resolve, reverse

from course.catalog.models import Course
from tests import factories
from tests.security.conftest import PERSONAS, World
from tests.security.support import (
    LOGIN,
    Route,
    Visitor,
    admin_routes,
    client_for,
    concrete_path,
    outcome,
    project_routes,
)

pytestmark = pytest.mark.django_db

Expected = tuple[int | str, int | str, int | str, int | str, int | str, int | str]
ADMIN = ("admin:*", "GET and POST")
ADMIN_LOGIN = "admin login"  # 302 to the admin's login page

# Presets for the common cases; the table below says which applies where.
#                anon   student other_st instr  other_in admin
EVERYONE: Expected = (200, 200, 200, 200, 200, 200)
SIGNED_IN: Expected = (LOGIN, 200, 200, 200, 200, 200)
# The course's instructors and admins: 403 for people who can see the course.
EDITORS: Expected = (LOGIN, 403, 403, 200, 403, 200)
EDITORS_DONE: Expected = (LOGIN, 403, 403, 302, 403, 302)  # a POST that redirects back
EDITORS_INVALID: Expected = (LOGIN, 403, 403, 400, 403, 400)  # an empty form: 400
# An attempt is its student's alone: everyone else, staff included, gets a 404.
OWNER: Expected = (LOGIN, 200, 404, 404, 404, 404)
OWNER_DONE: Expected = (LOGIN, 302, 404, 404, 404, 404)
# Discussions: enrolled students and the course's staff; 403 for the others.
MEMBERS: Expected = (LOGIN, 200, 403, 200, 403, 200)
MEMBERS_DONE: Expected = (LOGIN, 302, 403, 302, 403, 302)
MODERATORS_DONE: Expected = (LOGIN, 403, 403, 302, 403, 302)
# A post can be edited and deleted by its author only (moderators hide it instead).
AUTHOR_DONE: Expected = (LOGIN, 302, 403, 403, 403, 403)
# Pages for people who are not signed in: the signed-in are sent to their dashboard.
SIGNED_OUT: Expected = (200, 302, 302, 302, 302, 302)

EXPECTED: dict[tuple[str, str], Expected] = {
    # --- site --------------------------------------------------------------------------
    ("favicon.ico", "GET"): (301, 301, 301, 301, 301, 301),  # to the static file
    ("healthz", "GET"): EVERYONE,
    # --- catalog -----------------------------------------------------------------------
    ("catalog:index", "GET"): EVERYONE,
    # Instructors of any course and admins may start a course; an empty form re-renders.
    ("catalog:new", "GET"): (LOGIN, 403, 403, 200, 200, 200),
    ("catalog:new", "POST"): (LOGIN, 403, 403, 200, 200, 200),
    # A course being generated from a long paste: its owner's alone (404 even for admins).
    ("catalog:generation-job", "GET"): (LOGIN, 404, 404, 200, 404, 404),
    ("catalog:course", "GET"): EVERYONE,
    # Anyone signed in may enroll in a published course (the student already is).
    ("catalog:enroll", "POST"): (LOGIN, 302, 302, 302, 302, 302),
    ("catalog:publish", "POST"): EDITORS_DONE,
    # The course is open to guests: its lessons are readable by anyone.
    ("catalog:lesson", "GET"): EVERYONE,
    ("catalog:review", "GET"): EDITORS,
    ("catalog:lesson-update", "POST"): EDITORS_DONE,
    # The course is published: the structure is frozen, the view says so and redirects.
    ("catalog:lesson-move", "POST"): EDITORS_DONE,
    ("catalog:lesson-merge", "POST"): EDITORS_DONE,
    ("catalog:lesson-split", "POST"): EDITORS_DONE,
    ("catalog:concept-add", "POST"): EDITORS_INVALID,
    ("catalog:removed-restore", "POST"): EDITORS_DONE,
    ("catalog:questions-more", "POST"): EDITORS_DONE,  # empty: a message, back to review
    ("catalog:question-update", "POST"): EDITORS_INVALID,
    ("catalog:question-accept", "POST"): EDITORS_DONE,
    # Delete and regenerate ask first: GET is the confirmation page (a dialog with htmx).
    # The question is answered and in a quiz: both POSTs are refused with a message.
    ("catalog:question-delete", "GET"): EDITORS,
    ("catalog:question-delete", "POST"): EDITORS_DONE,
    ("catalog:question-regenerate", "GET"): EDITORS,
    ("catalog:question-regenerate", "POST"): EDITORS_DONE,
    ("catalog:question-regenerate-copy", "POST"): EDITORS_DONE,  # a new draft beside it
    ("catalog:prompt-update", "POST"): EDITORS_DONE,
    ("catalog:prompt-delete", "GET"): EDITORS,
    ("catalog:prompt-delete", "POST"): EDITORS_DONE,  # kept, to restore
    ("catalog:prompt-regenerate", "GET"): EDITORS,
    ("catalog:prompt-regenerate", "POST"): EDITORS_DONE,  # answered: refused, a message
    ("catalog:prompt-regenerate-copy", "POST"): EDITORS_DONE,
    ("catalog:removed-item-restore", "POST"): EDITORS_DONE,  # undo a delete
    # The bank's bulk actions; nothing ticked: a message, back to the bank.
    ("catalog:bank-bulk", "POST"): EDITORS_DONE,
    # The course's settings (issue 13): the page; an empty form is the page again (400).
    ("catalog:settings", "GET"): EDITORS,
    ("catalog:settings", "POST"): EDITORS_INVALID,
    # The checklist before publishing; the course is published already: back to it.
    ("catalog:publish", "GET"): EDITORS,
    ("catalog:unpublish", "POST"): EDITORS_DONE,
    # Published, a student enrolled: the page says it cannot be deleted; POST says so too.
    ("catalog:course-delete", "GET"): EDITORS,
    ("catalog:course-delete", "POST"): EDITORS_DONE,
    ("catalog:settings-lesson-add", "POST"): EDITORS_INVALID,  # no title: the page again
    ("catalog:settings-lesson-move", "POST"): EDITORS_DONE,  # no direction: a message
    ("catalog:settings-lesson-delete", "GET"): EDITORS,  # asks (published: refuses)
    ("catalog:settings-lesson-delete", "POST"): EDITORS_DONE,  # published: refused, back
    ("catalog:settings-concept-move", "POST"): EDITORS_DONE,  # no concept: a message
    ("catalog:settings-concept-delete", "GET"): EDITORS_DONE,  # no concept: back
    ("catalog:settings-concept-delete", "POST"): EDITORS_DONE,
    # --- progress ----------------------------------------------------------------------
    ("progress:instructor", "GET"): EDITORS,
    ("progress:student", "GET"): EDITORS,
    # A student's quiz override: empty, the student's page again with the errors (400);
    # removing one the student does not have says so and goes back (302).
    ("progress:override", "POST"): EDITORS_INVALID,
    ("progress:override-delete", "POST"): EDITORS_DONE,
    ("progress:heatmap", "GET"): EDITORS,
    ("progress:gradebook", "GET"): EDITORS,
    ("progress:analysis", "GET"): EDITORS,
    ("progress:analysis-csv", "GET"): EDITORS,
    ("progress:dashboard", "GET"): SIGNED_IN,
    # Progress is recorded for enrolled students only; the others may read, not record.
    ("progress:lesson-complete", "POST"): (LOGIN, 302, 403, 403, 403, 403),
    # --- quizzes -----------------------------------------------------------------------
    ("quizzes:bank", "GET"): EDITORS,
    ("quizzes:bank-export", "GET"): EDITORS,  # every answer key of the course
    ("quizzes:bank-import", "GET"): EDITORS,
    ("quizzes:bank-import", "POST"): EDITORS,  # no file: the form again
    ("quizzes:question-new", "GET"): EDITORS,
    ("quizzes:question-new", "POST"): EDITORS,  # no type: the type picker again
    ("quizzes:question-edit", "GET"): EDITORS,  # a bank question, its key in the form
    ("quizzes:question-edit", "POST"): EDITORS,  # empty: the form again, with its errors
    ("quizzes:new", "GET"): EDITORS,
    ("quizzes:new", "POST"): EDITORS,  # no title: the form again
    # A published quiz of a visible course: its description, for anyone signed in.
    ("quizzes:quiz", "GET"): SIGNED_IN,
    ("quizzes:edit", "GET"): EDITORS,
    ("quizzes:edit", "POST"): EDITORS,
    # A quiz's order and points; empty (no points): the edit page with the errors.
    ("quizzes:slots", "POST"): EDITORS_INVALID,
    # A random slot ("draw N from a concept"); empty: the edit page with its errors (400).
    ("quizzes:slot-random", "POST"): EDITORS_INVALID,
    # The student resumes the open attempt; the others are told to enroll (a redirect).
    ("quizzes:start", "POST"): (LOGIN, 302, 302, 302, 302, 302),
    ("quizzes:preview", "GET"): EDITORS,  # the answer keys
    ("quizzes:grading", "GET"): EDITORS,
    ("quizzes:grade", "POST"): EDITORS_DONE,
    ("quizzes:attempt", "GET"): OWNER,
    ("quizzes:answer", "POST"): OWNER_DONE,
    ("quizzes:review", "GET"): OWNER,
    ("quizzes:submit", "POST"): OWNER_DONE,
    # The attempt is open: results redirect its student to the attempt.
    ("quizzes:results", "GET"): (LOGIN, 302, 404, 404, 404, 404),
    # --- discussions -------------------------------------------------------------------
    ("discussions:index", "GET"): MEMBERS,
    ("discussions:thread", "GET"): MEMBERS,
    ("discussions:post-create", "POST"): MEMBERS_DONE,
    ("discussions:prompt-lock", "POST"): MODERATORS_DONE,
    ("discussions:prompt-post-first", "POST"): MODERATORS_DONE,
    ("discussions:reply-create", "POST"): MEMBERS_DONE,
    ("discussions:post-edit", "POST"): AUTHOR_DONE,
    ("discussions:post-delete", "POST"): AUTHOR_DONE,
    ("discussions:post-pin", "POST"): MODERATORS_DONE,
    ("discussions:post-endorse", "POST"): MODERATORS_DONE,
    ("discussions:post-hide", "POST"): MODERATORS_DONE,
    # --- accounts (ours and django.contrib.auth's) ---------------------------------------
    ("signup", "GET"): SIGNED_OUT,
    ("signup", "POST"): SIGNED_OUT,  # empty: the form again, for the signed out
    ("signup_sent", "GET"): EVERYONE,  # the same words for everyone
    # A link that was never issued: "this link does not work", for the signed out.
    ("signup_finish", "GET"): SIGNED_OUT,
    ("signup_finish", "POST"): SIGNED_OUT,
    ("login", "GET"): EVERYONE,
    ("login", "POST"): EVERYONE,  # empty: the form again
    ("logout", "POST"): (302, 302, 302, 302, 302, 302),  # GET logout is a 405 (Django 5)
    ("password_change", "GET"): SIGNED_IN,
    ("password_change", "POST"): SIGNED_IN,  # empty: the form again
    ("password_change_done", "GET"): SIGNED_IN,
    # login_required wraps the whole view, so it answers before the method check.
    ("password_change_done", "POST"): (LOGIN, 405, 405, 405, 405, 405),
    ("password_reset", "GET"): EVERYONE,
    ("password_reset", "POST"): EVERYONE,  # empty: the form again
    ("password_reset_done", "GET"): EVERYONE,
    ("password_reset_confirm", "GET"): EVERYONE,  # "the link was invalid"
    ("password_reset_confirm", "POST"): EVERYONE,
    ("password_reset_complete", "GET"): EVERYONE,
    # --- the Django admin ----------------------------------------------------------------
    # One entry for all its patterns (about a hundred, a set per registered model), which
    # `test_it_keeps_the_admin_to_admins` checks: everyone but the admin is sent to the
    # admin's login (its login page and logout excepted), whatever the method.
    ADMIN: (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200),
}

# Forms filled in where an empty one would stop at validation before the permission
# check that matters (ownership of a post, for instance) or where the success path is
# the one to prove. Everything else is posted empty.
POST_DATA: dict[str, dict[str, str]] = {
    "catalog:lesson-update": {"title": "Origins, revised", "body": "New body."},
    "catalog:lesson-move": {"direction": "down"},
    "catalog:lesson-split": {"at_sentence": "1"},
    "catalog:prompt-update": {"text": "Was the purge avoidable?"},
    "quizzes:grade": {"percent": "50", "comment": "Cite the text."},
    "quizzes:answer": {"answer": "shock work"},
    "discussions:post-create": {"body": "A new post."},
    "discussions:reply-create": {"body": "A reply."},
    "discussions:post-edit": {"body": "An edited post."},
    "discussions:prompt-lock": {"value": "1"},
    "discussions:prompt-post-first": {"value": "1"},
    "discussions:post-pin": {"value": "1"},
    "discussions:post-endorse": {"value": "1"},
    "discussions:post-hide": {"value": "1"},
}

METHODS = ("GET", "POST")


def visitors(world: World) -> dict[str, Visitor]:
    return {persona: Visitor(world.users[persona]) for persona in PERSONAS}


def test_it_has_an_expectation_for_every_url_pattern() -> None:
    keys = {key for key, _ in EXPECTED} - {ADMIN[0]}
    routes = project_routes()
    missing = sorted({r.key for r in routes} - keys)
    assert not missing, f"URL patterns with no entry in EXPECTED: {missing}"
    stale = sorted(keys - {r.key for r in routes})
    assert not stale, f"EXPECTED names URL patterns that no longer exist: {stale}"
    # Keys must identify one pattern each, or the table would be ambiguous.
    assert len({r.key for r in routes}) == len(routes)
    assert len(routes) >= 65  # the walk reached every include
    assert len(admin_routes()) > 50  # and the admin's, checked on their own


def test_every_url_pattern_answers_each_persona_as_expected(world: World) -> None:
    """About 800 requests, each rolled back; the differences are reported all together."""
    wrong: list[str] = []
    checked = 0
    people = visitors(world)
    for route in project_routes():
        url = concrete_path(route, world.url_values())
        assert resolve(url).url_name == route.pattern.name, url
        for method in METHODS:
            expected = EXPECTED.get((route.key, method), (405,) * len(PERSONAS))
            for persona, want in zip(PERSONAS, expected, strict=True):
                response = people[persona].send(method, url, POST_DATA.get(route.key))
                got = outcome(response, url)
                checked += 1
                if got != want:
                    wrong.append(f"{method} {url} ({route.key}) as {persona}: {want=} {got=}")
    assert not wrong, f"{len(wrong)} of {checked} differ:\n" + "\n".join(wrong)


# --- objects of one course through another course's URL ---------------------------------


def test_it_finds_objects_only_through_their_own_course(world: World) -> None:
    """The URLs that name a course and an object in it, with the slug of the course that
    `other_instructor` teaches and the ids of objects from `course`: the object is looked
    up within the course in the URL, so it is a 404, even for an admin."""
    other_course = Course.objects.get(slug="another")
    values = {**world.url_values(), "slug": other_course.slug}
    people = visitors(world)
    wrong: list[str] = []
    checked = 0
    for route in project_routes():
        if "slug" not in route.parameters or len(route.parameters) < 2:
            continue
        url = concrete_path(route, values)
        for method in METHODS:
            if (route.key, method) not in EXPECTED:
                continue
            for persona in ("other_instructor", "admin"):
                got = outcome(people[persona].send(method, url, POST_DATA.get(route.key)), url)
                checked += 1
                if got != 404:
                    wrong.append(f"{method} {url} ({route.key}) as {persona}: {got}")
    assert checked > 40
    assert not wrong, "\n".join(wrong)


# --- drafts ------------------------------------------------------------------------------

# A draft course, and a draft quiz in the published course, for the same personas. Drafts
# are 404 to everyone who may not edit them: a 403 would confirm that they exist.
#                                        anon   student other_st instr  other_in admin
DRAFT_COURSE: dict[tuple[str, str], Expected] = {
    ("catalog:course", "GET"): (404, 404, 404, 200, 404, 200),
    ("catalog:lesson", "GET"): (404, 404, 404, 200, 404, 200),
    # Nobody enrolls in a draft; its staff are told so (403), the others never see it.
    ("catalog:enroll", "POST"): (LOGIN, 404, 404, 403, 404, 403),
    ("catalog:publish", "POST"): (LOGIN, 404, 404, 302, 404, 302),
    ("catalog:review", "GET"): (LOGIN, 404, 404, 200, 404, 200),
    ("catalog:settings", "GET"): (LOGIN, 404, 404, 200, 404, 200),
    ("catalog:publish", "GET"): (LOGIN, 404, 404, 200, 404, 200),  # the checklist
    ("catalog:course-delete", "GET"): (LOGIN, 404, 404, 200, 404, 200),
    ("progress:lesson-complete", "POST"): (LOGIN, 404, 404, 403, 404, 403),
    ("progress:instructor", "GET"): (LOGIN, 404, 404, 200, 404, 200),
    ("quizzes:bank", "GET"): (LOGIN, 404, 404, 200, 404, 200),
    ("discussions:index", "GET"): (LOGIN, 404, 404, 200, 404, 200),
}
DRAFT_QUIZ: dict[tuple[str, str], Expected] = {
    ("quizzes:quiz", "GET"): (LOGIN, 404, 404, 200, 404, 200),
    # Staff may open a draft quiz but not take it (not enrolled): told so, a redirect.
    ("quizzes:start", "POST"): (LOGIN, 404, 404, 302, 404, 302),
    ("quizzes:preview", "GET"): (LOGIN, 403, 403, 200, 403, 200),
}


def test_it_hides_drafts_from_everyone_but_their_editors(
    world: World, draft_course: Course
) -> None:
    draft_quiz = factories.quiz_with(world.course, world.questions[:2], status="draft")
    # The student is enrolled in the draft too (say, before it was unpublished).
    factories.EnrollmentFactory(user=world.users["student"], course=draft_course)
    cases = [
        (DRAFT_COURSE, {"slug": draft_course.slug, "lesson_id": draft_course.lessons.get().pk}),
        (DRAFT_QUIZ, {"quiz_id": draft_quiz.pk}),
    ]
    routes = {route.key: route for route in project_routes()}
    people = visitors(world)
    wrong: list[str] = []
    for table, overrides in cases:
        values = {**world.url_values(), **overrides}
        for (key, method), expected in table.items():
            url = concrete_path(routes[key], values)
            for persona, want in zip(PERSONAS, expected, strict=True):
                got = outcome(people[persona].send(method, url, POST_DATA.get(key)), url)
                if got != want:
                    wrong.append(f"{method} {url} ({key}) as {persona}: {want=} {got=}")
    assert not wrong, "\n".join(wrong)


# --- the Django admin --------------------------------------------------------------------


def _admin_url(route: Route, world: World) -> str:
    values = {
        "object_id": world.users["student"].pk,
        "id": world.users["student"].pk,
        "content_type_id": 1,
        "app_label": "accounts",
    }
    if route.is_regex:
        if route.pattern.name:
            kwargs = {name: values[name] for name in route.parameters}
            return reverse(route.key, kwargs=kwargs)
        # The admin's final catch-all: any other address under /admin/.
        assert route.parameters == ["url"], route.route
        return reverse("admin:index") + "no-such-page/"
    return concrete_path(route, values)


def test_it_keeps_the_admin_to_admins(world: World) -> None:
    """Everyone but the admin (instructors are not staff users) is sent to the admin's
    login page from every admin URL, whatever the method; the admin gets in."""
    login = reverse("admin:login")
    open_to_all = {"admin:login"}  # the login form itself
    kept_out = [p for p, want in zip(PERSONAS, EXPECTED[ADMIN], strict=True) if want == ADMIN_LOGIN]
    assert kept_out == ["anonymous", "student", "other_student", "instructor", "other_instructor"]
    wrong: list[str] = []
    routes = admin_routes()
    assert len(routes) > 50
    people = visitors(world)
    for route in routes:
        url = _admin_url(route, world)
        for persona in kept_out:
            for method in METHODS:
                if route.key in open_to_all:
                    continue
                response = people[persona].send(method, url)
                location = response.get("Location", "")
                if route.key == "admin:logout":
                    # Django sends non-staff from the admin's logout to the admin's index
                    # (which sends them on to its login).
                    ok = response.status_code == 302 and location == reverse("admin:index")
                else:
                    ok = response.status_code == 302 and urlsplit(location).path == login
                if not ok:
                    wrong.append(f"{method} {url} as {persona}: {response.status_code} {location}")
    assert not wrong, "\n".join(wrong)
    admin = client_for(world.users["admin"])
    assert admin.get(reverse("admin:index")).status_code == 200
    assert admin.get(reverse("admin:accounts_user_changelist")).status_code == 200
    for persona in ("anonymous", "student"):
        response = client_for(world.users[persona]).get(login)
        assert response.status_code == 200
