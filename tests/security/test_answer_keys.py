"""Answer keys and explanations reach students only when the quiz's reveal policy says so;
the pages that show every key (review, bank, export, preview) are the staff's alone.

The quiz is the one of tests/quizzes: every explanation is "EXPLAIN-<type>", and the short
answer's key, "Zyxwv Plan", appears nowhere else.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import resolve, reverse

from course.quizzes.models import Quiz
from tests import factories
from tests.quizzes.conftest import QUESTIONS
from tests.security.conftest import World
from tests.security.support import client_for

pytestmark = pytest.mark.django_db

EXPLANATIONS = [spec["explanation"] for spec in QUESTIONS]
SECRETS = [*EXPLANATIONS, "EXPLAIN-", "Zyxwv Plan"]


def leaked(body: bytes) -> list[str]:
    text = body.decode()
    return [secret for secret in SECRETS if secret in text]


def read(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


STAFF_PAGES = {
    "catalog:review": {},
    "quizzes:bank": {},
    "quizzes:bank-export": {},
    "quizzes:preview": {"quiz_id": True},
    "quizzes:grading": {},
    "progress:analysis": {"quiz_id": True},
    "progress:analysis-csv": {"quiz_id": True},
}


@pytest.mark.parametrize("name", sorted(STAFF_PAGES))
def test_the_pages_with_the_keys_are_for_the_courses_staff_only(world: World, name: str) -> None:
    kwargs: dict[str, object] = {"slug": world.course.slug}
    if STAFF_PAGES[name].get("quiz_id"):
        kwargs["quiz_id"] = world.quiz.pk
    url = reverse(name, kwargs=kwargs)
    for persona in ("student", "other_student", "other_instructor"):
        response = client_for(world.users[persona]).get(url)
        assert response.status_code == 403, persona
        assert not leaked(read(response)), persona
    assert client_for(world.users["anonymous"]).get(url).status_code == 302
    assert client_for(world.users["instructor"]).get(url).status_code == 200


@pytest.mark.parametrize("name", ["quizzes:preview", "quizzes:bank-export"])
def test_the_staff_pages_do_show_the_keys(world: World, name: str) -> None:
    # The control for the test above and below: the strings searched for are the ones a
    # page with the keys contains.
    kwargs: dict[str, object] = {"slug": world.course.slug}
    if name == "quizzes:preview":
        kwargs["quiz_id"] = world.quiz.pk
    body = read(client_for(world.users["instructor"]).get(reverse(name, kwargs=kwargs)))
    expected = SECRETS if name == "quizzes:preview" else ["Zyxwv Plan"]
    assert set(expected) <= set(leaked(body))


def test_a_student_sees_no_explanation_before_submitting(world: World) -> None:
    client = client_for(world.users["student"])
    attempt = world.attempt
    quiz_url = reverse("quizzes:quiz", kwargs={"slug": world.course.slug, "quiz_id": world.quiz.pk})
    attempt_url = reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})
    review_url = reverse("quizzes:review", kwargs={"attempt_id": attempt.pk})
    pages = {"quiz": quiz_url, "attempt": attempt_url, "review": review_url}
    for page, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, page
        assert not leaked(response.content), page
    # Saving answers (not checking them): the htmx fragment and the page after a plain POST.
    answers = {1: {"answer": "shock work"}, 2: {"choice": "0"}, 7: {"answer": "wrong plan"}}
    for position, data in answers.items():
        url = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": position})
        fragment = client.post(url, data, HTTP_HX_REQUEST="true")
        assert fragment.status_code == 200
        assert not leaked(fragment.content), position
        assert client.post(url, data).status_code == 302
    for page, url in pages.items():
        assert not leaked(client.get(url).content), page


def test_checking_an_answer_reveals_that_answers_explanation_only(world: World) -> None:
    client = client_for(world.users["student"])
    url = reverse("quizzes:answer", kwargs={"attempt_id": world.attempt.pk, "position": 1})
    fragment = client.post(url, {"answer": "shock work", "action": "check"}, HTTP_HX_REQUEST="true")
    assert leaked(fragment.content) == ["EXPLAIN-cloze", "EXPLAIN-"]
    page = client.get(reverse("quizzes:attempt", kwargs={"attempt_id": world.attempt.pk}))
    assert leaked(page.content) == ["EXPLAIN-cloze", "EXPLAIN-"]


@pytest.mark.parametrize(
    ("reveal", "feedback", "shown_after_first_submit"),
    [
        (Quiz.Reveal.AFTER_EACH, Quiz.Feedback.IMMEDIATE, True),
        (Quiz.Reveal.AFTER_SUBMIT, Quiz.Feedback.DEFERRED, True),
        (Quiz.Reveal.AFTER_LAST, Quiz.Feedback.DEFERRED, False),  # one attempt is left
        (Quiz.Reveal.NEVER, Quiz.Feedback.IMMEDIATE, False),
    ],
)
def test_the_reveal_policy_decides_what_the_results_show(
    world: World, reveal: str, feedback: str, shown_after_first_submit: bool
) -> None:
    quiz = factories.quiz_with(
        world.course, world.questions, attempts_allowed=2, feedback_mode=feedback, reveal=reveal
    )
    client: Client = client_for(world.users["student"])
    kwargs = {"slug": world.course.slug, "quiz_id": quiz.pk}
    started = client.post(reverse("quizzes:start", kwargs=kwargs))
    attempt_id = resolve(started["Location"]).kwargs["attempt_id"]
    answer = reverse("quizzes:answer", kwargs={"attempt_id": attempt_id, "position": 1})
    # Asking for a check: granted in immediate mode, ignored in deferred.
    checked = client.post(
        answer, {"answer": "shock work", "action": "check"}, HTTP_HX_REQUEST="true"
    )
    revealed_now = reveal == Quiz.Reveal.AFTER_EACH
    assert bool(leaked(checked.content)) is revealed_now
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt_id}))
    results = client.get(reverse("quizzes:results", kwargs={"attempt_id": attempt_id}))
    assert results.status_code == 200
    if shown_after_first_submit:
        assert set(EXPLANATIONS) <= set(leaked(results.content))
    else:
        assert not leaked(results.content)


# --- every reveal policy, feedback mode and attempt state ----------------------------------

CHECKED = "EXPLAIN-cloze"  # the one answer the walk checks (position 1, the cloze)


def _expected_results(reveal: str, state: str) -> set[str]:
    """What a submitted attempt's results may show in a state of the walk."""
    if reveal in (Quiz.Reveal.AFTER_EACH, Quiz.Reveal.AFTER_SUBMIT):
        return set(SECRETS)
    if reveal == Quiz.Reveal.AFTER_LAST and state == "second submitted":
        return set(SECRETS)
    return set()


