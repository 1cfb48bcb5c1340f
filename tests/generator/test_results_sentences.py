"""Findings told with their figures, and the sentences around them: each rule of this
module with a case it must handle and a near miss, on invented text."""

from __future__ import annotations

import pytest

from course.generator import build_draft
from course.generator.concepts import _PREPOSITIONAL_RE
from course.generator.contexts import claim_of, drop_statistics, tells_method
from course.generator.flaws import item_flaws
from course.generator.questions import Candidate, statement_of
from course.generator.relations import text_relations
from course.generator.reversals import reversals
from course.generator.selection import _LEANS_BACK_RE, _details
from course.generator.source import AVAILABILITY, left_out

# An invented results paragraph in the style of an epidemiology abstract.
COHORT = (
    "Cohort members usually live longer than people who decline to take part. "
    "We followed two cohorts, North (N1) and South (S1), for thirty years. "
    "Members had lower mortality in the first 10 years of follow-up compared with "
    "non-members (adjusted hazard ratio [95% CI] 0.71 [0.66, 0.77] in N1 and 0.75 "
    "[0.69, 0.81] in S1), which persisted over 20 years of follow-up. "
    "This advantage attenuated with longer follow-up. "
    "In S1, members who did not attend visits had higher mortality, but members who "
    "attended had similar mortality to the community. "
    "Code is available at github.com/example/cohorts."
)


def test_it_drops_a_parenthesis_of_result_figures_with_brackets_inside() -> None:
    sentence = (
        "Members had lower mortality compared with non-members (adjusted hazard ratio "
        "[95% CI] 0.71 [0.66, 0.77] in N1), which persisted."
    )
    assert drop_statistics(sentence) == (
        "Members had lower mortality compared with non-members, which persisted."
    )


def test_it_keeps_a_parenthesis_that_is_not_figures() -> None:
    assert drop_statistics("Two cohorts (North and South) took part.") == (
        "Two cohorts (North and South) took part."
    )
    assert drop_statistics("Nanoparticles below a size (2.7 nm) change.") == (
        "Nanoparticles below a size (2.7 nm) change."
    )


def test_a_results_sentence_becomes_a_statement_without_its_figures() -> None:
    statement = statement_of(COHORT.split(". ")[2] + ".")
    assert statement.startswith("Members had lower mortality in the first 10 years")
    assert "0.71" not in statement and "CI" not in statement


def test_a_span_of_time_is_not_a_sample_figure() -> None:
    assert not _details("Members had lower mortality in the first 10 years, over 20 years.")
    assert _details("We enrolled 412 children aged 8-11 (52% girls).")


def test_the_draft_asks_the_direction_of_a_finding_told_with_figures() -> None:
    draft = build_draft(COHORT)
    statements = {q.prompt: q.answer for q in draft.questions if q.type == "true_false"}
    assert any("higher mortality in the first 10 years" in p for p in statements), statements
    assert not any("0.71" in p or "github" in p for p in statements)


def test_it_reads_a_negation_naming_a_group_as_no_negated_statement() -> None:
    found = item_flaws(
        type="true_false",
        prompt="True or false? Members who did not attend visits had higher mortality.",
        options=["True", "False"],
        answer=True,
    )
    assert "negative-statement" not in {f.code for f in found}
    negated = item_flaws(
        type="true_false",
        prompt="True or false? Members did not have higher mortality.",
        options=["True", "False"],
        answer=True,
    )
    assert "negative-statement" in {f.code for f in negated}


@pytest.mark.parametrize(
    ("statement", "false"),
    [
        (
            "The advantage attenuated with longer follow-up.",
            "The advantage strengthened with longer follow-up.",
        ),
        (
            "Discounting is most prevalent among centrists.",
            "Discounting is least prevalent among centrists.",
        ),
        ("Members had lower mortality.", "Members had higher mortality."),
        # the rank names the group; the finding's direction is "fewer"
        (
            "Cities in the highest canopy quartile had fewer deaths.",
            "Cities in the highest canopy quartile had more deaths.",
        ),
        (
            "Treated patients had more relapses than controls.",
            "Treated patients had fewer relapses than controls.",
        ),
        # an adverb between the copula and the comparative
        (
            "Scores were significantly higher in the treated group.",
            "Scores were significantly lower in the treated group.",
        ),
        # a contrast of two opposite directions: both turned, so neither half stays true
        ("Wages rose while prices fell.", "Wages fell while prices rose."),
        (
            "Bacteroidetes were significantly higher in controls, whereas E. coli was "
            "significantly lower in controls.",
            "Bacteroidetes were significantly lower in controls, whereas E. coli was "
            "significantly higher in controls.",
        ),
    ],
)
def test_it_turns_more_directions_around(statement: str, false: str) -> None:
    assert [r.statement for r in reversals(statement)] == [false]


def test_it_does_not_turn_a_comparative_that_names_a_thing() -> None:
    assert reversals("Members had higher education.") == []


