"""Fixtures for the generator tests: the reference abstract and its draft."""

from __future__ import annotations

import pytest

from course.generator import Draft, build_draft

from .support import SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"reference abstract not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_draft(seed_text: str) -> Draft:
    return build_draft(seed_text)
