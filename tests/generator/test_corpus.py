"""Every development-corpus abstract yields a usable draft."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course.generator import build_draft

from .support import CORPUS, corpus_files, corpus_prose

FILES = corpus_files()


def _ids(path: Path) -> str:
    return path.name


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_it_builds_a_complete_draft_from_each_corpus_abstract(path: Path) -> None:
    draft = build_draft(path.read_text(encoding="utf-8"))

    assert len(draft.sentences) >= 1
    assert draft.title
    assert 1 <= len(draft.lessons) <= 6
    covered = [i for lesson in draft.lessons for i in lesson.sentences]
    assert covered == list(range(len(draft.sentences)))
    titles = [lesson.title for lesson in draft.lessons]
    assert all(t.strip() for t in titles)
    assert len({t.casefold() for t in titles}) == len(titles)
    assert draft.lessons  # the loop below must check something
    for lesson in draft.lessons:
        for i in lesson.sentences:
            assert draft.sentences[i] in lesson.body

    assert len(draft.concepts) >= 3
    assert draft.concepts  # the loop below must check something
    for concept in draft.concepts:
        assert any(concept.definition.split(": ", 1)[-1] in s for s in draft.sentences)
        assert concept.sentences == sorted(set(concept.sentences))
        forms = [concept.term, *concept.aliases]
        for i in concept.sentences:
            sentence = draft.sentences[i]
            assert any(
                re.search(rf"(?<!\w){re.escape(f)}(?!\w)", sentence, re.IGNORECASE) for f in forms
            ), (concept.term, sentence)


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_it_joins_wrapped_lines_and_keeps_the_title_out_of_the_sentences(path: Path) -> None:
    draft = build_draft(path.read_text(encoding="utf-8"))
    assert draft.sentences  # the loop below must check something
    for sentence in draft.sentences:
        assert "\t" not in sentence
        assert "\r" not in sentence and "\n" not in sentence
        assert "  " not in sentence
    assert draft.title not in draft.sentences


def test_it_reads_the_inspec_title_line_as_the_title() -> None:
    path = CORPUS / "15.txt"
    draft = build_draft(path.read_text(encoding="utf-8"))
    # The title wraps onto a tab-indented second line in this file.
    assert draft.title.startswith("Work in progress")
    assert draft.title.endswith("South Africa")
    assert draft.sentences[0].startswith("Following")


def test_it_handles_ten_abstracts_concatenated() -> None:
    texts = corpus_prose(FILES)
    # Ten abstracts' worth of distinct sentences: later copies are marked so
    # they are not collapsed as duplicates.
    copies = [
        text if n < len(texts) else text.replace(". ", f" (copy {n}). ")
        for n, text in enumerate((texts * 10)[:10])
    ]
    big = "\n\n".join(copies)
    build_draft(texts[0])  # warm-up: loads the sentence model once
    draft = build_draft(big)  # its time: `make bench` (tests/load/bench.py)
    assert len(draft.sentences) > 60
    assert 3 <= len(draft.lessons) <= 6
    covered = [i for lesson in draft.lessons for i in lesson.sentences]
    assert covered == list(range(len(draft.sentences)))
    assert len(draft.concepts) <= 20


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_it_makes_checked_questions_and_prompts_for_each_corpus_abstract(path: Path) -> None:
    from .quiz_rules import assert_prompt_rules, assert_question_rules

    draft = build_draft(path.read_text(encoding="utf-8"))
    # Fewer, better items: only those the flaw checker and the offering rules keep, so a
    # short abstract that mostly describes itself may give very few.
    assert_question_rules(draft, every_core_concept=False)
    assert_prompt_rules(draft)
    for lesson in draft.lessons:
        assert lesson.objective and len(lesson.objective) <= 160
