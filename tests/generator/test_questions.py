"""Questions, prompts, objectives and the regeneration API on the reference abstract."""

from __future__ import annotations

import json

import pytest

from course.generator import (
    Draft,
    DraftQuestion,
    InputError,
    build_draft,
    concept_from_term,
    generate_prompts,
    generate_questions,
)
from course.generator.prompts import template_of

from .quiz_rules import TYPES, assert_prompt_rules, assert_question_rules


def test_it_yields_at_least_eight_questions_in_five_types_on_the_seed(seed_draft: Draft) -> None:
    assert {q.type for q in seed_draft.questions} <= TYPES
    assert len({q.type for q in seed_draft.questions}) >= 5
    assert 8 <= len(seed_draft.questions) <= 20


def test_it_obeys_every_question_rule_on_the_seed(seed_draft: Draft) -> None:
    assert_question_rules(seed_draft)


def test_it_tests_every_core_concept(seed_draft: Draft) -> None:
    tested = {t for q in seed_draft.questions for t in q.concepts}
    assert all(c.term in tested for c in seed_draft.concepts if c.core)


def test_it_makes_true_false_items_both_ways(seed_draft: Draft) -> None:
    answers = {q.answer for q in seed_draft.questions if q.type == "true_false"}
    assert answers == {True, False}


def test_it_writes_three_to_five_analytical_prompts_of_every_family(seed_draft: Draft) -> None:
    assert_prompt_rules(seed_draft)
    assert 3 <= len(seed_draft.prompts) <= 5
    families = {template_of(p.text).family for p in seed_draft.prompts}  # type: ignore[union-attr]
    assert families == {"compare", "evaluate", "evidence"}


def test_it_gives_each_lesson_concepts_and_a_distinct_objective(seed_draft: Draft) -> None:
    objectives = [lesson.objective for lesson in seed_draft.lessons]
    assert len(set(objectives)) == len(objectives)
    assert seed_draft.lessons  # the loop below must check something
    for lesson in seed_draft.lessons:
        assert lesson.concepts
        assert 0 < len(lesson.objective) <= 160 and lesson.objective.endswith(".")
        assert lesson.objective[0].isupper()


def test_it_cuts_term_specific_definitions_from_the_text(seed_draft: Draft) -> None:
    assert seed_draft.concepts  # the loop below must check something
    for concept in seed_draft.concepts:
        span = concept.definition.split(": ", 1)[-1]
        assert any(span in s for s in seed_draft.sentences), concept
    definitions = [c.definition for c in seed_draft.concepts]
    # One long sentence no longer defines every term it mentions.
    assert len(set(definitions)) >= len(definitions) - 3


def test_it_serialises_questions_and_prompts_in_the_documented_shape(seed_draft: Draft) -> None:
    data = json.loads(json.dumps(seed_draft.to_json()))
    assert set(data) == {"title", "source", "lessons", "concepts", "questions", "prompts"}
    assert data["questions"]  # the loop below must check something
    for q in data["questions"]:
        assert set(q) == {
            "type",
            "prompt",
            "options",
            "answer",
            "concepts",
            "sentences",
            "explanation",
            "confidence",
        }
        assert 0 <= q["confidence"] <= 1
        assert isinstance(q["options"], list) and isinstance(q["sentences"], list)
        if q["type"] == "matching":
            assert all(isinstance(p, list) and len(p) == 2 for p in q["answer"])
        if q["type"] == "true_false":
            assert isinstance(q["answer"], bool)
        if q["type"] == "single_choice":
            assert isinstance(q["answer"], str)
    assert data["prompts"]  # the loop below must check something
    for p in data["prompts"]:
        assert set(p) == {"text", "concepts", "sentences"}


def test_it_assigns_questions_to_lessons(seed_draft: Draft) -> None:
    assert seed_draft.questions  # the loop below must check something
    for q in seed_draft.questions:
        assert q.lesson is not None
        assert min(q.sentences) in seed_draft.lessons[q.lesson].sentences


def test_it_is_deterministic_including_questions(seed_text: str) -> None:
    assert build_draft(seed_text).to_json() == build_draft(seed_text).to_json()


