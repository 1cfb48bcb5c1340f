"""Nothing lost by a click: deleting and regenerating ask first, keep what they remove, and
Undo puts it back exactly; regenerating never overwrites an instructor's, an imported or a
used item, and offers a new draft beside it instead."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.urls import reverse

from course.authoring import services
from course.authoring.models import RemovedItem
from course.authoring.services import course_import_abstract
from course.catalog.models import Course
from course.discussions.models import Post, Prompt
from course.quizzes.attempts import attempt_start
from course.quizzes.models import Question, QuestionVersion, QuizQuestion
from tests import factories
from tests.authoring.htmx_dom import parse
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def generated(instructor) -> Course:
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    return course


def url(name: str, course: Course, **kwargs: int) -> str:
    return reverse(f"catalog:{name}", kwargs={"slug": course.slug, **kwargs})


def review(course: Course, tab: str = "questions") -> str:
    """The review page at a tab (the questions', unless said otherwise)."""
    return f"{url('review', course)}?tab={tab}"


def question_state(question: Question) -> dict[str, Any]:
    """Everything about a question that a restore must bring back."""
    question.refresh_from_db()
    return {
        "row": model_to_dict(question, exclude=["concepts", "sentences"]),
        "times": (question.created_at, question.updated_at),
        "concepts": sorted(question.concepts.values_list("pk", flat=True)),
        "sentences": sorted(question.sentences.values_list("pk", flat=True)),
        "slots": sorted(question.slots.values_list("pk", "quiz_id", "position", "points")),
        "versions": sorted(question.versions.values_list("pk", "number", "prompt")),
    }


# --- asking first --------------------------------------------------------------------


def test_it_asks_before_deleting_on_a_page_of_its_own_without_javascript(
    as_user, instructor, generated
):
    question = generated.questions.in_order().first()
    client = as_user(instructor)
    delete = url("question-delete", generated, question_id=question.pk)
    page = client.get(delete)
    assert page.status_code == 200
    assert "<html" in page.text
    dom = parse(page.text)
    heading = next(n for n in dom.elements() if n.tag == "h1" and "Delete" in n.text())
    assert heading.text() == f"Delete Q{question.pk}?"
    assert question.prompt in page.text
    form = next(n for n in dom.elements() if n.tag == "form" and n.attrs.get("action") == delete)
    assert form.attrs["method"] == "post" and "Delete" in form.text()
    cancel = next(n for n in dom.elements() if n.tag == "a" and n.text() == "Cancel")
    assert cancel.attrs["href"] == f"{review(generated)}#question-{question.pk}"
    assert Question.objects.filter(pk=question.pk).exists()  # asking deletes nothing

    done = client.post(delete)
    kept = RemovedItem.objects.get(course=generated, item_id=question.pk)
    assert done.status_code == 302
    assert done["Location"] == f"{review(generated, 'removed')}#removed-item-{kept.pk}"
    assert not Question.objects.filter(pk=question.pk).exists()
    after = parse(client.get(done["Location"]).text)
    entry = after.find(f"removed-item-{kept.pk}")
    assert entry is not None
    assert f"Deleted Q{question.pk}" in entry.text() and "Restore" in entry.text()


def test_it_asks_in_a_dialog_with_htmx(as_user, instructor, generated):
    question = generated.questions.in_order().first()
    response = as_user(instructor).get(
        url("question-delete", generated, question_id=question.pk), **HTMX
    )
    assert "HX-Request" in response["Vary"]
    dialog = parse(response.text).children
    dialog = [n for n in dialog if not isinstance(n, str)]
    assert [n.tag for n in dialog] == ["dialog"]
    assert {"open", "data-modal"} <= set(dialog[0].attrs)
    forms = [n for n in dialog[0].elements() if n.tag == "form"]
    confirm = next(f for f in forms if "hx-post" in f.attrs)
    assert confirm.attrs["hx-target"] == f"#question-{question.pk}"
    cancel = next(f for f in forms if f.attrs.get("method") == "dialog")  # closes, no script
    assert "autofocus" in next(n for n in cancel.elements() if n.tag == "button").attrs


@pytest.mark.parametrize("name", ["question-regenerate", "prompt-regenerate", "prompt-delete"])
def test_it_asks_before_regenerating_and_deleting_prompts_too(as_user, instructor, generated, name):
    kwargs = (
        {"question_id": generated.questions.replaceable().first().pk}
        if name.startswith("question")
        else {"prompt_id": generated.prompts.first().pk}
    )
    client = as_user(instructor)
    page = client.get(url(name, generated, **kwargs))
    assert page.status_code == 200
    verb = "Regenerate" if "regenerate" in name else "Delete"
    assert f'<button type="submit" class="button button-danger">{verb}</button>' in page.text
    assert "Cancel" in page.text
    assert client.get(url(name, generated, **kwargs), **HTMX).text.lstrip().startswith("<dialog")


def test_the_review_page_links_delete_and_regenerate_to_their_confirmation(
    as_user, instructor, generated
):
    question = generated.questions.replaceable().first()
    page = parse(as_user(instructor).get(review(generated)).text)
    card = page.find(f"question-{question.pk}")
    links = {n.text().split("…")[0]: n for n in card.elements() if n.tag == "a"}
    for verb, name in (("Delete", "question-delete"), ("Regenerate", "question-regenerate")):
        link = links[verb]
        assert link.attrs["href"] == link.attrs["hx-get"]  # works without JavaScript too
        assert link.attrs["href"] == url(name, generated, question_id=question.pk)
        assert link.attrs["hx-target"] == f"#question-{question.pk}-confirm"
    assert not [
        n for n in card.elements() if n.tag == "form" and "delete" in n.attrs.get("action", "")
    ]


# --- undo ------------------------------------------------------------------------------


def test_undo_restores_the_exact_deleted_question_with_its_quiz_slots(
    as_user, instructor, generated
):
    question = generated.questions.in_order().first()
    question.tags = ["kept"]
    question.save()
    first = factories.quiz_with(generated, [question], title="First")
    second = factories.quiz_with(generated, [], title="Second")
    QuizQuestion.objects.create(quiz=second, question=question, position=4, points=Decimal("2.5"))
    QuestionVersion.objects.create(
        question=question, number=1, type=question.type, prompt=question.prompt,
        options=question.options, answer=question.answer,
    )  # fmt: skip
    before = question_state(question)
    assert len(before["slots"]) == 2 and before["concepts"] and before["sentences"]
    client = as_user(instructor)
    client.post(url("question-delete", generated, question_id=question.pk))
    assert not Question.objects.filter(pk=question.pk).exists()
    assert not QuizQuestion.objects.filter(quiz__in=[first, second]).exists()

    kept = RemovedItem.objects.get(course=generated, item_id=question.pk)
    response = client.post(url("removed-item-restore", generated, removed_id=kept.pk))
    assert response["Location"] == f"{review(generated)}#question-{question.pk}"
    assert question_state(question) == before
    assert not RemovedItem.objects.filter(pk=kept.pk).exists()


def test_undo_with_htmx_brings_the_card_back_in_place(as_user, instructor, generated):
    question = generated.questions.in_order().first()
    client = as_user(instructor)
    deleted = client.post(url("question-delete", generated, question_id=question.pk), **HTMX)
    anchor = f"question-{question.pk}"
    # The card becomes a note with Undo, where the card was; the list of kept items grows.
    assert deleted.text.lstrip().startswith(
        f'<article class="review-item review-item-removed" id="{anchor}"'
    )
    # The tab counts change (the list of kept items is on the Removed text tab, not shown).
    assert 'id="review-tabs" hx-swap-oob="true"' in deleted.text
    assert 'id="removed-items"' not in deleted.text
    undo = next(
        n
        for n in parse(deleted.text).elements()
        if n.tag == "form" and n.attrs.get("hx-target") == f"#{anchor}"
    )
    restored = client.post(undo.attrs["hx-post"], **HTMX, HTTP_HX_TARGET=anchor)
    assert restored.text.lstrip().startswith(f'<article class="review-item" id="{anchor}"')
    assert "Restored" in restored.text
    assert Question.objects.filter(pk=question.pk).exists()


def test_undo_restores_a_deleted_prompt_with_its_posts(as_user, instructor, student, generated):
    prompt = generated.prompts.in_order().first()
    post = Post.objects.create(prompt=prompt, author=student, body="It was necessary.")
    reply = Post.objects.create(prompt=prompt, author=instructor, parent=post, body="Why?")
    fields = ("pk", "author_id", "parent_id", "body", "created_at")
    posts_before = sorted(prompt.posts.values_list(*fields))
    prompt_before = model_to_dict(prompt, exclude=["concepts", "sentences"])
    concepts = sorted(prompt.concepts.values_list("pk", flat=True))
    client = as_user(instructor)
    client.post(url("prompt-delete", generated, prompt_id=prompt.pk))
    assert not Post.objects.filter(pk__in=[post.pk, reply.pk]).exists()

    kept = RemovedItem.objects.get(course=generated, kind="prompt", item_id=prompt.pk)
    client.post(url("removed-item-restore", generated, removed_id=kept.pk))
    prompt = Prompt.objects.get(pk=prompt.pk)
    assert model_to_dict(prompt, exclude=["concepts", "sentences"]) == prompt_before
    assert sorted(prompt.concepts.values_list("pk", flat=True)) == concepts
    assert sorted(prompt.posts.values_list(*fields)) == posts_before


def test_regenerating_keeps_the_old_question_and_undo_restores_it(as_user, instructor, generated):
    client = as_user(instructor)
    # The first question the generator has a different one for (most of them).
    for question in generated.questions.replaceable().in_order():
        before = question_state(question)
        response = client.post(url("question-regenerate", generated, question_id=question.pk))
        assert response["Location"].endswith(f"#question-{question.pk}")
        kept = RemovedItem.objects.filter(course=generated, item_id=question.pk).first()
        if kept is not None:
            break
        assert question_state(question) == before  # nothing different: nothing changed
    else:
        raise AssertionError("no question of the reference abstract could be regenerated")
    assert kept.reason == RemovedItem.Reason.REPLACED
    regenerated = question_state(question)
    assert regenerated["row"]["prompt"] != before["row"]["prompt"]
    # The notice in the card offers Undo.
    card = parse(client.get(review(generated)).text).find(f"question-{question.pk}")
    assert "Regenerated" in card.text() and "Undo" in card.text()

    client.post(url("removed-item-restore", generated, removed_id=kept.pk))
    assert question_state(question) == before
    # What stood in its place is kept in turn: the restore can be undone too.
    again = RemovedItem.objects.get(course=generated, item_id=question.pk)
    assert again.reason == RemovedItem.Reason.REPLACED
    assert again.data[0]["fields"]["prompt"] == regenerated["row"]["prompt"]


def test_a_restored_question_leaves_out_what_has_gone_since(as_user, instructor, generated):
    question = generated.questions.in_order().first()
    quiz = factories.quiz_with(generated, [question])
    concept = question.concepts.first()
    kept = services.question_remove(question=question, by=instructor)
    quiz.delete()
    concept.delete()
    restored = services.removed_item_restore(item=kept, by=instructor)
    assert isinstance(restored, Question)
    assert not restored.slots.exists()
    assert concept.pk not in restored.concepts.values_list("pk", flat=True)


def test_it_restores_once(as_user, instructor, generated):
    question = generated.questions.in_order().first()
    pk = question.pk
    kept = services.question_remove(question=question, by=instructor)
    client = as_user(instructor)
    restore = url("removed-item-restore", generated, removed_id=kept.pk)
    assert client.post(restore).status_code == 302
    assert client.post(restore).status_code == 404  # a double click: already restored
    stale = client.post(restore, **HTMX)  # an Undo on a page that missed the restore
    assert stale.status_code == 200 and "restored already" in stale.text
    assert stale["HX-Retarget"] == "#removed-items"
    with pytest.raises(ValidationError):
        services.removed_item_restore(item=kept, by=instructor)
    assert Question.objects.filter(pk=pk).count() == 1


def test_it_keeps_nothing_when_a_delete_is_refused(as_user, instructor, course):
    student = factories.UserFactory(username="taker")
    factories.EnrollmentFactory(user=student, course=course)
    question = factories.QuestionFactory(course=course)
    attempt_start(quiz=factories.quiz_with(course, [question]), user=student)
    client = as_user(instructor)
    response = client.post(url("question-delete", course, question_id=question.pk), follow=True)
    assert "Students have answered this question" in response.text
    assert Question.objects.filter(pk=question.pk).exists()
    assert not RemovedItem.objects.exists()
    page = client.get(url("question-delete", course, question_id=question.pk))
    assert "Students have answered this question" in page.text
    assert ">Delete</button>" not in page.text  # nothing to confirm


# --- regenerate only what the generator wrote and nobody uses ---------------------------


def _imported(q: Question, **_: object) -> None:
    q.origin = Question.Origin.IMPORTED
    q.save()


def _authored(q: Question, **_: object) -> None:
    q.origin = Question.Origin.AUTHORED
    q.save()


def _in_a_quiz(q: Question, **_: object) -> None:
    factories.quiz_with(q.course, [q], title="Midterm")


HELD = {
    "imported": (_imported, "was imported"),
    "authored": (_authored, "An instructor wrote or edited"),
    "in a quiz": (_in_a_quiz, "The quiz “Midterm” uses this question"),
}


@pytest.mark.parametrize("case", HELD)
def test_it_never_regenerates_an_imported_authored_or_used_question(
    as_user, instructor, generated, case
):
    question = generated.questions.replaceable().in_order().first()
    hold, reason = HELD[case]
    hold(question)
    before = question_state(question)
    client = as_user(instructor)
    regenerate = url("question-regenerate", generated, question_id=question.pk)

    page = client.get(regenerate)
    assert page.status_code == 200 and reason in page.text
    copy = url("question-regenerate-copy", generated, question_id=question.pk)
    assert f'action="{copy}"' in page.text and "Duplicate and regenerate" in page.text

    plain = client.post(regenerate, follow=True)
    assert plain.status_code == 200
    card = parse(plain.text).find(f"question-{question.pk}")
    assert reason in card.text()
    htmx = client.post(regenerate, **HTMX)
    assert htmx.status_code == 200 and reason in htmx.text
    with pytest.raises(ValidationError, match=reason):
        services.question_replace(question=question, by=instructor)
    assert question_state(question) == before
    assert not RemovedItem.objects.exists()
    # Its card offers a new draft instead of Regenerate.
    review_card = parse(client.get(review(generated)).text).find(f"question-{question.pk}")
    assert "Duplicate and regenerate" in review_card.text()
    assert "Regenerate…" not in review_card.text()


def test_duplicate_and_regenerate_makes_a_new_draft_beside_the_question(
    as_user, instructor, generated
):
    client = as_user(instructor)
    for question in generated.questions.in_order():
        _authored(question)
        before = question_state(question)
        count = generated.questions.count()
        response = client.post(
            url("question-regenerate-copy", generated, question_id=question.pk), **HTMX
        )
        assert question_state(question) == before  # never touched
        if generated.questions.count() == count + 1:
            break
        assert "No different question" in response.text
    else:
        raise AssertionError("the generator made no new draft for any question")
    new = generated.questions.order_by("-pk").first()
    assert (new.status, new.origin) == (Question.Status.DRAFT, Question.Origin.GENERATED)
    order = list(generated.questions.in_order().values_list("pk", flat=True))
    assert order.index(new.pk) == order.index(question.pk) + 1
    # Both cards, the new one with the notice, in one answer that replaces the old card.
    old_card = response.text.index(f'id="question-{question.pk}"')
    new_card = response.text.index(f'id="question-{new.pk}"')
    assert old_card < new_card < response.text.index("Made Q")


@pytest.mark.parametrize("case", ["edited", "answered"])
def test_it_never_regenerates_an_edited_or_answered_prompt(
    as_user, instructor, student, generated, case
):
    prompt = generated.prompts.in_order().first()
    client = as_user(instructor)
    if case == "edited":
        client.post(url("prompt-update", generated, prompt_id=prompt.pk), {"text": "Discuss."})
    else:
        Post.objects.create(prompt=prompt, author=student, body="An answer.")
    prompt.refresh_from_db()
    text = prompt.text
    response = client.post(url("prompt-regenerate", generated, prompt_id=prompt.pk), follow=True)
    assert "so it is not replaced" in response.text
    prompt.refresh_from_db()
    assert prompt.text == text
    assert not RemovedItem.objects.exists()


# --- who may ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["student", "other_student", "other_instructor"])
def test_it_refuses_the_confirmations_and_undo_to_others(
    as_user, request, instructor, generated, persona
):
    question = generated.questions.in_order().first()
    prompt = generated.prompts.in_order().first()
    kept = services.question_remove(question=generated.questions.in_order().last(), by=instructor)
    client = as_user(request.getfixturevalue(persona))
    gets = [
        url("question-delete", generated, question_id=question.pk),
        url("question-regenerate", generated, question_id=question.pk),
        url("prompt-delete", generated, prompt_id=prompt.pk),
        url("prompt-regenerate", generated, prompt_id=prompt.pk),
    ]
    posts = [
        *gets,
        url("question-regenerate-copy", generated, question_id=question.pk),
        url("prompt-regenerate-copy", generated, prompt_id=prompt.pk),
        url("removed-item-restore", generated, removed_id=kept.pk),
    ]
    for address in gets:
        assert client.get(address).status_code == 404, address  # a draft: not even seen
    for address in posts:
        assert client.post(address).status_code == 404, address
    assert RemovedItem.objects.filter(pk=kept.pk).exists()
    assert Question.objects.filter(pk=question.pk).exists()
    assert Prompt.objects.filter(pk=prompt.pk).exists()


def test_the_services_check_who_asks(instructor, other_instructor, student, generated):
    question = generated.questions.in_order().first()
    prompt = generated.prompts.in_order().first()
    kept = services.question_remove(question=generated.questions.in_order().last(), by=instructor)
    calls = [
        (services.question_remove, {"question": question}),
        (services.question_replace, {"question": question}),
        (services.question_duplicate_regenerate, {"question": question}),
        (services.prompt_remove, {"prompt": prompt}),
        (services.prompt_replace, {"prompt": prompt}),
        (services.prompt_duplicate_regenerate, {"prompt": prompt}),
        (services.removed_item_restore, {"item": kept}),
    ]
    for someone in (other_instructor, student):
        for service, kwargs in calls:
            with pytest.raises(PermissionDenied):
                service(**kwargs, by=someone)
    assert Question.objects.filter(pk=question.pk).exists()
    assert RemovedItem.objects.filter(pk=kept.pk).exists()


def test_it_refuses_the_wrong_methods(as_user, instructor, generated):
    question = generated.questions.in_order().first()
    kept = services.question_remove(question=generated.questions.in_order().last(), by=instructor)
    client = as_user(instructor)
    assert client.get(url("removed-item-restore", generated, removed_id=kept.pk)).status_code == 405
    copy = url("question-regenerate-copy", generated, question_id=question.pk)
    assert client.get(copy).status_code == 405
    assert client.put(url("question-delete", generated, question_id=question.pk)).status_code == 405
