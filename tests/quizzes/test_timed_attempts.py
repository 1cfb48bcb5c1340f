"""Timed attempts: the countdown on the page, the deadline capped by the close date, and an
attempt whose time ran out submitted with what was saved in time, by the sweep on the
student's pages or by `manage.py submit_due_attempts`, whether or not the page is open."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from course.quizzes.attempts import attempt_start, attempts_submit_due, ended_by_time_limit
from course.quizzes.models import Attempt, AttemptItem, Quiz
from tests.quizzes.test_attempts import answer_url, item, start

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def timed_quiz(quiz: Quiz) -> Quiz:
    quiz.time_limit_minutes = 30
    quiz.save()
    return quiz


def expire(attempt: Attempt, *, minutes_ago: int = 1) -> None:
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=minutes_ago)
    )


def attempt_url(attempt: Attempt) -> str:
    return reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})


def quiz_url(quiz: Quiz) -> str:
    return reverse("quizzes:quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


# --- the sweep and the command -------------------------------------------------------------


def test_it_submits_due_attempts_with_the_answers_saved_in_time(as_user, student, timed_quiz):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    short = item(attempt, "short_answer")
    client.post(answer_url(attempt, short.position), {"answer": "Zyxwv Plan"})
    expire(attempt)
    submitted = attempts_submit_due()
    assert [a.pk for a in submitted] == [attempt.pk]
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert ended_by_time_limit(attempt)
    short.refresh_from_db()
    assert short.response == "Zyxwv Plan"
    assert short.status == AttemptItem.Status.CORRECT
    # Seven questions of one point each, one answered right.
    assert attempt.score == pytest.approx(1 / 7)


def test_it_leaves_attempts_with_time_left_and_untimed_ones_open(
    as_user, student, other_student, timed_quiz, quiz, course
):
    from tests import factories

    timed = attempt_start(quiz=timed_quiz, user=student)
    untimed_quiz = factories.quiz_with(course, list(quiz.questions.all()))
    untimed = attempt_start(quiz=untimed_quiz, user=student)
    # Past the deadline but inside the grace for the request in flight.
    Attempt.objects.filter(pk=timed.pk).update(deadline=timezone.now() - timedelta(seconds=2))
    assert attempts_submit_due() == []
    assert Attempt.objects.get(pk=timed.pk).is_open
    assert Attempt.objects.get(pk=untimed.pk).is_open


def test_it_narrows_the_sweep_to_one_student(as_user, student, other_student, timed_quiz, course):
    from tests import factories

    factories.EnrollmentFactory(user=other_student, course=course)
    mine = attempt_start(quiz=timed_quiz, user=student)
    theirs = attempt_start(quiz=timed_quiz, user=other_student)
    expire(mine)
    expire(theirs)
    assert [a.pk for a in attempts_submit_due(user_id=student.pk)] == [mine.pk]
    assert Attempt.objects.get(pk=theirs.pk).is_open


def test_it_grades_a_due_attempt_once_however_often_it_is_swept(
    as_user, student, timed_quiz, monkeypatch
):
    from course.quizzes import attempts

    attempt = attempt_start(quiz=timed_quiz, user=student)
    expire(attempt)
    stored = []
    real = attempts.quiz_grade_store
    monkeypatch.setattr(
        attempts, "quiz_grade_store", lambda **kw: (stored.append(kw), real(**kw))[1]
    )
    attempts_submit_due()
    attempts_submit_due()
    attempts.attempt_submit(attempt=attempt)  # the student's own submit, arriving late
    assert len(stored) == 1


def test_it_submits_due_attempts_from_the_command(as_user, student, timed_quiz):
    attempt = attempt_start(quiz=timed_quiz, user=student)
    expire(attempt)
    out = StringIO()
    call_command("submit_due_attempts", stdout=out)
    assert out.getvalue().strip() == "Submitted 1 attempt past their deadline."
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.SUBMITTED
    out = StringIO()
    call_command("submit_due_attempts", stdout=out)
    assert out.getvalue().strip() == "Submitted 0 attempts past their deadline."


# --- the deadline ------------------------------------------------------------------------------


def test_it_caps_the_deadline_at_the_quiz_close_date(student, timed_quiz):
    closes = timezone.now() + timedelta(minutes=10)
    timed_quiz.closes_at = closes
    timed_quiz.save()
    attempt = attempt_start(quiz=timed_quiz, user=student)
    assert attempt.deadline == closes


def test_it_keeps_the_time_limit_when_the_quiz_closes_later(student, timed_quiz):
    timed_quiz.closes_at = timezone.now() + timedelta(days=1)
    timed_quiz.save()
    attempt = attempt_start(quiz=timed_quiz, user=student)
    assert attempt.deadline is not None
    # started_at is stamped by the database row a few milliseconds after the start's clock.
    assert abs(attempt.deadline - attempt.started_at - timedelta(minutes=30)) < timedelta(seconds=1)


# --- the pages -----------------------------------------------------------------------------


def test_it_shows_a_countdown_with_the_minutes_left_and_the_deadline_in_utc(
    as_user, student, timed_quiz
):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() + timedelta(minutes=12, seconds=30)
    )
    attempt.refresh_from_db()
    text = client.get(attempt_url(attempt)).text
    assert 'id="countdown"' in text
    assert 'role="timer"' in text
    assert 'role="status" aria-live="polite" data-countdown-announce' in text
    # Without JavaScript: the minutes left at render time, and the deadline labelled UTC.
    assert "13 minutes</span><span data-countdown-static> when this page was loaded" in text
    assert f"{attempt.deadline:%H:%M} UTC on" in text
    assert 'data-seconds-left="74' in text  # 749 or 750, as the clock ticks
    assert "js/countdown.js" in text
    assert "countdown-soon" not in text


def test_it_warns_in_the_last_five_minutes_and_the_last_minute(as_user, student, timed_quiz):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(minutes=4))
    text = client.get(attempt_url(attempt)).text
    assert "countdown countdown-soon" in text
    assert "Less than 5 minutes left: save your answers." in text
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=40))
    text = client.get(attempt_url(attempt)).text
    assert "countdown countdown-final" in text
    assert "Less than a minute left: save your answers now." in text


def test_it_shows_no_countdown_without_a_time_limit(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    text = client.get(attempt_url(attempt)).text
    assert 'id="countdown"' not in text
    assert "countdown.js" not in text


def test_it_submits_a_timed_out_attempt_when_its_page_is_visited_and_says_so(
    as_user, student, timed_quiz
):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    short = item(attempt, "short_answer")
    client.post(answer_url(attempt, short.position), {"answer": "saved in time"})
    expire(attempt)
    response = client.get(attempt_url(attempt))
    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})
    text = client.get(response["Location"]).text
    assert "Time was up: this attempt was submitted at its deadline" in text
    assert "saved in time" in text
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.SUBMITTED


def test_it_submits_a_timed_out_attempt_from_the_review_page(as_user, student, timed_quiz):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    expire(attempt)
    response = client.get(reverse("quizzes:review", kwargs={"attempt_id": attempt.pk}))
    assert response.status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.SUBMITTED


def test_it_submits_a_timed_out_attempt_from_the_quiz_page(as_user, student, timed_quiz):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    expire(attempt)
    text = client.get(quiz_url(timed_quiz)).text
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert reverse("quizzes:results", kwargs={"attempt_id": attempt.pk}) in text


def test_results_of_an_attempt_submitted_in_time_say_nothing_about_time(
    as_user, student, timed_quiz
):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    text = client.get(reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})).text
    assert "Time was up" not in text


def test_it_refuses_a_late_save_in_place_and_submits_the_attempt(as_user, student, timed_quiz):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    short = item(attempt, "short_answer")
    client.post(answer_url(attempt, short.position), {"answer": "in time"})
    expire(attempt)
    response = client.post(answer_url(attempt, short.position), {"answer": "too late"}, **HTMX)
    assert response.status_code == 200
    assert "Time is up: this answer came after the time limit and was not saved." in response.text
    assert "See your results" in response.text
    assert "<fieldset disabled>" in response.text
    short.refresh_from_db()
    assert short.response == "in time"
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.SUBMITTED


def test_it_refuses_a_late_save_without_javascript_and_shows_the_results(
    as_user, student, timed_quiz
):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    short = item(attempt, "short_answer")
    expire(attempt)
    response = client.post(answer_url(attempt, short.position), {"answer": "late"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "quizzes:results", kwargs={"attempt_id": attempt.pk}
    )
    assert "Time is up: this answer came after the time limit" in response.text
    assert "Time was up: this attempt was submitted at its deadline" in response.text


def test_it_shows_the_countdown_on_the_review_page(as_user, student, timed_quiz):
    client = as_user(student)
    attempt = start(client, timed_quiz)
    text = client.get(reverse("quizzes:review", kwargs={"attempt_id": attempt.pk})).text
    assert 'id="countdown"' in text
    assert "30 minutes</span>" in text
