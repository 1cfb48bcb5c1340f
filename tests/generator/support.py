"""Where the reference material lives, for tests and fixtures alike.

The reference abstract ships in the repository (the demo course is made from it), so
the seed tests always run. The development corpus is in ``shared/`` beside the
repository (``/work/shared`` next to ``/work/main``), present wherever the suite runs
(sessions and CI alike): a test that needs it fails when it is missing, never skips.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "course" / "catalog" / "demo" / "abstract.txt"
SHARED = REPO.parent / "shared"
SHARED_SEED = SHARED / "seed" / "abstract.raw.txt"
CORPUS = SHARED / "corpus"


def corpus_files() -> list[Path]:
    """The corpus abstracts; the folder is shared material every run has."""
    assert CORPUS.is_dir(), f"development corpus missing: {CORPUS}"
    return sorted(CORPUS.glob("*.txt"))


def corpus_prose(paths: list[Path]) -> list[str]:
    """The abstracts of ``paths`` without their title lines: one paragraph each.

    Joined with blank lines they make one long run of prose, as a long abstract would;
    with their titles between them they would read as a page listing several articles,
    of which the generator keeps one.
    """
    from course.generator import build_draft

    return [" ".join(build_draft(p.read_text(encoding="utf-8")).sentences) for p in paths]
