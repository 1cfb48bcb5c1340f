"""Quiz items on stated relations (purpose, cause, result, contrast, sequence,
definition), on invented texts from several fields and on the reference abstract;
the true/false pairs made when a relation has too few fair wrong options; and the
package's layering."""

from __future__ import annotations

import ast
import re
from dataclasses import replace

from course.generator import Draft, DraftConcept, DraftQuestion, build_draft, sentences_of
from course.generator.questions import valid
from course.generator.relation_items import relation_items

from .quiz_rules import assert_question_rules
from .support import REPO, corpus_files


def _concept(term: str, *aliases: str, rank: int = 1) -> DraftConcept:
    return DraftConcept(
        term=term, aliases=list(aliases), definition="", sentences=[], core=False, rank=rank
    )


def _items(text: str, *terms: str) -> tuple[list[str], list[DraftQuestion]]:
    sentences = sentences_of(text)
    concepts = [_concept(t, rank=n + 1) for n, t in enumerate(terms)]
    return sentences, relation_items(sentences, concepts)


def _one(items: list[DraftQuestion], kind: str, prompt_part: str = "") -> DraftQuestion:
    found = [q for q in items if q.type == kind and prompt_part in q.prompt]
    assert len(found) == 1, items
    return found[0]


MEDICINE = (
    "Sepsis remains a leading cause of death in intensive care units. "
    "The new screening protocol was designed to detect early signs of sepsis in older patients. "
    "Nurses used a bedside scoring chart to record vital signs every hour. "
    "The hospital introduced rapid antibiotic delivery to shorten the time to first treatment. "
    "A follow-up clinic was established to monitor the recovery of survivors after discharge."
)
ENGINEERING = (
    "The bridge monitoring system combines three kinds of sensor. "
    "Strain gauges are used to measure deformation in the main girders. "
    "Accelerometers are deployed to detect vibration caused by heavy traffic. "
    "A weather station is used to record wind speed at the deck. "
    "Engineers reviewed the data every month."
)
ECONOMICS = (
    "Exports to Asia declined because of the slowdown of global demand and the rise of "
    "shipping costs. "
    "The central bank raised interest rates in 2022. "
    "Higher borrowing costs led to a sharp fall in housing investment. "
    "The devaluation of the currency resulted in higher prices of imported goods. "
    "The government introduced a fuel subsidy for rural households. "
    "The reform of the pension system and the expansion of the credit market followed later. "
    "The labour market remained tight throughout the year."
)
HISTORY = (
    "The guild system regulated trade in the city in 1350. "
    "The town council abolished the guild monopoly in 1520. "
    "A chamber of commerce replaced the old guild hall in 1610. "
    "Merchants in the port favoured free trade, whereas artisans in the old town demanded "
    "protection."
)
PHARMACOLOGY = (
    "Metformin is an oral drug for type 2 diabetes. "
    "It lowers blood glucose. "
    "Regulators approved an interchangeable insulin product for children in 2021. "
    "Many patients first receive a structured lifestyle programme with dietary advice. "
    "Clinicians prescribe a monoclonal antibody therapy for arthritis."
)
CHEMISTRY = (
    "The soil samples came from three farms. "
    "First, the samples were dried at room temperature. "
    "Second, the dried samples were ground into a fine powder. "
    "Third, the powder was dissolved in dilute nitric acid. "
    "Finally, the solution was analysed by mass spectrometry."
)


# --- purpose ------------------------------------------------------------------------


def test_it_asks_what_a_thing_was_designed_to_do() -> None:
    sentences, items = _items(MEDICINE, "screening protocol", "sepsis")
    q = _one(items, "single_choice", "screening protocol")
    assert q.prompt == (
        "According to the text, what was the new screening protocol designed to do?"
    )
    assert q.answer == "detect early signs of sepsis in older patients"
    assert sorted(q.options) == sorted(
        [
            "detect early signs of sepsis in older patients",
            "record vital signs every hour",
            "shorten the time to first treatment",
            "monitor the recovery of survivors after discharge",
        ]
    )
    assert q.sentences == [1]
    assert q.explanation == f"From the text: \u201c{sentences[1]}\u201d"
    assert q.concepts == ["screening protocol", "sepsis"]


