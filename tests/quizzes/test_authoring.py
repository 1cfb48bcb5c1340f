"""Instructors write questions of every type, with a live preview and inline validation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.quizzes.models import Question
from tests.quizzes.editor import as_rows

pytestmark = pytest.mark.django_db

VALID = {
    "cloze": {"prompt": "The _____ raised output.", "answer": "shock work\nshock-work"},
    "single_choice": {"prompt": "Which body?", "options": "VTsSPS\nGosplan", "answer": "VTsSPS"},
    "multiple_response": {"prompt": "Pick forms.", "options": "a\nb\nc", "answer": "a\nc"},
    "true_false": {"prompt": "Unions grew freer.", "answer": "false"},
    "ordering": {"prompt": "Order them.", "answer": "one\ntwo\nthree"},
    "matching": {"prompt": "Match.", "answer": "NEP = before 1928\nFFYP = 1928-32"},
    "short_answer": {"prompt": "Which plan?", "answer": "First Five-Year Plan"},
    "essay": {"prompt": "Was the purge necessary?", "answer": ""},
    "numerical": {"prompt": "When did the plan start?", "answer": "1928\n1927..1929"},
}


def new_url(course) -> str:
    return reverse("quizzes:question-new", kwargs={"slug": course.slug})


@pytest.mark.parametrize("kind", VALID)
def test_it_saves_a_new_question_of_every_type(as_user, instructor, course, kind):
    data = {"type": kind, "options": "", "explanation": "Because.", "action": "save", **VALID[kind]}
    response = as_user(instructor).post(new_url(course), as_rows(data))
    assert response.status_code == 302, response.text[:2000]
    question = Question.objects.get(course=course, type=kind)
    assert question.origin == "authored" and question.status == "accepted"
    if kind == "numerical":
        assert question.answer == [
            {"value": 1928.0, "tolerance": 0.0, "weight": 1.0},
            {"min": 1927.0, "max": 1929.0, "weight": 1.0},
        ]
    if kind == "ordering":
        # Stored in an order of the items alone (tests/quizzes/test_shuffle.py); students
        # always see them in a secret order of their attempt.
        assert question.answer == ["one", "two", "three"]
        assert sorted(question.options) == sorted(question.answer)


def test_it_previews_live_for_htmx_without_saving(as_user, instructor, course, htmx_headers):
    data = {"type": "single_choice", "options": "VTsSPS\nGosplan", "answer": "VTsSPS",
            "prompt": "Which body?", "explanation": ""}  # fmt: skip
    response = as_user(instructor).post(new_url(course), as_rows(data), **htmx_headers)
    text = response.text.strip()
    assert text.startswith('<section id="live-preview"')
    assert "Which body?" in text and "Correct answer" in text
    assert not Question.objects.exists()


def test_it_validates_inline(as_user, instructor, course, htmx_headers):
    data = {"type": "single_choice", "options": "A\nB", "answer": "C", "prompt": "Which?"}
    response = as_user(instructor).post(new_url(course), as_rows(data), **htmx_headers)
    assert "Not among the options: C" in response.text
    assert not Question.objects.exists()


def test_it_offers_every_type_to_choose_from(as_user, instructor, course):
    text = as_user(instructor).get(new_url(course)).text
    for value in Question.Type.values:
        assert f"?type={value}" in text


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_authoring_to_the_courses_staff(as_user, request, course, persona, status):
    client = as_user(request.getfixturevalue(persona))
    data = {"type": "essay", "prompt": "x?", "answer": "", "action": "save"}
    assert client.post(new_url(course), data).status_code == status
    assert not Question.objects.exists()


def test_it_adds_and_removes_rows_with_htmx_without_saving(
    as_user, instructor, course, htmx_headers
):
    client = as_user(instructor)
    base = {"type": "single_choice", "prompt": "Which?", "options": ["A", "B"], "answer": ["A"]}
    added = client.post(new_url(course), as_rows({**base, "add": "options"}), **htmx_headers)
    text = added.text.strip()
    assert text.startswith('<fieldset id="rows-options"')
    # The formset's management form comes with its rows, so the next post counts them all.
    assert text.count('name="options-') == 3 + 4 and 'name="options-2-text"' in text
    assert 'name="options-TOTAL_FORMS" value="3"' in text
    removed = client.post(new_url(course), as_rows({**base, "remove": "options:0"}), **htmx_headers)
    assert (
        removed.text.count('name="options-') == 1 + 4
        and 'name="options-0-text" value="B"' in removed.text
        and 'value="A"' not in removed.text
    )
    # One option left is not yet an error: removing a row is not a submission.
    assert "errorlist" not in removed.text
    assert not Question.objects.exists()


def test_it_adds_rows_without_javascript_and_keeps_what_was_typed(as_user, instructor, course):
    data = {
        "type": "matching",
        "prompt": "Match.",
        "answer": ["NEP = before 1928"],
        "add": "answer",
        "explanation": "Kept.",
    }
    text = as_user(instructor).post(new_url(course), as_rows(data)).text
    assert "<html" in text and text.count('name="answer-') == 2 + 4
    assert 'name="answer-0-text" value="NEP = before 1928"' in text and "Kept." in text
    assert 'name="answer-1-text"' in text
    assert "errorlist" not in text  # adding a row is not a submission
    assert not Question.objects.exists()


def test_it_saves_options_and_answers_typed_in_rows(as_user, instructor, course):
    data = {"type": "multiple_response", "prompt": "Pick.", "options": ["a", "b", "c"],
            "answer": ["a", "c"], "explanation": "", "action": "save"}  # fmt: skip
    assert as_user(instructor).post(new_url(course), as_rows(data)).status_code == 302
    question = Question.objects.get()
    assert (question.options, question.answer) == (["a", "b", "c"], ["a", "c"])


@pytest.mark.parametrize(
    "answer", ["inf", "nan", "1e309", "-1e309", "1 ± inf", "1 +/- nan", "1..inf", "-inf..1"]
)
def test_it_refuses_a_numerical_answer_that_is_not_a_finite_number(
    as_user, instructor, course, answer
):
    # Python's float() reads all of these; JSON has no infinity, so PostgreSQL refused the
    # row: a 500. The GIFT importer already refused them.
    data = {"type": "numerical", "prompt": "How many?", "options": "", "answer": answer,
            "explanation": "", "action": "save"}  # fmt: skip
    response = as_user(instructor).post(new_url(course), as_rows(data))
    assert response.status_code == 200
    assert f"Not a finite number or range: {answer}" in response.text
    assert not Question.objects.exists()


def test_it_searches_the_bank_for_the_new_question_with_its_prompt_url_encoded(
    as_user, instructor, course
):
    from urllib.parse import parse_qs, urlsplit

    prompt = "Tom & Jerry: 50% of #1 _____?&type=essay"
    data = {"type": "cloze", "prompt": prompt, "options": "", "answer": "cats",
            "explanation": "", "action": "save"}  # fmt: skip
    response = as_user(instructor).post(new_url(course), as_rows(data))
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.fragment == ""
    assert parse_qs(target.query) == {"q": [prompt[:40]]}


def test_it_strips_nul_and_control_characters_from_a_question(as_user, instructor, course):
    data = {"type": "single_choice", "prompt": "Which\x00 body?", "options": "VTs\x1bSPS\nGosplan",
            "answer": "VTsSPS", "explanation": "Be\x07cause.", "action": "save"}  # fmt: skip
    response = as_user(instructor).post(new_url(course), as_rows(data))
    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.prompt, question.options, question.explanation) == (
        "Which body?",
        ["VTsSPS", "Gosplan"],
        "Because.",
    )


def test_it_reads_rows_without_their_management_form_as_one_empty_row(as_user, instructor, course):
    # A forged or stale post (the rows' old names, no formset counts): a validation
    # message, never a 500.
    data = {"type": "single_choice", "prompt": "Which?", "options": "A\nB", "answer": "A",
            "action": "save"}  # fmt: skip
    response = as_user(instructor).post(new_url(course), data)
    assert response.status_code == 200
    # The options' rows read as one empty row.
    assert "Give at least two different options." in response.text
    assert not Question.objects.exists()


def test_it_keeps_at_most_fifty_rows_of_a_forged_post(as_user, instructor, course):
    options = [f"option {n}" for n in range(60)]
    data = {"type": "multiple_response", "prompt": "Pick.", "options": options,
            "answer": ["option 0"], "explanation": "", "action": "save"}  # fmt: skip
    assert as_user(instructor).post(new_url(course), as_rows(data)).status_code == 302
    assert Question.objects.get().options == options[:50]
