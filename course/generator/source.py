"""Stage 1b: find the abstract inside a pasted page, and say what the rest of the page was.

An instructor pastes whatever they selected on a journal page: a site header, the
title, author and affiliation lines, metadata bullets, a heading ("Abstract",
"ABSTRACT", "Анотація", "초록"), the abstract (sometimes twice, sometimes with a
translation beside it), keywords, and the start of the article body or its reference
list. This module keeps only the abstract:

1. :func:`split_inline` puts headings and section markers that a copy glued into a
   line ("AbstractThis study", "(PCD).Methods", "… Korea Abstract Panel line …",
   "… Key Words : …") on lines of their own, so every later decision is about whole
   paragraphs;
2. :func:`classify` gives each paragraph a role (heading, structure label, stop
   marker, notice, prose, other) from its shape alone;
3. :func:`find_block` takes the run of prose after an abstract heading (the longest,
   when the page shows the abstract twice) or, on a page without a heading, the
   longest run of prose;
4. :func:`removal_kind` files every other paragraph under what it was (page header,
   metadata, authors, navigation, references, other language, article body), so the
   instructor sees what was left out and why.

Nothing here knows any journal, site or field: the cues are the shapes of page
matter (key-value lines, name lists, digits, web vocabulary) and of prose (function
words, lower-case words, sentence ends).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .clean import (
    collapse_spaces,
    dominant_script,
    is_boilerplate,
    looks_like_title,
    normalize_chars,
    script_of,
    split_paragraphs,
)
from .frequency import is_common
from .lexicon import (
    AUXILIARIES,
    ED_ING_NOUNS,
    HEADING_WORDS,
    IRREGULAR_VERB_FORMS,
    MODALS,
    STOPWORDS,
    UI_WORDS,
    VERB_BASES,
)
from .model import Removed
from .relations.words import has_finite
from .sentences import split_paragraph
from .titles import page_title

# --- the vocabulary of page structure --------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: "Abstract" in the languages journal pages are written in. A line that is only one
#: of these (with a field prefix such as "dc.description." or a colon) opens the block.
ABSTRACT_HEADINGS = _words(
    """
    abstract summary résumé resumen resumo riassunto zusammenfassung kurzfassung
    samenvatting sammanfattning sammendrag resumé streszczenie abstrakt souhrn özet
    аннотация анотація резюме реферат 초록 요약 抄録 要旨 要約 摘要 内容摘要 概要
    """
)

#: Lines after which the abstract is over: keywords, the article's first section,
#: references, citation and copyright notes, publishers' record fields.
STOP_HEADINGS = _words(
    """
    keywords keyword key-words index-terms introduction references bibliography
    literature cited-by citations citation-status notes footnotes acknowledgements
    acknowledgments funding copyright type associated-data related-articles
    similar-articles metrics supplementary-material highlights graphical-abstract
    author-summary plain-language-summary 키워드 주제어 서론 참고문헌 ключевые-слова
    ключові-слова список-літератури список-литературы литература введение вступ
    schlüsselwörter palabras-clave palavras-chave mots-clés parole-chiave jel jel-codes
    jel-classification キーワード 关键词 關鍵詞
    """
)

#: Heads of "Head: text" lines that end the abstract.
_STOP_FIELDS = STOP_HEADINGS - {"introduction"}

#: Words of web pages that an abstract does not use: a prose paragraph with two of
#: them ("… a full PDF is available via the 'Save PDF' action button") is a notice.
NOTICE_WORDS = _words(
    """
    pdf html download downloads button click login log-in sign-in subscribe
    subscription cookie cookies browser javascript website purchase institutional rent
    checkout full-text clicking privacy-policy cookie-policy new-tab blog plain-language
    """
)

#: Words that name where authors work: a line with one of them and no verb is an
#: affiliation.
AFFILIATION_WORDS = _words(
    """
    university universität université universidad universidade università institute
    institut instituto department dept faculty college school laboratory lab centre
    center hospital academy team division ministry
    """
)

#: Labels of record and metadata fields.
METADATA_WORDS = _words(
    """
    doi issn isbn vol volume issue pp pages published received accepted revised
    available online publisher journal abbr citation cite author authors author(s)
    editor editors edition language format extent identifier uri handle dc date print
    copyright license licence rights permissions orcid pmid pmcid article research-area
    research area type
    """
)

_WORD_RE = re.compile(r"[^\W_]+")
_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_SENTENCE_END_RE = re.compile(r"[.!?\u3002\uff01\uff1f][\"')\]]*$")
_SENTENCE_ENDS_RE = re.compile(r"[.!?\u3002\uff01\uff1f](?:\s|$)")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_URL_RE = re.compile(r"https?://|www\.|\bdoi\s*:|10\.\d{4,}/")
_DATE_RE = re.compile(
    r"\b(?:1[6-9]|20)\d\d[-./]\d\d?(?:[-./]\d\d?)?\b|\b\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}\b"
    r"|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\b"
)
_KEY_VALUE_RE = re.compile(r"^[\w().'/&-]+(?:\s+[\w().'/&-]+){0,2}\s*[:=]\s*\S")
_FIELD_PREFIX_RE = re.compile(r"^(?:[a-z]+\.){1,3}[a-z]+", re.IGNORECASE)
#: A repository record's keyword field without its colon: "Keywords Minimum wages, …".
#: A keyword set: "{Prejudice / Class / Disability / …}", "ageing / care / welfare / …".
_KEYWORD_SET_RE = re.compile(r"^\{[^{}]*\}$|^[^./]{1,40}(?:\s/\s[^./]{1,40}){2,}$")
_KEYWORDS_FIELD_RE = re.compile(
    r"^(?:key\s?-?words?|index\s+terms|jel\s+(?:codes?|classifications?))\s+\S", re.IGNORECASE
)

#: The fewest words a paragraph of prose has, and the most a label has.
MIN_PROSE_WORDS = 6
#: Without final punctuation a paragraph is prose only this long (a wrapped
#: paragraph whose copy was cut mid-sentence).
MIN_OPEN_PROSE_WORDS = 15
#: Share of the words of a cased script that start lower-case in prose; titles, names
#: and metadata have fewer.
MIN_PROSE_LOWER_SHARE = 0.5
#: Letters a paragraph in a script without case needs to be prose.
MIN_CASELESS_PROSE_LETTERS = 40
#: A sentence of prose has at least this many words (or, without case, letters).
MIN_SENTENCE_WORDS = 3
#: Sentences of abstracts rarely pass this many words (57 the longest in the development
#: texts, 95 an enumerated "results show that: (1) … (3) …"); a longer one counts as
#: prose only with this share of lower-case words (page matter run together with a
#: sentence has many capitals; plain prose has 70-85 % lower-case words).
MAX_SENTENCE_WORDS = 80
MIN_LONG_LOWER_SHARE = 0.7
MIN_CASELESS_SENTENCE_LETTERS = 10
#: A title glued to the first sentence has this many words.
MIN_GLUED_TITLE_WORDS = 4
MAX_GLUED_TITLE_WORDS = 25
#: A structured abstract's section label has at most this many words.
MAX_LABEL_WORDS = 4
#: Page matter tolerated between a heading and its prose ("Background", a notice).
MAX_SKIPPED_AFTER_HEADING = 3


# --- inline markers -----------------------------------------------------------------

_HEADING_ALT = "Abstract|ABSTRACT|Summary|SUMMARY"
#: "AbstractThis study", "Abstract. The article", "Abstract: We ..." at a line start,
#: when prose follows (so a title "Abstract Algebra for Schools" stays whole).
_LEADING_HEADING_RE = re.compile(
    rf"^(\s*)({_HEADING_ALT})(?:[.:\uff1a]\s*|\s*[\u2013\u2014]\s*|\s+-\s+|\s+|(?=[A-Z][a-z]))"
    r"(?=[A-Z])"
)
#: "... Incheon, Korea Abstract Panel line is ...": a heading inside a run-together page.
_INLINE_HEADING_RE = re.compile(
    r"(?<=[^\W\d_]|[)*\d])\s+(Abstract|ABSTRACT)(?:[.:\uff1a]\s*|\s+)(?=[A-Z])"
)
#: Structured abstracts: labels glued to the sentence before ("(PCD).Methods") or
#: opening a line ("Methods: We ...").
_STRUCTURE_LABELS = (
    "Background|Backgrounds|Introduction|Objectives?|Aims?|Purpose|Context|Design|Setting|"
    "Participants|Patients|Interventions?|Measurements|Methods?|Methodology|Materials and "
    "Methods|Results?|Findings|Conclusions?|Interpretation|Discussion|Significance|"
    "Implications|Limitations|Originality/value|Design/methodology/approach|"
    "Research limitations/implications|Practical implications|Social implications"
)
_GLUED_LABEL_RE = re.compile(rf"(?<=[\w)\]%])\.({_STRUCTURE_LABELS})(?=\s*$|\s*\n)", re.MULTILINE)
#: A label after a sentence on the same line: "… intention to leave. Conclusion: Job …".
_INLINE_LABEL_RE = re.compile(rf"(?<=[.!?])\s+({_STRUCTURE_LABELS})\s*:\s+(?=[A-Z])")
_LEADING_LABEL_RE = re.compile(
    rf"^(\s*)({_STRUCTURE_LABELS}|{_STRUCTURE_LABELS.upper()})\s*[:.\uff1a]\s*(?=\S)", re.MULTILINE
)
#: Markers that end an abstract inside a run-together line.
_INLINE_STOP_RE = re.compile(
    r"\s+(?=(?:Key\s?[Ww]ords?|KEY\s?WORDS?|Index [Tt]erms|JEL [Cc]lassification)\s*[:\uff1a—-])"
    r"|\s+(?=\*\s?Corresponding [Aa]uthor)"
    r"|\s+(?=\((?:Received|Submitted)\b)"
    r"|\s+(?=\d{1,2}\.?\s+(?:Introduction|INTRODUCTION|서론|Введение|Вступ)\b)"
)
#: "Communist.According", "PCD.Free full text": two sentences (or a sentence and a
#: label) glued when the page was copied. Not "U.S.Army" or "e.g." (a capital or a
#: one-letter word before the period).
_RECORD_FIELD_RE = re.compile(r"^\s*[a-z]{1,12}(?:\.[a-z]+){1,3}(?=[A-Z\d\s]|$)")
#: A record's field named in snake case at a line's start: "container_title National …".
_SNAKE_FIELD_RE = re.compile(r"(?m)^[a-z]+(?:_[a-z]+)+\s+\S")
#: How many such fields make a page a raw record dump.
MIN_RECORD_FIELDS = 3
#: A field's lower-case name before capitalised text, on a record dump: "description Taxes …".
_BARE_FIELD_RE = re.compile(r"^([a-z]+(?:_[a-z]+)*)\s+(?=[A-Z])")
#: A repository's language tag glued to a field's value: "… rightly so.en_US".
_LANGUAGE_TAG_RE = re.compile(r"(?<=[^\s_])[a-z]{2}_[A-Z]{2}$")
_GLUED_SENTENCE_RE = re.compile(r"(?<=[A-Za-z)\]][A-Za-z)\]])\.(?=[A-Z][a-z])")


def split_inline(text: str) -> str:
    """Put headings, structure labels and end markers glued into lines on their own.

    Works on normalised text, before lines are joined into paragraphs; each marker
    becomes its own paragraph (blank lines around it).
    """
    text = _GLUED_LABEL_RE.sub(lambda m: f".\n\n{m.group(1)}\n\n", text)
    text = _INLINE_LABEL_RE.sub(lambda m: f"\n\n{m.group(1)}:\n\n", text)
    lines = []
    # A library record's raw fields ("container_title National tax journal", "description
    # Taxes may treat …"): each field's name is a label of its own, not the prose's first word.
    record = len(_SNAKE_FIELD_RE.findall(text)) >= MIN_RECORD_FIELDS
    for line in text.split("\n"):
        # A heading, an end marker or a record field ("dc.date.issued2019-03") is a
        # paragraph of its own, however long the lines around it.
        record_field = _RECORD_FIELD_RE.match(line)
        if record_field and line[record_field.end() :].strip():
            # "dc.description.abstractThe debate … weighty.en_US": the field's name on a
            # line of its own (an abstract's is its heading), the value without its
            # language tag
            value = _LANGUAGE_TAG_RE.sub("", line[record_field.end() :].strip())
            lines.append(f"\n{record_field.group().strip()}\n\n{value}\n")
            continue
        if is_abstract_heading(line) or is_stop(line) or record_field:
            lines.append(f"\n{line}\n")
            continue
        field = _BARE_FIELD_RE.match(line) if record else None
        if field:
            lines.append(f"\n{field.group(1)}\n")
            line = line[field.end() :]
        line = _split_leading_heading(line)
        if not _labelled_title(line):
            line = _LEADING_LABEL_RE.sub(
                lambda m: f"{m.group(1)}{m.group(2)}:\n\n{m.group(1)}", line
            )
        line = _INLINE_HEADING_RE.sub(lambda m: f"\n\n{m.group(1)}\n\n", line)
        line = _INLINE_STOP_RE.sub("\n\n", line)
        lines.append(_GLUED_SENTENCE_RE.sub(". ", line))
    return "\n".join(lines)


def _labelled_title(line: str) -> bool:
    """A title that opens with a section's name ("Discussion: the futures of global
    history", "Review: …"): after the label, a short lower-case phrase with no sentence
    end, where a structured abstract's label is followed by a sentence."""
    match = _LEADING_LABEL_RE.match(line)
    if not match:
        return False
    rest = line[match.end() :].strip()
    return (
        rest[:1].islower()
        and len(rest.split()) < MIN_OPEN_PROSE_WORDS
        and not _SENTENCE_END_RE.search(rest)
    )


