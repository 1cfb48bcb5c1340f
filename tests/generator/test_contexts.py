"""Clauses and openers: what a sentence says without the words tying it to the one before."""

from __future__ import annotations

import pytest

from course.generator.contexts import strip_opener


def test_it_strips_discourse_openers_that_point_back_at_earlier_sentences() -> None:
    assert strip_opener("In all of these cases, wages fell.") == "wages fell."
    assert strip_opener("Through this process, the river silted up.") == "the river silted up."
    assert strip_opener("Thus, prices rose.") == "prices rose."
    assert strip_opener("But to attribute it to politics is too simple.") == (
        "to attribute it to politics is too simple."
    )


def test_it_strips_a_concession_that_points_back_and_flags_what_it_did() -> None:
    from course.generator.contexts import leans_on_context

    assert strip_opener("And yet, there are areas archives cannot reach.") == (
        "there are areas archives cannot reach."
    )
    assert strip_opener("But, the availability of cash changed diets.") == (
        "the availability of cash changed diets."
    )
    # what "so doing" did is in the sentence before: the sentence cannot stand alone
    assert leans_on_context("In so doing it discusses the geography of gentrification.")
    assert not leans_on_context("In 2004 the council discussed the geography of the city.")
    # "the market condition": the one the sentence before described
    assert leans_on_context("In spite of the market condition, production grew until 1660.")
    assert not leans_on_context("Despite the war, wages rose.")


def test_it_drops_a_phrase_on_what_came_before_when_the_main_clause_names_its_subject() -> None:
    assert strip_opener(
        "Attempting to resolve these outstanding issues, archivists are pulled two ways."
    ) == ("archivists are pulled two ways.")
    assert strip_opener("Despite this progress, the gap remains wide.") == "the gap remains wide."
    # the main clause's own subject points back too: nothing stands alone
    assert strip_opener("To meet these demands, we built a portal.") == (
        "To meet these demands, we built a portal."
    )
    assert strip_opener("Despite this, it grew.") == "Despite this, it grew."


def test_it_reads_here_we_show_as_the_articles_report_and_what_comes_before_as_background() -> None:
    from course.generator.contexts import claim_of, opening_background

    assert claim_of("Here we demonstrate that humidity shapes the crystals.") == (
        "humidity shapes the crystals."
    )
    sentences = [
        "Humidity is one of the most important factors affecting solar cells.",
        "Here we demonstrate that humidity shapes the crystals.",
        "Crystals grow larger at higher humidity.",
    ]
    assert opening_background(sentences, 0)
    assert not opening_background(sentences, 2)


def test_it_keeps_an_opening_phrase_that_says_something() -> None:
    assert strip_opener("In 1990, prices rose.") == "In 1990, prices rose."