@pytest.mark.parametrize(
    "statement",
    [
        # the same direction word twice: turning one contradicts the other
        "Every node could have more opportunities to attend and encode more link samples.",
        # a possibility, not a finding's direction
        "Larger firms could have more options.",
        # "only" is no adverb of degree
        "The effect was only more pronounced in women.",
        # "can improve" turned to "can worsen" is not what the text denies
        "Trainable node embeddings can improve the performance of the models.",
    ],
)
def test_it_does_not_turn_a_direction_it_would_leave_half_true(statement: str) -> None:
    assert reversals(statement) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Thermally driven bleaching events are a growing concern for reefs across the tropics.",
        "IAP is widely used, but evidence of long-term effects on child health is limited.",
        "An accurate estimation of the charge is of great significance for electric vehicles.",
    ],
)
def test_the_motivation_an_abstract_opens_with_is_background(sentence: str) -> None:
    from course.generator.contexts import MOTIVATION_RE

    assert MOTIVATION_RE.search(sentence)


def test_a_robustness_check_is_method() -> None:
    assert tells_method("Using 2SLS and GMM methods, the conclusion is still robust.")


def test_a_statement_keeps_the_function_words_it_ends_with() -> None:
    assert statement_of("The findings show that the effects of trust apply to them as well.") == (
        "The effects of trust apply to them as well."
    )


def test_it_leaves_out_a_notice_of_where_the_code_is() -> None:
    assert left_out("Codes are available on github.com/example/tool.", script="LATIN") == (
        AVAILABILITY
    )
    assert left_out("Data are available from the authors on request.", script="LATIN") == (
        AVAILABILITY
    )
    # a finding about availability is not a notice
    assert (
        left_out(
            "Data on rural clinics are available for fewer than half of the districts we "
            "studied, which limits what planners can do.",
            script="LATIN",
        )
        is None
    )


@pytest.mark.parametrize(
    "claim",
    [
        "Many of them reuse the classical structure for memory processing.",
        "In PVR, this is done by having one part of the input act as a pointer.",
    ],
)
def test_a_sentence_that_leans_on_the_one_before_is_not_quoted_alone(claim: str) -> None:
    assert _LEANS_BACK_RE.search(claim)


def test_a_dated_span_after_the_first_does_not_lean_back() -> None:
    assert not _LEANS_BACK_RE.search("Members had lower mortality in the first 10 years.")


def test_how_a_variable_was_measured_is_method() -> None:
    assert tells_method("Corporate governance is measured based on a published index.")
    assert tells_method("Mass balance was estimated using elevation models.")
    assert not tells_method("Better governed firms are more efficient.")


def test_a_results_lead_that_highlights_is_stripped() -> None:
    assert claim_of("Our results highlight that the adjuvant is promising for vaccines.") == (
        "the adjuvant is promising for vaccines."
    )


def test_a_participle_of_result_after_a_clause_states_a_result() -> None:
    relations = text_relations(
        ["The old networks reuse the classical cell structure, causing slow training."]
    )
    results = [r for r in relations if r.kind == "result"]
    assert results and results[0].right == "slow training"
    assert results[0].lemma == "cause"


def test_a_phrase_opening_with_compared_with_is_no_concept() -> None:
    assert _PREPOSITIONAL_RE.match("compared with nonparticipants")
    assert not _PREPOSITIONAL_RE.match("comparative politics")
    draft = build_draft(COHORT)
    assert not any(c.term.startswith("compared with") for c in draft.concepts)


def test_no_select_all_on_a_list_whose_sentence_goes_on_after_it() -> None:
    from course.generator.candidates import tokenize_sentences
    from course.generator.questions import multiple_response_items, prepare

    sentences = [
        "When the particles are small, size effects such as a change of adsorption strength "
        "or oxidation state are revealed by changes in their electronic structures."
    ]
    assert (
        list(multiple_response_items(sentences, prepare([], 1), tokenize_sentences(sentences)))
        == []
    )


def test_a_how_clause_the_article_asserts_is_its_claim() -> None:
    assert claim_of(
        "Second, it sketches how the religions of the field have increased from one to four."
    ) == ("the religions of the field have increased from one to four.")
    # a question the article opens, or a recipe, asserts nothing
    assert claim_of("This paper examines how firms adapt to shocks.").startswith("This paper")
    assert claim_of("We show how to build a parser quickly.").startswith("We show")


def test_a_title_of_english_words_between_commas_is_no_list_of_authors() -> None:
    from course.generator.source import _is_name_list

    assert not _is_name_list("Medieval Religious, Religions, Religion")
    assert _is_name_list("Mikhail Mikheev, Julia Gusynina and Tatyana Shornikova")


def test_no_gap_on_the_head_of_a_relational_phrase() -> None:
    from course.generator.model import DraftQuestion
    from course.generator.selection import offerable

    sentences = [
        "Generalized trust is a form of generalization, beyond the confines of individual "
        "variations in intergroup experiences."
    ]
    gap = DraftQuestion(
        type="cloze",
        prompt="Fill in the blank: Generalized trust is a form of generalization, beyond the "
        "_____ of individual variations in intergroup experiences.",
        options=[],
        answer=["confines"],
        explanation="",
        concepts=[],
        sentences=[0],
    )
    assert not offerable(gap, sentences)