def _split_leading_heading(line: str) -> str:
    match = _LEADING_HEADING_RE.match(line)
    if not match:
        return line
    rest = line[match.end() :]
    # A title that starts with the word ("Abstract Algebra for Schools") is short.
    if len(rest.split()) < MIN_OPEN_PROSE_WORDS and not _SENTENCE_END_RE.search(rest):
        return line
    indent = match.group(1)
    return f"{indent}{match.group(2)}\n\n{indent}{rest}"


# --- paragraph roles ----------------------------------------------------------------

HEADING = "heading"  # "Abstract" and its translations
LABEL = "label"  # a structured abstract's section label ("Methods")
STOP = "stop"  # "Keywords", "References", "1. Introduction", a copyright line
NOTICE = "notice"  # prose about the web page itself
PROSE = "prose"
OTHER = "other"  # titles, names, metadata, navigation


def _key(text: str) -> str:
    """A line as a heading key: lower case, no numbering, no trailing colon or dots."""
    text = re.sub(r"^[\dIVX]{1,3}[.)]?\s+", "", text.strip())
    text = text.strip(" .:\uff1a-—*=#[]()").casefold()
    return re.sub(r"\s+", "-", text)


def is_abstract_heading(text: str) -> bool:
    """ "Abstract", "ABSTRACT:", "Анотація", "dc.description.abstract"."""
    key = _key(text)
    if key in ABSTRACT_HEADINGS:
        return True
    field = _FIELD_PREFIX_RE.match(key)
    return bool(field and field.end() == len(key) and key.rsplit(".", 1)[-1] in ABSTRACT_HEADINGS)