def test_it_regenerates_questions_for_a_focus_term(seed_draft: Draft) -> None:
    term = seed_draft.concepts[0].term
    pool = generate_questions(seed_draft.sentences, seed_draft.concepts, focus=[term.upper()])
    assert pool
    assert all(term in q.concepts for q in pool)
    kept = generate_questions(seed_draft.sentences, seed_draft.concepts, types=["cloze"])
    assert kept and all(q.type == "cloze" for q in kept)


def test_it_excludes_the_question_being_replaced(seed_draft: Draft) -> None:
    first = seed_draft.questions[0]
    pool = generate_questions(
        seed_draft.sentences, seed_draft.concepts, types=[first.type], exclude=[first]
    )
    assert all((q.type, q.prompt) != (first.type, first.prompt) for q in pool)
    assert isinstance(first, DraftQuestion)


def test_it_makes_a_concept_for_a_term_the_teacher_adds(seed_draft: Draft) -> None:
    concept = concept_from_term(seed_draft.sentences, "workers' enthusiasm")
    assert concept.sentences == [9]
    assert concept.core and concept.rank == 99
    assert concept.definition and concept.definition in seed_draft.sentences[9]
    typed = concept_from_term(seed_draft.sentences, "power struggle", definition="A fight.")
    assert typed.definition == "A fight."
    pool = generate_questions(
        seed_draft.sentences, [*seed_draft.concepts, concept], focus=["workers' enthusiasm"]
    )
    assert pool and all("workers' enthusiasm" in q.concepts for q in pool)


def test_it_refuses_a_term_absent_from_the_text(seed_draft: Draft) -> None:
    with pytest.raises(InputError, match="does not occur in the text"):
        concept_from_term(seed_draft.sentences, "collective farms")
    with pytest.raises(InputError):
        concept_from_term(seed_draft.sentences, "unio")  # word-bounded, not inside "unions"


def test_it_regenerates_prompts_excluding_one(seed_draft: Draft) -> None:
    prompts = generate_prompts(seed_draft.sentences, seed_draft.concepts)
    assert len(prompts) >= len(seed_draft.prompts)
    first = prompts[0].text
    again = generate_prompts(seed_draft.sentences, seed_draft.concepts, exclude=[first])
    assert first not in {p.text for p in again}


def test_it_drafts_more_questions_from_below_the_drafts_bar(seed_draft: Draft) -> None:
    from course.generator import MIN_CONFIDENCE, more_questions
    from course.generator.selection import candidate_pool

    more = more_questions(
        seed_draft.sentences, seed_draft.concepts, exclude=seed_draft.questions, count=5
    )
    assert 1 <= len(more) <= 5
    drafted = {(q.type, q.prompt) for q in seed_draft.questions}
    assert not drafted & {(q.type, q.prompt) for q in more}
    # Items the offering rules hold back come marked below the draft's floor.
    offered = {
        (c.question.type, c.question.prompt)
        for c in candidate_pool(seed_draft.sentences, seed_draft.concepts)
    }
    held_back = [q for q in more if (q.type, q.prompt) not in offered]
    assert all(q.confidence < MIN_CONFIDENCE for q in held_back)


def test_it_states_the_first_claim_of_a_sentence_that_turns_after_a_semicolon() -> None:
    from course.generator.questions import statement_of

    assert (
        statement_of(
            "Experienced learners are more successful at discrimination than at redeployment; "
            "however, neither contrast was easier to perceive in the identification task."
        )
        == "Experienced learners are more successful at discrimination than at redeployment."
    )
    # the clause after the turn is never part of the statement
    assert "however" not in statement_of(
        "Wages rose in the mills; however, prices rose faster in the towns."
    )


def test_it_states_a_sentence_whose_those_says_who_it_means() -> None:
    from course.generator.questions import statement_of
    from course.generator.selection import _LEANS_BACK_RE

    sentence = "Those assigned to the WE and APS conditions improved relative to WLC."
    assert statement_of(sentence, ["Students were randomized to four conditions."]) == sentence
    # "WE" is a condition's abbreviation, not the authors
    assert not _LEANS_BACK_RE.search(sentence)
    # "those" alone still points back
    assert statement_of("Those were banned in 1931.", ["Devices spread."]) == ""
    assert _LEANS_BACK_RE.search("We tested the devices in 1931.")


