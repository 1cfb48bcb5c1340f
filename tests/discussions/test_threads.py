"""Reading and writing threads: who may, what they see, htmx and no-JS paths, bad input."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from course.discussions.models import Post
from course.progress.models import CourseProgress
from tests import factories
from tests.discussions.conftest import (
    index_url,
    post_action_url,
    prompt_action_url,
    thread_url,
)

pytestmark = pytest.mark.django_db

READERS = [
    ("student", 200),
    ("other_student", 403),
    ("instructor", 200),
    ("other_instructor", 403),
    ("admin", 200),
    ("anonymous", 302),
]


# --- who may read ------------------------------------------------------------------------


@pytest.mark.parametrize(("persona", "status"), READERS)
def test_it_shows_the_course_discussions_to_its_members_only(
    as_user, request, course, prompt, persona, status
):
    response = as_user(request.getfixturevalue(persona)).get(index_url(course))
    assert response.status_code == status
    if status == 200:
        assert prompt.text in response.text
        assert "Lesson 1: Origins" in response.text


@pytest.mark.parametrize(("persona", "status"), READERS)
def test_it_shows_a_thread_to_the_courses_members_only(
    as_user, request, prompt, classmate, post_factory, persona, status
):
    post_factory(prompt=prompt, author=classmate, body="Unions lost their independence.")
    response = as_user(request.getfixturevalue(persona)).get(thread_url(prompt))
    assert response.status_code == status
    if status == 200:
        assert prompt.text in response.text
        assert "Unions lost their independence." in response.text
        assert "shock work" in response.text  # the prompt's concepts
    elif status == 302:
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("student", 404), ("other_student", 404), ("instructor", 200), ("admin", 200)],
)
def test_it_shows_a_draft_courses_threads_only_to_its_staff(
    as_user, request, draft_course, prompt_factory, persona, status
):
    user = request.getfixturevalue(persona)
    if persona == "student":
        factories.EnrollmentFactory(user=user, course=draft_course)
    draft_prompt = prompt_factory(course=draft_course)
    assert as_user(user).get(thread_url(draft_prompt)).status_code == status
    assert as_user(user).get(index_url(draft_course)).status_code == status


def test_it_404s_a_prompt_of_another_course(as_user, student, other_course, prompt_factory):
    elsewhere = prompt_factory(course=other_course)
    url = thread_url(elsewhere).replace(other_course.slug, "unions")
    assert as_user(student).get(url).status_code == 404


def test_it_lists_post_counts_and_whether_i_posted(
    as_user, student, classmate, course, prompt, prompt_factory, post_factory
):
    course_wide = prompt_factory(course=course, text="What did the Plan change?")
    post_factory(prompt=prompt, author=classmate)
    post_factory(prompt=prompt, author=student)
    post_factory(prompt=prompt, author=classmate, hidden=True)
    text = as_user(student).get(index_url(course)).text
    entry = text[text.index(f'id="prompt-{prompt.pk}"') :][:600]
    assert "2 posts" in entry and "You posted" in entry
    other = text[text.index(f'id="prompt-{course_wide.pk}"') :][:600]
    assert "0 posts" in other and "You posted" not in other
    assert "The whole course" in text


@pytest.mark.parametrize(
    "name", ["post-create", "prompt-lock", "prompt-post-first"], ids=lambda n: n
)
def test_it_refuses_get_on_prompt_post_endpoints(as_user, student, prompt, name):
    assert as_user(student).get(prompt_action_url(name, prompt)).status_code == 405


@pytest.mark.parametrize(
    "name", ["reply-create", "post-edit", "post-delete", "post-pin", "post-endorse", "post-hide"]
)
def test_it_refuses_get_on_post_endpoints(as_user, student, prompt, post_factory, name):
    post = post_factory(prompt=prompt, author=student)
    assert as_user(student).get(post_action_url(name, post)).status_code == 405


def test_it_refuses_post_on_the_pages(as_user, student, course, prompt):
    assert as_user(student).post(index_url(course)).status_code == 405
    assert as_user(student).post(thread_url(prompt)).status_code == 405


# --- posting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status", "stored"),
    [
        ("student", 302, True),
        ("other_student", 403, False),
        ("instructor", 302, True),
        ("other_instructor", 403, False),
        ("admin", 302, True),
        ("anonymous", 302, False),
    ],
)
def test_it_lets_members_post(as_user, request, prompt, persona, status, stored):
    response = as_user(request.getfixturevalue(persona)).post(
        prompt_action_url("post-create", prompt), {"body": "My *answer*."}
    )
    assert response.status_code == status
    assert Post.objects.filter(prompt=prompt).exists() == stored
    if stored:
        post = Post.objects.get()
        assert response["Location"] == f"{thread_url(prompt)}#post-{post.pk}"


def test_it_renders_a_post_as_markdown(as_user, student, prompt):
    client = as_user(student)
    client.post(prompt_action_url("post-create", prompt), {"body": "My *answer*."})
    assert "My <em>answer</em>." in client.get(thread_url(prompt)).text


def test_it_counts_posting_toward_progress(as_user, student, course, prompt, prompt_factory):
    course.completion_rule = course.Completion.ALL
    course.save()
    prompt_factory(course=course)
    client = as_user(student)
    client.post(prompt_action_url("post-create", prompt), {"body": "First."})
    client.post(prompt_action_url("post-create", prompt), {"body": "Second."})
    progress = CourseProgress.objects.get(user=student, course=course)
    assert progress.prompts_joined == 1
    assert progress.percent == 20  # 0 of 3 lessons, no quizzes, 1 of 2 prompts: 1 of 5


def test_it_keeps_no_progress_for_staff(as_user, instructor, prompt):
    as_user(instructor).post(prompt_action_url("post-create", prompt), {"body": "Welcome."})
    assert Post.objects.filter(author=instructor).exists()
    assert not CourseProgress.objects.filter(user=instructor).exists()


@pytest.mark.parametrize("body", ["", "   \n\t ", "\x00\x01", "x" * 10_001])
def test_it_refuses_an_empty_or_too_long_post(as_user, student, prompt, body):
    response = as_user(student).post(prompt_action_url("post-create", prompt), {"body": body})
    assert response.status_code == 400
    assert 'class="errorlist' in response.text
    assert not Post.objects.exists()


def test_it_accepts_a_post_of_exactly_the_limit(as_user, student, prompt):
    response = as_user(student).post(
        prompt_action_url("post-create", prompt), {"body": "x" * 10_000}
    )
    assert response.status_code == 302
    assert len(Post.objects.get().body) == 10_000


def test_it_returns_the_form_with_errors_to_htmx(as_user, student, prompt, htmx_headers):
    response = as_user(student).post(
        prompt_action_url("post-create", prompt), {"body": " "}, **htmx_headers
    )
    assert response.status_code == 200  # htmx swaps only 2xx responses
    text = response.text.strip()
    assert text.startswith('<section id="new-post"')
    assert "This field is required." in text
    assert not Post.objects.exists()


def test_it_ignores_a_double_submit(as_user, student, prompt):
    client = as_user(student)
    first = client.post(prompt_action_url("post-create", prompt), {"body": "Same thing."})
    second = client.post(prompt_action_url("post-create", prompt), {"body": "Same thing. "})
    assert Post.objects.count() == 1
    assert first["Location"] == second["Location"]
    client.post(prompt_action_url("post-create", prompt), {"body": "Something else."})
    assert Post.objects.count() == 2


def test_it_accepts_the_same_text_again_after_a_while(as_user, student, prompt, post_factory):
    old = post_factory(prompt=prompt, author=student, body="Same thing.")
    Post.objects.filter(pk=old.pk).update(created_at=old.created_at.replace(year=2020))
    as_user(student).post(prompt_action_url("post-create", prompt), {"body": "Same thing."})
    assert Post.objects.count() == 2


def test_it_returns_the_thread_region_to_htmx_after_posting(as_user, student, prompt, htmx_headers):
    response = as_user(student).post(
        prompt_action_url("post-create", prompt), {"body": "Via htmx."}, **htmx_headers
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#thread"
    text = response.text.strip()
    assert text.startswith('<div id="thread"')
    assert "Via htmx." in text and "<html" not in text


# --- replies -----------------------------------------------------------------------------


def test_it_lets_a_student_reply(as_user, student, classmate, prompt, post_factory):
    post = post_factory(prompt=prompt, author=classmate, body="A claim.")
    response = as_user(student).post(post_action_url("reply-create", post), {"body": "I agree."})
    reply = Post.objects.get(parent=post)
    assert reply.author == student
    assert response["Location"] == f"{thread_url(prompt)}#post-{reply.pk}"
    assert CourseProgress.objects.get(user=student).prompts_joined == 1


def test_it_returns_the_post_with_its_replies_to_htmx(
    as_user, student, classmate, prompt, post_factory, htmx_headers
):
    post = post_factory(prompt=prompt, author=classmate, body="A claim.")
    other = post_factory(prompt=prompt, author=classmate, body="Another claim.")
    response = as_user(student).post(
        post_action_url("reply-create", post), {"body": "I agree."}, **htmx_headers
    )
    text = response.text.strip()
    assert text.startswith(f'<article id="post-{post.pk}"')
    assert "A claim." in text and "I agree." in text
    assert other.body not in text


def test_it_keeps_replies_one_level_deep(as_user, student, classmate, prompt, post_factory):
    post = post_factory(prompt=prompt, author=classmate)
    reply = post_factory(prompt=prompt, author=classmate, parent=post)
    response = as_user(student).post(post_action_url("reply-create", reply), {"body": "Deeper"})
    assert response.status_code == 400
    assert "replies have no replies" in response.text
    assert not Post.objects.filter(parent=reply).exists()


def test_it_404s_a_reply_to_a_post_of_another_prompt(
    as_user, student, classmate, course, prompt, prompt_factory, post_factory
):
    elsewhere = post_factory(prompt=prompt_factory(course=course), author=classmate)
    url = post_action_url("reply-create", elsewhere).replace(
        f"/discussions/{elsewhere.prompt_id}/", f"/discussions/{prompt.pk}/"
    )
    assert as_user(student).post(url, {"body": "Forged."}).status_code == 404
    assert Post.objects.count() == 1


def test_it_404s_a_reply_to_a_hidden_post(as_user, student, classmate, prompt, post_factory):
    post = post_factory(prompt=prompt, author=classmate, hidden=True)
    response = as_user(student).post(post_action_url("reply-create", post), {"body": "Hi"})
    assert response.status_code == 404


def test_it_shows_reply_errors_in_place(as_user, student, classmate, prompt, post_factory):
    post = post_factory(prompt=prompt, author=classmate)
    response = as_user(student).post(post_action_url("reply-create", post), {"body": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.text


# --- XSS ---------------------------------------------------------------------------------

XSS = (
    "<script>alert('x')</script>\n\n"
    "[click](javascript:alert(1))\n\n"
    '<img src=x onerror="alert(2)">\n\n'
    "![img](x onerror=alert(3))"
)


def test_it_renders_scripts_and_handlers_inert(as_user, student, prompt, htmx_headers):
    client = as_user(student)
    client.post(prompt_action_url("post-create", prompt), {"body": XSS})
    for response in (
        client.get(thread_url(prompt)),
        client.get(f"{thread_url(prompt)}?show={Post.objects.get().pk}", **htmx_headers),
    ):
        body = re.search(r'<div class="post-body">(.*?)</div>', response.text, re.S).group(1)
        assert "&lt;script&gt;" in body  # shown as text
        assert "<script" not in body and "<img" not in body
        assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", body, re.I)
        assert not re.search(r"<[^>]+\son\w+\s*=", body)  # no event-handler attributes


# --- visibility --------------------------------------------------------------------------


def test_it_hides_hidden_posts_from_students_but_not_their_author(
    as_user, student, classmate, instructor, prompt, post_factory
):
    post_factory(prompt=prompt, author=classmate, body="Off-topic rant.", hidden=True)
    assert "Off-topic rant." not in as_user(student).get(thread_url(prompt)).text
    mine = as_user(classmate).get(thread_url(prompt)).text
    assert "Off-topic rant." in mine and "Hidden by an instructor" in mine
    staff = as_user(instructor).get(thread_url(prompt)).text
    assert "Off-topic rant." in staff and "Unhide" in staff


def test_it_hides_hidden_replies_from_students(as_user, student, classmate, prompt, post_factory):
    post = post_factory(prompt=prompt, author=student)
    post_factory(prompt=prompt, author=classmate, parent=post, body="Rude reply.", hidden=True)
    assert "Rude reply." not in as_user(student).get(thread_url(prompt)).text


def test_post_first_hides_others_until_the_student_posts(
    as_user, student, classmate, instructor, prompt, post_factory, htmx_headers
):
    prompt.post_first = True
    prompt.save()
    post = post_factory(prompt=prompt, author=classmate, body="The classmate's answer.")
    post_factory(prompt=prompt, author=classmate, parent=post, body="A reply to it.")
    client = as_user(student)
    responses = [
        client.get(thread_url(prompt)),
        client.get(f"{thread_url(prompt)}?page=1", **htmx_headers),
        client.get(f"{thread_url(prompt)}?page=2"),
    ]
    assert client.get(f"{thread_url(prompt)}?show={post.pk}").status_code == 404
    assert client.get(f"{thread_url(prompt)}?show={post.pk}", **htmx_headers).status_code == 404
    assert client.post(post_action_url("reply-create", post), {"body": "x"}).status_code == 404
    for response in responses:
        assert "The classmate's answer." not in response.text
        assert "A reply to it." not in response.text
    assert "Post your own answer first" in responses[0].text
    assert 'id="new-post"' in responses[0].text

    # Staff always see everything.
    assert "The classmate's answer." in as_user(instructor).get(thread_url(prompt)).text

    # Posting reveals the others, in the htmx response too.
    response = client.post(
        prompt_action_url("post-create", prompt), {"body": "My own answer."}, **htmx_headers
    )
    assert "The classmate's answer." in response.text and "My own answer." in response.text
    assert "The classmate's answer." in client.get(thread_url(prompt)).text


def test_post_first_hides_others_again_after_the_student_deletes_their_post(
    as_user, student, classmate, prompt, post_factory
):
    prompt.post_first = True
    prompt.save()
    post_factory(prompt=prompt, author=classmate, body="The classmate's answer.")
    mine = post_factory(prompt=prompt, author=student, body="Mine.")
    client = as_user(student)
    assert "The classmate's answer." in client.get(thread_url(prompt)).text
    client.post(post_action_url("post-delete", mine))
    assert "The classmate's answer." not in client.get(thread_url(prompt)).text


# --- paging ------------------------------------------------------------------------------


def _many_posts(prompt, authors, post_factory, count: int) -> list[Post]:
    posts = []
    for n in range(count):
        post = post_factory(prompt=prompt, author=authors[n % len(authors)], body=f"Post #{n}.")
        post_factory(prompt=prompt, author=authors[(n + 1) % len(authors)], parent=post)
        post_factory(prompt=prompt, author=authors[(n + 2) % len(authors)], parent=post)
        posts.append(post)
    return posts


def test_it_pages_twenty_top_level_posts_with_load_more(
    as_user, student, classmate, prompt, post_factory, htmx_headers
):
    _many_posts(prompt, [student, classmate], post_factory, 45)
    client = as_user(student)
    first = client.get(thread_url(prompt)).text
    assert "Post #0." in first and "Post #19." in first and "Post #20." not in first
    assert f'href="{thread_url(prompt)}?page=2#posts"' in first
    assert f'hx-get="{thread_url(prompt)}?page=2"' in first

    fragment = client.get(f"{thread_url(prompt)}?page=2", **htmx_headers).text.strip()
    assert fragment.startswith("<article id=")
    assert "Post #20." in fragment and "Post #39." in fragment and "Post #19." not in fragment
    assert "<html" not in fragment and 'id="thread"' not in fragment
    assert f'hx-get="{thread_url(prompt)}?page=3"' in fragment

    last = client.get(f"{thread_url(prompt)}?page=3", **htmx_headers).text
    assert "Post #44." in last and "Load more" not in last
    assert client.get(f"{thread_url(prompt)}?page=4", **htmx_headers).text == ""

    # Without JavaScript, ?page=N is a whole page with a link back.
    plain = client.get(f"{thread_url(prompt)}?page=2").text
    assert "<html" in plain and "Post #20." in plain and "Earlier posts" in plain


def test_it_redirects_to_the_page_of_a_new_post(as_user, student, classmate, prompt, post_factory):
    _many_posts(prompt, [classmate], post_factory, 25)
    response = as_user(student).post(prompt_action_url("post-create", prompt), {"body": "Late"})
    post = Post.objects.get(body="Late")
    assert response["Location"] == f"{thread_url(prompt)}?page=2#post-{post.pk}"


# --- query counts ------------------------------------------------------------------------


def test_the_thread_page_runs_a_fixed_number_of_queries(
    as_user, student, classmate, prompt, post_factory, django_assert_max_num_queries
):
    client = as_user(student)
    url = thread_url(prompt)
    post_factory(prompt=prompt, author=classmate)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    authors = [student, classmate, *factories.UserFactory.create_batch(8)]
    _many_posts(prompt, authors, post_factory, 60)
    # session, user, course, editable?, enrolled?, prompt with lesson, posted? (post
    # first), concepts, page count, page of posts with authors, their replies with authors
    with django_assert_max_num_queries(11):
        response = client.get(url)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as big:
        client.get(url)
    assert len(big) == len(small)


def test_the_thread_page_runs_a_fixed_number_of_queries_for_staff(
    as_user, instructor, classmate, prompt, post_factory, django_assert_max_num_queries
):
    _many_posts(prompt, [classmate, *factories.UserFactory.create_batch(5)], post_factory, 60)
    client = as_user(instructor)
    # as for a student, less "posted?": staff always see every post
    with django_assert_max_num_queries(10):
        response = client.get(thread_url(prompt))
    assert response.status_code == 200
    assert response.text.count('<li id="post-') == 40


def test_the_discussions_list_runs_a_fixed_number_of_queries(
    as_user, student, classmate, course, lessons, prompt, prompt_factory, post_factory,
    django_assert_max_num_queries,
):  # fmt: skip
    client = as_user(student)
    url = index_url(course)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(20):
        other = prompt_factory(course=course, lesson=lessons[n % 3] if n % 4 else None)
        _many_posts(other, [student, classmate], post_factory, 3)
    # session, user, course, editable?, enrolled?, prompts with lessons, counts and mine
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.text.count("You posted") == 20
    with CaptureQueriesContext(connection) as big:
        client.get(url)
    assert len(big) == len(small)


INVISIBLE = [
    "\u200b\u200c\u200d",  # zero-width space, non-joiner, joiner
    "\ufeff\u2060\u00ad",  # BOM, word joiner, soft hyphen
    "\u3164\u2800",  # a Hangul filler and the blank Braille pattern: letters that draw nothing
    " \u200b \u0301 ",  # a combining accent on nothing
]


@pytest.mark.parametrize("body", INVISIBLE)
def test_it_refuses_a_post_without_visible_text_and_counts_no_participation(
    as_user, student, prompt, body
):
    client = as_user(student)
    response = client.post(prompt_action_url("post-create", prompt), {"body": body})
    assert response.status_code == 400
    assert "Write something first" in response.text
    assert not Post.objects.exists()
    progress = CourseProgress.objects.filter(user=student).first()
    assert progress is None or progress.prompts_joined == 0


def test_it_refuses_an_edit_that_leaves_no_visible_text(as_user, student, prompt, post_factory):
    post = post_factory(prompt=prompt, author=student, body="My first thought.")
    response = as_user(student).post(post_action_url("post-edit", post), {"body": INVISIBLE[0]})
    assert response.status_code == 400
    post.refresh_from_db()
    assert post.body == "My first thought."


def test_it_strips_control_characters_from_a_post(as_user, student, prompt):
    body = "It was\x00 necessary\x07.\n\nFor the plan."
    response = as_user(student).post(prompt_action_url("post-create", prompt), {"body": body})
    assert response.status_code == 302
    assert Post.objects.get().body == "It was necessary.\n\nFor the plan."
