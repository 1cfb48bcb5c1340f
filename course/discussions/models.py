"""Discussion prompts: analytical questions tied to the concepts and sentences they discuss."""

from __future__ import annotations

from django.db import models


class PromptQuerySet(models.QuerySet["Prompt"]):
    def in_order(self) -> PromptQuerySet:
        return self.order_by("position", "pk")


class Prompt(models.Model):
    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="prompts")
    lesson = models.ForeignKey(
        "catalog.Lesson", on_delete=models.SET_NULL, null=True, blank=True, related_name="prompts"
    )
    text = models.TextField()
    concepts = models.ManyToManyField("catalog.Concept", blank=True, related_name="prompts")
    sentences = models.ManyToManyField("catalog.SourceSentence", blank=True, related_name="prompts")
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PromptQuerySet.as_manager()

    class Meta:
        ordering = ["course", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
