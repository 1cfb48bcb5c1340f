"""False statements that give two named actors each other's parts (course.generator.role_swaps)."""

from __future__ import annotations

import pytest

from course.generator.role_swaps import role_swaps

TEXT = [
    "The Stalin group launched an offensive against the Right opposition in 1928.",
    "The Labour Party defeated the Liberal Party in the election of 1924.",
    "The Stalin group and the Right opposition fought over the unions.",
    "The Ministry of Labour was an ally of the Labour Party.",
    "Working memory impaired reading comprehension.",
]
TERMS = [
    (term, [term])
    for term in (
        "Stalin group",
        "Right opposition",
        "Labour Party",
        "Liberal Party",
        "Ministry of Labour",
        "Working memory",
        "reading comprehension",
    )
]


@pytest.mark.parametrize(
    ("statement", "false"),
    [
        (
            TEXT[0],
            "The Right opposition launched an offensive against the Stalin group in 1928.",
        ),
        (TEXT[1], "The Liberal Party defeated the Labour Party in the election of 1924."),
    ],
)
def test_it_gives_two_actors_each_others_part(statement: str, false: str) -> None:
    assert [s.statement for s in role_swaps(statement, TERMS, TEXT)] == [false]


@pytest.mark.parametrize(
    "statement",
    [
        # coordinated: swapping leaves it true
        TEXT[2],
        # a relation that holds both ways
        TEXT[3],
        "The Stalin group made an alliance with the Right opposition.",
        # two concepts, not actors: a swap reads as nonsense
        TEXT[4],
        # a name that modifies the noun after it is not the actor
        "The Stalin group leadership replaced the Right opposition officials.",
    ],
)
def test_it_swaps_nothing_where_the_swap_could_be_true_or_nonsense(statement: str) -> None:
    assert role_swaps(statement, TERMS, TEXT) == []


def test_the_draft_offers_a_role_swap_as_a_false_statement() -> None:
    from course.generator import build_draft

    draft = build_draft(
        "The Labour Party defeated the Liberal Party in the general election of 1924, after a "
        "campaign on housing. The Liberal Party never recovered its former strength in the "
        "industrial towns."
    )
    falses = [q.prompt for q in draft.questions if q.type == "true_false" and q.answer is False]
    assert "True or false? The Liberal Party defeated the Labour Party in the general election" in (
        " ".join(falses)
    )
