"""Glossary definitions: what the text says a term is, or an honest quotation."""

from __future__ import annotations

from course.generator import build_draft, concept_from_term
from course.generator.definitions import (
    IN_THE_TEXT,
    definition_for,
    enumeration_item,
    prose_pieces,
)


def _define(term: str, text: str, *, used: frozenset[str] = frozenset()) -> str:
    sentences = [s.strip() + "." for s in text.split(". ") if s.strip()]
    sentences[-1] = sentences[-1].rstrip(".") + "."
    where = [i for i, s in enumerate(sentences) if term.lower() in s.lower()]
    return definition_for([term], sentences, where, used)


# --- patterns -------------------------------------------------------------------------


def test_it_defines_a_term_by_a_copular_sentence() -> None:
    text = (
        "Iceland has several active volcanoes. "
        "A caldera is a large depression left when a volcano collapses into its chamber. "
        "The caldera at Askja filled with water in 1875."
    )
    assert _define("caldera", text) == (
        "A caldera is a large depression left when a volcano collapses into its chamber."
    )


def test_it_defines_a_term_by_is_defined_as() -> None:
    text = "Consensus was defined as agreement among 80% of the experts. Consensus was reached."
    assert (
        _define("consensus", text) == "Consensus was defined as agreement among 80% of the experts."
    )


def test_it_does_not_take_a_passive_sentence_for_a_definition() -> None:
    text = "The survey was undertaken in three provinces. The survey covered 400 farms."
    assert _define("survey", text).startswith(IN_THE_TEXT)


def test_it_defines_a_term_by_an_appositive() -> None:
    text = (
        "Coastal forests shelter juvenile fish. "
        "On the coast Rhizophora, a genus of tropical mangrove trees, dominates the tidal flats. "
        "Rhizophora roots trap sediment."
    )
    assert _define("Rhizophora", text) == "Rhizophora, a genus of tropical mangrove trees"


def test_it_does_not_take_a_list_for_an_appositive() -> None:
    text = (
        "The partnership linked the public library, the two universities and several steel "
        "companies of the region. The public library kept the records."
    )
    assert _define("public library", text).startswith(IN_THE_TEXT)


def test_it_defines_an_acronym_by_the_words_in_brackets_before_it() -> None:
    # The initials do not spell the acronym: the words gloss it, they are not its expansion.
    text = (
        "In 1995 the Federal Security Service (FSB) replaced the counter-intelligence service. "
        "The FSB grew rapidly."
    )
    assert _define("FSB", text) == "the Federal Security Service (FSB)"


def test_it_does_not_pass_off_an_acronym_expansion_as_a_definition() -> None:
    draft = build_draft(
        "Doctors measured the body mass index (BMI) of every child in the district. "
        "The BMI of most children rose between 2001 and 2011. "
        "Schools with gardens saw the smallest rise in BMI."
    )
    bmi = next(c for c in draft.concepts if "BMI" in c.aliases)
    assert bmi.term == "body mass index"
    assert bmi.definition == IN_THE_TEXT + draft.sentences[0]


def test_it_defines_a_term_by_a_description_in_brackets() -> None:
    text = "Patients received a placebo (an inert sugar pill) for six weeks. The placebo worked."
    assert _define("placebo", text) == "a placebo (an inert sugar pill)"


def test_it_defines_a_term_by_a_which_clause() -> None:
    text = (
        "The Gini coefficient, which ranges from zero to one, summarises income inequality. "
        "The Gini coefficient of Brazil fell after 2001."
    )
    assert (
        _define("Gini coefficient", text) == "The Gini coefficient, which ranges from zero to one"
    )


def test_it_defines_a_term_by_known_as() -> None:
    text = (
        "Economists describe a general rise in prices known as inflation. "
        "Inflation hurt savers in the 1970s."
    )
    assert _define("inflation", text) == "a general rise in prices known as inflation"


# --- no definition: an honest quotation ----------------------------------------------------