def test_it_asks_about_an_indefinite_subject_as_the_one_introduced() -> None:
    _, items = _items(MEDICINE)
    q = _one(items, "single_choice", "clinic")
    assert q.prompt == "According to the text, what was the follow-up clinic established to do?"
    assert q.answer == "monitor the recovery of survivors after discharge"


def test_it_asks_in_the_active_voice_when_the_text_does() -> None:
    _, items = _items(
        "In 1921 the new ministry sought to rebuild the railways of the western provinces. "
        "Dock workers went on strike to demand higher wages in the ports. "
        "The central bank cut interest rates to support household spending in the north. "
        "Shipbuilders signed long contracts to secure a steady supply of cheap coal."
    )
    q = _one(items, "single_choice", "ministry")
    assert q.prompt == "According to the text, what did the new ministry seek to do?"
    assert q.answer == "rebuild the railways of the western provinces"


def test_it_makes_no_purpose_choice_item_without_three_distractors() -> None:
    _, items = _items(
        "The new levee was built to protect the lower town from spring floods. "
        "Farmers planted willows along the river banks. "
        "The council hoped to attract new families to the valley."
    )
    assert not [q for q in items if q.type != "true_false" and "levee" in q.prompt]


def test_it_skips_the_article_stating_its_own_aim() -> None:
    _, items = _items(
        "This study aims to assess the cost of rural broadband in three provinces. "
        "Operators were required to extend fibre networks to remote villages. "
        "The regulator was set up to enforce fair prices for wholesale access. "
        "Subsidies were introduced to lower the monthly fees for poor households. "
        "Local councils began to map the gaps in mobile coverage."
    )
    assert not [q for q in items if "study" in q.prompt]
    assert "assess the cost of rural broadband in three provinces" not in {
        o for q in items for o in q.options
    }


def test_it_asks_nothing_about_what_the_paper_itself_contributes_to() -> None:
    _, items = _items(
        "The paper contributes to the understanding of rural poverty in the south. "
        "Farmers sold the harvest of the previous year at low prices. "
        "The closure of the village school angered many parents. "
        "The decline of the cotton trade hurt the weavers of the coast. "
        "The collapse of the local bank ruined the savings of many families."
    )
    assert not [q for q in items if "paper" in q.prompt]


def test_it_resolves_a_leading_this_from_the_sentence_before() -> None:
    _, items = _items(
        "In March the government announced a new tariff on imported steel. "
        "This tariff was intended to protect domestic steel producers from cheap imports. "
        "Dock workers went on strike to demand higher wages in the ports. "
        "The central bank cut interest rates to support household spending in the north. "
        "Shipbuilders signed long contracts to secure a steady supply of cheap coal."
    )
    q = _one(items, "single_choice", "tariff")
    assert q.prompt == "According to the text, what was the tariff intended to do?"
    assert q.answer == "protect domestic steel producers from cheap imports"


def test_it_skips_a_purpose_whose_subject_leans_on_a_pronoun() -> None:
    for subject in ("It", "Their new tariff"):
        _, items = _items(
            "In March the ministers announced a new tariff on imported steel. "
            f"{subject} was intended to protect domestic steel producers from cheap imports. "
            "Dock workers went on strike to demand higher wages in the ports. "
            "The central bank cut interest rates to support household spending in the north. "
            "Shipbuilders signed long contracts to secure a steady supply of cheap coal."
        )
        assert not [q for q in items if "intended" in q.prompt], subject


def test_it_keeps_out_what_a_party_to_the_key_relation_set_out_to_do() -> None:
    # The empire is named in the key's sentence: what it "set out to do" may be the
    # same undertaking, so it is no fair wrong answer.
    _, items = _items(
        "The treaty of 1815 was intended to bind the duchy more closely to the empire. "
        "Merchants in the capital demanded lower duties on imported grain. "
        "The empire also set out to reform the tax courts of the provinces. "
        "Peasants in the mountains refused to pay the new salt tax. "
        "The bishops founded new schools to train priests for rural parishes. "
        "Bankers lent large sums to finance the construction of new roads."
    )
    q = _one(items, "single_choice", "treaty")
    assert q.answer == "bind the duchy more closely to the empire"
    assert not any("tax courts" in o for o in q.options)