def test_a_byline_under_the_title_is_not_joined_to_it() -> None:
    from course.generator.source import _is_byline

    assert _is_byline("T. A. Schramek")
    assert _is_byline("P. L. Colin and M. A. Merrifield")
    assert not _is_byline("Tropical Pacific Ocean")
    page = (
        "Research Letter\n\nDepth-Dependent Thermal Stress Around Corals in the Tropical "
        "Pacific Ocean\n\nT. A. Schramek\n\nAbstract\n\nThermal stress around corals depends "
        "on depth in the tropical Pacific Ocean. Corals below the mixed layer are exposed to "
        "cooler water when the thermocline rises. Sea level anomalies track these shifts of "
        "the thermocline over interannual time scales."
    )
    assert build_draft(page).title == (
        "Depth-Dependent Thermal Stress Around Corals in the Tropical Pacific Ocean"
    )


def test_no_glossary_entry_for_a_report_lead_an_adjective_or_a_relational_head() -> None:
    from course.generator.concepts import _no_entry

    texts = [
        "The aim of this study is twofold.",
        "Results show that trust is related to tolerance.",
        "Trust reaches beyond the confines of personal experience.",
        "Tolerance is dependent upon friendship.",
        "Tolerance is high among dependent children.",
    ]
    assert _no_entry("twofold", texts, [0])
    assert _no_entry("results show", texts, [1])
    assert _no_entry("related to tolerance", texts, [1])
    assert _no_entry("confines", texts, [2])
    assert _no_entry("dependent", texts, [3])
    # a word also used before a noun names something; so does a phrase of the text's topic
    assert not _no_entry("dependent", texts, [3, 4])
    assert not _no_entry("personal experience", texts, [2])


def test_what_comes_before_the_article_says_what_it_does_is_background() -> None:
    from course.generator.contexts import opening_background

    sentences = [
        "Memory networks have shown promising power for sequential tasks.",
        "Previous networks suffer from complex addressing, making them hard to train.",
        "In this paper, we introduce a novel network to address these issues.",
        "The network is more efficient than existing memory networks.",
        "It also uses fewer parameters than a vanilla LSTM.",
    ]
    assert opening_background(sentences, 0) and opening_background(sentences, 1)
    assert not opening_background(sentences, 3)
    # the history a text tells before its aim is what it teaches, not background
    history = [
        "The Chartist movement demanded universal male suffrage in Britain.",
        "The movement declined after Parliament rejected the petition in 1848.",
        "The aim of this paper is to examine how the movement shaped later reform.",
    ]
    assert not opening_background(history, 1)
    # an aim stated late, after the text's own claims, leaves them claims
    late = [
        "Unions lost their independence in 1929.",
        "The party purged their leaders.",
        "Shock work spread across industry.",
        "Competition raised output targets.",
        "Wages fell as norms rose.",
        "This article examines these changes.",
    ]
    assert not opening_background(late, 1)


def test_no_gap_on_the_head_after_an_indefinite_article() -> None:
    from course.generator.model import DraftQuestion
    from course.generator.selection import offerable

    sentences = ["The tasks rest on indirection, a hallmark of human intelligence."]
    gap = DraftQuestion(
        type="cloze",
        prompt="Fill in the blank: The tasks rest on indirection, a(n) _____ of human "
        "intelligence.",
        options=[],
        answer=["hallmark"],
        explanation="",
        concepts=[],
        sentences=[0],
    )
    assert not offerable(gap, sentences)


def test_a_clause_of_figures_after_a_semicolon_is_dropped() -> None:
    assert (
        drop_statistics(
            "Participants with diabetes had increased risks of cancer; hazard ratios were 1.13 "
            "for total cancer and 1.51 for liver cancer."
        )
        == "Participants with diabetes had increased risks of cancer."
    )
    assert drop_statistics("Wages rose; prices fell.") == "Wages rose; prices fell."
    assert drop_statistics("Glucose was associated with risk (all P's for trend \u2264 0.02).") == (
        "Glucose was associated with risk."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "At the time of writing, there was a paucity of models of groundwater hazard in India.",
        "Over the last five years, perovskite cells have entered the research spectrum.",
        "In recent years, memory networks have shown promising power.",
    ],
)
def test_a_gap_or_a_trend_the_study_starts_from_is_background(sentence: str) -> None:
    from course.generator.contexts import MOTIVATION_RE

    assert MOTIVATION_RE.search(sentence)


def test_no_true_or_false_on_the_article_s_own_method_succeeding() -> None:
    from course.generator.model import DraftQuestion
    from course.generator.selection import offerable

    sentences = [
        "Simulation results show that the proposed algorithm can effectively reduce network "
        "energy consumption."
    ]
    statement = DraftQuestion(
        type="true_false",
        prompt="True or false? The proposed algorithm can effectively reduce network energy "
        "consumption.",
        options=["True", "False"],
        answer=True,
        explanation="",
        concepts=[],
        sentences=[0],
    )
    assert not offerable(statement, sentences)


