"""False statements that say of one of a contrasting pair what the text says of the other
(course.generator.opposites)."""

from __future__ import annotations

import pytest

from course.generator.opposites import opposite, opposite_swaps

TEXT = [
    "Slow earthquakes occur only at an intermediate interaction strength.",
    "Fast earthquakes dominate on a single planar fault.",
    "Individual factors include poverty and family problems.",
    "Structural factors include a lack of affordable housing.",
    "The causes are an interaction between individual and structural factors.",
    "Homeless people die younger than the rest of the population.",
    "Homeless people often miss appointments, unlike non-homeless people.",
    "Homeless people visit emergency departments more often.",
]


@pytest.mark.parametrize(
    ("a", "b", "opposed"),
    [
        ("slow", "fast", True),
        ("emotional", "nonemotional", True),
        ("formal", "informal", True),
        ("rural", "urban", True),
        ("slow", "regional", False),
        ("in", "inn", False),  # a prefix needs a word behind it
    ],
)
def test_it_knows_opposite_modifiers(a: str, b: str, opposed: bool) -> None:
    assert opposite(a, b) is opposed


@pytest.mark.parametrize(
    ("statement", "false"),
    [
        (TEXT[0], "Fast earthquakes occur only at an intermediate interaction strength."),
        (TEXT[2], "Structural factors include poverty and family problems."),
    ],
)
def test_it_says_of_one_of_a_pair_what_the_text_says_of_the_other(
    statement: str, false: str
) -> None:
    assert [s.statement for s in opposite_swaps(statement, [], TEXT)] == [false]


@pytest.mark.parametrize(
    "statement",
    [
        # both members named: a swap leaves one named twice
        TEXT[4],
        "Both slow and fast earthquakes occur on complex faults.",
        # a topic and the comparison group named once: nonsense, not a plausible error
        TEXT[7],
    ],
)
def test_it_swaps_nothing_where_the_pair_is_not_two_kinds_the_text_tells_apart(
    statement: str,
) -> None:
    assert opposite_swaps(statement, [], TEXT) == []


def test_it_swaps_nothing_the_text_also_says_of_the_other() -> None:
    text = [
        "Rural schools lost teachers after the reform of 1990.",
        "Urban schools lost teachers after the reform of 1990 as well.",
    ]
    assert opposite_swaps(text[0], [], text) == []