def test_it_makes_no_true_false_statement_of_a_question() -> None:
    from course.generator.questions import statement_of

    assert statement_of("Can training make poor entrepreneurs better at business?") == ""
    assert statement_of("Training made entrepreneurs better at business.") != ""


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("HLS-M-Q18", True),  # a code
        ("U.S", True),  # an abbreviation with points
        ("HCPs'", True),  # a possessive
        ("Migrants' sense", True),  # a possessor and a head cut from a longer phrase
        ("reduce the 47-item scale", True),  # a verb phrase
        ("correlated positively with life satisfaction", True),  # a predicate
        ("obstacle", True),  # one common word: synonyms fill its gap as well
        ("mixed methods approach", False),
        ("cadastre", False),
        ("shock work movement", False),
    ],
)
def test_it_blanks_no_label_or_predicate_as_if_it_were_a_concept(key: str, label: bool) -> None:
    from course.generator.selection import _not_a_concept

    assert _not_a_concept(key) is label


def test_it_asks_what_an_enumeration_names_by_restating_its_lead() -> None:
    from course.generator.candidates import tokenize_sentences
    from course.generator.questions import multiple_response_items

    sentences = [
        "Peer review appears in many settings outside journals, including the panels of the "
        "funders and the committees of the universities.",
        "The quality of the evidence and the speed of the process are debated.",
        "In each cluster, we examined the costs of the reviews, such as the time of the "
        "referees and the fees of the journals.",
    ]
    made = list(multiple_response_items(sentences, [], tokenize_sentences(sentences)))
    prompts = [c.question.prompt for c in made]
    assert prompts, "the enumeration after 'including' makes an item"
    assert prompts[0] == (
        "Select all that apply: the text says that peer review appears in many settings outside "
        "journals. Which of the following does it name as examples?"
    )
    assert made[0].question.answer == [
        "the panels of the funders",
        "the committees of the universities",
    ]
    # the article's own steps ("we examined …") make no item
    assert all(c.question.sentences != [2] for c in made)


def test_it_asks_what_the_authors_found_with_another_lists_items_as_distractors() -> None:
    from course.generator.candidates import tokenize_sentences
    from course.generator.questions import multiple_response_items
    from course.generator.selection import offerable

    sentences = [
        "Earlier studies have described the hazards of night shifts: the loss of sleep, the lack "
        "of legal protection, and the isolation of the workers.",
        "We interviewed 40 nurses in two hospitals.",
        "Based on this analysis, we find three conditions that make night work bearable: "
        "the length of the shifts, the support of the ward team, and the quality of the rest "
        "rooms.",
    ]
    made = [
        c.question
        for c in multiple_response_items(sentences, [], tokenize_sentences(sentences))
        if c.question.sentences == [2]
    ]
    assert made, "what the authors found after a colon makes an item"
    item = made[0]
    assert item.prompt == (
        "Select all that apply: the text says that the authors find three conditions that make "
        "night work bearable. Which of the following does it name there?"
    )
    assert item.answer == [
        "the length of the shifts",
        "the support of the ward team",
        "the quality of the rest rooms",
    ]
    # the wrong options are what the text lists for something else, one list item each
    wrong = set(item.options) - set(item.answer)
    listed = {"the loss of sleep", "the lack of legal protection", "the isolation of the workers"}
    assert wrong and wrong <= listed
    assert offerable(item, sentences)


def test_it_asks_nothing_of_a_list_whose_lead_is_a_phrase_not_a_clause() -> None:
    from course.generator.candidates import tokenize_sentences
    from course.generator.questions import multiple_response_items

    sentences = [
        "Using digital resources such as the clergy database and the parish registers, the "
        "article revises the figures of the older estimate.",
        "The quality of the evidence and the speed of the process are debated.",
    ]
    made = list(multiple_response_items(sentences, [], tokenize_sentences(sentences)))
    assert not [c for c in made if "using digital resources" in c.question.prompt.lower()]