@pytest.mark.parametrize(
    ("statement", "offered"),
    [
        ("A new impulse neural model has been built using reservoir transformations.", False),
        ("An algorithm for joining neuron impulses into one whole has been developed.", False),
        ("A multidisciplinary expert panel was set up.", False),
        # a finding about a thing made before, by others: the student must know it
        ("A vaccine developed in 1998 has lowered the incidence of measles.", True),
    ],
)
def test_no_true_or_false_on_something_the_article_made(statement: str, offered: bool) -> None:
    assert _offered("true_false", f"True or false? {statement}", True, statement) is offered


def test_now_setting_a_state_against_the_one_before_is_no_part_of_the_claim() -> None:
    from course.generator.contexts import claim_of

    assert claim_of("Now Italy is one of the top ten countries in Internet hostcount.") == (
        "Italy is one of the top ten countries in Internet hostcount."
    )
    assert claim_of("Now that prices have fallen, demand rose.") == (
        "Now that prices have fallen, demand rose."
    )


def test_a_course_prompt_names_a_concept_of_the_text() -> None:
    from course.generator.prompts import build_prompts

    draft = build_draft(
        "For any given technology to be successful, its ability to compete with other "
        "technologies is the key. Perovskite solar cells offer low cost processability. "
        "Perovskite solar cells degrade quickly in humid air, which limits their stability. "
        "Encapsulation of perovskite solar cells extends their lifetime in field tests."
    )
    from course.generator.prompts import generate_prompts

    # the platitude is a candidate, but no prompt of the course rests on it
    assert any(
        "ability to compete" in p.text for p in generate_prompts(draft.sentences, draft.concepts)
    )
    prompts = build_prompts(draft.sentences, draft.concepts)
    assert all(p.concepts for p in prompts)
    assert not any("ability to compete" in p.text for p in prompts)


def test_a_true_statement_names_what_its_demonstrative_pointed_back_at() -> None:
    from course.generator.contexts import framing
    from course.generator.model import DraftQuestion
    from course.generator.questions import true_false_items, valid
    from course.generator.selection import offerable

    sentences = [
        "Predicted and observed fluctuations correspond, with both identifying abrupt shifts "
        "in the 1980s.",
        "We show that these abrupt shifts coincide with changes in local thermal regimes.",
    ]
    assert statement_of(sentences[1], sentences[:1]) == (
        "The abrupt shifts coincide with changes in local thermal regimes."
    )
    # Without the sentence before, or when it never named the thing, no statement.
    assert statement_of(sentences[1]) == ""
    assert statement_of(sentences[1], ["Fluctuations were measured."]) == ""
    # "this study" is the article, not a back-reference: left as it was.
    assert statement_of("Participants in this study had lower mortality.", []).startswith(
        "Participants in this study"
    )
    true = next(
        c.question
        for c in true_false_items(sentences, [])
        if c.question.answer is True and c.question.sentences == [1]
    )
    assert valid(true, sentences) and offerable(true, sentences)
    # An item on a sentence whose demonstrative stays unresolved is still held back.
    leaning = DraftQuestion(
        type="cloze",
        prompt="Fill in the blank: We show that these _____ coincide with changes in local "
        "thermal regimes.",
        options=[],
        answer=["abrupt shifts"],
        explanation="",
        concepts=[],
        sentences=[1],
    )
    assert not offerable(leaning, sentences)
    # What the article shows, told in the passive, is framing; a stated result is not.
    assert framing("An example of the effective use of this algorithm is shown.")
    assert not framing("Consensus on standardised methods of reporting was reached.")


_DISTINCT = [
    "Wages rose in the mining towns",
    "Glaciers retreated across the northern valleys",
    "Parliament rejected the grain tariff",
    "Migrant doctors staffed rural clinics",
    "Coral cover declined after the heatwave",
    "",
    "",
    "",
    "",
    "Teachers adopted the new curriculum slowly",
]


def test_true_statements_outnumber_false_ones_by_at_most_two() -> None:
    """Answering "True" throughout must not score well: with no false statement to set
    against them, two true ones are asked and no more."""
    from course.generator.selection import MAX_EXTRA_TRUE, select_questions

    def statement(n: int, truth: bool) -> Candidate:
        return _candidate("true_false", n, truth, f"True or false? {_DISTINCT[n]}.")

    def truths(pool: list[Candidate]) -> list[bool]:
        return [q.answer for q in select_questions(pool, [], budget=10)]

    assert MAX_EXTRA_TRUE == 2
    assert truths([statement(n, True) for n in range(5)]) == [True, True]
    one_false = [statement(n, True) for n in range(5)] + [statement(9, False)]
    assert sorted(truths(one_false)) == [False, True, True, True]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Activity lasted for at least c. 1590 years.", []),
        ("At least one disorder was recorded in 2099 (64.9%) Persians.", []),
        ("The study covered about 1800 households.", []),
        ("The council was dissolved in 1998 and restored in 2004.", ["1998", "2004"]),
    ],
)
def test_only_dates_are_moved_or_asked_as_years(text: str, dates: list[str]) -> None:
    from course.generator.questions import calendar_years

    assert [m.group(1) for m in calendar_years(text)] == dates