def _expected_open(reveal: str, feedback: str) -> set[str]:
    """What an open attempt's page and answer fragment may show once the walk has checked
    the cloze (its review page lists answers, never keys)."""
    if reveal == Quiz.Reveal.AFTER_EACH and feedback == Quiz.Feedback.IMMEDIATE:
        return {CHECKED, "EXPLAIN-"}
    return set()


@pytest.mark.parametrize("reveal", Quiz.Reveal.values)
@pytest.mark.parametrize("feedback", Quiz.Feedback.values)
def test_it_reveals_keys_only_when_the_policy_allows_in_every_attempt_state(
    world: World, reveal: str, feedback: str
) -> None:
    """Two attempts allowed. In each state (first open, first submitted, second open, second
    submitted) every page the student can open is scanned: the quiz, the open attempt, its
    review page, a saved and a checked answer (fragment and full page) and the results of
    every submitted attempt. "After the last attempt" means after it is submitted: a student
    who has started their last attempt must not read the keys off an earlier one."""
    quiz = factories.quiz_with(
        world.course, world.questions, attempts_allowed=2, feedback_mode=feedback, reveal=reveal
    )
    client: Client = client_for(world.users["student"])
    kwargs = {"slug": world.course.slug, "quiz_id": quiz.pk}
    submitted: list[int] = []
    seen = 0

    def scan(state: str, open_id: int | None) -> None:
        nonlocal seen
        pages = [("quiz", client.get(reverse("quizzes:quiz", kwargs=kwargs)), set())]
        if open_id is not None:
            answer = reverse("quizzes:answer", kwargs={"attempt_id": open_id, "position": 1})
            save = reverse("quizzes:answer", kwargs={"attempt_id": open_id, "position": 7})
            checked = {"answer": "shock work", "action": "check"}
            opened = _expected_open(reveal, feedback)
            pages += [
                ("save", client.post(save, {"answer": "a plan"}, HTTP_HX_REQUEST="true"), set()),
                ("check", client.post(answer, checked, HTTP_HX_REQUEST="true"), opened),
                ("attempt", client.get(reverse("quizzes:attempt", args=[open_id])), opened),
                ("review", client.get(reverse("quizzes:review", args=[open_id])), set()),
            ]
        for attempt_id in submitted:
            results = client.get(reverse("quizzes:results", args=[attempt_id]))
            pages.append((f"results {attempt_id}", results, _expected_results(reveal, state)))
        for name, response, expected in pages:
            assert response.status_code == 200, (state, name)
            assert set(leaked(response.content)) == expected, (state, name)
            seen += 1

    for number in (1, 2):
        started = client.post(reverse("quizzes:start", kwargs=kwargs))
        attempt_id = resolve(started["Location"]).kwargs["attempt_id"]
        scan("first open" if number == 1 else "second open", attempt_id)
        client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt_id}))
        submitted.append(attempt_id)
        scan("first submitted" if number == 1 else "second submitted", None)
    assert seen == 16


