"""Editing and deleting one's own posts; instructors pin, endorse, hide and lock."""

from __future__ import annotations

import pytest

from course.discussions.models import Post
from course.progress.models import CourseProgress
from tests.discussions.conftest import post_action_url, prompt_action_url, thread_url

pytestmark = pytest.mark.django_db

STAFF_ONLY = [
    ("student", 403, False),
    ("other_student", 403, False),
    ("instructor", 302, True),
    ("other_instructor", 403, False),
    ("admin", 302, True),
    ("anonymous", 302, False),
]


# --- moderation: who may -----------------------------------------------------------------


POST_FLAGS = [("post-pin", "pinned"), ("post-endorse", "endorsed"), ("post-hide", "hidden")]


@pytest.mark.parametrize(("persona", "status", "changed"), STAFF_ONLY)
@pytest.mark.parametrize(("name", "flag"), POST_FLAGS)
def test_it_keeps_post_moderation_to_staff(
    as_user, request, classmate, prompt, post_factory, name, flag, persona, status, changed
):
    post = post_factory(prompt=prompt, author=classmate)
    response = as_user(request.getfixturevalue(persona)).post(
        post_action_url(name, post), {"value": "1"}
    )
    assert response.status_code == status
    post.refresh_from_db()
    assert getattr(post, flag) is changed
    if changed:
        assert response["Location"] == f"{thread_url(prompt)}#post-{post.pk}"


@pytest.mark.parametrize(("persona", "status", "changed"), STAFF_ONLY)
@pytest.mark.parametrize(
    ("name", "flag"), [("prompt-lock", "locked"), ("prompt-post-first", "post_first")]
)
def test_it_keeps_prompt_moderation_to_staff(
    as_user, request, prompt, name, flag, persona, status, changed
):
    response = as_user(request.getfixturevalue(persona)).post(
        prompt_action_url(name, prompt), {"value": "1"}
    )
    assert response.status_code == status
    prompt.refresh_from_db()
    assert getattr(prompt, flag) is changed


def test_it_undoes_a_flag_and_ignores_a_double_submit(
    as_user, instructor, classmate, prompt, post_factory
):
    post = post_factory(prompt=prompt, author=classmate)
    client = as_user(instructor)
    for _ in range(2):
        client.post(post_action_url("post-endorse", post), {"value": "1"})
    post.refresh_from_db()
    assert post.endorsed
    client.post(post_action_url("post-endorse", post), {"value": "0"})
    post.refresh_from_db()
    assert not post.endorsed


def test_it_refuses_a_flag_without_a_value(as_user, instructor, prompt):
    response = as_user(instructor).post(prompt_action_url("prompt-lock", prompt), {"value": "x"})
    assert response.status_code == 400
    prompt.refresh_from_db()
    assert not prompt.locked


# --- pin, endorse, hide ------------------------------------------------------------------


def test_it_lists_pinned_posts_first_newest_first(
    as_user, instructor, student, classmate, prompt, post_factory
):
    first = post_factory(prompt=prompt, author=classmate, body="First post.")
    second = post_factory(prompt=prompt, author=classmate, body="Second post.")
    third = post_factory(prompt=prompt, author=classmate, body="Third post.")
    fourth = post_factory(prompt=prompt, author=classmate, body="Fourth post.")
    client = as_user(instructor)
    client.post(post_action_url("post-pin", second), {"value": "1"})
    client.post(post_action_url("post-pin", fourth), {"value": "1"})
    text = as_user(student).get(thread_url(prompt)).text
    order = [text.index(p.body) for p in (fourth, second, first, third)]
    assert order == sorted(order)
    assert "Pinned" in text


def test_it_pins_only_top_level_posts(as_user, instructor, classmate, prompt, post_factory):
    post = post_factory(prompt=prompt, author=classmate)
    reply = post_factory(prompt=prompt, author=classmate, parent=post)
    response = as_user(instructor).post(post_action_url("post-pin", reply), {"value": "1"})
    assert response.status_code == 302
    reply.refresh_from_db()
    assert not reply.pinned


def test_it_returns_the_moderated_post_to_htmx(
    as_user, instructor, classmate, prompt, post_factory, htmx_headers
):
    post = post_factory(prompt=prompt, author=classmate, body="Good point.")
    response = as_user(instructor).post(
        post_action_url("post-endorse", post), {"value": "1"}, **htmx_headers
    )
    text = response.text.strip()
    assert text.startswith(f'<article id="post-{post.pk}"')
    assert "Endorsed by an instructor" in text