def _candidate(kind: str, n: int, answer: object, prompt: str) -> Candidate:
    """A candidate of ``kind`` on sentence ``n``, as sure as the flaw checker can be."""
    from course.generator.model import DraftQuestion

    q = DraftQuestion(
        type=kind,
        prompt=prompt,
        options=["True", "False"] if kind == "true_false" else [],
        answer=answer,
        explanation="",
        concepts=[],
        sentences=[n],
    )
    return Candidate(q, 1.0, confidence=1.0)


def _offered(kind: str, prompt: str, answer: object, sentence: str, *more: str) -> bool:
    from course.generator.selection import offerable

    return offerable(_candidate(kind, 0, answer, prompt).question, [sentence, *more])


@pytest.mark.parametrize(
    "sentence",
    [
        # a statistic's label, not a concept
        "Median longevity was 13.5 years (IQR 9.9\u201316.0).",
    ],
)
def test_no_gap_on_the_label_of_a_figure(sentence: str) -> None:
    prompt = "Fill in the blank: " + sentence.replace("IQR", "_____")
    # (an abbreviation used twice: no label in passing)
    assert not _offered("cloze", prompt, ["IQR"], sentence, "Median age was 9.1 (IQR 4\u201312).")


@pytest.mark.parametrize(
    ("statement", "offered"),
    [
        ("The resulting totals suggest that more than 22 percent attend each week.", False),
        ("Investor recognition can explain relatively more of the variation in returns.", False),
        ("Investor recognition explains relatively more of the variation than cash flows.", True),
        ("Median longevity was 13.5 years.", False),
        ("At least one disorder was recorded in 2099 (64.9%) Persians.", False),
    ],
)
def test_a_true_statement_says_what_it_compares_with_and_more_than_a_figure(
    statement: str, offered: bool
) -> None:
    assert _offered("true_false", f"True or false? {statement}", True, statement) is offered


@pytest.mark.parametrize(
    ("sentence", "key", "offered"),
    [
        ("Phenocrysts of olivine are found in basanite along with hauyne.", "hauyne", False),
        ("Olivine and less commonly hauyne are absent from tephrite.", "hauyne", False),
        ("Olivine and less commonly hauyne are absent from tephrite.", "tephrite", True),
    ],
)
def test_no_gap_on_one_member_of_a_list(sentence: str, key: str, offered: bool) -> None:
    prompt = "Fill in the blank: " + sentence.replace(key, "_____")
    # (the text names each rock again: a term it uses once may have synonyms that fit)
    again = "Basanite, tephrite and hauyne recur in the lavas."
    assert _offered("cloze", prompt, [key], sentence, again) is offered


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # "the skills": which skills, the item does not say
        ("Where these skills were present, workers built deep relationships.", ""),
        ("These preconceptions have been challenged by later research.", ""),
        # the phrase names its thing once made definite
        (
            "This extensive personnel purge gave the leadership a firm foundation.",
            "The extensive personnel purge gave the leadership a firm foundation.",
        ),
    ],
)
def test_a_true_statement_resolves_a_demonstrative_only_to_a_phrase_that_names_it(
    sentence: str, statement: str
) -> None:
    from course.generator.questions import statement_of

    earlier = ["Workers need skills, preconceptions and an extensive personnel purge."]
    assert statement_of(sentence, earlier) == statement


def test_the_first_of_what_the_sentence_before_named_leans_back() -> None:
    sentence = "The first enjoins clinicians to respect the decisions of patients."
    assert not _offered("true_false", f"True or false? {sentence}", True, sentence)


def test_the_data_a_study_rests_on_is_method() -> None:
    from course.generator.contexts import tells_method

    assert tells_method("The analysis is based on a new data set of prices from 500 markets.")


def test_no_gap_on_a_modifier_of_another_concept() -> None:
    from course.generator.model import DraftQuestion
    from course.generator.selection import offerable

    sentence = "The review reveals that ECEC process quality studies favour cities over towns."
    item = DraftQuestion(
        type="cloze",
        prompt="Fill in the blank: " + sentence.replace("ECEC", "_____"),
        options=[],
        answer=["ECEC"],
        explanation="",
        concepts=[],
        sentences=[0],
    )
    sentences = [sentence, "ECEC settings differ; process quality varies in ECEC."]
    assert offerable(item, sentences)
    assert not offerable(item, sentences, terms=frozenset(["process quality", "ecec"]))


def test_what_a_review_covers_is_framing() -> None:
    from course.generator.contexts import framing

    assert framing(
        "A thematic analysis of 21 articles reveals key characteristics of the studies, the "
        "benefits of quality and some factors influencing it."
    )
    assert not framing("A thematic analysis of 21 articles reveals that outdoor play matters.")


def test_an_it_that_stands_for_what_follows_points_at_nothing_before() -> None:
    from course.generator.questions import statement_of

    sentence = "It has proved difficult to turn the principles of the act into measures."
    assert statement_of(sentence, []) == sentence
    assert _offered("true_false", f"True or false? {sentence}", True, sentence)
    assert statement_of("It was abandoned in 1990.", []) == ""


