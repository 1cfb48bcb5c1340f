"""Core marking, derivational variants, gap placement, recall overlap,
term-specific definitions and trimmed discussion prompts: each rule with a
passing and a failing case, on invented text and on the reference abstract."""

from __future__ import annotations

from course.generator import Draft, DraftQuestion, build_draft
from course.generator.checks import near_duplicate
from course.generator.concepts import restates_title
from course.generator.contexts import phrase_window, word_count
from course.generator.model import DraftConcept
from course.generator.prompts import claim_of, main_clause, template_of
from course.generator.questions import (
    before_noun,
    described,
    part_of_longer,
    prepare,
    topic_word,
)
from course.generator.selection import same_recall
from course.generator.tokens import derivation_stem, derivational_variant

# --- derivational variants -----------------------------------------------------------


def test_it_finds_the_name_a_derived_word_is_built_on() -> None:
    assert derivation_stem("Marxists") == "Marx"
    assert derivation_stem("Hegelian") == "Hegel"
    assert derivation_stem("Journalists") == ""  # "journal" is an everyday word, not a name
    assert derivation_stem("Modernism") == ""
    assert derivation_stem("Artist") == ""  # a three-letter stem is a mere word start
    assert derivation_stem("artist") == ""  # not a name


def test_it_treats_derivational_variants_as_near_duplicates() -> None:
    assert derivational_variant("Stalinist", "Stalin group")
    assert near_duplicate("Stalinist", "Stalin group")
    assert near_duplicate("Stalinists", "Stalinist leadership")
    assert not derivational_variant("Stalin group", "Stalingrad front")
    assert not near_duplicate("Stalinist", "Right opposition")


# An invented passage from economic history (not the reference abstract): a
# circle named after a person, its followers and their leadership are one
# body of people; the adjective in "Keynesian economics" names no one.
ECONOMISTS = (
    "After 1936 the Keynes circle dominated the British debate on unemployment. "
    "The Keynesians argued that public works could restore demand in a slump. "
    "In the Treasury the Keynesian leadership resisted calls for balanced budgets. "
    "Later critics attacked Keynesian economics as a cause of inflation."
)


def test_it_merges_names_for_one_body_of_people() -> None:
    draft = build_draft(ECONOMISTS)
    circle = next(c for c in draft.concepts if c.term == "Keynes circle")
    assert {"Keynesians", "Keynesian leadership"} <= set(circle.aliases)
    # "Keynesian economics" is the adjective, not the people: not a mention.
    assert 3 not in circle.sentences
    assert not any(c.term in ("Keynesians", "Keynesian leadership") for c in draft.concepts)


# --- core marking ------------------------------------------------------------------


def test_it_keeps_a_title_restatement_out_of_core() -> None:
    assert restates_title("reorganization of the unions", "The Reorganization of the Unions")
    assert restates_title("public business libraries", "Public business libraries: the next step")
    assert not restates_title("personnel purge", "The Reorganization of the Unions")


def test_it_does_not_mark_the_topic_word_or_passing_mentions_core(seed_draft: Draft) -> None:
    by_term = {c.term.casefold(): c for c in seed_draft.concepts}
    # The topic word is everyday English ("unions"): not a glossary entry at all.
    assert "unions" not in by_term
    assert not by_term["reorganization of the unions"].core  # the title
    # Paired sentence subjects, enumerated terms and acronyms are core.
    for term in ("socialist competition", "productionist approach", "personnel purge", "nep"):
        assert by_term[term].core, term
    # Core concepts still come first in the ranking.
    core = [c for c in seed_draft.concepts if c.core]
    assert all(c.core for c in seed_draft.concepts[: len(core)])


def test_it_merges_the_stalinists_into_the_stalin_group(seed_draft: Draft) -> None:
    group = next(c for c in seed_draft.concepts if c.term == "Stalin group")
    assert group.core and {"Stalinists", "Stalinist leadership"} <= set(group.aliases)
    assert 10 not in group.sentences  # "Stalinist industrialization"


# --- gaps and distractors -------------------------------------------------------------


def test_it_never_blanks_part_of_a_longer_term() -> None:
    text = "This purge provided the Stalinist leadership with a firm base."
    span = (text.index("Stalinist"), text.index("Stalinist") + len("Stalinist"))
    assert part_of_longer(text, span, ["Stalinist leadership"])
    assert not part_of_longer(text, span, ["Stalinist industrialization"])


def test_it_knows_when_a_gap_modifies_a_noun() -> None:
    assert before_noun("This purge provided the _____ leadership with a base.")
    assert not before_noun("The _____ believed that the unions were unsuitable.")
    assert not before_noun("The success of the _____ in replacing the leaders.")


