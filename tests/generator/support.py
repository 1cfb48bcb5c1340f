"""Where the reference material lives, for tests and fixtures alike.

It is in ``shared/`` beside the repository (``/work/shared`` next to
``/work/main``); tests that need it are skipped with a reason when it is absent,
so the suite still runs in a bare checkout.
"""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seed" / "abstract.raw.txt"
CORPUS = SHARED / "corpus"


def corpus_files() -> list[Path]:
    """The corpus abstracts, or nothing when the folder is missing."""
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def corpus_prose(paths: list[Path]) -> list[str]:
    """The abstracts of ``paths`` without their title lines: one paragraph each.

    Joined with blank lines they make one long run of prose, as a long abstract would;
    with their titles between them they would read as a page listing several articles,
    of which the generator keeps one.
    """
    from course.generator import build_draft

    return [" ".join(build_draft(p.read_text(encoding="utf-8")).sentences) for p in paths]
