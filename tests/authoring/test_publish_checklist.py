"""Publishing past a checklist: what is unfinished is shown first, publishing anyway must be
asked for, and draft questions never reach a student."""

from __future__ import annotations

import pytest
from django.urls import reverse

from course.authoring import services
from course.authoring.selectors import PublishChecklist, publish_checklist
from course.catalog.models import Course
from course.quizzes.attempts import AttemptError, attempt_start
from course.quizzes.models import Question
from tests import factories

pytestmark = pytest.mark.django_db


def publish_url(course: Course) -> str:
    return reverse("catalog:publish", kwargs={"slug": course.slug})


@pytest.fixture
def finished(instructor) -> Course:
    """A draft with nothing unfinished: a lesson with a sentence, a core concept an accepted
    question in a published quiz tests."""
    course = factories.DraftCourseFactory(title="Finished", slug="finished")
    factories.CourseStaffFactory(course=course, user=instructor)
    lesson = factories.LessonFactory(course=course, position=1)
    sentence = factories.SourceSentenceFactory(course=course, position=0, lesson=lesson)
    concept = factories.ConceptFactory(course=course, term="norm", core=True)
    concept.sentences.add(sentence)
    question = factories.QuestionFactory(course=course)
    question.concepts.add(concept)
    factories.quiz_with(course, [question])
    return course


@pytest.fixture
def unfinished(finished: Course) -> Course:
    """One of each: a draft question, a core concept nothing tests, a lesson with no
    sentence, a quiz with no accepted question (its one question is a draft)."""
    factories.ConceptFactory(course=finished, term="plan", core=True)
    factories.ConceptFactory(course=finished, term="aside", core=False)
    factories.LessonFactory(course=finished, position=2, title="Added by hand")
    draft = factories.QuestionFactory(
        course=finished, prompt="Not yet reviewed?", status=Question.Status.DRAFT
    )
    factories.quiz_with(finished, [draft], title="Only drafts")
    return finished


# --- the selector ------------------------------------------------------------------------


def test_it_finds_nothing_unfinished_in_a_finished_course(finished):
    checklist = publish_checklist(finished)
    assert isinstance(checklist, PublishChecklist)
    assert checklist.is_empty
    assert checklist.unfinished == 0


def test_it_lists_each_kind_of_unfinished_thing(unfinished):
    checklist = publish_checklist(unfinished)
    assert [q.prompt for q in checklist.draft_questions] == ["Not yet reviewed?"]
    assert [c.term for c in checklist.untested_core_concepts] == ["plan"]
    assert [lesson.title for lesson in checklist.lessons_without_sentences] == ["Added by hand"]
    assert [quiz.title for quiz in checklist.empty_quizzes] == ["Only drafts"]
    assert checklist.unfinished == 4
    assert not checklist.is_empty


def test_it_counts_a_concept_tested_only_by_a_draft_or_an_unpublished_quiz_as_untested(
    finished,
):
    concept = finished.concepts.get(term="norm")
    Question.objects.filter(course=finished).update(status=Question.Status.DRAFT)
    assert concept in publish_checklist(finished).untested_core_concepts
    Question.objects.filter(course=finished).update(status=Question.Status.ACCEPTED)
    finished.quizzes.update(status="draft")
    assert concept in publish_checklist(finished).untested_core_concepts


def test_it_reads_the_checklist_in_five_queries_whatever_the_size(
    unfinished, django_assert_max_num_queries
):
    factories.grow_course(unfinished)
    factories.QuestionFactory.create_batch(20, course=unfinished, status=Question.Status.DRAFT)
    # Draft questions, untested core concepts, lessons without sentences, empty quizzes,
    # random slots (none here: their supply is not read).
    with django_assert_max_num_queries(5):
        publish_checklist(unfinished)


# --- the page ----------------------------------------------------------------------------