def test_it_offers_no_variant_of_the_key_as_a_distractor(seed_draft: Draft) -> None:
    assert seed_draft.questions  # the loop below must check something
    for q in seed_draft.questions:
        if q.type == "single_choice":
            for option in q.options:
                assert option == q.answer or not near_duplicate(option, q.answer), q


# --- recall overlap and short answers -------------------------------------------------


def _q(kind: str, answer: object, sentences: list[int]) -> DraftQuestion:
    return DraftQuestion(kind, "p", [], answer, [], sentences, "")


def test_it_detects_one_recall_fact_asked_twice() -> None:
    assert same_recall(_q("cloze", ["NEP"], [1]), _q("short_answer", ["nep"], [1]))
    assert same_recall(_q("single_choice", "NEP", [1]), _q("cloze", ["NEP", "x"], [1]))
    assert not same_recall(_q("cloze", ["NEP"], [1]), _q("short_answer", ["NEP"], [2]))
    assert not same_recall(_q("cloze", ["NEP"], [1]), _q("true_false", True, [1]))


def test_it_asks_a_result_and_the_conclusion_restating_it_once() -> None:
    from course.generator.selection import _leaks

    def statement(text: str, answer: bool, sentence: int) -> DraftQuestion:
        return DraftQuestion("true_false", f"True or false? {text}", [], answer, [], [sentence], "")

    result = statement("Walking lowered the risk of hip fracture in older women.", False, 3)
    conclusion = statement("Walking raises the risk of hip fracture in older women.", False, 7)
    other = statement("Bone density was measured by scans in older women.", True, 4)
    assert _leaks(result, conclusion)
    assert not _leaks(result, other)


def test_it_never_asks_one_gap_as_cloze_and_short_answer(seed_draft: Draft) -> None:
    recall = [
        q for q in seed_draft.questions if q.type in ("cloze", "single_choice", "short_answer")
    ]
    for k, a in enumerate(recall):
        for b in recall[k + 1 :]:
            assert not same_recall(a, b), (a.prompt, b.prompt)


def test_it_asks_short_answers_from_what_the_text_says_about_a_term() -> None:
    sentences = [
        "Above all, the land reform was undertaken in three provinces.",
        "Tithe barns and the grain fund were dual pillars of village credit.",
        "Farmers praised the land reform.",
    ]
    concepts = [
        DraftConcept("land reform", [], "", [0, 2], True, 1),
        DraftConcept("grain fund", [], "", [1], True, 2),
        DraftConcept("tithe barns", [], "", [1], True, 3),
    ]
    terms = {t.term: t for t in prepare(concepts, len(sentences))}
    reform = described(terms["land reform"], sentences, list(terms.values()))
    assert reform == [
        ("Which term does the text use for what was undertaken in three provinces?", 0)
    ]
    fund = described(terms["grain fund"], sentences, list(terms.values()))
    assert fund == [
        ("Besides tithe barns, what were dual pillars of village credit, according to the text?", 1)
    ]


def test_it_leaves_the_topic_word_unquizzed() -> None:
    many = DraftConcept("unions", [], "", [0, 1, 2, 3], False, 5)
    assert topic_word(many, 6)
    assert not topic_word(DraftConcept("unions", [], "", [0, 1], False, 5), 6)
    assert not topic_word(DraftConcept("unions", [], "", [0, 1, 2, 3], True, 5), 6)


# --- definitions --------------------------------------------------------------------


def test_it_cuts_a_short_phrase_window_around_a_term() -> None:
    sentence = (
        "The reform of the mills during the war was meant to tie the mills to the state "
        "with the dual aims of weakening their owners and drawing them closer to the army "
        "in relation to rapid rearmament policy."
    )
    at = sentence.index("their owners")
    window = phrase_window(sentence, at, at + len("their owners"))
    assert window == "the dual aims of weakening their owners"
    assert phrase_window(sentence, 10_000, 10_001) == ""


def test_it_gives_seed_terms_specific_short_definitions(seed_draft: Draft) -> None:
    by_term = {c.term: c for c in seed_draft.concepts}
    plan, policy = by_term["First Five-Year Plan"], by_term["rapid industrialization policy"]
    assert plan.definition != policy.definition
    assert seed_draft.concepts  # the loop below must check something
    for concept in seed_draft.concepts:
        # No definition in the text: a quoted context, short or a whole sentence.
        context = concept.definition.removeprefix("In the text: ")
        assert word_count(context) <= 28 or context in seed_draft.sentences
    assert by_term["factory committees"].definition.endswith("factory committees")


# --- discussion prompts -------------------------------------------------------------


