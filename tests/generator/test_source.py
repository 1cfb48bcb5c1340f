"""Finding the abstract in a raw page: headings, prose runs, page matter, the title.

The pages are made up, in several fields, with the kinds of clutter real journal pages
carry; the real development pages are scored in tests/catalog/test_evaluate_sources.py.
"""

from __future__ import annotations

from course.generator import build_draft
from course.generator.source import classify, is_prose, read_page, split_inline

ECOLOGY = (
    "Coral reefs lose species when water warms beyond their thermal limits. "
    "We surveyed forty reefs across three oceans between 2005 and 2020. "
    "Reefs that bleached twice within five years lost half of their fish species. "
    "Protected reefs recovered faster because grazing fish kept algae in check."
)
LAW = (
    "The doctrine of proportionality limits how far a state may restrict a right. "
    "Courts in Germany developed it in the nineteenth century to review police measures. "
    "After 1949 the constitutional court applied it to every fundamental right. "
    "This article traces how the test spread to courts in Canada and South Africa."
)


def kinds(text: str) -> dict[str, str]:
    return {r.text: r.kind for r in build_draft(text).removed}


def test_it_keeps_only_the_prose_after_an_abstract_heading() -> None:
    page = (
        "Skip to main content\nJournals & Books\n\n"
        "Thermal limits of reef fish communities\n\n"
        "Marine Ecology Progress Series, Vol. 12, pp. 33-48\n"
        "https://doi.org/10.1000/meps.2021.12\n"
        "Anna Berg 1, Tomas Ruiz 2\n"
        "1 Department of Biology, University of Lund\n\n"
        f"Abstract\n\n{ECOLOGY}\n\n"
        "Keywords: coral reefs, bleaching, fish\n\n"
        "1. Introduction\n\nReefs cover less than one per cent of the ocean floor but hold "
        "a quarter of its species, which is why their decline matters so much."
    )
    draft = build_draft(page)
    assert " ".join(draft.sentences) == ECOLOGY
    assert draft.title == "Thermal limits of reef fish communities"
    found = kinds(page)
    assert found["Skip to main content"] == "navigation"
    assert found["https://doi.org/10.1000/meps.2021.12"] == "metadata"
    assert found["Anna Berg 1, Tomas Ruiz 2"] == "authors"
    assert found["1 Department of Biology, University of Lund"] == "authors"
    assert found["Keywords: coral reefs, bleaching, fish"] == "metadata"
    assert any(kind == "article body" for kind in found.values())


def test_it_takes_the_longest_run_of_prose_where_there_is_no_heading() -> None:
    page = (
        "Proportionality in constitutional law\n\n2019 ◽ Vol 4 (2) ◽ pp. 1-20\n"
        f"Author(s):\nMaria Keller\n\n{LAW}\n\n2020 ◽ Vol 5 (1)\nAuthor(s):\nJohn Doe\n\n"
        "Courts review statutes in many ways. This short note lists three of them."
    )
    draft = build_draft(page)
    assert " ".join(draft.sentences) == LAW
    assert draft.title == "Proportionality in constitutional law"


def test_it_splits_a_heading_glued_to_the_first_sentence() -> None:
    for glued in (f"Abstract{LAW}", f"Abstract. {LAW}", f"ABSTRACT: {LAW}"):
        draft = build_draft(f"Some Journal Name 2020\n\n{glued}")
        assert draft.sentences[0].startswith("The doctrine of proportionality")


def test_it_keeps_a_title_that_starts_with_the_word_abstract() -> None:
    assert split_inline("Abstract Algebra for Schools") == "Abstract Algebra for Schools"


def test_it_keeps_a_title_that_opens_with_a_section_label() -> None:
    draft = build_draft(f"Discussion: proportionality and its critics\n\n{LAW}")
    assert draft.title == "Discussion: proportionality and its critics"
    assert " ".join(draft.sentences) == LAW