def test_it_finds_no_term_inside_a_hyphenated_word() -> None:
    from course.generator.contexts import find_form

    assert find_form("They attended sixty-minute training sessions.", ["minute training"]) is None
    assert find_form("They attended a minute training session.", ["minute training"]) == (16, 31)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "It first shows that the wage data are consistent with other sources.",
            "the wage data are consistent with other sources.",
        ),
        (
            "However, we find that rents rose faster than wages.",
            "rents rose faster than wages.",
        ),
        ("The results suggest that grouping shapes friendships.", "grouping shapes friendships."),
        (
            "Relying on archival records, the article shows that the bridge was made possible.",
            "the bridge was made possible.",
        ),
        (
            "The simulation results showed that more heads decreased the total work time.",
            "more heads decreased the total work time.",
        ),
        (
            "Results indicate that the tool was useful to students.",
            "the tool was useful to students.",
        ),
        # the abstract's elided subject
        (
            "Concludes that the way forward lies in five actions.",
            "the way forward lies in five actions.",
        ),
        (
            "The main conclusion is that the methods are those of the social sciences.",
            "the methods are those of the social sciences.",
        ),
        ("It was found that the words have strong linkages.", "the words have strong linkages."),
        ("Mixed-effects models indicated that gains were higher.", "gains were higher."),
        (
            "Findings can be summarized as follows: First, the clusters were four.",
            "the clusters were four.",
        ),
        # the literature's finding, not the text's: the lead says so and stays
        (
            "Previous results showed that cats are cute animals.",
            "Previous results showed that cats are cute animals.",
        ),
        # no "that": nothing to take out
        ("We find an elasticity of one.", "We find an elasticity of one."),
        # the author in the first person singular
        (
            "I argue that a regime is legitimate insofar as it achieves assent to rule.",
            "a regime is legitimate insofar as it achieves assent to rule.",
        ),
    ],
)
def test_it_takes_the_claim_out_of_the_articles_report_of_it(sentence: str, claim: str) -> None:
    from course.generator.contexts import claim_of

    assert claim_of(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "scene"),
    [
        ("Past studies conceived of these relations as largely dyadic.", True),
        ("Several randomized trials have found that discharge planning helps.", True),
        ("A recent measure seeks to tap the ability to override impulse (Tangney, 2004).", True),
        ("Understanding these decisions can shed light on classroom practice.", True),
        ("There are many settings in which users express opinions.", True),
        ("Mobile money has provided economists with an opportunity to study finance.", True),
        # the field's recent past, the literature named by its authors
        ("Recently, code review has been widely adopted in open source projects.", True),
        ("Edgell et al. provide the most systematic evidence so far.", True),
        ("Many cases of ignorance are non-willful, following Rik Peels (2010).", True),
        ("Software code review is a well-established quality practice.", True),
        ("As for future work, more algorithms can be considered.", True),
        # others' view, the trend and the challenge the text starts from
        ("Since the 1990s, several authors have stated the need for research on land.", True),
        ("As the labor movement continues on its path, archivists must document it.", True),
        ("Curators are increasingly challenged to keep digital records.", True),
        ("As expected, the treatment reduced mortality.", False),
        # the gap the study fills, why knowing it matters, the field it belongs to
        ("A fourth group of cells has been less well characterized for lack of tools.", True),
        ("The effects of inclusion on deaf students are still little studied.", True),
        ("Transduction models have been widely explored in many tasks.", True),
        ("Identifying the causes of soil erosion is critical to design policy.", True),
        ("The identification of shrines is key for the reconstruction of ritual.", True),
        ("A central drive in this field is the pursuit of precision.", True),
        ("A large area of stress research assesses how cortisol responds to tasks.", True),
        ("A growing body of literature suggests that sleep shapes memory.", True),
        ("A large area of the forest burned in 1871.", False),
        # what others proved, the call for more work, the debate the text joins
        ("For a related language, the problem has been previously proved decidable.", True),
        ("Given its high cost, research is needed to examine the treatments.", True),
        ("The question of indirect consequences has been critically raised.", True),
        ("The new index was needed to rank the stands.", False),
        # the gap the study fills, told as scarce research
        ("There is little research on the cognitive correlates of positive emotions.", True),
        ("Research on regulating positive emotions is scarce.", True),
        ("There are, however, still few local studies of how poor relief was run.", True),
        ("Empirical studies of tracking in European schools are scarce.", True),
        ("Understanding the role of corals for fishes is, however, restricted.", True),
        ("Coral cover is restricted to the shallow reef flat.", False),
        ("There is little rain in the valley in July.", False),
        ("Soil moisture is critical for seed germination.", False),
        ("Trade unions played a key role in the revolution.", False),
        ("As industry had rapid development, labour in Korea increased.", False),
        # the text's own findings and arguments
        ("Mixed-ability grouping reduced peer conflicts.", False),
        ("The treaty of 1648 ended the war.", False),
        ("The movement peaked with the Great Struggle (1987).", False),
    ],
)
def test_it_tells_background_from_what_the_text_says(sentence: str, scene: bool) -> None:
    from course.generator.contexts import sets_the_scene

    assert sets_the_scene(sentence) is scene


def test_it_tells_a_study_design_as_method() -> None:
    from course.generator.contexts import tells_method

    assert tells_method("A research design and multi-stage sampling were used to acquire data.")
    assert not tells_method("Forced labour was used to build the canal.")
    # where the study looked, and a definition by threshold
    assert tells_method("The Naver web news was selected as a study web site.")
    assert tells_method("Consensus was defined as \u226580% agreement among experts.")
    assert not tells_method("Cuba was selected as the host of the games.")
    assert not tells_method("Democracy was defined as a system of free elections.")
    # the article's own tool and its purpose; not a law's purpose
    assert tells_method("This data set is introduced to study the generation of sequences.")
    assert not tells_method("The law was introduced to curb inflation.")


def test_it_strips_test_statistics_but_keeps_other_parentheses() -> None:
    from course.generator.contexts import STATISTICS_RE

    assert STATISTICS_RE.sub("", "Satisfaction (β = -0.17, p < .001) fell.") == "Satisfaction fell."
    assert STATISTICS_RE.sub("", "The plan (FFYP) began.") == "The plan (FFYP) began."