@pytest.mark.parametrize(
    ("sentence", "is_framing"),
    [
        ("Various existing approaches to the training of networks are considered.", True),
        ("The main indicators of the model have been identified.", True),
        ("Thirteen types of secondary research are discussed, supported by examples.", True),
        ("This study explored how unions changed.", True),
        ("The present comparative study investigates the use of markers.", True),
        # the authors' step after an opener on its means; the means in the passive
        ("Using a word-list task, the authors explored whether lures are immune.", True),
        ("Dynamic properties of the concrete were studied using a pressure bar.", True),
        # the article's step inside a sentence
        ("To obtain constant loading in bar tests, this paper first presents a method.", True),
        ("The social work profession grew quickly after the war.", False),
        ("Crime was reduced using street cameras.", False),
        # the article's step in the passive with an adverb
        ("Each type of primary source is critically reassessed.", True),
        ("Each source is reassessed and contextualized in light of current research.", True),
        ("By analyzing past works, this review provides guidelines for design.", True),
        ("Throughout, the authors speak both to specialists and to others.", True),
        ("In this study, stable isotopes were employed to examine the recharge.", True),
        # the argument told as the article's steps, with how far it goes
        ("Two approaches to the measurement of stress are discussed in more detail.", True),
        ("The consequences for the theory of the firm are elaborated.", True),
        ("The primacy of the local archive is reasserted.", True),
        # "it" for the article, and its own parts
        ("It discusses the geography of gentrification.", True),
        ("No restriction is imposed to answer the key question in the title.", True),
        ("It rained for forty days in the valley.", False),
        # any step the paper itself takes, after an opener on its means
        ("Employing data mining on the RKD records, this paper visualizes the trend.", True),
        ("A systematic study of fly ash in concrete is presented, where mixes were tested.", True),
        ("The ties between the two reforms are examined at length.", True),
        ("The dam was detailed in the press as a triumph of planning and labour.", False),
        # a claim in the passive, and a verb with more after it, are the text's content
        ("Inflation is considered the main threat to growth.", False),
        ("The union was reorganized to serve production.", False),
        ("Panel line is an important process in shipbuilding.", False),
    ],
)
def test_it_tells_the_articles_own_steps_from_its_claims(sentence: str, is_framing: bool) -> None:
    from course.generator.contexts import framing

    assert framing(sentence) is is_framing


@pytest.mark.parametrize(
    ("surface", "also"),
    [
        ("all-cause mortality", "mortality"),  # the head after a hyphenated modifier
        ("endogenous sorting", "sorting"),  # after an adjective
        ("learners and native speakers", "native speakers and learners"),  # either order
    ],
)
def test_it_accepts_the_answers_a_reader_of_the_text_would_give(surface: str, also: str) -> None:
    from course.generator.questions import Term, _accepted

    term = Term(surface, [surface], "term", [0], True, 0, "")
    assert also in _accepted(surface, term)


def test_it_keeps_no_two_items_on_one_sentence_where_one_prints_the_others_answer() -> None:
    from course.generator.model import DraftQuestion
    from course.generator.selection import _leaks

    def item(kind: str, prompt: str, answer: object, sentences: list[int]) -> DraftQuestion:
        return DraftQuestion(
            type=kind, prompt=prompt, options=[], answer=answer, concepts=[], sentences=sentences,
            explanation="",
        )  # fmt: skip

    asked = item("short_answer", "Which group fought the Right opposition?", ["Stalin group"], [3])
    gap = item("short_answer", "… the power struggle with the _____", ["Right opposition"], [3])
    elsewhere = item(
        "short_answer", "… the power struggle with the _____", ["Right opposition"], [5]
    )
    assert _leaks(asked, gap) and _leaks(gap, asked)
    assert not _leaks(asked, elsewhere)  # another sentence: the term may well recur


@pytest.mark.parametrize(
    ("key", "unmistakable"),
    [
        ("NEP", True),  # an acronym
        ("Stalin group", True),  # a name the text capitalises inside its sentences
        ("industrialization", True),  # every word rare
        ("mean comprehension", False),  # other words fill the gap as well
        ("Farm visit", False),  # capitalised only where it opens the sentence
        ("black bridge", True),  # a term the text coins in quotes
        ("congruence", False),  # rare, but the text uses it once: "similarity" fits as well
    ],
)
def test_it_blanks_only_a_key_no_other_answer_would_fill(key: str, unmistakable: bool) -> None:
    from course.generator.selection import _unmistakable

    sentences = [
        "The Stalin group believed that the unions of NEP were no longer suitable.",
        "Farm visit is the most prominent extension method.",
        "The mean comprehension rose; industrialization followed.",
        "The construction of the new \u201cblack bridge\u201d was made possible by policy.",
        "Industrialization reshaped the unions.",
        "The congruence between one's traits and the neighbourhood's had no impact.",
    ]
    assert _unmistakable(key, sentences) is unmistakable


