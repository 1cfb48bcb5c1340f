"""Reads of the instructor's workspace that span the apps: what is unfinished in a course."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.quizzes.models import Question, Quiz, QuizQuestion


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

    @property
    def unfinished(self) -> int:
        return (
            len(self.draft_questions)
            + len(self.untested_core_concepts)
            + len(self.lessons_without_sentences)
            + len(self.empty_quizzes)
        )

    @property
    def is_empty(self) -> bool:
        return self.unfinished == 0


def publish_checklist(course: Course) -> PublishChecklist:
    """Four queries, one per list, whatever the size of the course."""
    accepted = Question.Status.ACCEPTED
    tested = Question.objects.filter(
        concepts=OuterRef("pk"),
        status=accepted,
        slots__quiz__status=Quiz.Status.PUBLISHED,
    )
    answerable = QuizQuestion.objects.filter(quiz=OuterRef("pk"), question__status=accepted)
    return PublishChecklist(
        draft_questions=list(
            course.questions.filter(status=Question.Status.DRAFT)
            .only("pk", "course_id", "prompt")
            .in_order()
        ),
        untested_core_concepts=list(
            course.concepts.filter(core=True).exclude(Exists(tested)).order_by("rank", "term")
        ),
        lessons_without_sentences=list(
            course.lessons.exclude(
                Exists(SourceSentence.objects.filter(lesson=OuterRef("pk")))
            ).in_order()
        ),
        empty_quizzes=list(course.quizzes.exclude(Exists(answerable)).order_by("title", "pk")),
    )