def test_it_reads_the_received_view_an_abstract_opens_with_and_then_turns_against() -> None:
    from course.generator.contexts import set_up_for_a_turn

    text = [
        "When habitats are lost, species are lost in the region by sampling alone.",
        "However, it is less clear what happens in the habitats that remain.",
        "We find that connectance falls as habitat is lost.",
        "However, the fall is slower in wetlands.",
    ]
    assert set_up_for_a_turn(text, 0)
    assert not set_up_for_a_turn(text, 1)
    assert not set_up_for_a_turn(text, 2)  # a finding the text then qualifies is still its own


def test_it_reads_an_opening_sentence_followed_by_more_background_as_background() -> None:
    from course.generator.contexts import opening_background

    sentences = [
        "Spectroscopy has played the key role in revealing the structure of atoms.",
        "A central drive in this field is the pursuit of higher precision.",
        "We report absorption spectroscopy at the shot-noise limit.",
    ]
    assert opening_background(sentences, 0)
    assert not opening_background(sentences, 2)
    findings = ["Wages rose after the reform.", "Prices fell in the same years."]
    assert not opening_background(findings, 0)


def test_what_understanding_the_topic_needs_is_background() -> None:
    from course.generator.contexts import MOTIVATION_RE

    assert MOTIVATION_RE.search(
        "A pre-requisite for understanding the transition to the Neolithic is a robust chronology."
    )
    assert not MOTIVATION_RE.search("The transition to the Neolithic began before 11,000 BP.")


def test_a_field_trial_s_layout_is_method() -> None:
    from course.generator.contexts import tells_method

    assert tells_method(
        "Fertilizer applications were assigned to main plots, whereas nitrogen levels were "
        "kept in sub plots."
    )
    assert tells_method("The experiment followed a randomized complete block design.")
    assert not tells_method("Foliar application raised grain yield by a fifth.")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "In this article it is argued that change owes less to technology than to theory.",
            "change owes less to technology than to theory.",
        ),
        (
            "Unlike previous research, we find that convergence was a pre-modern phenomenon.",
            "convergence was a pre-modern phenomenon.",
        ),
        (
            "Clinicians act paternalistically, I argue, when they override a patient's choice.",
            "Clinicians act paternalistically when they override a patient's choice.",
        ),
        (
            "More importantly, the review found that most studies were done in cities.",
            "most studies were done in cities.",
        ),
    ],
)
def test_the_claim_is_left_when_the_author_s_report_of_it_is_dropped(
    sentence: str, claim: str
) -> None:
    from course.generator.contexts import claim_of, framing

    assert claim_of(sentence) == claim
    assert not framing(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Cerium oxide nanoparticles have been posited to have both beneficial and toxic effects.",
        "Decades of research have made the wasp an essential part of biological control.",
    ],
)
def test_what_others_put_forward_is_background(sentence: str) -> None:
    from course.generator.contexts import MOTIVATION_RE

    assert MOTIVATION_RE.search(sentence)


def test_a_present_research_paper_is_framing_and_a_review_s_pooled_trials_method() -> None:
    from course.generator.contexts import framing, tells_method

    assert framing("Present research paper focuses on temperature variability over Mumbai.")
    assert tells_method("Thirteen RCTs rated with low risk of bias were synthesized.")
    assert not tells_method("Exercise probably reduces pain in adults with back pain.")


@pytest.mark.parametrize(
    "sentence",
    [
        "There is growing interest in enabling older adults' occupational performance.",
        "Jazz analysts have long struggled with the ways in which tunes can be accounted for.",
    ],
)
def test_a_field_s_rising_or_lasting_concern_is_background(sentence: str) -> None:
    from course.generator.contexts import MOTIVATION_RE

    assert MOTIVATION_RE.search(sentence)


def test_in_the_present_study_is_framing_and_a_tested_threshold_method() -> None:
    from course.generator.contexts import framing, tells_method

    assert framing("In the present study, the decay of the aftershock sequence is studied.")
    assert tells_method("Different thresholds of species hypotheses were tested against the data.")


@pytest.mark.parametrize(
    ("sentence", "scene"),
    [
        # the gap told as missing information, as few studies, as work that failed
        ("As many reefs are remote, there is limited information on their past.", True),
        ("Few of these studies, though, have examined belonging for migrants.", True),
        ("Analytical work on this music has failed to take gender into account.", True),
        ("The relationship between gender and sound remains largely unexamined.", True),
        # not a gap: the text's own findings with the same words
        ("Few migrants reported a sense of belonging.", False),
        ("The strike failed to win higher wages.", False),
    ],
)
def test_a_gap_in_what_is_known_is_background(sentence: str, scene: bool) -> None:
    from course.generator.contexts import sets_the_scene

    assert sets_the_scene(sentence) is scene


