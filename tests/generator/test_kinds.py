"""The kind of thing a term names, read from its form and the text's own cues.

Fair distractors are of the key's kind (AUDIT.md); these tests pin the cues that
decide a kind on small texts from several fields, so no rule rests on one subject.
"""

from __future__ import annotations

from course.generator.kinds import KINDS, compatible, term_kind

HISTORY = [
    "The Chartist movement demanded universal male suffrage in Britain.",
    "In 1848 the Chartists presented their last petition to Parliament.",
    "The unions of the NEP era kept some independence.",
    "Marlowe argued that the Chartist leadership misread the government.",
]
MEDICINE = [
    "Metformin remains the first-line therapy for type 2 diabetes.",
    "In a randomised trial in Uppsala, 412 patients received metformin between 2011 and 2014.",
    "Dr Ingrid Holm led the trial committee at Karolinska Institute.",
]
ENGINEERING = [
    "The finite element method (FEM) divides a structure into small elements.",
    "Engineers applied FEM to the bridge decks over the Rhine River.",
    "Fatigue cracks appeared after the 1995 earthquake in the welds.",
]
LINGUISTICS = [
    "Vowel harmony restricts which vowels may co-occur within a word.",
    "Linguists in Avalon recorded suffix vowels in the spoken variety.",
    "The Great Vowel Shift changed the long vowels of English.",
]


def test_it_reads_a_person_from_a_title_or_a_name_of_rare_capitalised_words() -> None:
    assert term_kind("Dr Ingrid Holm", MEDICINE) == "person"
    assert term_kind("Leo van Rossum", ["In 1990 Leo van Rossum published a review."]) == "person"
    # a name of everyday words with no head is no person's name
    assert term_kind("Northern Hemisphere climate", LINGUISTICS) != "person"


def test_it_reads_a_person_from_what_the_text_says_the_name_does() -> None:
    assert term_kind("Marlowe", HISTORY) == "person"  # "Marlowe argued"


def test_it_reads_groups_from_their_head_noun() -> None:
    assert term_kind("Right opposition", []) == "group"
    assert term_kind("Stalin group", []) == "group"
    assert term_kind("Chartist leadership", HISTORY) == "group"
    assert term_kind("trial committee", MEDICINE) == "group"
    assert term_kind("Karolinska Institute", MEDICINE) == "group"


def test_it_reads_plural_followers_of_a_doctrine_or_field_as_a_group() -> None:
    assert term_kind("Chartists", HISTORY) == "group"
    assert term_kind("labor archivists", []) == "group"
    assert term_kind("Western historians", []) == "group"


def test_it_reads_places_from_their_head_or_from_in_before_a_name() -> None:
    assert term_kind("Rhine River", ENGINEERING) == "place"
    assert term_kind("Uppsala", MEDICINE) == "place"  # "in Uppsala"
    assert term_kind("Avalon", LINGUISTICS) == "place"  # no gazetteer: "in Avalon"
    assert term_kind("Britain", HISTORY) == "place"


def test_it_reads_periods_from_years_decades_ranges_months_and_eras() -> None:
    assert term_kind("1928~32", []) == "period"
    assert term_kind("1990s", []) == "period"
    assert term_kind("between 2011 and 2014", MEDICINE) == "period"
    assert term_kind("the Thirties", []) == "period"
    assert term_kind("fourth quarter of 1929", []) == "period"
    assert term_kind("April 1954", []) == "period"
    assert term_kind("nineteenth century", []) == "period"
    assert term_kind("NEP", HISTORY) == "period"  # "the NEP era"
    assert term_kind("NEP", ["In the era of NEP the unions were independent."]) == "period"


def test_it_reads_events_from_their_head_noun() -> None:
    assert term_kind("Korean War", []) == "event"
    assert term_kind("Asian financial crisis", []) == "event"
    assert term_kind("1995 earthquake", ENGINEERING) == "event"
    assert term_kind("Great Vowel Shift", LINGUISTICS) == "event"


def test_it_reads_processes_from_nominalisations_and_policy_heads() -> None:
    assert term_kind("industrialization", []) == "process"
    assert term_kind("personnel purge", []) == "process"
    assert term_kind("re-election campaign", []) == "process"
    assert term_kind("first-line therapy", MEDICINE) == "process"
    assert term_kind("welding", ENGINEERING) == "process"
    assert term_kind("First Five-Year Plan", []) == "process"


def test_it_keeps_nouns_with_a_process_suffix_that_name_things_out_of_processes() -> None:
    assert term_kind("information", []) == "concept"
    assert term_kind("a firm foundation", []) == "concept"
    assert term_kind("Applied Linguistics", ["Research in Applied Linguistics grew."]) == "concept"


def test_it_reads_quantities_from_numbers_with_units() -> None:
    assert term_kind("31.51%", []) == "quantity"
    assert term_kind("412 patients", MEDICINE) == "quantity"
    assert term_kind("2 million load cycles", ENGINEERING) == "quantity"


def test_it_gives_an_acronym_the_kind_of_its_expansion_in_the_text() -> None:
    assert term_kind("FEM", ENGINEERING) == "process"  # "finite element method (FEM)"
    plan = ["Targets of the First Five-Year Plan were met.", "The FFYP ended in 1932."]
    assert term_kind("FFYP", plan) == "process"


def test_it_reads_an_unexpanded_acronym_from_the_noun_after_it() -> None:
    assert term_kind("VTsSPS", ["The replacement of VTsSPS leadership followed."]) == "group"
    assert term_kind("CONCOR", ["CONCOR analysis showed four clusters."]) == "process"


def test_it_calls_everything_else_a_concept() -> None:
    assert term_kind("vowel harmony", LINGUISTICS) == "concept"
    assert term_kind("cadastre", ["The paper reviews research on cadastre."]) == "concept"
    assert term_kind("", []) == "concept"


def test_it_rates_a_clash_of_kinds_hard_soft_or_none() -> None:
    assert compatible("period", "period") == 0.0
    assert compatible("process", "group") == 1.0  # a plan among factions
    assert 0 < compatible("process", "concept") < 0.5  # often the same word
    assert 0.5 <= compatible("period", "concept") < 1.0  # "concept" is only a fallback
    assert all(compatible(a, b) == compatible(b, a) for a in KINDS for b in KINDS)


def test_a_name_the_text_says_lies_somewhere_is_a_place() -> None:
    sentences = [
        "Ambittle is part of a gently arcuate chain of volcanic islands.",
        "Lavas of Ambittle are undersaturated.",
    ]
    assert term_kind("Ambittle", sentences) == "place"
    assert term_kind("Leeds", ["Leeds is a city in the north of England."]) == "place"
    assert term_kind("Marenco", ["Marenco argued that the unions lost ground."]) != "place"
