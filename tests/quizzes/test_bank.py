"""The bank: GIFT and Aiken import (command and browser), GIFT export, search."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from course.quizzes.bank import as_bank_question
from course.quizzes.interchange import parse_gift
from course.quizzes.models import Question

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"


def run_import(path: Path, course, *flags: str) -> dict:
    out = StringIO()
    call_command(
        "import_questions", str(path), "--format", "gift" if path.suffix == ".gift" else "aiken",
        "--course", course.slug, "--json", *flags, stdout=out,
    )  # fmt: skip
    return json.loads(out.getvalue())


def test_it_imports_a_valid_gift_file_with_a_json_report(course):
    report = run_import(DATA / "grant.gift", course)
    assert report["errors"] == []
    assert report["questions"] == report["imported"] == course.questions.count() > 5
    assert sum(report["by_type"].values()) == report["questions"]
    assert {"single_choice", "true_false", "matching", "numerical", "essay"} <= set(
        report["by_type"]
    )
    assert all(q.origin == "imported" for q in course.questions.all())


def test_it_imports_nothing_from_a_file_with_errors_and_says_where(course):
    out = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_questions", str(DATA / "with_errors.gift"), "--format", "gift",
            "--course", course.slug, "--json", stdout=out,
        )  # fmt: skip
    report = json.loads(out.getvalue())
    assert report["errors"] and all(e["line"] > 0 and e["message"] for e in report["errors"])
    assert report["questions"] >= 3
    assert not course.questions.exists()


def test_it_imports_the_valid_part_when_accepted(course):
    report = run_import(DATA / "with_errors.gift", course, "--accept-valid")
    assert report["imported"] == report["questions"] == course.questions.count()


def test_it_changes_nothing_on_a_dry_run(course):
    report = run_import(DATA / "grant.gift", course, "--dry-run")
    assert report["questions"] > 0 and report["imported"] == 0
    assert not course.questions.exists()


def test_it_imports_aiken(course):
    report = run_import(DATA / "questions.aiken.txt", course)
    assert report["by_type"] == {"single_choice": report["questions"]}
    assert course.questions.count() == report["questions"]


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary\x00", b"\xff\xfe\xfa not utf8"])
def test_it_refuses_unreadable_files(tmp_path, course, content):
    path = tmp_path / "bad.gift"
    path.write_bytes(content)
    with pytest.raises(CommandError):
        call_command(
            "import_questions",
            str(path),
            "--format",
            "gift",
            "--course",
            course.slug,
            stdout=StringIO(),
        )
    assert not course.questions.exists()


def test_it_refuses_an_unknown_course(tmp_path):
    with pytest.raises(CommandError, match="No course"):
        call_command(
            "import_questions", str(DATA / "grant.gift"), "--format", "gift", "--course", "nope"
        )


def test_an_export_reimported_gives_the_same_questions(course, other_course):
    run_import(DATA / "grant.gift", course)
    out = StringIO()
    call_command("export_questions", "--course", course.slug, "--format", "gift", stdout=out)
    again = parse_gift(out.getvalue())
    assert again.errors == []
    original = [as_bank_question(q) for q in course.questions.in_order()]
    for item in again.questions:
        item.line = 0
    assert again.questions == original


# --- in the browser ----------------------------------------------------------------------


def import_url(course) -> str:
    return reverse("quizzes:bank-import", kwargs={"slug": course.slug})


def test_it_previews_an_upload_then_imports_it(as_user, instructor, course):
    client = as_user(instructor)
    upload = SimpleUploadedFile("q.gift", (DATA / "grant.gift").read_bytes())
    preview = client.post(import_url(course), {"file": upload, "format": "gift"})
    assert preview.status_code == 200
    assert "Preview" in preview.text and not course.questions.exists()
    text = (DATA / "grant.gift").read_text()
    response = client.post(import_url(course), {"text": text, "format": "gift"})
    assert response.status_code == 302
    assert course.questions.count() == len(parse_gift(text).questions)


def test_it_needs_acceptance_to_import_the_valid_part_in_the_browser(as_user, instructor, course):
    client = as_user(instructor)
    text = (DATA / "with_errors.gift").read_text()
    refused = client.post(import_url(course), {"text": text, "format": "gift"})
    assert refused.status_code == 400
    assert "nothing was imported" in refused.text
    assert not course.questions.exists()
    client.post(import_url(course), {"text": text, "format": "gift", "accept_valid": "on"})
    assert course.questions.count() == len(parse_gift(text).questions)


def test_it_explains_a_binary_upload(as_user, instructor, course):
    upload = SimpleUploadedFile("q.gift", b"\x89PNG\x00\x00" * 10)
    response = as_user(instructor).post(import_url(course), {"file": upload, "format": "gift"})
    assert "binary" in response.text
    assert not course.questions.exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("student", 403), ("other_instructor", 403), ("anonymous", 302)]
)
def test_it_keeps_the_bank_to_the_courses_staff(as_user, request, course, persona, status):
    client = as_user(request.getfixturevalue(persona))
    for name in ["quizzes:bank", "quizzes:bank-export", "quizzes:bank-import"]:
        assert client.get(reverse(name, kwargs={"slug": course.slug})).status_code == status
    text = (DATA / "grant.gift").read_text()
    assert client.post(import_url(course), {"text": text, "format": "gift"}).status_code == status
    assert not course.questions.exists()


def test_it_searches_the_bank_and_answers_htmx_with_the_results_only(
    as_user, instructor, course, htmx_headers
):
    run_import(DATA / "grant.gift", course)
    client = as_user(instructor)
    url = reverse("quizzes:bank", kwargs={"slug": course.slug})
    full = client.get(url, {"q": "Grant"})
    assert "<html" in full.text
    fragment = client.get(url, {"q": "Grant", "type": "true_false"}, **htmx_headers)
    assert fragment.text.strip().startswith('<div id="bank-results">')
    expected = Question.objects.filter(
        course=course, type="true_false", prompt__icontains="grant"
    ).count()
    assert f"{expected} question" in fragment.text


def test_it_downloads_the_bank_as_gift(as_user, instructor, course):
    run_import(DATA / "grant.gift", course)
    response = as_user(instructor).get(reverse("quizzes:bank-export", kwargs={"slug": course.slug}))
    assert response["Content-Disposition"].startswith("attachment")
    assert parse_gift(response.content.decode()).errors == []


def test_it_searches_the_bank_with_nul_and_control_characters_stripped(
    as_user, instructor, course, htmx_headers
):
    # PostgreSQL refuses a NUL in a query: it was a 500.
    run_import(DATA / "grant.gift", course)
    url = reverse("quizzes:bank", kwargs={"slug": course.slug})
    response = as_user(instructor).get(url, {"q": "Gra\x00nt\x1b", "tag": "\x00"}, **htmx_headers)
    assert response.status_code == 200
    expected = Question.objects.filter(course=course, prompt__icontains="grant").count()
    assert expected and f"{expected} question" in response.text


# --- the upload limit --------------------------------------------------------------------


def _gift_of(size: int) -> str:
    """A GIFT file of about `size` bytes: one question under many comment lines."""
    line = "// " + "padding " * 12 + "\n"
    return line * (size // len(line)) + "::Big:: Is this file large? {T}\n"


def test_it_imports_a_file_larger_than_djangos_default_body_limit(as_user, instructor, course):
    # A 3 MB file previewed fine, then its confirmation (the file's text posted back) went
    # past Django's default 2.5 MB request body and got a bare "Bad Request (400)".
    text = _gift_of(3 * 1024 * 1024)
    client = as_user(instructor)
    upload = SimpleUploadedFile("big.gift", text.encode())
    preview = client.post(import_url(course), {"file": upload, "format": "gift"})
    assert preview.status_code == 200 and "1 valid question" in preview.text
    # Browsers send every line break back as CRLF.
    response = client.post(
        import_url(course), {"text": text.replace("\n", "\r\n"), "format": "gift"}
    )
    assert response.status_code == 302
    assert course.questions.get().prompt == "Is this file large?"
    # The confirmation is multipart: a urlencoded body would triple non-ASCII text.
    assert '<form method="post" enctype="multipart/form-data" class="stacked-form">' in (
        preview.text
    )


def test_it_refuses_a_file_over_the_upload_limit_saying_the_limit(
    as_user, instructor, course, settings
):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    client = as_user(instructor)
    upload = SimpleUploadedFile("big.gift", _gift_of(1024 * 1024 + 100).encode())
    response = client.post(import_url(course), {"file": upload, "format": "gift"})
    assert response.status_code == 200
    assert "The file is too large" in response.text and "the limit is 1 MB" in response.text
    # A forged confirmation over the limit is refused the same way, never imported.
    forged = client.post(import_url(course), {"text": _gift_of(1024 * 1024 + 100),
                                              "format": "gift"})  # fmt: skip
    assert forged.status_code == 200 and "the limit is 1 MB" in forged.text
    assert not course.questions.exists()


def test_the_request_body_limit_leaves_room_for_any_file_under_the_upload_limit():
    from django.conf import settings

    # Every byte a line feed, each posted back as CRLF: twice the file, plus the form.
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > 2 * settings.UPLOAD_MAX_BYTES