def is_stop(text: str) -> bool:
    """A line after which the abstract is over."""
    if re.match(r"^(?:©|\(c\)\s|copyright\b)", text.strip(), re.IGNORECASE):
        return True
    key = _key(text)
    if key in STOP_HEADINGS:
        return True
    head = re.split(r"\s*[:\uff1a]", text.strip(), maxsplit=1)[0]
    # "Keywords: …" ends the abstract; "Introduction: …" opens a structured one.
    return head != text.strip() and len(head.split()) <= 3 and _key(head) in _STOP_FIELDS


def is_structure_label(text: str) -> bool:
    """ "Methods", "Methodology/Principal findings", "Trial registration"."""
    words = [w for w in _WORD_RE.findall(text.casefold()) if w not in {"and", "of", "the"}]
    if not 0 < len(words) <= MAX_LABEL_WORDS or _SENTENCE_END_RE.search(text):
        return False
    return sum(1 for w in words if w in HEADING_WORDS) * 2 >= len(words)


def script_share(text: str, script: str) -> float:
    """Share of the letters of ``text`` written in ``script`` (1.0 without letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if script_of(c) == script) / len(letters)


def _cased(script: str) -> bool:
    return script in {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN"}


def is_prose(text: str) -> bool:
    """Running sentences rather than a title, a name list, a label or a metadata line.

    In a cased script, prose has enough words, most of them lower-case, some function
    words, and ends like a sentence (or is long: a copy cut mid-sentence). In a script
    without case (Hangul, CJK), enough letters and sentence ends.
    """
    script = dominant_script(text)
    if not _cased(script):
        letters = sum(1 for c in text if c.isalpha())
        ends = len(_SENTENCE_ENDS_RE.findall(text + " "))
        return letters >= MIN_CASELESS_PROSE_LETTERS and ends >= 1
    words = [w for w in _WORD_RE.findall(text) if any(c.isalpha() for c in w)]
    words = [w for w in words if script_of(next(c for c in w if c.isalpha())) == script]
    if len(words) < MIN_PROSE_WORDS:
        return False
    lower = sum(1 for w in words if w[0].islower()) / len(words)
    # Function words: English ones, or short words (they are short in every language).
    function = any(w.islower() and (len(w) <= 3 or w in STOPWORDS) for w in words)
    if _SENTENCE_END_RE.search(text):
        return lower >= MIN_PROSE_LOWER_SHARE and function
    # Unfinished (a copy cut mid-sentence): long, and with a verb, which a long
    # sentence-case title ("A consensus statement: a core outcome set for …") lacks.
    return bool(
        lower >= MIN_PROSE_LOWER_SHARE
        and function
        and len(words) >= MIN_OPEN_PROSE_WORDS
        and any(_verb_like(w.lower()) for w in words)
    )


def _verb_like(word: str) -> bool:
    if word in AUXILIARIES or word in MODALS or word in IRREGULAR_VERB_FORMS:
        return True
    if len(word) > 4 and word.endswith("ed") and word not in ED_ING_NOUNS:
        return True
    return (word.endswith("s") and word[:-1] in VERB_BASES) or word[:-2] in VERB_BASES


def is_notice(text: str) -> bool:
    """Prose about the page: access, downloads, buttons."""
    tokens = [w.casefold() for w in _TOKEN_RE.findall(text)]
    words = set(tokens) | {f"{a}-{b}" for a, b in pairwise(tokens)}
    return len(words & NOTICE_WORDS) >= 2


def classify(text: str) -> str:
    if is_abstract_heading(text):
        return HEADING
    if text.endswith(":") and is_structure_label(text) and _key(text) not in _STOP_FIELDS:
        return LABEL  # "Introduction:" opening a structured abstract's first part
    if is_stop(text):
        return STOP
    if is_structure_label(text):
        return LABEL
    if is_prose(text):
        return NOTICE if is_notice(text) else PROSE
    return OTHER


# --- the block ----------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """Where the abstract is: paragraphs ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    headed: bool  # found after an abstract heading


