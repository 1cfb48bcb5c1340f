"""Discussion prompts by sentence type: compare only a marked change or contrast,
evaluate only a claim, ask for evidence only for a causal or empirical claim; no
prompt on the article's framing; each template once; quotes that read on their own.

The texts are invented, from several fields, so that no rule leans on one abstract.
"""

from __future__ import annotations

import pytest

from course.generator.model import DraftConcept, DraftPrompt
from course.generator.prompts import (
    MAX_PROMPTS,
    build_prompts,
    claim_of,
    generate_prompts,
    template_of,
)


def _concept(term: str, *aliases: str, core: bool = True) -> DraftConcept:
    return DraftConcept(term, list(aliases), "", [], core, 1)


def _family(prompt: DraftPrompt) -> str:
    template = template_of(prompt.text)
    assert template is not None, prompt.text
    return template.family


def _on(prompts: list[DraftPrompt], sentence: int) -> list[DraftPrompt]:
    return [p for p in prompts if sentence in p.sentences]


CORALS = [
    "Coral reefs cover less than one percent of the ocean floor.",
    "They host a quarter of all marine species.",
    "Rising sea temperatures have caused mass bleaching since 1998.",
    "Our survey of 40 reefs shows that bleached corals recover within a decade if fishing is "
    "restricted.",
    "These findings indicate that local protection can offset some effects of warming.",
    "Unlike protected reefs, fished reefs lost most of their coral cover.",
]
CHARTISTS = [
    "The Chartist movement demanded universal male suffrage in Britain.",
    "The movement declined after Parliament rejected the petition in 1848.",
    "The aim of this paper is to examine how the movement shaped later reform.",
    "The author argues that the defeat of the Chartists was only temporary.",
    "Despite its defeat, the movement influenced the Reform Act of 1867.",
]
WAGES = [
    "In this article we review the literature on minimum wages.",
    "Higher minimum wages increased earnings for low-paid workers, but employment fell "
    "slightly in small firms.",
    "The main conclusion is that moderate increases have little effect on jobs.",
    "Policy makers should therefore index the minimum wage to median earnings.",
    "Since 2015, Germany has used a national minimum wage.",
]


# --- sentence types ------------------------------------------------------------------


def test_it_compares_only_where_the_text_marks_a_change_or_contrast() -> None:
    prompts = build_prompts(CHARTISTS, [])
    compared = [p for p in prompts if _family(p) == "compare"]
    assert compared
    # "declined" marks a change; "demanded universal suffrage" marks none.
    assert [1] in [p.sentences for p in compared] or [4] in [p.sentences for p in compared]
    assert not any(0 in p.sentences for p in compared)
    steady = ["The museum holds a large collection of Roman coins from the Rhine valley."] * 1
    assert not [p for p in generate_prompts(steady, []) if _family(p) == "compare"]


def test_it_names_what_changed_not_what_changed_it() -> None:
    # "increased earnings" changes earnings, not wages; "employment fell" changes employment.
    prompts = generate_prompts(WAGES, [])
    changes = [p.text for p in prompts if "before and after this change" in p.text]
    assert changes and all("Compare employment before" in t for t in changes if "wages" in t)
    assert not any("Compare higher minimum wages" in t for t in changes)


def test_it_evaluates_a_reported_claim_without_its_framing() -> None:
    prompts = generate_prompts(CHARTISTS, [])
    claims = [p.text for p in prompts if p.sentences == [3] and _family(p) == "evaluate"]
    assert claims
    assert any(
        t.startswith("The text claims that the defeat of the Chartists was only temporary.")
        for t in claims
    )
    assert not any("author" in t.lower() for t in claims)


def test_it_reads_a_conclusion_and_a_finding_through_their_wrappers() -> None:
    prompts = generate_prompts(WAGES + CORALS, [])
    texts = [p.text for p in prompts]
    assert any("that moderate increases have little effect on jobs" in t for t in texts)
    assert any("that bleached corals recover within a decade" in t for t in texts)
    assert not any("main conclusion" in t or "Our survey" in t for t in texts)


