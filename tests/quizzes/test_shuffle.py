"""The orders a student sees cannot be worked out from what they see.

Every order (the options as stored, the questions and options of an attempt) comes from a
keyed hash with the server's secret, never from visible data such as the prompt, the
attempt's id or the student's id (which the password-reset link shows). Eight items make a
chance coincidence one in 40,320.
"""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from course.quizzes.attempts import attempt_start
from course.quizzes.bank import questions_import
from course.quizzes.interchange import parse_gift
from course.quizzes.models import Question
from tests import factories
from tests.quizzes.editor import as_rows

pytestmark = pytest.mark.django_db

EIGHT = [f"item {n}" for n in range(1, 9)]
MATCHING_GIFT = (
    "::Pairs:: Match each item with its pair. {\n"
    + "\n".join(f"  ={item} -> pair of {item}" for item in EIGHT)
    + "\n}\n"
)


@pytest.fixture
def eight_item_quiz(course, student):
    """One question of each type whose order matters, eight options each."""
    questions = [
        factories.QuestionFactory(
            course=course, type="single_choice", prompt="Which one?", options=EIGHT,
            answer=EIGHT[0],
        ),
        factories.QuestionFactory(
            course=course, type="ordering", prompt="Put them in order.", options=EIGHT,
            answer=EIGHT,
        ),
        factories.QuestionFactory(
            course=course, type="matching", prompt="Match them.",
            options=[f"pair of {item}" for item in EIGHT],
            answer=[[item, f"pair of {item}"] for item in EIGHT],
        ),
    ]  # fmt: skip
    return factories.quiz_with(
        course, questions, shuffle_questions=True, shuffle_options=True, attempts_allowed=0
    )


def test_it_shows_matching_options_shuffled_whatever_the_gift_order(course, student):
    # With "shuffle options" off, a GIFT matching question used to show left item i beside
    # its own pair: the file's order is the key.
    questions_import(course=course, result=parse_gift(MATCHING_GIFT))
    question = course.questions.get(type="matching")
    quiz = factories.quiz_with(course, [question], shuffle_options=False)
    attempt = attempt_start(quiz=quiz, user=student)
    item = attempt.items.select_related("version").get()
    lefts = [left for left, _ in item.version.answer]
    shown = [item.version.options[i] for i in item.option_order]
    assert shown != [f"pair of {left}" for left in lefts]
    assert sorted(shown) == sorted(f"pair of {left}" for left in lefts)


def test_it_draws_the_orders_an_attempt_shows_from_the_servers_secret(student, eight_item_quiz):
    from course.quizzes.attempts import question_order, shown_order

    attempt = attempt_start(quiz=eight_item_quiz, user=student)
    items = list(attempt.items.select_related("version").order_by("position"))
    # What the attempt stored is what the keyed functions give for it...
    slots = list(eight_item_quiz.slots.order_by("position", "pk"))
    order = question_order(len(slots), attempt_id=attempt.pk)
    assert [i.version.question_id for i in items] == [slots[k].question_id for k in order]
    for item in items:
        expected = shown_order(item.version, attempt_id=attempt.pk, position=item.position,
                               shuffle=True)  # fmt: skip
        assert item.option_order == expected
    # ...and with everything the student sees unchanged (the attempt's and the student's
    # ids, the prompts, the options), another secret gives other orders.
    # Each item's options are eight (one order in 40,320); the three questions' order alone
    # would come out the same under another secret once in six, so it is not asserted alone.
    with override_settings(SECRET_KEY="another secret, as another deployment would have"):
        for item in items:
            assert item.option_order != shown_order(
                item.version, attempt_id=attempt.pk, position=item.position, shuffle=True
            )
        other = question_order(len(slots), attempt_id=attempt.pk)
    assert sorted(other) == sorted(order)


def test_it_draws_no_order_from_the_attempt_and_student_ids(student, eight_item_quiz):
    """The order used to be seeded with "<attempt id>-<user id>"; replaying that seed must
    not give the orders shown."""
    import random

    attempt = attempt_start(quiz=eight_item_quiz, user=student)
    for item in attempt.items.select_related("version"):
        replay = random.Random(f"{attempt.pk}-{student.pk}")
        guesses = []
        for _ in range(4):  # the question shuffle, then each question's options, in turn
            order = list(range(len(item.version.options)))
            replay.shuffle(order)
            guesses.append(order)
        assert item.option_order not in guesses


def _save_question(client, course, answer: str) -> Question:
    url = reverse("quizzes:question-new", kwargs={"slug": course.slug})
    data = {"type": "ordering", "prompt": "Order the steps.", "options": "", "answer": answer,
            "explanation": "", "action": "save"}  # fmt: skip
    assert client.post(url, as_rows(data)).status_code == 302
    return Question.objects.latest("pk")


def test_it_stores_ordering_items_in_an_order_that_says_nothing_about_the_answer(
    as_user, instructor, course
):
    # The stored order was the answer shuffled with the visible prompt as the seed: undo
    # the same shuffle and the answer comes back. Now it depends on the items alone.
    client = as_user(instructor)
    first = _save_question(client, course, "\n".join(EIGHT))
    second = _save_question(client, course, "\n".join(reversed(EIGHT)))
    assert first.answer != second.answer
    assert first.options == second.options
    assert sorted(first.options) == sorted(EIGHT)