def test_it_asks_for_every_purpose_when_the_text_gives_several() -> None:
    _, items = _items(
        "The reform of 1990 was intended to cut the cost of public transport, "
        "raise the frequency of rural buses and extend the network to new suburbs. "
        "Drivers went on strike to demand higher wages in the capital. "
        "The city council borrowed money to repair the old bridges over the river. "
        "Cyclists formed a club to promote safer roads for children."
    )
    q = _one(items, "multiple_response")
    assert q.prompt == (
        "Select all that apply: according to the text, what was the reform of 1990 intended to do?"
    )
    assert q.answer == [
        "cut the cost of public transport",
        "raise the frequency of rural buses",
        "extend the network to new suburbs",
    ]
    assert len(q.options) == 5


def test_it_never_cuts_an_option_inside_a_list() -> None:
    _, items = _items(
        "The canal was built to carry coal from the northern mines to the coast. "
        "Farmers in the valley bought barges to carry heavy sacks of wheat and barley, "
        "bales of timber and blocks of stone. "
        "The company hired engineers to design new locks for the upper valley. "
        "The town council raised a loan to repair the old harbour walls near the market. "
        "Merchants founded a bank to lend money to the owners of small boats."
    )
    q = _one(items, "single_choice", "canal")
    assert q.answer == "carry coal from the northern mines to the coast"
    assert not any("wheat" in o for o in q.options)


def test_it_matches_several_things_with_their_stated_purposes() -> None:
    _, items = _items(ENGINEERING, "strain gauges", "accelerometers", "weather station")
    q = _one(items, "matching")
    assert q.answer == [
        ["strain gauges", "measure deformation in the main girders"],
        ["accelerometers", "detect vibration caused by heavy traffic"],
        ["a weather station", "record wind speed at the deck"],
    ]
    assert sorted(q.options) == sorted(pair[1] for pair in q.answer)
    assert q.sentences == [1, 2, 3]
    assert q.concepts == ["strain gauges", "accelerometers", "weather station"]


# --- cause and result ----------------------------------------------------------------


def test_it_asks_what_a_cause_led_to() -> None:
    _, items = _items(ECONOMICS, "housing investment")
    q = _one(items, "single_choice", "borrowing costs")
    assert q.prompt == "According to the text, what did higher borrowing costs lead to?"
    assert q.answer == "a sharp fall in housing investment"
    assert q.concepts == ["housing investment"]
    # Wrong options are noun phrases of other sentences, never of the ones either side.
    wrong = [o for o in q.options if o != q.answer]
    assert len(wrong) == 3 and "the devaluation of the currency" not in wrong


def test_it_keeps_the_tense_the_text_uses() -> None:
    _, items = _items(
        "Chronic stress raises cortisol in the blood. "
        "Persistent inflammation of the airways leads to a gradual loss of lung function. "
        "The ward introduced a new diet for older patients. "
        "The trial measured the recovery of the muscles after surgery. "
        "Nurses recorded the quality of sleep in the first week. "
        "The team published the results of the study in a medical journal."
    )
    q = _one(items, "single_choice", "inflammation")
    assert q.prompt == (
        "According to the text, what does persistent inflammation of the airways lead to?"
    )


def test_it_asks_why_with_several_stated_causes_as_multiple_response() -> None:
    _, items = _items(ECONOMICS, "exports")
    q = _one(items, "multiple_response")
    assert (
        q.prompt == "Select all that apply: according to the text, why did exports to Asia decline?"
    )
    assert q.answer == ["the slowdown of global demand", "the rise of shipping costs"]
    assert set(q.answer) < set(q.options) and len(q.options) == 4
    assert q.concepts == ["exports"]


