""" "Add concept" drafts questions for the new concept: the generator's best on it or, when
none clears the draft's bar, its next-best (marked "lower confidence"); when the text gives
none, the instructor is told why and what to do instead."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.authoring.services import concept_add, course_import_abstract
from course.quizzes.services import LOWER_CONFIDENCE_TAG, concept_draft_refusal
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(instructor):
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    return course


def add_url(course) -> str:
    return reverse("catalog:concept-add", kwargs={"slug": course.slug})


def test_it_drafts_next_best_questions_when_none_clears_the_bar(generated):
    # No candidate on "union leadership" clears the draft's bar; below it there are some.
    concept = concept_add(course=generated, term="union leadership")
    questions = list(concept.questions.all())
    assert questions, "no question drafted for a concept the text asks about"
    assert all(q.status == "draft" and LOWER_CONFIDENCE_TAG in q.tags for q in questions)
    assert len({q.type for q in questions}) == len(questions)  # different types


def test_it_says_why_when_the_text_gives_no_question(as_user, instructor, generated, htmx_headers):
    response = as_user(instructor).post(
        add_url(generated), {"term": "weakening", "definition": ""}, **htmx_headers
    )
    assert response.status_code == 200
    concept = generated.concepts.get(term__iexact="weakening")
    assert not concept.questions.exists()
    assert "Added “weakening”. No question could be drafted for “weakening”" in response.text
    assert "occurs in 1 sentence(s) of the text" in response.text
    assert "Write one in the question bank" in response.text


def test_the_refusal_counts_the_questions_already_on_its_sentences(generated):
    concept = concept_add(course=generated, term="weakening")
    assert "question(s) in the bank already ask about those sentences" in (
        concept_draft_refusal(concept)
    )