def test_it_returns_the_thread_to_htmx_after_pinning(
    as_user, instructor, classmate, prompt, post_factory, htmx_headers
):
    post = post_factory(prompt=prompt, author=classmate)
    response = as_user(instructor).post(
        post_action_url("post-pin", post), {"value": "1"}, **htmx_headers
    )
    assert response.text.strip().startswith('<div id="thread"')
    assert "Post pinned." in response.text


def test_it_shows_endorsements_to_students(as_user, student, classmate, prompt, post_factory):
    post_factory(prompt=prompt, author=classmate, endorsed=True)
    assert "Endorsed by an instructor" in as_user(student).get(thread_url(prompt)).text


def test_hiding_a_post_removes_it_for_students(
    as_user, instructor, student, classmate, prompt, post_factory
):
    post = post_factory(prompt=prompt, author=classmate, body="Spam spam spam.")
    as_user(instructor).post(post_action_url("post-hide", post), {"value": "1"})
    assert "Spam spam spam." not in as_user(student).get(thread_url(prompt)).text
    as_user(instructor).post(post_action_url("post-hide", post), {"value": "0"})
    assert "Spam spam spam." in as_user(student).get(thread_url(prompt)).text


# --- lock and post first -----------------------------------------------------------------


def test_a_locked_prompt_refuses_student_posts_replies_and_edits(
    as_user, student, classmate, prompt, post_factory
):
    post = post_factory(prompt=prompt, author=classmate)
    mine = post_factory(prompt=prompt, author=student, body="Before the lock.")
    prompt.locked = True
    prompt.save()
    client = as_user(student)
    assert client.post(prompt_action_url("post-create", prompt), {"body": "x"}).status_code == 403
    assert client.post(post_action_url("reply-create", post), {"body": "x"}).status_code == 403
    assert client.post(post_action_url("post-edit", mine), {"body": "x"}).status_code == 403
    assert Post.objects.count() == 2
    mine.refresh_from_db()
    assert mine.body == "Before the lock."
    text = client.get(thread_url(prompt)).text
    assert "This discussion is locked" in text
    assert 'name="body"' not in text  # no post or reply forms


def test_staff_may_still_post_in_a_locked_prompt(as_user, instructor, prompt):
    prompt.locked = True
    prompt.save()
    response = as_user(instructor).post(prompt_action_url("post-create", prompt), {"body": "Hi"})
    assert response.status_code == 302
    assert Post.objects.filter(author=instructor).exists()


def test_locking_returns_the_thread_to_htmx(as_user, instructor, prompt, htmx_headers):
    response = as_user(instructor).post(
        prompt_action_url("prompt-lock", prompt), {"value": "1"}, **htmx_headers
    )
    text = response.text.strip()
    assert text.startswith('<div id="thread"')
    assert "Discussion locked." in text and "Unlock discussion" in text


def test_post_first_can_be_turned_on_by_staff(
    as_user, instructor, student, classmate, prompt, post_factory
):
    post_factory(prompt=prompt, author=classmate, body="An early answer.")
    as_user(instructor).post(prompt_action_url("prompt-post-first", prompt), {"value": "1"})
    assert "An early answer." not in as_user(student).get(thread_url(prompt)).text


# --- editing -----------------------------------------------------------------------------


def test_it_lets_a_student_edit_their_own_post(as_user, student, prompt, post_factory):
    post = post_factory(prompt=prompt, author=student, body="Frist.")
    client = as_user(student)
    form = client.get(f"{thread_url(prompt)}?edit={post.pk}")
    assert form.status_code == 200
    assert 'id="edit-body"' in form.text and "Frist." in form.text
    response = client.post(post_action_url("post-edit", post), {"body": "First."})
    assert response["Location"] == f"{thread_url(prompt)}#post-{post.pk}"
    post.refresh_from_db()
    assert post.body == "First." and post.edited_at is not None
    assert "edited" in client.get(thread_url(prompt)).text


