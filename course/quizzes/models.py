"""The question bank of a course.

A question stores what it asks, the options shown, the correct answer and an explanation,
and where it came from: the concepts it tests and the source sentences it was made from.
Generated questions arrive as drafts for an instructor to accept, edit or delete.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class QuestionQuerySet(models.QuerySet["Question"]):
    def in_order(self) -> QuestionQuerySet:
        return self.order_by("position", "pk")

    def with_sources(self) -> QuestionQuerySet:
        return self.prefetch_related("concepts", "sentences")


class Question(models.Model):
    class Type(models.TextChoices):
        CLOZE = "cloze", "Fill in the blank"
        SINGLE_CHOICE = "single_choice", "Single choice"
        MULTIPLE_RESPONSE = "multiple_response", "Multiple response"
        TRUE_FALSE = "true_false", "True or false"
        ORDERING = "ordering", "Ordering"
        MATCHING = "matching", "Matching"
        SHORT_ANSWER = "short_answer", "Short answer"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACCEPTED = "accepted", "Accepted"

    class Origin(models.TextChoices):
        GENERATED = "generated", "Generated"
        AUTHORED = "authored", "Written by an instructor"

    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="questions")
    lesson = models.ForeignKey(
        "catalog.Lesson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    type = models.CharField(max_length=20, choices=Type.choices)
    prompt = models.TextField()
    options = models.JSONField(default=list, blank=True)
    # The correct answer, in the generator's JSON form (see README: question types).
    # Never rendered to a student before the quiz's reveal policy allows it.
    answer = models.JSONField()
    explanation = models.TextField(blank=True)
    concepts = models.ManyToManyField("catalog.Concept", blank=True, related_name="questions")
    sentences = models.ManyToManyField(
        "catalog.SourceSentence", blank=True, related_name="questions"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.GENERATED)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["course", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=["cloze", "single_choice", "multiple_response",
                                      "true_false", "ordering", "matching", "short_answer"]),
                name="question_type_known",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.prompt[:60]}"

    def answer_lines(self) -> list[str]:
        """The stored answer as lines of text, for instructors' eyes only."""
        answer = self.answer
        if self.type == self.Type.TRUE_FALSE:
            return ["True" if answer else "False"]
        if self.type == self.Type.MATCHING:
            return [f"{left} → {right}" for left, right in answer]
        if isinstance(answer, list):
            return [str(a) for a in answer]
        return [str(answer)]
