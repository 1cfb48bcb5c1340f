"""What each student has done: stored rows, read by pages, never recomputed per request."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LessonCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(
        "catalog.Lesson", on_delete=models.CASCADE, related_name="completions"
    )
    # Kept beside the lesson so per-course counts need no join through lessons.
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.CASCADE, related_name="lesson_completions"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_completed_once"),
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self) -> str:
        return f"{self.user} completed {self.lesson}"
