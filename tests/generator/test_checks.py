"""Each explicit question check, with a passing and a failing case."""

from __future__ import annotations

from course.generator import answer_matches, normalize_answer
from course.generator.checks import (
    answer_in_source,
    distinct_options,
    fact_key,
    matches_no_source,
    near_duplicate,
    option_kind,
    same_kind,
    stem_ok,
)
from course.generator.questions import shuffled

SOURCE = ["The river trade grew quickly after the harbour opened in 1850."]


def test_it_normalises_answers() -> None:
    assert normalize_answer("  The Économie-Politique! ") == "economie politique"
    assert normalize_answer("an   Apple") == "apple"
    assert normalize_answer("Stalin group") == "stalin group"


def test_it_matches_answers_after_normalisation() -> None:
    assert answer_matches("the stalin  GROUP.", ["Stalin group"])
    assert answer_matches("FFYP", ["First Five-Year Plan", "FFYP"])
    assert not answer_matches("Stalin", ["Stalin group"])
    assert not answer_matches("", ["x"])


def test_it_requires_the_answer_in_its_source_sentence() -> None:
    assert answer_in_source("river trade", SOURCE)
    assert answer_in_source("River Trade", SOURCE)
    assert not answer_in_source("sea trade", SOURCE)
    assert not answer_in_source("rive", SOURCE)  # word-bounded


def test_it_detects_near_duplicate_options() -> None:
    assert near_duplicate("personnel purge", "purge")
    assert near_duplicate("factory committees", "factory committee")
    assert near_duplicate("Union leadership", "union leadership")
    assert not near_duplicate("union leadership", "Stalinist leadership")
    assert not near_duplicate("socialist competition", "shock work movement")


def test_it_requires_distinct_options() -> None:
    assert distinct_options("river trade", ["sea routes", "harbour fees", "grain prices"])
    assert not distinct_options("river trade", ["river trade routes", "harbour fees"])
    assert not distinct_options("river trade", ["harbour fees", "harbour fee"])


def test_it_requires_distractors_of_the_same_kind() -> None:
    assert option_kind("1929") == "year"
    assert option_kind("NEP") == "proper"
    assert option_kind("Right opposition") == "proper"
    assert option_kind("personnel purge") == "term"
    assert option_kind("the replacement of the old leaders and their deputies") == "phrase"
    assert same_kind("NEP", ["VTsSPS", "Stalin group", "First Five-Year Plan"])
    assert not same_kind("NEP", ["personnel purge", "VTsSPS"])
    assert same_kind("1929", ["1928", "1932"])
    assert not same_kind("1929", ["NEP"])


def test_it_bounds_stem_length() -> None:
    assert stem_ok("The river trade grew quickly after the harbour opened.")
    assert not stem_ok("The river trade.")  # a fragment
    assert not stem_ok("river trade harbour fee grain price sea route")  # no verb
    assert not stem_ok(" ".join(["word"] * 30 + ["was"] + ["word"] * 20))  # a wall


def test_it_checks_that_false_statements_match_no_source() -> None:
    assert matches_no_source(
        "The river trade grew quickly after the harbour opened in 1851.", SOURCE
    )
    assert not matches_no_source("the river trade grew quickly", SOURCE)
    assert not matches_no_source(SOURCE[0], SOURCE)


def test_it_keys_facts_by_type_sentence_and_answer() -> None:
    assert fact_key("cloze", [2, 1], "River trade") == fact_key("cloze", [1, 2], "river  trade")
    assert fact_key("cloze", [1], "x") != fact_key("short_answer", [1], "x")


def test_it_shuffles_deterministically_and_never_in_order() -> None:
    items = ["a", "b", "c", "d"]
    assert shuffled(items, "s") == shuffled(items, "s")
    assert shuffled(items, "s") != items
    assert sorted(shuffled(items, "s")) == items
    assert shuffled(["x", "y"], "t") == ["y", "x"]
