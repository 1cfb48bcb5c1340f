"""False statements that take the side the text set aside (course.generator.side_swaps)."""

from __future__ import annotations

import pytest

from course.generator.side_swaps import side_swaps


@pytest.mark.parametrize(
    ("statement", "false"),
    [
        (
            "Funding went to rural schools rather than to urban ones.",
            "Funding went to urban ones rather than to rural schools.",
        ),
        (
            "The reform was aimed not at the workers but at the managers.",
            "The reform was aimed not at the managers but at the workers.",
        ),
        (
            "Power passed to the councils instead of to the party, and wages fell.",
            "Power passed to the party instead of to the councils, and wages fell.",
        ),
    ],
)
def test_it_takes_the_side_the_text_set_aside(statement: str, false: str) -> None:
    assert [s.statement for s in side_swaps(statement)] == [false]


@pytest.mark.parametrize(
    "statement",
    [
        # sides of different shapes: one would not read in the other's place
        "Students preferred reading rather than writing essays at home.",
        # a side that runs past a clause boundary
        "The review looks at social, political and economic aspects rather than at technique.",
        # two cues: which side is which is no longer clear
        "Funds went to schools rather than to clinics, and to towns rather than to villages.",
        # nothing chosen
        "Funding went to rural schools.",
    ],
)
def test_it_swaps_no_sides_that_are_not_parallel(statement: str) -> None:
    assert side_swaps(statement) == []


def test_the_draft_offers_the_set_aside_side_as_a_false_statement() -> None:
    from course.generator import build_draft

    draft = build_draft(
        "After the famine of 1921, relief funds went to rural schools rather than to urban "
        "hospitals. The famine killed millions in the Volga region. Historians have studied "
        "the relief effort through the records of the American Relief Administration."
    )
    falses = [q.prompt for q in draft.questions if q.type == "true_false" and q.answer is False]
    assert any("to urban hospitals rather than to rural schools" in p for p in falses), falses
