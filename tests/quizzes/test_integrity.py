"""Answer keys never reach a student's browser early; starts and submits are race-safe."""

from __future__ import annotations

import functools
import threading
import urllib.error
import urllib.request

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from course.quizzes.attempts import AttemptError, attempt_start, attempt_submit
from course.quizzes.models import Attempt
from tests.quizzes.conftest import QUESTIONS


def secrets() -> list[str]:
    """Strings that only an answer key or an explanation contains."""
    found = ["Correct answer", "Zyxwv Plan", "shock-work"]
    found += [spec["explanation"] for spec in QUESTIONS]
    ordering = next(spec for spec in QUESTIONS if spec["type"] == "ordering")
    found.append("; ".join(ordering["answer"]))
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("reveal", ["after_submit", "after_last_attempt", "never"])
@pytest.mark.parametrize("mode", ["immediate", "deferred"])
def test_no_response_during_an_attempt_carries_an_answer_key(
    as_user, student, quiz, reveal, mode, htmx_headers
):
    quiz.reveal, quiz.feedback_mode = reveal, mode
    quiz.save()
    client = as_user(student)
    pages = []
    quiz_url = reverse("quizzes:quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    pages.append(client.get(quiz_url))
    client.post(reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk}))
    attempt = Attempt.objects.get(user=student)
    pages.append(client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})))
    for entry in attempt.items.all():
        url = reverse(
            "quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": entry.position}
        )
        data = {"answer": "guess", "choice": "0", "rank-0": "1", "rank-1": "2", "rank-2": "3",
                "match-0": "0", "match-1": "1"}  # fmt: skip
        pages.append(client.post(url, {**data, "action": "check"}, **htmx_headers))
        pages.append(client.post(url, {**data, "action": "save"}))
    pages.append(client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})))
    pages.append(client.get(reverse("quizzes:review", kwargs={"attempt_id": attempt.pk})))
    for response in pages:
        body = response.content.decode()
        for secret in secrets():
            assert secret not in body, (response.request["PATH_INFO"], secret)
        assert "data-correct" not in body and "data-answer" not in body


# --- races, on a real database server ----------------------------------------------------

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI runs it)"
)


def run_together(count: int, work) -> list[object]:
    """Run `work` in `count` threads released at the same instant; collect results."""
    barrier = threading.Barrier(count)
    results: list[object] = []
    lock = threading.Lock()

    def target() -> None:
        from django.db import connections

        barrier.wait()
        try:
            outcome = work()
        except Exception as error:
            outcome = error
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=target) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_starts_make_one_attempt(student, quiz):
    quiz.attempts_allowed = 1
    quiz.save()
    results = run_together(20, lambda: attempt_start(quiz=quiz, user=student).pk)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len(set(results)) == 1
    assert Attempt.objects.filter(quiz=quiz, user=student).count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_starts_never_pass_the_limit_after_a_submit(student, quiz):
    quiz.attempts_allowed = 1
    quiz.save()
    attempt_submit(attempt=attempt_start(quiz=quiz, user=student))
    results = run_together(20, lambda: attempt_start(quiz=quiz, user=student))
    assert all(isinstance(r, AttemptError) for r in results), results
    assert Attempt.objects.filter(quiz=quiz, user=student).count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_submit_grades_once(student, quiz):
    attempt = attempt_start(quiz=quiz, user=student)
    results = run_together(2, lambda: attempt_submit(attempt=attempt).submitted_at)
    assert len(set(results)) == 1
    attempt.refresh_from_db()
    assert attempt.state == "submitted"


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_starts_over_http_make_one_attempt(live_server, student, quiz):
    quiz.attempts_allowed = 1
    quiz.save()
    client = Client()
    client.force_login(student)
    cookie = client.cookies["sessionid"].value

    url = live_server.url + reverse(
        "quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk}
    )

    def post() -> int:
        # CSRF is checked: fetch a token with this session first, like a browser would.
        opener = urllib.request.build_opener(_NoRedirect)
        page = urllib.request.Request(
            live_server.url + "/", headers={"Cookie": f"sessionid={cookie}"}
        )
        with opener.open(page) as response:
            token = response.headers.get_all("Set-Cookie")
        csrf = next(c.split(";")[0].split("=", 1)[1] for c in token if c.startswith("csrftoken="))
        headers = {
            "Cookie": f"sessionid={cookie}; csrftoken={csrf}",
            "Referer": live_server.url + "/",
        }
        request = urllib.request.Request(
            url, data=f"csrfmiddlewaretoken={csrf}".encode(), method="POST", headers=headers
        )
        try:
            with opener.open(request) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    results = run_together(20, post)
    assert all(status == 302 for status in results), results
    assert Attempt.objects.filter(quiz=quiz, user=student).count() == 1


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _open_attempt(quiz, user) -> Attempt:
    return attempt_start(quiz=quiz, user=user)


