"""A quiz's order and points: Up and Down buttons that post (no script needed), points per
question, kept when the quiz's settings are saved again, and copied into each attempt."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from course.quizzes.attempts import attempt_start
from course.quizzes.models import Question, Quiz
from course.quizzes.slots import slot_move
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(course) -> Quiz:
    questions = [
        factories.QuestionFactory(course=course, prompt=f"Question {n}?", status="accepted")
        for n in "ABC"
    ]
    return factories.quiz_with(course, questions, title="Order test")


def slots_url(quiz: Quiz) -> str:
    return reverse("quizzes:slots", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def edit_url(quiz: Quiz) -> str:
    return reverse("quizzes:edit", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def order(quiz: Quiz) -> list[str]:
    return [s.question.prompt for s in quiz.slots.select_related("question").order_by("position")]


def points_of(quiz: Quiz, **changes: str) -> dict[str, str]:
    """The post of every slot's points as they are, with `changes` by prompt letter."""
    data = {}
    for slot in quiz.slots.select_related("question"):
        letter = slot.question.prompt.split()[1][0]
        data[f"points-{slot.pk}"] = changes.get(letter, str(slot.points))
    return data


def slot_of(quiz: Quiz, letter: str):
    return quiz.slots.get(question__prompt=f"Question {letter}?")


def test_it_shows_the_slots_in_order_with_their_points(as_user, instructor, three):
    text = as_user(instructor).get(edit_url(three)).text
    assert text.index("Question A?") < text.index("Question B?") < text.index("Question C?")
    assert f'name="move" value="{slot_of(three, "A").pk}:up"' in text
    assert 'name="points-' in text and "Total: <strong>3</strong> points" in text


def test_it_moves_a_slot_down_without_javascript(as_user, instructor, three):
    data = points_of(three) | {"move": f"{slot_of(three, 'A').pk}:down"}
    response = as_user(instructor).post(slots_url(three), data)
    assert response.status_code == 302 and response["Location"].endswith("/edit/#slots")
    assert order(three) == ["Question B?", "Question A?", "Question C?"]


def test_it_moves_a_slot_up_with_htmx_and_answers_with_the_section(
    as_user, instructor, three, htmx_headers
):
    data = points_of(three) | {"move": f"{slot_of(three, 'C').pk}:up"}
    response = as_user(instructor).post(slots_url(three), data, **htmx_headers)
    text = response.text.strip()
    assert text.startswith('<section id="slots"') and "<html" not in text
    assert order(three) == ["Question A?", "Question C?", "Question B?"]
    assert text.index("Question C?") < text.index("Question B?")


def test_it_saves_the_points_typed_when_a_slot_moves(as_user, instructor, three):
    data = points_of(three, B="2.5") | {"move": f"{slot_of(three, 'B').pk}:up"}
    as_user(instructor).post(slots_url(three), data)
    assert order(three)[0] == "Question B?"
    assert slot_of(three, "B").points == Decimal("2.5")


def test_it_sets_points_per_slot_and_an_attempt_copies_them(as_user, instructor, student, three):
    response = as_user(instructor).post(slots_url(three), points_of(three, A="4", C="0.5"))
    assert response.status_code == 302
    three.status = "published"
    three.save()
    attempt = attempt_start(quiz=three, user=student)
    points = list(attempt.items.order_by("position").values_list("points", flat=True))
    assert points == [Decimal("4"), Decimal("1"), Decimal("0.5")]


def test_it_refuses_negative_points_and_keeps_what_was_typed(as_user, instructor, three):
    response = as_user(instructor).post(slots_url(three), points_of(three, A="-1", B="3"))
    assert response.status_code == 400
    assert "Fix the points marked below" in response.text and 'value="-1"' in response.text
    assert {s.points for s in three.slots.all()} == {Decimal("1")}  # nothing saved


def test_it_keeps_the_order_when_the_quiz_settings_are_saved_again(
    as_user, instructor, course, three
):
    client = as_user(instructor)
    client.post(slots_url(three), points_of(three) | {"move": f"{slot_of(three, 'C').pk}:up"})
    extra = factories.QuestionFactory(course=course, prompt="Question D?", status="accepted")
    questions = [*three.slots.values_list("question_id", flat=True), extra.pk]
    data = {"title": "Order test", "status": "draft", "attempts_allowed": 0,
            "grading_method": "highest", "feedback_mode": "immediate", "reveal": "after_each",
            "pass_mark": 50, "questions": questions}  # fmt: skip
    assert client.post(edit_url(three), data).status_code == 302
    assert order(three) == ["Question A?", "Question C?", "Question B?", "Question D?"]


def test_it_says_the_first_slot_cannot_move_up(as_user, instructor, three):
    data = points_of(three) | {"move": f"{slot_of(three, 'A').pk}:up"}
    response = as_user(instructor).post(slots_url(three), data)
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["That question is already first."]
    assert order(three) == ["Question A?", "Question B?", "Question C?"]


def test_it_refuses_a_slot_of_another_quiz(as_user, instructor, course, three):
    other = factories.quiz_with(course, [Question.objects.first()], title="Other")
    forged = other.slots.get()
    response = as_user(instructor).post(slots_url(three), {"move": f"{forged.pk}:down"})
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert response.status_code == 302 and "no longer in this quiz" in said[0]


def test_the_service_checks_permission_itself(three, other_instructor):
    with pytest.raises(PermissionDenied):
        slot_move(quiz=three, slot_id=slot_of(three, "A").pk, direction="down", by=other_instructor)
    assert order(three)[0] == "Question A?"


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_the_order_to_the_courses_staff(as_user, request, three, persona, status):
    data = {"move": f"{slot_of(three, 'A').pk}:down"}
    assert as_user(request.getfixturevalue(persona)).post(slots_url(three), data).status_code == (
        status
    )
    assert order(three)[0] == "Question A?"


def test_it_refuses_get_on_the_slots(as_user, instructor, three):
    assert as_user(instructor).get(slots_url(three)).status_code == 405
