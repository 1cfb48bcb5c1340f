"""Reads of the instructor's workspace that span the apps: what is unfinished in a course."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.quizzes.models import Question, Quiz, QuizQuestion
from course.quizzes.slots import RandomSupply, random_supply


@dataclass(frozen=True)
class PublishChecklist:
    """What a student would meet unfinished if the course were published now."""

    # Generated or imported questions nobody has accepted: students never see them.
    draft_questions: list[Question]
    # Core concepts that no accepted question in a published quiz asks about.
    untested_core_concepts: list[Concept]
    # Lessons none of whose sentences come from the abstract (added, or emptied by edits).
    lessons_without_sentences: list[Lesson]
    # Quizzes with no accepted question: nothing a student could answer.
    empty_quizzes: list[Quiz]
    # Random slots that ask for more questions than their concept has to draw.
    short_random_slots: list[RandomSupply] = field(default_factory=list)

    @property
    def unfinished(self) -> int:
        return (
            len(self.draft_questions)
            + len(self.untested_core_concepts)
            + len(self.lessons_without_sentences)
            + len(self.empty_quizzes)
            + len(self.short_random_slots)
        )

    @property
    def is_empty(self) -> bool:
        return self.unfinished == 0


def publish_checklist(course: Course) -> PublishChecklist:
    """Five queries, one per list, whatever the size of the course (two more when its
    quizzes have random slots)."""
    accepted = Question.Status.ACCEPTED
    tested = Question.objects.filter(
        concepts=OuterRef("pk"),
        status=accepted,
        slots__quiz__status=Quiz.Status.PUBLISHED,
    )
    # A random slot of a published quiz tests its concept when it has a question to draw.
    drawn = QuizQuestion.objects.filter(
        concept=OuterRef("pk"),
        quiz__status=Quiz.Status.PUBLISHED,
        concept__questions__status=accepted,
    )
    answerable = QuizQuestion.objects.filter(quiz=OuterRef("pk"), question__status=accepted)
    drawable = QuizQuestion.objects.filter(quiz=OuterRef("pk"), concept__questions__status=accepted)
    random_slots = (
        QuizQuestion.objects.random()
        .filter(quiz__course=course)
        .select_related("quiz", "concept")
        .order_by("quiz__title", "quiz_id", "position", "pk")
    )
    return PublishChecklist(
        draft_questions=list(
            course.questions.filter(status=Question.Status.DRAFT)
            .only("pk", "course_id", "prompt")
            .in_order()
        ),
        untested_core_concepts=list(
            course.concepts.filter(core=True)
            .exclude(Exists(tested))
            .exclude(Exists(drawn))
            .order_by("rank", "term")
        ),
        lessons_without_sentences=list(
            course.lessons.exclude(
                Exists(SourceSentence.objects.filter(lesson=OuterRef("pk")))
            ).in_order()
        ),
        empty_quizzes=list(
            course.quizzes.exclude(Exists(answerable))
            .exclude(Exists(drawable))
            .order_by("title", "pk")
        ),
        short_random_slots=[
            supply for supply in random_supply(list(random_slots)).values() if supply.short
        ],
    )
