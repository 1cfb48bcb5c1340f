"""Taking a quiz: ownership, answers, immediate feedback, submit, limits, time, versions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from course.quizzes.attempts import attempt_start
from course.quizzes.models import Attempt, AttemptItem, Question
from course.quizzes.services import question_update

pytestmark = pytest.mark.django_db


def start(client, quiz) -> Attempt:
    response = client.post(
        reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    )
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


def answer_url(attempt: Attempt, position: int) -> str:
    return reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": position})


def item(attempt: Attempt, type_: str) -> AttemptItem:
    return attempt.items.select_related("version").get(version__type=type_)


def choice_index(entry: AttemptItem, option: str) -> str:
    shown = [entry.version.options[i] for i in entry.option_order]
    return str(shown.index(option))


def test_it_starts_an_attempt_with_every_question_frozen(as_user, student, quiz):
    attempt = start(as_user(student), quiz)
    assert attempt.user == student and attempt.number == 1 and attempt.is_open
    items = list(attempt.items.select_related("version"))
    assert len(items) == 7
    for entry in items:
        assert entry.version.prompt == entry.version.question.prompt
        assert sorted(entry.option_order) == list(range(len(entry.version.options)))


def test_it_resumes_the_open_attempt_instead_of_starting_another(as_user, student, quiz):
    client = as_user(student)
    first = start(client, quiz)
    second = start(client, quiz)
    assert first.pk == second.pk
    assert Attempt.objects.count() == 1


def test_it_refuses_a_student_not_enrolled(as_user, other_student, quiz):
    client = as_user(other_student)
    response = client.post(
        reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk}), follow=True
    )
    assert "Enroll in the course" in response.text
    assert not Attempt.objects.exists()


def test_it_refuses_get_on_start(as_user, student, quiz):
    url = reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    assert as_user(student).get(url).status_code == 405


@pytest.mark.parametrize("persona", ["other_student", "instructor", "admin"])
def test_it_hides_an_attempt_from_everyone_but_its_student(
    as_user, request, student, quiz, persona
):
    attempt = start(as_user(student), quiz)
    client = as_user(request.getfixturevalue(persona))
    for name in ["quizzes:attempt", "quizzes:review", "quizzes:results"]:
        assert client.get(reverse(name, kwargs={"attempt_id": attempt.pk})).status_code == 404
    entry = item(attempt, "short_answer")
    assert client.post(answer_url(attempt, entry.position), {"answer": "x"}).status_code == 404
    assert (
        client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk})).status_code == 404
    )
    entry.refresh_from_db()
    assert entry.response is None
    attempt.refresh_from_db()
    assert attempt.is_open


def test_it_checks_an_answer_in_place_for_htmx(as_user, student, quiz, htmx_headers):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "single_choice")
    response = client.post(
        answer_url(attempt, entry.position),
        {"choice": choice_index(entry, "VTsSPS"), "action": "check"},
        **htmx_headers,
    )
    text = response.text.strip()
    assert text.startswith(f'<section class="question-card" id="q{entry.position}"')
    assert "<html" not in text
    assert "Correct" in text
    assert "EXPLAIN-single" in text  # reveal after each checked answer
    entry.refresh_from_db()
    assert (entry.status, entry.score, entry.checked) == ("correct", 1.0, True)


def test_it_keeps_a_checked_answer_final(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "true_false")
    client.post(answer_url(attempt, entry.position), {"choice": "true", "action": "check"})
    response = client.post(
        answer_url(attempt, entry.position), {"choice": "false", "action": "check"}, follow=True
    )
    assert "checked and is final" in response.text
    entry.refresh_from_db()
    assert entry.response is True and entry.status == "incorrect"


def test_it_only_saves_in_deferred_mode(as_user, student, quiz):
    quiz.feedback_mode = "deferred"
    quiz.save()
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "short_answer")
    client.post(answer_url(attempt, entry.position), {"answer": "zyxwv plan", "action": "check"})
    entry.refresh_from_db()
    assert (entry.response, entry.status, entry.checked) == ("zyxwv plan", "saved", False)


def test_it_ignores_forged_choices(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "single_choice")
    for forged in ["99", "-1", "VTsSPS", "", "1e9"]:
        client.post(answer_url(attempt, entry.position), {"choice": forged})
        entry.refresh_from_db()
        assert entry.response is None, forged


def test_it_grades_a_submitted_attempt_once(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "cloze")
    client.post(answer_url(attempt, entry.position), {"answer": "  Shock Work "})
    submit = reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk})
    assert client.post(submit)["Location"] == reverse(
        "quizzes:results", kwargs={"attempt_id": attempt.pk}
    )
    attempt.refresh_from_db()
    first = (attempt.submitted_at, attempt.score)
    assert attempt.state == "submitted"
    assert attempt.score == pytest.approx(1 / 7)
    client.post(submit)
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score) == first
    response = client.post(answer_url(attempt, entry.position), {"answer": "other"}, follow=True)
    assert "has been submitted" in response.text


def test_it_holds_the_attempt_limit(as_user, student, quiz):
    client = as_user(student)
    for _ in range(2):
        attempt = start(client, quiz)
        client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    response = client.post(
        reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk}), follow=True
    )
    assert "used all 2 attempt" in response.text
    assert Attempt.objects.filter(user=student).count() == 2


def test_it_refuses_answers_after_the_time_limit(as_user, student, quiz):
    quiz.time_limit_minutes = 10
    quiz.save()
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "short_answer")
    client.post(answer_url(attempt, entry.position), {"answer": "in time"})
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = client.post(answer_url(attempt, entry.position), {"answer": "too late"}, follow=True)
    assert "Time is up" in response.text
    entry.refresh_from_db()
    assert entry.response == "in time"
    response = client.post(
        reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}), follow=True
    )
    assert "Time was up" in response.text
    attempt.refresh_from_db()
    assert attempt.state == "submitted"


def test_it_keeps_what_a_student_saw_when_a_question_is_edited(as_user, student, quiz, questions):
    client = as_user(student)
    attempt = start(client, quiz)
    question = next(q for q in questions if q.type == "single_choice")
    before = question.version
    question_update(question=question, fields={
        "prompt": "Edited prompt?", "options": ["A", "B"], "answer": "A", "explanation": "",
    })  # fmt: skip
    question.refresh_from_db()
    assert question.version == before + 1
    entry = item(attempt, "single_choice")
    assert entry.version.prompt == "Which body led the unions?"
    assert (
        "Which body led the unions?"
        in client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})).text
    )


def test_it_edits_an_unused_question_in_place(questions):
    question = questions[0]
    question_update(question=question, fields={
        "prompt": "The _____ again.", "options": [], "answer": ["x"], "explanation": "",
    })  # fmt: skip
    question.refresh_from_db()
    assert question.version == 1


def test_it_shows_results_with_answers_after_submit(as_user, student, quiz):
    quiz.reveal = "after_submit"
    quiz.save()
    client = as_user(student)
    attempt = start(client, quiz)
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    text = client.get(reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})).text
    assert "Score: <strong>0%</strong>" in text
    assert "EXPLAIN-ordering" in text and "Zyxwv Plan" in text


def test_it_never_reveals_answers_when_the_policy_says_never(as_user, student, quiz):
    quiz.reveal = "never"
    quiz.save()
    client = as_user(student)
    attempt = start(client, quiz)
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    text = client.get(reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})).text
    assert "EXPLAIN-" not in text and "Zyxwv Plan" not in text


def test_it_reveals_after_the_last_attempt_only(as_user, student, quiz):
    quiz.reveal = "after_last_attempt"
    quiz.save()
    client = as_user(student)
    first = start(client, quiz)
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": first.pk}))
    assert (
        "EXPLAIN-"
        not in client.get(reverse("quizzes:results", kwargs={"attempt_id": first.pk})).text
    )
    second = start(client, quiz)
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": second.pk}))
    assert (
        "EXPLAIN-" in client.get(reverse("quizzes:results", kwargs={"attempt_id": second.pk})).text
    )


def test_the_database_allows_one_open_attempt_per_student_and_quiz(student, quiz):
    from django.db import IntegrityError, transaction

    attempt_start(quiz=quiz, user=student)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(quiz=quiz, user=student, number=2)


def test_question_types_cover_the_bank(questions):
    assert {q.type for q in questions} == {t for t in Question.Type.values} - {"essay", "numerical"}


def test_it_keeps_an_answered_question_out_of_reach_of_delete(
    as_user, instructor, student, quiz, questions
):
    from django.core.exceptions import ValidationError

    from course.quizzes.services import question_delete

    start(as_user(student), quiz)
    with pytest.raises(ValidationError, match="answered this question"):
        question_delete(question=questions[0])
    assert Question.objects.filter(pk=questions[0].pk).exists()


def test_a_course_with_attempts_can_still_be_deleted(student, quiz, course):
    attempt_start(quiz=quiz, user=student)
    course.delete()
    assert not Attempt.objects.exists()


def test_it_renders_results_in_queries_that_do_not_grow_with_the_questions(
    as_user, student, course, questions, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories

    client = as_user(student)
    counts = []
    for copies in (1, 4):
        bank = factories.grown_bank(course, questions, copies)
        # "After the last attempt" is the policy that counts attempts to decide.
        quiz = factories.quiz_with(course, bank, attempts_allowed=1, reveal="after_last_attempt")
        attempt = start(client, quiz)
        client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
        url = reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})
        # The session and the user; the attempt with its quiz and course; the student's
        # submitted attempts at the quiz with their extra attempts (the reveal policy); its
        # items with their versions and questions; those questions' source sentences with
        # their lessons (the keys show); the concepts of the questions missed (their
        # lessons too, when there are any: none here).
        with django_assert_max_num_queries(7), CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- what a student may post -------------------------------------------------------------


@pytest.fixture
def essay_quiz(course):
    from tests import factories

    essay = factories.QuestionFactory(
        course=course, type="essay", prompt="Was the purge necessary?", options=[], answer=None,
        explanation="EXPLAIN-essay",
    )  # fmt: skip
    return factories.quiz_with(course, [essay], feedback_mode="immediate", reveal="after_each")


def test_it_refuses_a_check_on_an_essay_with_a_message(as_user, student, essay_quiz):
    # The page offers no Check button for an essay; a forged one must not grade it, lock
    # it or show its explanation.
    client = as_user(student)
    attempt = start(client, essay_quiz)
    response = client.post(
        answer_url(attempt, 1), {"answer": "It was not.", "action": "check"}, HTTP_HX_REQUEST="true"
    )
    assert "graded by your instructor" in response.text
    assert "EXPLAIN-essay" not in response.text
    entry = attempt.items.get()
    assert not entry.checked and entry.response is None
    saved = client.post(answer_url(attempt, 1), {"answer": "It was not.", "action": "save"})
    assert saved.status_code == 302
    entry.refresh_from_db()
    assert entry.response == "It was not." and entry.status == "saved"


def test_it_refuses_an_answer_over_the_length_limit_and_says_the_limit(
    as_user, student, essay_quiz
):
    client = as_user(student)
    attempt = start(client, essay_quiz)
    client.post(answer_url(attempt, 1), {"answer": "A first draft."})
    response = client.post(answer_url(attempt, 1), {"answer": "x" * 10_001}, follow=True)
    assert "at most 10,000 characters" in response.text
    assert "10,001" in response.text
    entry = attempt.items.get()
    assert entry.response == "A first draft."  # kept, not cut to 10,000 characters
    # The textarea's maxlength counts a line break once; the browser posts it as CRLF.
    typed = ("x" * 99 + "\n") * 100
    client.post(answer_url(attempt, 1), {"answer": typed.replace("\n", "\r\n")})
    entry.refresh_from_db()
    assert entry.response == typed and len(typed) == 10_000


def test_it_strips_nul_and_control_characters_from_an_answer(as_user, student, quiz):
    # PostgreSQL cannot store a NUL in text or JSON: it was a 500.
    client = as_user(student)
    attempt = start(client, quiz)
    entry = item(attempt, "short_answer")
    response = client.post(
        answer_url(attempt, entry.position), {"answer": "Zyx\x00wv\x07 Plan\x1b", "action": "check"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.response == "Zyxwv Plan" and entry.status == "correct"
    essay_line_breaks = "line one\r\nline two\tindented"
    assert attempt_services_clean(essay_line_breaks) == essay_line_breaks


def attempt_services_clean(text: str) -> str:
    from course.text import strip_control

    return strip_control(text)
