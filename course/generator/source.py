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
from dataclasses import dataclass, field
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
    similar-articles metrics supplementary-material 키워드 주제어 서론 참고문헌 ключевые-слова
    ключові-слова список-літератури список-литературы литература введение вступ
    schlüsselwörter palabras-clave mots-clés parole-chiave
    """
)

#: Words of web pages that an abstract does not use: a prose paragraph with two of
#: them ("… a full PDF is available via the 'Save PDF' action button") is a notice.
NOTICE_WORDS = _words(
    """
    pdf html download downloads button click login log-in sign-in subscribe
    subscription cookie cookies browser javascript website purchase institutional rent
    checkout full-text
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
#: Page matter tolerated between a heading and its prose ("Background", a notice).
MAX_SKIPPED_AFTER_HEADING = 3


# --- inline markers -----------------------------------------------------------------

_HEADING_ALT = "Abstract|ABSTRACT|Summary|SUMMARY"
#: "AbstractThis study", "Abstract. The article", "Abstract: We ..." at a line start,
#: when prose follows (so a title "Abstract Algebra for Schools" stays whole).
_LEADING_HEADING_RE = re.compile(rf"^(\s*)({_HEADING_ALT})(?:[.:]\s*|\s+|(?=[A-Z][a-z]))(?=[A-Z])")
#: "... Incheon, Korea Abstract Panel line is ...": a heading inside a run-together page.
_INLINE_HEADING_RE = re.compile(r"(?<=[^\W\d_]|[)*\d])\s+(Abstract|ABSTRACT)[.:]?\s+(?=[A-Z])")
#: Structured abstracts: labels glued to the sentence before ("(PCD).Methods") or
#: opening a line ("Methods: We ...").
_STRUCTURE_LABELS = (
    "Background|Backgrounds|Introduction|Objectives?|Aims?|Purpose|Context|Design|Setting|"
    "Participants|Patients|Interventions?|Measurements|Methods?|Methodology|Materials and "
    "Methods|Results?|Findings|Conclusions?|Interpretation|Discussion|Significance|"
    "Implications|Limitations|Originality/value|Design/methodology/approach"
)
_GLUED_LABEL_RE = re.compile(rf"(?<=[\w)\]%])\.({_STRUCTURE_LABELS})(?=\s*$|\s*\n)", re.MULTILINE)
_LEADING_LABEL_RE = re.compile(
    rf"^(\s*)({_STRUCTURE_LABELS}|{_STRUCTURE_LABELS.upper()})\s*[:.]\s+(?=\S)", re.MULTILINE
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
_GLUED_SENTENCE_RE = re.compile(r"(?<=[a-z)\]][a-z)\]])\.(?=[A-Z][a-z])")


def split_inline(text: str) -> str:
    """Put headings, structure labels and end markers glued into lines on their own.

    Works on normalised text, before lines are joined into paragraphs; each marker
    becomes its own paragraph (blank lines around it).
    """
    text = _GLUED_LABEL_RE.sub(lambda m: f".\n\n{m.group(1)}\n\n", text)
    lines = []
    for line in text.split("\n"):
        # A heading, an end marker or a record field ("dc.date.issued2019-03") is a
        # paragraph of its own, however long the lines around it.
        if is_abstract_heading(line) or is_stop(line) or _RECORD_FIELD_RE.match(line):
            lines.append(f"\n{line}\n")
            continue
        line = _split_leading_heading(line)
        line = _LEADING_LABEL_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}\n\n{m.group(1)}", line)
        line = _INLINE_HEADING_RE.sub(lambda m: f"\n\n{m.group(1)}\n\n", line)
        line = _INLINE_STOP_RE.sub("\n\n", line)
        lines.append(_GLUED_SENTENCE_RE.sub(". ", line))
    return "\n".join(lines)


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
    return _key(head) in {"keywords", "key-words", "keyword", "index-terms"}


def is_structure_label(text: str) -> bool:
    words = _WORD_RE.findall(text.casefold())
    return 0 < len(words) <= 3 and all(w in HEADING_WORDS or w == "and" for w in words)


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
    words = {w.casefold() for w in _TOKEN_RE.findall(text)}
    lowered = text.casefold().split()
    words |= {f"{a}-{b}" for a, b in pairwise(lowered)}
    return len(words & NOTICE_WORDS) >= 2


def classify(text: str) -> str:
    if is_abstract_heading(text):
        return HEADING
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


def _words_in(paragraphs: Sequence[str], start: int, end: int) -> int:
    return sum(len(p.split()) for p in paragraphs[start:end])


