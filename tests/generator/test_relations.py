"""Relations stated by discourse cues, on invented sentences from several fields
and on the reference abstract."""

from __future__ import annotations

import pytest

from course.generator import Draft
from course.generator.relations import Relation, find_relations, subject_of, text_relations


def _only(sentence: str, kind: str, previous: str | None = None) -> Relation:
    found = [r for r in find_relations(sentence, 0, previous) if r.kind == kind]
    assert len(found) == 1, find_relations(sentence, 0, previous)
    return found[0]


def _sides(relation: Relation) -> tuple[str, str]:
    return relation.left, relation.right


# --- purpose ------------------------------------------------------------------------


def test_it_finds_the_purpose_a_subject_was_meant_to_serve() -> None:
    medicine = _only(
        "The new screening protocol was designed to detect early-stage tumours in older patients.",
        "purpose",
    )
    assert _sides(medicine) == (
        "The new screening protocol",
        "detect early-stage tumours in older patients",
    )
    assert medicine.cue == "was designed to"
    assert (medicine.left_form, medicine.right_form) == ("noun", "predicate")
    history = _only("The treaty was intended to end the border dispute.", "purpose")
    assert _sides(history) == ("The treaty", "end the border dispute")
    assert history.lemma == "intend to"


def test_it_starts_the_purpose_subject_at_its_own_clause() -> None:
    relation = _only(
        "In 1920, the council believed that the new tax was intended to fund village schools.",
        "purpose",
    )
    assert _sides(relation) == ("the new tax", "fund village schools")


def test_it_finds_a_purpose_clause_after_in_order_to() -> None:
    engineering = _only(
        "Engineers added a second cooling loop in order to keep the reactor below its design "
        "temperature.",
        "purpose",
    )
    assert _sides(engineering) == (
        "Engineers added a second cooling loop",
        "keep the reactor below its design temperature",
    )
    assert engineering.left_form == "clause"


def test_it_finds_the_purpose_of_a_purpose_noun() -> None:
    relation = _only(
        "The ministry announced practical measures to improve access to clean water.", "purpose"
    )
    assert _sides(relation) == ("practical measures", "improve access to clean water")


def test_it_ends_a_purpose_before_a_coordinated_verb() -> None:
    relation = _only(
        "The survey was designed to record rural dialects and was funded by the state.",
        "purpose",
    )
    assert relation.right == "record rural dialects"


# --- cause and result -----------------------------------------------------------------


def test_it_finds_the_cause_after_because_and_due_to() -> None:
    medicine = _only(
        "Many patients stopped the treatment because the side effects were severe.", "cause"
    )
    assert _sides(medicine) == (
        "Many patients stopped the treatment",
        "the side effects were severe",
    )
    engineering = _only("The bridge closed in 1998 due to corrosion of its main cables.", "cause")
    assert _sides(engineering) == ("The bridge closed in 1998", "corrosion of its main cables")
    assert engineering.right_form == "noun"


def test_it_puts_the_effect_left_when_the_cause_opens_the_sentence() -> None:
    relation = _only("As a result of the drought, grain prices doubled within a year.", "cause")
    assert _sides(relation) == ("grain prices doubled within a year", "the drought")


def test_it_finds_the_result_after_led_to_and_resulted_in() -> None:
    history = _only(
        "The failed harvest of 1846 led to widespread famine in the western provinces.", "result"
    )
    assert _sides(history) == (
        "The failed harvest of 1846",
        "widespread famine in the western provinces",
    )
    linguistics = _only(
        "Contact with traders resulted in many loanwords entering the language.", "result"
    )
    assert _sides(linguistics) == ("Contact with traders", "many loanwords entering the language")
    assert linguistics.lemma == "result in"


def test_it_takes_the_clause_before_which_as_the_cause() -> None:
    relation = _only(
        "The guilds lost their royal charters, which led to a collapse of apprenticeships.",
        "result",
    )
    assert _sides(relation) == (
        "The guilds lost their royal charters",
        "a collapse of apprenticeships",
    )
    assert relation.left_form == "clause"


def test_it_relates_a_sentence_opening_with_therefore_to_the_previous_one() -> None:
    previous = "The dam raised the water table across the valley."
    relation = _only(
        "Therefore, several villages had to be moved to higher ground.", "result", previous
    )
    assert relation.previous
    assert _sides(relation) == (
        "The dam raised the water table across the valley",
        "several villages had to be moved to higher ground",
    )
    assert not find_relations("Therefore, several villages had to be moved to higher ground.")


