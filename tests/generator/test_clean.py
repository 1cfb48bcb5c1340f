"""Cleaning: line ends, Unicode, wrapped lines, boilerplate, titles, copies."""

from __future__ import annotations

from course.generator import Removed, build_draft
from course.generator.clean import split_paragraphs
from course.generator.source import read_page as clean

ABSTRACT = (
    "Cities grow along rivers because water carries goods cheaply. "
    "Early ports became markets, and markets became towns. "
    "Railways later weakened the link between rivers and growth. "
    "Today, river cities still hold most of the regional trade."
)


def test_it_accepts_cr_only_line_endings() -> None:
    text = "River cities and trade\r" + ABSTRACT.replace(". ", ".\r") + "\r"
    draft = build_draft(text)
    assert draft.title == "River cities and trade"
    assert len(draft.sentences) == 4
    assert all("\r" not in s and "\n" not in s for s in draft.sentences)


def test_it_normalises_curly_quotes_and_odd_spaces() -> None:
    draft = build_draft(
        "The \u201cport\u201d model\u00a0explains the town\u2019s growth.\u2003"
        "It doesn\u2019t explain railways."
    )
    joined = " ".join(draft.sentences)
    assert '"port" model explains' in joined
    assert "town's growth" in joined and "doesn't" in joined
    assert "\u00a0" not in joined and "\u2003" not in joined


def test_it_joins_tab_indented_wrapped_lines() -> None:
    text = (
        "A title line\r\n"
        "The first line of prose is long enough to wrap and\n"
        "\tcontinues here. A second\n"
        "\tsentence ends it.\r\n"
    )
    paragraphs = split_paragraphs(text.replace("\r\n", "\n"))
    assert paragraphs == [
        "A title line",
        "The first line of prose is long enough to wrap and continues here. "
        "A second sentence ends it.",
    ]


def test_it_joins_hard_wrapped_lines_of_one_paragraph() -> None:
    text = (
        "Cities grow along rivers because water carries goods cheaply and\n"
        "reliably. Early ports became markets, and markets became towns over\n"
        "centuries.\n\nA second paragraph starts here."
    )
    assert split_paragraphs(text) == [
        "Cities grow along rivers because water carries goods cheaply and reliably. "
        "Early ports became markets, and markets became towns over centuries.",
        "A second paragraph starts here.",
    ]


def test_it_removes_generic_ui_lines_as_boilerplate() -> None:
    text = f"Show more\n\n{ABSTRACT}\n\nDownload PDF (2.1 MB)\nCite this article"
    draft = build_draft(text)
    assert Removed("navigation", "Show more") in draft.removed
    assert Removed("navigation", "Download PDF (2.1 MB)") in draft.removed
    assert Removed("navigation", "Cite this article") in draft.removed
    assert len(draft.sentences) == 4


def test_it_removes_short_lines_in_another_script() -> None:
    text = f"\u0413\u043e\u0440\u043e\u0434\u0430 \u0438 \u0440\u0435\u043a\u0438\n\n{ABSTRACT}"
    result = clean(text)
    assert [r.kind for r in result.removed] == ["navigation"]  # a label in the site's language
    assert result.paragraphs == [ABSTRACT]


def test_it_keeps_the_copy_in_the_abstracts_own_language() -> None:
    english = f"{ABSTRACT} {ABSTRACT.replace('Cities', 'Towns')}"
    foreign = "Города растут вдоль рек. " * 8
    draft = build_draft(f"{english}\n\n{foreign}")
    assert all(s.isascii() for s in draft.sentences)
    assert "other language" in {r.kind for r in draft.removed}


def test_it_uses_a_short_first_line_as_the_title_and_not_as_a_sentence() -> None:
    draft = build_draft(f"River cities and trade\n{ABSTRACT}")
    assert draft.title == "River cities and trade"
    assert draft.sentences[0].startswith("Cities grow")
    assert all(r.text != "River cities and trade" for r in draft.removed)


def test_it_prefers_the_title_argument() -> None:
    draft = build_draft(f"River cities and trade\n{ABSTRACT}", title="  My  Course ")
    assert draft.title == "My Course"
    assert draft.sentences[0].startswith("Cities grow")


def test_it_collapses_repeated_paragraphs_and_sentences() -> None:
    extra = "Railways later weakened the link between rivers and growth."
    shouted = ABSTRACT.upper()
    text = f"{ABSTRACT}\n\n{shouted}\n\n{ABSTRACT}\n\n{extra} New ports opened."
    draft = build_draft(text)
    kinds = [r.kind for r in draft.removed]
    assert kinds.count("duplicate") >= 2
    assert len(draft.sentences) == 5
    assert draft.sentences[-1] == "New ports opened."
    assert Removed("duplicate", extra) in draft.removed


def test_it_does_not_split_years_or_abbreviations_badly() -> None:
    draft = build_draft(
        "The plan (1928~32) changed industry, e.g. steel and coal. "
        "Output rose by 3.5 per cent in 1929, i.e. faster than planned. "
        "Historians, e.g. Smith et al. (2003), disagree."
    )
    assert len(draft.sentences) == 3


def test_it_ends_a_sentence_at_milliseconds_but_not_at_a_title() -> None:
    from course.generator.sentences import split_paragraph

    assert split_paragraph("The benefit lasted 750 ms. The cognitive load was low.") == [
        "The benefit lasted 750 ms.",
        "The cognitive load was low.",
    ]
    assert len(split_paragraph("The letter was sent to Ms. Jones in 1910.")) == 1


def test_it_restores_a_full_stop_the_copy_lost_before_a_sentence_opener() -> None:
    from course.generator.sentences import split_paragraph

    assert split_paragraph(
        "We use a bargaining framework for discussion The empirical results show that "
        "enforcement fails. Prices fell."
    ) == [
        "We use a bargaining framework for discussion.",
        "The empirical results show that enforcement fails.",
        "Prices fell.",
    ]
    # a title after "in", a name: no stop
    assert len(split_paragraph("The report appeared in The Times on Monday morning.")) == 1


def test_it_ends_a_sentence_at_a_one_letter_word_before_a_sentence_opener() -> None:
    from course.generator.sentences import split_paragraph

    assert split_paragraph("Yield fell with total soil N. Overall, the soils were acid.") == [
        "Yield fell with total soil N.",
        "Overall, the soils were acid.",
    ]
    # an initial before a name stays inside its sentence
    assert len(split_paragraph("The letter went to J. Smith in 1910.")) == 1


def test_it_ends_a_sentence_on_an_everyday_word_that_abbreviates_only_before_a_number() -> None:
    from course.generator.sentences import split_sentences

    split = split_sentences(
        ["Most human groups have not made rock art. Rock art is territorial. See Art. 5 here."]
    )
    assert split.sentences == [
        "Most human groups have not made rock art.",
        "Rock art is territorial.",
        "See Art. 5 here.",
    ]


def test_it_drops_a_publishers_inline_markup() -> None:
    from course.generator.clean import normalize_chars

    assert normalize_chars("at the hardness 105 HV<jats:sub>5</jats:sub> in <i>vivo</i>") == (
        "at the hardness 105 HV5 in vivo"
    )
    # a paragraph's tag still ends its line
    assert normalize_chars("<jats:p>First part.</jats:p><jats:p>Second part.</jats:p>") == (
        "\nFirst part.\n\nSecond part.\n"
    )