def _run(roles: Sequence[str], start: int) -> tuple[int, int]:
    """The prose run beginning at ``start``: prose and structure labels, in any order."""
    end = start
    while end < len(roles) and roles[end] in (PROSE, LABEL):
        end += 1
    # A label closing the run ("Conclusion" with the text cut off) is not part of it.
    while end > start and roles[end - 1] == LABEL:
        end -= 1
    return start, end


#: Share of its words that are English function words above which a run of prose is in
#: English. Lectern teaches in English: where a page shows the abstract in several
#: languages written in one script (Spanish and English, say), the English copy is kept.
MIN_ENGLISH_SHARE = 0.2


def english_share(text: str) -> float:
    words = _WORD_RE.findall(text.casefold())
    return sum(1 for w in words if w in STOPWORDS) / len(words) if words else 0.0


def find_block(paragraphs: Sequence[str], roles: Sequence[str]) -> Block | None:
    """The abstract's paragraphs, or None when the page holds no prose at all.

    After a heading the block is the run of prose that follows it, skipping a few
    labels, notices or other headings in between. Without a heading, any run of prose.
    Of several runs (the abstract twice, or in two languages), an English one before
    others, then the longest, then the first.
    """
    headed: list[tuple[int, int]] = []
    for i, role in enumerate(roles):
        if role != HEADING:
            continue
        j, skipped = i + 1, 0
        while j < len(roles) and roles[j] != PROSE and skipped <= MAX_SKIPPED_AFTER_HEADING:
            if roles[j] == STOP:
                break
            j, skipped = j + 1, skipped + 1
        if j < len(roles) and roles[j] == PROSE:
            headed.append(_run(roles, j))
    runs = headed
    if not runs:
        i = 0
        while i < len(roles):
            if roles[i] == PROSE:
                runs.append(_run(roles, i))
                i = runs[-1][1]
            i += 1
    if not runs:
        return None

    def rank(run: tuple[int, int]) -> tuple[bool, int]:
        text = " ".join(paragraphs[run[0] : run[1]])
        return english_share(text) >= MIN_ENGLISH_SHARE, len(text.split())

    start, end = max(runs, key=rank)  # max keeps the first of equals
    return Block(start, end, headed=bool(headed))