def test_it_still_splits_a_structured_abstracts_label_from_its_sentence() -> None:
    assert split_inline("Discussion: The reefs lost half their fish species.") == (
        "Discussion:\n\nThe reefs lost half their fish species."
    )


def test_it_takes_a_long_first_line_before_a_structured_label_for_the_title() -> None:
    # long enough to read as prose, and followed by a label, not by the abstract
    title = (
        "Restrictions of rights by constitutional courts, their proportionality tests, and "
        "their reasons to intervene: a comparative study conducted in three countries"
    )
    draft = build_draft(f"{title}\n\nObjective: {LAW}")
    assert draft.title == title
    assert " ".join(draft.sentences) == LAW


def test_it_splits_a_structured_label_that_follows_a_sentence_on_its_line() -> None:
    assert split_inline("Burnout was common. Conclusion: Burnout predicts leaving.") == (
        "Burnout was common.\n\nConclusion:\n\nBurnout predicts leaving."
    )


def test_it_finds_a_heading_inside_a_run_together_page() -> None:
    page = (
        "Size: px Transcription 1 12 Journal of Marine Science | Thermal limits of reef fish "
        "communities "
        f"Anna Berg*, Tomas Ruiz* *Department of Biology, Lund, Sweden Abstract {ECOLOGY} "
        "*Corresponding author : anna@example.org (Received July 11, 2006) Key Words : reefs"
    )
    draft = build_draft(page)
    assert " ".join(draft.sentences) == ECOLOGY
    assert draft.title == "Thermal limits of reef fish communities"


def test_it_drops_structured_abstract_labels_glued_to_sentences() -> None:
    page = (
        "Abstract\nBackground\nSleep loss impairs memory in adolescents.Methods\n"
        "We randomised 120 students to eight or five hours of sleep for a week.Results\n"
        "Students who slept five hours recalled fewer words on every day of the trial."
        "Conclusion\nSchools should protect the sleep of their students."
    )
    draft = build_draft(page)
    assert draft.sentences == [
        "Sleep loss impairs memory in adolescents.",
        "We randomised 120 students to eight or five hours of sleep for a week.",
        "Students who slept five hours recalled fewer words on every day of the trial.",
        "Schools should protect the sleep of their students.",
    ]
    assert {"Background", "Methods", "Results", "Conclusion"} <= {
        r.text for r in build_draft(page).removed if r.kind == "headings"
    }


def test_it_keeps_one_copy_when_the_page_shows_the_abstract_twice() -> None:
    cut = ECOLOGY[:120]
    page = f"Abstract\n\n{ECOLOGY}\n\nRelated articles\n\nAbstract\n\n{cut}"
    draft = build_draft(page)
    assert " ".join(draft.sentences) == ECOLOGY
    assert "duplicate" in {r.kind for r in draft.removed}


def test_it_drops_the_translation_printed_beside_the_abstract() -> None:
    russian = (
        "Коралловые рифы теряют виды, когда вода нагревается выше их пределов. "
        "Мы обследовали сорок рифов в трёх океанах."
    )
    draft = build_draft(f"Аннотация\n\n{russian}\n\nAbstract\n\n{ECOLOGY} {russian}")
    assert " ".join(draft.sentences) == ECOLOGY
    assert "other language" in {r.kind for r in draft.removed}


def test_it_skips_a_notice_about_the_page_between_heading_and_abstract() -> None:
    notice = (
        "Full text views are not available for this content. However, as you have access, "
        "a full PDF is available via the Download PDF button."
    )
    draft = build_draft(f"Abstract\n\n{notice}\n\n{LAW}")
    assert " ".join(draft.sentences) == LAW
    assert kinds(f"Abstract\n\n{notice}\n\n{LAW}")[notice] == "navigation"


def test_it_reads_a_title_printed_below_the_abstract() -> None:
    page = f"Abstract\n{ECOLOGY}\nThermal limits of reef fish communities\nAssociated Data"
    assert build_draft(page).title == "Thermal limits of reef fish communities"


