"""The item-writing flaw checker's findings, shown as advice where instructors write and
gather questions: the question editor (live and on Preview), the bank (with a filter by
flaw), the import preview and the quiz preview. Advice never stops a save or an import."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from course.quizzes.models import Question
from tests import factories
from tests.quizzes.editor import as_rows

pytestmark = pytest.mark.django_db

# "All of the above" is a finding (all-of-the-above); a NOT in the stem is one too
# (negative-stem); the clean question has neither, nor any other finding.
FLAWED = {
    "type": "single_choice",
    "prompt": "Which body ran the First Five-Year Plan?",
    "options": ["VTsSPS", "Gosplan", "Comintern", "All of the above"],
    "answer": "Gosplan",
}
NEGATIVE = {
    "type": "single_choice",
    "prompt": "Which of these bodies did NOT run a union?",
    "options": ["VTsSPS", "Gosplan", "Comintern", "Politburo"],
    "answer": "Gosplan",
}
CLEAN = {
    "type": "single_choice",
    "prompt": "Which body led the Soviet trade unions?",
    "options": ["VTsSPS", "Gosplan", "Comintern", "Politburo"],
    "answer": "VTsSPS",
}


def new_url(course) -> str:
    return reverse("quizzes:question-new", kwargs={"slug": course.slug})


def bank_url(course) -> str:
    return reverse("quizzes:bank", kwargs={"slug": course.slug})


def import_url(course) -> str:
    return reverse("quizzes:bank-import", kwargs={"slug": course.slug})


def preview_url(quiz) -> str:
    return reverse("quizzes:preview", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})


def form_data(spec: dict, **extra: object) -> dict:
    """The editor's post for a question: options and answer as its rows."""
    return as_rows({"type": spec["type"], "prompt": spec["prompt"], "options": spec["options"],
                    "answer": [spec["answer"]], "explanation": "", **extra})  # fmt: skip


# --- the question editor -------------------------------------------------------------------


def test_it_shows_a_flawed_questions_findings_in_the_live_preview(
    as_user, instructor, course, htmx_headers
):
    response = as_user(instructor).post(new_url(course), form_data(FLAWED), **htmx_headers)
    text = response.text.strip()
    assert text.startswith('<section id="live-preview"')
    assert "Advice: item-writing flaws" in text
    # The flaw's title, its message and what to change.
    assert "All of the above</strong>" in text
    assert "An option is “All of the above”." in text
    assert "Replace it with another plausible option" in text
    assert "No item-writing flaws found." not in text
    assert not Question.objects.exists()


def test_it_says_a_clean_question_has_no_findings_in_the_live_preview(
    as_user, instructor, course, htmx_headers
):
    response = as_user(instructor).post(new_url(course), form_data(CLEAN), **htmx_headers)
    assert "Advice: item-writing flaws" in response.text
    assert "No item-writing flaws found." in response.text
    assert "tag-warning" not in response.text


def test_it_shows_the_findings_on_the_preview_button_without_javascript(
    as_user, instructor, course
):
    response = as_user(instructor).post(new_url(course), form_data(NEGATIVE, action="preview"))
    assert response.status_code == 200
    assert "<html" in response.text
    assert "Negative stem</strong>" in response.text
    assert "The stem asks negatively (“NOT”)." in response.text
    assert not Question.objects.exists()


def test_it_gives_no_advice_while_the_form_has_errors(as_user, instructor, course, htmx_headers):
    data = form_data(FLAWED, answer=["Not an option"])
    text = as_user(instructor).post(new_url(course), data, **htmx_headers).text
    assert "Not among the options" in text and "Advice: item-writing flaws" not in text


def test_it_saves_a_flawed_question_and_says_it_has_findings(as_user, instructor, course):
    client = as_user(instructor)
    response = client.post(new_url(course), form_data(FLAWED, action="save"), follow=True)
    question = Question.objects.get(course=course)
    assert question.options == FLAWED["options"] and question.answer == "Gosplan"
    assert response.redirect_chain[0][0].startswith(bank_url(course))
    assert "Question added to the bank. The checker has advice on it: 1 item-writing flaw" in (
        response.text
    )
    # The bank it lands on lists the question with its finding.
    assert "1 item-writing flaw</summary>" in response.text