def test_it_matches_causes_with_their_effects() -> None:
    _, items = _items(
        "The central bank raised interest rates. "
        "Higher borrowing costs led to a sharp fall in housing investment. "
        "The devaluation of the currency resulted in higher prices of imported goods. "
        "The drought of 2021 caused a shortage of grain in rural markets. "
        "The labour market remained tight."
    )
    q = _one(items, "matching")
    assert q.answer == [
        ["higher borrowing costs", "a sharp fall in housing investment"],
        ["the devaluation of the currency", "higher prices of imported goods"],
        ["the drought of 2021", "a shortage of grain in rural markets"],
    ]
    assert q.prompt.startswith("Match each cause with the effect the text gives for it:")


def test_it_gives_no_name_as_a_wrong_answer_for_a_change() -> None:
    _, items = _items(
        "Rising productivity led to a rapid growth of industrial output. "
        "The plan was announced in the summer. "
        "The Organisation of European Economic Co-operation handled the funds. "
        "The distribution of aid among recipient countries was uneven. "
        "Critics feared the spread of communism in Western Europe. "
        "Ships crowded the old harbour of the capital."
    )
    q = _one(items, "single_choice", "productivity")
    assert q.answer == "a rapid growth of industrial output"
    assert not any("Organisation" in o for o in q.options)


def test_it_takes_no_wrong_answer_from_the_sentences_beside_a_stated_result() -> None:
    # The flooding told next to the rain is too likely a result of the rain as well.
    _, items = _items(
        "Heavy rain in the spring caused a sharp rise in river levels. "
        "The flooding of the lower town followed in May. "
        "Engineers studied the erosion of the river banks. "
        "The council debated the cost of the new library."
    )
    assert not any("the flooding of the lower town" in q.options for q in items)


def test_it_asks_nothing_when_the_cause_leans_on_a_pronoun() -> None:
    _, items = _items(
        "Engineers tested wider welding heads and faster welding speeds. "
        "Either change shortened the total work time. "
        "Use of both, however, lowered productivity because of the bottleneck in the next stage. "
        "The plant installed a new crane for the assembly of large hull blocks. "
        "The yard hired a team of planners for the scheduling of the panel line."
    )
    assert not [q for q in items if "bottleneck" in str(q.answer)]


# --- contrast -----------------------------------------------------------------------


def test_it_swaps_contrasted_subjects_into_a_false_statement() -> None:
    _, items = _items(HISTORY, "merchants", "artisans")
    q = _one(items, "true_false", "Artisans")
    assert q.prompt == "True or false? Artisans in the old town favoured free trade."
    assert q.answer is False
    assert q.explanation.startswith(
        "False: the text says this of merchants in the port, not of artisans in the old town: "
    )
    assert q.concepts == ["merchants", "artisans"]
    assert "Merchants in the port favoured free trade." in _statements(items, True)


def test_it_never_swaps_subjects_that_cannot_trade_places() -> None:
    sentences = sentences_of(
        "The new scanning strategy reduced distortion in thin walls, whereas the surface "
        "roughness of the parts remained unchanged."
    )
    concepts = [_concept("scanning strategy"), _concept("surface roughness")]
    assert not [q for q in relation_items(sentences, concepts) if q.type == "true_false"]


def test_it_never_swaps_two_names_of_one_thing() -> None:
    sentences = sentences_of(
        "The Soviet state favoured heavy industry, whereas the USSR neglected the farms."
    )
    concepts = [_concept("Soviet state", "USSR")]
    assert not [q for q in relation_items(sentences, concepts) if q.type == "true_false"]


# --- sequence -----------------------------------------------------------------------


def test_it_orders_dated_events_with_their_dates_taken_out() -> None:
    _, items = _items(HISTORY, "guild system", "chamber of commerce")
    q = _one(items, "ordering")
    assert q.answer == [
        "The guild system regulated trade in the city",
        "The town council abolished the guild monopoly",
        "A chamber of commerce replaced the old guild hall",
    ]
    assert q.options != q.answer and sorted(q.options) == sorted(q.answer)
    assert not any(re.search(r"\d", o) for o in q.options)
    assert q.prompt == "Put these events in the order in which the text dates them, earliest first."


def test_it_needs_three_dated_events_to_ask_for_an_order() -> None:
    _, items = _items(
        "The guild system regulated trade in the city in 1350. "
        "The town council abolished the guild monopoly in 1520. "
        "Merchants in the port favoured free trade."
    )
    assert not [q for q in items if q.type == "ordering"]


