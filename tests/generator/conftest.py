"""Fixtures for the generator tests: the reference abstract and its draft."""

from __future__ import annotations

import pytest

from course.generator import Draft, build_draft

from .support import SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The copy of the reference abstract that ships in the repository."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_draft(seed_text: str) -> Draft:
    return build_draft(seed_text)