def test_a_false_statement_given_away_by_another_item_allows_no_extra_true_one() -> None:
    from course.generator.selection import MAX_EXTRA_TRUE, select_questions

    item = _candidate
    pool = [
        # a gap on sentence 0 is taken first, and gives its false statement away
        item("cloze", 0, ["tariff"], "Fill in the blank: Parliament rejected the grain _____."),
        item("true_false", 0, False, "True or false? Parliament accepted the grain tariff."),
        *(item("true_false", n, True, f"True or false? {_DISTINCT[n]}.") for n in range(1, 5)),
    ]
    chosen = select_questions(pool, [], budget=10)
    trues = [q for q in chosen if q.type == "true_false" and q.answer is True]
    falses = [q for q in chosen if q.type == "true_false" and q.answer is False]
    assert len(trues) <= len(falses) + MAX_EXTRA_TRUE


def test_no_true_statement_on_what_the_future_will_require() -> None:
    statement = "Future gains in aphid control will require an interdisciplinary approach."
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_a_study_s_aim_section_is_asked_nothing() -> None:
    from course.generator import build_draft

    draft = build_draft(
        "Purpose\nEvaluate benefits and harms of structured exercise programs for chronic "
        "low back pain in adults to inform a clinical guideline.\nResults\nExercise "
        "programs reduced pain more than usual care in eight trials of older adults. Pilates "
        "improved function more than no intervention in two trials of adults."
    )
    assert not any("Evaluate benefits" in q.prompt for q in draft.questions)
    assert not any("Evaluate benefits" in p.text for p in draft.prompts)


def test_no_true_statement_with_a_test_statistic_run_into_it() -> None:
    statement = "Frailty was associated with greater odds of death Odds Ratio (OR)=2.72."
    assert not _offered("true_false", f"True or false? {statement}", True, statement)
    plain = "Frailty was associated with greater odds of death over three years."
    assert _offered("true_false", f"True or false? {plain}", True, plain)


def test_what_was_looked_into_at_which_scale_is_method() -> None:
    from course.generator.contexts import tells_method

    assert tells_method("Trends in maximum temperature were investigated at annual scale.")


def test_the_two_of_what_the_sentence_before_named_leans_back() -> None:
    statement = "The combination of the two bodies of evidence can provide new insights."
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_no_gap_on_a_word_for_a_role_in_a_relation() -> None:
    sentence = "Cardiovascular risk factors were key predictors of clinical AF progression."
    prompt = "Fill in the blank: " + sentence.replace("predictors", "_____")
    assert not _offered("cloze", prompt, ["predictors"], sentence)


def test_a_moved_year_stays_a_plausible_neighbour_and_a_range_with_months_is_kept() -> None:
    from course.generator import build_draft

    draft = build_draft(
        "Fish were collected monthly from April 1994 to March 1995 in a savanna stream. "
        "Of 3872 individuals, 1606 had food in their stomachs. "
        "Insects dominated the diet of most species, and detritus was eaten mainly in 1994 "
        "by the smaller species of the stream."
    )
    moved = [q.prompt for q in draft.questions if q.type == "true_false" and q.answer is False]
    assert not any("1606" in p or "April 1995 to March" in p for p in moved)


@pytest.mark.parametrize(
    ("text", "dates"),
    [("Of 3872 fish, 1994 of them had food in their stomachs.", [])],
)
def test_a_count_of_them_is_no_date(text: str, dates: list[str]) -> None:
    from course.generator.questions import calendar_years

    assert [m.group(1) for m in calendar_years(text)] == dates


@pytest.mark.parametrize(
    "statement",
    [
        "Since their discovery in 2007, five other virophages have been isolated.",
        "Humans, therefore, could be commonly exposed to virophages.",
        "Interventions to increase adherence are needed.",
        "A case study of AirTran at Albany is used to illustrate the spillover effect.",
        "Two-phase flow measurements were conducted to characterise self-aeration.",
        "Subsequent reference search was executed on the retrieved articles.",
        # a lab step, a sample count
        "The cultures were isolated from the plants using the baiting method.",
        "Isolates were identified to the species level using ITS barcoding.",
        "Catastrophic health expenditure was found in 194 of chronic patients.",
    ],
)
def test_no_true_statement_that_leans_back_prescribes_or_tells_the_method(statement: str) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_no_gap_on_the_verb_of_a_relative_clause() -> None:
    sentence = "The treatment shows promise for some school-age children who stutter."
    prompt = "Fill in the blank: " + sentence.replace("stutter", "_____")
    assert not _offered("cloze", prompt, ["stutter"], sentence)


@pytest.mark.parametrize(
    "statement",
    [
        # whose opinions? the participants of the sentence before
        "A follow-up survey 3 days later polled their opinions again.",
        # which two cases?
        "In both cases PM1 was acidic.",
        # in parallel with what?
        "In parallel, the significance of studying dance is prominent.",
        # the study's design, told as a comparison
        "The impact of process-oriented and grade-oriented feedback on changes in interest "
        "was compared \u2013 with a particular focus on the mediating role of usefulness.",
        # the gap in the literature the study starts from
        "A complete understanding of age-grading has been hampered by a lack of evidence.",
        # a set announced, not named
        "International law has been characterized by two interconnected and yet opposite trends.",
        # a bare measurement: a figure to recognise
        "The PM1 average mass concentration was 9\u201314 \u03bcg m\u22123.",
    ],
)
def test_no_true_statement_on_a_detail_a_design_or_a_dangling_reference(statement: str) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