@pytest.mark.parametrize(
    ("key", "title", "given_away"),
    [
        ("homelessness", "The health of homeless people in high-income countries", True),
        ("communities", "Thermal limits of reef fish communities", True),
        ("party", "The parties of the Weimar Republic", True),
        ("bleaching", "Thermal limits of reef fish communities", False),
        # all but an everyday head: the title calls it up
        ("Chinese Communist Party", "The New Chinese Communist", True),
        ("Weimar coalition governments", "The parties of the Weimar Republic", False),
        ("reef fish larvae", "Thermal limits of reef fish communities", False),
    ],
)
def test_it_asks_no_gap_the_title_fills_in_any_form(key: str, title: str, given_away: bool) -> None:
    from course.generator.selection import _in_title

    assert _in_title(key, title) is given_away


@pytest.mark.parametrize(
    ("sentence", "leans_back"),
    [
        ("The methods used are largely those of the social sciences.", False),
        ("Flats were taken from those who left the unions.", False),
        ("Assistants were less effective than those implemented by teachers.", False),
        ("These devices were banned in 1931.", True),
        ("Such access was rare.", True),
        # a bare generic subject: which variables, which models?
        ("The variables enable planners to evaluate the students' perception.", True),
        ("The models can be used to estimate mortality rates.", True),
        ("The variables of the survey were tested for reliability.", False),
        ("The models developed in Japan predict mortality well.", False),
        ("Dimensions were neuroticism, extroversion and control.", True),
        ("Similar arguments have been made for Buddhist shrines.", True),
        ("Dimensions of the treaty were debated in 1921.", False),
    ],
)
def test_it_tells_a_pronoun_with_its_own_complement_from_one_that_points_back(
    sentence: str, leans_back: bool
) -> None:
    from course.generator.selection import _LEANS_BACK_RE

    assert bool(_LEANS_BACK_RE.search(sentence)) is leans_back


def test_it_asks_no_gap_on_one_example_of_a_kind() -> None:
    from course.generator.selection import _in_a_list

    assert _in_a_list("Archives of the political police, such as the _____, hold much.")
    assert _in_a_list("Trade partners including _____ raised tariffs.")
    assert not _in_a_list("The archives of the _____ were opened in 1992.")


def test_it_offers_no_true_statement_of_what_a_thing_can_be_used_for() -> None:
    from course.generator.model import DraftQuestion
    from course.generator.selection import offerable

    sentences = ["Mortality models for acute admissions can be used to compare hospitals."]

    def tf(statement: str, answer: bool) -> DraftQuestion:
        return DraftQuestion(type="true_false", prompt=f"True or false? {statement}",
                             options=["True", "False"], answer=answer, concepts=[],
                             sentences=[0], explanation="")  # fmt: skip

    assert not offerable(tf(sentences[0], True), sentences)
    finding = ["Mortality models for acute admissions predicted deaths better with age."]
    assert offerable(tf(finding[0], True), finding)


def test_it_asks_no_gap_on_the_measure_a_figure_belongs_to() -> None:
    from course.generator.selection import _VALUE_AFTER_GAP_RE

    assert _VALUE_AFTER_GAP_RE.search("First, the _____ was 31.51%.")
    assert _VALUE_AFTER_GAP_RE.search("The _____ was higher in the north in 1990.") is None


def test_it_asks_no_gap_on_the_method_that_reports_a_claim() -> None:
    from course.generator.selection import _only_in_report

    sentence = "CONCOR analysis showed that the top words formed seven clusters."
    assert _only_in_report(sentence, ["CONCOR"])
    assert not _only_in_report(sentence, ["clusters"])
    assert not _only_in_report("CONCOR grouped the words into clusters.", ["CONCOR"])


def test_it_treats_the_answer_to_an_earlier_question_as_leaning_back() -> None:
    from course.generator.selection import _LEANS_BACK_RE

    assert _LEANS_BACK_RE.search("The obvious answer is that class went out of fashion.")


def test_a_statement_keeps_a_closing_quotation_and_drops_test_statistics() -> None:
    from course.generator.questions import statement_of

    quoted = 'The term "motivated" is used interchangeably with "willful."'
    assert statement_of(quoted) == quoted
    assert statement_of("Job satisfaction (β = -0.17, p < .001) was linked to leaving.") == (
        "Job satisfaction was linked to leaving."
    )