# --- sentences at the edges -----------------------------------------------------------

#: A run of prose sentences found inside a paragraph of page matter (a page copied as
#: one line) is the abstract only with at least this many words.
MIN_SENTENCE_RUN_WORDS = 30
#: A run-on of buttons and links ("Collapse View via Publisher Save to Library …"): this
#: many interface words, a quarter of its words or more.
MIN_UI_WORDS_IN_RUN_ON = 3
_MARKUP_RE = re.compile(r"\bdoi\s*:|\b10\.\d{4,}/|[{}]|\S@\S", re.IGNORECASE)
#: Toggle labels a copy glues to the first sentence ("Expand Italy was behind …").
_TOGGLE_RE = re.compile(r"^(?:Expand|Collapse|Toggle|Hide)\s+(?=[A-Z])")


def sentence_is_prose(sentence: str) -> bool:
    """A sentence of running text (shorter ones count too: "Soil matters.").

    A sentence longer than most in abstracts must read plainly as prose: on a page copied
    as one line, page matter glued to a sentence ("… Search Sign In … TLDR It is argued
    …") makes a long one with many capitals.
    """
    if is_notice(sentence):
        return False
    if len(sentence.split()) > MAX_SENTENCE_WORDS and _lower_share(sentence) < MIN_LONG_LOWER_SHARE:
        return False
    if _MARKUP_RE.search(sentence):
        return False  # a DOI, an e-mail address, a record in braces: page matter
    if is_prose(sentence):
        return True
    if not _SENTENCE_END_RE.search(sentence):
        return False
    script = dominant_script(sentence)
    if not _cased(script):
        return sum(1 for c in sentence if c.isalpha()) >= MIN_CASELESS_SENTENCE_LETTERS
    words = [w for w in _WORD_RE.findall(sentence) if w[0].isalpha()]
    lower = sum(1 for w in words if w[0].islower())
    return len(words) >= MIN_SENTENCE_WORDS and lower * 2 >= len(words)


def _lower_share(text: str) -> float:
    words = [w for w in _WORD_RE.findall(text) if w[0].isalpha()]
    return sum(1 for w in words if w[0].islower()) / len(words) if words else 0.0


def _breaks_run(sentence: str) -> bool:
    """Page matter among sentences: navigation, a notice, markup, a run-on of page text.

    Other sentences that do not read as prose ("FEV1, FVC and LCI were measured.")
    may sit inside an abstract; these may not.
    """
    if sentence_is_prose(sentence):
        return False
    ui = sum(1 for w in _WORD_RE.findall(sentence.casefold()) if w in UI_WORDS)
    return (
        is_navigation(sentence)
        or (ui >= MIN_UI_WORDS_IN_RUN_ON and ui * 4 >= len(sentence.split()))
        or is_notice(sentence)
        or bool(_MARKUP_RE.search(sentence))
        or (
            len(sentence.split()) > MAX_SENTENCE_WORDS
            and _lower_share(sentence) < MIN_LONG_LOWER_SHARE
        )
        or not _SENTENCE_END_RE.search(sentence)
    )


