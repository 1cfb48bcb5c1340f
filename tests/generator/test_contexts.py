"""Clauses and openers: what a sentence says without the words tying it to the one before."""

from __future__ import annotations

from course.generator.contexts import strip_opener


def test_it_strips_discourse_openers_that_point_back_at_earlier_sentences() -> None:
    assert strip_opener("In all of these cases, wages fell.") == "wages fell."
    assert strip_opener("Through this process, the river silted up.") == "the river silted up."
    assert strip_opener("Thus, prices rose.") == "prices rose."


def test_it_keeps_an_opening_phrase_that_says_something() -> None:
    assert strip_opener("In 1990, prices rose.") == "In 1990, prices rose."


def test_it_finds_no_term_inside_a_hyphenated_word() -> None:
    from course.generator.contexts import find_form

    assert find_form("They attended sixty-minute training sessions.", ["minute training"]) is None
    assert find_form("They attended a minute training session.", ["minute training"]) == (16, 31)
