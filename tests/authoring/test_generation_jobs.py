"""A course from a long paste is generated in the background while its page shows the
progress: the job's lifecycle, its page and polling region, double submits, dead jobs, and
the size limit said before anything is generated."""

from __future__ import annotations

import datetime
import threading
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from course.authoring import jobs
from course.authoring.jobs import STEPS, generation_job_run, generation_job_start
from course.authoring.models import GenerationJob
from course.catalog.models import Course
from course.generator import MAX_INPUT_BYTES
from course.quizzes.models import Question
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db

NEW = reverse("catalog:new")


@pytest.fixture
def abstract() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def in_background(settings) -> None:
    """Every paste counts as long, so the demo abstract goes through a job."""
    settings.GENERATION_IN_BACKGROUND_BYTES = 100


def job_url(job: GenerationJob) -> str:
    return reverse("catalog:generation-job", kwargs={"job_id": job.pk})


def review_url(course: Course) -> str:
    return reverse("catalog:review", kwargs={"slug": course.slug})


def new_job(owner, text: str, **fields: object) -> GenerationJob:
    return GenerationJob.objects.create(owner=owner, token=uuid.uuid4(), source_text=text, **fields)


def made_courses() -> int:
    return Course.objects.filter(creation_token__isnull=False).count()


# --- starting a job -----------------------------------------------------------------------


def test_it_starts_a_job_for_a_long_paste_and_runs_it_after_commit(
    as_user, instructor, abstract, in_background, django_capture_on_commit_callbacks, monkeypatch
):
    started: list[int] = []
    monkeypatch.setattr(jobs, "_start_thread", started.append)
    with django_capture_on_commit_callbacks() as callbacks:
        response = as_user(instructor).post(NEW, {"text": abstract, "token": uuid.uuid4()})
    job = GenerationJob.objects.get()
    assert response["Location"] == job_url(job)
    assert job.status == GenerationJob.Status.QUEUED
    assert job.owner == instructor
    assert made_courses() == 0  # nothing is generated in the request
    assert started == []  # the thread starts once the job's row is committed, not before
    for callback in callbacks:
        callback()
    assert started == [job.pk]


def test_it_generates_a_short_paste_in_the_request(as_user, instructor, abstract):
    response = as_user(instructor).post(NEW, {"text": abstract, "token": uuid.uuid4()})
    course = Course.objects.get(creation_token__isnull=False)
    assert response["Location"] == review_url(course)
    assert not GenerationJob.objects.exists()


def test_it_runs_the_job_in_a_thread_of_its_own(instructor, abstract, monkeypatch):
    ran: list[tuple[int, str]] = []
    finished = threading.Event()

    def record(job_id: int) -> None:
        ran.append((job_id, threading.current_thread().name))
        finished.set()

    monkeypatch.setattr(jobs, "_run_in_thread", record)
    jobs._start_thread(41)
    assert finished.wait(5)
    assert ran == [(41, "generation-job-41")]


# --- the lifecycle ------------------------------------------------------------------------


def test_it_goes_from_queued_through_each_stage_to_done_with_the_course(
    instructor, abstract, monkeypatch
):
    job = generation_job_start(owner=instructor, text=abstract, title="Unions", token=uuid.uuid4())
    seen: list[tuple[str, str]] = []
    report = jobs._report

    def spy(job_id: int, stage: str, *, status: str) -> bool:
        seen.append((stage, status))
        return report(job_id, stage, status=status)

    monkeypatch.setattr(jobs, "_report", spy)
    generation_job_run(job_id=job.pk)

    assert [stage for stage, _ in seen] == [
        "queued", "cleaning", "cleaning", "sentences", "concepts", "lessons", "questions",
        "prompts", "saving",
    ]  # fmt: skip
    assert {status for stage, status in seen if stage != "queued"} == {"running"}
    job.refresh_from_db()
    assert job.status == GenerationJob.Status.DONE
    assert job.step == STEPS
    assert job.source_text == ""  # the course keeps the text; the job forgets it
    course = job.course
    assert course is not None and course.title == "Unions"
    assert course.creation_token == job.token
    assert course.staff.filter(user=instructor).exists()
    assert course.sentences.count() == 12
    assert course.questions.exists()


def test_it_fails_with_the_generators_message_on_text_it_cannot_use(instructor):
    job = new_job(instructor, "Show more\nDownload PDF\nCite this")
    generation_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == GenerationJob.Status.FAILED
    assert "no sentences found" in job.error.lower()
    assert job.source_text  # kept, to try again
    assert made_courses() == 0


