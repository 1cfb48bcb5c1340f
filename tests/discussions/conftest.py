"""A prompt in the shared course, posts, and URL helpers for the discussion tests."""

from __future__ import annotations

import factory
import pytest
from django.urls import reverse

from course.catalog.models import Course, Lesson
from course.discussions.models import Post, Prompt
from tests import factories


class PromptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prompt

    course = factory.SubFactory(factories.CourseFactory)
    text = factory.Sequence(lambda n: f"Discussion prompt {n}?")
    position = factory.Sequence(lambda n: n + 1)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    prompt = factory.SubFactory(PromptFactory)
    author = factory.SubFactory(factories.UserFactory)
    body = factory.Sequence(lambda n: f"Post number {n}.")


@pytest.fixture
def prompt(course: Course, lessons: list[Lesson]) -> Prompt:
    prompt = PromptFactory(
        course=course, lesson=lessons[0], text="Was the purge of the unions necessary?"
    )
    prompt.concepts.set(course.concepts.all())
    return prompt


@pytest.fixture
def classmate(course: Course):
    """Another enrolled student, whose posts `student` reads."""
    user = factories.UserFactory(username="classmate")
    factories.EnrollmentFactory(user=user, course=course)
    return user


@pytest.fixture
def post_factory():
    return PostFactory


@pytest.fixture
def prompt_factory():
    return PromptFactory


def index_url(course: Course) -> str:
    return reverse("discussions:index", kwargs={"slug": course.slug})


def thread_url(prompt: Prompt) -> str:
    return reverse(
        "discussions:thread", kwargs={"slug": prompt.course.slug, "prompt_id": prompt.pk}
    )


def prompt_action_url(name: str, prompt: Prompt) -> str:
    return reverse(
        f"discussions:{name}", kwargs={"slug": prompt.course.slug, "prompt_id": prompt.pk}
    )


def post_action_url(name: str, post: Post) -> str:
    return reverse(
        f"discussions:{name}",
        kwargs={"slug": post.prompt.course.slug, "prompt_id": post.prompt_id, "post_id": post.pk},
    )
