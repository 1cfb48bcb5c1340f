"""False statements that assert what the text denies (course.generator.denials)."""

from __future__ import annotations

import pytest

from course.generator.denials import denials


@pytest.mark.parametrize(
    ("statement", "false"),
    [
        (
            "Brand awareness does not directly impact purchase intention.",
            "Brand awareness directly impacts purchase intention.",
        ),
        ("Sprint times did not differ between modes.", "Sprint times differed between modes."),
        ("Prices did not rise after 1990.", "Prices rose after 1990."),
        ("Knowing a brand is not enough to buy it.", "Knowing a brand is enough to buy it."),
        ("The drug cannot cross the barrier.", "The drug can cross the barrier."),
        (
            "The groups showed no significant difference in pH.",
            "The groups showed a significant difference in pH.",
        ),
        ("The trial found no effect on mortality.", "The trial found an effect on mortality."),
        ("There was no evidence of displacement.", "There was evidence of displacement."),
    ],
)
def test_a_denied_finding_is_asserted_as_the_false_statement(statement: str, false: str) -> None:
    assert [d.statement for d in denials(statement)] == [false]


@pytest.mark.parametrize(
    "statement",
    [
        # the negation names who the statement is about; it denies nothing
        "Those who did not attend had higher mortality.",
        "Patients that were not screened were older.",
        # not a denial of the main verb
        "The reform was not only fast but also cheap.",
        "The unions no longer defended the workers.",
        # two negations: the affirmative of one would still deny
        "It did not stop the war and never will.",
        # nothing denied
        "Wages rose in the mining towns.",
        # turned, the concession before it no longer concedes anything
        "While legal status is an important factor, it does not function as a master status.",
    ],
)
def test_no_statement_is_turned_where_the_negation_denies_nothing_alone(statement: str) -> None:
    assert denials(statement) == []


def test_a_true_false_item_asks_the_denied_finding_as_false() -> None:
    from course.generator import build_draft

    draft = build_draft(
        "This paper studies how brand awareness shapes purchase intention among 622 "
        "smartphone users. The results demonstrate that brand awareness does not directly "
        "impact purchase intention. The effect of brand awareness is mediated by perceived "
        "quality, brand associations and brand loyalty, which together build brand equity."
    )
    assert any(
        q.type == "true_false"
        and q.answer is False
        and "brand awareness directly impacts purchase intention" in q.prompt.lower()
        for q in draft.questions
    )


@pytest.mark.parametrize(
    "statement",
    [
        "Their potential is not fully realized yet.",
        "Many children were not seen alone because they were too young.",
    ],
)
def test_no_denial_is_dropped_where_what_follows_depends_on_it(statement: str) -> None:
    assert denials(statement) == []


def test_no_denial_is_turned_after_a_despite_concession() -> None:
    assert (
        denials(
            "Despite more visits to invaded communities, the dominance of alien species did not "
            "translate into changes in network structure."
        )
        == []
    )
