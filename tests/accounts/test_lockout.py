"""Log-in throttling counts failures per username and the client's real address.

Behind our proxy (BEHIND_PROXY) every request comes from the proxy's address; the client's
is the last entry the proxy added to X-Forwarded-For. Counting the proxy's address would let
five wrong passwords from anywhere lock an account for everyone; counting the first entry
would let an attacker write a new address into every guess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD

PROXY = "10.0.0.1"  # the proxy's own address: REMOTE_ADDR of every proxied request
ATTACKER = "203.0.113.66"
STUDENT_HOME = "198.51.100.7"

# What settings.py sets with BEHIND_PROXY=true and one proxy (checked by the probe below).
BEHIND_ONE_PROXY = {
    "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
    "AXES_IPWARE_PROXY_COUNT": 0,
    "AXES_IPWARE_PROXY_ORDER": "left-most",
}


def _through_proxy(client_address: str, forged: str = "") -> dict[str, str]:
    # The proxy appends the address it saw to whatever X-Forwarded-For the client sent.
    chain = f"{forged}, {client_address}" if forged else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


def _log_in(client, password: str, **meta: str) -> int:
    data = {"username": "student", "password": password}
    return client.post(reverse("login"), data, **meta).status_code


@pytest.mark.django_db
@override_settings(**BEHIND_ONE_PROXY)
def test_it_does_not_let_failures_from_elsewhere_lock_a_student_out(client, student):
    for n in range(settings.AXES_FAILURE_LIMIT):
        # A new forged address each time changes nothing: the proxy's entry is the one read.
        _log_in(client, "wrong", **_through_proxy(ATTACKER, forged=f"6.6.6.{n}"))
    assert _log_in(client, PASSWORD, **_through_proxy(ATTACKER, forged="7.7.7.7")) == 429
    # The student, at home and behind their school's proxy (which sends X-Forwarded-For
    # too), logs in: the attacker's failures were counted against the attacker's address.
    for school_proxy in ("", "192.168.1.5"):
        student_client = client.__class__()
        meta = _through_proxy(STUDENT_HOME, forged=school_proxy)
        assert _log_in(student_client, PASSWORD, **meta) == 302, school_proxy
        assert "_auth_user_id" in student_client.session


PROBE = """
import json
import django
django.setup()
from axes.helpers import get_client_ip_address
from django.test import RequestFactory

factory = RequestFactory()
cases = {
    "direct": {"REMOTE_ADDR": "10.0.0.1"},
    "proxied": {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"},
    "forged": {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.5"},
    "garbage": {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-ip, 203.0.113.5"},
    "two": {"REMOTE_ADDR": "10.0.0.1",
            "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.5, 10.0.0.2"},
}
print(json.dumps({
    name: get_client_ip_address(factory.post("/accounts/login/", **meta))
    for name, meta in cases.items()
}))
"""


def _addresses(**env: str) -> dict[str, str]:
    """settings.py as a deployment runs it, in a fresh interpreter."""
    ours = ("DJANGO_", "DATABASE_", "REDIS_", "BEHIND_", "TRUSTED_")
    base = {key: value for key, value in os.environ.items() if not key.startswith(ours)}
    base |= {"DJANGO_SETTINGS_MODULE": "course.settings", "DEBUG": "true",
             "DATABASE_URL": "sqlite://:memory:"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=settings.BASE_DIR, env={**base, **env},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_behind_the_proxy_it_reads_the_address_the_proxy_added() -> None:
    found = _addresses(BEHIND_PROXY="true")
    assert found["direct"] == "10.0.0.1"
    assert found["proxied"] == found["forged"] == found["garbage"] == "203.0.113.5"
    # Two proxies: the client is the entry the first one added, before the second's.
    assert _addresses(BEHIND_PROXY="true", TRUSTED_PROXY_COUNT="2")["two"] == "203.0.113.5"


def test_without_a_proxy_it_ignores_x_forwarded_for() -> None:
    found = _addresses(BEHIND_PROXY="false")
    assert set(found.values()) == {"10.0.0.1"}


def test_it_refuses_a_proxy_count_below_one() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "course.settings",
             "BEHIND_PROXY": "true", "TRUSTED_PROXY_COUNT": "0"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr
