"""manage.py seed_scale --students 10000 --quizzes 20: a course at scale, for measuring.

Makes (or remakes) a published course from the demo abstract with N students who have each
taken every quiz once, with answers drawn from a simple ability model (stronger students get
harder questions right more often), so item analysis has something real to find. Rows are
written with bulk inserts in batches; nothing here goes through the per-request services.
Each student's standing is then counted by `course_progress_recount`, the rule every page
reads.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from course.accounts.models import Enrollment, User
from course.authoring.services import course_import_abstract
from course.catalog.models import Course
from course.progress.models import ConceptMastery, CourseProgress, LessonCompletion, QuizGrade
from course.progress.services import course_progress_recount
from course.quizzes.attempts import question_version_current
from course.quizzes.grading import grade
from course.quizzes.models import Attempt, AttemptItem, Question, Quiz, QuizQuestion

ABSTRACT = Path(__file__).resolve().parents[3] / "catalog" / "demo" / "abstract.txt"
BATCH = 5000
SLUG = "scale-test"


class Command(BaseCommand):
    help = "Create a course with many students and quiz attempts, for scale measurements."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--students", type=int, default=10_000)
        parser.add_argument("--quizzes", type=int, default=20)
        parser.add_argument("--questions", type=int, default=6, help="Questions per quiz.")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        rng = random.Random(options["seed"])  # noqa: S311 - synthetic data
        started = timezone.now()
        with transaction.atomic():
            Course.objects.filter(slug=SLUG).delete()
            User.objects.filter(username__startswith="scale-").delete()
            course = self._course()
            quizzes = self._quizzes(course, options["quizzes"], options["questions"], rng)
            users = self._students(course, options["students"])
            self._attempts(course, quizzes, users, rng)
            # The standing is computed where every page reads it from: one recount, set-based.
            course_progress_recount(course_id=course.pk)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            f"seed_scale: course={course.slug} students={len(users)} quizzes={len(quizzes)} "
            f"attempts={Attempt.objects.filter(quiz__course=course).count()} "
            f"items={AttemptItem.objects.filter(attempt__quiz__course=course).count()} "
            f"seconds={seconds:.0f}"
        )

    def _course(self) -> Course:
        course, _ = course_import_abstract(
            text=ABSTRACT.read_text(encoding="utf-8"), title="Scale test"
        )
        Course.objects.filter(pk=course.pk).update(slug=SLUG)
        course.refresh_from_db()
        course.publish()
        return course

    def _quizzes(self, course: Course, count: int, per_quiz: int, rng: random.Random) -> list[Quiz]:
        bank = list(course.questions.exclude(type=Question.Type.ESSAY).in_order())
        quizzes = []
        for n in range(1, count + 1):
            quiz = Quiz.objects.create(
                course=course, title=f"Quiz {n:02d}", status=Quiz.Status.PUBLISHED,
                attempts_allowed=0, shuffle_options=False,
            )  # fmt: skip
            for position, question in enumerate(rng.sample(bank, min(per_quiz, len(bank))), 1):
                QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
            quizzes.append(quiz)
        return quizzes

    def _students(self, course: Course, count: int) -> list[User]:
        password = make_password(None)  # unusable: these people never sign in
        users = [
            User(username=f"scale-{n:05d}", email=f"scale-{n:05d}@example.org", password=password)
            for n in range(count)
        ]
        users = User.objects.bulk_create(users, batch_size=BATCH)
        Enrollment.objects.bulk_create(
            [Enrollment(user=u, course=course) for u in users], batch_size=BATCH
        )
        return users

    def _attempts(
        self, course: Course, quizzes: list[Quiz], users: list[User], rng: random.Random
    ) -> None:
        ability = {u.pk: rng.gauss(0, 1) for u in users}
        slots = {
            q.pk: list(q.slots.select_related("question").order_by("position")) for q in quizzes
        }
        versions = {}
        difficulty = {}
        for quiz_slots in slots.values():
            for slot in quiz_slots:
                assert slot.question is not None  # the seed makes fixed slots only
                versions[slot.question_id] = question_version_current(slot.question)
                difficulty[slot.question_id] = rng.gauss(0, 1)
        now = timezone.now()
        lessons = list(course.lessons.in_order())
        concepts = list(course.concepts.all())
        grades, progress, mastery, completions = [], [], [], []
        for start in range(0, len(users), 500):
            chunk = users[start : start + 500]
            attempts = [
                Attempt(quiz=quiz, user=user, number=1, state=Attempt.State.SUBMITTED,
                        submitted_at=now, score=0.0)
                for user in chunk for quiz in quizzes
            ]  # fmt: skip
            attempts = Attempt.objects.bulk_create(attempts, batch_size=BATCH)
            items = []
            for attempt in attempts:
                earned = 0.0
                quiz_slots = slots[attempt.quiz_id]
                for position, slot in enumerate(quiz_slots, 1):
                    version = versions[slot.question_id]
                    right = rng.random() < 1 / (
                        1 + math.exp(difficulty[slot.question_id] - ability[attempt.user_id])
                    )
                    response = _response(version, right, rng)
                    result = grade(version, response)
                    earned += result.score
                    items.append(AttemptItem(
                        attempt=attempt, version=version, position=position,
                        option_order=list(range(len(version.options))), response=response,
                        status=result.status, score=result.score, answered_at=now,
                        mastery_applied=True,
                    ))  # fmt: skip
                attempt.score = earned / len(quiz_slots)
                grades.append(QuizGrade(
                    user_id=attempt.user_id, quiz_id=attempt.quiz_id, course=course,
                    grade=attempt.score, attempts=1,
                ))  # fmt: skip
            AttemptItem.objects.bulk_create(items, batch_size=BATCH)
            Attempt.objects.bulk_update(attempts, ["score"], batch_size=BATCH)
            for user in chunk:
                done = rng.randint(0, len(lessons))
                completions += [
                    LessonCompletion(user=user, lesson=lesson, course=course)
                    for lesson in lessons[:done]
                ]
                level = max(0, min(4, round(2 + ability[user.pk] + rng.gauss(0, 0.7))))
                mastery += [
                    ConceptMastery(user=user, concept=c, course=course, level=level, answers=3)
                    for c in concepts
                ]
                # Counted below by the recount, under the course's completion rule.
                progress.append(CourseProgress(user=user, course=course, last_activity=now))
            QuizGrade.objects.bulk_create(grades, batch_size=BATCH)
            LessonCompletion.objects.bulk_create(completions, batch_size=BATCH)
            ConceptMastery.objects.bulk_create(mastery, batch_size=BATCH)
            CourseProgress.objects.bulk_create(progress, batch_size=BATCH)
            grades, progress, mastery, completions = [], [], [], []
            self.stdout.write(f"  {start + len(chunk)} students", ending="\r")
        self.stdout.write("")


def _response(version: Any, right: bool, rng: random.Random) -> Any:
    """A response of the right shape: the key when `right`, else a plausible wrong one."""
    kind, answer, options = version.type, version.answer, list(version.options)
    if kind == Question.Type.TRUE_FALSE:
        return bool(answer) if right else not answer
    if kind == Question.Type.SINGLE_CHOICE:
        wrong = [o for o in options if o != answer]
        return answer if right or not wrong else rng.choice(wrong)
    if kind == Question.Type.MULTIPLE_RESPONSE:
        wrong = [o for o in options if o not in answer]
        return list(answer) if right or not wrong else [*answer[:1], rng.choice(wrong)]
    if kind == Question.Type.ORDERING:
        return list(answer) if right else list(reversed(answer))
    if kind == Question.Type.MATCHING:
        pairs = {left: right_ for left, right_ in answer}
        if right:
            return pairs
        rights = list(pairs.values())
        return dict(zip(pairs, rights[1:] + rights[:1], strict=True))
    if kind == Question.Type.NUMERICAL:
        return "0" if not right else str(answer[0].get("value", answer[0].get("min")))
    return answer[0] if right and answer else "no idea"
