"""False statements that give a measured value another value the text reports in its unit."""

from __future__ import annotations

import pytest

from course.generator.quantities import quantity_moves

BOULDERS = [
    "The transport of boulders occurs for approximately 10 h yr\u22121.",
    "A population of boulders decays with a residence time of approximately 17 h.",
]


def test_a_value_takes_the_texts_other_value_of_its_unit() -> None:
    moved = quantity_moves(BOULDERS[0], BOULDERS)
    assert [m.statement for m in moved] == [
        "The transport of boulders occurs for approximately 17 h yr\u22121."
    ]
    assert (moved[0].said, moved[0].put) == ("10 h", "17 h")


@pytest.mark.parametrize(
    ("statement", "others"),
    [
        # no other value of the unit in the text
        ("Transport lasts 10 h a year.", ["Grains are 0.5 m wide."]),
        # one end of a range
        ("Boulders between 0.5 and 0.75 m moved.", ["Pebbles of 0.2 m stayed."]),
        # compared in the statement: a moved value may still hold
        ("A target below 130 mm Hg rather than 140 mm Hg lowered pressure.", ["Mean 120 mm Hg."]),
        # a measured mean for a round figure, and a value far off: neither reads as an error
        ("Pressure fell to 130 mm Hg.", ["The mean was 129.4 mm Hg.", "It was 10 mm Hg."]),
        # the other value is in the statement already
        ("Of the reefs, 97% warmed, with 60% warming significantly.", []),
    ],
)
def test_no_value_is_moved_where_the_move_could_leave_it_true_or_absurd(
    statement: str, others: list[str]
) -> None:
    assert quantity_moves(statement, [statement, *others]) == []


def test_a_true_false_item_asks_the_moved_value_as_false() -> None:
    from course.generator.questions import true_false_items

    items = [c.question for c in true_false_items(BOULDERS, [])]
    moved = [q for q in items if "17 h yr" in q.prompt]
    assert moved and moved[0].answer is False
    assert "10 h" in moved[0].explanation


def test_no_value_of_a_list_of_values_is_moved() -> None:
    statement = "Nanofluids were tested at weight fractions of 0.1%, 0.3% and 0.5%."
    assert quantity_moves(statement, [statement, "The friction rose by 2.3%."]) == []


def test_no_share_of_a_count_is_moved() -> None:
    statement = "Five patients (12.5%) experienced mild adverse events."
    assert quantity_moves(statement, [statement, "Scores improved by 37.5% at 3 months."]) == []


def test_no_value_given_as_an_aside_to_the_claim_is_moved() -> None:
    # the claim is "low", which the moved figure leaves true: it tests a digit, not a finding
    statement = "PM1 nitrate levels were low (2 %)."
    assert quantity_moves(statement, [statement, "Traffic gave 7 % of the aerosol."]) == []