def test_it_takes_a_title_in_capitals_without_the_programme_heading_or_authors() -> None:
    page = (
        "SESSION 2: MARINE ECOLOGY\nTHERMAL LIMITS OF REEF FISH COMMUNITIES\n"
        f"Ana Berg, University of Tromso\n{ECOLOGY}"
    )
    assert build_draft(page).title == "Thermal Limits of Reef Fish Communities"


def test_it_leaves_the_authors_off_a_title_they_run_on_from() -> None:
    page = (
        "Coral reefs beyond their thermal limits: fish species lost Ana Berg, Tom Lund, Eva Holm\n"
        f"Abstract\n{ECOLOGY}"
    )
    assert build_draft(page).title == "Coral reefs beyond their thermal limits: fish species lost"


def test_it_takes_no_keyword_of_a_list_and_no_footnote_mark_for_the_title() -> None:
    page = (
        "Coral reefs past their\nthermal limits2\nAna Berg*\n\n"
        f"{ECOLOGY}\n\nStructured keywords\n\n  \u2022 coral reefs\n  \u2022 fish species"
    )
    assert build_draft(page).title == "Coral reefs past their thermal limits"


def test_it_leaves_the_authors_of_a_citation_off_the_title() -> None:
    page = f"Berg, Lund, and Holm: Coral reefs beyond their thermal limits\n\nAbstract\n\n{ECOLOGY}"
    assert build_draft(page).title == "Coral reefs beyond their thermal limits"


def test_it_reads_a_title_field_of_a_record_export() -> None:
    page = (
        "{{Paper |id=Vol-1/paper2 |title=Reef fish and thermal limits |authors=A. Berg}}\n\n"
        f"Abstract\n\n{ECOLOGY}"
    )
    assert build_draft(page).title == "Reef fish and thermal limits"


def test_it_never_takes_a_header_a_journal_or_an_author_for_the_title() -> None:
    page = (
        "Hostname: page-component-7 Total loading time: 0 Render date: 2024-06-03\n\n"
        "Journal of Comparative Law\n\nMaria Keller, John Doe\n\n"
        f"Abstract\n\n{LAW}"
    )
    title = build_draft(page).title
    assert "Hostname" not in title and "Journal" not in title and "Keller" not in title


def test_it_stops_at_references_and_files_them() -> None:
    page = (
        f"Abstract\n\n{LAW}\n\nReferences\n\n1. Smith, J. 2001. Courts and rights. Law Review 3(2)."
    )
    draft = build_draft(page)
    assert " ".join(draft.sentences) == LAW
    assert kinds(page)["1. Smith, J. 2001. Courts and rights. Law Review 3(2)."] == "references"


def test_it_rejoins_words_split_by_a_line_end_hyphen_but_not_compounds() -> None:
    page = (
        "Abstract\n"
        "    The model predicts how each neu-\n"
        "    ron fires under a long-\n"
        "    term stimulus. It is effec-\n"
        "    tive for small networks and well-\n"
        "    coordinated inputs of every kind.\n"
    )
    text = " ".join(build_draft(page).sentences)
    assert "neuron fires" in text and "effective" in text
    assert "long-term" in text and "well-coordinated" in text


def test_it_tells_prose_from_titles_names_and_metadata() -> None:
    assert is_prose(LAW)
    assert not is_prose("A consensus statement: a core outcome set for lung disease in children")
    assert not is_prose("Mikhail Mikheev, Julia Gusynina and Tatyana Shornikova")
    assert not is_prose("Hostname: page-component-848d Total loading time: 0 Render date: 2024")
    assert classify("dc.description.abstract") == "heading"
    assert classify("Анотація") == "heading"
    assert classify("Keywords: reefs, fish") == "stop"