def find_block(paragraphs: Sequence[str], roles: Sequence[str]) -> Block | None:
    """The abstract's paragraphs, or None when the page holds no prose at all.

    After a heading the block is the run of prose that follows it, skipping a few
    labels, notices or other headings in between; when the page shows several
    headed runs (the abstract twice), the longest wins, the first on a tie. Without a
    heading, the longest run of prose on the page.
    """
    best: Block | None = None
    for i, role in enumerate(roles):
        if role != HEADING:
            continue
        j, skipped = i + 1, 0
        while j < len(roles) and roles[j] != PROSE and skipped <= MAX_SKIPPED_AFTER_HEADING:
            if roles[j] == STOP:
                break
            j, skipped = j + 1, skipped + 1
        if j >= len(roles) or roles[j] != PROSE:
            continue
        start, end = _run(roles, j)
        if best is None or _words_in(paragraphs, start, end) > _words_in(
            paragraphs, best.start, best.end
        ):
            best = Block(start, end, headed=True)
    if best is not None:
        return best
    i = 0
    while i < len(roles):
        if roles[i] != PROSE:
            i += 1
            continue
        start, end = _run(roles, i)
        if best is None or _words_in(paragraphs, start, end) > _words_in(
            paragraphs, best.start, best.end
        ):
            best = Block(start, end, headed=False)
        i = max(end, i + 1)
    return best


# --- what the rest was --------------------------------------------------------------

PAGE_HEADER = "page header"
METADATA = "metadata"
AUTHORS = "authors"
NAVIGATION = "navigation"
REFERENCES = "references"
OTHER_LANGUAGE = "other language"
ARTICLE_BODY = "article body"
HEADINGS = "headings"


def _is_name_list(text: str) -> bool:
    """ "Jiyoung Kim 1", "Mikhail Mikheev, Julia Gusynina and Tatyana Shornikova",
    "Allen S. Whiting", "Kim, Gyoo-mi (…)": capitalised words in small groups."""
    if "author" in text.casefold():
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'.-]*", text) if w.lower() not in {"and", "&"}]
    if not 2 <= len(words) <= 40:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps == len(words) and ("," in text or len(words) <= 4)


def is_metadata(text: str) -> bool:
    """Record fields, identifiers, dates, volume and page numbers."""
    stripped = text.strip(" •·-*◽")
    if _URL_RE.search(stripped) or _DATE_RE.search(stripped):
        return True
    if _FIELD_PREFIX_RE.match(stripped) and "." in stripped.split()[0]:
        return True
    words = _WORD_RE.findall(stripped.casefold())
    if not words:
        return True
    digits = sum(1 for w in words if any(c.isdigit() for c in w))
    if digits * 3 >= len(words):
        return True
    if _KEY_VALUE_RE.match(stripped) and len(words) <= 20:
        return True
    return sum(1 for w in words if w in METADATA_WORDS) * 2 >= len(words)


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
    lines = [(i, paragraphs[i], roles[i] == OTHER) for i in range(block.start)]
    for i in range(block.end, len(paragraphs)):
        if roles[i] in (HEADING, STOP):
            break
        lines.append((i, paragraphs[i], roles[i] == OTHER))
    return [line for line in lines if roles[line[0]] in (OTHER, PROSE)]


def read_page(text: str) -> CleanText:
    """Find the abstract in a pasted page; report every other paragraph, grouped."""
    normal = split_inline(normalize_chars(text))
    paragraphs = split_paragraphs(normal, is_prose=is_prose)
    roles = [classify(p) for p in paragraphs]
    block = find_block(paragraphs, roles)
    if block is None:
        return _without_block(paragraphs)

    inside = paragraphs[block.start : block.end]
    script = dominant_script(" ".join(inside))
    kept_words = _content_words(" ".join(inside))
    title = page_title(_title_lines(paragraphs, roles, block), " ".join(inside), block.start)

    removed: list[Removed] = []
    kept: list[str] = []
    seen: set[str] = set()
    references = False
    for i, paragraph in enumerate(paragraphs):
        role = roles[i]
        references = references or (i >= block.end and starts_references(paragraph))
        if block.start <= i < block.end and role == PROSE:
            key = paragraph_key(paragraph)
            if key in seen:
                removed.append(Removed("duplicate", paragraph))
            else:
                seen.add(key)
                kept.append(paragraph)
            continue
        if title is not None and paragraph == title.source:
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
    return CleanText(
        title=title.text if title else None, paragraphs=kept, removed=removed, script=script
    )


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
