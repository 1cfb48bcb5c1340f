"""What the review workspace deleted or replaced, kept so that no click loses work.

Deleting a question or a discussion prompt, or regenerating one, first stores the item as it
was, with what hangs on it (a question's frozen versions and quiz slots, a prompt's posts),
in Django's own serialization. Restoring puts it back with its id, so links to it and
its place in quizzes come back too; the item it replaces is kept in turn.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models


class RemovedItemQuerySet(models.QuerySet["RemovedItem"]):
    def newest_first(self) -> RemovedItemQuerySet:
        return self.order_by("-removed_at", "-pk")


class RemovedItem(models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", "Question"
        PROMPT = "prompt", "Discussion prompt"

    class Reason(models.TextChoices):
        DELETED = "deleted", "Deleted"
        REPLACED = "replaced", "Replaced"

    course = models.ForeignKey(
        "catalog.Course", on_delete=models.CASCADE, related_name="removed_items"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The question's or prompt's id: restoring gives it back.
    item_id = models.PositiveIntegerField()
    reason = models.CharField(max_length=10, choices=Reason.choices)
    label = models.CharField(max_length=300)
    # `django.core.serializers`' "python" form of the item first, then what hangs on it,
    # as JSON (times to the microsecond).
    data = models.JSONField()
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    removed_at = models.DateTimeField(auto_now_add=True)

    objects = RemovedItemQuerySet.as_manager()

    class Meta:
        ordering = ["-removed_at", "-pk"]
        indexes = [models.Index(fields=["course", "kind", "item_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["question", "prompt"]), name="removed_item_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(reason__in=["deleted", "replaced"]),
                name="removed_item_reason_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.label}"

    @property
    def short_label(self) -> str:
        """ "Q12 · Single choice" or "D3": the label without the item's text."""
        return self.label.split(":", 1)[0]

    @property
    def anchor(self) -> str:
        """The id of the item's card on the review page."""
        return f"{self.kind}-{self.item_id}"


class GenerationJobQuerySet(models.QuerySet["GenerationJob"]):
    def active(self) -> GenerationJobQuerySet:
        return self.filter(status__in=GenerationJob.ACTIVE)

    def stale(self, *, before: datetime.datetime) -> GenerationJobQuerySet:
        """Active jobs that have not reported since `before`: their thread is gone (the
        process restarted or died) or stuck, and nobody else will finish them."""
        return self.active().filter(updated_at__lt=before)


class GenerationJob(models.Model):
    """A course being generated from a long paste, in a thread after the request that
    asked for it, so the instructor's page can show how far it has come.

    The course itself is written in one transaction at the end (all of it or nothing), so a
    job that fails, at any stage, leaves no course behind. `updated_at` is the job's
    heartbeat: each stage touches it, and a job silent for longer than
    `settings.GENERATION_TIMEOUT_SECONDS` is failed when next looked at.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Generating"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="generation_jobs"
    )
    # The new-course form's token: the same form submitted twice finds this job.
    token = models.UUIDField()
    title = models.CharField(max_length=200, blank=True)
    source_text = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # Which stage is running (a key of `course.authoring.jobs.STAGES`), and its number.
    stage = models.CharField(max_length=20, blank=True)
    step = models.PositiveSmallIntegerField(default=0)
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What the instructor is told when it failed.
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GenerationJobQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "token"], name="generation_job_once"),
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "running", "done", "failed"]),
                name="generation_job_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Generation {self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
