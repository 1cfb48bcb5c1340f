"""A quiz holding one question of every type, each with a distinctive answer key."""

from __future__ import annotations

import pytest

from course.catalog.models import Course
from course.quizzes.models import Question, Quiz
from tests import factories

# Every key and explanation is a string that appears nowhere else on the page, so a test
# can scan the HTML for it.
QUESTIONS = [
    dict(type="cloze", prompt="The _____ movement raised output.", options=[],
         answer=["shock work", "shock-work"], explanation="EXPLAIN-cloze"),
    dict(type="single_choice", prompt="Which body led the unions?",
         options=["VTsSPS", "Gosplan", "Comintern", "Politburo"], answer="VTsSPS",
         explanation="EXPLAIN-single"),
    dict(type="multiple_response", prompt="Select all forms of the purge.",
         options=["re-election campaigns", "inspections", "a general strike", "new tariffs"],
         answer=["re-election campaigns", "inspections"], explanation="EXPLAIN-multiple"),
    dict(type="true_false", prompt="Union independence grew under the plan.",
         options=["True", "False"], answer=False, explanation="EXPLAIN-truefalse"),
    dict(type="ordering", prompt="Put the events in order.",
         options=["purge", "offensive", "shock work"],
         answer=["offensive", "purge", "shock work"], explanation="EXPLAIN-ordering"),
    dict(type="matching", prompt="Match each term to its role.",
         options=["axis of enthusiasm", "party's opponents"],
         answer=[["socialist competition", "axis of enthusiasm"],
                 ["Right opposition", "party's opponents"]],
         explanation="EXPLAIN-matching"),
    dict(type="short_answer", prompt="Which plan ran from 1928 to 1932?", options=[],
         answer=["Zyxwv Plan"], explanation="EXPLAIN-short"),
]  # fmt: skip


@pytest.fixture
def questions(course: Course) -> list[Question]:
    return [factories.QuestionFactory(course=course, **spec) for spec in QUESTIONS]


@pytest.fixture
def quiz(course: Course, questions: list[Question]) -> Quiz:
    return factories.quiz_with(
        course, questions, attempts_allowed=2, feedback_mode="immediate", reveal="after_each"
    )
