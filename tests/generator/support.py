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