def test_it_shows_the_checklist_before_publishing(
    as_user, instructor, unfinished, django_assert_max_num_queries
):
    client = as_user(instructor)
    client.get(publish_url(unfinished))
    # Session, user, course, can_edit twice (the draft's visibility, then the editor
    # check), and the five lists of the checklist.
    with django_assert_max_num_queries(10):
        response = client.get(publish_url(unfinished))
    assert response.status_code == 200
    text = response.text
    assert "Draft questions not reviewed (1)" in text
    assert "Core concepts no published question tests (1)" in text
    assert "Lessons with no sentence of the abstract (1)" in text
    assert "Empty quizzes (1)" in text
    assert 'name="anyway"' in text
    assert "Publish anyway" in text


def test_it_offers_a_plain_publish_when_nothing_is_unfinished(as_user, instructor, finished):
    response = as_user(instructor).get(publish_url(finished))
    assert "Nothing is unfinished" in response.text
    assert "Publish anyway" not in response.text


def test_it_does_not_publish_a_forged_post_without_publish_anyway(as_user, instructor, unfinished):
    response = as_user(instructor).post(publish_url(unfinished))
    assert response.status_code == 302
    assert response["Location"] == publish_url(unfinished)
    unfinished.refresh_from_db()
    assert not unfinished.is_published


def test_it_publishes_anyway_when_asked(as_user, instructor, unfinished):
    response = as_user(instructor).post(publish_url(unfinished), {"anyway": "on"})
    assert response.status_code == 302
    unfinished.refresh_from_db()
    assert unfinished.is_published


def test_it_publishes_a_finished_course_without_asking_twice(as_user, instructor, finished):
    as_user(instructor).post(publish_url(finished))
    finished.refresh_from_db()
    assert finished.is_published


def test_it_refuses_in_the_service_too(instructor, unfinished):
    with pytest.raises(services.UnfinishedCourse) as refused:
        services.course_publish(course=unfinished, by=instructor)
    assert refused.value.checklist.unfinished == 4
    unfinished.refresh_from_db()
    assert not unfinished.is_published


@pytest.mark.parametrize(("persona", "status"), [("student", 404), ("other_instructor", 404)])
def test_it_shows_a_drafts_checklist_to_nobody_else(as_user, request, unfinished, persona, status):
    client = as_user(request.getfixturevalue(persona))
    assert client.get(publish_url(unfinished)).status_code == status
    assert client.post(publish_url(unfinished), {"anyway": "on"}).status_code == status
    unfinished.refresh_from_db()
    assert not unfinished.is_published


def test_it_refuses_put_on_publish(as_user, instructor, unfinished):
    assert as_user(instructor).put(publish_url(unfinished)).status_code == 405


# --- draft questions never reach a student -----------------------------------------------


def test_it_leaves_draft_questions_out_of_a_students_attempt(course, student):
    accepted = factories.QuestionFactory(course=course, prompt="Reviewed?")
    draft = factories.QuestionFactory(
        course=course, prompt="Still a draft?", status=Question.Status.DRAFT
    )
    quiz = factories.quiz_with(course, [draft, accepted])
    attempt = attempt_start(quiz=quiz, user=student)
    shown = [item.version.prompt for item in attempt.items.select_related("version")]
    assert shown == ["Reviewed?"]


def test_it_starts_no_attempt_at_a_quiz_of_drafts_only(course, student):
    draft = factories.QuestionFactory(course=course, status=Question.Status.DRAFT)
    quiz = factories.quiz_with(course, [draft])
    with pytest.raises(AttemptError):
        attempt_start(quiz=quiz, user=student)


def test_it_shows_a_student_no_draft_question_on_the_attempt_page(as_user, course, student):
    accepted = factories.QuestionFactory(course=course, prompt="Reviewed?")
    draft = factories.QuestionFactory(
        course=course, prompt="Still a draft?", status=Question.Status.DRAFT
    )
    quiz = factories.quiz_with(course, [accepted, draft])
    client = as_user(student)
    start = reverse("quizzes:start", kwargs={"slug": course.slug, "quiz_id": quiz.pk})
    page = client.get(client.post(start)["Location"])
    assert page.status_code == 200
    assert "Reviewed?" in page.text
    assert "Still a draft?" not in page.text
