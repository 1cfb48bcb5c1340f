"""Any question of the bank opens from its row and is edited in place: the correct answers
of a choice question are ticked beside its options, never retyped; an attempt keeps the
version it used."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.quizzes.attempts import attempt_start
from course.quizzes.models import AttemptItem, Question
from tests import factories
from tests.quizzes.editor import as_rows

pytestmark = pytest.mark.django_db


def edit_url(question: Question) -> str:
    return reverse(
        "quizzes:question-edit", kwargs={"slug": question.course.slug, "question_id": question.pk}
    )


def new_url(course) -> str:
    return reverse("quizzes:question-new", kwargs={"slug": course.slug})


@pytest.fixture
def choice(course) -> Question:
    return factories.QuestionFactory(
        course=course,
        type="single_choice",
        prompt="Which body led the unions?",
        options=["VTsSPS", "Gosplan", "Comintern"],
        answer="VTsSPS",
        explanation="The council.",
        status="draft",
    )


def ticked_post(prompt: str, options: list[str], correct: list[int], **extra) -> dict:
    data = as_rows({"prompt": prompt, "options": options, "explanation": "", **extra})
    return data | {"correct": [str(i) for i in correct]}


def test_it_links_every_bank_row_to_its_question(as_user, instructor, course, choice):
    text = as_user(instructor).get(reverse("quizzes:bank", kwargs={"slug": course.slug})).text
    assert f'href="{edit_url(choice)}"' in text and f'id="question-{choice.pk}"' in text


def test_it_opens_a_question_prefilled_with_its_correct_option_ticked(as_user, instructor, choice):
    text = as_user(instructor).get(edit_url(choice)).text
    assert "Edit Q" in text and "Which body led the unions?" in text
    assert 'name="options-0-text" value="VTsSPS"' in text
    assert 'type="radio" name="correct" value="0" id="correct-0" checked' in text
    assert 'name="correct" value="1" id="correct-1">' in text  # not ticked
    # No answer to retype: the options carry it.
    assert 'name="answer-0-text"' not in text
    # The preview and the checker's advice show before any edit.
    assert 'id="live-preview"' in text and "Advice: item-writing flaws" in text


def test_it_saves_a_different_ticked_answer_as_the_review_workspace_does(
    as_user, instructor, choice
):
    data = ticked_post("Which body planned?", ["VTsSPS", "Gosplan", "Comintern"], [1])
    response = as_user(instructor).post(edit_url(choice), data | {"action": "save"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#question-{choice.pk}")
    choice.refresh_from_db()
    assert (choice.prompt, choice.answer) == ("Which body planned?", "Gosplan")
    assert choice.origin == "authored"  # `question_update`: the question is the instructor's


def test_it_keeps_the_version_an_attempt_used(as_user, instructor, student, course, choice):
    Question.objects.filter(pk=choice.pk).update(status="accepted")  # drafts reach no student
    quiz = factories.quiz_with(course, [choice])
    attempt = attempt_start(quiz=quiz, user=student)
    data = ticked_post("Which body planned?", ["VTsSPS", "Gosplan", "Comintern"], [1])
    as_user(instructor).post(edit_url(choice), data | {"action": "save"})
    choice.refresh_from_db()
    item = AttemptItem.objects.get(attempt=attempt)
    assert (item.version.prompt, item.version.answer) == ("Which body led the unions?", "VTsSPS")
    assert choice.version == item.version.number + 1


def test_it_previews_an_edit_live_with_htmx_without_saving(
    as_user, instructor, choice, htmx_headers
):
    data = ticked_post("Which body planned?", ["VTsSPS", "Gosplan"], [1])
    response = as_user(instructor).post(edit_url(choice), data, **htmx_headers)
    text = response.text.strip()
    assert text.startswith('<section id="live-preview"') and "Which body planned?" in text
    choice.refresh_from_db()
    assert choice.prompt == "Which body led the unions?"


def test_it_asks_to_tick_an_option_when_none_is(as_user, instructor, choice):
    data = ticked_post("Which?", ["A", "B"], []) | {"correct": [], "action": "save"}
    response = as_user(instructor).post(edit_url(choice), data)
    assert response.status_code == 200 and "Tick the correct option." in response.text
    choice.refresh_from_db()
    assert choice.prompt == "Which body led the unions?"


def test_it_refuses_two_ticks_on_a_single_choice(as_user, instructor, choice):
    data = ticked_post("Which?", ["A", "B"], [0, 1]) | {"action": "save"}
    response = as_user(instructor).post(edit_url(choice), data)
    assert "Give exactly one correct option." in response.text
    choice.refresh_from_db()
    assert choice.answer == "VTsSPS"


def test_it_saves_a_new_multiple_response_question_from_its_ticks(as_user, instructor, course):
    data = ticked_post("Pick.", ["a", "b", "c"], [0, 2], type="multiple_response", action="save")
    assert as_user(instructor).post(new_url(course), data).status_code == 302
    question = Question.objects.get()
    assert (question.options, question.answer) == (["a", "b", "c"], ["a", "c"])


def test_it_drops_a_forged_tick_beyond_the_options(as_user, instructor, course):
    data = ticked_post("Pick.", ["a", "b"], [1, 7], type="multiple_response", action="save")
    assert as_user(instructor).post(new_url(course), data).status_code == 302
    assert Question.objects.get().answer == ["b"]


def test_it_keeps_each_tick_with_its_option_when_a_row_is_removed(
    as_user, instructor, course, htmx_headers
):
    data = ticked_post("Pick.", ["a", "b", "c"], [0, 2], type="multiple_response")
    response = as_user(instructor).post(new_url(course), data | {"remove": "options:1"})
    text = response.text
    assert 'name="options-1-text" value="c"' in text
    assert 'value="0" id="correct-0" checked' in text and 'value="1" id="correct-1" checked' in text
    partial = as_user(instructor).post(
        new_url(course), data | {"remove": "options:0"}, **htmx_headers
    )
    assert partial.text.strip().startswith('<fieldset id="rows-options"')
    assert 'value="0" id="correct-0">' in partial.text  # "b", not ticked
    assert 'value="1" id="correct-1" checked' in partial.text  # "c"


def test_it_chooses_true_or_false_with_a_radio(as_user, instructor, course):
    question = factories.QuestionFactory(
        course=course, type="true_false", options=["True", "False"], answer=False
    )
    text = as_user(instructor).get(edit_url(question)).text
    assert 'name="answer" value="false" checked' in text
    data = {"prompt": "Unions grew freer.", "answer": "true", "explanation": "", "action": "save"}
    assert as_user(instructor).post(edit_url(question), data).status_code == 302
    question.refresh_from_db()
    assert question.answer is True


def test_it_still_reads_an_answer_typed_as_rows(as_user, instructor, course):
    # The editor's earlier form (and scripts written against it) typed the answer.
    data = as_rows({"type": "single_choice", "prompt": "Which?", "options": ["A", "B"],
                    "answer": ["B"], "explanation": "", "action": "save"})  # fmt: skip
    assert as_user(instructor).post(new_url(course), data).status_code == 302
    assert Question.objects.get().answer == "B"


def test_it_edits_a_typed_answer_question_in_rows(as_user, instructor, course):
    question = factories.QuestionFactory(
        course=course, type="short_answer", options=[], answer=["Zyxwv Plan"]
    )
    text = as_user(instructor).get(edit_url(question)).text
    assert 'name="answer-0-text" value="Zyxwv Plan"' in text and 'name="correct"' not in text
    data = as_rows({"prompt": "Which plan?", "answer": ["First plan", "FFYP"],
                    "explanation": "", "action": "save"})  # fmt: skip
    assert as_user(instructor).post(edit_url(question), data).status_code == 302
    question.refresh_from_db()
    assert question.answer == ["First plan", "FFYP"]


def test_it_finds_a_question_only_through_its_own_course(as_user, instructor, course, other_course):
    foreign = factories.QuestionFactory(course=other_course)
    url = reverse("quizzes:question-edit", kwargs={"slug": course.slug, "question_id": foreign.pk})
    assert as_user(instructor).get(url).status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_editing_to_the_courses_staff(as_user, request, choice, persona, status):
    data = ticked_post("Hacked?", ["A", "B"], [0]) | {"action": "save"}
    assert as_user(request.getfixturevalue(persona)).post(edit_url(choice), data).status_code == (
        status
    )
    choice.refresh_from_db()
    assert choice.prompt == "Which body led the unions?"


def test_it_refuses_put_on_the_question_editor(as_user, instructor, choice):
    assert as_user(instructor).put(edit_url(choice)).status_code == 405
