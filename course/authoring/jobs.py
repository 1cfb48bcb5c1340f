"""Generating a course from a long paste, in the background, with progress to show.

The deployment has no task queue (gunicorn, SQLite or PostgreSQL, Redis optional), so the
work runs in a thread of the web process that took the request, started once the job's row
is committed. The thread writes its stage to the row as it goes; the instructor's page polls
it (`views/generation.py`). What makes this safe without a queue:

- the course is stored in one transaction at the very end (`course_import_draft`), so a job
  that fails or dies at any stage leaves no course, never half of one;
- the form's token is unique per owner, so the same form submitted twice finds the job the
  first submit made (and the course carries the token too, as in the in-request path);
- a job that has not reported for `GENERATION_TIMEOUT_SECONDS` (its process was restarted
  or killed, taking the thread with it) is failed the next time anyone looks at it, with a
  message that says so and that nothing was saved;
- one job runs at a time per process, so long pastes cannot crowd out the requests the
  process must also answer; the others wait, still reporting, and start in turn.
"""

from __future__ import annotations

import datetime
import logging
import threading
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone

from course.accounts.models import User
from course.authoring.models import GenerationJob
from course.authoring.services import course_import_draft
from course.catalog.models import Course
from course.generator import Draft, InputError, build_draft

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    step: int
    label: str


# The generator's stages (`build_draft(progress=…)`), then ours, in order.
STAGES: dict[str, Stage] = {
    "queued": Stage(0, "Waiting for another course to finish generating"),
    "cleaning": Stage(1, "Cleaning the pasted page"),
    "sentences": Stage(2, "Splitting the text into sentences"),
    "concepts": Stage(3, "Finding the key concepts"),
    "lessons": Stage(4, "Building the lessons"),
    "questions": Stage(5, "Drafting questions"),
    "prompts": Stage(6, "Drafting discussion prompts"),
    "saving": Stage(7, "Saving the course"),
}
STEPS = 7

DIED = (
    "Generating stopped without finishing (the server was restarted or the work took too "
    "long). Nothing was saved. Please try again."
)
BROKE = "Something went wrong while generating this course. Nothing was saved. Please try again."
BUSY = "You are already generating a course: wait for it to finish, then start the next."

# One job at a time in this process; waiting jobs keep reporting so they are not taken for
# dead. (A module-level lock is per process: gunicorn's workers each run their own.)
_TURN = threading.Lock()
_WAIT_REPORT_SECONDS = 10.0


class JobRefused(Exception):
    """The instructor may not start another job now; the message says why."""


def stage_of(job: GenerationJob) -> Stage:
    return STAGES.get(job.stage, STAGES["queued"])


def generation_job_start(
    *, owner: User, text: str, title: str | None, token: uuid.UUID
) -> GenerationJob:
    """The job for this form submission: a new one, running once committed, or the one an
    earlier submit of the same form made. Refused while the owner has another running."""
    existing = GenerationJob.objects.filter(owner=owner, token=token).first()
    if existing is not None:
        return existing
    for job in GenerationJob.objects.filter(owner=owner).active():
        generation_job_expire(job=job)
    if GenerationJob.objects.filter(owner=owner).active().exists():
        raise JobRefused(BUSY)
    try:
        with transaction.atomic():
            job = GenerationJob.objects.create(
                owner=owner, token=token, title=title or "", source_text=text, stage="queued"
            )
    except IntegrityError:
        # The twin submit created it between our look and our insert.
        return GenerationJob.objects.get(owner=owner, token=token)
    transaction.on_commit(lambda: _start_thread(job.pk))
    return job


def generation_job_expire(*, job: GenerationJob, now: datetime.datetime | None = None) -> bool:
    """Fail the job if it is active but has not reported within the timeout. Returns
    whether it did. A conditional update: a job that reports meanwhile is left alone."""
    now = now or timezone.now()
    before = now - datetime.timedelta(seconds=settings.GENERATION_TIMEOUT_SECONDS)
    failed = (
        GenerationJob.objects.filter(pk=job.pk)
        .stale(before=before)
        .update(status=GenerationJob.Status.FAILED, error=DIED, updated_at=now)
    )
    if failed:
        job.refresh_from_db()
    return bool(failed)


def generation_job_run(*, job_id: int) -> None:
    """Do the job: wait for this process's turn, generate, store. Never raises: any error
    ends the job as failed, with a message for the instructor."""
    if not _report(job_id, "queued", status=GenerationJob.Status.QUEUED):
        return  # failed as dead meanwhile, or already run
    while not _TURN.acquire(timeout=_WAIT_REPORT_SECONDS):
        if not _report(job_id, "queued", status=GenerationJob.Status.QUEUED):
            return
    try:
        _generate(job_id)
    finally:
        _TURN.release()


def _generate(job_id: int) -> None:
    job = GenerationJob.objects.select_related("owner").get(pk=job_id)
    token = job.token
    if not _report(job_id, "cleaning", status=GenerationJob.Status.RUNNING):
        return

    def progress(stage: str) -> None:
        _report(job_id, stage, status=GenerationJob.Status.RUNNING)

    try:
        draft = build_draft(job.source_text, title=job.title or None, progress=progress)
        _report(job_id, "saving", status=GenerationJob.Status.RUNNING)
        course = _store(job, draft)
    except InputError as error:
        _finish(job_id, error=str(error))
    except Exception:
        logger.exception("Generation job %s failed", job_id)
        _finish(job_id, error=BROKE)
    else:
        if not _finish(job_id, course=course):
            logger.warning(
                "Generation job %s finished after it was failed (token %s)", job_id, token
            )


def _store(job: GenerationJob, draft: Draft) -> Course:
    try:
        return course_import_draft(
            draft=draft,
            source_text=job.source_text,
            instructors=[job.owner],
            creation_token=job.token,
        )
    except IntegrityError:
        # A course with this token exists already (the form was also submitted through
        # the in-request path): that is the course this job was making.
        existing = Course.objects.filter(creation_token=job.token).first()
        if existing is None:
            raise
        return existing


def _report(job_id: int, stage: str, *, status: str) -> bool:
    """Write the stage (and touch the heartbeat) if the job is still active. Returns
    whether it was: a job failed as dead, or finished, is not written to again."""
    step = STAGES[stage].step
    return bool(
        GenerationJob.objects.filter(pk=job_id)
        .active()
        .update(status=status, stage=stage, step=step, updated_at=timezone.now())
    )


def _finish(job_id: int, *, course: Course | None = None, error: str = "") -> bool:
    """End the job if it is still active. A done job forgets the paste (the course keeps
    it); a failed one keeps it, so the form can offer it again."""
    if course is not None:
        change = {"status": GenerationJob.Status.DONE, "course": course, "step": STEPS}
        change["source_text"] = ""
    else:
        change = {"status": GenerationJob.Status.FAILED, "error": error}
    return bool(
        GenerationJob.objects.filter(pk=job_id).active().update(**change, updated_at=timezone.now())
    )


def _start_thread(job_id: int) -> None:
    thread = threading.Thread(
        target=_run_in_thread, args=(job_id,), name=f"generation-job-{job_id}", daemon=True
    )
    thread.start()


def _run_in_thread(job_id: int) -> None:
    # The thread has its own database connection: open it fresh, close it when done.
    close_old_connections()
    try:
        generation_job_run(job_id=job_id)
    except Exception:
        logger.exception("Generation job %s could not run", job_id)
    finally:
        connection.close()