def test_it_trims_a_long_claim_to_its_main_clause() -> None:
    long = (
        "Socialist competition and the shock work movement were dual axes for the encouragement "
        "of workers' enthusiasm, which made a great contribution to the achievement of the "
        "economic targets of the plan"
    )
    assert main_clause(long) == (
        "Socialist competition and the shock work movement were dual axes for the "
        "encouragement of workers' enthusiasm"
    )
    short = "The unions were transformed into a vanguard of industrialization"
    assert main_clause(short) == short
    gerunds = (
        "The reorganization of the unions during the plan was intended to subordinate the "
        "unions to the party with the dual aims of weakening their status and drawing them "
        "closer to production in relation to policy"
    )
    # Never between coordinated gerunds ("of weakening ... and drawing ...").
    assert main_clause(gerunds).endswith("to the party")
    assert claim_of("Socialist competition grew quickly in the mills.") == (
        "socialist competition grew quickly in the mills"
    )
    assert claim_of("Italy grew quickly.", frozenset({"italy"})) == "Italy grew quickly"


def test_it_quotes_no_more_than_a_main_clause_in_seed_prompts(seed_draft: Draft) -> None:
    assert seed_draft.prompts  # the loop below must check something
    for prompt in seed_draft.prompts:
        template = template_of(prompt.text)
        assert template is not None
        # What the prompt quotes: its opening statement, without the template's question.
        quoted = prompt.text.removesuffix(template.question)
        assert word_count(quoted) <= 48, prompt.text


# --- structured abstracts ----------------------------------------------------------------

STRUCTURED = """Background: Urban heat islands raise summer mortality among older adults, but the \
protective role of street trees is disputed.
Methods: Between 2005 and 2015, daily deaths in 40 European cities were linked to satellite \
measures of tree canopy. Conditional Poisson regression was used to estimate heat-related \
mortality by canopy quartile.
Results: Cities in the highest canopy quartile had 23% fewer heat-related deaths than cities in \
the lowest quartile. The protective effect of canopy was strongest during the 2003 heatwave.
Conclusions: Street trees reduce heat-related mortality in European cities, and planting \
programmes should target districts with the least canopy.
"""


def test_it_reads_the_section_label_above_each_paragraph() -> None:
    from course.generator.source import is_method_section, read_page

    page = read_page(STRUCTURED)
    assert page.sections == ["Background:", "Methods:", "Results:", "Conclusions:"]
    assert [is_method_section(label) for label in page.sections] == [False, True, False, False]
    assert not is_method_section("Methods and findings")  # the results are in it too


def test_it_asks_nothing_back_from_a_structured_abstracts_methods() -> None:
    from course.generator import build_draft

    draft = build_draft(STRUCTURED)
    method = {i for i, s in enumerate(draft.sentences) if "2005" in s or "Poisson" in s}
    assert len(method) == 2
    assert draft.questions  # the Results and Conclusions still give items
    for q in draft.questions:
        assert not method & set(q.sentences), q.prompt
    for p in draft.prompts:
        assert not method & set(p.sentences), p.text


# --- keys and statements the audits rejected ---------------------------------------------


def test_it_asks_each_key_once(seed_draft: Draft) -> None:
    from course.generator.selection import _key_of

    keys = [_key_of(q) for q in seed_draft.questions]
    assert len(keys) == len(set(keys))


def test_it_keys_no_hedged_claim_as_true() -> None:
    from course.generator.selection import _hedged

    assert _hedged("Our descriptive results suggest that deaf students perform better.")
    assert _hedged("These data suggest that rents drive moves.")
    assert not _hedged("We find that deaf students perform better.")
    assert not _hedged("Deaf students perform better on most variables.")


def test_it_blanks_no_abbreviation_the_text_uses_once_and_never_explains() -> None:
    from course.generator.selection import _passing_abbreviation

    sentences = ["The valley lies in its LGM alluvial fan.", "The NEP ended; the NEP unions fell."]
    assert _passing_abbreviation("LGM", sentences, {})
    assert not _passing_abbreviation("NEP", sentences, {})
    assert not _passing_abbreviation("LGM", sentences, {"LGM": ["Last Glacial Maximum"]})


def test_it_blanks_no_group_of_something() -> None:
    from course.generator.selection import _not_a_concept

    assert _not_a_concept("group of INs")
    assert _not_a_concept("population of migrants")
    assert not _not_a_concept("Group of Seven")  # a name keeps its capital
    assert not _not_a_concept("neurogliaform cells")


def test_it_reads_a_comparison_or_a_relation_missing_its_other_side_as_leaning_back() -> None:
    from course.generator.contexts import lacks_its_complement
    from course.generator.selection import _LEANS_BACK_RE

    assert _LEANS_BACK_RE.search("More systematic and harsher measures were followed.")
    assert not _LEANS_BACK_RE.search("More than half of the unions were purged.")
    assert not _LEANS_BACK_RE.search("Most unions were purged in 1929.")
    # a relational noun without its "of what"
    assert lacks_its_complement("Temperature and precipitation are important co-factors.")
    assert not lacks_its_complement("Income was the strongest predictor of turnout.")