def test_it_leaves_no_course_when_saving_raises_midway(instructor, abstract, monkeypatch):
    """The course, its lessons and questions are written before the prompts: a failure
    there must take all of it back."""
    job = new_job(instructor, abstract)
    questions_before = Question.objects.count()

    def broken(**kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("course.authoring.services.prompts_create", broken)
    generation_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == GenerationJob.Status.FAILED
    assert job.error == jobs.BROKE
    assert made_courses() == 0
    assert Question.objects.count() == questions_before


def test_it_leaves_no_course_when_generating_raises_midway(instructor, abstract, monkeypatch):
    job = new_job(instructor, abstract)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in a stage")

    monkeypatch.setattr("course.generator.pipeline.build_prompts", broken)
    generation_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.stage) == (GenerationJob.Status.FAILED, "prompts")
    assert made_courses() == 0


def test_it_fails_a_job_that_stopped_reporting(as_user, instructor, settings):
    settings.GENERATION_TIMEOUT_SECONDS = 60
    job = new_job(instructor, "text", status=GenerationJob.Status.RUNNING, stage="questions")
    long_ago = timezone.now() - datetime.timedelta(seconds=61)
    GenerationJob.objects.filter(pk=job.pk).update(updated_at=long_ago)

    response = as_user(instructor).get(job_url(job))
    job.refresh_from_db()
    assert job.status == GenerationJob.Status.FAILED
    assert job.error == jobs.DIED
    assert "Nothing was saved" in response.text
    # Its thread, if it was only slow, finds the job ended and writes nothing more.
    assert not jobs._report(job.pk, "saving", status=GenerationJob.Status.RUNNING)


def test_it_keeps_a_job_that_reports_within_the_timeout(as_user, instructor, settings):
    settings.GENERATION_TIMEOUT_SECONDS = 60
    job = new_job(instructor, "text", status=GenerationJob.Status.RUNNING, stage="questions")
    recently = timezone.now() - datetime.timedelta(seconds=50)
    GenerationJob.objects.filter(pk=job.pk).update(updated_at=recently)
    as_user(instructor).get(job_url(job))
    job.refresh_from_db()
    assert job.status == GenerationJob.Status.RUNNING


def test_it_does_not_run_a_job_that_was_failed_as_dead(instructor, abstract):
    job = new_job(instructor, abstract, status=GenerationJob.Status.FAILED, error=jobs.DIED)
    generation_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == GenerationJob.Status.FAILED
    assert made_courses() == 0


# --- double submits and one job at a time ------------------------------------------------


def test_it_makes_one_job_and_one_course_when_the_form_is_sent_twice(
    as_user, instructor, abstract, in_background
):
    client = as_user(instructor)
    data = {"text": abstract, "token": uuid.uuid4()}
    first = client.post(NEW, data)
    second = client.post(NEW, data)
    assert first["Location"] == second["Location"]
    job = GenerationJob.objects.get()
    generation_job_run(job_id=job.pk)
    generation_job_run(job_id=job.pk)  # a second thread for it finds it done
    third = client.post(NEW, data)
    assert third["Location"] == job_url(job)
    assert client.get(job_url(job))["Location"] == review_url(
        Course.objects.get(creation_token__isnull=False)
    )
    assert made_courses() == 1


def test_it_refuses_a_second_job_while_the_first_runs(as_user, instructor, abstract, in_background):
    client = as_user(instructor)
    client.post(NEW, {"text": abstract, "token": uuid.uuid4()})
    response = client.post(NEW, {"text": abstract, "token": uuid.uuid4()})
    assert response.status_code == 200
    assert "already generating a course" in response.text
    assert GenerationJob.objects.count() == 1


def test_it_starts_a_new_job_once_the_running_one_is_dead(
    as_user, instructor, abstract, in_background, settings
):
    settings.GENERATION_TIMEOUT_SECONDS = 60
    stuck = new_job(instructor, abstract, status=GenerationJob.Status.RUNNING)
    long_ago = timezone.now() - datetime.timedelta(seconds=61)
    GenerationJob.objects.filter(pk=stuck.pk).update(updated_at=long_ago)
    response = as_user(instructor).post(NEW, {"text": abstract, "token": uuid.uuid4()})
    assert response.status_code == 302
    assert GenerationJob.objects.active().count() == 1
    stuck.refresh_from_db()
    assert stuck.status == GenerationJob.Status.FAILED


# --- the job's page and its polling region -----------------------------------------------


def test_it_shows_the_stage_and_polls_while_running(as_user, instructor):
    job = new_job(instructor, "text", status=GenerationJob.Status.RUNNING, stage="concepts", step=3)
    response = as_user(instructor).get(job_url(job))
    text = response.text
    assert response.status_code == 200
    assert '<progress max="7" value="3"' in text
    assert "Step 3 of 7: Finding the key concepts" in text
    assert 'hx-trigger="every 1s"' in text
    assert 'aria-busy="true"' in text
    # Without JavaScript the page reloads itself.
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in text