def test_it_orders_steps_the_text_numbers() -> None:
    _, items = _items(CHEMISTRY, "nitric acid")
    q = _one(items, "ordering")
    assert q.answer == [
        "The samples were dried at room temperature",
        "The dried samples were ground into a fine powder",
        "The powder was dissolved in dilute nitric acid",
        "The solution was analysed by mass spectrometry",
    ]
    assert q.sentences == [1, 2, 3, 4]


def test_it_does_not_order_findings_listed_as_first_and_second() -> None:
    _, items = _items(
        "The survey covered four hundred firms. "
        "First, it was found that small firms export less. "
        "Second, the analysis showed that exporters pay higher wages. "
        "Third, the data revealed that exporters invest more in training."
    )
    assert not [q for q in items if q.type == "ordering"]


# --- definition ---------------------------------------------------------------------


def test_it_asks_what_the_text_means_by_a_defined_term() -> None:
    _, items = _items(PHARMACOLOGY, "metformin")
    q = _one(items, "single_choice")
    assert q.prompt == "According to the text, what is meant by metformin?"
    assert q.answer == "an oral drug for type 2 diabetes"
    assert all(o.startswith(("a ", "an ")) for o in q.options)


def test_it_does_not_ask_for_what_an_abbreviation_stands_for() -> None:
    _, items = _items(
        "We developed a core outcome set (COS) for lung disease. "
        "A panel of experts was set up in 2019. "
        "A list of outcomes was drawn from a review of the literature. "
        "The final set was published as a guideline for clinical trials."
    )
    assert not [q for q in items if "COS" in q.prompt]


# --- true/false pairs ---------------------------------------------------------------


def _statements(items: list[DraftQuestion], truth: bool) -> list[str]:
    return [
        q.prompt.removeprefix("True or false? ")
        for q in items
        if q.type == "true_false" and q.answer is truth
    ]


FLOOD_DEFENCES = (
    "The new levee was built to protect the lower town from spring floods. "
    "The pumping station was designed to drain the farmland after heavy rain."
)


def test_it_pairs_a_purpose_with_one_the_text_states_of_something_else() -> None:
    sentences, items = _items(FLOOD_DEFENCES, "levee")
    assert not [q for q in items if q.type == "single_choice"]  # too few distractors
    true = _one(items, "true_false", "protect the lower town")
    assert true.prompt == (
        "True or false? The new levee was built to protect the lower town from spring floods."
    )
    assert true.answer is True and true.sentences == [0]
    assert true.explanation == f"True: the text says: \u201c{sentences[0]}\u201d"
    false = _one(items, "true_false", "levee was built to drain")
    assert (
        false.prompt
        == "True or false? The new levee was built to drain the farmland after heavy rain."
    )
    assert false.answer is False and false.sentences == [0, 1]
    assert false.explanation == (
        f"False: the text says: \u201c{sentences[0]} \u2026 {sentences[1]}\u201d"
    )
    assert false.concepts == ["levee"]


def test_it_swaps_two_relations_into_one_false_statement_only() -> None:
    _, items = _items(FLOOD_DEFENCES)
    assert _statements(items, False) == [
        "The new levee was built to drain the farmland after heavy rain."
    ]
    assert "The pumping station was designed to drain the farmland after heavy rain." in (
        _statements(items, True)
    )


def test_it_pairs_a_stated_result_with_the_result_of_another_cause() -> None:
    _, items = _items(
        "The drought of 2021 led to a shortage of grain in rural markets. "
        "The closure of the steel mill resulted in a sharp rise in local unemployment."
    )
    assert "The drought of 2021 led to a shortage of grain in rural markets." in (
        _statements(items, True)
    )
    assert _statements(items, False) == [
        "The drought of 2021 led to a sharp rise in local unemployment."
    ]


def test_it_pairs_a_stated_cause_with_the_cause_of_another_change() -> None:
    _, items = _items(
        "Exports of timber fell because of a strike at the northern ports. "
        "The price of bread rose due to a poor harvest in the south."
    )
    assert "Exports of timber fell because of a strike at the northern ports." in (
        _statements(items, True)
    )
    assert _statements(items, False) == [
        "Exports of timber fell because of a poor harvest in the south."
    ]


