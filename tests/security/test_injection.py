"""What users type cannot run in others' browsers, send them elsewhere, or reach into a
course they do not teach."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from course.catalog.models import Course
from course.quizzes.models import Quiz
from tests import factories
from tests.security.conftest import World
from tests.security.support import client_for

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<script>alert('post')</script> "
    "<img src=x onerror=alert(1)> "
    "[click](javascript:alert(1)) "
    '<a href="javascript:alert(2)">x</a> '
    "<iframe src=//evil.example></iframe>"
)


def assert_inert(html: str) -> None:
    """No element the input could have made active (shown as text, it is harmless)."""
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        name = tag[1:].split(None, 1)[0].rstrip(">").lower()
        assert name not in {"iframe", "object", "embed"}, tag
        assert name != "script" or 'src="/static/' in tag, tag
        assert not re.search(r"\son[a-z]+\s*=", tag), tag
        assert "javascript:" not in tag.lower(), tag


def test_a_post_cannot_carry_script_to_its_readers(world: World) -> None:
    kwargs = {"slug": world.course.slug, "prompt_id": world.prompt.pk}
    student = client_for(world.users["student"])
    response = student.post(reverse("discussions:post-create", kwargs=kwargs), {"body": HOSTILE})
    assert response.status_code == 302
    page = client_for(world.users["instructor"]).get(reverse("discussions:thread", kwargs=kwargs))
    assert "&lt;script&gt;alert(" in page.text  # shown as text
    assert_inert(page.text)


def test_a_lesson_and_a_definition_cannot_carry_script(world: World) -> None:
    world.lesson.body = HOSTILE + " The shock work movement."
    world.lesson.save()
    concept = world.course.concepts.get()
    concept.definition = '"><script>alert("definition")</script>'
    concept.save()
    url = reverse(
        "catalog:lesson", kwargs={"slug": world.course.slug, "lesson_id": world.lesson.pk}
    )
    page = client_for(world.users["student"]).get(url)
    assert page.status_code == 200
    assert 'class="term"' in page.text  # the term was marked, with the definition escaped
    assert_inert(page.text)
    assert "&lt;script&gt;alert(&quot;definition&quot;)" in page.text


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_next_never_leaves_the_site(world: World, other_student, target: str) -> None:
    enroll = reverse("catalog:enroll", kwargs={"slug": world.course.slug})
    response = client_for(other_student).post(enroll, {"next": target})
    assert response["Location"] == world.course.get_absolute_url()
    login = client_for(world.users["anonymous"]).post(
        reverse("login") + f"?next={target}",
        {"username": other_student.username, "password": factories.PASSWORD},
    )
    assert login.status_code == 302
    assert login["Location"] == reverse("progress:dashboard")
    newcomer = client_for(world.users["anonymous"])
    newcomer.post(reverse("signup"), {"email": "newcomer@example.org", "next": target})
    (link,) = re.findall(r"http://testserver(/accounts/signup/finish/\S+/)", mail.outbox[-1].body)
    signup = newcomer.post(
        link,
        {
            "username": "newcomer",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            "next": target,  # a forged field: the link says where to go
        },
    )
    assert signup.status_code == 302
    assert signup["Location"] == reverse("catalog:index")


def test_a_quiz_cannot_take_questions_from_another_course(world: World) -> None:
    """A forged form naming another course's question: refused, nothing saved (the quiz
    preview would otherwise show that course's answer keys)."""
    other_course = Course.objects.get(slug="another")
    foreign = factories.QuestionFactory(course=other_course, explanation="EXPLAIN-foreign")
    url = reverse("quizzes:new", kwargs={"slug": world.course.slug})
    data = {
        "title": "Forged",
        "status": "published",
        "attempts_allowed": "1",
        "grading_method": "highest",
        "feedback_mode": "deferred",
        "reveal": "after_submit",
        "pass_mark": "50",
        "shuffle_options": "on",
        "questions": [str(world.questions[0].pk), str(foreign.pk)],
    }
    response = client_for(world.users["instructor"]).post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert not Quiz.objects.filter(title="Forged").exists()
    # The same form with this course's question only is accepted: the refusal was the
    # foreign question's.
    data["questions"] = [str(world.questions[0].pk)]
    assert client_for(world.users["instructor"]).post(url, data).status_code == 302
    assert Quiz.objects.filter(title="Forged").exists()
