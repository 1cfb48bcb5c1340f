"""Seed the benchmark's data through the real services and make signed-in sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ABSTRACT = Path(__file__).resolve().parents[2] / "course" / "catalog" / "demo" / "abstract.txt"
SLUG = "bench-course"


@dataclass
class Person:
    username: str
    cookie: str  # the Cookie header of a signed-in browser
    csrf: str
    attempt_id: int | None = None
    positions: list[int] = field(default_factory=list)


@dataclass
class World:
    slug: str
    lesson_path: str
    students: list[Person]
    instructor: Person


def _session_for(user: object) -> Person:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import CSRF_ALLOWED_CHARS
    from django.utils.crypto import get_random_string

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)  # type: ignore[attr-defined]
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()  # type: ignore[attr-defined]
    store.create()
    csrf = get_random_string(32, allowed_chars=CSRF_ALLOWED_CHARS)
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
    )
    return Person(username=user.username, cookie=cookie, csrf=csrf)  # type: ignore[attr-defined]


def seed(*, students: int, quiz_questions: int = 12) -> World:
    from django.contrib.auth.hashers import make_password

    from course.accounts.models import Enrollment, User
    from course.authoring.services import course_import_abstract
    from course.catalog.models import Course
    from course.catalog.services import course_staff_add
    from course.progress.services import progress_refresh
    from course.quizzes.attempts import attempt_start
    from course.quizzes.models import Quiz, QuizQuestion
    from course.quizzes.services import question_accept

    Course.objects.filter(slug=SLUG).delete()
    User.objects.filter(username__startswith="bench-").delete()
    course, _ = course_import_abstract(text=ABSTRACT.read_text(encoding="utf-8"), title="Bench")
    Course.objects.filter(pk=course.pk).update(slug=SLUG)
    course.refresh_from_db()
    course.publish()
    quiz = Quiz.objects.create(
        course=course, title="Bench quiz", status=Quiz.Status.PUBLISHED, attempts_allowed=0,
        feedback_mode=Quiz.Feedback.IMMEDIATE, reveal=Quiz.Reveal.AFTER_EACH,
    )  # fmt: skip
    # Reviewed, as an instructor does before students see them (drafts never reach one).
    for question in course.questions.all():
        question_accept(question=question)
    for position, question in enumerate(course.questions.in_order()[:quiz_questions], start=1):
        QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
    password = make_password(None)
    users = User.objects.bulk_create(
        User(username=f"bench-{n:05d}", email=f"bench-{n:05d}@example.org", password=password)
        for n in range(students)
    )
    Enrollment.objects.bulk_create(Enrollment(user=u, course=course) for u in users)
    people = []
    for user in users:
        progress_refresh(user_id=user.pk, course_id=course.pk)
        attempt = attempt_start(quiz=quiz, user=user)
        person = _session_for(user)
        person.attempt_id = attempt.pk
        person.positions = list(attempt.items.values_list("position", flat=True))
        people.append(person)
    teacher = User.objects.create(
        username="bench-instructor", email="bench-instructor@example.org", password=password
    )
    course_staff_add(course=course, user=teacher)
    lesson = course.lessons.in_order().first()
    return World(
        slug=course.slug,
        lesson_path=lesson.get_absolute_url(),
        students=people,
        instructor=_session_for(teacher),
    )
