"""Production settings and security headers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DEBUG": "False",
    "SECRET_KEY": "x7#Kq2!vLp9@Zr4$Wm8^Tn3&Yb6*Hc1(Jd5)Fg0_Se2+Ua7=Ri4-Oe9",
    "ALLOWED_HOSTS": "example.org",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Only what a deployment would have: nothing from the test run leaks into the check.
    base = {"PATH": os.environ["PATH"], "LECTERN_ENV_FILE": ""}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env},
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_it_passes_the_deployment_checklist_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check", env={"DEBUG": "False", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_refuses_a_page_cache_design_it_does_not_have():
    result = manage("check", env={**PRODUCTION, "PAGE_CACHE": "fragments"})
    assert result.returncode != 0
    assert "PAGE_CACHE must be one of ['middleware', 'standard'], not 'fragments'" in result.stderr


@pytest.mark.django_db
def test_it_sends_a_strict_content_security_policy(client):
    response = client.get(reverse("catalog:index"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_it_configures_htmx_to_need_no_eval_and_no_inline_styles(client):
    text = client.get(reverse("catalog:index")).text
    assert '"allowEval": false' in text
    assert '"includeIndicatorStyles": false' in text
    assert "htmx" in text and 'src="/static/django_htmx/htmx-2' in text


@pytest.mark.django_db
def test_it_leaks_no_template_comment_into_pages(client):
    text = client.get(reverse("catalog:index")).text
    assert "{#" not in text and "{%" not in text


@pytest.mark.django_db
def test_it_answers_health_checks_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.content == b"ok"
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_it_pauses_log_in_after_repeated_failures(client, student):
    from tests.factories import PASSWORD

    for _ in range(5):
        client.post(reverse("login"), {"username": "student", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "student", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_it_allows_inline_styles_in_the_admin_only(client, admin):
    client.force_login(admin)
    admin_policy = client.get("/admin/")["Content-Security-Policy"]
    site_policy = client.get(reverse("catalog:index"))["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in admin_policy
    assert "unsafe-inline" not in site_policy
    assert "unsafe-inline" not in admin_policy.split("script-src")[1].split(";")[0]


@pytest.mark.django_db
def test_it_logs_an_expected_403_as_one_warning_line_without_a_traceback(
    client, student, course, caplog
):
    import logging

    client.force_login(student)
    with caplog.at_level(logging.INFO, logger="django.request"):
        response = client.get(reverse("catalog:review", kwargs={"slug": course.slug}))
    assert response.status_code == 403
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == f"Forbidden (Permission denied): /courses/{course.slug}/review/"
    assert record.exc_info is None and not record.exc_text


@pytest.mark.django_db
def test_it_still_logs_a_server_error_with_its_traceback(client, caplog, monkeypatch):
    import logging

    from course.progress import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "render", broken)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        assert client.get(reverse("catalog:index")).status_code == 500
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is not None


def test_it_reads_development_settings_from_an_env_file_and_the_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("# as make run writes it\nDEBUG=true\n", encoding="utf-8")
    # the file alone: DEBUG on, so the development key serves
    result = manage("check", env={"LECTERN_ENV_FILE": str(env_file)})
    assert result.returncode == 0, result.stderr
    # a variable in the environment overrides the file
    result = manage("check", env={"LECTERN_ENV_FILE": str(env_file), "DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