def test_it_reports_nothing_removed_from_a_clean_abstract() -> None:
    result = read_page(f"Thermal limits of reef fish\n{ECOLOGY}")
    assert result.removed == []
    assert result.title == "Thermal limits of reef fish"


def test_it_finds_the_abstract_in_a_page_copied_as_one_line() -> None:
    page = (
        "Skip to search form Skip to main content Search 225,094,815 papers Sign In "
        "DOI:10.1109/X.2002.1 Corpus ID: 61783522 Thermal limits of reef fish @article{Berg2002, "
        "title={Thermal limits of reef fish}, author={Anna Berg}, year={2002} } Anna Berg "
        "Published in Marine Letters 7 August 2002 Biology TLDR It is argued that reefs are "
        f"in decline because oceans warm. Expand {ECOLOGY} Collapse View via Publisher Save to "
        "Library Create Alert Cite Share 4 Citations Related Papers Sign Up What Is This Site? "
        "By clicking accept you agree to the terms of our Privacy Policy (opens in a new tab)."
    )
    draft = build_draft(page)
    assert " ".join(draft.sentences) == ECOLOGY
    assert draft.title == "Thermal limits of reef fish"


def test_it_keeps_the_english_copy_of_an_abstract_shown_in_two_languages() -> None:
    spanish = (
        "Este artículo examina cómo los tribunales aplicaron la proporcionalidad a los "
        "derechos fundamentales durante el siglo veinte en Alemania, Canadá y Sudáfrica, "
        "y cómo la prueba se extendió de un país a otro."
    )
    page = (
        f"RESUMEN\n\n{spanish}\n\nPalabras clave: derechos\n\nABSTRACT\n\n{LAW}\n\nKeywords: rights"
    )
    draft = build_draft(page)
    assert " ".join(draft.sentences) == LAW


def test_it_reads_labels_with_a_colon_as_parts_of_a_structured_abstract() -> None:
    page = (
        "Abstract\n\nIntroduction: Screens at bedtime delay sleep in children.\n"
        "Methods: We followed 400 children for a year.\n"
        "Results: Screen use predicted later sleep.\n\nKeywords: sleep, screens"
    )
    assert build_draft(page).sentences == [
        "Screens at bedtime delay sleep in children.",
        "We followed 400 children for a year.",
        "Screen use predicted later sleep.",
    ]


def test_it_prefers_the_title_as_written_to_a_copy_in_capitals() -> None:
    page = (
        "Thermal limits of reef fish communities\n\nAnna Berg\n\nAbstract\n\n"
        f"{ECOLOGY}\n\nTHERMAL LIMITS OF REEF FISH COMMUNITIES\n\nKeywords: reefs"
    )
    assert build_draft(page).title == "Thermal limits of reef fish communities"


def test_it_joins_a_title_wrapped_over_two_lines() -> None:
    page = (
        "Journal of Reefs 12 (2024) 1\n\nAnna Berg\n\n"
        "Thermal Limits and the Loss of Species\nin Protected Coral Reefs\n\n"
        f"Abstract\n\n{ECOLOGY}"
    )
    assert (
        build_draft(page).title == "Thermal Limits and the Loss of Species in Protected Coral Reefs"
    )


def test_it_reads_the_title_from_a_citation_of_the_article() -> None:
    page = (
        "Berg, A. and Ruiz, T. (2021) Thermal limits of reef fish communities. Marine "
        "Letters, 46 (6). pp. 401-419. ISSN 0093-4690\n\n"
        f"Abstract\n\n{ECOLOGY}"
    )
    assert build_draft(page).title == "Thermal limits of reef fish communities"


def test_it_reads_the_title_from_a_labelled_line() -> None:
    page = (
        f"Описание на английском: Thermal limits of reef fish communities\n\nAbstract:\n\n{ECOLOGY}"
    )
    assert build_draft(page).title == "Thermal limits of reef fish communities"