def test_it_pairs_a_definition_with_the_definition_of_another_term() -> None:
    _, items = _items(
        "Photosynthesis is a process that converts light into chemical energy in plants. "
        "Mitosis is a form of cell division that produces two identical nuclei."
    )
    assert _statements(items, False) == [
        "Photosynthesis is a form of cell division that produces two identical nuclei."
    ]


def test_it_keeps_the_true_statement_alone_when_the_other_side_shares_a_thing() -> None:
    # Both purposes concern the estates: the second may be part of the first.
    _, items = _items(
        "The land reform of 1952 was intended to break up the large estates of the nobility. "
        "The new government also set out to lease the estates to landless peasants."
    )
    assert (
        "The land reform of 1952 was intended to break up the large estates of the nobility."
        in _statements(items, True)
    )
    assert not _statements(items, False)


def test_it_swaps_in_nothing_said_of_a_party_to_the_relation() -> None:
    # The empire is named in the treaty's sentence: what it sought may be the same aim.
    _, items = _items(
        "The treaty of 1815 was intended to bind the duchy more closely to the empire. "
        "The empire also sought to reform the tax courts of the provinces."
    )
    assert not [s for s in _statements(items, False) if "tax courts" in s]


def test_it_swaps_in_nothing_said_of_a_subject_with_the_same_head_noun() -> None:
    # "Optical gauges" may include the strain gauges: no clear other owner.
    _, items = _items(
        "Strain gauges are used to measure deformation in the main girders. "
        "Optical gauges are used to record the width of cracks in the piers."
    )
    assert _statements(items, True)
    assert not _statements(items, False)


def test_it_swaps_in_nothing_said_of_a_subject_sharing_a_word_with_the_claims() -> None:
    # Leaders and members of one union: what one was organised for may involve the other.
    _, items = _items(
        "The union leaders were organised to negotiate wages with the employers. "
        "The union members were organised to run strike funds in the factories."
    )
    assert len(_statements(items, True)) == 2
    assert not _statements(items, False)


def test_it_swaps_in_nothing_said_of_another_name_of_the_subject() -> None:
    sentences = sentences_of(
        "The Marshall Plan was designed to rebuild the economies of Western Europe. "
        "The European Recovery Program was intended to contain the spread of communism."
    )
    concepts = [_concept("Marshall Plan", "European Recovery Program")]
    items = relation_items(sentences, concepts)
    assert len(_statements(items, True)) == 2
    assert not _statements(items, False)


def test_it_swaps_in_nothing_said_of_a_subject_that_points_back() -> None:
    _, items = _items(
        "In 1990 the city opened a tram line along the river. "
        "This tram line was designed to link the suburbs with the harbour. "
        "The new museum was built to attract tourists to the old town."
    )
    assert "The new museum was built to attract tourists to the old town." in (
        _statements(items, True)
    )
    assert not _statements(items, False)


def test_it_states_nothing_the_text_reports_as_a_belief() -> None:
    _, items = _items(
        "Officials believed that the new dam was intended to protect the eastern plains from "
        "floods. "
        "The canal was built to carry coal from the northern mines."
    )
    statements = _statements(items, True) + _statements(items, False)
    assert statements == ["The canal was built to carry coal from the northern mines."]


def test_it_states_nothing_that_points_back_to_the_sentences_before() -> None:
    _, items = _items(
        "Two coalitions ruled the country after the war. "
        "The reforms of the two governments were intended to cut the deficit of the railways. "
        "The new harbour was built to attract shipping from the northern coast."
    )
    assert "The new harbour was built to attract shipping from the northern coast." in (
        _statements(items, True)
    )
    assert not [s for s in _statements(items, True) if "two governments" in s]


def test_it_makes_no_false_twin_of_or_from_a_hedged_relation() -> None:
    _, items = _items(
        "Warmer winters may lead to a decline in the snowpack of the Alps. "
        "The new dam led to the flooding of three mountain villages."
    )
    assert "Warmer winters may lead to a decline in the snowpack of the Alps." in (
        _statements(items, True)
    )
    assert not _statements(items, False)