def test_it_makes_no_prompt_on_the_articles_framing() -> None:
    framing = [
        "The aim of this paper is to examine how trade shaped the Hanseatic towns.",
        "This study will examine the effect of tariffs on grain prices.",
        "In this article we describe a new method for dating pottery.",
        "Traces the history of the public library in Leeds from 1918.",
        "Here, we present a model of river erosion.",
        "Limitations and suggestions for further study are also presented.",
        # Each of these would carry a judgement or a change if it were not the article's.
        "The paper is a major contribution to the debate on tariffs.",
        "Our approach is essential for the study of tariffs.",
        "This essay became the standard account of the Hanseatic towns.",
    ]
    assert generate_prompts(framing, []) == []
    assert not _on(build_prompts(CHARTISTS, []), 2)


def test_it_keeps_the_claim_a_framing_sentence_explains() -> None:
    # "will explain how X" presupposes X; "will examine how X" only asks.
    sentences = [
        "This study will explain how cheap credit weakened the savings banks.",
        "This study will examine how cheap credit affected the savings banks.",
    ]
    prompts = generate_prompts(sentences, [])
    assert prompts and all(p.sentences == [0] for p in prompts)
    assert any("that cheap credit weakened the savings banks" in p.text for p in prompts)


def test_it_asks_for_evidence_only_for_a_causal_claim() -> None:
    prompts = generate_prompts(CORALS + CHARTISTS, [])
    evidence = [p for p in prompts if p.text.startswith("What evidence would show that")]
    assert evidence
    assert any("rising sea temperatures have caused mass bleaching" in p.text for p in evidence)
    # A claim that links nothing to anything ("was only temporary") gets no request for evidence.
    assert not any("only temporary" in p.text for p in evidence)


def test_it_offers_another_explanation_only_for_a_finding_that_links_two_things() -> None:
    sentences = [
        "Our data show that the shops on the square closed earlier than those on the quay.",
        "The results show that rents depend strongly on distance from the harbour.",
    ]
    otherwise = [
        p for p in generate_prompts(sentences, []) if p.text.endswith("how could you rule it out?")
    ]
    assert [p.sentences for p in otherwise] == [[1]]