class _Form(dict):
    def getlist(self, key: str) -> list:
        value = self.get(key)
        return [] if value is None else [value]


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_checks_and_saves_racing_a_submit_never_deadlock(student, quiz):
    """Check and Save lock the attempt, then the item, as Submit does: one order, so the
    three wait for each other instead of deadlocking (which PostgreSQL breaks after a
    second with an error, a 500 for one of them)."""
    from course.quizzes.attempts import attempt_answer

    quiz.attempts_allowed = 0
    quiz.save()
    answers = {1: {"answer": "shock work"}, 2: {"choice": "0"}, 4: {"choice": "true"},
               7: {"answer": "Zyxwv Plan"}}  # fmt: skip
    for round_ in range(25):
        attempt = _open_attempt(quiz, student)
        work = [
            functools.partial(
                attempt_answer,
                attempt=attempt,
                position=p,
                data=_Form(d),
                check=(round_ + p) % 2 == 0,
            )
            for p, d in answers.items()
        ] * 2 + [functools.partial(attempt_submit, attempt=attempt)]
        results = run_each_together(work)
        failures = [r for r in results if isinstance(r, Exception)
                    and not isinstance(r, AttemptError)]  # fmt: skip
        assert failures == [], round_
        attempt.refresh_from_db()
        assert attempt.state == "submitted"


def run_each_together(work: list) -> list[object]:
    """Run each callable in its own thread, all released at the same instant."""
    calls = iter(work)
    lock = threading.Lock()

    def next_call() -> object:
        with lock:
            call = next(calls)
        return call()

    return run_together(len(work), next_call)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_deleting_a_question_while_students_start_its_quiz_fails_for_nobody(course, quiz):
    """The delete and the starts lock the question row (FOR UPDATE / FOR KEY SHARE): a
    start that comes first keeps the question (the delete is refused with the reason), a
    delete that comes first leaves it out of the attempt. Neither side gets a foreign-key
    error."""
    from django.core.exceptions import ValidationError

    from course.quizzes.models import Question
    from course.quizzes.services import question_delete
    from tests import factories

    students = []
    for n in range(6):
        user = factories.UserFactory(username=f"racer{n}")
        factories.EnrollmentFactory(user=user, course=course)
        students.append(user)
    failures: list[object] = []
    outcomes: set[str] = set()
    for round_ in range(12):
        question = factories.QuestionFactory(course=course, prompt=f"Doomed {round_}?")
        doomed = factories.quiz_with(course, [*quiz.questions.all(), question])
        work = [lambda q=question: question_delete(question=Question.objects.get(pk=q.pk))]
        work += [lambda u=u, z=doomed: attempt_start(quiz=z, user=u) for u in students]
        for result in run_each_together(work):
            if isinstance(result, ValidationError):
                outcomes.add("delete refused")
            elif isinstance(result, Attempt):
                has_it = result.items.filter(version__question_id=question.pk).exists()
                outcomes.add("started with it" if has_it else "started without it")
            elif result is None:
                outcomes.add("deleted")
            else:
                failures.append(result)
        kept = Question.objects.filter(pk=question.pk).exists()
        used = Attempt.objects.filter(items__version__question_id=question.pk).exists()
        assert kept or not used
    assert failures == []
    assert outcomes & {"deleted", "delete refused"}
