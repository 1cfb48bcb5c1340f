"""manage.py load_demo: the demo course from the reference abstract, with demo people.

Idempotent: run it twice and nothing is duplicated. People with known passwords are made only
when DEBUG is on, so a production database never gets them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from course.accounts.models import User
from course.authoring.management.commands.import_abstract import import_file
from course.catalog.models import Course
from course.catalog.services import course_staff_add, enrollment_create
from course.progress.services import lesson_complete
from course.quizzes.models import Question, Quiz, QuizQuestion

# The reference abstract is the catalog's demo material (the generator's tests read it too).
DEMO_ABSTRACT = Path(__file__).resolve().parents[3] / "catalog" / "demo" / "abstract.txt"
DEMO_TITLE = "Soviet Trade Unions in the First Five-Year Plan"
DEMO_PASSWORD = "lectern-demo"  # noqa: S105 - demo only, refused when DEBUG is off

# (username, role, lessons completed)
DEMO_PEOPLE = [
    ("admin", "admin", 0),
    ("instructor", "instructor", 0),
    ("student", "student", 1),
    ("student2", "student", 2),
    ("student3", "student", 0),
]


def demo_quiz(course: Course) -> Quiz:
    """A published practice quiz: the first generated question of each type, accepted."""
    chosen: dict[str, Question] = {}
    for question in course.questions.in_order():
        chosen.setdefault(question.type, question)
    quiz = Quiz.objects.create(
        course=course,
        title="Check your understanding",
        description="One question of each kind, with instant feedback.",
        status=Quiz.Status.PUBLISHED,
        attempts_allowed=3,
    )
    for position, question in enumerate(chosen.values(), start=1):
        question.status = Question.Status.ACCEPTED
        question.save(update_fields=["status", "updated_at"])
        QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
    return quiz


class Command(BaseCommand):
    help = "Load the demo course (published) and, when DEBUG is on, the demo people."

    def handle(self, *args: Any, **options: Any) -> None:
        course = Course.objects.filter(title=DEMO_TITLE).first()
        if course is None:
            course, _ = import_file(DEMO_ABSTRACT, title=DEMO_TITLE)
            course.publish()
            demo_quiz(course)
            self.stdout.write(f"Created the demo course “{course.title}” with a quiz.")
        else:
            self.stdout.write(f"The demo course “{course.title}” is already there.")
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo people were created.")
            return
        with transaction.atomic():
            self._people(course)
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for username, role, _ in DEMO_PEOPLE:
            self.stdout.write(f"  {username:<11} {role}")

    def _people(self, course: Course) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo people are only made when DEBUG is on.")
        lessons = list(course.lessons.in_order())
        for username, role, done in DEMO_PEOPLE:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.org", "display_name": username.title()},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                if role == "admin":
                    user.is_staff = user.is_superuser = True
                user.save()
            if role == "instructor":
                course_staff_add(course=course, user=user)
            if role == "student":
                enrollment_create(user=user, course=course)
                for lesson in lessons[:done]:
                    lesson_complete(user=user, lesson=lesson)
