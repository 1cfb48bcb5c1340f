"""Lessons: counts, coverage, titles, Markdown bodies, objectives."""

from __future__ import annotations

import pytest

from course.generator import Draft, build_draft
from course.generator.candidates import tokenize_sentences
from course.generator.concepts import RankedConcept
from course.generator.lessons import (
    Segment,
    lesson_count,
    lesson_objectives,
    lesson_titles,
    looks_like_person,
    segment,
)
from course.generator.markdown import escape_line_start
from course.generator.titles import clip, title_case

SENTENCES = [
    "Bees collect nectar from flowers in spring.",
    "Nectar becomes honey inside the hive.",
    "Honey feeds the colony through winter.",
    "Farmers rent hives to pollinate orchards.",
    "Orchard pollination raises fruit yields.",
    "Pesticides can harm the bees that visit orchards.",
    "Some countries ban certain pesticides near hives.",
]


def _covered(draft: Draft) -> list[int]:
    return [i for lesson in draft.lessons for i in lesson.sentences]


def test_it_makes_one_lesson_per_sentence_below_three_sentences() -> None:
    draft = build_draft("Bees make honey from nectar. Honey feeds the colony.")
    assert [lesson.sentences for lesson in draft.lessons] == [[0], [1]]
    assert draft.lessons[0].title != draft.lessons[1].title


def test_it_makes_three_to_six_lessons() -> None:
    assert lesson_count(1) == 1
    assert lesson_count(3) == 3
    assert lesson_count(12) == 4
    assert lesson_count(500) == 6
    draft = build_draft(" ".join(SENTENCES))
    assert 3 <= len(draft.lessons) <= 6
    assert _covered(draft) == list(range(len(SENTENCES)))


def test_it_keeps_lessons_contiguous_and_balanced() -> None:
    costs = [0.0, 0.9, 0.9, 0.1, 0.9, 0.9, 0.1, 0.9, 0.9]
    segments = segment(costs, 3)
    assert [(s.start, s.end) for s in segments] == [(0, 3), (3, 6), (6, 9)]
    flat = [0.5] * 20
    sizes = [len(s) for s in segment(flat, 6)]
    assert sum(sizes) == 20 and max(sizes) <= 2 * 20 / 6


def test_it_titles_lessons_in_title_case() -> None:
    assert title_case("reorganization of the unions") == "Reorganization of the Unions"
    assert title_case("VTsSPS leadership") == "VTsSPS Leadership"
    assert title_case("amazon.com helpfulness votes") == "Amazon.com Helpfulness Votes"
    assert title_case("five-year plan") == "Five-Year Plan"
    assert len(clip("word " * 40, 70)) <= 70


def test_it_escapes_markdown_at_the_start_of_a_line() -> None:
    assert escape_line_start("1. First point.") == "1\\. First point."
    assert escape_line_start("# Not a heading.") == "\\# Not a heading."
    assert escape_line_start("- Not a bullet.") == "\\- Not a bullet."
    assert escape_line_start("> Not a quote.") == "\\> Not a quote."
    assert escape_line_start("Plain text.") == "Plain text."
    assert escape_line_start("1999 was a year.") == "1999 was a year."


def test_it_escapes_sentences_that_would_render_as_markdown() -> None:
    draft = build_draft(
        "# Bees are not a heading here. Bees collect nectar from flowers. "
        "Nectar becomes honey in the hive. Honey feeds the colony in winter."
    )
    body = draft.lessons[0].body
    assert body.startswith("\\# Bees are not a heading here.")


def test_it_writes_bodies_as_paragraphs_containing_each_sentence() -> None:
    draft = build_draft("\n\n".join([" ".join(SENTENCES[:4]), " ".join(SENTENCES[4:])]))
    assert draft.lessons  # the loop below must check something
    for lesson in draft.lessons:
        assert "\n\n\n" not in lesson.body
        for i in lesson.sentences:
            assert draft.sentences[i] in lesson.body


# --- titles and objectives from what the lesson states ----------------------------------


def _concept(term: str, sentences: list[int], score: float = 1.0) -> RankedConcept:
    units = frozenset(term.lower().replace("-", " ").split())
    return RankedConcept(term, [], "", sentences, score, units)


