"""The item-writing flaw checker, by the rubric an instructor uses (AUDIT.md).

Made-up items from medicine, history, engineering and linguistics, plus the
failing items quoted in the issue (reference abstract on Soviet trade unions) and
the hand-written exemplars, which must pass clean.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.generator.flaws import CODES, CRITERIA, Flaw, confidence, item_flaws

from .test_form_flaws import CASES

#: The reference abstract, one sentence a line (the issue quotes items made from it).
UNIONS = [
    "The reorganization of the unions during the First Five-Year Plan (1928~32) was intended "
    "to subordinate the unions to the party with the dual aims of weakening their political "
    "status and drawing them closer to production in relation to rapid industrialization policy.",
    "The Stalin group believed that the unions of NEP were no longer suitable for the period of "
    "industrialization and should be changed into unions equipped with more production oriented "
    "function and structure.",
    "Thus, the Stalinists launched an offensive against the unions in the power struggle with "
    "the Right opposition.",
    "The success of the Stalin group in replacing the old union leadership was only the "
    "beginning of the greater reorganization of the unions.",
    "More systematic and harsher measures were followed for the all-out shake-up of the unions.",
    "Above all, the personnel purge was undertaken in various ways: the replacement of VTsSPS "
    "leadership and a number of individual union chairs; the inspection and purge of union "
    "apparatuses; the re-lection campaign of factory committees.",
    "This extensive personnel purge provided the Stalinist leadership with a firm foundation to "
    "secure its policy line in the unions.",
    "Along with the personnel replacement, the party also set out to change the general course "
    "of the unions.",
    "The productionist approach of the unions began to gain emphasis and was developed fully "
    "from the fourth quarter of 1929.",
    "Socialist competition and the shock work movement were dual axes for the encouragement of "
    "workers' enthusiasm, which made a great contribution to the achievement of the economic "
    "targets of the FFYP.",
    "The unions were transformed into a vanguard of Stalinist industrialization.",
    "In all of these processes, the unions were remarkably subordinated to the party, and their "
    "independence, which had been substantial in the era of NEP, was sharply reduced.",
]
KOREA = [
    "The aim of this paper is to examine how globalization has influenced the labour movement "
    "in South Korea in the 1990s.",
    "As industry promoted by the Korean government had rapid development, labour in South Korea "
    "enormously increased between the 1960s and 1980s.",
    "This study will explain how the internal and external effects of globalization weakened "
    "the labour movement due to the revision of the labour law.",
]
MEDICINE = [
    "Metformin remains the first-line therapy 3 for type 2 diabetes in most guidelines.",
    "In a randomised trial in Uppsala, 412 patients received metformin or placebo between 2011 "
    "and 2014.",
    "The trial was stopped early because lactic acidosis occurred in three patients.",
    "Glycated haemoglobin fell by 1.2% in the metformin arm.",
]
HISTORY = [
    "The Chartist movement demanded universal male suffrage in Britain.",
    "In 1848 the Chartists presented their last petition to Parliament.",
    "The movement declined after Parliament rejected the petition.",
    "Many workers left the movement for the trade unions.",
]
ENGINEERING = [
    "The finite element method (FEM) divides a structure into small elements.",
    "Engineers at the Delft institute applied an FEM model to the bridge decks.",
    "Fatigue cracks appeared in the welds after two million load cycles.",
    "This cracking was traced to residual stress from welding.",
]
LINGUISTICS = [
    "Vowel harmony restricts which vowels may co-occur within a word.",
    "Suffix vowels agree with the root vowel in Turkish words.",
    "Suffix vowels agree with the root vowel in Hungarian words.",
    "Linguists call this process assimilation, the spreading of a feature between segments.",
]
TF = ["True", "False"]


def flaws_of(**item: Any) -> list[Flaw]:
    item.setdefault("options", [])
    item.setdefault("aliases", None)
    return item_flaws(**item)


def codes_of(**item: Any) -> set[str]:
    return {f.code for f in flaws_of(**item)}


def severity_of(code: str, **item: Any) -> float:
    return max((f.severity for f in flaws_of(**item) if f.code == code), default=0.0)


#: One item per flaw code that shows the flaw, so every code is exercised.
TRIGGERS: dict[str, dict[str, Any]] = {
    "malformed-item": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? _____ divides a structure.",
        options=["welding", "load cycles", "residual stress"],
        answer="FEM",
        sentences=ENGINEERING,
        cited=[0],
    ),
    "dangling-reference": dict(
        type="cloze",
        prompt="Fill in the blank: They presented their last petition to _____ in 1848.",
        answer=["Parliament"],
        sentences=HISTORY,
        cited=[1],
    ),
    "fragment-stem": dict(
        type="true_false",
        prompt="True or false? The refusal of the Chartists to accept the rejected petition.",
        options=TF,
        answer=True,
        sentences=HISTORY,
        cited=[2],
    ),
    "fragment-option": dict(
        type="ordering",
        prompt="Put these statements in the order in which the text presents them.",
        options=[
            "The aim of this paper is to examine how globalization has influenced the labour "
            "movement in South Korea in the 1990s",
            "This study will explain how the internal",
        ],
        answer=[
            "The aim of this paper is to examine how globalization has influenced the labour "
            "movement in South Korea in the 1990s",
            "This study will explain how the internal",
        ],
        sentences=KOREA,
        cited=[0, 2],
    ),
    "grammar-cue": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? Engineers at the Delft "
        "institute applied an _____ model to the bridge decks.",
        options=["FEM", "welding", "load cycle", "crack gauge"],
        answer="FEM",
        sentences=ENGINEERING,
        cited=[1],
    ),
    "citation-marks": dict(
        type="true_false",
        prompt="True or false? Metformin remains the first-line therapy 3 for type 2 diabetes "
        "in most guidelines.",
        options=TF,
        answer=True,
        sentences=MEDICINE,
        cited=[0],
    ),
    "generic-key": dict(
        type="cloze",
        prompt="Fill in the blank: Many _____ left the movement for the trade unions.",
        answer=["workers"],
        sentences=HISTORY,
        cited=[3],
    ),
    "framing": dict(
        type="short_answer",
        prompt="Which term from the text fills the gap? “The aim of this paper is to examine how "
        "_____ has influenced the labour movement in South Korea in the 1990s”",
        answer=["globalization"],
        sentences=KOREA,
        cited=[0],
    ),
    "citation-number": dict(
        type="cloze",
        prompt="Fill in the blank: Metformin remains the first-line therapy _____ for type 2 "
        "diabetes in most guidelines.",
        answer=["3"],
        sentences=MEDICINE,
        cited=[0],
    ),
    "page-matter": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? As industry promoted by the "
        "_____ had rapid development, labour in South Korea enormously increased.",
        options=["Korean government", "December", "Published", "labour movement"],
        answer="Korean government",
        sentences=KOREA,
        cited=[1],
    ),
    "presentation-order": dict(
        type="ordering",
        prompt="Put these statements in the order in which the text presents them.",
        options=[
            "Vowel harmony restricts which vowels may co-occur within a word",
            "Suffix vowels agree with the root vowel in Turkish words",
            "Suffix vowels agree with the root vowel in Hungarian words",
        ],
        answer=[
            "Vowel harmony restricts which vowels may co-occur within a word",
            "Suffix vowels agree with the root vowel in Turkish words",
            "Suffix vowels agree with the root vowel in Hungarian words",
        ],
        sentences=LINGUISTICS,
        cited=[0, 1, 2],
    ),
    "coreferent-distractor": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? The _____ divides a "
        "structure into small elements.",
        options=["finite element method", "FEM", "residual stress", "load cycle"],
        answer="finite element method",
        sentences=ENGINEERING,
        cited=[0],
    ),
    "false-matches-source": dict(
        type="true_false",
        prompt="True or false? The movement declined after Parliament rejected the petition.",
        options=TF,
        answer=False,
        sentences=HISTORY,
        cited=[2],
    ),
    "ordering-unfixed": dict(
        type="ordering",
        prompt="Put these events in the order in which they happened.",
        options=[
            "Suffix vowels agree with the root vowel in Hungarian words",
            "Suffix vowels agree with the root vowel in Turkish words",
        ],
        answer=[
            "Suffix vowels agree with the root vowel in Turkish words",
            "Suffix vowels agree with the root vowel in Hungarian words",
        ],
        sentences=LINGUISTICS,
        cited=[1, 2],
    ),
    "multiple-keys": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? Suffix vowels agree with "
        "the root vowel in _____ words.",
        options=["Turkish", "Hungarian", "Latin", "Welsh"],
        answer="Turkish",
        sentences=LINGUISTICS,
        cited=[1],
    ),
    "kind-mismatch": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? Socialist competition and the "
        "shock work movement made a great contribution to the economic targets of the _____.",
        options=["Right opposition", "Stalin group", "NEP", "FFYP"],
        answer="FFYP",
        sentences=UNIONS,
        cited=[9],
    ),
    "near-duplicate-options": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? _____ restricts which vowels "
        "may co-occur within a word.",
        options=["Vowel harmony", "harmony", "assimilation", "suffix vowels"],
        answer="Vowel harmony",
        sentences=LINGUISTICS,
        cited=[0],
    ),
    "longest-option": dict(
        type="single_choice",
        prompt="What demanded universal male suffrage in Britain, according to the text?",
        options=["the Chartist movement of the British workers", "Parliament", "trade unions"],
        answer="the Chartist movement of the British workers",
        sentences=HISTORY,
        cited=[0],
    ),
    "few-distractors": dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? Vowel harmony restricts which "
        "_____ may co-occur within a word.",
        options=["vowels", "segments"],
        answer="vowels",
        sentences=LINGUISTICS,
        cited=[0],
    ),
    "negation-false": dict(
        type="true_false",
        prompt="True or false? The trial was not stopped early because lactic acidosis "
        "occurred in three patients.",
        options=TF,
        answer=False,
        sentences=MEDICINE,
        cited=[2],
    ),
    "same-year-range": dict(
        type="true_false",
        prompt="True or false? In a randomised trial in Uppsala, 412 patients received "
        "metformin or placebo between 2011 and 2011.",
        options=TF,
        answer=False,
        sentences=MEDICINE,
        cited=[1],
    ),
    "key-not-in-source": dict(
        type="cloze",
        prompt="Fill in the blank: _____ remains the first-line therapy for type 2 diabetes.",
        answer=["insulin"],
        sentences=MEDICINE,
        cited=[0],
    ),
    "true-not-in-source": dict(
        type="true_false",
        prompt="True or false? Glycated haemoglobin fell by 1.2% in the placebo arm.",
        options=TF,
        answer=True,
        sentences=MEDICINE,
        cited=[3],
    ),
}


def test_it_gives_every_flaw_code_a_rubric_criterion_and_a_message() -> None:
    # every code is shown by an item below, or by the classic flaws' cases
    assert set(TRIGGERS) | set(CASES) | {"duplicate-question"} == set(CODES)
    for code, item in TRIGGERS.items():
        found = [f for f in flaws_of(**item) if f.code == code]
        assert found, code
        flaw = found[0]
        assert flaw.criterion == CODES[code] and flaw.criterion in CRITERIA
        assert flaw.message.strip().endswith(".") and len(flaw.message.split()) >= 5
        assert 0 < flaw.severity <= 1


def test_it_lowers_confidence_with_each_flaw_as_a_product() -> None:
    assert confidence([]) == 1.0
    a = Flaw("generic-key", "worth asking", "x", 0.5)
    b = Flaw("framing", "worth asking", "y", 0.2)
    assert confidence([a]) == 0.5
    assert confidence([a, b]) == pytest.approx(0.4)
    assert confidence([Flaw("page-matter", "worth asking", "z", 1.0)]) == 0.0


def test_it_reports_one_flaw_per_code_worst_first() -> None:
    found = flaws_of(**TRIGGERS["page-matter"])
    assert len({f.code for f in found}) == len(found)
    assert [f.severity for f in found] == sorted((f.severity for f in found), reverse=True)


# --- the exemplars pass clean -----------------------------------------------------------

EXEMPLARS: list[dict[str, Any]] = [
    dict(
        type="single_choice",
        prompt="According to the text, what was the reorganization of the unions during the "
        "First Five-Year Plan intended to do?",
        options=[
            "subordinate the unions to the party",
            "give the unions more independence from the party",
            "end socialist competition",
            "restore the unions of NEP",
        ],
        answer="subordinate the unions to the party",
        cited=[0],
    ),
    dict(
        type="multiple_response",
        prompt="Which of these does the text give as ways the personnel purge was carried out? "
        "(select all)",
        options=[
            "replacing the VTsSPS leadership and individual union chairs",
            "inspecting and purging union apparatuses",
            "a re-election campaign of factory committees",
            "disbanding the factory committees",
            "merging the unions into the party apparatus",
        ],
        answer=[
            "replacing the VTsSPS leadership and individual union chairs",
            "inspecting and purging union apparatuses",
            "a re-election campaign of factory committees",
        ],
        cited=[5],
    ),
    dict(
        type="ordering",
        prompt="Put these in the order the text describes them.",
        options=[
            "the Stalin group replaces the old union leadership",
            "harsher measures for an all-out shake-up follow",
            "the productionist approach is developed fully from late 1929",
            "the unions become a vanguard of Stalinist industrialization",
        ],
        answer=[
            "the Stalin group replaces the old union leadership",
            "harsher measures for an all-out shake-up follow",
            "the productionist approach is developed fully from late 1929",
            "the unions become a vanguard of Stalinist industrialization",
        ],
        cited=[3, 4, 8, 10],
    ),
    dict(
        type="true_false",
        prompt="True or false? The Right opposition launched an offensive against the unions "
        "in its power struggle with the Stalinists.",
        options=TF,
        answer=False,
        cited=[2],
    ),
    dict(
        type="true_false",
        prompt="True or false? The productionist approach of the unions was developed fully "
        "from the fourth quarter of 1930.",
        options=TF,
        answer=False,
        cited=[8],
    ),
    dict(
        type="cloze",
        prompt="The unions' emphasis on raising output, which gained ground and was fully "
        "developed from the fourth quarter of 1929, is called the _____ approach.",
        answer=["productionist"],
        cited=[8],
    ),
    dict(
        type="single_choice",
        prompt='Which two movements does the text call the "dual axes" for encouraging '
        "workers' enthusiasm?",
        options=[
            "socialist competition and the shock work movement",
            "the personnel purge and the re-election campaign",
            "the productionist approach and the personnel purge",
            "the re-election campaign and socialist competition",
        ],
        answer="socialist competition and the shock work movement",
        cited=[9],
    ),
    dict(
        type="short_answer",
        prompt="What does the text say happened to the unions' independence by the end of "
        "these processes?",
        answer=["it was sharply reduced", "sharply reduced", "reduced"],
        cited=[11],
    ),
]


@pytest.mark.parametrize("item", EXEMPLARS, ids=lambda item: item["type"])
def test_it_finds_no_flaw_in_the_exemplar_items(item: dict[str, Any]) -> None:
    assert flaws_of(sentences=UNIONS, **item) == []


# --- the failing items quoted in the issue -----------------------------------------------


def test_it_flags_a_false_statement_that_swaps_in_a_coreferent_the_text_links() -> None:
    # "personnel replacement" continues the personnel purge, which "Above all" gives as the
    # main part of the "all-out shake-up": swapping one for the other may leave it true
    item = dict(
        type="true_false",
        prompt="True or false? Along with the all-out shake-up, the party also set out to "
        "change the general course of the unions.",
        options=TF,
        answer=False,
        sentences=UNIONS,
        cited=[7],
    )
    assert severity_of("coreferent-distractor", **item) >= 0.5
    unrelated = dict(item, prompt=item["prompt"].replace("all-out shake-up", "power struggle"))
    assert "coreferent-distractor" not in codes_of(**unrelated)


def test_it_flags_distractors_of_another_kind_than_the_key() -> None:
    assert severity_of("kind-mismatch", **TRIGGERS["kind-mismatch"]) >= 0.6
    same_kind = dict(
        TRIGGERS["kind-mismatch"],
        options=["First Five-Year Plan", "personnel purge", "re-lection campaign", "FFYP"],
    )
    assert "kind-mismatch" not in codes_of(**same_kind)


def test_it_flags_page_matter_and_months_beside_a_government() -> None:
    found = codes_of(**TRIGGERS["page-matter"])
    assert {"page-matter", "kind-mismatch"} <= found


def test_it_flags_a_false_statement_made_by_inserting_not() -> None:
    item = dict(
        type="true_false",
        prompt="True or false? Socialist competition and the shock work movement were not dual "
        "axes for the encouragement of workers' enthusiasm, which made a great contribution "
        "to the achievement of the economic targets of the FFYP.",
        options=TF,
        answer=False,
        sentences=UNIONS,
        cited=[9],
    )
    assert severity_of("negation-false", **item) >= 0.8
    swapped = dict(
        item,
        prompt=item["prompt"]
        .replace("were not dual", "were dual")
        .replace("Socialist competition", "The personnel purge"),
    )
    assert "negation-false" not in codes_of(**swapped)


def test_it_flags_a_range_whose_ends_are_equal_or_reversed() -> None:
    assert "same-year-range" in codes_of(**TRIGGERS["same-year-range"])
    reversed_range = dict(
        TRIGGERS["same-year-range"],
        prompt="True or false? The reorganization of the unions during the First Five-Year "
        "Plan (1928~25) was intended to subordinate the unions to the party.",
        sentences=UNIONS,
        cited=[0],
    )
    assert "same-year-range" in codes_of(**reversed_range)
    plausible = dict(reversed_range, prompt=reversed_range["prompt"].replace("1928~25", "1927~32"))
    assert "same-year-range" not in codes_of(**plausible)


def test_it_flags_ordering_options_cut_at_and() -> None:
    flaws = {f.code: f for f in flaws_of(**TRIGGERS["fragment-option"])}
    assert flaws["fragment-option"].severity >= 0.6
    assert "how the internal" in flaws["fragment-option"].message


@pytest.mark.parametrize(
    "opener",
    ["This was", "They were", "Other reasons were", "That is why", "It was"],
)
def test_it_flags_a_stem_opening_on_a_reference_it_does_not_resolve(opener: str) -> None:
    item = dict(
        type="cloze",
        prompt=f"Fill in the blank: {opener} the _____ of the unions.",
        answer=["productionist approach"],
        sentences=UNIONS,
        cited=[8],
    )
    assert severity_of("dangling-reference", **item) >= 0.8


def test_it_flags_a_demonstrative_noun_and_a_causal_linker_less_surely() -> None:
    base = dict(type="cloze", answer=["personnel purge"], sentences=UNIONS, cited=[6])
    this_noun = severity_of(
        "dangling-reference",
        prompt="Fill in the blank: This extensive _____ provided the Stalinist leadership with "
        "a firm foundation.",
        **base,
    )
    thus = severity_of(
        "dangling-reference",
        prompt="Fill in the blank: Thus, the _____ provided the Stalinist leadership with a "
        "firm foundation.",
        **base,
    )
    assert 0.3 <= this_noun < 0.8 and 0.3 <= thus < 0.8


def test_it_does_not_call_an_expletive_it_or_the_paper_itself_dangling() -> None:
    base = dict(
        type="cloze",
        answer=["terrain"],
        sentences=["It is time to revisit this terrain."],
        cited=[0],
    )
    assert "dangling-reference" not in codes_of(
        prompt="Fill in the blank: It is time to revisit the _____.", **base
    )
    assert "dangling-reference" not in codes_of(
        prompt="Fill in the blank: This study revisits the _____.", **base
    )


def test_it_flags_the_articles_framing() -> None:
    assert severity_of("framing", **TRIGGERS["framing"]) >= 0.8
    claim = dict(
        TRIGGERS["framing"],
        prompt="Which term from the text fills the gap? “As industry promoted by the _____ had "
        "rapid development, labour in South Korea enormously increased”",
        answer=["Korean government"],
        cited=[1],
    )
    assert "framing" not in codes_of(**claim)


# --- well-formed ---------------------------------------------------------------------------


def test_it_flags_a_statement_without_a_main_clause_but_not_a_whole_sentence() -> None:
    assert severity_of("fragment-stem", **TRIGGERS["fragment-stem"]) >= 0.5
    whole = dict(
        TRIGGERS["fragment-stem"],
        prompt="True or false? The movement declined after Parliament rejected the petition.",
    )
    assert "fragment-stem" not in codes_of(**whole)
    subordinate = dict(
        TRIGGERS["fragment-stem"],
        prompt="True or false? As the movement declined after Parliament rejected the petition.",
    )
    assert "fragment-stem" in codes_of(**subordinate)


def test_it_reads_a_verb_by_its_ending_after_a_plural_subject() -> None:
    from course.generator.flaws.item import has_main_clause

    # "dominate" is in no verb list: its ending and the plural before it make it the verb
    assert has_main_clause("For Italy, vertical effects dominate horizontal effects.")
    assert not has_main_clause("For Italy, the vertical effects of the income tax.")


def test_it_does_not_count_the_verb_of_a_relative_clause_as_the_main_verb() -> None:
    sentences = [
        "The research model, which included students' self-efficacy and interactivity, was "
        "developed from the technology acceptance model.",
        "The minimum information that should be reported per outcome was agreed.",
    ]
    cut = [
        "The research model, which included students' self-efficacy",
        "The minimum information that should be reported per outcome",
    ]
    item = dict(
        type="ordering",
        prompt="Put these statements in the order in which the text presents them.",
        options=cut,
        answer=cut,
        sentences=sentences,
        cited=[0, 1],
    )
    assert "fragment-option" in codes_of(**item)
    whole = [s.rstrip(".") for s in sentences]
    assert "fragment-option" not in codes_of(**dict(item, options=whole, answer=whole))


def test_it_flags_a_stem_with_an_open_bracket_or_a_cut_before_its_particle() -> None:
    bracket = dict(
        type="cloze",
        prompt="Fill in the blank: The finite element method (_____ divides a structure into "
        "small elements.",
        answer=["FEM"],
        sentences=ENGINEERING,
        cited=[0],
    )
    assert "fragment-stem" in codes_of(**bracket)
    particle = dict(
        type="short_answer",
        prompt="Which term from the text fills the gap? “The research of this _____ has been "
        "carried”",
        answer=["model"],
        sentences=["The research of this model has been carried out by the team."],
        cited=[0],
    )
    assert "fragment-stem" in codes_of(**particle)


def test_it_flags_an_article_before_the_gap_that_gives_the_key_away() -> None:
    assert severity_of("grammar-cue", **TRIGGERS["grammar-cue"]) >= 0.8
    fair = dict(TRIGGERS["grammar-cue"], options=["FEM", "ultrasonic", "X-ray", "impact"])
    assert "grammar-cue" not in codes_of(**fair)


def test_it_flags_a_key_that_breaks_the_agreement_around_the_gap() -> None:
    item = dict(
        type="cloze",
        prompt="Fill in the blank: The _____ was stopped early because lactic acidosis occurred.",
        answer=["trials"],
        sentences=MEDICINE,
        cited=[2],
    )
    assert "grammar-cue" in codes_of(**item)
    assert "grammar-cue" not in codes_of(**dict(item, answer=["trial"]))


def test_it_reads_agreement_only_when_the_gap_is_the_subject() -> None:
    item = dict(
        type="short_answer",
        prompt="Which term from the text fills the gap? “The Stalin group believed that the "
        "unions of _____ were no longer suitable”",
        answer=["NEP"],
        sentences=UNIONS,
        cited=[1],
    )
    assert "grammar-cue" not in codes_of(**item)


def test_it_flags_a_matching_passage_only_one_term_fits() -> None:
    item = dict(
        type="matching",
        prompt="Match each term with the passage from the text whose gap (_____) it fills.",
        options=[
            "Engineers at the Delft institute applied an _____ model to the bridge decks",
            "Fatigue cracks appeared in the _____ after two million load cycles",
            "This cracking was traced to _____ from welding",
        ],
        answer=[
            ["FEM", "Engineers at the Delft institute applied an _____ model to the bridge decks"],
            ["welds", "Fatigue cracks appeared in the _____ after two million load cycles"],
            ["residual stress", "This cracking was traced to _____ from welding"],
        ],
        sentences=ENGINEERING,
        cited=[1, 2, 3],
    )
    assert "grammar-cue" in codes_of(**item)


def test_it_flags_reference_numbers_left_in_the_stem() -> None:
    assert "citation-marks" in codes_of(**TRIGGERS["citation-marks"])
    numbered = dict(
        TRIGGERS["citation-marks"],
        prompt="True or false? In a randomised trial in Uppsala, 412 patients received "
        "metformin or placebo between 2011 and 2014.",
        cited=[1],
    )
    assert "citation-marks" not in codes_of(**numbered)  # a count and years are no citation


# --- worth asking -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["workers", "production", "research", "words"])
def test_it_flags_an_everyday_word_as_key(key: str) -> None:
    item = dict(
        type="cloze",
        prompt="Fill in the blank: Many _____ left the movement.",
        answer=[key],
        sentences=[f"Many {key} left the movement."],
        cited=[0],
    )
    assert severity_of("generic-key", **item) >= 0.6


def test_it_accepts_a_rare_word_a_name_or_a_multiword_term_as_key() -> None:
    for key in ("productionist", "Chartists", "lactic acidosis", "FEM"):
        item = dict(
            type="cloze",
            prompt="Fill in the blank: The _____ mattered.",
            answer=[key],
            sentences=[f"The {key} mattered."],
            cited=[0],
        )
        assert "generic-key" not in codes_of(**item), key


def test_it_flags_a_function_word_and_a_common_modifier_as_key() -> None:
    base = dict(
        type="cloze", prompt="Fill in the blank: The review covers _____ aspects.", cited=[0]
    )
    assert (
        severity_of(
            "generic-key", answer=["these"], sentences=["The review covers these aspects."], **base
        )
        >= 0.9
    )
    assert (
        severity_of(
            "generic-key",
            answer=["institutional"],
            sentences=["The review covers institutional aspects."],
            **base,
        )
        >= 0.4
    )


def test_it_flags_a_reference_number_as_key_but_not_a_count() -> None:
    assert severity_of("citation-number", **TRIGGERS["citation-number"]) >= 0.8
    count = dict(
        type="cloze",
        prompt="Fill in the blank: In a randomised trial in Uppsala, _____ patients received "
        "metformin.",
        answer=["412"],
        sentences=MEDICINE,
        cited=[1],
    )
    assert "citation-number" not in codes_of(**count)


def test_it_flags_a_doi_in_the_stem_as_page_matter() -> None:
    item = dict(
        type="true_false",
        prompt="True or false? The article is available at doi 10.1016/j.cell.2020.01.001.",
        options=TF,
        answer=True,
        sentences=["The article is available at doi 10.1016/j.cell.2020.01.001."],
        cited=[0],
    )
    assert severity_of("page-matter", **item) >= 0.8


def test_it_asks_for_an_order_the_text_fixes() -> None:
    assert "presentation-order" in codes_of(**TRIGGERS["presentation-order"])
    assert "ordering-unfixed" in codes_of(**TRIGGERS["ordering-unfixed"])
    dated = dict(
        type="ordering",
        prompt="Put these events in the order in which they happened.",
        options=[
            "the Chartists presented their last petition to Parliament in 1848",
            "the Chartist movement demanded universal male suffrage",
        ],
        answer=[
            "the Chartist movement demanded universal male suffrage",
            "the Chartists presented their last petition to Parliament in 1848",
        ],
        sentences=HISTORY,
        cited=[0, 1, 2],
    )
    assert not {"ordering-unfixed", "presentation-order"} & codes_of(**dated)


def test_it_flags_an_ordering_keyed_against_the_texts_order() -> None:
    item = dict(
        TRIGGERS["presentation-order"],
        answer=list(reversed(TRIGGERS["presentation-order"]["answer"])),
    )
    assert severity_of("key-not-in-source", **item) >= 0.8


# --- unambiguous ---------------------------------------------------------------------------


def test_it_flags_an_abbreviation_beside_its_expansion() -> None:
    assert severity_of("coreferent-distractor", **TRIGGERS["coreferent-distractor"]) >= 0.8


def test_it_flags_a_distractor_the_aliases_give_for_the_key() -> None:
    item = dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? Linguists call this process "
        "_____.",
        options=["assimilation", "feature spreading", "vowel harmony", "suffix vowels"],
        answer="assimilation",
        sentences=LINGUISTICS,
        cited=[3],
    )
    assert "coreferent-distractor" not in codes_of(**item)
    aliases = {"assimilation": ["feature spreading"]}
    assert severity_of("coreferent-distractor", aliases=aliases, **item) >= 0.8


def test_it_flags_a_distractor_the_text_glosses_as_the_key() -> None:
    item = dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? Linguists call this process "
        "_____.",
        options=["assimilation", "spreading of a feature", "vowel harmony", "suffix vowels"],
        answer="assimilation",
        sentences=[
            "Linguists call this process assimilation, i.e. the spreading of a feature between "
            "segments."
        ],
        cited=[0],
    )
    assert severity_of("coreferent-distractor", **item) >= 0.6


def test_it_flags_a_follower_name_beside_its_group() -> None:
    item = dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? The _____ believed that the "
        "unions of NEP were no longer suitable for the period of industrialization.",
        options=["Stalin group", "Stalinists", "Right opposition", "factory committees"],
        answer="Stalin group",
        sentences=UNIONS,
        cited=[1],
    )
    assert severity_of("coreferent-distractor", **item) >= 0.8


def test_it_flags_a_distractor_the_text_refers_back_to_with_this() -> None:
    sentences = [
        "Fatigue cracks appeared in the welds after two million load cycles.",
        "This cracking was traced to residual stress from welding.",
    ]
    item = dict(
        type="single_choice",
        prompt="Which term completes the statement from the text? _____ appeared in the welds "
        "after two million load cycles.",
        options=["Fatigue cracks", "cracking", "residual stress", "load cycles"],
        answer="Fatigue cracks",
        sentences=sentences,
        cited=[0],
    )
    assert "coreferent-distractor" in codes_of(**item)


def test_it_flags_a_false_statement_that_says_what_the_text_says() -> None:
    assert severity_of("false-matches-source", **TRIGGERS["false-matches-source"]) >= 0.8
    changed = dict(
        TRIGGERS["false-matches-source"],
        prompt="True or false? The movement declined after the Chartists rejected the petition.",
    )
    assert "false-matches-source" not in codes_of(**changed)


def test_it_flags_a_distractor_that_fills_the_gap_elsewhere_in_the_text() -> None:
    assert "multiple-keys" in codes_of(**TRIGGERS["multiple-keys"])
    single = dict(TRIGGERS["multiple-keys"], options=["Turkish", "Latin", "Welsh", "Basque"])
    assert "multiple-keys" not in codes_of(**single)


# --- fair distractors ----------------------------------------------------------------------


def test_it_flags_near_duplicate_options_but_not_options_sharing_the_stems_words() -> None:
    assert severity_of("near-duplicate-options", **TRIGGERS["near-duplicate-options"]) >= 0.5
    assert "near-duplicate-options" not in codes_of(sentences=UNIONS, **EXEMPLARS[1])


def test_it_flags_a_key_much_longer_than_every_distractor() -> None:
    assert "longest-option" in codes_of(**TRIGGERS["longest-option"])
    balanced = dict(
        TRIGGERS["longest-option"],
        options=[
            "the Chartist movement of the British workers",
            "the trade unions of the British workers",
            "the members of the British Parliament",
        ],
    )
    assert "longest-option" not in codes_of(**balanced)


def test_it_wants_three_distractors_for_a_single_choice() -> None:
    assert severity_of("few-distractors", **TRIGGERS["few-distractors"]) >= 0.6
    enough = dict(
        TRIGGERS["few-distractors"],
        options=["vowels", "segments", "consonants", "suffixes"],
    )
    assert "few-distractors" not in codes_of(**enough)


# --- grounded ---------------------------------------------------------------------------


def test_it_flags_a_key_the_cited_sentences_do_not_contain() -> None:
    assert severity_of("key-not-in-source", **TRIGGERS["key-not-in-source"]) >= 0.8
    elsewhere = dict(TRIGGERS["key-not-in-source"], answer=["placebo"])
    assert 0.3 <= severity_of("key-not-in-source", **elsewhere) < 0.8  # in the text, miscited
    found = dict(TRIGGERS["key-not-in-source"], answer=["Metformin"])
    assert "key-not-in-source" not in codes_of(**found)


def test_it_flags_a_true_statement_the_cited_sentence_does_not_support() -> None:
    assert severity_of("true-not-in-source", **TRIGGERS["true-not-in-source"]) >= 0.5
    negated = dict(
        TRIGGERS["true-not-in-source"],
        prompt="True or false? Glycated haemoglobin did not fall by 1.2% in the metformin arm.",
    )
    assert severity_of("true-not-in-source", **negated) >= 0.8
    supported = dict(
        TRIGGERS["true-not-in-source"],
        prompt="True or false? Glycated haemoglobin fell by 1.2% in the metformin arm.",
    )
    assert "true-not-in-source" not in codes_of(**supported)


def test_it_reports_a_malformed_item_alone() -> None:
    found = flaws_of(**TRIGGERS["malformed-item"])
    assert [f.code for f in found] == ["malformed-item"] and found[0].severity == 1.0
    assert codes_of(
        type="true_false",
        prompt="True or false? Vowel harmony restricts vowels.",
        options=TF,
        answer="yes",
        sentences=LINGUISTICS,
        cited=[0],
    ) == {"malformed-item"}


@settings(max_examples=300, deadline=None)
@given(
    type_=st.sampled_from(
        [
            "cloze",
            "single_choice",
            "multiple_response",
            "true_false",
            "ordering",
            "matching",
            "short_answer",
            "numerical",
            "essay",
        ]
    ),
    prompt=st.text(max_size=120),
    options=st.lists(st.text(max_size=30), max_size=5),
    answer=st.one_of(
        st.none(),
        st.booleans(),
        st.text(max_size=30),
        st.lists(st.text(max_size=20), max_size=4),
        st.lists(st.lists(st.text(max_size=10), min_size=2, max_size=2), max_size=4),
    ),
    sentences=st.lists(st.text(min_size=1, max_size=80), max_size=4),
    cited=st.lists(st.integers(-2, 6), max_size=3),
)
def test_it_judges_any_item_without_failing(type_, prompt, options, answer, sentences, cited):
    # The review page runs the checker on every question, including hand-written ones that
    # cite no sentence: whatever an instructor saved, it returns flaws, never an exception.
    found = item_flaws(
        type=type_, prompt=prompt, options=options, answer=answer, sentences=sentences, cited=cited
    )
    assert all(flaw.code in CODES for flaw in found)
    assert 0 <= confidence(found) <= 1


def test_it_judges_a_written_true_false_item_in_a_course_without_sentences() -> None:
    found = item_flaws(
        type="true_false",
        prompt="True or false? Union independence grew under the plan.",
        options=["True", "False"],
        answer=False,
        sentences=[],
        cited=[],
    )
    assert 0 <= confidence(found) <= 1
