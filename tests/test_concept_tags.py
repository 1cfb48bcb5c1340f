"""Concept tags are a list (`base.html#concept-tags`): a screen reader says how many there
are and reads each apart; as adjacent spans they ran together ("shock workthe purge")."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from course.catalog.models import Course
from tests import factories
from tests.discussions.conftest import PromptFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def concepts(course: Course) -> list[str]:
    factories.ConceptFactory(course=course, term="the purge", definition="Removal.")
    return ["shock work", "the purge"]


def tag_lists(html: str) -> list[tuple[str, list[str]]]:
    """Each tag list on the page: (its accessible name, its items)."""
    lists = re.findall(
        r'<ul class="tag-list" role="list" aria-label="([^"]+)">(.*?)</ul>', html, re.S
    )
    return [(name, re.findall(r'<li class="tag">([^<]+)</li>', items)) for name, items in lists]


def test_a_discussion_lists_its_concepts(as_user, student, course, lessons, concepts):
    prompt = PromptFactory(course=course, lesson=lessons[0], text="Was it necessary?")
    prompt.concepts.set(course.concepts.all())
    url = reverse("discussions:thread", kwargs={"slug": course.slug, "prompt_id": prompt.pk})
    html = as_user(student).get(url).text
    assert tag_lists(html) == [("Concepts of this discussion", concepts)]


def test_the_question_bank_lists_each_questions_concepts(as_user, instructor, course, concepts):
    question = factories.QuestionFactory(course=course)
    question.concepts.set(course.concepts.all())
    factories.QuestionFactory(course=course, prompt="A question on no concept?")
    html = as_user(instructor).get(reverse("quizzes:bank", kwargs={"slug": course.slug})).text
    assert tag_lists(html) == [("Concepts", concepts)]  # none for the question without


def test_a_quiz_preview_lists_the_concepts_it_covers(as_user, instructor, course, concepts):
    question = factories.QuestionFactory(course=course)
    question.concepts.set(course.concepts.all())
    quiz = factories.quiz_with(course, [question])
    url = reverse("quizzes:preview", kwargs={"slug": course.slug, "quiz_id": quiz.pk})
    html = as_user(instructor).get(url).text
    assert tag_lists(html) == [("Concepts this quiz covers", concepts)]