def test_a_gap_never_asks_for_a_cited_author_and_hides_the_articles_cue() -> None:
    from course.generator.questions import Term, _gap_stem

    author = Term("Rik Peels", ["Rik Peels"], "proper", [0], True, 0, "")
    assert (
        _gap_stem("Most cases of ignorance are deep, following Rik Peels (2010).", author) is None
    )
    sentence = Term("English sentence", ["English sentence"], "term", [0], True, 0, "")
    gap = _gap_stem(
        "Each target word was shown with its translation and an English sentence.", sentence
    )
    assert gap is not None and "a(n) _____" in gap[0]


def test_a_true_statement_is_never_only_a_measures_value() -> None:
    from course.generator.selection import _JUST_A_VALUE_RE

    assert _JUST_A_VALUE_RE.search("True or false? The network centralization was 31.51%.")
    assert not _JUST_A_VALUE_RE.search("True or false? Centralization rose after 2010.")


def test_a_gap_never_stands_before_the_abbreviation_that_spells_it() -> None:
    from course.generator.questions import Term, _gap_stem

    anova = Term("Analysis of Variance", ["Analysis of Variance"], "term", [0], True, 0, "")
    assert _gap_stem("A one-way Analysis of Variance (ANOVA) test was conducted.", anova) is None


def test_a_definite_change_with_no_referent_leans_back() -> None:
    from course.generator.selection import _LEANS_BACK_RE

    assert _LEANS_BACK_RE.search("The decreased risk was most evident for deaths from cancer.")


def test_it_asks_no_chronological_order_that_each_event_shows_by_its_year() -> None:
    from course.generator.questions import ordering_items

    sentences = [
        "The dock strike of 1889 won the sixpence an hour for London dockers.",
        "The Trades Disputes Act of 1906 protected unions from damages.",
        "The General Strike of 1926 collapsed after nine days.",
        "Union membership fell sharply in the following decade.",
    ]
    prompts = [c.question.prompt for c in ordering_items(sentences, [])]
    assert "Put these events in chronological order." not in prompts


def test_it_moves_a_decade_for_a_false_statement_but_never_an_end_of_a_range() -> None:
    from course.generator.questions import true_false_items

    sentences = [
        "After a brief hiatus during the civil war, the poor law was quickly revived in the 1650s.",
        "Relief spending grew between the 1660s and the 1680s in every township.",
    ]
    false = [c.question for c in true_false_items(sentences, []) if c.question.answer is False]
    moved = [q.prompt for q in false if q.sentences == [0]]
    assert (
        "True or false? After a brief hiatus during the civil war, the poor law was quickly "
        "revived in the 1660s." in moved
    )
    assert not [q for q in false if q.sentences == [1] and "0s" in q.explanation]


def _statement(statement: str, answer: bool) -> DraftQuestion:
    return DraftQuestion(type="true_false", prompt=f"True or false? {statement}",
                         options=["True", "False"], answer=answer, concepts=[],
                         sentences=[0], explanation="")  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        # a gain by the text's own means, its own product's use: true unread
        "The stability of the system was improved through dual PC redundancy.",
        "The thermal history data products developed enable studies of bleaching resistance.",
    ],
)
def test_it_offers_no_true_statement_that_the_texts_own_means_worked(sentence: str) -> None:
    from course.generator.selection import offerable

    assert not offerable(_statement(sentence, True), [sentence])


def test_a_finding_with_a_means_or_a_product_is_still_offered() -> None:
    from course.generator.selection import offerable

    finding = "Rents rose through the decade in the northern towns."
    assert offerable(_statement(finding, True), [finding])


def test_a_named_effect_in_the_glossary_does_not_lean_on_the_sentence_before() -> None:
    from course.generator.selection import offerable

    sentence = "The reranking effect is distinct from the traditional concept of horizontal equity."
    item = _statement(sentence, True)
    assert offerable(item, [sentence], terms=frozenset({"reranking effect"}))
    assert not offerable(item, [sentence])  # without the glossary: which effect?


def test_we_find_x_to_be_y_is_asked_as_x_is_y() -> None:
    from course.generator.questions import statement_of, true_false_items, valid

    sentence = "We found the effects of tariffs on grain prices to be small."
    assert statement_of(sentence, []) == "The effects of tariffs on grain prices were small."
    item = next(c.question for c in true_false_items([sentence], []) if c.question.answer)
    assert valid(item, [sentence])  # the claim as the text words it, not a statement it lacks