def test_it_quotes_the_introducing_sentence_when_the_text_defines_nothing() -> None:
    text = (
        "Sharecropping spread across the cotton South after 1865. "
        "Landlords and sharecroppers split the harvest."
    )
    assert _define("sharecropping", text) == (
        IN_THE_TEXT + "Sharecropping spread across the cotton South after 1865."
    )


def test_it_quotes_a_clause_of_a_long_introducing_sentence() -> None:
    sentence = (
        "After the war the railway companies, which had lost most of their rolling stock, "
        "were merged into four regional groups, and the new groups adopted common standards "
        "for signalling, ticketing and the pay of their staff across the whole country."
    )
    definition = _define("common standards", sentence)
    assert definition.startswith(IN_THE_TEXT)
    quoted = definition.removeprefix(IN_THE_TEXT)
    assert "common standards" in quoted and quoted in sentence
    assert len(quoted.split()) < len(sentence.split())


def test_it_gives_a_hand_added_term_an_honest_context() -> None:
    sentences = ["Sharecropping spread across the cotton South after 1865."]
    concept = concept_from_term(sentences, "cotton South")
    assert concept.definition == IN_THE_TEXT + sentences[0]


# --- uniqueness, headings and titles ---------------------------------------------------------


def test_it_never_gives_two_entries_one_definition() -> None:
    draft = build_draft(
        "The Treaty of Versailles, the League of Nations and the reparations commission shaped "
        "the interwar order in Europe. "
        "The League of Nations had no army of its own. "
        "Reparations payments strained the Weimar budget and the reparations commission "
        "met in Paris."
    )
    definitions = [c.definition for c in draft.concepts]
    assert len(definitions) == len(set(definitions)), definitions


def test_it_does_not_reuse_a_definition_another_entry_has() -> None:
    text = (
        "A caldera is a large depression left when a volcano collapses into its chamber. "
        "The caldera at Askja filled with water in 1875."
    )
    taken = _define("caldera", text)
    assert taken.startswith("A caldera is")
    assert _define("caldera", text, used=frozenset({taken})) == (
        IN_THE_TEXT + "The caldera at Askja filled with water in 1875."
    )


def test_it_falls_back_to_another_context_when_the_first_is_taken() -> None:
    text = "The Treaty of Versailles and the League of Nations shaped the interwar order."
    first = _define("League of Nations", text)
    second = _define("League of Nations", text, used=frozenset({first}))
    assert first != second
    assert second.startswith(IN_THE_TEXT) and "League of Nations" in second


def test_it_never_quotes_a_glued_heading_or_page_label() -> None:
    sentence = (
        "Consensus was defined as agreement among 80% of experts.Results During the first round "
        "the experts agreed on four outcomes for the trials.Free full text"
    )
    pieces = [sentence[a:b] for a, b in prose_pieces(sentence)]
    assert pieces == [
        "Consensus was defined as agreement among 80% of experts",
        "During the first round the experts agreed on four outcomes for the trials",
    ]
    assert definition_for(["consensus"], [sentence], [0]) == pieces[0]
    assert "Results" not in definition_for(["first round"], [sentence], [0])


def test_it_never_uses_the_title_as_a_definition() -> None:
    title = "Online communities and helpfulness votes"
    sentences = [
        "Online communities and helpfulness votes: many sites let users vote on reviews.",
        "Online communities reward reviews that match the majority opinion.",
    ]
    definition = definition_for(["online communities"], sentences, [0, 1], title=title)
    assert title not in definition
    assert definition == IN_THE_TEXT + sentences[1]


def test_it_defines_an_enumerated_term_by_its_item() -> None:
    sentence = (
        "The survey covered three regions: the northern coast; the river valleys; "
        "the upland farms of the interior."
    )
    at = sentence.index("upland farms")
    assert enumeration_item(sentence, (at, at + 12)) == "the upland farms of the interior"
    start = sentence.index("survey")
    assert enumeration_item(sentence, (start, start + 6)) == ""  # not in the list