def test_it_takes_no_section_heading_or_snippet_for_the_title() -> None:
    page = (
        f"Abstract\n\n{ECOLOGY}\n\n3. Reefs and fish species\n\n"
        "… reefs lose species when water warms, and we argue that protected reefs recover …"
    )
    title = build_draft(page).title
    assert not title.startswith(("3.", "…"))


def test_it_keeps_the_parts_of_an_emerald_structured_abstract() -> None:
    page = (
        "ABSTRACT\n\nPurpose\n\nThis study asks whether bus lanes cut delays.\n\n"
        "Design/methodology/approach\n\nA simulation of one corridor was calibrated.\n\n"
        "Findings\n\nDynamic lanes cut bus travel time by 17 per cent.\n\n"
        "Originality/value\n\nNo earlier study used a real corridor.\n\nKEYWORDS:\n\nbus lanes"
    )
    assert len(build_draft(page).sentences) == 4


def test_it_takes_a_title_run_into_the_first_sentence() -> None:
    page = f"Thermal limits of reef fish communities on warming coasts {ECOLOGY}"
    page = page.replace("Coral reefs", "The coral reefs", 1)
    draft = build_draft(page)
    assert draft.title == "Thermal limits of reef fish communities on warming coasts"
    assert draft.sentences[0].startswith("The coral reefs lose species")


def test_it_leaves_a_first_sentence_without_a_glued_title_whole() -> None:
    assert build_draft(LAW).sentences[0].startswith("The doctrine of proportionality")


def test_it_drops_the_numbers_of_a_numbered_abstract() -> None:
    page = (
        "Abstract\n\n1. Coral reefs lose species when water warms beyond their limits. "
        "2. We surveyed forty reefs across three oceans between 2005 and 2020.\n\n"
        "Read the free Plain Language Summary for this article on the Journal blog."
    )
    assert build_draft(page).sentences == [
        "Coral reefs lose species when water warms beyond their limits.",
        "We surveyed forty reefs across three oceans between 2005 and 2020.",
    ]


_PUBMED_PAGE = """Ecol Lett. 2019 Jan;22(1):12-20. doi: 10.1111/ele.13100.

Seed banks as a buffer of desert annuals against drought.

Ecology letters

Ana Ruiz, Tom Baker

Abstract

Desert annual plants persist through dry years because part of each seed cohort stays
dormant in the soil. We tracked seed banks of twelve species over eight years of rainfall
records. Species with larger seed banks declined less in drought years and recovered faster
after rain. Dormancy therefore acts as a bet-hedging strategy that buffers populations against
drought, and seed bank size predicts which species persist under a drier climate.
"""


def test_it_takes_a_verbless_title_line_ending_in_a_period_as_the_title() -> None:
    # PubMed prints the title as a line with a final period
    assert (
        read_page(_PUBMED_PAGE).title == "Seed banks as a buffer of desert annuals against drought"
    )


def test_it_does_not_cut_a_title_case_ending_as_if_it_were_authors() -> None:
    page = (
        "Drought Survival Among Desert Annuals and Their Seeds\n\n"
        + _PUBMED_PAGE.split("Abstract\n\n")[1]
    )
    assert build_draft(page).title == "Drought Survival Among Desert Annuals and Their Seeds"


def test_it_takes_a_long_first_line_without_a_final_stop_as_the_title() -> None:
    page = (
        "Seed banks, dormancy and drought: a long-term, multi-site study of desert annuals\n\n"
        + _PUBMED_PAGE.split("Abstract\n\n")[1]
    )
    draft = build_draft(page)
    assert draft.title.startswith("Seed banks, dormancy and drought")
    assert not draft.sentences[0].startswith("Seed banks, dormancy")


