"""The attempt, results and dashboard pages cost the same number of queries with 2 questions
as with 12: every question carries a source sentence in a lesson and a concept, so the
feedback's quotes, lesson links and "read again" are all exercised."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.progress.models import ConceptMastery
from course.quizzes.models import Attempt, Quiz
from tests import factories
from tests.conftest import forget_cached_pages
from tests.quizzes.conftest import QUESTIONS

pytestmark = pytest.mark.django_db


def quiz_of(course, lessons, size: int, **settings: object) -> Quiz:
    """A quiz of `size` questions of every type in turn, each made from a sentence of a
    lesson and testing a concept that lesson mentions."""
    questions = []
    for n in range(size):
        spec = {**QUESTIONS[n % len(QUESTIONS)], "prompt": f"Question {size}-{n}?"}
        question = factories.QuestionFactory(course=course, **spec)
        lesson = lessons[n % len(lessons)]
        sentence = factories.SourceSentenceFactory(course=course, lesson=lesson)
        concept = factories.ConceptFactory(course=course, term=f"concept {size}-{n}")
        concept.sentences.add(sentence)
        question.sentences.add(sentence)
        question.concepts.add(concept)
        questions.append(question)
    return factories.quiz_with(course, questions, title=f"Quiz of {size}", **settings)


def started(client, quiz: Quiz) -> Attempt:
    client.post(reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk}))
    return Attempt.objects.filter(quiz=quiz).latest("pk")


def measure(client, student, url: str, most: int, assert_max: Callable) -> int:
    forget_cached_pages(client, student)
    with assert_max(most), CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_it_renders_the_attempt_page_in_queries_that_do_not_grow_with_the_questions(
    as_user, student, course, lessons, django_assert_max_num_queries
):
    client = as_user(student)
    counts = []
    for size in (2, 12):
        quiz = quiz_of(course, lessons, size, time_limit_minutes=30, reveal="after_each")
        attempt = started(client, quiz)
        # One checked answer, so the page shows a key with its marks and sources.
        client.post(
            reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": 1}),
            {"answer": "wrong", "action": "check"},
        )
        url = reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})
        # The session and the user; the attempt with its quiz and course; its items with
        # their versions and questions; those questions' source sentences with their
        # lessons (a key may show: "after each").
        counts.append(measure(client, student, url, 5, django_assert_max_num_queries))
    assert counts[0] == counts[1]


def test_it_renders_the_results_in_queries_that_do_not_grow_with_the_questions(
    as_user, student, course, lessons, django_assert_max_num_queries
):
    client = as_user(student)
    counts = []
    for size in (2, 12):
        quiz = quiz_of(course, lessons, size, reveal="after_last_attempt", attempts_allowed=1)
        attempt = started(client, quiz)
        client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
        url = reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})
        # The session and the user; the attempt with its quiz and course; the student's
        # submitted attempts with their extra attempts (is this the last one?); its items
        # with their versions and questions; their source sentences with their lessons;
        # the concepts of the questions missed; the lessons that mention them.
        counts.append(measure(client, student, url, 8, django_assert_max_num_queries))
    assert counts[0] == counts[1]


def test_it_renders_the_dashboard_in_queries_that_do_not_grow_with_the_questions(
    as_user, student, course, lessons, django_assert_max_num_queries
):
    client = as_user(student)
    counts = []
    url = reverse("progress:dashboard")
    for size in (2, 12):
        quiz = quiz_of(course, lessons, size, reveal="after_submit")
        attempt = started(client, quiz)
        client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
        # Session, user, my courses with their totals and my progress, courses I teach,
        # my completions, their lessons, my mastery levels, their core concepts, my
        # permissions and my groups' permissions (may I create courses?). No practice
        # quizzes here: unanswered questions set no mastery, so no concept is weakest.
        counts.append(measure(client, student, url, 10, django_assert_max_num_queries))
    assert counts[0] == counts[1]


def test_it_checks_an_answer_in_a_fixed_number_of_queries(
    as_user, student, course, lessons, htmx_headers, django_assert_max_num_queries
):
    """The check-answer POST, as `make bench` sends it: graded, mastery moved, the key and
    its source quoted, the counter swapped out of band."""
    client = as_user(student)
    quiz = quiz_of(course, lessons, 12, reveal="after_each")
    attempt = started(client, quiz)
    client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk}))  # the session
    url = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": 1})
    on_postgres = connection.vendor == "postgresql"
    # The session (a query only where sessions are not in the cache); BEGIN; the attempt
    # and then the item locked, read with the version, quiz, course, the student's user row
    # (verified as Django's authentication would, instead of a query of its own) and the
    # question's source sentences with their lessons (quoted under the key); the item
    # saved, mastery upserted and every item's state read (on PostgreSQL one statement,
    # elsewhere three); COMMIT. Before: 11 (the user, the attempt, the item, mastery, the
    # save, the sources, each source's lesson and the states, each a query of its own),
    # then 6 with the user.
    session = 0 if settings.SESSION_ENGINE.endswith(".cache") else 1
    most = session + 1 + 1 + (1 if on_postgres else 3) + 1
    with django_assert_max_num_queries(most):
        response = client.post(url, {"answer": "wrong", "action": "check"}, **htmx_headers)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Correct answer" in page and "From the lesson" in page
    assert 'hx-swap-oob="true"' in page and "1 of 12 answered" in page
    assert ConceptMastery.objects.filter(user=student, concept__course=course).count() == 1
    # The same Check again (a second click): refused, and the question shown as the lock
    # read it; the transaction commits (nothing was written) and the counter is read.
    with django_assert_max_num_queries(session + 1 + 1 + 1 + 1):
        response = client.post(url, {"answer": "wrong", "action": "check"}, **htmx_headers)
    page = response.content.decode()
    assert "This answer was checked and is final." in page
    assert "Correct answer" in page and "From the lesson" in page and "1 of 12 answered" in page
    # A save of another answer: no mastery, no key, no sources.
    url = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": 2})
    with django_assert_max_num_queries(most):
        response = client.post(url, {"choice": "0", "action": "save"}, **htmx_headers)
    assert "2 of 12 answered" in response.content.decode()
