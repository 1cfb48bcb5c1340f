"""The benchmark's write floor (tests/load/floor_urls.py) does the one write it claims."""

from __future__ import annotations

import pytest


@pytest.mark.urls("tests.load.floor_urls")
def test_the_write_floor_updates_the_signed_in_persons_own_row(as_user, student):
    client = as_user(student)
    student.refresh_from_db()
    before = student.last_login
    assert client.post("/bench/write-floor").content == b"ok"
    student.refresh_from_db()
    assert student.last_login > before


@pytest.mark.urls("tests.load.floor_urls")
def test_the_write_floor_refuses_anyone_not_signed_in(as_user, anonymous):
    assert as_user(anonymous).post("/bench/write-floor").status_code == 403
