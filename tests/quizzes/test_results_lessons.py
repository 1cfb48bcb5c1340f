"""A quiz's results link back to the lessons that teach the concepts of the questions missed,
in queries that do not grow with the questions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.catalog.models import Concept, Course, Lesson
from course.quizzes.attempts import attempt_answer, attempt_start, attempt_submit
from course.quizzes.models import Attempt, Question, Quiz
from tests import factories

pytestmark = pytest.mark.django_db


def mention(concept: Concept, lesson: Lesson) -> None:
    concept.sentences.add(factories.SourceSentenceFactory(course=lesson.course, lesson=lesson))


def question_on(course: Course, concept: Concept) -> Question:
    question = factories.QuestionFactory(course=course)
    question.concepts.add(concept)
    return question


def take(quiz: Quiz, user, choices: list[str | None]) -> Attempt:
    attempt = attempt_start(quiz=quiz, user=user)
    for item in attempt.items.select_related("version").order_by("position"):
        choice = choices[item.position - 1]
        if choice is None:
            continue
        shown = [item.version.options[i] for i in item.option_order]
        data = QueryDict(f"choice={shown.index(choice)}")
        attempt_answer(attempt=attempt, position=item.position, data=data, check=False)
    return attempt_submit(attempt=attempt)


def results_url(attempt: Attempt) -> str:
    return reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})


def lesson_link(lesson: Lesson) -> str:
    url = reverse("catalog:lesson", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk})
    return f'<a href="{url}">{lesson.title}</a>'


def test_it_links_the_lessons_of_the_concepts_missed(as_user, student, course, lessons):
    shock_work = course.concepts.get()
    mention(shock_work, lessons[0])
    mention(shock_work, lessons[2])
    purge = factories.ConceptFactory(course=course, term="the purge")
    mention(purge, lessons[1])
    quiz = factories.quiz_with(
        course, [question_on(course, shock_work), question_on(course, purge)], title="Mixed"
    )
    attempt = take(quiz, student, ["Grant", "No one"])  # the first wrong, the second right
    text = as_user(student).get(results_url(attempt)).text
    assert 'id="review-heading">Read again</h2>' in text
    expected = f"<strong>shock work</strong>: {lesson_link(lessons[0])}, {lesson_link(lessons[2])}"
    assert expected in text
    assert "the purge</strong>" not in text  # answered right: nothing to read again


def test_an_unanswered_question_counts_as_missed(as_user, student, course, lessons):
    shock_work = course.concepts.get()
    mention(shock_work, lessons[1])
    quiz = factories.quiz_with(course, [question_on(course, shock_work)])
    attempt = take(quiz, student, [None])
    assert lesson_link(lessons[1]) in as_user(student).get(results_url(attempt)).text


def test_all_right_means_nothing_to_read_again(as_user, student, course, lessons):
    shock_work = course.concepts.get()
    mention(shock_work, lessons[1])
    quiz = factories.quiz_with(course, [question_on(course, shock_work)])
    attempt = take(quiz, student, ["No one"])
    assert 'id="review-heading"' not in as_user(student).get(results_url(attempt)).text


def test_it_finds_the_lessons_in_queries_that_do_not_grow_with_the_questions(
    as_user, student, course, lessons, django_assert_max_num_queries
):
    client = as_user(student)
    counts = []
    for size in (1, 8):
        questions = []
        for n in range(size):
            concept = factories.ConceptFactory(course=course, term=f"concept {size}-{n}")
            mention(concept, lessons[n % 3])
            questions.append(question_on(course, concept))
        quiz = factories.quiz_with(course, questions, title=f"Size {size}")
        attempt = take(quiz, student, ["Grant"] * size)
        # session, user, the attempt with its quiz and course, its items with their
        # versions and questions, those questions' source sentences with their lessons
        # (the keys show: after submitting), the concepts missed, the lessons naming them
        with django_assert_max_num_queries(7), CaptureQueriesContext(connection) as queries:
            text = client.get(results_url(attempt)).text
        counts.append(len(queries))
        assert text.count("</strong>: <a href=") == size
    assert counts[0] == counts[1]