def test_it_never_swaps_in_a_side_cut_away_from_its_cue() -> None:
    _, items = _items(
        "The new dam was designed to supply water to the eastern cities. "
        "The canal was built to carry coal from the northern mines."
    )
    for statement in _statements(items, False):
        assert re.search(r"(?:designed|built) to (?:carry|supply) \w+", statement), statement
        assert "supply carry" not in statement and "to water" not in statement


def test_it_makes_no_statement_from_a_framing_sentence() -> None:
    _, items = _items(
        "This study aims to assess the cost of rural broadband in three provinces. "
        "The regulator was set up to enforce fair prices for wholesale access."
    )
    statements = _statements(items, True) + _statements(items, False)
    assert statements == ["The regulator was set up to enforce fair prices for wholesale access."]


def test_it_makes_no_pair_when_a_choice_item_asks_for_the_relation() -> None:
    _, items = _items(MEDICINE, "screening protocol")
    assert _one(items, "single_choice", "screening protocol")
    assert not [s for s in _statements(items, True) if "screening protocol" in s]


def test_it_never_makes_a_false_statement_by_inserting_a_negation() -> None:
    texts = [FLOOD_DEFENCES, ECONOMICS, HISTORY, MEDICINE, ENGINEERING]
    for text in texts:
        sentences, items = _items(text)
        for q in items:
            if q.type == "true_false" and q.answer is False:
                cited = " ".join(sentences[i] for i in q.sentences).lower()
                for word in ("not", "no", "never", "nor"):
                    if re.search(rf"\b{word}\b", q.prompt.lower()):
                        assert re.search(rf"\b{word}\b", cited), q.prompt


def test_it_pairs_contrasted_subjects_of_one_head_noun_without_the_glossary() -> None:
    sentences, items = _items(
        "Younger patients recovered within a week, whereas older patients needed a month "
        "of rehabilitation."
    )
    assert _statements(items, False) == ["Older patients recovered within a week."]
    assert _statements(items, True) == ["Younger patients recovered within a week."]
    true = _one(items, "true_false", "Younger")
    assert true.explanation == f"True: the text says: \u201c{sentences[0]}\u201d"


def test_it_states_the_reference_purpose_without_a_linked_false_twin(seed_draft: Draft) -> None:
    items = relation_items(seed_draft.sentences, seed_draft.concepts)
    assert (
        "The reorganization of the unions during the First Five-Year Plan (1928~32) was "
        "intended to subordinate the unions to the party." in _statements(items, True)
    )
    # What the party set out to do concerns the unions too: no fair false twin.
    assert not [s for s in _statements(items, False) if "general course" in s]


# --- all items ----------------------------------------------------------------------


def test_it_tags_concepts_met_under_an_alias() -> None:
    sentences = sentences_of(ECONOMICS)
    concepts = [_concept("household borrowing", "borrowing costs")]
    items = relation_items(sentences, concepts)
    q = _one(items, "single_choice", "borrowing costs")
    assert q.concepts == ["household borrowing"]


def test_it_makes_only_items_that_pass_the_question_checks(seed_draft: Draft) -> None:
    texts = [MEDICINE, ENGINEERING, ECONOMICS, HISTORY, PHARMACOLOGY, CHEMISTRY]
    runs = [(sentences_of(t), []) for t in texts]
    runs.append((seed_draft.sentences, seed_draft.concepts))
    made = 0
    for sentences, concepts in runs:
        for q in relation_items(sentences, concepts):
            made += 1
            assert valid(q, sentences), q
            assert q.prompt.endswith("?") or q.prompt.startswith(("Match", "Put", "True"))
            assert all(sentences[i] in q.explanation for i in q.sentences)
            assert q.explanation.startswith(("From the text: \u201c", "True: ", "False: "))
    assert made >= 10


