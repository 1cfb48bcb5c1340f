"""The bank's bulk actions on the ticked questions: accept, tag with a concept, move to a
category, delete (asked first, kept to be restored). Each is all or nothing, and a question
of another course (a forged form) changes nothing and says so."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from course.authoring.models import RemovedItem
from course.quizzes.attempts import attempt_start
from course.quizzes.bank import questions_accept
from course.quizzes.models import Question
from tests import factories

pytestmark = pytest.mark.django_db


def bulk_url(course) -> str:
    return reverse("catalog:bank-bulk", kwargs={"slug": course.slug})


def bank_url(course) -> str:
    return reverse("quizzes:bank", kwargs={"slug": course.slug})


@pytest.fixture
def drafts(course) -> list[Question]:
    return [
        factories.QuestionFactory(course=course, prompt=f"Draft {n}?", status="draft")
        for n in range(3)
    ]


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def post(client, course, action: str, questions, **extra):
    data = {"action": action, "question": [str(q.pk) for q in questions], **extra}
    return client.post(bulk_url(course), data)


def test_it_accepts_the_ticked_drafts(as_user, instructor, course, drafts):
    response = post(as_user(instructor), course, "accept", drafts[:2], back="q=Draft")
    assert response.status_code == 302 and response["Location"] == bank_url(course) + "?q=Draft"
    assert said(response) == ["Accepted 2 draft question(s) into the bank."]
    statuses = dict(Question.objects.values_list("pk", "status"))
    assert [statuses[q.pk] for q in drafts] == ["accepted", "accepted", "draft"]


def test_it_refuses_a_question_of_another_course_and_changes_nothing(
    as_user, instructor, course, other_course, drafts
):
    foreign = factories.QuestionFactory(course=other_course, status="draft")
    response = post(as_user(instructor), course, "accept", [drafts[0], foreign])
    assert response.status_code == 302
    (message,) = said(response)
    assert f"Q{foreign.pk} is not in this course's bank" in message
    assert "nothing was changed" in message
    assert not Question.objects.filter(status="accepted").exists()


def test_it_says_so_when_nothing_is_ticked_or_an_id_is_not_a_number(as_user, instructor, course):
    client = as_user(instructor)
    assert "Choose at least one question" in said(post(client, course, "accept", []))[0]
    response = client.post(bulk_url(course), {"action": "accept", "question": ["1; DROP"]})
    assert response.status_code == 302 and "does not exist" in said(response)[-1]
    response = client.post(bulk_url(course), {"action": "explode"})
    assert "Choose what to do" in said(response)[-1]


def test_it_tags_the_ticked_questions_with_a_concept(as_user, instructor, course, drafts):
    concept = factories.ConceptFactory(course=course, term="purge")
    response = post(as_user(instructor), course, "tag", drafts[:2], concept=str(concept.pk))
    assert said(response) == ["Tagged 2 question(s) with “purge”."]
    assert set(concept.questions.values_list("pk", flat=True)) == {drafts[0].pk, drafts[1].pk}


def test_it_refuses_a_concept_of_another_course(as_user, instructor, course, other_course, drafts):
    foreign = factories.ConceptFactory(course=other_course, term="elsewhere")
    response = post(as_user(instructor), course, "tag", drafts, concept=str(foreign.pk))
    assert "Choose one of this course's concepts" in said(response)[0]
    assert not foreign.questions.exists()


def test_it_moves_the_ticked_questions_to_a_category(as_user, instructor, course, drafts):
    response = post(as_user(instructor), course, "move", drafts[1:], category="  Unit  2 ")
    assert said(response) == ["Moved 2 question(s) to the category “Unit 2”."]
    categories = dict(Question.objects.values_list("pk", "category"))
    assert [categories[q.pk] for q in drafts] == ["", "Unit 2", "Unit 2"]
    # The bank filters by it.
    text = as_user(instructor).get(bank_url(course), {"tag": "Unit 2"}).text
    assert f'id="question-{drafts[1].pk}"' in text
    assert f'id="question-{drafts[0].pk}"' not in text


def test_it_asks_before_deleting_then_keeps_what_it_deletes(as_user, instructor, course, drafts):
    client = as_user(instructor)
    ask = post(client, course, "delete", drafts[:2])
    assert ask.status_code == 200
    assert "Delete 2 questions?" in ask.text and "Draft 0?" in ask.text
    assert Question.objects.count() == 3  # asking deletes nothing
    done = post(client, course, "delete", drafts[:2], confirm="yes")
    assert done.status_code == 302
    assert f"Deleted Q{drafts[0].pk}, Q{drafts[1].pk}." in said(done)[0]
    assert list(Question.objects.values_list("pk", flat=True)) == [drafts[2].pk]
    kept = RemovedItem.objects.filter(course=course, reason="deleted")
    assert sorted(kept.values_list("item_id", flat=True)) == [drafts[0].pk, drafts[1].pk]


def test_it_deletes_none_when_one_ticked_question_was_answered(
    as_user, instructor, student, course, drafts
):
    Question.objects.filter(pk=drafts[0].pk).update(status="accepted")
    attempt_start(quiz=factories.quiz_with(course, [drafts[0]]), user=student)
    client = as_user(instructor)
    ask = post(client, course, "delete", drafts[:2])
    assert "Nothing can be deleted while these are ticked" in ask.text
    assert 'value="yes"' not in ask.text
    # A forged confirmation is refused by the service, atomically.
    done = post(client, course, "delete", drafts[:2], confirm="yes")
    assert f"Students have answered Q{drafts[0].pk}" in said(done)[0]
    assert Question.objects.count() == 3 and not RemovedItem.objects.exists()


def test_the_service_checks_permission_itself(course, other_instructor, drafts):
    with pytest.raises(PermissionDenied):
        questions_accept(course=course, ids=[drafts[0].pk], by=other_instructor)
    assert not Question.objects.filter(status="accepted").exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_bulk_actions_to_the_courses_staff(
    as_user, request, course, drafts, persona, status
):
    response = post(as_user(request.getfixturevalue(persona)), course, "accept", drafts)
    assert response.status_code == status
    assert not Question.objects.filter(status="accepted").exists()


def test_it_refuses_get_on_the_bulk_actions(as_user, instructor, course):
    assert as_user(instructor).get(bulk_url(course)).status_code == 405


def test_it_ticks_every_question_on_the_page_without_javascript(
    as_user, instructor, course, drafts
):
    client = as_user(instructor)
    plain = client.get(bank_url(course)).text
    assert plain.count('name="question"') == 3 and " checked>" not in plain
    assert 'name="select" value="all"' in plain and 'id="select-all"' in plain
    ticked = client.get(bank_url(course), {"select": "all", "q": "Draft"}).text
    assert ticked.count('aria-label="Select Q') == ticked.count(" checked>") == 3
    assert 'name="back" value="q=Draft"' in ticked


def test_the_bank_costs_the_same_queries_with_30_questions(
    as_user, instructor, course, django_assert_max_num_queries
):
    client = as_user(instructor)
    concept = factories.ConceptFactory(course=course, term="plan")
    for n in range(30):
        question = factories.QuestionFactory(course=course, prompt=f"Q {n}?", category="Unit")
        question.concepts.add(concept)
    # 10, whatever the number of questions: session, user; the course and the editor's check
    # on it; questions, their concepts, their sentences; the categories; the checker's pass
    # over the bank; the concepts to tag with.
    with django_assert_max_num_queries(10):
        response = client.get(bank_url(course))
    assert response.text.count('name="question"') == 30