def test_it_takes_the_previous_sentence_as_the_cause_this_refers_to() -> None:
    relation = _only(
        "This led to a long strike in the northern mills.",
        "result",
        "First, the mill owners cut wages by a third.",
    )
    assert relation.previous
    assert _sides(relation) == (
        "the mill owners cut wages by a third",
        "a long strike in the northern mills",
    )


# --- contrast -----------------------------------------------------------------------


def test_it_finds_contrasts_between_clauses() -> None:
    linguistics = _only(
        "Older speakers keep the distinction, whereas younger speakers merge the two vowels.",
        "contrast",
    )
    assert _sides(linguistics) == (
        "Older speakers keep the distinction",
        "younger speakers merge the two vowels",
    )
    medicine = _only(
        "The drug lowered blood pressure, but it did not reduce the number of strokes.",
        "contrast",
    )
    assert _sides(medicine) == (
        "The drug lowered blood pressure",
        "it did not reduce the number of strokes",
    )


def test_it_puts_the_conceded_side_left() -> None:
    engineering = _only("Unlike steel, the composite does not corrode in salt water.", "contrast")
    assert _sides(engineering) == ("steel", "the composite does not corrode in salt water")
    medicine = _only(
        "Although the vaccine is cheap, it is rarely used in rural clinics.", "contrast"
    )
    assert _sides(medicine) == ("the vaccine is cheap", "it is rarely used in rural clinics")
    despite = _only("The movement grew despite strong pressure from the police.", "contrast")
    assert _sides(despite) == ("strong pressure from the police", "The movement grew")


def test_it_finds_what_is_no_longer_the_case() -> None:
    relation = _only(
        "The council decided that the old guilds were no longer able to set prices.", "contrast"
    )
    assert _sides(relation) == ("the old guilds", "able to set prices")
    assert relation.cue == "were no longer"


def test_it_relates_a_sentence_opening_with_however_to_the_previous_one() -> None:
    relation = _only(
        "However, the trial found no effect on survival.",
        "contrast",
        "Earlier studies reported that the drug prolongs life.",
    )
    assert relation.previous and relation.lemma == "however"
    assert relation.right == "the trial found no effect on survival"


# --- sequence -----------------------------------------------------------------------


def test_it_finds_a_development_between_two_dates() -> None:
    relation = _only("Grain exports grew steadily from 1850 to 1870.", "sequence")
    assert (relation.lemma, *_sides(relation)) == ("from-to", "1850", "1870")


def test_it_finds_what_happened_after_an_event() -> None:
    relation = _only(
        "Following the collapse of the empire, the provinces formed independent states.",
        "sequence",
    )
    assert _sides(relation) == (
        "the collapse of the empire",
        "the provinces formed independent states",
    )
    before = _only("Before the war, the port handled most of the grain trade.", "sequence")
    assert _sides(before) == ("the port handled most of the grain trade", "the war")


def test_it_finds_what_began_and_when() -> None:
    began = _only("The language began to lose its case endings in the twelfth century.", "sequence")
    assert (began.lemma, *_sides(began)) == (
        "begin",
        "The language",
        "lose its case endings in the twelfth century",
    )
    anchored = _only("The use of the new alloy spread rapidly from 1962.", "sequence")
    assert (anchored.lemma, *_sides(anchored)) == (
        "from",
        "1962",
        "The use of the new alloy spread rapidly",
    )


def test_it_orders_numbered_steps_across_sentences() -> None:
    relation = _only(
        "Second, the samples were weighed on a precision balance.",
        "sequence",
        "First, the samples were dried at room temperature.",
    )
    assert relation.previous
    assert _sides(relation) == (
        "the samples were dried at room temperature",
        "the samples were weighed on a precision balance",
    )
    # "Second" after a sentence that is not the first step orders nothing.
    assert not find_relations("Second, the samples were weighed.", 1, "The lab was cold.")


# --- definition ---------------------------------------------------------------------


def test_it_finds_definitions() -> None:
    copula = _only(
        "Aphasia is a disorder that affects the ability to produce or understand language.",
        "definition",
    )
    assert _sides(copula) == (
        "Aphasia",
        "a disorder that affects the ability to produce or understand language",
    )
    defined = _only(
        "Fatigue is defined as the weakening of a material under repeated loading.", "definition"
    )
    assert _sides(defined) == ("Fatigue", "the weakening of a material under repeated loading")
    appositive = _only(
        "The Suez Canal, an artificial waterway linking two seas, was opened in 1869.",
        "definition",
    )
    assert _sides(appositive) == ("Suez Canal", "an artificial waterway linking two seas")
    acronym = _only(
        "Magnetic resonance imaging (MRI) produces detailed images of soft tissue.", "definition"
    )
    assert (acronym.lemma, *_sides(acronym)) == (
        "abbreviation",
        "MRI",
        "Magnetic resonance imaging",
    )


