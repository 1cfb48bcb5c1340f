"""The package stays framework-free and exposes the documented API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import course.generator as generator

PACKAGE = Path(generator.__file__).resolve().parent


def test_it_imports_no_django() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        assert "django" not in path.read_text(encoding="utf-8").lower(), path
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, course.generator as g; "
            "g.build_draft('Bees make honey. Honey feeds bees. Bees sleep in winter.'); "
            "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parents[1],
    )
    assert result.stdout.strip() == "False"


def test_it_exports_the_public_api() -> None:
    assert set(generator.__all__) == {
        "MAX_INPUT_BYTES",
        "MIN_CONFIDENCE",
        "Draft",
        "DraftConcept",
        "DraftLesson",
        "DraftPrompt",
        "DraftQuestion",
        "Flaw",
        "InputError",
        "Removed",
        "answer_matches",
        "build_draft",
        "concept_from_term",
        "confidence",
        "decode_text",
        "generate_prompts",
        "generate_questions",
        "findings",
        "item_flaws",
        "more_questions",
        "normalize_answer",
        "sentences_of",
    }
    assert generator.MAX_INPUT_BYTES == 200_000
    assert issubclass(generator.InputError, ValueError)