def test_the_study_evaluating_and_a_step_compared_with_results_are_method() -> None:
    from course.generator.contexts import tells_method

    assert tells_method("The experimental study evaluated the tensile strength of the laminates.")
    assert tells_method("The failure behaviour was evaluated and compared with numerical results.")
    assert not tells_method("The reform evaluated schools by their results.")


def test_to_address_the_gap_we_analyse_is_the_aim() -> None:
    from course.generator.contexts import framing

    assert framing("To address this gap, we analyze 73 interviews with migrants in Utah.")
    assert not framing("To address the crisis, the government raised taxes.")


def test_a_sequence_marker_is_stripped_as_an_opener() -> None:
    assert strip_opener("Next, the sensors were integrated.") == "the sensors were integrated."
    assert strip_opener("Secondly, prices rose.") == "prices rose."
    assert strip_opener("Rather, we find that status works with other factors.") == (
        "we find that status works with other factors."
    )


def test_a_linking_word_between_we_show_and_that_leaves_the_claim() -> None:
    from course.generator.contexts import claim_of

    assert claim_of("We show, however, that the reranking effect is distinct.") == (
        "the reranking effect is distinct."
    )


def test_the_article_acting_after_an_opening_phrase_is_framing() -> None:
    from course.generator.contexts import framing, tells_method

    assert framing("Alongside the printed sermons, the article draws briefly on sermon notes.")
    assert not framing("Despite the ban, the work continues in secret.")
    assert tells_method("The fatigue analysis of the blade is carried out using the stress life.")


def test_a_statistic_left_alone_in_its_parenthesis_is_dropped_too() -> None:
    from course.generator.contexts import drop_statistics

    finding = "Infection remained a risk factor after adjustment for age"
    assert drop_statistics(f"{finding} (OR 2.7 (95% CI: 2.9\u20137.6)).") == f"{finding}."
    assert drop_statistics("Rents rose (Smith 2001).") == "Rents rose (Smith 2001)."


@pytest.mark.parametrize(
    ("sentence", "scene"),
    [
        (
            "The recapitulation has traditionally been viewed as an expansion of ternary forms.",
            True,
        ),
        ("Her love stories have been read by some critics as idealising romance.", True),
        ("The treaty was read aloud in 1648.", False),
    ],
)
def test_the_received_reading_a_text_revises_is_background(sentence: str, scene: bool) -> None:
    from course.generator.contexts import sets_the_scene

    assert sets_the_scene(sentence) is scene


def test_regardless_is_an_opener() -> None:
    assert strip_opener("Regardless, caution is necessary.") == "caution is necessary."


def test_a_step_told_as_a_process_noun_and_the_participants_tasks_are_method() -> None:
    from course.generator.contexts import sets_the_scene, tells_method

    assert tells_method("Systematic radiocarbon dating was performed on a Bronze Age cemetery.")
    assert tells_method("Forty-eight subjects, divided into two groups, completed a Recall phase.")
    assert tells_method("The Recall phase was administered to all subjects 48 h later.")
    assert not tells_method("Collectivization was carried out in 1930 by the party.")
    assert sets_the_scene("It is still unclear how emotions modulate memory consolidation.")


def test_the_apparatus_is_method() -> None:
    from course.generator.contexts import tells_method

    assert tells_method("An experimental rig, with a heated tube, was equipped with thermocouples.")


def test_the_main_goals_of_this_study_are_framing() -> None:
    from course.generator.contexts import framing

    assert framing("The main goals of this study were to synchronise the two sequences.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The solution of the governing equation is provided, and then the expression is defined.",
        "The implications of indirect displacement are discussed as threats to aging in place.",
    ],
)
def test_the_articles_own_steps_told_in_the_passive_are_framing(sentence: str) -> None:
    from course.generator.contexts import framing

    assert framing(sentence)


def test_the_approach_here_a_setting_and_questions_that_remain_are_not_claims() -> None:
    from course.generator.contexts import framing, sets_the_scene, tells_method

    assert framing("The emphasis here on sovereignty contrasts with earlier conceptions.")
    assert tells_method("Intake flow is set to 0.5 m/s after the air is cooled.")
    assert sets_the_scene("Much has been learnt about the onset, yet basic questions still remain.")
    assert not sets_the_scene("The remains were buried near the river.")