def test_it_asks_what_the_two_movements_contributed_to_on_the_reference(
    seed_draft: Draft,
) -> None:
    items = relation_items(seed_draft.sentences, seed_draft.concepts)
    q = _one(items, "single_choice", "contribute to")
    assert q.prompt == (
        "According to the text, what did socialist competition and the shock work movement "
        "contribute to?"
    )
    assert q.answer == "the achievement of the economic targets of the FFYP"
    assert "the encouragement of workers' enthusiasm" not in q.options  # same sentence
    assert {"socialist competition", "shock work movement"} <= set(q.concepts)


def test_it_is_deterministic(seed_draft: Draft) -> None:
    first = relation_items(seed_draft.sentences, seed_draft.concepts)
    assert first
    assert relation_items(seed_draft.sentences, seed_draft.concepts) == first


def test_it_makes_items_that_pass_the_quiz_rules_on_every_development_text(
    seed_draft: Draft,
) -> None:
    drafts = [seed_draft, *(build_draft(p.read_text(encoding="utf-8")) for p in corpus_files())]
    drafts += [
        Draft(title="", sentences=s, removed=[], lessons=[], concepts=[])
        for s in (sentences_of(t) for t in (FLOOD_DEFENCES, ECONOMICS, HISTORY, CHEMISTRY))
    ]
    made = 0
    for draft in drafts:
        items = relation_items(draft.sentences, draft.concepts)
        made += len(items)
        core = [replace(c, core=False) for c in draft.concepts]
        assert_question_rules(replace(draft, concepts=core, questions=items))
    assert made >= 15


_PACKAGE = REPO / "course" / "generator" / "relation_items"


def test_it_imports_nothing_that_imports_it_and_nothing_inside_a_function() -> None:
    # selection (and through it the pipeline) imports this package: importing them back would
    # be a cycle. The recall items' module is below both, so its helpers may be shared.
    modules = sorted(_PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                assert id(node) in top, f"{path.name}: import inside a function"
            if isinstance(node, ast.ImportFrom):
                assert node.module not in ("selection", "pipeline"), path.name
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


EDUCATION = (
    "Most children are grouped by their teachers every day. "
    "Teachers reported how often they grouped children by ability. "
    "Mixed-ability grouping was associated with a decrease in classroom friendships and "
    "a decrease in peer conflicts. "
    "Seating plans changed twice a term."
)


def test_it_asks_what_a_reported_association_was_with_its_direction_turned_as_distractors() -> None:
    _, items = _items(EDUCATION, "mixed-ability grouping")
    q = _one(items, "multiple_response", "associated with")
    assert q.prompt == (
        "Select all that apply: according to the text, what was mixed-ability grouping "
        "associated with?"
    )
    assert q.answer == ["a decrease in classroom friendships", "a decrease in peer conflicts"]
    # the wrong options say the text's finding the other way round
    assert sorted(set(q.options) - set(q.answer)) == [
        "an increase in classroom friendships",
        "an increase in peer conflicts",
    ]
    assert valid(q, sentences_of(EDUCATION))


def test_no_wrong_option_cut_before_its_complement_or_inside_a_list() -> None:
    from course.generator.relation_items.options import _cut_short

    sentence = (
        "Burnout is a common metaphor for a state of extreme exhaustion. Tests determined the "
        "association between demographic factors, the working environment, and burnout."
    )
    assert _cut_short(sentence, "a common metaphor for a state")
    assert _cut_short(sentence, "the association between demographic factors")
    assert not _cut_short(sentence, "a state of extreme exhaustion")


def test_no_wrong_option_cut_inside_a_pair_of_adjectives_a_coordination_or_before_a_verb() -> None:
    from course.generator.relation_items.options import _cut_short

    sentence = (
        "Lizards from the cold, northern mountains ran slower than lizards from the warm, "
        "southern plains. The evidence on agglomeration externalities rests on the correlation "
        "between firm revenue and firm size, while the various micro foundations of "
        "agglomeration stress the importance of productivity."
    )
    assert _cut_short(sentence, "the cold")
    assert _cut_short(sentence, "the warm")
    assert _cut_short(sentence, "the evidence on agglomeration externalities rests")
    assert _cut_short(sentence, "the correlation between firm revenue")
    assert _cut_short(sentence, "the various micro foundations of agglomeration stress")
    assert not _cut_short(sentence, "the importance of productivity")
