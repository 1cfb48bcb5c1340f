"""Concepts: acronyms, variants, occurrences, definitions, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from course.generator import Draft, DraftConcept, build_draft

INVENTED = (
    "The Gross Domestic Product (GDP) of the island grew quickly after the harbour opened. "
    "Economists measure GDP every quarter, and the island's GDP doubled in ten years. "
    "The use of information technology (IT) in the harbour also spread. "
    "It made shipping faster, and IT staff were hard to find. "
    "The World Health Organization praised the island's clinics. "
    "Later, the WHO asked other islands to copy the clinics."
)


def _concept(draft: Draft, term: str) -> DraftConcept:
    return next(c for c in draft.concepts if c.term == term)


def test_it_links_acronyms_to_their_expansions() -> None:
    draft = build_draft(INVENTED)
    gdp = _concept(draft, "Gross Domestic Product")
    assert "GDP" in gdp.aliases
    assert gdp.sentences == [0, 1]
    assert gdp.definition in draft.sentences[0]
    who = _concept(draft, "World Health Organization")
    assert "WHO" in who.aliases
    assert who.sentences == [4, 5]


def test_it_matches_acronyms_with_their_case() -> None:
    draft = build_draft(INVENTED)
    it = _concept(draft, "information technology")
    assert "IT" in it.aliases
    # "It made shipping faster" mentions IT by its acronym only in upper case.
    assert it.sentences == [2, 3]
    assert all(s != 4 for s in it.sentences)


def test_it_merges_plural_and_hyphenated_variants() -> None:
    draft = build_draft(
        "Factory committees met weekly in the old town. "
        "Each factory committee elected a chair every spring. "
        "The factory-committee model spread to other towns in the region."
    )
    concept = next(c for c in draft.concepts if c.term.lower().startswith("factory committee"))
    forms = {concept.term.lower(), *(a.lower() for a in concept.aliases)}
    assert {"factory committees", "factory committee"} <= forms
    assert concept.sentences[:2] == [0, 1]


def test_it_drops_generic_single_words() -> None:
    draft = build_draft(
        "This paper presents an approach to river trade. "
        "The study reports results on river trade in three ports. "
        "The results show that river trade grew in every port."
    )
    terms = {c.term.lower() for c in draft.concepts}
    assert not terms & {"paper", "approach", "study", "results", "way", "process"}
    assert "river trade" in terms


def test_it_prefers_a_defining_sentence() -> None:
    draft = build_draft(
        "Many towns relied on barter markets before coins spread. "
        "A barter market is a market where goods are exchanged without money. "
        "Barter markets faded when coins became common."
    )
    concept = next(c for c in draft.concepts if c.term.lower().startswith("barter market"))
    assert concept.definition == draft.sentences[1]


def test_it_lists_only_sentences_that_mention_the_concept(seed_draft: Draft) -> None:
    import re

    for concept in seed_draft.concepts:
        forms = [concept.term, *concept.aliases]
        for i, sentence in enumerate(seed_draft.sentences):
            mentioned = any(
                re.search(rf"(?<!\w){re.escape(f)}(?!\w)", sentence, re.IGNORECASE) for f in forms
            )
            if i in concept.sentences:
                assert mentioned, (concept.term, sentence)


def test_it_is_deterministic_within_a_process(seed_text: str) -> None:
    assert build_draft(seed_text) == build_draft(seed_text)
    assert build_draft(INVENTED).to_json() == build_draft(INVENTED).to_json()


def test_it_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    source = tmp_path / "abstract.txt"
    source.write_text(INVENTED, encoding="utf-8")
    script = (
        "import json, sys; from course.generator import build_draft; "
        "print(json.dumps(build_draft(open(sys.argv[1], encoding='utf-8').read()).to_json()))"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(source)],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env=env,
        )
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]