def test_it_gives_htmx_the_edit_form_in_place(
    as_user, student, classmate, prompt, post_factory, htmx_headers
):
    post = post_factory(prompt=prompt, author=classmate)
    reply = post_factory(prompt=prompt, author=student, parent=post, body="My reply.")
    client = as_user(student)
    text = client.get(f"{thread_url(prompt)}?edit={reply.pk}", **htmx_headers).text.strip()
    assert text.startswith(f'<article id="post-{post.pk}"')
    assert 'id="edit-body"' in text and "<html" not in text
    shown = client.get(f"{thread_url(prompt)}?show={reply.pk}", **htmx_headers).text
    assert 'id="edit-body"' not in shown and "My reply." in shown
    saved = client.post(post_action_url("post-edit", reply), {"body": "Better."}, **htmx_headers)
    assert saved.text.strip().startswith(f'<article id="post-{post.pk}"')
    assert "Better." in saved.text


@pytest.mark.parametrize("persona", ["student", "instructor", "admin"])
def test_it_refuses_to_edit_someone_elses_post(
    as_user, request, classmate, prompt, post_factory, persona
):
    post = post_factory(prompt=prompt, author=classmate, body="Theirs.")
    client = as_user(request.getfixturevalue(persona))
    assert client.get(f"{thread_url(prompt)}?edit={post.pk}").status_code == 403
    assert client.post(post_action_url("post-edit", post), {"body": "Mine!"}).status_code == 403
    post.refresh_from_db()
    assert post.body == "Theirs."


def test_it_refuses_an_empty_edit(as_user, student, prompt, post_factory, htmx_headers):
    post = post_factory(prompt=prompt, author=student, body="Kept.")
    client = as_user(student)
    response = client.post(post_action_url("post-edit", post), {"body": "  "})
    assert response.status_code == 400 and "This field is required." in response.text
    response = client.post(post_action_url("post-edit", post), {"body": ""}, **htmx_headers)
    assert response.status_code == 200 and 'id="edit-body"' in response.text
    post.refresh_from_db()
    assert post.body == "Kept."


# --- deleting ----------------------------------------------------------------------------


def test_it_deletes_a_post_without_replies(as_user, student, course, prompt, post_factory):
    client = as_user(student)
    client.post(prompt_action_url("post-create", prompt), {"body": "Oops."})
    assert CourseProgress.objects.get(user=student).prompts_joined == 1
    post = Post.objects.get()
    response = client.post(post_action_url("post-delete", post))
    assert response["Location"] == f"{thread_url(prompt)}#thread"
    assert not Post.objects.exists()
    assert CourseProgress.objects.get(user=student).prompts_joined == 0


def test_it_keeps_a_placeholder_for_a_deleted_post_with_replies(
    as_user, student, classmate, prompt, post_factory
):
    post = post_factory(prompt=prompt, author=student, body="Controversial.")
    reply = post_factory(prompt=prompt, author=classmate, parent=post, body="I disagree.")
    as_user(student).post(post_action_url("post-delete", post))
    post.refresh_from_db()
    assert post.deleted and post.body == "" and post.author is None
    text = as_user(classmate).get(thread_url(prompt)).text
    assert "This post was deleted." in text and "I disagree." in text
    assert "Controversial." not in text
    assert not Post.objects.filter(author=student).exists()  # no longer participation

    # The placeholder goes with its last reply.
    as_user(classmate).post(post_action_url("post-delete", reply))
    assert not Post.objects.exists()


def test_it_removes_a_deleted_post_from_the_page_with_htmx(
    as_user, student, prompt, post_factory, htmx_headers
):
    post = post_factory(prompt=prompt, author=student)
    response = as_user(student).post(post_action_url("post-delete", post), **htmx_headers)
    assert response.status_code == 200 and response.text == ""


@pytest.mark.parametrize("persona", ["student", "instructor", "admin"])
def test_it_refuses_to_delete_someone_elses_post(
    as_user, request, classmate, prompt, post_factory, persona
):
    post = post_factory(prompt=prompt, author=classmate)
    response = as_user(request.getfixturevalue(persona)).post(post_action_url("post-delete", post))
    assert response.status_code == 403
    assert Post.objects.filter(pk=post.pk, deleted=False).exists()


def test_it_refuses_to_reply_to_a_deleted_post(as_user, student, classmate, prompt, post_factory):
    post = post_factory(prompt=prompt, author=classmate)
    post_factory(prompt=prompt, author=student, parent=post)
    as_user(classmate).post(post_action_url("post-delete", post))
    response = as_user(student).post(post_action_url("reply-create", post), {"body": "Hello?"})
    assert response.status_code == 400
    assert Post.objects.filter(parent=post).count() == 1
