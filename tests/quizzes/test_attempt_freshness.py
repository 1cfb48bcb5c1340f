"""The attempt page never shows a stale state: after every Save and Check the answered
counter and each question's state come back with the question (an htmx out-of-band swap),
and the page itself is never stored, so Back asks the server again (the headers of every
personal page: tests/security/test_personal_pages.py; a real browser going Back:
tests/e2e/test_fresh_attempt.py)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from course.quizzes.models import Attempt
from tests.quizzes.test_attempts import answer_url, choice_index, item, start

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def status_block(html: str) -> str:
    """The attempt's status region: the counter and the list of question states."""
    found = re.search(r'<nav id="attempt-status"[^>]*>.*?</nav>', html, re.S)
    assert found, "no #attempt-status in the response"
    return found[0]


def states(html: str) -> dict[int, str]:
    """Question position -> the state its link in the status region says."""
    block = status_block(html)
    pairs = re.findall(r'href="#q(\d+)">.*?<span class="state-label">([^<]+)</span>', block, re.S)
    return {int(position): label for position, label in pairs}


def counter(html: str) -> str:
    found = re.search(r'class="answered-count">([^<]+)<', status_block(html))
    assert found
    return found[1]


def test_the_page_shows_the_counter_and_every_questions_state(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    page = client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})).text
    assert counter(page) == "0 of 7 answered"
    assert states(page) == dict.fromkeys(range(1, 8), "Not answered")
    assert "hx-swap-oob" not in status_block(page)  # in place on the page itself


def test_it_swaps_the_counter_out_of_band_after_a_check(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "single_choice")
    response = client.post(
        answer_url(attempt, entry.position),
        {"choice": choice_index(entry, "VTsSPS"), "action": "check"},
        **HTMX,
    )
    html = response.text.strip()
    # The question first, the target of the swap; the status after it, out of band.
    assert html.startswith(f'<section class="question-card" id="q{entry.position}"')
    assert html.index("</section>") < html.index('id="attempt-status"')
    assert 'hx-swap-oob="true"' in status_block(html)
    assert counter(html) == "1 of 7 answered"
    assert states(html)[entry.position] == "Correct"
    assert list(states(html).values()).count("Not answered") == 6


def test_it_swaps_the_counter_out_of_band_after_a_save(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    first, second = item(attempt, "short_answer"), item(attempt, "true_false")
    client.post(answer_url(attempt, first.position), {"answer": "zyxwv plan"}, **HTMX)
    response = client.post(
        answer_url(attempt, second.position), {"choice": "false", "action": "save"}, **HTMX
    )
    assert counter(response.text) == "2 of 7 answered"
    shown = states(response.text)
    assert shown[first.position] == shown[second.position] == "Answer saved"


def test_it_counts_a_check_after_other_saves_and_an_emptied_answer(as_user, student, quiz):
    """Every response says the whole attempt's state, not only the question answered: a
    save in another tab shows on the next answer here, and an answer emptied again no
    longer counts."""
    client = as_user(student)
    attempt = start(client, quiz)
    cloze, short = item(attempt, "cloze"), item(attempt, "short_answer")
    other_tab = as_user(student)
    other_tab.post(answer_url(attempt, cloze.position), {"answer": "shock work"})
    client.post(answer_url(attempt, short.position), {"answer": "zyxwv plan"}, **HTMX)
    emptied = client.post(answer_url(attempt, short.position), {"answer": ""}, **HTMX)
    assert counter(emptied.text) == "1 of 7 answered"
    assert states(emptied.text)[cloze.position] == "Answer saved"
    assert states(emptied.text)[short.position] == "Not answered"


def test_a_refused_answer_still_brings_the_true_state(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "true_false")
    client.post(answer_url(attempt, entry.position), {"choice": "false", "action": "check"})
    # A stale page (or another tab) checks again: refused, and told what is true now.
    response = client.post(
        answer_url(attempt, entry.position), {"choice": "true", "action": "check"}, **HTMX
    )
    assert "checked and is final" in response.text
    assert counter(response.text) == "1 of 7 answered"
    assert states(response.text)[entry.position] == "Correct"


def test_the_plain_form_still_redirects_to_the_page_with_the_new_state(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "short_answer")
    response = client.post(answer_url(attempt, entry.position), {"answer": "zyxwv plan"})
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    assert counter(page) == "1 of 7 answered"
    assert states(page)[entry.position] == "Answer saved"


def test_a_check_runs_a_constant_number_of_queries(
    as_user, student, course, questions, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories

    client = as_user(student)
    counts = []
    for copies in (1, 4):
        bank = factories.grown_bank(course, questions, copies)
        quiz = factories.quiz_with(course, bank, feedback_mode="immediate", reveal="after_each")
        attempt = start(client, quiz)
        entry = item(attempt, "true_false")
        # The session and the user; the answer's savepoint and its release; the attempt
        # locked with its quiz and course; the item locked with its version and question;
        # the concepts it tests (none here: no mastery to write); the item saved; every
        # question's state for the counter: one query, whatever the number of questions;
        # the question's source sentences with their lessons (the key shows: after each).
        with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as queries:
            response = client.post(
                answer_url(attempt, entry.position), {"choice": "false", "action": "check"}, **HTMX
            )
        assert response.status_code == 200
        assert counter(response.text) == f"1 of {len(bank)} answered"
        counts.append(len(queries))
        Attempt.objects.filter(pk=attempt.pk).update(state=Attempt.State.SUBMITTED)
    assert counts[0] == counts[1]