def test_it_saves_a_clean_question_without_mentioning_flaws(as_user, instructor, course):
    response = as_user(instructor).post(
        new_url(course), form_data(CLEAN, action="save"), follow=True
    )
    assert Question.objects.filter(course=course).count() == 1
    assert "Question added to the bank." in response.text
    assert "The checker has advice" not in response.text


# --- the bank ------------------------------------------------------------------------------


@pytest.fixture
def bank(course) -> dict[str, Question]:
    return {
        "flawed": factories.QuestionFactory(course=course, **FLAWED),
        "negative": factories.QuestionFactory(course=course, **NEGATIVE),
        "clean": factories.QuestionFactory(course=course, **CLEAN),
    }


def test_it_lists_each_bank_questions_findings(as_user, instructor, course, bank):
    text = as_user(instructor).get(bank_url(course)).text
    assert "3 questions · 2 with item-writing flaws" in text
    assert text.count('<details class="flaws">') == 2
    assert "All of the above</strong>" in text and "Negative stem</strong>" in text
    assert text.count("No flaws found") == 1


def test_it_filters_the_bank_by_flaw_code(as_user, instructor, course, bank, htmx_headers):
    client = as_user(instructor)
    text = client.get(bank_url(course), {"flaw": "all-of-the-above"}).text
    assert FLAWED["prompt"] in text
    assert NEGATIVE["prompt"] not in text and CLEAN["prompt"] not in text
    assert '<option value="all-of-the-above" selected>All of the above (1)</option>' in text
    # The filter offers the flaws the bank has, and no others.
    assert '<option value="negative-stem">Negative stem (1)</option>' in text
    assert 'value="none-of-the-above"' not in text
    # htmx gets the results only, filtered the same way.
    fragment = client.get(bank_url(course), {"flaw": "negative-stem"}, **htmx_headers).text
    assert fragment.strip().startswith('<div id="bank-results">')
    assert NEGATIVE["prompt"] in fragment and FLAWED["prompt"] not in fragment


def test_it_filters_the_bank_by_any_flaw(as_user, instructor, course, bank):
    text = as_user(instructor).get(bank_url(course), {"flaw": "any"}).text
    assert FLAWED["prompt"] in text and NEGATIVE["prompt"] in text
    assert CLEAN["prompt"] not in text
    assert '<option value="any" selected>Any flaw</option>' in text


def test_it_ignores_an_unknown_flaw_code_in_the_bank_filter(as_user, instructor, course, bank):
    text = as_user(instructor).get(bank_url(course), {"flaw": "<script>"}).text
    assert "3 questions" in text and "&lt;script&gt;" not in text


def test_it_filters_by_a_flaw_no_question_has_any_more_to_an_empty_list(
    as_user, instructor, course, bank
):
    # A bookmarked filter for a flaw that was fixed since: nothing matches, and the select
    # still says which flaw is chosen.
    text = as_user(instructor).get(bank_url(course), {"flaw": "none-of-the-above"}).text
    assert "No questions match." in text
    assert '<option value="none-of-the-above" selected>None of the above (0)</option>' in text


def test_it_flags_a_question_repeating_an_earlier_one_in_the_bank(as_user, instructor, course):
    factories.QuestionFactory(course=course, **CLEAN)
    factories.QuestionFactory(course=course, **CLEAN)
    text = as_user(instructor).get(bank_url(course), {"flaw": "duplicate-question"}).text
    assert "1 question · 1 with item-writing flaws" in text