def _sentence_runs(sentences: list[str]) -> list[tuple[int, int]]:
    """Runs of sentences without page matter, each opening and closing with prose."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, sentence in enumerate([*sentences, None]):
        if sentence is not None and not _breaks_run(sentence):
            start = i if start is None else start
            continue
        if start is not None:
            first, end = start, i
            while first < end and not sentence_is_prose(sentences[first]):
                first += 1
            while end > first and not sentence_is_prose(sentences[end - 1]):
                end -= 1
            if first < end:
                runs.append((first, end))
            start = None
    return runs


def _words_of(sentences: list[str], run: tuple[int, int]) -> int:
    return sum(len(x.split()) for x in sentences[run[0] : run[1]])


def _pieces(sentences: list[str], start: int, end: int) -> list[tuple[str, str]]:
    """The paragraph cut into page matter before, the prose run, page matter after."""
    run = " ".join(sentences[start:end])
    run = _TOGGLE_RE.sub("", run)
    out = [(" ".join(sentences[:start]), OTHER), (run, PROSE), (" ".join(sentences[end:]), OTHER)]
    return [(text, role) for text, role in out if text]


def refine(paragraphs: list[str], roles: list[str]) -> tuple[list[str], list[str], Block | None]:
    """Find the block, working sentence by sentence where paragraphs say too little.

    A page copied as one line has no paragraph of prose: its longest run of prose
    sentences is the abstract. And the block's first and last paragraphs lose the page
    matter glued to them ("TLDR … Expand", "… (PCD). Free full text").
    """
    # A short part of a structured abstract ("Results: X rose.") is prose after its label.
    roles = [
        PROSE if role == OTHER and i and roles[i - 1] == LABEL and sentence_is_prose(p) else role
        for i, (p, role) in enumerate(zip(paragraphs, roles, strict=True))
    ]
    block = find_block(paragraphs, roles)
    if block is None:
        found: tuple[int, int, tuple[int, int], list[str]] | None = None
        for i, paragraph in enumerate(paragraphs):
            sentences = split_paragraph(paragraph)
            for run in _sentence_runs(sentences):
                words = _words_of(sentences, run)
                if words >= MIN_SENTENCE_RUN_WORDS and (found is None or words > found[0]):
                    found = (words, i, run, sentences)
        if found is None:
            return paragraphs, roles, None
        _, at, run, sentences = found
        paragraphs, roles = _replace(paragraphs, roles, at, _pieces(sentences, *run))
        return paragraphs, roles, find_block(paragraphs, roles)
    for index in (block.end - 1, block.start):  # the last first: indexes stay valid
        sentences = split_paragraph(paragraphs[index])
        runs = _sentence_runs(sentences)
        if block.end - block.start == 1:
            chosen = max(runs, key=lambda run: _words_of(sentences, run), default=None)
        elif index == block.start:
            chosen = next((run for run in runs if run[1] == len(sentences)), None)
        else:
            chosen = next((run for run in runs if run[0] == 0), None)
        if chosen is None or chosen == (0, len(sentences)):
            continue
        paragraphs, roles = _replace(paragraphs, roles, index, _pieces(sentences, *chosen))
        if block.end - block.start == 1:
            break
    return paragraphs, roles, find_block(paragraphs, roles)


def _replace(
    paragraphs: list[str], roles: list[str], at: int, pieces: list[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    return (
        [*paragraphs[:at], *(text for text, _ in pieces), *paragraphs[at + 1 :]],
        [*roles[:at], *(role for _, role in pieces), *roles[at + 1 :]],
    )


# --- what the rest was --------------------------------------------------------------

PAGE_HEADER = "page header"
METADATA = "metadata"
AUTHORS = "authors"
NAVIGATION = "navigation"
REFERENCES = "references"
OTHER_LANGUAGE = "other language"
ARTICLE_BODY = "article body"
HEADINGS = "headings"
AVAILABILITY = "availability notice"

#: A sentence that says where the code or data can be had ("Codes are available on
#: github.com/…", "Data are available from the authors on request"): page matter about
#: the article's materials, not what it teaches.
_AVAILABILITY_RE = re.compile(
    r"^(?:the\s+|our\s+|all\s+)?(?:source\s+)?(?:codes?|data(?:\s*sets?)?|software|scripts?|"
    r"implementations?|materials?|models?|supplementary\s+\w+)(?:\s+and\s+\w+)?\s+"
    r"(?:(?:is|are|will\s+be|have\s+been|has\s+been)\s+(?:made\s+)?(?:publicly\s+|freely\s+|"
    r"openly\s+)?(?:available|released|accessible)|can\s+be\s+(?:found|downloaded|accessed))\b",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"\b(?:https?://|www\.|github\.com/|doi\.org/)\S+", re.IGNORECASE)


def _is_name_list(text: str) -> bool:
    """ "Jiyoung Kim 1", "Mikhail Mikheev, Julia Gusynina and Tatyana Shornikova",
    "Allen S. Whiting", "Kim, Gyoo-mi (…)": capitalised words in small groups."""
    if "author" in text.casefold():
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'.-]*", text) if w.lower() not in {"and", "&"}]
    if not 2 <= len(words) <= 40:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    if any(_WORD_SUFFIX_RE.search(w) and is_common(w.lower(), 3.0) for w in words):
        return False  # "Medieval Religious, Religions, Religion": English words, no names
    return caps == len(words) and ("," in text or len(words) <= 4)


#: Endings of English nouns and adjectives that names of people do not have.
_WORD_SUFFIX_RE = re.compile(
    r"(?:tions?|sions?|ious|isms?|ities|ity|ology|ments?|ness|ances?|ences?|ics|ical|ives?)$",
    re.IGNORECASE,
)


#: A person's name with initials: "T. A. Schramek", "Schramek, T. A.", "P. L. Colin".
_INITIALS_NAME_RE = re.compile(
    r"^(?:(?:[A-Z]\.\s*){1,3}[A-Z][a-z'\u2019-]+|[A-Z][a-z'\u2019-]+,\s*(?:[A-Z]\.\s*){1,3})"
    r"(?:\s*(?:,|and|&)\s*(?:(?:[A-Z]\.\s*){1,3}[A-Z][a-z'\u2019-]+))*\s*\d*$"
)


def _is_byline(text: str) -> bool:
    """A line that is only names written with initials: the authors, never the title's."""
    return bool(_INITIALS_NAME_RE.match(text.strip()))


def is_record(text: str) -> bool:
    """Identifiers, dates, volume and page numbers, record fields: never a title."""
    stripped = text.strip(" •·-*◽")
    if _URL_RE.search(stripped) or _DATE_RE.search(stripped):
        return True
    if _KEYWORDS_FIELD_RE.match(stripped) or _KEYWORD_SET_RE.match(stripped):
        return True
    if _FIELD_PREFIX_RE.match(stripped) and "." in stripped.split()[0]:
        return True
    words = _WORD_RE.findall(stripped.casefold())
    if not words:
        return True
    digits = sum(1 for w in words if any(c.isdigit() for c in w))
    if digits * 3 >= len(words):
        return True
    return sum(1 for w in words if w in METADATA_WORDS) * 2 >= len(words)


def is_metadata(text: str) -> bool:
    """A record line, or a short "Label: value" line ("Abbr : KGA", "Editor: …")."""
    if is_record(text):
        return True
    stripped = text.strip(" •·-*◽")
    return bool(_KEY_VALUE_RE.match(stripped)) and len(_WORD_RE.findall(stripped)) <= 20


def is_navigation(text: str) -> bool:
    words = _WORD_RE.findall(text.casefold())
    if not words:
        return True
    ui = sum(1 for w in words if w in UI_WORDS)
    return is_notice(text) or (ui > 0 and ui * 2 >= len([w for w in words if w not in STOPWORDS]))


