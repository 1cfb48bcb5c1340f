"""One data set holding an example of every object a URL can name, and the six personas.

The permission matrix and the CSRF tests fill every URL parameter from `World.url_values`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from course.accounts.models import User
from course.authoring.models import GenerationJob, RemovedItem
from course.authoring.services import question_remove
from course.catalog.models import Course, Lesson
from course.discussions.models import Post, Prompt
from course.quizzes.attempts import attempt_answer, attempt_start, attempt_submit
from course.quizzes.models import Attempt, AttemptItem, Question, Quiz
from tests import factories
from tests.quizzes.conftest import QUESTIONS

PERSONAS = ("anonymous", "student", "other_student", "instructor", "other_instructor", "admin")


@dataclass(frozen=True)
class World:
    users: dict[str, User | AnonymousUser]
    course: Course
    lesson: Lesson
    questions: list[Question]
    quiz: Quiz  # the `quiz` of tests/quizzes: one question of every type, "EXPLAIN-*"
    attempt: Attempt  # the student's open attempt at `quiz`, nothing answered yet
    essay_item: AttemptItem  # the student's submitted essay, waiting to be graded
    prompt: Prompt
    post: Post  # the student's post under `prompt`
    removed: RemovedItem  # a deleted question, kept to be restored
    job: GenerationJob  # the instructor's course from a long paste, being generated

    def url_values(self) -> dict[str, object]:
        return {
            "slug": self.course.slug,
            "lesson_id": self.lesson.pk,
            "quiz_id": self.quiz.pk,
            "attempt_id": self.attempt.pk,
            "position": 1,
            "question_id": self.questions[0].pk,
            "prompt_id": self.prompt.pk,
            "post_id": self.post.pk,
            "removed_id": self.removed.pk,
            "job_id": self.job.pk,
            "item_id": self.essay_item.pk,
            "user_id": self.users["student"].pk,
            # A reset link that was never issued: the view must say so, not fail.
            "uidb64": "MTIzNDU2",
            "token": "bad-token-123",
        }


@pytest.fixture
def world(
    course: Course,
    lessons: list[Lesson],
    student: User,
    other_student: User,
    instructor: User,
    other_instructor: User,
    admin: User,
    anonymous: AnonymousUser,
) -> World:
    questions = [factories.QuestionFactory(course=course, **spec) for spec in QUESTIONS]
    quiz = factories.quiz_with(
        course, questions, attempts_allowed=2, feedback_mode="immediate", reveal="after_each"
    )
    attempt = attempt_start(quiz=quiz, user=student)

    essay = factories.QuestionFactory(
        course=course, type="essay", prompt="Was the purge necessary?", options=[], answer=None
    )
    essay_quiz = factories.quiz_with(course, [essay], title="Essay")
    essay_attempt = attempt_start(quiz=essay_quiz, user=student)
    attempt_answer(
        attempt=essay_attempt,
        position=1,
        data=QueryDict("answer=It+secured+the+line."),
        check=False,
    )
    attempt_submit(attempt=essay_attempt)

    prompt = Prompt.objects.create(
        course=course, lesson=lessons[0], text="Was the purge of the unions necessary?"
    )
    post = Post.objects.create(prompt=prompt, author=student, body="It was, for the plan.")
    removed = question_remove(
        question=factories.QuestionFactory(course=course, prompt="A question taken back."),
        by=instructor,
    )
    return World(
        users={
            "anonymous": anonymous,
            "student": student,
            "other_student": other_student,
            "instructor": instructor,
            "other_instructor": other_instructor,
            "admin": admin,
        },
        course=course,
        lesson=lessons[0],
        questions=questions,
        quiz=quiz,
        attempt=attempt,
        essay_item=essay_attempt.items.get(position=1),
        prompt=prompt,
        post=post,
        removed=removed,
        job=GenerationJob.objects.create(
            owner=instructor,
            token=uuid.uuid4(),
            source_text="A long paste.",
            status=GenerationJob.Status.RUNNING,
            stage="concepts",
            step=3,
        ),
    )


@pytest.fixture(autouse=True)
def _sessions_in_the_database(settings: pytest.FixtureRequest) -> None:
    # The matrix rolls each request back so every persona starts from the same state; a
    # session kept in Redis (REDIS_URL in CI) would survive the rollback of a log-out.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