def test_the_bank_checks_every_question_in_a_fixed_number_of_queries(
    as_user, instructor, course, django_assert_max_num_queries
):
    concept = course.concepts.get()
    for n in range(30):
        spec = FLAWED if n % 2 else CLEAN
        question = factories.QuestionFactory(
            course=course, **(spec | {"prompt": f"{spec['prompt']} ({n} of 30)"})
        )
        question.concepts.add(concept)
    client = as_user(instructor)
    # The session, the user, the course, its staff check; the search with its concepts
    # and sentences (prefetched), the categories, every question for the checker, and the
    # concepts the bulk actions tag with.
    with django_assert_max_num_queries(10):
        response = client.get(bank_url(course), {"flaw": "any"})
    # (The numbered copies repeat each other, so most are flagged as duplicates too.)
    assert response.text.count('<details class="flaws">') >= 15


# --- the import preview --------------------------------------------------------------------

GIFT = """\
::Clean:: Which body led the Soviet trade unions? {=VTsSPS ~Gosplan ~Comintern ~Politburo}

::Flawed:: Which body ran the First Five-Year Plan? {~VTsSPS =Gosplan ~Comintern ~All of the above}
"""


def test_it_shows_each_questions_findings_with_its_line_in_the_import_preview(
    as_user, instructor, course
):
    upload = SimpleUploadedFile("q.gift", GIFT.encode())
    response = as_user(instructor).post(import_url(course), {"file": upload, "format": "gift"})
    text = response.text
    assert response.status_code == 200
    assert "1 of 2 questions has item-writing flaws: All of the above (1)." in text
    assert 'aria-label="Item-writing flaws in the question at line 3"' in text
    assert "An option is “All of the above”." in text
    assert 'aria-label="Item-writing flaws in the question at line 1"' not in text
    assert not course.questions.exists()


def test_it_imports_questions_with_findings(as_user, instructor, course):
    response = as_user(instructor).post(import_url(course), {"text": GIFT, "format": "gift"})
    assert response.status_code == 302
    assert course.questions.count() == 2


# --- the quiz preview ----------------------------------------------------------------------


def test_it_summarises_the_quizs_findings_and_lists_them_per_question(
    as_user, instructor, course, bank
):
    quiz = factories.quiz_with(course, [bank["clean"], bank["flawed"], bank["negative"]])
    text = as_user(instructor).get(preview_url(quiz)).text
    assert (
        "2 of 3 questions have item-writing flaws: All of the above (1), Negative stem (1)." in text
    )
    assert 'aria-label="Item-writing flaws in question 1"' not in text
    assert 'aria-label="Item-writing flaws in question 2"' in text
    assert 'aria-label="Item-writing flaws in question 3"' in text
    assert "The stem asks negatively (“NOT”)." in text


def test_it_says_a_quiz_of_clean_questions_has_no_findings(as_user, instructor, course, bank):
    quiz = factories.quiz_with(course, [bank["clean"]])
    text = as_user(instructor).get(preview_url(quiz)).text
    assert "No item-writing flaws found." in text and "tag-warning" not in text


def test_a_student_taking_the_quiz_sees_no_findings(as_user, student, course, bank):
    quiz = factories.quiz_with(course, [bank["flawed"]])
    client = as_user(student)
    client.post(reverse("quizzes:start", kwargs={"slug": course.slug, "quiz_id": quiz.pk}))
    attempt = quiz.attempts.get()
    text = client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})).text
    assert FLAWED["prompt"] in text
    assert "item-writing" not in text and "tag-warning" not in text


# --- who sees the advice -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_the_advice_to_the_courses_staff(
    as_user, request, course, bank, persona, status, htmx_headers
):
    client = as_user(request.getfixturevalue(persona))
    quiz = factories.quiz_with(course, [bank["flawed"]])
    upload = SimpleUploadedFile("q.gift", GIFT.encode())
    responses = [
        client.get(bank_url(course), {"flaw": "all-of-the-above"}),
        client.get(bank_url(course), {"flaw": "any"}, **htmx_headers),
        client.post(new_url(course), form_data(FLAWED), **htmx_headers),
        client.post(new_url(course), form_data(FLAWED, action="preview")),
        client.post(import_url(course), {"file": upload, "format": "gift"}),
        client.get(preview_url(quiz)),
    ]
    for response in responses:
        assert response.status_code == status
        assert "All of the above" not in response.text
    assert course.questions.count() == 3
