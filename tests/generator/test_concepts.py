"""Concepts: acronyms, variants, occurrences, definitions, determinism."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from course.generator import Draft, DraftConcept, build_draft
from course.generator.candidates import Mention, tokenize_sentences
from course.generator.concepts import RankedConcept, _redundant, mark_core, rank_concepts
from course.generator.grouping import Group
from course.generator.tokens import tokenize

INVENTED = (
    "The Gross Domestic Product (GDP) of the island grew quickly after the harbour opened. "
    "Economists measure GDP every quarter, and the island's GDP doubled in ten years. "
    "The use of information technology (IT) in the harbour also spread. "
    "It made shipping faster, and IT staff were hard to find. "
    "The World Health Organization praised the island's clinics. "
    "Later, the WHO asked other islands to copy the clinics."
)


def _concept(draft: Draft, term: str) -> DraftConcept:
    return next(c for c in draft.concepts if c.term == term)


def test_it_links_acronyms_to_their_expansions() -> None:
    draft = build_draft(INVENTED)
    gdp = _concept(draft, "Gross Domestic Product")
    assert "GDP" in gdp.aliases
    assert gdp.sentences == [0, 1]
    # The expansion is the term's name, not a definition: the text's context is shown.
    assert gdp.definition == "In the text: " + draft.sentences[0]
    who = _concept(draft, "World Health Organization")
    assert "WHO" in who.aliases
    assert who.sentences == [4, 5]


def test_it_matches_acronyms_with_their_case() -> None:
    draft = build_draft(INVENTED)
    it = _concept(draft, "information technology")
    assert "IT" in it.aliases
    # "It made shipping faster" mentions IT by its acronym only in upper case.
    assert it.sentences == [2, 3]
    assert all(s != 4 for s in it.sentences)


def test_it_links_a_short_acronym_to_the_one_word_it_abbreviates() -> None:
    draft = build_draft(
        "We tested whether exercise helps adults with osteoarthritis (OA) of the knee. "
        "Exercise reduced pain in OA more than placebo did over twelve weeks of therapy. "
        "Gains in OA faded after a year without continued supervised exercise."
    )
    assert "OA" in _concept(draft, "osteoarthritis").aliases


def test_it_takes_no_short_word_for_an_acronym_it_happens_to_spell() -> None:
    from course.generator.acronyms import _spells_within

    assert _spells_within("OA", "osteoarthritis")
    assert _spells_within("EEG", "electroencephalogram")
    assert not _spells_within("OA", "oak")  # too short to hold an abbreviation's parts
    assert not _spells_within("OA", "arthritis")  # not its first letter
    assert not _spells_within("OAKS", "osteoarthritiskneesurgery")  # four letters: initials


def test_it_merges_plural_and_hyphenated_variants() -> None:
    draft = build_draft(
        "Factory committees met weekly in the old town. "
        "Each factory committee elected a chair every spring. "
        "The factory-committee model spread to other towns in the region."
    )
    concept = next(c for c in draft.concepts if c.term.lower().startswith("factory committee"))
    forms = {concept.term.lower(), *(a.lower() for a in concept.aliases)}
    assert {"factory committees", "factory committee"} <= forms
    assert concept.sentences[:2] == [0, 1]


def test_it_drops_generic_single_words() -> None:
    draft = build_draft(
        "This paper presents an approach to river trade. "
        "The study reports results on river trade in three ports. "
        "The results show that river trade grew in every port."
    )
    terms = {c.term.lower() for c in draft.concepts}
    assert not terms & {"paper", "approach", "study", "results", "way", "process"}
    assert "river trade" in terms


def test_it_keeps_calendar_words_and_cut_abbreviations_out_of_the_glossary() -> None:
    draft = build_draft(
        "Between January 1990 and December 2011, U.S. tariff reform cut river trade. "
        "The river trade of the U.S fell in December, when the 'barges' stopped. "
        "River trade recovered after the reform, and tariff reform spread to Amazon.com."
    )
    terms = {c.term for c in draft.concepts}
    assert not terms & {"January", "December", "U.S", "U.S.", "barges'"}
    assert "river trade" in {t.lower() for t in terms}


# --- specificity: everyday words are not key concepts ---------------------------------

DOCKS = (
    "Workers in the northern ports organised a dock strike in 1911. "
    "The dock strike halted production for six weeks, and the workers lost their wages. "
    "Employers answered the workers with a lockout of the harbour. "
    "The lockout ended when the workers accepted arbitration by the Board of Trade."
)

ELECTIONS = (
    "A party is an organised group of voters that nominates candidates for office. "
    "Before the elections each party wrote a platform on tariffs. "
    "After the elections the party with most seats formed a coalition."
)


def test_it_does_not_rank_everyday_words_as_concepts() -> None:
    terms = {c.term.lower() for c in build_draft(DOCKS).concepts}
    # "workers" is in every sentence and a sentence subject, but it is everyday English.
    assert not terms & {"workers", "production", "wages"}
    assert {"dock strike", "lockout"} <= terms


def test_it_keeps_an_everyday_word_the_text_defines() -> None:
    draft = build_draft(ELECTIONS)
    party = next(c for c in draft.concepts if c.term.lower() == "party")
    assert party.definition == draft.sentences[0]
    assert "elections" not in {c.term.lower() for c in draft.concepts}  # not defined


def test_it_drops_a_capitalised_word_that_stands_for_a_longer_name() -> None:
    draft = build_draft(
        "Membership of the Chinese Communist Party doubled between 1948 and 1950. "
        "Those who joined the Party during this period were younger than the elite. "
        "The Party relied on the Chinese Communist Youth Corps to train recruits."
    )
    terms = {c.term for c in draft.concepts}
    assert "Chinese Communist Party" in terms
    assert not terms & {"Party", "party"}


# --- candidates: noun phrases only, multi-word terms whole -------------------------------

ADVERBIALS = (
    "The labour movement grew despite strong pressure from the government "
    "and achieved significant gains in wages. "
    "The logic behind the merger of the two banks puzzled analysts. "
    "The expert panel was asked to decide on relevant endpoints for asthma trials. "
    "The authors examined regional wage data and discussed social welfare implications. "
    "Later the panel decided on relevant outcomes for the trials. "
    "Both studies tracked coastal erosion, with both identifying ACSs in the record."
)


def test_it_never_makes_a_participle_or_adverbial_phrase_a_concept() -> None:
    terms = {c.term.lower() for c in build_draft(ADVERBIALS).concepts}
    assert terms, "the text has concepts"
    for term in terms:
        first = term.split()[0]
        assert first not in {"despite", "behind", "achieved", "discussed", "identifying"}, term
        assert not term.endswith(("relevant", "behind the merger")), term
        assert "logic behind" not in term and term != "decide on relevant", term


def test_it_keeps_a_phrase_that_contains_a_chosen_term_whole() -> None:
    terms = {
        c.term
        for c in build_draft(
            "A panel line is a welding line that joins flat steel plates. "
            "The panel line sets the pace of the shipyard. "
            "Planners tested a new panel line simulator in 2015. "
            "Since then the panel line has run two shifts."
        ).concepts
    }
    assert "panel line" in terms
    # "line simulator" would cut "panel line" in two.
    assert "line simulator" not in terms


def test_it_never_takes_a_phrase_that_cuts_a_chosen_term_in_two() -> None:
    text = "a panel line simulator"
    line_simulator = Mention(("line", "simulator"), "line simulator", 0, 8, "phrase", False, 2)
    group = Group([line_simulator.key], [line_simulator], count=1, primary=line_simulator.key)
    panel_line = text.index("panel line"), text.index("panel line") + len("panel line")
    assert _redundant(group, [], defaultdict(list, {0: [panel_line]}))
    assert not _redundant(group, [], defaultdict(list))


def test_it_splits_a_word_glued_to_the_next_sentence() -> None:
    tokens = tokenize("the post-Yenan Chinese Communist.According to amazon.com and U.S.A")
    assert [t.text for t in tokens][3:5] == ["Communist", "According"]
    assert tokens[3].break_after and tokens[4].initial  # a new sentence starts there
    assert "amazon.com" in [t.text for t in tokens] and "U.S.A" in [t.text for t in tokens]
    # Concepts never span the join, even when the sentence splitter missed it.
    sentences = tokenize_sentences(
        [
            "We studied primary ciliary dyskinesia (PCD) in children.Methods A panel of "
            "PCD experts rated airway clearance in children with PCD.Free full text",
            "Airway clearance improved in most children with PCD.",
        ]
    )
    for concept in rank_concepts(sentences, None):
        for form in [concept.term, *concept.aliases]:
            assert not re.search(r"\w\.[A-Z][a-z]", form), form
            assert "Methods" not in form and "Free" not in form, form
        assert "Methods" not in concept.definition and "Free" not in concept.definition


def test_it_marks_an_abbreviated_term_core_even_when_the_title_restates_it() -> None:
    def concept(term: str, score: float, *, abbreviated: bool = False) -> RankedConcept:
        return RankedConcept(term, [], "", [0, 1], score, frozenset(), abbreviated=abbreviated)

    ranked = [
        concept("abrupt community shifts", 9.0, abbreviated=True),
        concept("ocean warming", 8.0),
        concept("thermal niche", 7.0),
        concept("marine metazoans", 6.0),
    ]
    by_term = {c.term: c for c in mark_core(ranked, "Abrupt Community Shifts")}
    assert by_term["abrupt community shifts"].core
    # Without an acronym, a restatement of the title frames the course instead.
    plain = [concept("abrupt community shifts", 9.0), *ranked[1:]]
    assert not mark_core(plain, "Abrupt Community Shifts")[-1].core


def test_it_prefers_a_defining_sentence() -> None:
    draft = build_draft(
        "Many towns relied on barter markets before coins spread. "
        "A barter market is a market where goods are exchanged without money. "
        "Barter markets faded when coins became common."
    )
    concept = next(c for c in draft.concepts if c.term.lower().startswith("barter market"))
    assert concept.definition == draft.sentences[1]


def test_it_lists_only_sentences_that_mention_the_concept(seed_draft: Draft) -> None:
    assert seed_draft.concepts  # the loop below must check something
    for concept in seed_draft.concepts:
        forms = [concept.term, *concept.aliases]
        for i, sentence in enumerate(seed_draft.sentences):
            mentioned = any(
                re.search(rf"(?<!\w){re.escape(f)}(?!\w)", sentence, re.IGNORECASE) for f in forms
            )
            if i in concept.sentences:
                assert mentioned, (concept.term, sentence)


def test_it_is_deterministic_within_a_process(seed_text: str) -> None:
    assert build_draft(seed_text) == build_draft(seed_text)
    assert build_draft(INVENTED).to_json() == build_draft(INVENTED).to_json()


def test_it_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    source = tmp_path / "abstract.txt"
    source.write_text(INVENTED, encoding="utf-8")
    script = (
        "import json, sys; from course.generator import build_draft; "
        "print(json.dumps(build_draft(open(sys.argv[1], encoding='utf-8').read()).to_json()))"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(source)],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env=env,
        )
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]


LITERARY = [
    "Steerforth's seduction of Emily instead of David is an example of \u201ctroilism,\u201d of "
    "desire displaced onto a more acceptable third party.",
    "It resembles the \u201chomosociality\u201d introduced by Eve Kosofsky Sedgwick.",
    "The storm that kills Steerforth originates in Rosa's thwarted desire for him.",
    "Her wish to have Emily \u201cbranded\u201d comes from the scar Steerforth gave Rosa Dartle.",
    "Sedgwick read all three novels as homosocial.",
]


def test_it_keeps_a_rare_term_the_text_coins_in_quotation_marks() -> None:
    terms = [c.term for c in rank_concepts(tokenize_sentences(LITERARY), None)]
    assert "troilism" in terms and "homosociality" in terms
    # a common word in quotation marks is a word quoted, not a term coined
    assert "branded" not in terms


def test_it_makes_one_entry_of_a_person_named_in_full_and_by_one_name() -> None:
    ranked = rank_concepts(tokenize_sentences(LITERARY), None)
    by_term = {c.term: c.aliases for c in ranked}
    assert "Sedgwick" in by_term.get("Eve Kosofsky Sedgwick", [])
    assert "Rosa" in by_term.get("Rosa Dartle", [])
    assert "Sedgwick" not in by_term and "Rosa" not in by_term


def test_it_reads_a_verb_after_a_name_as_a_verb() -> None:
    terms = [c.term for c in rank_concepts(tokenize_sentences(LITERARY), None)]
    assert not any(t.endswith("originates") for t in terms)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        # an -ize verb after a noun is the predicate, not part of a term
        (
            "Feature-based approaches to second language phonology conceptualize the acquisition "
            "of new segments as operations on phonological features. Learners of German perceive "
            "vowel contrasts by their acoustic cues. Phonology conceptualize appears in no term.",
            ("conceptualize",),
        ),
        # a phrase cut before a modal or a verb's particle
        (
            "Moral education ought to cultivate virtue in every pupil. The market correction back "
            "to older styles followed the boom. Moral education shapes pupils. A market correction "
            "hit painters in the 1660s.",
            (" ought", " back"),
        ),
    ],
)
def test_it_takes_no_phrase_cut_inside_a_clause_into_the_glossary(
    text: str, cut: tuple[str, ...]
) -> None:
    terms = [c.term.lower() for c in rank_concepts(tokenize_sentences([text]), None)]
    assert terms, "the text has concepts"
    assert not any(t.endswith(cut) for t in terms), terms


def test_it_reads_a_name_joined_by_on_and_an_institutions_and_as_one_name() -> None:
    from course.generator.candidates import name_mentions, name_words

    sentences = tokenize_sentences(
        [
            "The index follows the Convention on Biological Diversity and the National Survey on "
            "Drug Use and Health, unlike Germany and France."
        ]
    )
    surfaces = {m.surface for m in name_mentions(sentences[0], name_words(sentences))}
    assert "Convention on Biological Diversity" in surfaces
    assert "National Survey on Drug Use and Health" in surfaces
    # two countries are two names
    assert "Germany and France" not in surfaces


def test_a_course_title_never_names_the_study_s_method() -> None:
    from course.generator.titles import derive_title

    title = derive_title(
        ["independent sample T-test", "nursing burnout", "emotional exhaustion"],
        "Burnout is common among nurses.",
    )
    assert "T-test" not in title and "Burnout" in title


def test_a_course_title_never_opens_on_a_verb() -> None:
    from course.generator.titles import derive_title

    title = derive_title(
        ["examined the effect of semi-presidential institutions", "semi-presidential regimes"],
        "Semi-presidential regimes are common.",
    )
    assert not title.lower().startswith(("examined", "the examined"))


def test_a_course_title_never_names_the_data_or_the_estimation() -> None:
    from course.generator.titles import derive_title

    for method in ("cross-sectional data", "maximum likelihood estimation"):
        title = derive_title([method, "merchant guilds", "nutrient intake"], "Guilds rose.")
        assert method.split()[-1] not in title.lower()


def test_a_course_title_names_no_placeholder_and_prefers_only_a_recurring_of_phrase() -> None:
    from course.generator.titles import derive_title

    # "University of X": the source withheld the name; the letter is no title
    title = derive_title(["University of X", "multispectral imaging"], "Imaging is new.")
    assert title == "Multispectral Imaging"
    # an "X of the Y" phrase the text names once is no better than the leading concept
    terms = ["thermal stress", "history of the reef", "bleaching"]
    assert derive_title(terms, "Reefs warm.", recurring=frozenset({"thermal stress"})) == (
        "Thermal Stress"
    )
    assert derive_title(terms, "Reefs warm.", recurring=frozenset(terms)) == (
        "The History of the Reef"
    )


def test_a_name_ending_in_a_continent_is_a_place() -> None:
    from course.generator.kinds import term_kind

    sentences = ["The Andes are among the regions of South America most hit by landslides."]
    assert term_kind("South America", sentences) == "place"
