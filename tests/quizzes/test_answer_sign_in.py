"""The answer POST finds its user in the query that locks the attempt, instead of the
authentication middleware's query (`views.attempts.attempt_answer`): it must let in and
keep out exactly whom `login_required` and Django's own session checks would."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.quizzes.models import Attempt, AttemptItem
from tests import factories

pytestmark = pytest.mark.django_db


def started(client, quiz) -> Attempt:
    url = reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    assert client.post(url).status_code == 302
    return Attempt.objects.latest("pk")


def answer(client, attempt: Attempt, headers: dict[str, str], position: int = 1):
    url = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": position})
    return client.post(url, {"answer": "shock work", "action": "save"}, **headers)


def saved(attempt: Attempt, position: int = 1) -> bool:
    return AttemptItem.objects.get(attempt=attempt, position=position).response is not None


def refused_to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse(settings.LOGIN_URL)
    )


def test_it_saves_for_the_signed_in_owner_and_marks_the_answer_private(
    as_user, student, quiz, htmx_headers
):
    client = as_user(student)
    attempt = started(client, quiz)
    response = answer(client, attempt, htmx_headers)
    assert response.status_code == 200 and saved(attempt)
    # The user was signed in for the middleware after the view, as the authentication
    # middleware would have done: a signed-in person's page is private.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "HX-Request" in response["Vary"]


def test_it_sends_a_signed_out_visitor_to_log_in(as_user, student, quiz, htmx_headers):
    attempt = started(as_user(student), quiz)
    response = answer(Client(), attempt, htmx_headers)
    assert refused_to_login(response) and not saved(attempt)


def test_it_refuses_a_user_made_inactive_since_signing_in(as_user, student, quiz, htmx_headers):
    client = as_user(student)
    attempt = started(client, quiz)
    type(student).objects.filter(pk=student.pk).update(is_active=False)
    response = answer(client, attempt, htmx_headers)
    assert refused_to_login(response) and not saved(attempt)


def test_it_logs_out_a_session_from_before_a_password_change(as_user, student, quiz, htmx_headers):
    client = as_user(student)
    attempt = started(client, quiz)
    student.set_password("a new password, changed elsewhere")
    student.save()
    response = answer(client, attempt, htmx_headers)
    assert refused_to_login(response) and not saved(attempt)
    # As Django's `get_user` does: the stale session is flushed, not merely refused.
    assert SESSION_KEY not in client.session


def test_it_keeps_a_session_signed_under_a_previous_secret_key(
    as_user, student, quiz, htmx_headers
):
    client = as_user(student)
    attempt = started(client, quiz)
    old_hash = client.session[HASH_SESSION_KEY]
    with override_settings(SECRET_KEY="a new key", SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]):
        response = answer(client, attempt, htmx_headers)
        assert response.status_code == 200 and saved(attempt)
        # Moved to the current key, as Django's `get_user` moves it.
        assert client.session[HASH_SESSION_KEY] not in ("", old_hash)


def test_it_answers_404_for_another_students_attempt(
    as_user, student, other_student, course, quiz, htmx_headers
):
    attempt = started(as_user(student), quiz)
    factories.EnrollmentFactory(user=other_student, course=course)
    response = answer(as_user(other_student), attempt, htmx_headers)
    assert response.status_code == 404 and not saved(attempt)


def test_it_answers_404_for_a_question_the_attempt_does_not_have(
    as_user, student, quiz, htmx_headers
):
    client = as_user(student)
    attempt = started(client, quiz)
    assert answer(client, attempt, htmx_headers, position=99).status_code == 404


def test_a_refused_answer_commits_what_it_read_rather_than_rolling_back(
    as_user, student, quiz, htmx_headers
):
    """Nothing is written before a refusal, so its transaction commits: on PostgreSQL a
    rollback would also make psycopg deallocate the prepared statements (`answer_sql`)."""
    client = as_user(student)
    attempt = started(client, quiz)
    entry = attempt.items.select_related("version").get(version__type="cloze")
    url = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": entry.position})
    client.post(url, {"answer": "shock work", "action": "check"}, **htmx_headers)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {"answer": "wrong", "action": "check"}, **htmx_headers)
    assert "This answer was checked and is final." in response.content.decode()
    assert not [q for q in queries.captured_queries if "ROLLBACK" in q["sql"].upper()]
    entry.refresh_from_db()
    assert entry.response == "shock work" and entry.checked
