"""Essays graded by hand with a comment; instructors preview a quiz as a student sees it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.quizzes.attempts import attempt_answer, attempt_start, attempt_submit
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def essay_attempt(course, student):
    essay = factories.QuestionFactory(
        course=course, type="essay", prompt="Was the purge necessary?", options=[], answer=None
    )
    choice = factories.QuestionFactory(course=course)
    quiz = factories.quiz_with(course, [essay, choice])
    attempt = attempt_start(quiz=quiz, user=student)
    data = {"answer": "It secured the policy line."}
    attempt_answer(attempt=attempt, position=1, data=_QueryDict(data), check=False)
    return attempt_submit(attempt=attempt)


class _QueryDict(dict):
    def getlist(self, key: str) -> list:
        value = self.get(key)
        return [] if value is None else [value]


def grading_url(course) -> str:
    return reverse("quizzes:grading", kwargs={"slug": course.slug})


def test_it_queues_essays_for_grading(as_user, instructor, course, essay_attempt):
    assert essay_attempt.needs_grading
    text = as_user(instructor).get(grading_url(course)).text
    assert "It secured the policy line." in text


def test_it_grades_an_essay_with_a_comment_and_rescores(
    as_user, instructor, course, essay_attempt, student
):
    item = essay_attempt.items.get(position=1)
    response = as_user(instructor).post(
        reverse("quizzes:grade", kwargs={"slug": course.slug, "item_id": item.pk}),
        {"percent": 80, "comment": "Good, but cite the text."},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    essay_attempt.refresh_from_db()
    assert (item.score, item.status, item.grader_comment) == (
        0.8,
        "partial",
        "Good, but cite the text.",
    )
    assert not essay_attempt.needs_grading
    assert essay_attempt.score == pytest.approx(0.4)
    results = as_user(student).get(
        reverse("quizzes:results", kwargs={"attempt_id": essay_attempt.pk})
    )
    assert "Good, but cite the text." in results.text


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_grading_to_the_courses_staff(
    as_user, request, course, essay_attempt, persona, status
):
    item = essay_attempt.items.get(position=1)
    client = as_user(request.getfixturevalue(persona))
    assert client.get(grading_url(course)).status_code == status
    url = reverse("quizzes:grade", kwargs={"slug": course.slug, "item_id": item.pk})
    assert client.post(url, {"percent": 100}).status_code == status
    item.refresh_from_db()
    assert item.status == "needs_grading"


def test_it_refuses_get_on_grade(as_user, instructor, course, essay_attempt):
    item = essay_attempt.items.get(position=1)
    url = reverse("quizzes:grade", kwargs={"slug": course.slug, "item_id": item.pk})
    assert as_user(instructor).get(url).status_code == 405


def test_it_previews_a_quiz_with_answers_and_concept_coverage(as_user, instructor, quiz):
    url = reverse("quizzes:preview", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    text = as_user(instructor).get(url).text
    assert text.count('class="question-card"') == 7
    assert "Zyxwv Plan" in text and "EXPLAIN-matching" in text
    assert "Concepts this quiz covers" in text
    assert not quiz.attempts.exists()


@pytest.mark.parametrize("persona", ["student", "other_instructor"])
def test_it_keeps_the_preview_from_others(as_user, request, quiz, persona):
    url = reverse("quizzes:preview", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    response = as_user(request.getfixturevalue(persona)).get(url)
    assert response.status_code == 403
    assert "Zyxwv Plan" not in response.text