# --- marks on each option, pair or place, and the source sentence quoted ---------------------

SOURCE_QUOTE = "SOURCE-QUOTE-multiple"
PART_MARKS = "Your answer, part by part"


@pytest.mark.parametrize("reveal", Quiz.Reveal.values)
@pytest.mark.parametrize("feedback", Quiz.Feedback.values)
def test_per_option_marks_and_source_quotes_show_only_when_the_key_may(
    world: World, reveal: str, feedback: str
) -> None:
    """Marking each option right or wrong gives the key away option by option, and the
    sentence a question was made from holds its answer: both show exactly where the key may
    (after a check under "after each", in the results by the policy), never before."""
    from course.quizzes.models import AttemptItem

    sentence = factories.SourceSentenceFactory(
        course=world.course, lesson=world.lesson, text=SOURCE_QUOTE
    )
    multiple = next(q for q in world.questions if q.type == "multiple_response")
    multiple.sentences.add(sentence)
    # One attempt allowed: "after the last attempt" reveals once it is submitted.
    quiz = factories.quiz_with(
        world.course, world.questions, attempts_allowed=1, feedback_mode=feedback, reveal=reveal
    )
    client: Client = client_for(world.users["student"])
    started = client.post(reverse("quizzes:start", args=[world.course.slug, quiz.pk]))
    attempt_id = resolve(started["Location"]).kwargs["attempt_id"]
    position = AttemptItem.objects.get(attempt_id=attempt_id, version__question=multiple).position
    answer = reverse("quizzes:answer", kwargs={"attempt_id": attempt_id, "position": position})
    checked = client.post(answer, {"choice": ["0", "1"], "action": "check"}, HTTP_HX_REQUEST="true")
    page = client.get(reverse("quizzes:attempt", args=[attempt_id]))
    while_open = reveal == Quiz.Reveal.AFTER_EACH and feedback == Quiz.Feedback.IMMEDIATE
    for name, response in (("check", checked), ("attempt", page)):
        text = response.content.decode()
        assert (SOURCE_QUOTE in text) is while_open, name
        assert (PART_MARKS in text) is while_open, name
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt_id}))
    results = client.get(reverse("quizzes:results", args=[attempt_id])).content.decode()
    after_submit = reveal != Quiz.Reveal.NEVER
    assert (SOURCE_QUOTE in results) is after_submit
    assert (PART_MARKS in results) is after_submit
