"""Every POST of the site refuses a request without a CSRF token, and changes nothing.

The URLs come from the same enumeration as the permission matrix; each is posted by every
persona the matrix lets use it, so the 403 here can only be the CSRF check's.
"""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from course.accounts.models import Enrollment
from course.discussions.models import Post
from course.progress.models import LessonCompletion
from course.quizzes.models import Attempt
from tests import factories
from tests.security.conftest import PERSONAS, World
from tests.security.support import LOGIN, Visitor, client_for, concrete_path, project_routes
from tests.security.test_permission_matrix import EXPECTED, POST_DATA

pytestmark = pytest.mark.django_db

REFUSED = {403, 404, 405, LOGIN}


def refused_for_csrf(response: HttpResponse) -> bool:
    # The CSRF failure page (templates/403_csrf.html); a permission 403 would not say this.
    return response.status_code == 403 and "This form has expired" in response.text


def test_every_post_needs_a_csrf_token(world: World) -> None:
    routes = {route.key: route for route in project_routes()}
    people = {p: Visitor(world.users[p], enforce_csrf_checks=True) for p in PERSONAS}
    wrong: list[str] = []
    posts = 0
    for (key, method), expected in EXPECTED.items():
        allowed = [p for p, want in zip(PERSONAS, expected, strict=True) if want not in REFUSED]
        if method != "POST" or not allowed:  # not a POST, or a POST nobody may make
            continue
        posts += 1
        url = concrete_path(routes[key], world.url_values())
        for persona in allowed:
            response = people[persona].send("POST", url, POST_DATA.get(key))
            if not refused_for_csrf(response):
                wrong.append(f"POST {url} ({key}) as {persona}: {response.status_code}")
    assert posts >= 35
    assert not wrong, "\n".join(wrong)


# --- nothing changed: spot checks, each with a control that the same POST with its token
# --- does change it (so the 403 is the token's doing, not something else's)


def csrf_client(user) -> Client:
    return client_for(user, enforce_csrf_checks=True)


def token_for(client: Client, page: str) -> str:
    """The token a page gives its forms (every page sets it, for htmx's header)."""
    assert client.get(page).status_code == 200
    return client.cookies["csrftoken"].value


def test_it_does_not_enroll_without_a_token(world: World, other_student) -> None:
    client = csrf_client(other_student)
    url = reverse("catalog:enroll", kwargs={"slug": world.course.slug})
    before = Enrollment.objects.count()
    assert refused_for_csrf(client.post(url))
    assert Enrollment.objects.count() == before
    token = token_for(client, world.course.get_absolute_url())
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Enrollment.objects.count() == before + 1


def test_it_does_not_record_a_lesson_without_a_token(world: World, student) -> None:
    client = csrf_client(student)
    kwargs = {"slug": world.course.slug, "lesson_id": world.lesson.pk}
    url = reverse("progress:lesson-complete", kwargs=kwargs)
    assert refused_for_csrf(client.post(url))
    assert not LessonCompletion.objects.filter(user=student).exists()
    # htmx sends the token in a header (hx-headers on <body>).
    token = token_for(client, reverse("catalog:lesson", kwargs=kwargs))
    assert client.post(url, HTTP_X_CSRFTOKEN=token).status_code == 302
    assert LessonCompletion.objects.filter(user=student).count() == 1


def test_it_does_not_start_an_attempt_without_a_token(world: World, student) -> None:
    quiz = factories.quiz_with(world.course, world.questions[:1])
    client = csrf_client(student)
    kwargs = {"slug": world.course.slug, "quiz_id": quiz.pk}
    url = reverse("quizzes:start", kwargs=kwargs)
    assert refused_for_csrf(client.post(url))
    assert not Attempt.objects.filter(quiz=quiz).exists()
    token = token_for(client, reverse("quizzes:quiz", kwargs=kwargs))
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Attempt.objects.filter(quiz=quiz, user=student).count() == 1


def test_it_does_not_save_an_answer_or_submit_without_a_token(world: World, student) -> None:
    client = csrf_client(student)
    attempt = world.attempt
    answer = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": 1})
    submit = reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk})
    assert refused_for_csrf(client.post(answer, {"answer": "shock work", "action": "check"}))
    assert refused_for_csrf(client.post(submit))
    item = attempt.items.get(position=1)
    assert (item.response, item.checked) == (None, False)
    attempt.refresh_from_db()
    assert attempt.is_open
    token = token_for(client, reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk}))
    data = {"answer": "shock work", "csrfmiddlewaretoken": token}
    assert client.post(answer, data).status_code == 302
    assert client.post(submit, {"csrfmiddlewaretoken": token}).status_code == 302
    item.refresh_from_db()
    attempt.refresh_from_db()
    assert item.response == "shock work"
    assert not attempt.is_open


def test_it_does_not_edit_a_question_without_a_token(world: World, instructor) -> None:
    client = csrf_client(instructor)
    question = world.questions[0]  # the cloze
    kwargs = {"slug": world.course.slug, "question_id": question.pk}
    url = reverse("catalog:question-update", kwargs=kwargs)
    data = {"prompt": "The _____ movement was forged.", "answer": "shock work"}
    assert refused_for_csrf(client.post(url, data))
    question.refresh_from_db()
    assert question.prompt == "The _____ movement raised output."
    token = token_for(client, reverse("catalog:review", kwargs={"slug": world.course.slug}))
    assert client.post(url, {**data, "csrfmiddlewaretoken": token}).status_code == 302
    question.refresh_from_db()
    assert question.prompt == "The _____ movement was forged."


def test_it_does_not_post_to_a_discussion_without_a_token(world: World, student) -> None:
    client = csrf_client(student)
    kwargs = {"slug": world.course.slug, "prompt_id": world.prompt.pk}
    url = reverse("discussions:post-create", kwargs=kwargs)
    before = Post.objects.count()
    assert refused_for_csrf(client.post(url, {"body": "Forged."}))
    assert Post.objects.count() == before
    token = token_for(client, reverse("discussions:thread", kwargs=kwargs))
    assert client.post(url, {"body": "Mine.", "csrfmiddlewaretoken": token}).status_code == 302
    assert Post.objects.count() == before + 1


def test_the_login_form_refuses_a_post_without_a_token(student) -> None:
    client = Client(enforce_csrf_checks=True)
    credentials = {"username": student.username, "password": factories.PASSWORD}
    response = client.post(reverse("login"), credentials)
    assert refused_for_csrf(response)
    assert "_auth_user_id" not in client.session
    token = token_for(client, reverse("login"))
    response = client.post(reverse("login"), {**credentials, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(student.pk)
