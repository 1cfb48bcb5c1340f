"""Instructor review: a new course from an abstract, the review page and its edits."""

from __future__ import annotations

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.authoring.services import course_import_abstract
from course.catalog.models import Course
from course.discussions.models import Prompt
from course.quizzes.models import Question
from tests import factories
from tests.generator.support import SEED, corpus_files, corpus_prose

pytestmark = pytest.mark.django_db

DEMO = SEED
NEW = reverse("catalog:new")


@pytest.fixture
def abstract() -> str:
    return DEMO.read_text(encoding="utf-8")


@pytest.fixture
def generated(instructor, abstract) -> Course:
    course, _ = course_import_abstract(text=abstract, instructors=[instructor])
    return course


def review_url(course: Course, **params: str) -> str:
    url = reverse("catalog:review", kwargs={"slug": course.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def action(name: str, course: Course, **kwargs: int) -> str:
    return reverse(f"catalog:{name}", kwargs={"slug": course.slug, **kwargs})


# --- new course ------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["instructor", "admin"])
def test_it_offers_the_new_course_form_to_instructors_and_admins(as_user, request, persona):
    response = as_user(request.getfixturevalue(persona)).get(NEW)
    assert response.status_code == 200
    assert 'name="token"' in response.text


def test_it_refuses_the_new_course_form_to_students(as_user, student):
    assert as_user(student).get(NEW).status_code == 403


def test_it_sends_anonymous_to_log_in_from_the_new_course_form(as_user, anonymous, db):
    assert as_user(anonymous).get(NEW)["Location"].startswith(reverse("login"))


def test_it_refuses_other_methods_on_the_new_course_form(as_user, instructor):
    assert as_user(instructor).put(NEW).status_code == 405


def test_it_makes_a_draft_from_pasted_text_and_opens_its_review(as_user, instructor, abstract):
    response = as_user(instructor).post(NEW, {"text": abstract, "token": uuid.uuid4()})
    course = Course.objects.get(creation_token__isnull=False)
    assert response["Location"] == review_url(course)
    assert course.status == Course.Status.DRAFT
    assert course.staff.filter(user=instructor).exists()
    assert course.sentences.count() == 12
    assert course.questions.count() > 0
    assert course.prompts.count() >= 3


def test_it_makes_a_draft_from_an_uploaded_file(as_user, instructor, abstract):
    upload = SimpleUploadedFile("abstract.txt", abstract.encode(), content_type="text/plain")
    response = as_user(instructor).post(
        NEW, {"file": upload, "title": "Uploaded", "token": uuid.uuid4()}
    )
    assert response.status_code == 302
    assert Course.objects.get(title="Uploaded").sentences.count() == 12


def test_it_makes_one_course_when_the_form_is_submitted_twice(as_user, instructor, abstract):
    client = as_user(instructor)
    data = {"text": abstract, "token": uuid.uuid4()}
    first = client.post(NEW, data)
    second = client.post(NEW, data)
    assert first["Location"] == second["Location"]
    assert Course.objects.filter(creation_token__isnull=False).count() == 1


BAD = {
    "empty": ({"text": ""}, "Paste an abstract or upload a .txt file."),
    "whitespace": ({"text": "   \n\n  "}, "Paste an abstract or upload a .txt file."),
    "labels only": ({"text": "Show more\nDownload PDF"}, "no sentences found"),
    "binary file": (
        {"file": SimpleUploadedFile("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00" * 50)},
        "binary",
    ),
    "huge file": ({"file": SimpleUploadedFile("x.txt", b"a" * 300_000)}, "too large"),
    "both": (
        {"text": "Some text here.", "file": SimpleUploadedFile("x.txt", b"Text.")},
        "not both",
    ),
}


@pytest.mark.parametrize("name", BAD)
def test_it_explains_bad_input_and_writes_nothing(as_user, instructor, name):
    data, message = BAD[name]
    response = as_user(instructor).post(NEW, {**data, "token": uuid.uuid4()})
    assert response.status_code == 200
    assert message.lower() in response.text.lower()
    assert not Course.objects.filter(creation_token__isnull=False).exists()


def test_it_rejects_a_forged_token(as_user, instructor, abstract):
    response = as_user(instructor).post(NEW, {"text": abstract, "token": "not-a-uuid"})
    assert response.status_code == 200
    assert not Course.objects.filter(creation_token__isnull=False).exists()


# --- the review page -------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["instructor", "admin"])
def test_it_shows_the_draft_beside_the_cleaned_abstract(as_user, request, generated, persona):
    client = as_user(request.getfixturevalue(persona))
    text = client.get(review_url(generated)).text
    assert "The cleaned abstract" in text
    assert text.count('id="sentence-') == 12
    for lesson in generated.lessons.all():  # the first tab: the lessons
        assert f'id="lesson-{lesson.pk}"' in text
    questions = client.get(review_url(generated, tab="questions")).text
    for question in generated.questions.all():
        assert f'id="question-{question.pk}"' in questions
        # The coverage map (on every tab) links to it, in its tab.
        assert f'href="{review_url(generated, tab="questions")}#question-{question.pk}"' in text
    removed = client.get(review_url(generated, tab="removed")).text
    assert "navigation" in removed and "duplicate" in removed


@pytest.mark.parametrize("persona", ["student", "other_student", "other_instructor", "anonymous"])
def test_it_hides_the_review_of_a_draft(as_user, request, generated, persona):
    response = as_user(request.getfixturevalue(persona)).get(review_url(generated))
    assert response.status_code in {302, 404}
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


def test_it_forbids_the_review_of_a_published_course_to_its_students(as_user, student, course):
    assert as_user(student).get(review_url(course)).status_code == 403


def test_it_refuses_post_on_the_review_page(as_user, instructor, generated):
    assert as_user(instructor).post(review_url(generated)).status_code == 405


def test_it_renders_the_review_in_constant_queries(
    as_user, admin, generated, django_assert_max_num_queries
):
    corpus = corpus_files()
    # A course several times the size of the reference one.
    text = "\n\n".join(corpus_prose(corpus))
    bigger, _ = course_import_abstract(text=text, title="Bigger")
    assert bigger.sentences.count() > 3 * generated.sentences.count()
    client = as_user(admin)
    client.get(review_url(generated))
    with CaptureQueriesContext(connection) as small:
        client.get(review_url(generated))
    # The first tab (lessons): session, user, course, may see it? may edit it? (both ask
    # whether it exists, for an admin), sentences + 3 prefetches, lessons, concepts with
    # question counts + 1 prefetch, the questions by type, the prompts and the kept items
    # counted. Each tab's own queries: tests/authoring/test_review_tabs.py.
    with django_assert_max_num_queries(15):
        client.get(review_url(bigger))
    with CaptureQueriesContext(connection) as big:
        client.get(review_url(bigger))
    assert len(big) == len(small)


def test_it_returns_one_row_in_edit_mode_to_htmx(as_user, instructor, generated, htmx_headers):
    question = generated.questions.first()
    response = as_user(instructor).get(
        review_url(generated, edit=f"question-{question.pk}"), **htmx_headers
    )
    text = response.text.strip()
    assert text.startswith(f'<article class="review-item" id="question-{question.pk}"')
    assert "<html" not in text
    assert "Save question" in text


def test_it_shows_the_edit_form_without_javascript(as_user, instructor, generated):
    lesson = generated.lessons.first()
    text = as_user(instructor).get(review_url(generated, edit=f"lesson-{lesson.pk}")).text
    assert "<html" in text
    assert "Save lesson" in text


# --- lessons ---------------------------------------------------------------------------


def test_it_saves_an_edited_lesson(as_user, instructor, generated):
    lesson = generated.lessons.first()
    response = as_user(instructor).post(
        action("lesson-update", generated, lesson_id=lesson.pk),
        {"title": "Why unions?", "objective": "Say why.", "body": "New **body**."},
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert (lesson.title, lesson.objective, lesson.body) == (
        "Why unions?",
        "Say why.",
        "New **body**.",
    )


def test_it_keeps_an_invalid_lesson_edit_on_the_page(as_user, instructor, generated, htmx_headers):
    lesson = generated.lessons.first()
    url = action("lesson-update", generated, lesson_id=lesson.pk)
    client = as_user(instructor)
    plain = client.post(url, {"title": "", "body": "x"})
    assert plain.status_code == 400
    assert "This field is required" in plain.text
    htmx = client.post(url, {"title": "", "body": "x"}, **htmx_headers)
    assert htmx.text.strip().startswith('<article class="review-item"')
    lesson.refresh_from_db()
    assert lesson.title


@pytest.mark.parametrize("persona", ["other_instructor", "student"])
def test_it_refuses_lesson_edits_to_others(as_user, request, generated, persona):
    lesson = generated.lessons.first()
    response = as_user(request.getfixturevalue(persona)).post(
        action("lesson-update", generated, lesson_id=lesson.pk), {"title": "x", "body": "y"}
    )
    assert response.status_code == 404
    lesson.refresh_from_db()
    assert lesson.title != "x"


def test_it_refuses_get_on_lesson_edits(as_user, instructor, generated):
    lesson = generated.lessons.first()
    for name in ["lesson-update", "lesson-move", "lesson-merge", "lesson-split"]:
        response = as_user(instructor).get(action(name, generated, lesson_id=lesson.pk))
        assert response.status_code == 405, name


def titles(course: Course) -> list[str]:
    return list(course.lessons.in_order().values_list("title", flat=True))


def test_it_moves_a_lesson(as_user, instructor, generated):
    before = titles(generated)
    second = generated.lessons.in_order()[1]
    as_user(instructor).post(
        action("lesson-move", generated, lesson_id=second.pk), {"direction": "up"}
    )
    assert titles(generated) == [before[1], before[0], *before[2:]]


def test_it_merges_a_lesson_with_the_next_keeping_every_sentence(as_user, instructor, generated):
    first, second = generated.lessons.in_order()[:2]
    count = generated.lessons.count()
    second_sentences = set(second.sentences.values_list("pk", flat=True))
    as_user(instructor).post(action("lesson-merge", generated, lesson_id=first.pk))
    assert generated.lessons.count() == count - 1
    assert second_sentences <= set(first.sentences.values_list("pk", flat=True))
    assert list(generated.lessons.in_order().values_list("position", flat=True)) == list(
        range(1, count)
    )
    assert not generated.sentences.filter(lesson__isnull=True).exists()


def test_it_splits_a_lesson_at_a_sentence(as_user, instructor, generated):
    lesson = generated.lessons.in_order().first()
    sentences = list(lesson.sentences.order_by("position"))
    count = generated.lessons.count()
    as_user(instructor).post(
        action("lesson-split", generated, lesson_id=lesson.pk),
        {"at_sentence": sentences[1].position},
    )
    assert generated.lessons.count() == count + 1
    new = generated.lessons.in_order()[1]
    assert list(new.sentences.order_by("position")) == sentences[1:]
    assert sentences[1].text in new.body
    lesson.refresh_from_db()
    assert sentences[1].text not in lesson.body


def test_it_says_why_a_split_is_impossible(as_user, instructor, generated):
    lesson = generated.lessons.in_order().first()
    first = lesson.sentences.order_by("position").first()
    response = as_user(instructor).post(
        action("lesson-split", generated, lesson_id=lesson.pk),
        {"at_sentence": first.position},
        follow=True,
    )
    assert "Choose one of this lesson" in response.text


def test_it_refuses_structural_edits_once_published(as_user, instructor, generated):
    generated.publish()
    lesson = generated.lessons.in_order().first()
    before = titles(generated)
    response = as_user(instructor).post(
        action("lesson-merge", generated, lesson_id=lesson.pk), follow=True
    )
    assert "cannot be reordered, merged or split" in response.text
    assert titles(generated) == before


def test_it_returns_the_lesson_list_and_what_it_changed_to_htmx_after_a_move(
    as_user, instructor, generated, htmx_headers
):
    lesson = generated.lessons.in_order()[1]
    # Sent from the Questions tab (the lessons' card can be there only after a tab switch
    # in another window; any tab's page has its own out-of-band regions).
    current = "http://testserver" + review_url(generated, tab="questions")
    response = as_user(instructor).post(
        action("lesson-move", generated, lesson_id=lesson.pk),
        {"direction": "up"},
        **htmx_headers,
        HTTP_HX_CURRENT_URL=current,
    )
    text = response.text.strip()
    assert text.startswith('<div id="lesson-list"')
    assert 'id="review-region"' not in text
    # The notice is in the moved lesson's card, focused there.
    card = text.split(f'id="lesson-{lesson.pk}"', 1)[1].split("</article>", 1)[0]
    assert "Moved" in card and "autofocus" in card
    # Lesson numbers show in the coverage map and on questions: out of band, those on the
    # tab the page shows (not the prompts: their tab is not shown).
    for region in ("coverage", "question-list", "review-summary", "review-tabs"):
        assert f'id="{region}" hx-swap-oob="true"' in text, region
    assert 'id="prompt-list"' not in text


# --- concepts --------------------------------------------------------------------------


def test_it_adds_a_missed_concept_with_questions(as_user, instructor, generated):
    generated.concepts.filter(term__iexact="factory committees").delete()
    response = as_user(instructor).post(
        action("concept-add", generated), {"term": "factory committees", "definition": ""}
    )
    assert response.status_code == 302
    concept = generated.concepts.get(term__iexact="factory committees")
    assert concept.sentences.exists()
    assert concept.questions.exists()


def test_it_refuses_a_concept_the_text_does_not_contain(as_user, instructor, generated):
    response = as_user(instructor).post(
        action("concept-add", generated), {"term": "quantum gravity"}
    )
    assert response.status_code == 400
    assert "does not occur in the text" in response.text
    assert not generated.concepts.filter(term="quantum gravity").exists()


def test_it_refuses_a_concept_already_in_the_glossary(as_user, instructor, generated):
    term = generated.concepts.first().term
    response = as_user(instructor).post(action("concept-add", generated), {"term": term.upper()})
    assert "already in the glossary" in response.text


# --- questions -------------------------------------------------------------------------


#: Questions of each type an instructor could have written into the course's bank, for the
#: types the generator did not make from this abstract (it makes fewer, surer items).
WRITTEN = {
    "matching": {
        "prompt": "Match each term with its description.",
        "options": ["a plan", "a faction", "an era"],
        "answer": [["FFYP", "a plan"], ["Right opposition", "a faction"], ["NEP", "an era"]],
    },
    "ordering": {
        "prompt": "Put these in the order the text gives them.",
        "options": ["second", "third", "first"],
        "answer": ["first", "second", "third"],
    },
}


def question_of(course: Course, type_: str) -> Question:
    """A question of this type in the course: a generated one, or one written by hand."""
    question = course.questions.filter(type=type_).first()
    if question is None:
        question = factories.QuestionFactory(
            course=course, type=type_, origin=Question.Origin.AUTHORED, **WRITTEN[type_]
        )
    return question


def test_it_saves_an_edited_single_choice_question(as_user, instructor, generated):
    question = question_of(generated, "single_choice")
    response = as_user(instructor).post(
        action("question-update", generated, question_id=question.pk),
        {"prompt": "Which one?", "options": "A\nB\nC", "answer": "B", "explanation": "Because."},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.prompt, question.options, question.answer) == (
        "Which one?",
        ["A", "B", "C"],
        "B",
    )
    assert question.origin == Question.Origin.AUTHORED


@pytest.mark.parametrize(
    ("type_", "data", "error"),
    [
        ("single_choice", {"options": "A\nB", "answer": "C"}, "Not among the options"),
        ("cloze", {"prompt": "No blank here", "answer": "x"}, "Mark the blank"),
        ("true_false", {"answer": "maybe"}, "Write true or false"),
        ("matching", {"answer": "a = b\nno pair"}, "Write “left = right”"),
        ("ordering", {"answer": "only one"}, "at least two different items"),
    ],
)
def test_it_explains_an_invalid_question_edit(as_user, instructor, generated, type_, data, error):
    question = question_of(generated, type_)
    before = (question.prompt, question.answer)
    payload = {"prompt": "A question _____ here?", "options": "", "explanation": "", **data}
    response = as_user(instructor).post(
        action("question-update", generated, question_id=question.pk), payload
    )
    assert response.status_code == 400
    assert error in response.text
    question.refresh_from_db()
    assert (question.prompt, question.answer) == before


def test_it_shuffles_ordering_options_when_an_order_is_saved(as_user, instructor, generated):
    question = question_of(generated, "ordering")
    as_user(instructor).post(
        action("question-update", generated, question_id=question.pk),
        {
            "prompt": "Put in order",
            "answer": "first\nsecond\nthird",
            "options": "",
            "explanation": "",
        },
    )
    question.refresh_from_db()
    assert question.answer == ["first", "second", "third"]
    assert sorted(question.options) == sorted(question.answer)
    assert question.options != question.answer


def test_it_accepts_deletes_and_regenerates_questions(as_user, instructor, generated):
    client = as_user(instructor)
    first, second = generated.questions.in_order()[:2]
    client.post(action("question-accept", generated, question_id=first.pk))
    first.refresh_from_db()
    assert first.status == Question.Status.ACCEPTED
    client.post(action("question-delete", generated, question_id=first.pk))
    assert not Question.objects.filter(pk=first.pk).exists()
    before = second.prompt
    response = client.post(
        action("question-regenerate", generated, question_id=second.pk), follow=True
    )
    second.refresh_from_db()
    assert second.prompt != before or "No different question" in response.text


@pytest.mark.parametrize("persona", ["other_instructor", "student", "other_student"])
def test_it_refuses_question_changes_to_others(as_user, request, generated, persona):
    question = generated.questions.first()
    client = as_user(request.getfixturevalue(persona))
    for name in ["question-update", "question-accept", "question-delete", "question-regenerate"]:
        response = client.post(action(name, generated, question_id=question.pk), {"prompt": "x"})
        assert response.status_code == 404, name
    assert Question.objects.filter(pk=question.pk, status=Question.Status.DRAFT).exists()


def test_it_404s_a_question_of_another_course(as_user, instructor, generated, abstract):
    other, _ = course_import_abstract(text=abstract)
    question = other.questions.first()
    url = action("question-delete", generated, question_id=question.pk)
    assert as_user(instructor).post(url).status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()


# --- prompts ---------------------------------------------------------------------------


def test_it_edits_deletes_and_regenerates_prompts(as_user, instructor, generated):
    client = as_user(instructor)
    first, second = generated.prompts.in_order()[:2]
    client.post(action("prompt-update", generated, prompt_id=first.pk), {"text": "Discuss this."})
    first.refresh_from_db()
    assert first.text == "Discuss this."
    client.post(action("prompt-delete", generated, prompt_id=first.pk))
    assert not Prompt.objects.filter(pk=first.pk).exists()
    response = client.post(action("prompt-regenerate", generated, prompt_id=second.pk), follow=True)
    assert response.status_code == 200


def test_it_refuses_an_empty_prompt(as_user, instructor, generated):
    prompt = generated.prompts.first()
    response = as_user(instructor).post(
        action("prompt-update", generated, prompt_id=prompt.pk), {"text": ""}
    )
    assert response.status_code == 400
    prompt.refresh_from_db()
    assert prompt.text


@pytest.mark.parametrize("persona", ["other_instructor", "student"])
def test_it_refuses_prompt_changes_to_others(as_user, request, generated, persona):
    prompt = generated.prompts.first()
    client = as_user(request.getfixturevalue(persona))
    for name in ["prompt-update", "prompt-delete", "prompt-regenerate"]:
        assert (
            client.post(action(name, generated, prompt_id=prompt.pk), {"text": "x"}).status_code
            == 404
        )
    assert Prompt.objects.filter(pk=prompt.pk).exists()


# --- the flaw checker on the review page -----------------------------------------------


def test_it_flags_a_flawed_question_on_the_review_page(as_user, instructor, generated):
    question = generated.questions.filter(type="true_false").first()
    question.prompt = "True or false? They were not dual axes for the encouragement of workers."
    question.answer = False
    question.save()
    page = as_user(instructor).get(review_url(generated, tab="questions")).text
    row = page.split(f'id="question-{question.pk}"', 1)[1].split("</article>", 1)[0]
    assert "Check before giving it to students" in row
    assert "well-formed" in row  # the stem opens with an unresolved "They"


def test_it_flags_the_row_it_returns_to_htmx(as_user, instructor, generated):
    question = generated.questions.filter(type="true_false").first()
    question.prompt = "True or false? They were not dual axes for the encouragement of workers."
    question.save()
    response = as_user(instructor).get(
        review_url(generated, show=f"question-{question.pk}"), HTTP_HX_REQUEST="true"
    )
    assert "Check before giving it to students" in response.text


# --- drafting more questions -----------------------------------------------------------


def test_it_drafts_more_questions_marked_lower_confidence(as_user, instructor, generated):
    before = set(generated.questions.values_list("prompt", flat=True))
    response = as_user(instructor).post(action("questions-more", generated), follow=True)
    assert response.status_code == 200
    made = generated.questions.exclude(prompt__in=before)
    assert made.exists()
    assert all(q.status == Question.Status.DRAFT for q in made)
    assert all("lower confidence" in q.tags for q in made)
    assert "Lower confidence" in response.text


def test_it_drafts_nothing_twice(as_user, instructor, generated):
    client = as_user(instructor)
    client.post(action("questions-more", generated))
    client.post(action("questions-more", generated))
    prompts = list(generated.questions.values_list("type", "prompt"))
    assert len(prompts) == len(set(prompts))


@pytest.mark.parametrize("persona", ["student", "other_instructor"])
def test_it_refuses_more_questions_to_people_who_cannot_edit(as_user, request, generated, persona):
    count = generated.questions.count()
    response = as_user(request.getfixturevalue(persona)).post(action("questions-more", generated))
    assert response.status_code in {403, 404}
    assert generated.questions.count() == count


def test_it_refuses_get_on_more_questions(as_user, instructor, generated):
    assert as_user(instructor).get(action("questions-more", generated)).status_code == 405
