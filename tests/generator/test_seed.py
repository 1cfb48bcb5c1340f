"""The reference abstract: a web page paste with a UI label and two copies."""

from __future__ import annotations

from course.generator import Draft, DraftLesson


def _lesson_text(lesson: DraftLesson) -> str:
    return f"{lesson.title}\n{lesson.body}"


def test_it_removes_the_foreign_script_label_as_navigation(seed_draft: Draft) -> None:
    boilerplate = [r for r in seed_draft.removed if r.kind == "navigation"]
    assert len(boilerplate) == 1
    assert not any(c.isascii() and c.isalpha() for c in boilerplate[0].text)
    assert all(boilerplate[0].text not in s for s in seed_draft.sentences)


def test_it_removes_the_second_copy_as_a_duplicate(seed_draft: Draft) -> None:
    duplicates = [r for r in seed_draft.removed if r.kind == "duplicate"]
    assert len(duplicates) == 1
    assert seed_draft.sentences[0] in duplicates[0].text
    assert seed_draft.sentences[-1] in duplicates[0].text


def test_it_finds_exactly_twelve_sentences(seed_draft: Draft) -> None:
    assert len(seed_draft.sentences) == 12
    assert len({s.casefold() for s in seed_draft.sentences}) == 12
    assert any("(1928~32)" in s for s in seed_draft.sentences)


def test_it_covers_every_sentence_with_exactly_one_lesson(seed_draft: Draft) -> None:
    covered = [i for lesson in seed_draft.lessons for i in lesson.sentences]
    assert covered == list(range(len(seed_draft.sentences)))
    assert 3 <= len(seed_draft.lessons) <= 6


def test_it_gives_lessons_distinct_meaningful_titles(seed_draft: Draft) -> None:
    titles = [lesson.title for lesson in seed_draft.lessons]
    assert len({t.casefold() for t in titles}) == len(titles)
    assert titles  # the loop below must check something
    for title in titles:
        assert 0 < len(title) <= 70
        assert title[-1].isalnum()
        assert title.lower() not in {"the", "and", "of", "a"}


def test_it_puts_each_sentence_verbatim_in_its_lesson_body(seed_draft: Draft) -> None:
    assert seed_draft.lessons  # the loop below must check something
    for lesson in seed_draft.lessons:
        for i in lesson.sentences:
            assert seed_draft.sentences[i] in lesson.body


def test_it_teaches_shock_work_in_some_lesson(seed_draft: Draft) -> None:
    assert any("shock work" in _lesson_text(lesson).lower() for lesson in seed_draft.lessons)


def test_it_links_an_acronym_to_its_expansion_in_the_seed(seed_draft: Draft) -> None:
    by_term = {c.term: c for c in seed_draft.concepts}
    expanded = [c for c in seed_draft.concepts if any(a.isupper() for a in c.aliases)]
    assert expanded, by_term.keys()
    for concept in expanded:
        acronym = next(a for a in concept.aliases if a.isupper())
        initials = "".join(w[0] for w in concept.term.replace("-", " ").split()).upper()
        assert initials == acronym


def test_it_ranks_concepts_and_marks_the_top_as_core(seed_draft: Draft) -> None:
    concepts = seed_draft.concepts
    assert 8 <= len(concepts) <= 20
    assert [c.rank for c in concepts] == list(range(1, len(concepts) + 1))
    core = [c for c in concepts if c.core]
    assert len(core) >= 3
    assert all(c.core for c in concepts[: len(core)])


def test_it_derives_a_title_case_title_when_the_text_has_none(seed_draft: Draft) -> None:
    assert 0 < len(seed_draft.title) <= 80
    assert seed_draft.title[0].isupper()
    assert not seed_draft.title.endswith((".", ":", ","))


def test_it_serialises_to_the_documented_json_layout(seed_draft: Draft) -> None:
    data = seed_draft.to_json()
    assert set(data) == {"title", "source", "lessons", "concepts", "questions", "prompts"}
    assert data["source"]["sentences"] == seed_draft.sentences
    assert {"kind": "duplicate"}.items() <= data["source"]["removed"][-1].items()
    assert data["lessons"]  # the loop below must check something
    for lesson in data["lessons"]:
        assert set(lesson) == {"title", "sentences", "concepts", "objective"}
        assert lesson["objective"] and len(lesson["objective"]) <= 160
        assert lesson["concepts"]
    assert data["concepts"]  # the loop below must check something
    for concept in data["concepts"]:
        assert set(concept) == {"term", "aliases", "definition", "sentences", "core"}
    shock = [
        lesson
        for lesson in data["lessons"]
        if any("shock work" in term.lower() for term in lesson["concepts"])
    ]
    assert len(shock) == 1