def test_a_claim_too_long_to_judge_whole_is_asked_before_its_colon() -> None:
    from course.generator.questions import statement_of

    details = ", ".join(f"in the {n} district" for n in "abcdefghijklmnop")
    claim = "The public's support for the reform is strikingly limited"
    long = f"{claim}: few voters backed it {details}."
    assert statement_of(long, []) == f"{claim}."
    # a clause that announces the list after its colon says nothing without it
    listed = f"Outreach is vital on three critical fronts: {details}."
    assert statement_of(listed, []) == ""


def test_a_units_power_is_no_second_figure_of_a_finding() -> None:
    from course.generator.selection import _details

    assert not _details("The transport of boulders occurs for approximately 10 h yr\u22121.")
    assert _details("We recruited 412 children aged 8 to 11.")


def test_the_texts_own_first_experiment_is_no_reference_to_the_sentence_before() -> None:
    from course.generator.selection import offerable

    finding = "In the first experiment, an opt-out default significantly increases donations."
    assert offerable(_statement(finding, True), [finding])
    pointing = "In the first, an opt-out default significantly increases donations."
    assert not offerable(_statement(pointing, True), [pointing])


def test_a_method_made_for_the_article_is_no_true_statement_to_ask() -> None:
    from course.generator.selection import offerable

    made = (
        "An integrated methodology involving modeling of the blade, wind forecasting, and "
        "fatigue analysis is developed for turbine blades."
    )
    assert not offerable(_statement(made, True), [made])


def test_the_technique_named_in_the_sentence_before_leans_back() -> None:
    from course.generator.selection import offerable

    leaning = "The technique is applied to data from the British English dialect corpus."
    assert not offerable(_statement(leaning, True), [leaning])
    named = "The technique of carbon dating is applied to bones from the cemetery."
    assert offerable(_statement(named, True), [named])


def test_a_synthesis_the_article_reports_is_its_own_work_not_a_claim() -> None:
    from course.generator.selection import offerable

    made = (
        "A concise synthesis of the catalyst was reported using commercially available materials."
    )
    assert not offerable(_statement(made, True), [made])


def test_no_year_is_moved_inside_an_aside() -> None:
    from course.generator.questions import true_false_items

    sentences = [
        "The company (the VOC, founded in 1602) became a commercial giant in the Indian Ocean.",
        "The West India Company was founded in 1621.",
    ]
    moved = [c.question.prompt for c in true_false_items(sentences, []) if not c.question.answer]
    assert not any("founded in 1621)" in p for p in moved)
    assert any("founded in 1602." in p for p in moved)  # a date the sentence is about


def test_no_multiple_response_whose_phrases_stand_out_among_one_word_keys() -> None:
    from course.generator.questions import valid

    sentence = "The company drew strength from its monopolies on cinnamon, nutmeg and cloves."
    item = DraftQuestion(
        type="multiple_response",
        prompt="Select all that apply: which monopolies does the text name?",
        options=["northern Brazil", "nutmeg", "cinnamon", "cloves", "regular exchange"],
        answer=["cinnamon", "nutmeg", "cloves"],
        explanation="",
        concepts=[],
        sentences=[0],
    )
    assert not valid(item, [sentence])
    same_shape = DraftQuestion(
        **{**item.__dict__, "options": ["pepper", "nutmeg", "cinnamon", "cloves"]}
    )
    assert valid(same_shape, [sentence])


def test_a_recommendation_of_caution_is_no_fact_to_judge() -> None:
    from course.generator.selection import offerable

    advice = "Caution is necessary when interpreting transit observations of young stars."
    assert not offerable(_statement(advice, True), [advice])


@pytest.mark.parametrize(
    "sentence",
    [
        "The model performs reasonably well in the Andes.",  # which model?
        "The outcomes are, however, rather conservative for the basin.",  # however of what?
    ],
)
def test_a_statement_on_the_sentence_befores_model_or_turn_is_not_offered(sentence: str) -> None:
    from course.generator.selection import offerable

    assert not offerable(_statement(sentence, True), [sentence])


def test_two_statements_opening_alike_say_one_thing() -> None:
    from course.generator.selection import _restates

    a = _statement("Cancer was the leading cause of death, followed by heart disease.", True)
    b = _statement("Cancer was the leading cause of mortality among adults at risk.", True)
    other = _statement("Cancer screening was offered to all adults at risk of diabetes.", True)
    assert _restates(a, b)
    assert not _restates(a, other)


