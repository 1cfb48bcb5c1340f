"""Feedback that teaches: a Check with nothing to check says so, a half-matched question is
not locked as final, partial answers earn partial credit, and where the reveal policy lets
the key show, each option, pair or place is marked and the explanation quotes the source
sentence with a link to its lesson."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.http import QueryDict
from django.urls import reverse

from course.quizzes.grading import MISSED, RIGHT, WRONG, grade, response_marks
from course.quizzes.models import Attempt, AttemptItem
from tests import factories
from tests.quizzes.test_attempts import answer_url, choice_index, item, start

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
MATCHING = SimpleNamespace(
    type="matching",
    options=["axis of enthusiasm", "party's opponents"],
    answer=[
        ["socialist competition", "axis of enthusiasm"],
        ["Right opposition", "party's opponents"],
    ],
    weights={},
)


# --- marks, as pure functions ------------------------------------------------------------------


def test_it_marks_each_option_of_a_multiple_response_answer():
    question = SimpleNamespace(
        type="multiple_response", options=["a", "b", "c", "d"], answer=["a", "b"], weights={}
    )
    marks = response_marks(question, ["a", "c"], ["d", "c", "b", "a"])
    assert [(m.status, m.text) for m in marks] == [(WRONG, "c"), (MISSED, "b"), (RIGHT, "a")]
    assert grade(question, ["a", "c"]).score == 0.0  # +1 -1 over 2 right options


def test_it_marks_each_pair_of_a_matching_answer():
    marks = response_marks(MATCHING, {"socialist competition": "party's opponents"}, [])
    assert [(m.status, m.text, m.detail) for m in marks] == [
        (WRONG, "socialist competition → party's opponents", "matches “axis of enthusiasm”"),
        (MISSED, "Right opposition → (none)", "matches “party's opponents”"),
    ]


def test_it_marks_each_place_of_an_ordering_answer():
    question = SimpleNamespace(type="ordering", options=[], answer=["x", "y", "z"], weights={})
    marks = response_marks(question, ["x", "z", "y"], [])
    assert [(m.status, m.text) for m in marks] == [
        (RIGHT, "1. x"),
        (WRONG, "2. z"),
        (WRONG, "3. y"),
    ]
    assert marks[1].detail == "“y” goes here"


def test_it_marks_text_answers_as_a_whole():
    question = SimpleNamespace(type="short_answer", options=[], answer=["plan"], weights={})
    assert response_marks(question, "plan", []) == []


def test_it_grades_a_half_matched_answer_partially():
    result = grade(MATCHING, {"socialist competition": "axis of enthusiasm"})
    assert (result.score, result.status) == (0.5, "partial")


# --- Check, in an attempt ------------------------------------------------------------------


def matching_data(entry: AttemptItem, chosen: dict[str, str]) -> dict[str, str]:
    lefts = [left for left, _ in entry.version.answer]
    return {
        f"match-{lefts.index(left)}": choice_index(entry, right) for left, right in chosen.items()
    }


def test_it_says_so_when_check_has_nothing_to_check(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "single_choice")
    response = client.post(answer_url(attempt, entry.position), {"action": "check"}, **HTMX)
    assert response.status_code == 200
    assert "Nothing to check yet: answer the question first, then press Check." in response.text
    entry.refresh_from_db()
    assert not entry.checked
    assert entry.status == AttemptItem.Status.UNANSWERED
    assert "<fieldset disabled>" not in response.text


def test_it_says_so_without_javascript_too(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "single_choice")
    response = client.post(answer_url(attempt, entry.position), {"action": "check"}, follow=True)
    assert "Nothing to check yet" in response.text


def test_it_keeps_a_half_matched_question_open_when_checked(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "matching")
    data = matching_data(entry, {"socialist competition": "axis of enthusiasm"})
    response = client.post(answer_url(attempt, entry.position), {**data, "action": "check"}, **HTMX)
    assert "Match every item before checking: 1 of 2 still unmatched." in response.text
    entry.refresh_from_db()
    assert not entry.checked
    assert entry.status == AttemptItem.Status.SAVED
    assert entry.response == {"socialist competition": "axis of enthusiasm"}
    # At submit the half-matched answer earns half its point.
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    entry.refresh_from_db()
    assert (entry.score, entry.status) == (0.5, AttemptItem.Status.PARTIAL)


def test_it_checks_a_fully_matched_question(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "matching")
    data = matching_data(
        entry,
        {"socialist competition": "party's opponents", "Right opposition": "axis of enthusiasm"},
    )
    response = client.post(answer_url(attempt, entry.position), {**data, "action": "check"}, **HTMX)
    entry.refresh_from_db()
    assert entry.checked
    assert entry.status == AttemptItem.Status.INCORRECT
    # after_each: the key shows, and with it each pair marked.
    assert "Your answer, part by part:" in response.text
    assert response.text.count('class="mark mark-wrong"') == 2


def test_it_refuses_an_ordering_with_places_missing_and_says_the_rule(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "ordering")
    response = client.post(answer_url(attempt, entry.position), {"rank-0": "1"}, **HTMX)
    assert "Give each item a different place from 1 to 3" in response.text
    entry.refresh_from_db()
    assert entry.status == AttemptItem.Status.UNANSWERED


# --- marks and sources on the page ---------------------------------------------------------


@pytest.fixture
def sourced(quiz, questions, course, lessons):
    """The multiple-response question made from a sentence of the second lesson."""
    sentence = factories.SourceSentenceFactory(
        course=course, lesson=lessons[1], text="SOURCE-SENTENCE: purges came as re-elections."
    )
    question = next(q for q in questions if q.type == "multiple_response")
    question.sentences.add(sentence)
    return lessons[1]


def test_it_quotes_the_source_sentence_and_links_its_lesson_after_a_check(
    as_user, student, quiz, sourced
):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "multiple_response")
    data = {"choice": [choice_index(entry, "inspections"), choice_index(entry, "new tariffs")]}
    response = client.post(answer_url(attempt, entry.position), {**data, "action": "check"}, **HTMX)
    text = response.text
    assert "SOURCE-SENTENCE: purges came as re-elections." in text
    lesson_url = reverse("catalog:lesson", args=[quiz.course.slug, sourced.pk])
    assert f'From the lesson <a href="{lesson_url}">{sourced.title}</a>' in text
    assert '<li class="mark mark-right"><span class="mark-label">Right:</span> inspections' in text
    assert '<li class="mark mark-wrong"><span class="mark-label">Wrong:</span> new tariffs' in text
    assert "Missed:</span> re-election campaigns" in text
    # The whole page shows the same, and so do the results.
    page = client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})).text
    assert "SOURCE-SENTENCE" in page and "Wrong:</span> new tariffs" in page
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    results = client.get(reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})).text
    assert "SOURCE-SENTENCE" in results and "Wrong:</span> new tariffs" in results
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.SUBMITTED


def test_it_leaves_marks_and_sources_out_of_the_context_when_the_key_is_hidden(
    student, quiz, sourced
):
    # The view's own gate, not only the template's: what a partial is handed never holds
    # the key in parts before the policy allows it.
    from course.quizzes.attempts import attempt_answer, attempt_start
    from course.quizzes.views.attempts import question_entry

    quiz.reveal = "never"
    quiz.save()
    attempt = attempt_start(quiz=quiz, user=student)
    entry = item(attempt, "multiple_response")
    data = QueryDict(f"choice={choice_index(entry, 'inspections')}&action=check")
    checked = attempt_answer(attempt=attempt, position=entry.position, data=data, check=True)
    shown = question_entry(checked.item, attempt=checked.item.attempt)
    assert checked.item.checked
    assert shown["marks"] == [] and shown["sources"] == [] and shown["key"] == []