def removal_kind(
    text: str, role: str, *, main_script: str, before_block: bool, after_references: bool
) -> str:
    """File a paragraph left out of the course under what it was on the page."""
    if after_references:
        return REFERENCES
    if role in (HEADING, LABEL):
        return HEADINGS
    if role == STOP:
        key = _key(text)
        if key in {"references", "bibliography", "literature", "cited-by", "citations"}:
            return REFERENCES
        return METADATA if not is_navigation(text) else NAVIGATION
    foreign = script_share(text, main_script) < 0.5
    if foreign and role in (PROSE, NOTICE):
        return OTHER_LANGUAGE
    if _EMAIL_RE.search(text):
        return AUTHORS
    if role == NOTICE or is_navigation(text):
        return NAVIGATION
    if _URL_RE.search(text) or _DATE_RE.search(text) or _FIELD_PREFIX_RE.match(text):
        return METADATA
    if role != PROSE and (
        set(_WORD_RE.findall(text.casefold())) & AFFILIATION_WORDS or _is_name_list(text)
    ):
        return AUTHORS
    if is_metadata(text):
        return METADATA
    if foreign:
        return NAVIGATION  # a label in the site's own language
    if role == PROSE:
        return PAGE_HEADER if before_block else ARTICLE_BODY
    return PAGE_HEADER if before_block else METADATA


#: A sentence in the abstract's script has at least this share of its letters in it; the
#: rest is a translation printed beside the abstract.
MIN_SCRIPT_SHARE = 0.5


def left_out(sentence: str, *, script: str) -> str | None:
    """Why a sentence of the abstract's paragraphs is not part of it, or None.

    A sentence in another script is the translated copy; a short piece without a
    final stop ("Free full text") is a page label glued to the last sentence.
    """
    if script_share(sentence, script) < MIN_SCRIPT_SHARE:
        return OTHER_LANGUAGE
    if not _SENTENCE_END_RE.search(sentence) and len(sentence.split()) < MIN_PROSE_WORDS:
        return NAVIGATION if is_navigation(sentence) else "fragment"
    if _AVAILABILITY_RE.search(sentence.strip()) and (
        _URL_RE.search(sentence) or len(sentence.split()) <= MIN_PROSE_WORDS * 2
    ):
        return AVAILABILITY
    return None


def starts_references(text: str) -> bool:
    key = _key(text)
    return key in {
        "references",
        "bibliography",
        "literature",
        "literature-cited",
        "список-літератури",
        "список-литературы",
        "литература",
        "참고문헌",
    }


# --- the stage ----------------------------------------------------------------------


@dataclass(frozen=True)
class CleanText:
    """The abstract's paragraphs, ready for sentence splitting, and what was left out."""

    title: str | None
    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    script: str = "LATIN"  # the abstract's writing system; sentences in others are dropped
    #: For each paragraph, the structured abstract's section label above it ("Methods:"),
    #: or "" where there is none.
    sections: list[str] = field(default_factory=list)


def paragraph_key(text: str) -> str:
    """Comparison key: two copies differing only in case or spacing are equal."""
    return collapse_spaces(text).casefold()


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(text.casefold()) if w not in STOPWORDS and len(w) > 2}


def _repeats(text: str, kept: set[str]) -> bool:
    """Whether a left-out paragraph is (a cut copy of) the abstract shown again."""
    words = _content_words(text)
    return len(words) >= MIN_PROSE_WORDS and len(words & kept) >= 0.8 * len(words)


def _title_lines(
    paragraphs: Sequence[str], roles: Sequence[str], block: Block
) -> list[tuple[int, str, bool]]:
    """Where the title may be: lines above the abstract, or right below it (some pages
    print it there) until the next heading or end marker, never in the article body.
    Prose lines are searched for title fields only ("|title=…|")."""

    def whole(i: int) -> bool:
        # A title never ends like a sentence, but may read like one ("X enhances Y"); a
        # verbless line ending in a period is a title as PubMed prints one.
        return (
            roles[i] == OTHER
            or not _SENTENCE_END_RE.search(paragraphs[i])
            or (len(paragraphs[i].split()) <= 25 and not has_finite(paragraphs[i]))
        )

    lines = [(i, paragraphs[i], whole(i)) for i in range(block.start)]
    for i in range(block.end, len(paragraphs)):
        if roles[i] in (HEADING, STOP):
            break
        lines.append((i, paragraphs[i], whole(i)))
    return [line for line in lines if roles[line[0]] in (OTHER, PROSE)]