def test_it_keeps_years_in_a_title_and_never_takes_the_journals_name() -> None:
    body = _PUBMED_PAGE.split("Abstract\n\n")[1]
    assert build_draft("Seed Banks in the Mojave, 1950-2010\n\n" + body).title == (
        "Seed Banks in the Mojave, 1950-2010"
    )
    page = (
        "Seed banks as a buffer of desert annuals against drought\n\nAna Ruiz\n\n"
        "Journal of Desert Seed Banks\n\nAbstract\n\n" + body
    )
    assert read_page(page).title == "Seed banks as a buffer of desert annuals against drought"


def test_it_does_not_join_a_page_label_under_the_title_to_it() -> None:
    page = (
        "Seed banks as a buffer of desert annuals against drought\n\nresearch-article\n\n"
        "Journal of Desert Seed Banks\n\nAbstract\n\n" + _PUBMED_PAGE.split("Abstract\n\n")[1]
    )
    assert read_page(page).title == "Seed banks as a buffer of desert annuals against drought"


def test_it_takes_a_two_word_title_the_abstract_speaks_of_in_lower_case() -> None:
    # "Thermal Limits" has a name's shape, but the abstract writes both words in lower
    # case: a short title; "Ana Berg" is never written so, and stays an author.
    page = f"RESEARCH\n\nThermal Limits\n\nAna Berg, Tom Lund\n\nWorking Paper No. 12\n\n{ECOLOGY}"
    assert build_draft(page).title == "Thermal Limits"


def test_it_strips_an_abstract_heading_joined_by_a_dash() -> None:
    draft = build_draft(f"Abstract \u2013 {ECOLOGY}")
    assert draft.sentences[0].startswith("Coral reefs lose species")


def test_a_log_in_link_above_the_title_is_no_part_of_it() -> None:
    title = "Thermal Limits of Reef Fish Species: Bleaching, Warming, and the Loss of Fish"
    page = (
        f"Skip to main content\nLog in\n\n{title}\n\n  \u2022 Published:\n"
        f"Biology Bulletin Aims and scope Submit manuscript\n\nAbstract\n\n{ECOLOGY}\n\n"
        "This is a preview of subscription content, log in via an institution to check access."
    )
    assert build_draft(page).title == title


def test_a_title_above_the_abstract_beats_a_reference_entry_below_it() -> None:
    title = "How Can Reefs Keep Their Fish? Thermal Limits of Reef Fish Species"
    page = (
        f"{title}\n\nGeneral information\n\nPublication type\n\nJournal Article\n\n"
        f"Abstract\n\n{ECOLOGY}\n\nList of references\n\n"
        "  1. Kim, Reef fish under warming water, Mar. Ecol., № 28, \u0441. 189\n"
        "  2. Weaver, D.B. (2007). Reef Fish Species: Thermal Limits and"
    )
    assert build_draft(page).title == title


def test_the_journal_s_article_type_is_no_part_of_the_title() -> None:
    title = "Thermal Limits of Reef Fish Species in Three Oceans"
    page = f"Original Article {title}\n\nAbstract\n\n{ECOLOGY}"
    assert build_draft(page).title == title


def test_a_library_records_field_name_is_not_the_abstracts_first_word() -> None:
    abstract = (
        "Taxes may treat equals unequally, and they may change the ranking of people from poor "
        "to rich. Courts in Germany developed the test in the nineteenth century to review "
        "police measures. After 1949 the constitutional court applied it to every right."
    )
    record = (
        "Format: Artikel\nSprache:eng\ncontainer_end_page 294\ncontainer_issue 2\n"
        "container_title Some law journal\ncreator SMITH, JANE\n"
        f"description {abstract}\ndoi_str_mv 10.1000/xyz\n"
    )
    draft = build_draft(record)
    assert draft.sentences[0].startswith("Taxes may treat equals unequally")
    # on a page that is no record dump, a lower-case first word is left alone
    assert split_inline("ethnomusicology Today is a journal.") == (
        "ethnomusicology Today is a journal."
    )


def test_research_design_and_methods_is_a_method_section() -> None:
    from course.generator.source import is_method_section

    assert is_method_section("RESEARCH DESIGN AND METHODS")
    assert not is_method_section("RESULTS")