def test_the_proposed_formula_predicting_well_is_no_statement_to_judge() -> None:
    from course.generator.selection import offerable

    claim = "The proposed shear strength formula predicts the tests more accurately than others."
    assert not offerable(_statement(claim, True), [claim])


def test_a_report_of_two_claims_is_asked_on_the_first() -> None:
    from course.generator.questions import statement_of

    assert (
        statement_of(
            "We show that modularity is a predictor of party changes in the House and that "
            "turnover is more prevalent at medium levels of modularity.",
            [],
        )
        == "Modularity is a predictor of party changes in the House."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Further studies are recommended to investigate the effects of antibiotic timing.",
        "A 3D battery model is built assuming a cylindrical geometry.",
    ],
)
def test_a_recommendation_or_the_articles_model_is_no_statement_to_judge(sentence: str) -> None:
    from course.generator.selection import offerable

    assert not offerable(_statement(sentence, True), [sentence])


def test_a_kind_the_sentence_before_described_leaves_no_statement() -> None:
    from course.generator.questions import statement_of

    sentence = "In substantial controversies this sort of doxastic conduct can seem acquiescent."
    assert (
        statement_of(sentence, ["Some ceding of ground is appropriate in trivial disputes."]) == ""
    )


def test_what_the_article_offers_is_no_true_statement_to_judge() -> None:
    from course.generator.selection import offerable

    promise = "Recognition of imperial incoherence offers new, more nuanced, readings of violence."
    assert not offerable(_statement(promise, True), [promise])


def _gap(sentence: str, key: str) -> DraftQuestion:
    return DraftQuestion(
        type="cloze",
        prompt="Fill in the blank: " + sentence.replace(key, "_____", 1),
        options=[],
        answer=[key],
        explanation="",
        concepts=[],
        sentences=[0],
    )


@pytest.mark.parametrize(
    ("sentence", "key", "again"),
    [
        # the name of a score: a label, not a concept
        (
            "Hospital mortality rose with the Glasgow score after surgery in older patients.",
            "Glasgow",
            "The Glasgow score was recorded.",
        ),
        # the stem prints the key's counterpart: "pretax" gives "posttax" away
        (
            "Rankings of households differ posttax from what they were pretax in most towns.",
            "posttax",
            "Posttax incomes fell.",
        ),
        # the key runs on into its verb: no term
        (
            "Observations indicate that the Nusselt number escalates with the Reynolds number.",
            "Nusselt number escalates",
            "The Nusselt number escalates.",
        ),
    ],
)
def test_no_gap_on_a_label_a_giveaway_or_a_term_with_its_verb(
    sentence: str, key: str, again: str
) -> None:
    from course.generator.selection import offerable

    assert not offerable(_gap(sentence, key), [sentence, again])


def test_a_gap_whose_counterpart_the_stem_does_not_print_is_offered() -> None:
    from course.generator.selection import offerable

    sentence = "Rankings of households differ posttax from what they were before in most towns."
    assert offerable(_gap(sentence, "posttax"), [sentence, "Posttax incomes fell."])


@pytest.mark.parametrize(
    "sentence",
    [
        "The other two were both patients of the asylum in the 1890s.",  # the other two of whom?
        "A large dataset of radiocarbon dates for the sites is used here as an example.",
    ],
)
def test_the_other_two_and_the_articles_own_example_are_not_offered(sentence: str) -> None:
    from course.generator.selection import offerable

    assert not offerable(_statement(sentence, True), [sentence])


def test_no_multiple_response_on_a_such_as_list_that_runs_into_the_predicate() -> None:
    from course.generator.candidates import tokenize_sentences
    from course.generator.questions import multiple_response_items

    sentences = [
        "Statistical studies of agronomic parameters such as crop yield have so far focused "
        "on estimating parameters describing the whole of the data, rather than the highest "
        "yields specifically.",
        "The study used data from three sources: farm surveys, field trials, and national "
        "statistics.",
        "The combinations of agronomic traits that give the highest yields remain unknown.",
    ]
    made = list(multiple_response_items(sentences, [], tokenize_sentences(sentences)))
    assert not [c for c in made if c.question.sentences == [0]]