def _objective(texts: list[str], concepts: list[RankedConcept]) -> str:
    """The objective of one lesson made of all of ``texts``."""
    return lesson_objectives([Segment(0, len(texts))], concepts, texts)[0]


def _title(texts: list[str], concepts: list[RankedConcept]) -> str:
    return lesson_titles([Segment(0, len(texts))], tokenize_sentences(texts), concepts)[0]


def test_it_titles_a_lesson_by_its_leading_concept_not_two_unrelated_terms() -> None:
    texts = ["Crop rotation restores soil nitrogen in the second year."]
    concepts = [_concept("crop rotation", [0], 2.0), _concept("soil nitrogen", [0])]
    assert _title(texts, concepts) == "Crop Rotation"


def test_it_joins_two_concepts_in_a_title_only_as_the_text_joins_them() -> None:
    texts = ["Vaccination and quarantine slowed the epidemic in the port cities."]
    concepts = [_concept("quarantine", [0], 2.0), _concept("vaccination", [0])]
    assert _title(texts, concepts) == "Vaccination and Quarantine"


def test_it_tells_peoples_names_from_other_capitalised_terms() -> None:
    texts = ["Leo van Rossum reviewed the studies of the Northern Hemisphere and South Africa."]
    assert looks_like_person("Leo van Rossum", texts)
    assert looks_like_person("Allen S", texts)
    for term in (
        "Northern Hemisphere",
        "South Africa",
        "Bill of Rights",
        "Disaster Situation Browser",
    ):
        assert not looks_like_person(term, texts), term
    assert not looks_like_person("Korean Government", ["It lobbied the Korean government."])


def test_it_keeps_names_and_acronyms_out_of_titles_while_a_concept_is_left() -> None:
    texts = [
        "Julia Gusynina and the NRC studied recurrent neural networks.",
        "Recurrent neural networks keep a memory of earlier inputs.",
    ]
    concepts = [
        _concept("Julia Gusynina", [0], 3.0),
        _concept("NRC", [0], 2.5),
        _concept("recurrent neural networks", [0, 1]),
    ]
    assert _title(texts, concepts) == "Recurrent Neural Networks"


def test_it_states_the_purpose_the_lesson_states() -> None:
    texts = [
        "The reform of the courts in 1864 was intended to end arbitrary punishment.",
        "Judges gained tenure.",
    ]
    concepts = [_concept("reform of the courts", [0]), _concept("judges", [1])]
    assert _objective(texts, concepts) == (
        "Explain what the reform of the courts was intended to achieve."
    )
    passive = ["The clean air act of 1970 was enacted to limit emissions from factories."]
    assert _objective(passive, [_concept("clean air act", [0])]) == (
        "Explain why the clean air act was enacted."
    )


def test_it_asks_why_when_the_lesson_states_a_cause_or_result() -> None:
    because = ["Many patients stopped the treatment because the side effects were severe."]
    assert _objective(because, [_concept("side effects", [0])]) == (
        "Explain why many patients stopped the treatment."
    )
    therefore = [
        "The dam raised the water table across the valley.",
        "Therefore, several villages had to be moved to higher ground.",
    ]
    assert _objective(therefore, [_concept("water table", [0])]) == (
        "Explain why several villages had to be moved to higher ground."
    )
    led = ["The failed harvest of 1846 led to widespread famine in the western provinces."]
    assert _objective(led, [_concept("failed harvest", [0])]) == (
        "Explain how the failed harvest led to widespread famine in the western provinces."
    )


def test_it_states_a_contrast_between_the_subjects_contrasted() -> None:
    texts = ["Older speakers keep the distinction, whereas younger speakers merge the two vowels."]
    concepts = [_concept("older speakers", [0]), _concept("younger speakers", [0])]
    assert _objective(texts, concepts) == (
        "Explain the contrast the text draws between older speakers and younger speakers."
    )
    qualified = ["The drug lowered blood pressure, but it did not reduce the number of strokes."]
    assert _objective(qualified, [_concept("blood pressure", [0])]) == (
        "Explain what the text sets against the claim that the drug lowered blood pressure."
    )
    # a side that is no claim makes no objective
    fragment = ["The doctrines serve multiple functions, though perhaps all imperfectly."]
    assert _objective(fragment, [_concept("doctrines", [0])]) == (
        "Summarise what the text says about the doctrines."
    )
    no_longer = ["After the reform, the guilds were no longer able to set prices."]
    assert _objective(no_longer, [_concept("guilds", [0])]) == (
        "Explain why the guilds were no longer able to set prices."
    )