def read_page(text: str) -> CleanText:
    """Find the abstract in a pasted page; report every other paragraph, grouped."""
    normal = split_inline(normalize_chars(text))
    paragraphs = split_paragraphs(normal, is_prose=is_prose)
    paragraphs, roles, block = refine(paragraphs, [classify(p) for p in paragraphs])
    if block is None:
        return _without_block(paragraphs)
    if (
        block.start == 0
        and block.end >= 2
        and looks_like_title(paragraphs[0], paragraphs[1 : block.end])
    ):
        # A clean paste whose long title reads as prose ("An immersive, 'Faster Read': a
        # pilot, mixed-method study, …"): a first line without a final stop is the title.
        block = replace(block, start=1)

    inside = paragraphs[block.start : block.end]
    script = dominant_script(" ".join(inside))
    kept_words = _content_words(" ".join(inside))
    title = page_title(
        _title_lines(paragraphs, roles, block),
        " ".join(inside),
        block.start,
        # a byline under the title ("T. A. Schramek") is no second line of a wrapped title
        page_matter=lambda line: is_navigation(line) or is_record(line) or _is_byline(line),
        # the authors' names, or the date the article came out ("Published online by …:
        # 12 September 2006"): what pages print right under the title
        byline=lambda line: _is_byline(line) or _is_name_list(line) or bool(_DATE_RE.search(line)),
    )

    removed: list[Removed] = []
    kept: list[str] = []
    sections: list[str] = []
    section = ""
    seen: set[str] = set()
    references = False
    for i, paragraph in enumerate(paragraphs):
        role = roles[i]
        references = references or (i >= block.end and starts_references(paragraph))
        if block.start - 1 <= i < block.end and role == LABEL:
            section = paragraph  # inside the block, or the label the block opens under
        if block.start <= i < block.end and role == PROSE:
            key = paragraph_key(paragraph)
            if key in seen:
                removed.append(Removed("duplicate", paragraph))
            else:
                seen.add(key)
                kept.append(paragraph)
                sections.append(section)
            continue
        if title is not None and paragraph in title.sources:
            continue
        if role in (PROSE, NOTICE, OTHER) and _repeats(paragraph, kept_words):
            kind = "duplicate"
        else:
            kind = removal_kind(
                paragraph,
                role,
                main_script=script,
                before_block=i < block.start,
                after_references=references,
            )
        removed.append(Removed(kind, paragraph, before=i < block.start))
    title_text = title.text if title else None
    if title_text is None and kept:
        glued = glued_title(kept[0])
        if glued is not None:
            title_text, kept[0] = glued
    return CleanText(
        title=title_text, paragraphs=kept, removed=removed, script=script, sections=sections
    )


#: Sections of a structured abstract that tell how the study was done, not what it found
#: ("Methods and findings" is not one: it holds the results too).
_METHOD_SECTION_RE = re.compile(
    r"^\W*(?:methods?|methodology|materials and methods|(?:study |research )?design|setting|"
    r"(?:study |research )?design and methods?|settings|participants|patients|subjects|"
    r"interventions?|measurements|"
    r"main outcome measures?|outcome measures?|data sources?|study selection|"
    r"data extraction|design/methodology/approach|design, setting,? and participants|"
    # what the study set out to do: its aim, not a claim ("Objective: Evaluate benefits …")
    r"objectives?|aims?|purpose|aims? and objectives?|(?:background|introduction) and "
    r"(?:aims?|objectives?|purpose))"
    r"\W*$",
    re.IGNORECASE,
)


def is_method_section(label: str) -> bool:
    """Whether a section label heads the study's method ("Methods:", "Setting") or its aim
    ("Objective:"): what the study did or set out to do, not what it found."""
    return bool(_METHOD_SECTION_RE.match(label))


#: "… on amazon.com helpfulness votes There are many …": a title run into the first
#: sentence with no stop between them. Inside a sentence, a lower-case word is never
#: followed by a capitalised word that opens sentences.
_GLUED_TITLE_RE = re.compile(
    r"^(?P<title>(?:[^.!?]|\.(?=\w)){15,250}?[a-z0-9)])\s+(?P<rest>(?:The|There|This|These|Those|In|We|Our|"
    r"It|A|An|Although|While|As|Since|Many|Most|Recent|Recently|Despite|Over|Following|"
    r"Using|With|For|To|Today|Here|Current|Previous|Several|Few)\s.*)$",
    re.DOTALL,
)


#: What no title does: open on a discourse opener and a comma ("Recently, …"), or end on a
#: word that needs the rest of its clause ("… ABX3 where").
_NOT_A_TITLE_RE = re.compile(
    r"^(?:recently|currently|today|here|however|moreover|thus|nowadays|traditionally),|"
    r"\b(?:where|which|who|whose|that|the|a|an|of|and|or|to|in|for|with|by|is|are|was|were)$",
    re.IGNORECASE,
)


def glued_title(paragraph: str) -> tuple[str, str] | None:
    """A title glued to the start of the abstract's first sentence, and the rest."""
    match = _GLUED_TITLE_RE.match(paragraph)
    if match is None:
        return None
    head = match.group("title")
    if not MIN_GLUED_TITLE_WORDS <= len(head.split()) <= MAX_GLUED_TITLE_WORDS:
        return None
    if _NOT_A_TITLE_RE.search(head):
        return None  # "Recently, metal halide perovskite cells … where": a sentence's start
    rest = match.group("rest")
    return head, rest


def _without_block(paragraphs: list[str]) -> CleanText:
    """A text without a paragraph of prose (a few short sentences): keep what is not
    page furniture, as the generator always did, and let later stages decide."""
    script = dominant_script(" ".join(paragraphs))
    removed: list[Removed] = []
    kept: list[str] = []
    for paragraph in paragraphs:
        if is_boilerplate(paragraph, script):
            removed.append(Removed(NAVIGATION, paragraph))
        else:
            kept.append(paragraph)
    title: str | None = None
    if kept and looks_like_title(kept[0], kept[1:]):
        title = kept.pop(0)
    seen: set[str] = set()
    unique: list[str] = []
    for paragraph in kept:
        key = paragraph_key(paragraph)
        if key in seen:
            removed.append(Removed("duplicate", paragraph))
        else:
            seen.add(key)
            unique.append(paragraph)
    return CleanText(title=title, paragraphs=unique, removed=removed, script=script)