@pytest.mark.parametrize(
    "statement",
    [
        # "their" has the text's own plural to stand for
        "Patients who exercised kept their gains for a year.",
        "In both cities the major component was oxygenated aerosol.",
        "Exercise therapy was superior to placebo for pain and function.",
    ],
)
def test_a_statement_that_names_what_it_speaks_of_is_still_offered(statement: str) -> None:
    assert _offered("true_false", f"True or false? {statement}", True, statement, "Next one.")


def test_what_the_field_knew_before_the_text_is_not_asked_from_its_opening() -> None:
    opening = "Two B-type cyclins, B1 and B2, have been identified in mammals."
    finding = "Cyclin B1 proved to be an essential gene in mice."
    for sentence, offered in ((opening, False), (finding, True)):
        assert (
            _offered("true_false", f"True or false? {sentence}", True, sentence, "Next one.")
            is offered
        )
    # later in the text, "has been documented" is the text's own finding
    later = "Dependency of the strength on the raster orientation has been documented."
    q = _candidate("true_false", 1, True, f"True or false? {later}").question
    from course.generator.selection import offerable

    assert offerable(q, [finding, later])


def test_from_the_overview_was_concluded_that_x_asks_x() -> None:
    assert (
        claim_of("From the overview was concluded that dance researchers utilize the base.")
        == "dance researchers utilize the base."
    )


def test_no_gap_that_the_word_in_its_parallel_slot_fills() -> None:
    sentence = (
        "Although 3D printing was introduced for production of prototypes, it has been "
        "currently used for fabrication of end-use products."
    )
    prompt = "Fill in the blank: " + sentence.replace("fabrication of", "_____ of")
    assert not _offered("cloze", prompt, ["fabrication"], sentence, "Fabrication is common.")


def test_no_gap_on_a_term_whose_sibling_with_another_head_the_glossary_holds() -> None:
    from course.generator.selection import _sibling_term

    assert _sibling_term("U-shaped curve", frozenset({"u-shaped curve", "u-shaped pattern"}))
    assert not _sibling_term("U-shaped curve", frozenset({"u-shaped curve", "age-grading"}))
    assert not _sibling_term("curve", frozenset({"curve", "pattern"}))


@pytest.mark.parametrize(
    "statement",
    [
        # which declines? the sentence before said
        "The declines are larger among girls and very small among political conservatives.",
        # the study's step and its setting; its tests in the present tense
        "The electrical properties of evaporated lead films have been studied in the "
        "superconducting state.",
        "Six tests are performed on continuous beams that are partially restrained.",
        # the article's own making
        "A basic design approach is presented that incorporates a limiting slenderness.",
        # what a role is meant to do
        "Secondary school language teachers are expected to present reading lessons "
        "through explicit strategy instruction.",
        # what the text covers
        "There is discussion of the use of broad overarching concepts of agricultural change.",
    ],
)
def test_no_true_statement_on_the_texts_own_steps_or_a_role_or_a_bare_referent(
    statement: str,
) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_what_goes_on_about_a_supposition_is_not_keyed_true() -> None:
    from course.generator.selection import offerable

    supposed = "The benefit for emotional items could be the result of an associative mechanism."
    stated = "Emotional items were more likely to be recalled than neutral items."
    going_on = "Through this process, emotional features are integrated with context at study."
    statement = "True or false? Emotional features are integrated with context at study."
    q = _candidate("true_false", 1, True, statement).question
    assert not offerable(q, [supposed, going_on])
    assert offerable(q, [stated, going_on])


@pytest.mark.parametrize(
    "statement",
    [
        # others' critique
        "Scholars have criticized many legal doctrines on the grounds that they are incoherent.",
        # what is commended in general
        "Development of self-control is widely encouraged in schools and workplaces.",
        # the study's material
        "Daily time series were used to verify the temporal variability of nitrogen.",
        # referents the sentence before gave
        "Much of that process of self-representation was incidental.",
        "Other doctrines do many different things.",
        "Some do one thing and are meant to do it very well.",
        "Reduction in efficacy beliefs mediates the effect.",
        "After accounting for other variables, the correlation remained significant.",
        # an analogy's set, not named
        "Every kitchen has two kinds of tools.",
        # a recommendation
        "Increasing access to sanitation and promoting hand washing would improve disease control.",
    ],
)
def test_no_true_statement_on_received_views_references_or_recommendations(
    statement: str,
) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_a_statement_on_a_named_effect_or_correlation_is_still_offered() -> None:
    for statement in (
        "Reduction in efficacy beliefs mediates the effect of desire on performance.",
        "The correlation between density and revenue remained significant after adjustment.",
    ):
        assert _offered("true_false", f"True or false? {statement}", True, statement, "Next.")