# --- refusals -----------------------------------------------------------------------

UNSURE = [
    "The patients were asked to report any pain.",  # "asked to" states no purpose
    "The results were found to be consistent with earlier work.",
    "The album is due to be released next year.",  # scheduled, not caused
    "She was used to the cold winters of the north.",  # "used to" + noun
    "The company plans to expand abroad.",  # "plans" is the verb here
    "The causes of the war remain disputed.",  # a noun, not "X causes Y"
    "The fish moved from the river to the sea.",  # a range of places, not of times
    "The study period is between 2015 and 2018.",  # a span, not a development
    "The committee met while the workers waited outside.",  # temporal "while"
    "The sample was heated, while stirring constantly.",
    "Not only did the tariff raise prices, but it also cut exports.",
    "This is a problem for clinicians.",  # evaluates, does not define
    "It is a truth universally acknowledged.",
    "Thus the model is simple.",  # no comma: "thus" as "in this way"
    "The committee, which met in secret, led the reform.",  # "led" without "to"
    # Denied, not stated.
    "The reform did not lead to higher wages.",
    "The law was not intended to punish anyone.",
    "The strike never resulted in a settlement.",
    "The delay was not due to the weather.",
]


@pytest.mark.parametrize("sentence", UNSURE)
def test_it_refuses_cues_it_cannot_be_sure_of(sentence: str) -> None:
    assert find_relations(sentence) == []


def test_it_reads_since_with_a_date_as_time_and_with_a_clause_as_cause() -> None:
    assert [r.kind for r in find_relations("Since 1994, the city has grown rapidly.")] == [
        "sequence"
    ]
    cause = _only("Since the clinic has no surgeon, patients must travel to the capital.", "cause")
    assert _sides(cause) == (
        "patients must travel to the capital",
        "the clinic has no surgeon",
    )


# --- clean sides ----------------------------------------------------------------------

_BAD_OPENERS = ("and ", "or ", "but ", "which ", "who ", "that ")


def _assert_clean(relations: list[Relation]) -> None:
    for relation in relations:
        for side in (relation.left, relation.right):
            assert side == side.strip() and side, relation
            assert not side.lower().startswith(_BAD_OPENERS), relation
            assert side.count("(") == side.count(")"), relation
            assert not side.endswith((",", ";", ":", ".", " of", " the", " and", " to")), relation


def test_it_cuts_sides_at_clause_boundaries_never_mid_phrase(seed_draft: Draft) -> None:
    _assert_clean(text_relations(seed_draft.sentences))
    for sentence in UNSURE:
        _assert_clean(find_relations(sentence))


def test_it_finds_the_subject_of_a_clause() -> None:
    assert subject_of("The old union leaders were replaced by party members") == (
        "The old union leaders"
    )
    assert subject_of("Exports enormously increased after the war") == "Exports"
    assert subject_of("the unions") == ""


# --- the reference abstract -----------------------------------------------------------


def test_it_finds_the_stated_relations_of_the_reference_abstract(seed_draft: Draft) -> None:
    relations = text_relations(seed_draft.sentences)
    by_cue = {(r.sentence, r.lemma): r for r in relations}
    purpose = by_cue[(0, "intend to")]
    assert purpose.left == (
        "The reorganization of the unions during the First Five-Year Plan (1928~32)"
    )
    assert purpose.right.startswith("subordinate the unions to the party")
    aims = by_cue[(0, "with the dual aims of")]
    assert aims.right.startswith("weakening their political status and drawing them closer")
    assert by_cue[(1, "no longer")].left == "the unions of NEP"
    thus = by_cue[(2, "thus")]
    assert thus.kind == "result" and thus.previous
    assert thus.right.startswith("the Stalinists launched an offensive")
    assert by_cue[(8, "from")].left == "the fourth quarter of 1929"
    contribution = by_cue[(9, "contribute to")]
    assert contribution.left.startswith("Socialist competition and the shock work movement")
    assert contribution.right == "the achievement of the economic targets of the FFYP"
    assert [r.sentence for r in relations] == sorted(r.sentence for r in relations)


def test_it_reports_no_relation_the_text_denies() -> None:
    from course.generator.relations import find_relations

    denied = "The plague neither caused widespread demographic decline nor kept populations low."
    assert not [r for r in find_relations(denied) if r.kind in ("result", "cause")]
    stated = "The plague caused widespread demographic decline in the cities."
    assert [r for r in find_relations(stated) if r.kind == "result"]
