"""False statements that turn a stated direction around (course.generator.reversals)."""

from __future__ import annotations

import pytest

from course.generator.reversals import reversals


@pytest.mark.parametrize(
    ("statement", "false"),
    [
        ("Crime decreased in the treated areas.", "Crime increased in the treated areas."),
        ("Wages rose sharply after 1990.", "Wages fell sharply after 1990."),
        (
            "Members were more likely than others to vote.",
            "Members were less likely than others to vote.",
        ),
        ("Monitoring weakened the link.", "Monitoring strengthened the link."),
        # a finding's verb whose opposite is another pair's word
        (
            "Exercise reduced anxiety in older adults.",
            "Exercise increased anxiety in older adults.",
        ),
        (
            "Trade was strongly promoted by the reform.",
            "Trade was strongly inhibited by the reform.",
        ),
        # a comparative after a finding's verb states the finding
        (
            "Smoking was associated with higher risk of stroke.",
            "Smoking was associated with lower risk of stroke.",
        ),
        # a degree, a strength, a rank
        (
            "Open innovation partially mediated the link.",
            "Open innovation fully mediated the link.",
        ),
        (
            "Housing is the most important determinant.",
            "Housing is the least important determinant.",
        ),
        ("The strike began earlier than the reform.", "The strike began later than the reform."),
        # a comparison told with a copula
        ("The effect was greater in women.", "The effect was smaller in women."),
        # the article agrees with the word put in
        (
            "They have an increased prevalence of infection.",
            "They have a decreased prevalence of infection.",
        ),
        # a rank stated after a copula
        ("Mortality was highest among men over 80.", "Mortality was lowest among men over 80."),
        # a direction, though a group noun follows later
        (
            "Tutoring had a positive effect on children in Year 2.",
            "Tutoring had a negative effect on children in Year 2.",
        ),
        (
            "Canopy was the strongest predictor of heat deaths.",
            "Canopy was the weakest predictor of heat deaths.",
        ),
        # a participle modifying a noun is not the finding: the finding's verb is turned
        (
            "Industry promoted by the state grew, and labour increased in the 1970s.",
            "Industry promoted by the state grew, and labour decreased in the 1970s.",
        ),
    ],
)
def test_it_turns_the_one_stated_direction_around(statement: str, false: str) -> None:
    assert [r.statement for r in reversals(statement)] == [false]


@pytest.mark.parametrize(
    "statement",
    [
        # a comparative that names something, not a comparison
        "Students in higher education took part.",
        "The costs are higher education budgets.",
        # an aim to have it fully done, turned, is absurd rather than false
        "Archivists must ensure that the changes are fully documented.",
        # "most" as a quantifier, not a rank
        "Most attributes moderated the effect.",
        # a direction inside a compound names a thing
        "The method relies on the light-enhanced generation of carriers.",
        # two directions: turning one leaves the statement half true
        "Weather variables improve predictions, but improvements were barely detectable.",
        # an aim turned around is absurd, not false
        "The hospital took measures to improve compliance.",
        # … and one aim of a list of them
        "The index is useful to set priorities, reach targets and enhance forest management.",
        # the figures show which way a comparison went
        "There was a higher share (69.7%) of falciparum infection than of vivax (26.5%).",
        # an idiom, not a comparison
        "Without support, cooperation is worse than useless.",
        # a fixed phrase
        "The effect was more or less constant.",
        # nothing to turn
        "The unions were subordinated to the party.",
        # a test result sorting people, not a direction
        "Of the H. pylori positive children, 88% lacked piped water.",
        "All children who tested positive practised open-air defecation.",
        "All of the negative H. pylori children practised open-air defecation.",
        # a rank that only names a group
        "Cities in the highest canopy quartile were studied.",
        # two ranks, or the turned word already there: the result contradicts itself
        "The effect was strongest in July and weakest in coastal cities.",
        "Among the lowest earners, support for the reform was highest.",
    ],
)
def test_it_leaves_statements_it_cannot_turn_cleanly(statement: str) -> None:
    assert reversals(statement) == []


def test_it_does_not_turn_the_second_half_of_comparable_or_even_better() -> None:
    # "comparable or even worse" is not what the text denies
    assert reversals("X-Net achieves comparable or even better accuracy than MLP.") == []


@pytest.mark.parametrize(
    "statement",
    [
        # turned, the word jars with its partner and common sense answers
        "Visitation is ensured when destinations are perceived to be positive and attractive.",
        # the direction governs a list, and some member turned is nonsense
        "Patients showed an increase in calcium levels, poor hygiene, pH and flow rate.",
        # how the author frames the claim, not a finding's direction
        "Paternalism is best understood in terms of a conflict of principles.",
        # what a design's means are for: "worsened through redundancy" is absurd
        "The stability of the system was improved through dual PC redundancy.",
    ],
)
def test_no_direction_is_turned_where_the_turned_statement_is_absurd(statement: str) -> None:
    assert reversals(statement) == []


def test_a_family_history_is_a_value_of_a_variable_not_a_direction() -> None:
    assert reversals("A positive family history of myopia was associated with myopia.") == []


@pytest.mark.parametrize(
    "statement",
    [
        "The Black Death was one of the most important epidemics in history.",
        "Some of the most important attributes of bread are described.",
        "Trade was the most important and lasting bond between the towns.",
    ],
)
def test_no_rank_in_a_crowd_or_over_two_words_is_turned(statement: str) -> None:
    assert reversals(statement) == []


def test_no_possibility_is_turned() -> None:
    assert reversals("Efficacy could likely be improved with modifications.") == []


def test_no_direction_is_turned_where_the_statement_gives_its_reason() -> None:
    assert (
        reversals(
            "The critical plane approach was the most suitable approach by offering sharper curves."
        )
        == []
    )


def test_no_direction_is_turned_where_the_statement_gives_its_means() -> None:
    # turned, the means still argues for the original: false without reading the text
    statement = (
        "States have demonstrated an increasing commitment to human rights by concluding "
        "several multilateral treaties."
    )
    assert reversals(statement) == []


def test_no_direction_is_turned_in_a_change_told_twice() -> None:
    # turned, "their independence … was sharply increased" contradicts "subordinated"
    statement = (
        "The unions were remarkably subordinated to the party, and their independence, which "
        "had been substantial in the era of NEP, was sharply reduced."
    )
    assert reversals(statement) == []


@pytest.mark.parametrize(
    "statement",
    [
        # the condition's detail, turned, leaves the finding true
        "After accounting for other variables associated with increased risk of mortality, "
        "the correlation remained significant.",
        # one member of a list turned, the others still hold
        "Bmal2 can rescue the phenotypes of Bmal1-knockout mice, including rhythmic activity, "
        "low body weight, and enhanced fat deposition.",
    ],
)
def test_no_direction_is_turned_in_a_condition_or_a_lists_last_member(statement: str) -> None:
    assert reversals(statement) == []


def test_no_best_is_turned_in_a_judgments_idiom() -> None:
    # "is worst accounted for by" is no claim anyone makes: false without the text
    statement = "The distribution of vowel systems is best accounted for by learnability."
    assert reversals(statement) == []


def test_no_threshold_after_a_share_is_turned() -> None:
    # "25% spent less than 15 hours" is a share the text never gives, not a false one
    assert reversals("About 25% spent more than 15 hours per week on social media.") == []
    # a count over a threshold still turns
    assert reversals("The Party numbered more than five million in June 1950.")
