"""Lessons: counts, coverage, titles, Markdown bodies."""

from __future__ import annotations

from course.generator import Draft, build_draft
from course.generator.lessons import lesson_count, segment
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
    for lesson in draft.lessons:
        assert "\n\n\n" not in lesson.body
        for i in lesson.sentences:
            assert draft.sentences[i] in lesson.body