def test_it_answers_a_poll_with_the_progress_region_only(
    as_user, instructor, htmx_headers, django_assert_max_num_queries
):
    job = new_job(instructor, "text", status=GenerationJob.Status.RUNNING, stage="lessons", step=4)
    client = as_user(instructor)
    # session, user, the job (with its course), the conditional update that fails it if dead
    with django_assert_max_num_queries(4):
        response = client.get(job_url(job), **htmx_headers)
    assert response.status_code == 200
    assert "Step 4 of 7: Building the lessons" in response.text
    assert "<html" not in response.text and 'id="job-progress"' not in response.text
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_it_answers_a_poll_with_nothing_when_nothing_changed(as_user, instructor, htmx_headers):
    job = new_job(instructor, "text", status=GenerationJob.Status.RUNNING, stage="lessons", step=4)
    client = as_user(instructor)
    same = client.get(job_url(job), {"seen": "running:4"}, **htmx_headers)
    moved = client.get(job_url(job), {"seen": "running:3"}, **htmx_headers)
    assert same.status_code == 204 and same.content == b""
    assert moved.status_code == 200


def test_it_stops_polling_and_says_why_when_the_job_failed(as_user, instructor, htmx_headers):
    job = new_job(
        instructor, "text", status=GenerationJob.Status.FAILED, error="No sentences found."
    )
    client = as_user(instructor)
    poll = client.get(job_url(job), **htmx_headers)
    assert poll.status_code == jobs_stop_polling()
    assert "No sentences found." in poll.text
    assert f"?again={job.pk}" in poll.text
    page = client.get(job_url(job)).text
    assert "hx-trigger" not in page and "http-equiv" not in page


def jobs_stop_polling() -> int:
    return 286  # htmx stops polling an element answered with 286


def test_it_sends_the_instructor_to_the_review_page_when_done(
    as_user, instructor, abstract, htmx_headers
):
    job = new_job(instructor, abstract)
    generation_job_run(job_id=job.pk)
    course = Course.objects.get(creation_token__isnull=False)
    client = as_user(instructor)
    poll = client.get(job_url(job), **htmx_headers)
    assert poll["HX-Redirect"] == review_url(course)
    page = client.get(job_url(job))
    assert page.status_code == 302 and page["Location"] == review_url(course)
    assert "is ready for your review" in client.get(review_url(course)).text


def test_it_says_so_when_the_course_it_made_was_deleted(as_user, instructor, abstract):
    job = new_job(instructor, abstract)
    generation_job_run(job_id=job.pk)
    Course.objects.filter(creation_token__isnull=False).delete()
    response = as_user(instructor).get(job_url(job))
    assert response.status_code == 200
    assert "has since been deleted" in response.text


@pytest.mark.parametrize("persona", ["other_instructor", "admin", "student"])
def test_it_shows_a_job_to_its_owner_only(as_user, request, instructor, persona):
    job = new_job(instructor, "text", status=GenerationJob.Status.RUNNING)
    assert as_user(request.getfixturevalue(persona)).get(job_url(job)).status_code == 404


def test_it_refuses_other_methods_on_the_job_page(as_user, instructor):
    job = new_job(instructor, "text")
    assert as_user(instructor).post(job_url(job)).status_code == 405


def test_it_offers_a_failed_jobs_text_again_to_its_owner_only(as_user, instructor, admin):
    job = new_job(instructor, "My long paste.", title="Mine", status=GenerationJob.Status.FAILED)
    assert "My long paste." in as_user(instructor).get(NEW, {"again": job.pk}).text
    assert "My long paste." not in as_user(admin).get(NEW, {"again": job.pk}).text


# --- the size limit -----------------------------------------------------------------------


def test_it_puts_the_limit_where_the_browser_can_check_it(as_user, instructor):
    text = as_user(instructor).get(NEW).text
    assert f'maxlength="{MAX_INPUT_BYTES}"' in text
    assert f'data-max-bytes="{MAX_INPUT_BYTES}"' in text
    assert "js/long-work.js" in text
    assert "data-size-error" in text and "data-busy-status" in text


def test_it_refuses_a_paste_over_the_limit_in_bytes_before_generating(
    as_user, instructor, in_background
):
    # Under the limit in characters (what maxlength counts), over it in bytes.
    text = "é" * (MAX_INPUT_BYTES // 2 + 1)
    response = as_user(instructor).post(NEW, {"text": text, "token": uuid.uuid4()})
    assert response.status_code == 200
    assert "The text is too long: 200,002 bytes; the limit is 200,000." in response.text
    assert not GenerationJob.objects.exists()
    assert made_courses() == 0


def test_it_puts_the_upload_limit_on_the_import_form(as_user, instructor, course, settings):
    settings.UPLOAD_MAX_BYTES = 123_456
    url = reverse("quizzes:bank-import", kwargs={"slug": course.slug})
    text = as_user(instructor).get(url).text
    assert 'data-max-bytes="123456"' in text
    assert "js/long-work.js" in text and "data-busy-status" in text