def test_it_describes_a_development_in_time() -> None:
    dated = ["Grain exports grew steadily from 1850 to 1870."]
    assert _objective(dated, [_concept("grain exports", [0])]) == (
        "Describe how grain exports grew from 1850 to 1870."
    )
    after = ["Following the collapse of the empire, the provinces formed independent states."]
    assert _objective(after, [_concept("empire", [0])]) == (
        "Describe what happened after the collapse of the empire."
    )
    began = ["The language began to lose its case endings in the twelfth century."]
    assert _objective(began, [_concept("case endings", [0])]) == (
        "Describe how the language began to lose its case endings in the twelfth century."
    )


def test_it_asks_for_a_definition_the_lesson_gives() -> None:
    texts = ["Aphasia is a disorder that affects the ability to produce or understand language."]
    assert _objective(texts, [_concept("disorder", [0])]) == (
        "Explain what the text means by aphasia."
    )


def test_it_summarises_the_leading_concept_when_no_relation_is_stated() -> None:
    texts = ["Bees collect nectar from flowers.", "Nectar becomes honey inside the hive."]
    concepts = [_concept("nectar", [0, 1], 2.0), _concept("hive", [1])]
    assert _objective(texts, concepts) == "Summarise what the text says about nectar."


def test_it_refuses_names_and_acronyms_that_no_relation_involves() -> None:
    texts = [
        "Mikhail Mikheev, Julia Gusynina and Tatyana Shornikova",
        "Penza State Technological University, PSTU",
    ]
    concepts = [_concept("Mikhail Mikheev", [0], 2.0), _concept("PSTU", [1])]
    assert _objective(texts, concepts) == "Summarise the main point of part 1 of the text."


def test_it_builds_the_reference_abstracts_objectives_from_its_relations(
    seed_draft: Draft,
) -> None:
    first = seed_draft.lessons[0]
    assert (
        first.objective == "Explain what the reorganization of the unions was intended to achieve."
    )
    assert seed_draft.lessons  # the loop below must check something
    for lesson in seed_draft.lessons:
        assert " relates to " not in lesson.objective
        assert "as the text presents" not in lesson.objective
        # A title joins two terms only where the text itself does.
        if " and " in lesson.title:
            body = " ".join(seed_draft.sentences[i] for i in lesson.sentences).lower()
            assert lesson.title.lower() in body, lesson.title


def test_it_summarises_the_concept_the_lesson_title_names() -> None:
    texts = ["Bees collect nectar from flowers.", "Nectar becomes honey inside the hive."]
    concepts = [_concept("nectar", [0, 1], 2.0), _concept("hive", [1])]
    objectives = lesson_objectives([Segment(0, 2)], concepts, texts, titles=["The Hive"])
    assert objectives == ["Summarise what the text says about the hive."]


@pytest.mark.parametrize(
    ("objective", "readable"),
    [
        ("Explain why the unions were reorganized.", True),
        ("Explain how the purge led to a new leadership.", True),
        # "why" with no clause after it, a task cut before its object, a noun twice
        ("Explain why choosing fruit tree varieties that are adapted.", False),
        ("Explain how abstract categories led to what Anderson.", False),
        ("Explain the aim of the study aim.", False),
        ("Explain how although all channels contribute to social reproduction.", False),
        # a pointer at a sentence the task does not quote
        ("Explain what the text sets against the claim that this phrase arose late.", False),
    ],
)
def test_it_states_only_objectives_a_student_can_read(objective: str, readable: bool) -> None:
    from course.generator.lessons.objectives import _well_formed

    assert _well_formed(objective) is readable
