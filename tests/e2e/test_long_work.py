"""Long work shows progress: an instructor pastes a long page and watches the course being
generated, stage by stage, until the review page opens, with JavaScript (htmx polls the
progress region in place) and without (the page reloads itself). A paste or file over the
limit is refused before anything is sent where the browser can tell."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.urls import reverse

from course.authoring import jobs
from course.authoring.models import GenerationJob
from course.catalog.models import Course
from course.generator import MAX_INPUT_BYTES
from tests.e2e.test_instructor_journey import log_in

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path("/work/shared/corpus")


def long_page() -> str:
    """Several abstracts one after another: about 14 KB, a few seconds of work."""
    parts = [ROOT / "course" / "catalog" / "demo" / "abstract.txt"]
    if CORPUS.is_dir():
        parts += sorted(CORPUS.glob("*.txt"))
    return "\n\n".join(path.read_text(encoding="utf-8") for path in parts)


@pytest.fixture
def slowed(monkeypatch, javascript: bool) -> None:
    """Each stage takes at least half a second, so every run has progress to show; a second
    without JavaScript, where the page reloads only every two seconds: at half a second the
    seven stages could pass in two reloads, leaving only two of them seen."""
    build = jobs.build_draft
    pause = 0.5 if javascript else 1.0

    def slow_build(text, *, title=None, progress=None):
        def report(stage: str) -> None:
            time.sleep(pause)
            if progress is not None:
                progress(stage)

        return build(text, title=title, progress=report)

    monkeypatch.setattr(jobs, "build_draft", slow_build)


def new_page(browser, javascript: bool):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_it_shows_progress_then_the_review_page_for_a_long_paste(
    browser, live_server, instructor, settings, slowed, axe, javascript
):
    settings.GENERATION_IN_BACKGROUND_BYTES = 10_000
    text = long_page()
    assert len(text.encode()) > 10_000
    context, page, errors = new_page(browser, javascript)

    log_in(page, live_server.url, instructor.username)
    page.goto(live_server.url + "/courses/new/")
    page.get_by_label("Title").fill("A long page")
    page.get_by_label("Abstract").fill(text)
    page.get_by_role("button", name="Make the draft").click()

    page.get_by_role("heading", name="Generating your course").wait_for()
    job = GenerationJob.objects.get(owner=instructor)
    assert page.url.endswith(f"/courses/new/jobs/{job.pk}/")
    status = page.locator("#job-progress")
    status.get_by_text("Step").first.wait_for()
    assert page.locator("#job-progress progress").count() == 1
    if javascript:
        page.evaluate("window.lecternMarker = 'same page'")
        # (Without JavaScript the page reloads itself every two seconds, under axe's feet:
        # it is the same markup.)
        axe(page)

    # The stages go by on the page, in order, until the review page opens.
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while "/review/" not in page.url and time.monotonic() < deadline:
        try:
            line = status.locator("p").first.text_content(timeout=1_000) or ""
        except Exception:
            line = ""  # the page is being replaced
        if line.startswith("Step") and (not seen or seen[-1] != line):
            seen.append(line)
        if javascript and "/review/" not in page.url and seen:
            assert page.evaluate("window.lecternMarker") == "same page"
        time.sleep(0.2)
    page.get_by_role("heading", name="Review: A long page").wait_for()
    assert len(seen) >= 3, seen
    steps = [int(line.split()[1]) for line in seen]
    assert steps == sorted(steps), seen

    course = Course.objects.get(title="A long page")
    job.refresh_from_db()
    assert job.status == GenerationJob.Status.DONE and job.course == course
    assert course.staff.filter(user=instructor).exists()
    assert page.get_by_text("is ready for your review").first.is_visible()
    assert errors == [], f"console errors (CSP violations show here): {errors}"
    context.close()


def test_it_refuses_a_file_over_the_limit_before_sending_it(browser, live_server, instructor):
    context, page, errors = new_page(browser, True)
    log_in(page, live_server.url, instructor.username)
    page.goto(live_server.url + "/courses/new/")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.method))

    page.get_by_label("…or upload a .txt file").set_input_files(
        {"name": "page.txt", "mimeType": "text/plain", "buffer": b"a" * (MAX_INPUT_BYTES + 1)}
    )
    alert = page.get_by_role("alert")
    alert.get_by_text("is too large: 200,001 bytes").wait_for()
    page.get_by_role("button", name="Make the draft").click()
    page.wait_for_timeout(500)
    assert "POST" not in requests
    assert page.get_by_label("…or upload a .txt file").get_attribute("aria-invalid") == "true"

    # A smaller file clears the message, and the form goes.
    page.get_by_label("…or upload a .txt file").set_input_files(
        {"name": "page.txt", "mimeType": "text/plain", "buffer": b"Too short."}
    )
    assert alert.text_content() == ""
    assert errors == []
    context.close()


def test_it_refuses_a_paste_the_browser_cut_at_the_limit(browser, live_server, instructor):
    context, page, errors = new_page(browser, True)
    log_in(page, live_server.url, instructor.username)
    page.goto(live_server.url + "/courses/new/")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.method))
    abstract = page.get_by_label("Abstract")
    assert abstract.get_attribute("maxlength") == str(MAX_INPUT_BYTES)
    abstract.fill("word " * (MAX_INPUT_BYTES // 5 + 10))
    page.get_by_role("button", name="Make the draft").click()
    page.get_by_role("alert").get_by_text("the browser cut off the rest").wait_for()
    assert "POST" not in requests
    assert page.evaluate("document.activeElement.name") == "text"
    assert errors == []
    context.close()


def test_the_server_refuses_a_file_over_the_limit_without_javascript(
    browser, live_server, instructor
):
    context, page, _ = new_page(browser, False)
    log_in(page, live_server.url, instructor.username)
    page.goto(live_server.url + "/courses/new/")
    page.get_by_label("…or upload a .txt file").set_input_files(
        {"name": "page.txt", "mimeType": "text/plain", "buffer": b"a" * (MAX_INPUT_BYTES + 1)}
    )
    page.get_by_role("button", name="Make the draft").click()
    page.get_by_text("The file is too large").wait_for()
    assert not GenerationJob.objects.exists()
    assert not Course.objects.filter(creation_token__isnull=False).exists()
    context.close()


def test_it_refuses_a_question_file_over_the_limit_then_imports_one_under_it(
    browser, live_server, instructor, course, settings
):
    settings.UPLOAD_MAX_BYTES = 2_000
    context, page, errors = new_page(browser, True)
    log_in(page, live_server.url, instructor.username)
    page.goto(live_server.url + reverse("quizzes:bank-import", kwargs={"slug": course.slug}))
    posts: list[str] = []
    page.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    file_input = page.locator('input[type="file"]')

    file_input.set_input_files(
        {"name": "bank.gift", "mimeType": "text/plain", "buffer": b"// pad\n" * 400}
    )
    page.get_by_role("alert").get_by_text("is too large: 2,800 bytes").wait_for()
    page.get_by_role("button", name="Preview").click()
    page.wait_for_timeout(500)
    assert posts == []

    file_input.set_input_files(
        {"name": "bank.gift", "mimeType": "text/plain", "buffer": b"::Q:: Is it small? {T}\n"}
    )
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("heading", name="Preview").wait_for()
    page.get_by_role("button", name="Import 1 question").click()
    page.get_by_text("Imported 1 question(s).").wait_for()
    assert course.questions.filter(prompt="Is it small?").exists()
    assert errors == []
    context.close()
