"""No dead ends on the reader's pages: a lesson lists the published quizzes that practise what
it teaches, and the dashboard's "What next" links to a quiz or a lesson on the concept it
suggests (at least to its glossary entry), in constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.catalog.models import Concept, Course, Lesson
from course.progress.models import ConceptMastery
from course.quizzes.models import Quiz
from tests import factories
from tests.conftest import forget_cached_pages

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("progress:dashboard")


def lesson_url(lesson: Lesson) -> str:
    return reverse("catalog:lesson", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk})


def quiz_link(quiz: Quiz) -> str:
    url = reverse("quizzes:quiz", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    return f'<a href="{url}">{quiz.title}</a>'


def mention(concept: Concept, lesson: Lesson) -> None:
    """A sentence of the lesson that names the concept."""
    sentence = factories.SourceSentenceFactory(course=lesson.course, lesson=lesson)
    concept.sentences.add(sentence)


def quiz_on(course: Course, concept: Concept | None, title: str, **settings: object) -> Quiz:
    question = factories.QuestionFactory(course=course)
    if concept is not None:
        question.concepts.add(concept)
    return factories.quiz_with(course, [question], title=title, **settings)


@pytest.fixture
def shock_work(course: Course, lessons: list[Lesson]) -> Concept:
    """The course's concept, core, named in the second lesson."""
    concept = course.concepts.get()
    Concept.objects.filter(pk=concept.pk).update(core=True)
    concept.refresh_from_db()
    mention(concept, lessons[1])
    return concept


# --- the lesson page ---------------------------------------------------------------------


def test_a_lesson_lists_the_published_quizzes_on_its_concepts(
    as_user, student, course, lessons, shock_work
):
    on_it = quiz_on(course, shock_work, "Shock work quiz")
    set_for_it = quiz_on(course, None, "Set for the lesson", lesson=lessons[1])
    draft = quiz_on(course, shock_work, "Draft quiz", status=Quiz.Status.DRAFT)
    elsewhere = quiz_on(course, factories.ConceptFactory(course=course), "Elsewhere quiz")
    text = as_user(student).get(lesson_url(lessons[1])).text
    assert 'id="quizzes-heading">Practise</h2>' in text
    assert quiz_link(on_it) in text and quiz_link(set_for_it) in text
    assert draft.title not in text and elsewhere.title not in text


def test_a_lesson_without_quizzes_on_it_lists_none(as_user, student, lessons, shock_work, course):
    quiz_on(course, shock_work, "Shock work quiz")
    text = as_user(student).get(lesson_url(lessons[0])).text
    assert 'id="quizzes-heading"' not in text


def test_a_lesson_lists_its_quizzes_in_constant_queries(
    as_user, student, course, lessons, shock_work, django_assert_max_num_queries
):
    client = as_user(student)
    url = lesson_url(lessons[1])
    quiz_on(course, shock_work, "First quiz")
    client.get(url)  # the CSRF cookie and the session
    forget_cached_pages(client, student)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(10):
        concept = factories.ConceptFactory(course=course)
        mention(concept, lessons[1])
        quiz_on(course, concept, f"Quiz {n:02}", lesson=lessons[n % 3])
    forget_cached_pages(client, student)
    # session, user, lesson with its course, enrolled?, lessons with my completions, my
    # stored progress with the course's totals; on a fragment miss, the glossary, the
    # prompts and the quizzes covering the lesson
    with django_assert_max_num_queries(9), CaptureQueriesContext(connection) as big:
        text = client.get(url).text
    assert len(big) == len(small)
    assert text.count('<li><a href="/courses/unions/quizzes/') == 11


# --- the dashboard's "What next" ---------------------------------------------------------


def test_what_next_links_to_the_quiz_and_the_lessons_on_the_weakest_concept(
    as_user, student, course, lessons, shock_work
):
    mention(shock_work, lessons[2])
    quiz = quiz_on(course, shock_work, "Practice quiz")
    ConceptMastery.objects.create(user=student, concept=shock_work, course=course, level=1)
    text = as_user(student).get(DASHBOARD).text
    assert f"Practise <strong>shock work</strong> (attempted): take {quiz_link(quiz)}" in text
    lesson_links = ", ".join(
        f'<a href="{lesson_url(lesson)}">{lesson.title}</a>' for lesson in lessons[1:]
    )
    assert f", or read {lesson_links}." in text


def test_what_next_links_to_a_lesson_when_no_quiz_practises_the_concept(
    as_user, student, lessons, shock_work
):
    text = as_user(student).get(DASHBOARD).text
    link = f'<a href="{lesson_url(lessons[1])}">The purge</a>'
    assert f"Practise <strong>shock work</strong> (not started): read {link}." in text


def test_what_next_links_at_least_to_the_glossary(as_user, student, course, lessons):
    concept = course.concepts.get()  # named in no lesson's sentences, in no quiz
    Concept.objects.filter(pk=concept.pk).update(core=True)
    text = as_user(student).get(DASHBOARD).text
    entry = f'<a href="{lesson_url(lessons[0])}#concept-{concept.pk}">its glossary entry</a>'
    assert f"Practise <strong>shock work</strong> (not started): {entry}." in text


def test_what_next_renders_in_constant_queries(
    as_user, student, course, lessons, shock_work, django_assert_max_num_queries
):
    quiz_on(course, shock_work, "Practice quiz")
    client = as_user(student)
    client.get(DASHBOARD)
    forget_cached_pages(client, student)
    with CaptureQueriesContext(connection) as small:
        client.get(DASHBOARD)
    for n in range(4):
        other = factories.CourseFactory(title=f"Course {n}")
        factories.EnrollmentFactory(user=student, course=other)
        weak = factories.ConceptFactory(course=other, core=True)
        for position in range(1, 4):
            lesson = factories.LessonFactory(course=other, position=position)
            mention(weak, lesson)
        quiz_on(other, weak, f"Practice {n}")
    forget_cached_pages(client, student)
    # session, user, my courses with their totals and my stored progress, my completions,
    # their lessons, my mastery levels, their core concepts, practice quizzes for my weakest
    # concepts (2), the lessons naming those concepts, courses I teach, my permissions and
    # my groups' permissions (may I create courses?)
    with django_assert_max_num_queries(13), CaptureQueriesContext(connection) as big:
        text = client.get(DASHBOARD).text
    assert len(big) == len(small)
    assert text.count(", or read ") == 5