def test_the_start_of_a_first_sentence_is_no_glued_title() -> None:
    from course.generator.source import glued_title

    assert (
        glued_title(
            "Recently, metal halide perovskite solar cells of the formula ABX3 where A is a cation "
            "have achieved high efficiencies."
        )
        is None
    )
    assert glued_title("Rent control in Berlin There are many ways to cap rents.") == (
        "Rent control in Berlin",
        "There are many ways to cap rents.",
    )


def test_it_takes_the_line_over_the_authors_for_the_title_not_the_keywords() -> None:
    # A repository record: the title names the study more than its findings, and the
    # keyword field (no colon) below shares more words with the abstract than the title.
    page = (
        "Research Repository\n\nAdvanced Search\n\n"
        "On the Robustness of Proportionality: Disparate Courts and Review Equations\n\n"
        "Keller, M.A.; Doe, J.T.\n\n"
        f"{LAW}\n\n"
        "Keywords Proportionality, Constitutional court, Fundamental right, Police measures\n"
    )
    draft = build_draft(page)
    assert draft.title == (
        "On the Robustness of Proportionality: Disparate Courts and Review Equations"
    )
    assert " ".join(draft.sentences) == LAW


def test_it_reads_a_repository_listing_with_its_bulleted_title_and_indented_byline() -> None:
    page = (
        "Recent submissions\n\n"
        "  \u2022 Proportionality in Germany and Beyond\n\n"
        "    Keller, Maria (School of Law, 2021-07-19)\n"
        f"    {LAW}\n"
        "  \u2022 Why Courts Defer to Police Measures\n\n"
        "    Doe, John (School of Law,\n"
    )
    draft = build_draft(page)
    assert draft.title == "Proportionality in Germany and Beyond"
    # the byline stays off the first sentence
    assert draft.sentences[0] == LAW.split(". ")[0] + "."


def test_it_takes_the_line_over_the_publication_date_for_the_title() -> None:
    page = (
        "Hostname: page-component-7 Total loading time: 0 Render date: 2024-06-03\n\n"
        "Proportionality and Courts: Living in the Immaterial World\n\n"
        "Published online by Cambridge University Press: 12 September 2006\n\n"
        f"Abstract\n\n{LAW}"
    )
    assert build_draft(page).title == "Proportionality and Courts: Living in the Immaterial World"


def test_a_derived_title_names_no_person_the_text_cites() -> None:
    from course.generator.titles import derive_title

    terms = ["anthropologist Timothy Ingold", "jazz analysts", "improvised performance"]
    assert derive_title(terms, "Jazz analysts have long struggled.") == "Jazz Analysts"
    assert derive_title(["Urban Heat Island", "land cover"], "Cities are warm.") == (
        "Urban Heat Island"
    )


def test_it_reads_a_repository_records_fields_glued_to_their_values() -> None:
    page = (
        "Proportionality in Germany\n\n"
        "dc.contributor.authorKeller, Maria\n"
        "dc.date.issued2008\n"
        f"dc.description.abstract{LAW}en_US\n"
        "dc.identifier.citation39 University Law Review 47en_US\n"
        "dc.titleProportionality in Germanyen_US\n"
    )
    draft = build_draft(page)
    assert " ".join(draft.sentences) == LAW  # no field name before it, no language tag after
    assert draft.title == "Proportionality in Germany"


def test_it_takes_no_keyword_set_for_the_title_and_drops_the_sites_label_after_it() -> None:
    page = (
        "Scholarly article on topic 'Proportionality in Germany'\n\n"
        'Proportionality in Germany Academic research paper on "Law"\n\n'
        "Keywords\n\n{Proportionality / Courts / Police / Fundamental rights}\n\n"
        f"Abstract {LAW}\n"
    )
    assert build_draft(page).title == "Proportionality in Germany"
