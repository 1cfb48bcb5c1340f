"""Reviewed snapshots of what the generator makes from every development text.

Each snapshot holds the title, the kept sentences, the glossary (term, core, definition),
the lessons (title, objective, sentences), the questions and the prompts. A change to the
generator that changes any of them fails here with a diff, to be read as an instructor
would (../shared/AUDIT.md) before the snapshots are rewritten:

    LECTERN_GOLDEN=update .venv/bin/python -m pytest tests/generator/test_golden.py

The texts are the reference abstract we ship, the shared corpus abstracts and the raw
journal pages of ../shared/corpus/raw (test data only: the snapshots stay in tests/).
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from course.generator import build_draft, findings, more_questions

from .support import CORPUS, SEED

GOLDEN = Path(__file__).parent / "golden"
TEXTS: dict[str, Path] = {
    "seed": SEED,
    **{f"corpus-{p.stem}": p for p in sorted(CORPUS.glob("*.txt"))},
    **{f"raw-{p.name[:2]}": p for p in sorted((CORPUS / "raw").glob("*.raw.txt"))},
}


def snapshot(text: str) -> dict[str, Any]:
    draft = build_draft(text).to_json()
    return {
        "title": draft["title"],
        "sentences": draft["source"]["sentences"],
        "glossary": [
            {"term": c["term"], "core": c["core"], "definition": c["definition"]}
            for c in draft["concepts"]
        ],
        "lessons": [
            {
                "title": lesson["title"],
                "objective": lesson["objective"],
                "sentences": lesson["sentences"],
            }
            for lesson in draft["lessons"]
        ],
        "questions": [
            {
                "type": q["type"],
                "prompt": q["prompt"],
                "options": q["options"],
                "answer": q["answer"],
            }
            for q in draft["questions"]
        ],
        "prompts": [p["text"] for p in draft["prompts"]],
    }


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def test_it_has_a_snapshot_for_every_development_text() -> None:
    assert len(TEXTS) >= 18, "the development texts are missing"
    names = {p.stem for p in GOLDEN.glob("*.json")}
    assert names == set(TEXTS), "snapshots and texts differ: rewrite them (see the docstring)"


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_it_makes_the_reviewed_draft(name: str) -> None:
    made = dump(snapshot(TEXTS[name].read_text(encoding="utf-8")))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("LECTERN_GOLDEN") == "update":
        path.write_text(made, encoding="utf-8")
    expected = path.read_text(encoding="utf-8") if path.is_file() else ""
    if made != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                made.splitlines(keepends=True),
                f"golden/{name}.json",
                "now",
            )
        )
        pytest.fail(f"The draft for {name} changed; review it, then rewrite:\n{diff}")


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_no_generated_question_carries_a_finding_of_the_flaw_checker(name: str) -> None:
    """The checker is the generator's gate: neither the draft nor "Draft more" (which reaches
    below the draft's confidence floor, where the floor alone would let a finding through)
    returns an item with a finding, read against its text or as an instructor's copy."""
    draft = build_draft(TEXTS[name].read_text(encoding="utf-8"))
    texts = list(draft.sentences)
    aliases = {c.term: list(c.aliases) for c in draft.concepts if c.aliases}
    more = more_questions(texts, draft.concepts, exclude=draft.questions, count=20)
    for q in [*draft.questions, *more]:
        found = findings(
            type=q.type,
            prompt=q.prompt,
            options=q.options,
            answer=q.answer,
            sentences=texts,
            cited=q.sentences,
            aliases=aliases,
        )
        assert found == [], (q.prompt, found)
        assert findings(type=q.type, prompt=q.prompt, options=q.options, answer=q.answer) == []