@pytest.mark.parametrize(
    "statement",
    [
        # second of what?
        "A second literature focuses on firm-specific wage premiums.",
        # the state of the literature
        "Third party military interventions have been studied extensively as they relate to "
        "conflict duration.",
        # the field's pressure, its citations spaced before the semicolon
        "Throughout the social sciences, there has been growing pressure to present effect "
        "sizes (see American Psychological Association, 2001 ; Parsons & Nelson, 2004 ).",
        # the material the study was done on
        "Root system architecture and root hydraulic conductivity (Lpr) were analyzed in "
        "hydroponically grown plants subjected to varying degrees of WD induced by various "
        "polyethylene glycol (PEG) concentrations.",
    ],
)
def test_no_true_statement_on_the_literature_or_the_studys_material(statement: str) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_a_pronoun_these_before_its_verb_is_not_made_definite() -> None:
    earlier = [
        "E-cigarettes use was categorized as for cessation purposes or for another reason.",
        "Multivariate regression was used to adjust for demographics and dependence level.",
    ]
    sentence = (
        "In 2010, an estimated 12 % of adult U.S. smokers had ever used e-cigarettes, and 41 % "
        "of these reported use to help quit smoking."
    )
    # "of the reported use" would be a different, ungrammatical statement
    assert statement_of(sentence, earlier) == ""


@pytest.mark.parametrize(
    "statement",
    [
        # a method's praise
        "Gene targeting in mouse embryonic stem cells is a powerful technique to determine "
        "the function of any gene product.",
        # others' theory
        "A redundancy theory has been advanced by many investigators to explain the results.",
        # what the article tells of
        "Two rituals are described, a godparent ceremony for a girl and a sweat lodge ceremony.",
        # referents of the sentence before
        "As for the participants themselves, their pain is as diffuse as their lives.",
        "Although the technique is very demanding, several knockout mice show no phenotype.",
    ],
)
def test_no_true_statement_on_a_rationale_a_methods_praise_or_what_the_text_tells_of(
    statement: str,
) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


@pytest.mark.parametrize(
    "statement",
    [
        # what the work adds to its field
        "The regression analyses advance the growing work on landlord characteristics and "
        "break new ground in identifying pathways out of housing.",
        # the methods, a long way from their verb
        "The coatings were characterized for its morphology, microstructure and thermal "
        "stability by using X-ray diffraction and scanning electron microscopy.",
        # which two levels?
        "Fourteen percent of both levels reported getting less than five hours of sleep.",
        # the literature's blind spot
        "Statistical studies of agronomic parameters such as crop yield have so far "
        "exclusively focused on estimating parameters describing the whole of the data.",
    ],
)
def test_no_true_statement_on_the_works_contribution_its_methods_or_the_fields_gap(
    statement: str,
) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_the_share_an_abstract_opens_with_is_no_finding() -> None:
    opening = "Wheat farming provides 28.5% of global cereal production."
    finding = "The highest yields came from farms with the longest crop rotations."
    q = _candidate("true_false", 0, True, f"True or false? {opening}").question
    from course.generator.selection import offerable

    assert not offerable(q, [opening, finding])
    later = _candidate("true_false", 1, True, f"True or false? {finding}").question
    assert offerable(later, [opening, finding])


def test_an_aside_on_the_articles_argument_is_dropped_from_the_claim() -> None:
    assert (
        claim_of("The discrete processes, as argued here, take place in the semantic component.")
        == "The discrete processes take place in the semantic component."
    )


@pytest.mark.parametrize(
    ("statement", "answer"),
    [
        # the literature by its author and year
        ("Bakun (1990) hypothesized that the gradients will affect pressure cells.", True),
        # what the study collected
        ("During two academic years, information was collected on the views of students.", True),
        # a value moved among several: the memory of numbers
        (
            "The as-cast microstructure is composed of grains with the size of 52.8 \u00b1 2.1 "
            "\u03bcm surrounded by eutectic precipitations enriched in rare-earth elements.",
            False,
        ),
    ],
)
def test_no_statement_on_the_literature_the_data_collected_or_a_moved_figure(
    statement: str, answer: bool
) -> None:
    assert not _offered("true_false", f"True or false? {statement}", answer, statement)


@pytest.mark.parametrize(
    "statement",
    [
        # a claim held on a named view, or put forward to be weighed
        "On the Willful Ignorance View, white ignorance refers to willful ignorance.",
        "One explanation is that participants infer that they were deceived.",
        # which term?
        "The then novel usage of the term rested on certain preconceptions.",
        # why the subject matters; what is known already
        "The dune site has played a key role in understanding early Hawaiian history.",
        "English /r/ is known to exhibit covert variability in tongue posture.",
        # what the article discusses
        "The corrosion resistance of the coating has been discussed in relation to square pulses.",
    ],
)
def test_no_true_statement_on_a_named_view_a_possibility_or_the_subjects_importance(
    statement: str,
) -> None:
    assert not _offered("true_false", f"True or false? {statement}", True, statement)


def test_no_gap_on_the_label_word_of_a_name() -> None:
    sentence = "Dating of candlenut endocarp indicates initial use of Mound A by AD 1366."
    prompt = "Fill in the blank: " + sentence.replace("Mound A", "_____ A")
    assert not _offered("cloze", prompt, ["Mound"], sentence, "Mound A and Mound B were dug.")