def test_it_weighs_two_aims_the_text_gives() -> None:
    sentences = [
        "The land reform of 1952 was intended to break the estates with the dual aims of "
        "weakening the landlords and feeding the cities."
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert (
        "The text gives the land reform of 1952 two aims: weakening the landlords, and feeding "
        "the cities. Were these aims in tension, or did one serve the other?"
    ) in texts


def test_it_judges_a_stated_aim_but_not_a_method() -> None:
    sentences = [
        "The canal was built to link the coal fields with the port.",
        "A questionnaire was used to collect the answers of the residents.",
    ]
    aims = [p for p in generate_prompts(sentences, []) if "this aim was achieved" in p.text]
    assert [p.sentences for p in aims] == [[0]]


def test_it_explains_a_concession() -> None:
    texts = [p.text for p in generate_prompts(CHARTISTS, [])]
    assert (
        "The text states that the movement influenced the Reform Act of 1867, despite its "
        "defeat. What might explain this, and how could you check your explanation?"
    ) in texts


def test_it_compares_two_cases_the_text_sets_side_by_side() -> None:
    texts = [p.text for p in generate_prompts(CORALS, [])]
    assert any(
        t.startswith(
            "The text compares two cases: fished reefs lost most of their coral cover, "
            "unlike protected reefs."
        )
        for t in texts
    )


def test_it_reads_a_while_clause_that_grants_something_as_a_concession_not_two_cases() -> None:
    sentences = [
        "Party research has moved from crises of existence to the study of adaptation.",
        "While party researchers have been able to engage audiences outside academia with "
        "technical advice, the sub-discipline has shifted away from normative questions.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any(t.startswith("The text compares two cases") for t in texts)
    # the two points it sets against each other instead (two cases to compare stay so:
    # test_it_compares_two_cases_the_text_sets_side_by_side)
    assert any(t.startswith("The text sets two points against each other") for t in texts)


def test_it_sets_no_qualification_or_two_times_against_each_other() -> None:
    qualified = [
        "Verbal memory was lower after reappraising than viewing, whereas memory for the "
        "slides was higher after reappraising, but only for positive pictures and when "
        "participants viewed the positive pictures first.",
    ]
    timed = [
        "At present, there is a large overlap between orchards and their pollinators, but "
        "predictions for 2050 revealed that the best areas for orchards have few pollinators.",
    ]
    for sentences in (qualified, timed):
        texts = [p.text for p in generate_prompts(sentences, [])]
        assert not any("against each other" in t for t in texts), texts


def test_it_sets_no_background_before_the_aim_against_what_follows() -> None:
    sentences = [
        "Unemployment benefits are a key policy response to recessions.",
        "However, longer benefits have detrimental effects on the labour market.",
        "We explore this claim with a border discontinuity design.",
        "The new estimates show no large rise in unemployment.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("against each other" in t for t in texts), texts


def test_it_explains_no_concession_to_a_condition_it_does_not_name() -> None:
    sentences = [
        "By 1650 the market for paintings in Delft was saturated.",
        "The growth of painting production was sustained until the 1660s, despite this market "
        "condition.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("this market condition" in t for t in texts), texts


def test_it_compares_no_before_and_after_for_a_dose_or_a_date_of_a_noun() -> None:
    sentences = [
        "Maize yield was measured on volcanic soils in Buea.",
        "Nitrogen use efficiency decreased sharply at higher N application rates.",
        "Quitting was most responsive to programs and relapse was most sensitive to funding cuts "
        "since 2003.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("before and after this change" in t for t in texts), texts


def test_it_quotes_both_sentences_of_a_contrast_across_them() -> None:
    sentences = [
        "The new vaccine cut hospital admissions by half in the trial.",
        "However, uptake remained low among older adults in rural districts.",
    ]
    contrast = [p for p in generate_prompts(sentences, []) if "against each other" in p.text]
    assert contrast and contrast[0].sentences == [0, 1]
    assert "and that uptake remained low" in contrast[0].text


# --- choosing ------------------------------------------------------------------------


def test_it_uses_each_template_once_and_each_sentence_once() -> None:
    # Five judgements of one shape: one template can carry only one of them.
    sentences = [
        f"Clean water is vital for the health of {place}." for place in
        ("farmers", "miners", "fishers", "weavers", "potters")
    ]  # fmt: skip
    prompts = build_prompts(sentences, [])
    names = [template_of(p.text).name for p in prompts]  # type: ignore[union-attr]
    assert len(names) == len(set(names)) <= 2
    cited = [i for p in prompts for i in p.sentences]
    assert len(cited) == len(set(cited))


def test_it_makes_three_to_five_prompts_from_a_rich_text() -> None:
    for text in (CORALS + CHARTISTS, CHARTISTS + WAGES):
        prompts = build_prompts(text, [])
        assert 3 <= len(prompts) <= MAX_PROMPTS == 5
        assert len({_family(p) for p in prompts}) == 3  # compare, evaluate and evidence


def test_it_makes_fewer_prompts_rather_than_weak_ones() -> None:
    plain = [
        "The survey covered 412 households in three districts.",
        "Interviews were held in the spring of 2019.",
        "The questionnaire had twenty items.",
    ]
    assert build_prompts(plain, []) == []


def test_it_regenerates_with_an_unused_template_on_an_unused_sentence() -> None:
    text = CORALS + CHARTISTS
    course = build_prompts(text, [])
    pool = generate_prompts(text, [], exclude=[p.text for p in course])
    used_templates = {template_of(p.text).name for p in course}  # type: ignore[union-attr]
    used_sentences = {i for p in course for i in p.sentences}
    fresh = [
        template_of(p.text).name not in used_templates  # type: ignore[union-attr]
        and not used_sentences & set(p.sentences)
        for p in pool
    ]
    assert not {p.text for p in pool} & {p.text for p in course}
    assert fresh[0] and fresh == sorted(fresh, reverse=True)


def test_it_names_the_concepts_it_quotes_by_term_or_alias() -> None:
    concepts = [
        _concept("mass bleaching"),
        _concept("sea surface temperature", "sea temperatures"),
        _concept("Great Barrier Reef"),
    ]
    prompts = generate_prompts(CORALS, concepts)
    caused = next(p for p in prompts if "caused mass bleaching" in p.text)
    assert caused.concepts == ["mass bleaching", "sea surface temperature"]
    assert caused.sentences == [2]


def test_it_is_deterministic() -> None:
    assert build_prompts(CORALS + WAGES, []) == build_prompts(CORALS + WAGES, [])


# --- well-formed quotes --------------------------------------------------------------


def test_it_resolves_a_demonstrative_the_text_named_before() -> None:
    sentences = [
        "In 1921 the party congress voted for the expulsion of the opposition.",
        "This expulsion provided the leadership with a firm basis for later purges.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert any("that the expulsion provided the leadership with a firm basis" in t for t in texts)
    assert not any("this expulsion" in t.lower() for t in texts)


def test_it_resolves_a_demonstrative_only_from_the_sentence_just_before() -> None:
    from course.generator.prompts.claims import resolve

    # "these cells" after a sentence about one subgroup is that subgroup: "the cells" would
    # widen it to the cells named further up.
    cells = "Cortical cells inhibit pyramidal neurons in every layer of the cortex."
    subgroup = "A fourth subgroup that includes small basket neurons has long been neglected."
    clause = "these cells drive slow oscillations during sleep"
    assert resolve(clause, [cells, subgroup]) == ""
    assert resolve(clause, [subgroup, cells]) == "the cells drive slow oscillations during sleep"


def test_it_does_not_resolve_a_demonstrative_whose_noun_names_a_set_without_its_members() -> None:
    from course.generator.prompts.claims import resolve

    before = "The survey model with five variables showed a good fit."
    assert resolve("those variables enable planners to judge the courses", [before]) == ""
    market = "The market for paintings was saturated by 1650."
    assert resolve("growth went on despite this market condition", [market]) == ""
    assert resolve("this model enables planners to judge the courses", [before]) == (
        "the model enables planners to judge the courses"
    )


def test_it_skips_a_sentence_that_opens_on_a_pronoun_or_points_at_nothing() -> None:
    sentences = [
        "The glaciers of the Alps shrank sharply after 1980.",
        "They lost a third of their volume, which is vital for summer river flow.",
        "It ignores too many other factors that drive melting.",
        "Such losses are crucial for the hydropower industry.",
        "Use of both, however, deteriorated the measurements because of drift.",
    ]
    prompts = generate_prompts(sentences, [])
    assert prompts and all(p.sentences == [0] for p in prompts)


def test_it_never_quotes_the_first_person_or_page_matter() -> None:
    sentences = [
        "We believe that our results are crucial for policy.",
        "Rising rents drove families out of the old town centre.Free full text",
    ]
    prompts = generate_prompts(sentences, [])
    assert prompts and all(p.sentences == [1] for p in prompts)
    assert all("Free full text" not in p.text for p in prompts)
    assert any("rising rents drove families out of the old town centre?" in p.text for p in prompts)


def test_it_writes_complete_questions() -> None:
    for text in (CORALS, CHARTISTS, WAGES):
        for prompt in generate_prompts(text, []):
            assert prompt.text[0].isupper() and prompt.text.endswith("?")
            assert template_of(prompt.text) is not None
            assert "  " not in prompt.text and " ," not in prompt.text and ".." not in prompt.text
            # The quoted claim starts in lower case after "that" unless it opens on a name.
            quoted = prompt.text.split(" that ", 1)[1] if " that " in prompt.text else ""
            assert quoted[:4] not in ("The ", "This", "They", "It i")


def test_it_cuts_a_long_claim_at_a_clause_not_inside_a_list() -> None:
    sentence = (
        "As the labour movement continues on its path toward renewal, archivists are asked to "
        "ensure that the organizational, political, and cultural changes unions are going "
        "through are fully documented."
    )
    # The only commas inside the main clause separate list items: no cut there.
    assert not claim_of(sentence).endswith("political")
    listed = (
        "Careful peer review of submitted manuscripts improves the quality of published "
        "research because it provides useful summaries for editors, facilitates dialogue "
        "between sub-fields, and reduces redundancies in the literature of the field."
    )
    assert claim_of(listed) == (
        "careful peer review of submitted manuscripts improves the quality of published research"
    )


def test_it_does_not_strip_a_value_as_a_citation_number() -> None:
    sentences = [
        "The results show that the share of rented homes rose to 31.5% by 2010.",
        "Rents rose 12 percent in the decade, a rise that was too steep for young families 4 .",
    ]
    texts = " ".join(p.text for p in generate_prompts(sentences, []))
    assert "31.5%" in texts and "12 percent" in texts
    assert "families 4" not in texts


def test_it_drops_a_run_of_words_the_source_wrote_twice() -> None:
    sentences = ["We find that yields depend not only on rain but also but also on the soil."]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert texts and all("but also on the soil" in t for t in texts)
    assert not any("but also but also" in t for t in texts)


def test_it_prefers_a_claim_to_background_that_files_a_topic_under_a_class() -> None:
    sentences = [
        "Irrigation is an important practice in the farming of arid regions.",
        "Soil salinity is the key factor for crop failure in the delta.",
        "Drip irrigation is essential for the survival of small farms.",
    ]
    # Two templates fit a judgement; the two claims take them, not the background.
    assert sorted(i for p in build_prompts(sentences, []) for i in p.sentences) == [1, 2]


def test_it_builds_no_prompt_on_the_texts_plan_or_its_gap_in_the_literature() -> None:
    sentences = [
        "The most important concepts about coral reefs will be presented.",
        "The lockout of the miners has been under-researched.",
        "Historians have long been drawn to strikes as moments of class formation.",
    ]
    assert generate_prompts(sentences, []) == []


def test_it_builds_no_prompt_on_what_earlier_work_found() -> None:
    # The literature the text starts from, its own earlier papers included: not its claim.
    for sentence in [
        "Our prior work has demonstrated that the efficiency of sharing information plays an "
        "important role in business recovery after a disaster.",
        "Previous research has shown that tariffs raised grain prices in the Baltic towns.",
        "The first studies indicated that the amphorae were mostly imported from the Straits "
        "of Gibraltar region.",
        "A diverse set of case studies suggest that legal immigration status plays a primary "
        "role in shaping migrants' opportunities for belonging.",
    ]:
        assert generate_prompts([sentence], []) == []


def test_it_reads_a_condition_as_part_of_the_claim_not_a_point_against_it() -> None:
    sentences = [
        "Recycling the revenue could win majority support for a carbon tax, but only if "
        "industrialized countries adopt similar taxes."
    ]
    assert not any(
        "two points against each other" in p.text for p in generate_prompts(sentences, [])
    )


def test_it_asks_for_no_evidence_a_claim_already_gives() -> None:
    sentences = [
        "Marenco is unlikely to have written the scenario because Verdi wanted a librettist "
        "from Milan.",
        "Rising sea temperatures have caused mass bleaching since 1998.",
    ]
    evidence = [p.text for p in generate_prompts(sentences, []) if "What evidence" in p.text]
    assert not any("Verdi" in text for text in evidence)
    assert any("bleaching" in text for text in evidence)  # "since 1998" is a time, not a reason


def test_it_keeps_a_name_capitalised_inside_a_prompt() -> None:
    sentences = [
        "The scenario is based on the play by Carlo Marenco.",
        "Marenco's play was written in 1834, and it shaped the opera's first act.",
    ]
    assert not any(" marenco" in p.text for p in generate_prompts(sentences, []))


@pytest.mark.parametrize(
    ("clause", "is_frame"),
    [
        ("Cox proportional hazards modeling was used to determine whether mortality rose", True),
        ("Semi-structured interviews were conducted with 40 teachers", True),
        ("Multivariate regression analysis was then performed using mortality as outcome", True),
        ("C-indexes were calculated across risk groups in order to evaluate the models", True),
        ("Participants were instructed to practice three times per week", True),
        ("A cross-sectional study was performed at ICUs at the university hospital", True),
        ("Participants viewed neutral and mildly positive slides and then reappraised", True),
        ("Prices were converted to dollars by the new regime", False),
        # the subject's history, not the study's method
        ("Forced labour was used to build the canal", False),
    ],
)
def test_it_reads_the_studys_method_as_framing_not_a_claim(clause: str, is_frame: bool) -> None:
    from course.generator.prompts.claims import frames

    assert frames(clause) is is_frame


def test_it_names_the_subject_of_a_change_without_the_verbs_degree() -> None:
    sentences = ["After the strike wave of 1905, union membership more than doubled."]
    changes = [p.text for p in generate_prompts(sentences, []) if "this change" in p.text]
    assert changes and all("Compare union membership before" in t for t in changes)


@pytest.mark.parametrize(
    "sentence",
    [
        # a trend measured, with no time to set a before and an after in
        "Warm extremes have also increased significantly over Mumbai.",
        # places compared, not a change
        "Frequency of myopia was increased compared with the other developed countries.",
        # a model's adjustment, not a change
        "After adjusting for physical health, frailty was no longer associated with death.",
        # a change made by stated means: what drove it is in the sentence, no before is told
        "The stability of the system was improved through dual PC redundancy.",
    ],
)
def test_no_before_and_after_where_the_text_marks_no_change_in_time(sentence: str) -> None:
    assert not [p for p in generate_prompts([sentence], []) if "this change" in p.text]


def test_no_evidence_asked_for_where_the_text_reports_its_own() -> None:
    sentences = [
        "Taken together, the data suggest that intratracheal instillation of CeO2 "
        "nanoparticles can result in liver damage."
    ]
    assert not [p for p in generate_prompts(sentences, []) if "What evidence" in p.text]


def test_it_asks_for_no_other_causes_of_a_property_that_follows_from_a_definition() -> None:
    sentences = [
        "The metric depends only on geometry because the source stress drop is normalized.",
        "Membership of the unions fell because wages were frozen in 1931.",
    ]
    others = [
        p.sentences
        for p in generate_prompts(sentences, [])
        if p.text.endswith("against the one the text gives?")
    ]
    assert [0] not in others
    assert [1] in others


def test_it_makes_no_prompt_on_a_step_the_article_tells_in_the_passive() -> None:
    sentences = [
        "Each type of primary source material is critically reassessed.",
        "The plague had only a limited effect on the economy of the cities.",
    ]
    assert all(p.sentences != [0] for p in generate_prompts(sentences, []))


def test_it_makes_no_prompt_on_a_question_or_an_indirect_question() -> None:
    sentences = [
        "Do elections improve a country's prospects for democratization?",
        "The article shows how fears of the threat shaped the regime, and how the town answered.",
        "Rising sea temperatures have caused mass bleaching since 1998.",
    ]
    prompts = generate_prompts(sentences, [])
    assert prompts and all(p.sentences == [2] for p in prompts)


def test_it_builds_no_prompt_on_what_a_sentence_concedes() -> None:
    sentences = [
        "Firms invest heavily in research and development every year.",
        "Although innovation efforts may lead to new products, they will not raise profits "
        "in the short term.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("may lead to new products?" in t or "that innovation efforts may lead" in t
                   for t in texts)  # fmt: skip


def test_it_keeps_in_addition_to_inside_a_claim() -> None:
    from course.generator.prompts.sentence_types import _INSERTED_RE

    clause = "they used emotional associations, in addition to temporal ones, to cue recall"
    assert _INSERTED_RE.sub("", clause) == clause
    assert _INSERTED_RE.sub("", "wages were, in addition, cut") == "wages were cut"


def test_it_asks_for_no_evidence_of_what_the_study_itself_measured() -> None:
    from course.generator.prompts.templates import _MEASURED_RE

    assert _MEASURED_RE.search("female gender was associated with a higher prevalence")
    assert _MEASURED_RE.search("the effect size was large, ranging from .43 to .83")
    assert not _MEASURED_RE.search("rising rents drove families out of the old town centre")


def test_a_word_the_text_also_writes_in_lower_case_is_no_name() -> None:
    from course.generator.prompts.claims import capitalised_names, lower_first

    sentences = [
        "Nurses were assessed with the Maslach Burnout Inventory in Shiraz.",
        "Burnout is associated with demographic features.",
        "Nursing burnout was highest on rotating shifts.",
    ]
    names = capitalised_names(sentences)
    assert "burnout" not in names and "shiraz" in names
    assert lower_first("Burnout is associated with demographic features", names).startswith(
        "burnout"
    )
    assert lower_first("Shiraz hospitals were busier", names).startswith("Shiraz")


def test_no_prompt_argues_against_a_tally_of_counts_as_a_view() -> None:
    from course.generator import build_draft

    tally = (
        "The most common disorder groups were dermatological (578, 17.9%), "
        "ophthalmological (496, 15.3%) and dental (397, 12.3%)."
    )
    draft = build_draft(
        "Persian cats were studied in first opinion practice across the UK. "
        + tally
        + " Persian cats with brachycephalic faces showed more ocular disease than other cats, "
        "which suggests that breeding for flat faces harms their welfare."
    )
    assert draft.prompts
    assert not any("578" in p.text and "against this view" in p.text for p in draft.prompts)
    from course.generator.prompts import generate_prompts

    # weighed as a finding it may be
    assert not any(
        "578" in p.text and "against this view" in p.text
        for p in generate_prompts(draft.sentences, draft.concepts)
    )


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Clinicians act paternalistically, I argue, when they override the autonomy principle.",
            "clinicians act paternalistically when they override the autonomy principle",
        ),
        (
            "Unlike previous research, we find that grain market convergence was a "
            "pre-modern phenomenon.",
            "grain market convergence was a pre-modern phenomenon",
        ),
    ],
)
def test_a_prompt_quotes_the_claim_without_the_author_s_report_of_it(
    sentence: str, claim: str
) -> None:
    from course.generator import build_draft

    draft = build_draft(
        "Grain markets and clinical ethics are studied here across several centuries. "
        + sentence
        + " Later work extended the same measures to the whole of Europe."
    )
    assert any(claim in p.text for p in draft.prompts)


def test_no_evidence_asked_for_what_the_texts_own_experiment_found() -> None:
    sentences = [
        "Here, we present results of a laboratory experiment testing a pesticide on queens.",
        "The higher level of exposure resulted in a reduction in the length of oocytes.",
    ]
    evidence = [p for p in generate_prompts(sentences, []) if p.text.startswith("What evidence")]
    assert evidence == []
    # without an experiment of its own, the same causal claim may ask for evidence
    claim = ["Higher tariffs resulted in a reduction in the grain trade of the Baltic towns."]
    assert any(p.text.startswith("What evidence") for p in generate_prompts(claim, []))


def test_no_two_points_are_weighed_where_one_is_only_conceded() -> None:
    sentence = (
        "The range of isotope values for the group is small, although two individuals stand "
        "out as unusual amongst the 62 analysed."
    )
    assert not [p for p in generate_prompts([sentence], []) if "two points" in p.text]


def test_a_long_claim_is_not_cut_to_the_clause_it_concedes() -> None:
    from course.generator.prompts.grammar import main_clause

    claim = (
        "while for both replacement methods, an optimum fly ash ratio exists where the "
        "maximum compressive strengths of fly ash concrete can be achieved, the sand "
        "replacement method produces superior concrete in terms of compressive strength"
    )
    # cut at "achieved," it would keep only the clause the sentence concedes
    assert "sand replacement method" in main_clause(claim)


def test_a_name_s_first_part_keeps_its_capital_and_another_s_view_is_no_claim() -> None:
    from course.generator.prompts.claims import lower_first, unwrap

    names = frozenset({"strawson"})
    assert lower_first("Galen Strawson's argument fails", names).startswith("Galen")
    assert lower_first("Following Strawson's lead, we argue", names).startswith("following")
    # his argument, told as its content: the text holds the opposite
    assert unwrap("Galen Strawson's Basic Argument is that self-creation is impossible.") == (
        "",
        "framing",
    )


def test_a_claim_is_not_cut_after_a_participle_and_a_possessed_name_keeps_its_capital() -> None:
    from course.generator.prompts.claims import lower_first
    from course.generator.prompts.grammar import main_clause

    claim = (
        "the recent gothic novel critically revises a set of Romantic themes first broached in "
        "an earlier book, exposing and interrogating the fantasy scenario at the heart of the "
        "earlier novel, and it ends in a darker key than any of her work before"
    )
    assert not main_clause(claim).endswith(", exposing")
    assert lower_first("Winterson's novel revises", frozenset({"winterson"})).startswith("W")


def test_no_before_and_after_for_an_untimed_becoming() -> None:
    sentence = "Metaphysics becomes a metaphor for metapsychology in the novel's last chapters."
    assert not [p for p in generate_prompts([sentence], []) if "this change" in p.text]


def test_no_prompt_weighs_a_numbered_list_of_claims_or_generalises_an_absence() -> None:
    listed = (
        "Our corrected estimates show that (1) segregation is about 50% greater than believed; "
        "(2) the increase from 2000 to 2009 was much greater than earlier estimates indicated."
    )
    assert not [p for p in generate_prompts([listed], []) if "(1)" in p.text]
    absent = "No settlements have been found yet in the area of the Bronze Age cemetery."
    assert not [p for p in generate_prompts([absent], []) if "beyond the setting" in p.text]


def test_no_prompt_rests_on_a_possibility_the_text_weighs() -> None:
    sentence = (
        "One possibility is that ceding ground in a trivial dispute is appropriate because the "
        "disputing parties are usually epistemic peers within the relevant domain."
    )
    assert generate_prompts([sentence], []) == []


def test_a_concession_over_a_list_and_a_symbols_spaced_hyphen_are_kept_whole() -> None:
    from course.generator.prompts.grammar import main_clause

    sentence = (
        "Despite advances in techniques, methods, and theory, archaeologists continue to use "
        "early twentieth century culture historical taxa as units of analysis."
    )
    texts = [p.text for p in generate_prompts([sentence], [])]
    assert any("despite advances in techniques, methods, and theory" in t for t in texts)
    claim = (
        "the critical plane approach was found to be the most suitable approach for fatigue "
        "assessment of welded joints by offering sharper W - N curves and less life scatter"
    )
    assert main_clause(claim).endswith("less life scatter")


def test_it_weighs_no_side_that_only_adds_to_the_other() -> None:
    # "while X, it is also …": no second case and no tension, only a second finding
    sentences = [
        "Denser areas show higher revenue productivity than other areas.",
        "Finally, while the correlation between firm revenue TFP and firm size is positive in "
        "each location, it is also systematically related to density: firms with higher "
        "TFP-R account for a larger share of total revenue in denser areas.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any(t.startswith("The text compares two cases") for t in texts), texts
    assert not any(t.startswith("The text sets two points against each other") for t in texts)


def test_it_unwraps_the_articles_numbered_studies_and_keeps_their_numbers() -> None:
    from course.generator.prompts.claims import unglue, unwrap

    sentence = "Study 1 showed that a strong desire impaired performance on a demanding task."
    assert unwrap(sentence)[0] == "a strong desire impaired performance on a demanding task."
    # a numbered study is no citation mark to drop, capitalised or not
    for text in (
        "Studies 3 and 4 showed that efficacy beliefs mediate the effect.",
        "The effect held in studies 3 and 4, as predicted.",
    ):
        assert unglue(text) == text
    assert unglue("This follows a principle 1 but not another.") == (
        "This follows a principle but not another."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # the received view the text then rejects
        "It is commonly held that Lehmann-Haupt and Belck excavated here between 1898 and "
        "1899, but archival research reveals their claim to be fraudulent.",
        # the literature, cited by number
        "The knockout of Bmal1 has significant effects on longevity, metabolism, et al. [5, 6].",
    ],
)
def test_no_prompt_on_a_received_view_or_a_cited_finding(sentence: str) -> None:
    sentences = ["Toprakkale is the starting point for the archaeology of Urartu.", sentence]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("1898" in t or "[5, 6]" in t or "longevity" in t for t in texts), texts


def test_no_prompt_on_a_claim_cut_to_its_causes_cue_or_on_the_literature() -> None:
    sentences = [
        "Third-party interveners provide leverage that keeps negotiated settlements in place.",
        "Once the degree of this leverage fluctuates, most likely due to waning commitment over "
        "time, the former disputants will have an incentive to renegotiate the terms of the "
        "agreement, and conflict is likely to recur.",
        "The literature also concludes that firm pay setting is important for wage inequality.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("most likely due to" in t for t in texts), texts
    assert not any("literature" in t for t in texts), texts


def test_no_prompt_on_why_the_study_matters_an_abbreviations_period_inside() -> None:
    sentences = [
        "Understanding land use practice induced increases in Escherichia (E.) coli and "
        "suspended particulate matter concentrations is necessary to improve water quality.",
        "Agricultural land use showed significant relationships with E. coli concentrations.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("necessary to improve" in t for t in texts), texts


def test_no_prompt_on_a_claim_of_measured_values() -> None:
    sentences = [
        "Heat treatment changed the microstructure of the cast magnesium alloy.",
        "The treatment caused an increase of yield strength to 180 MPa and tensile strength to "
        "280 MPa at the hardness 105 HV.",
    ]
    texts = [p.text for p in generate_prompts(sentences, [])]
    assert not any("180 MPa" in t for t in texts), texts


def test_no_prompt_on_what_a_report_denies() -> None:
    from course.generator.prompts.claims import unwrap

    assert unwrap(
        "Our results do not suggest that husbands play an important role in job search."
    ) == ("", "framing")
    assert unwrap("Our results suggest that husbands play an important role in job search.")[0]
