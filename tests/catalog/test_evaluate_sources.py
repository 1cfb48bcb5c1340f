"""manage.py evaluate_sources: the abstract and the title found in raw pages, scored."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from course.catalog.management.commands.evaluate_sources import score_folder
from tests.generator.support import SHARED

RAW = SHARED / "corpus" / "raw"
ABSTRACT = (
    "Coral reefs lose species when water warms beyond their thermal limits. "
    "We surveyed forty reefs across three oceans between 2005 and 2020."
)


def test_it_scores_the_development_pages_above_the_targets() -> None:
    # The development pages are shared material, present wherever the suite runs (CI too).
    assert RAW.is_dir(), f"development pages missing: {RAW}"
    scores = score_folder(RAW)
    assert len(scores) >= 10
    kept = sum(s.kept_words for s in scores)
    shared = sum(s.shared_words for s in scores)
    true = sum(s.true_words for s in scores)
    assert shared / kept >= 0.97
    assert shared / true >= 0.98
    assert all(s.precision >= 0.9 and s.recall >= 0.95 for s in scores)
    shown = [s for s in scores if s.title_ok is not None]
    assert sum(1 for s in shown if s.title_ok) >= len(shown) - 1


def test_it_prints_each_page_and_the_totals(tmp_path: Path) -> None:
    (tmp_path / "01.raw.txt").write_text(
        f"Skip to main content\n\nReef fish at their thermal limits\n\nAbstract\n\n{ABSTRACT}\n\n"
        "Keywords: reefs, fish",
        encoding="utf-8",
    )
    (tmp_path / "01.txt").write_text(ABSTRACT, encoding="utf-8")
    (tmp_path / "titles.json").write_text(
        json.dumps({"01.raw.txt": "Reef fish at their thermal limits"}), encoding="utf-8"
    )
    out = StringIO()
    call_command("evaluate_sources", str(tmp_path), stdout=out)
    text = out.getvalue()
    assert "01.raw.txt: precision 1.00 recall 1.00 title yes: Reef fish at their thermal" in text
    assert "all 1 pages: precision 1.000 recall 1.000; title right on 1 of 1" in text


def test_it_refuses_a_folder_without_pages(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"holds no NN\.raw\.txt"):
        call_command("evaluate_sources", str(tmp_path))
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("evaluate_sources", str(tmp_path / "missing"))
