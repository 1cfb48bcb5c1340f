"""Stage 1: from raw pasted text to clean paragraphs, a title and a removal log.

Text copied from a publisher's page arrives with wrapped lines, odd spaces,
curly quotes, button labels ("Show more", a label in the site's own language)
and sometimes the abstract twice (a preview and the full text). This module
undoes that, and reports every line it drops so nothing vanishes silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from .lexicon import HEADING_WORDS, STOPWORDS, UI_WORDS

# --- character-level normalisation -------------------------------------------------

_CHAR_MAP = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
    # Non-breaking, typographic and ideographic spaces all read as a space.
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006", " "),
    **dict.fromkeys("\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
    # Invisible characters that would split or glue words unpredictably.
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    # Typographic hyphens become the ASCII hyphen so "Five\u2011Year" is one word.
    **dict.fromkeys("\u2010\u2011", "-"),
    "\u2028": "\n",
    "\u2029": "\n\n",
}
_CHAR_TABLE = str.maketrans(_CHAR_MAP)

_SPACES_RE = re.compile(r"[ \t]+")
_SENTENCE_END_RE = re.compile(r"[.!?\u3002\uff01\uff1f][\"')\]]*$")
_WORD_RE = re.compile(r"[^\W_]+")
_COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)

#: Boilerplate lines are short: a label, not a sentence.
_MAX_LABEL_WORDS = 12
_MAX_LABEL_CHARS = 100
#: A first line longer than this is prose, not a title.
_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 200
#: A wrapped line at least this share of the block's widest line was cut by
#: the wrap, not by the author, so the next line continues it.
_WRAPPED_LINE_SHARE = 0.6
_WRAPPED_LINE_MIN_CHARS = 40


def normalize_chars(text: str) -> str:
    """NFC, straight quotes, plain spaces and ``\\n`` line ends only."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # a publisher's markup copied with the text: "HV<jats:sub>5</jats:sub>", "<i>in vivo</i>";
    # a paragraph's or a line's tag still ends its line
    text = _BLOCK_TAG_RE.sub("\n", text)
    text = _MARKUP_TAG_RE.sub("", text)
    return text.translate(_CHAR_TABLE)


#: An XML or HTML tag of inline markup (JATS, HTML): "<jats:sub>", "</i>", "<sup>".
_MARKUP_TAG_RE = re.compile(
    r"</?(?:jats:[a-z-]+|mml:[a-z-]+|i|b|em|strong|sub|sup|italic|bold|sc|span)"
    r"(?:\s[^<>]{0,200})?\s*/?>",
    re.IGNORECASE,
)
#: A tag that ends a line: "</p>", "<br/>", "<jats:p>".
_BLOCK_TAG_RE = re.compile(r"</?(?:jats:p|p|br|div)(?:\s[^<>]{0,200})?\s*/?>", re.IGNORECASE)


def collapse_spaces(text: str) -> str:
    """One space between words, none at the ends."""
    return _SPACES_RE.sub(" ", text.replace("\n", " ")).strip()


# --- scripts ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The writing system of a letter, e.g. ``LATIN`` or ``HANGUL``.

    The first word of the Unicode name is a good enough proxy for the
    script property (which :mod:`unicodedata` does not expose) and needs no
    extra dependency. Chinese and Japanese ideographs are both ``CJK``.
    """
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` contains."""
    return Counter(script_of(c) for c in text if c.isalpha())


def dominant_script(text: str) -> str:
    """The script most letters are written in (``LATIN`` for empty text)."""
    counts = script_counts(text)
    if not counts:
        return "LATIN"
    return max(sorted(counts), key=lambda s: counts[s])


# --- lines to paragraphs -------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    text: str  # stripped
    indented: bool


def _indent(raw: str) -> int:
    """How far a line is indented, a tab counting as four spaces."""
    head = raw[: len(raw) - len(raw.lstrip())]
    return len(head.expandtabs(4))


def _is_indented(indent: int, base: int) -> bool:
    return indent - base >= 2


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END_RE.search(text))


def _blocks(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines; blank lines always separate paragraphs. A line is
    indented against the block's least indented line: a block a page indents as a whole
    (a listed record: "    Parmer, W. Jared (…)" over "    Subjectivism …") is no
    hanging indent."""
    runs: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        if raw.strip():
            current.append(raw)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    blocks = []
    for run in runs:
        base = min(_indent(raw) for raw in run)
        blocks.append([_Line(raw.strip(), _is_indented(_indent(raw), base)) for raw in run])
    return blocks


def _continues(prev: _Line, line: _Line, widest: int, hanging: bool) -> bool:
    """Whether ``line`` is the wrapped continuation of ``prev``.

    Two wrapping styles are told apart per block. In a hanging indent (the
    Inspec style: first line flush, wrapped lines tab-indented) indentation
    marks continuation. Otherwise an indented line opens a paragraph and a
    flush line continues when the previous one was cut by the wrap: it is
    long, ends in a hyphen, or stops mid-sentence before a lower-case word.
    """
    if hanging:
        return line.indented
    if line.indented:
        return False
    if prev.text.endswith("-") and not prev.text.endswith(" -"):
        return True
    if line.text.startswith(("http://", "https://", "www.", "doi:")):
        return False  # an address is a line of its own, not the rest of a sentence
    if line.text[:1].islower() and not _ends_sentence(prev.text):
        return True
    if prev.text.endswith(",") or prev.text.rsplit(" ", 1)[-1].lower() in STOPWORDS:
        return True
    if _all_capitals(prev.text) and _all_capitals(line.text):
        # a title in capitals, wrapped ("DIGITAL EVIDENCE IN CIVIL …:"); not a programme's
        # heading above the title ("SESSION 1: OPERA NARRATIVES AND ORIGINS")
        return not PROGRAMME_HEADING_RE.match(prev.text)
    if _all_capitals(prev.text) or _all_capitals(line.text):
        return False  # a title in capitals and the authors' line under it
    if not widest:
        return False
    long_enough = len(prev.text) >= max(_WRAPPED_LINE_MIN_CHARS, _WRAPPED_LINE_SHARE * widest)
    return long_enough


#: A word split by a line-end hyphen is joined without it when the whole word is at least
#: this common in English (Zipf scale: 3 is about once per million words): "neu-/ron" is
#: "neuron", "effec-/tive" is "effective", but "long-/term" and "well-/coordinated" keep
#: their hyphen.
MIN_JOINED_WORD_ZIPF = 3.0
_LINE_END_PIECE_RE = re.compile(r"(?<![\w-])([a-z]+)-$")
_LINE_START_PIECE_RE = re.compile(r"^([a-z]+)\b")


#: A programme's heading line: "SESSION 1: …", "PANEL 3 - …", "PART II. …".
PROGRAMME_HEADING_RE = re.compile(
    r"^\W*(?:session|panel|part|chapter|section|track|workshop|symposium|day)\s+[\dIVX]+"
    r"\s*[:.\-\u2013]",
    re.IGNORECASE,
)


def _all_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _join(prev: str, nxt: str) -> str:
    """Join a wrapped line to the next one.

    After a line-end hyphen there is no space; the hyphen itself goes only when it
    split one word: typesetters hyphenate words, but wrapping also breaks compounds
    ("well-\ncoordinated"), which keep it.
    """
    if prev.endswith("-") and not prev.endswith(" -"):
        left = _LINE_END_PIECE_RE.search(prev)
        right = _LINE_START_PIECE_RE.match(nxt)
        if left and right and common_word(left.group(1) + right.group(1)):
            return prev[:-1] + nxt
        return prev + nxt
    return f"{prev} {nxt}"


@lru_cache(maxsize=4096)
def common_word(word: str) -> bool:
    return zipf_frequency(word, "en") >= MIN_JOINED_WORD_ZIPF


def _wrap_width(block: list[_Line]) -> int:
    """The width the block was wrapped at, or 0 when it was not hard-wrapped.

    A hard-wrapped block has most of its lines (all but the last) near one width; a
    page copied line per paragraph has lines of any length, and there a long line
    is a whole paragraph, not the first part of one.
    """
    widest = max(len(line.text) for line in block)
    body = block[:-1]
    if len(body) < 2:
        return 0  # two lines say nothing about a wrap width
    near = sum(1 for line in body if len(line.text) >= _WRAPPED_LINE_SHARE * widest)
    return widest if near * 2 >= len(body) else 0


def _paragraphs_of(lines: list[_Line], is_prose: Callable[[str], bool] | None) -> list[str]:
    joined = lines[0].text
    for line in lines[1:]:
        joined = _join(joined, line.text)
    joined = collapse_spaces(joined)
    if is_prose is not None and len(lines) >= 3 and not is_prose(joined):
        return [collapse_spaces(line.text) for line in lines]
    return [joined]


def split_paragraphs(text: str, *, is_prose: Callable[[str], bool] | None = None) -> list[str]:
    """Logical paragraphs of normalised text, wrapped lines joined back.

    Given ``is_prose``, lines joined into something that is not prose go back to being
    lines when there were three or more of them: a stack of metadata lines of similar
    width (journal, DOI, authors) looks wrapped but is not one paragraph. (Two lines
    stay joined: a title wrapped over two lines is not prose either.)
    """
    paragraphs: list[str] = []
    for block in _blocks(text):
        rest = block[1:]
        hanging = bool(rest) and sum(line.indented for line in rest) * 2 > len(rest)
        widest = _wrap_width(block)
        current = [block[0]]
        prev = block[0]
        for line in rest:
            if not _continues(prev, line, widest, hanging):
                paragraphs.extend(_paragraphs_of(current, is_prose))
                current = []
            current.append(line)
            prev = line
        paragraphs.extend(_paragraphs_of(current, is_prose))
    return [p for p in paragraphs if p]


# --- boilerplate ---------------------------------------------------------------------


def _is_label(paragraph: str) -> bool:
    words = paragraph.split()
    return (
        len(words) <= _MAX_LABEL_WORDS
        and len(paragraph) <= _MAX_LABEL_CHARS
        and not _ends_sentence(paragraph)
    )


def _is_ui_words(paragraph: str) -> bool:
    """Only button/link/heading vocabulary, function words and numbers.

    Matches "Download PDF (2 MB)", "Open/Close", "Show more", "Methods".
    """
    words = [w.lower() for w in _WORD_RE.findall(paragraph)]
    label_words = UI_WORDS | HEADING_WORDS
    if not any(w in label_words for w in words):
        return False
    return all(w in label_words or w in STOPWORDS or w.isdigit() for w in words)


def _foreign_share(paragraph: str, main_script: str) -> float:
    counts = script_counts(paragraph)
    letters = sum(counts.values())
    if not letters:
        return 0.0
    return 1.0 - counts.get(main_script, 0) / letters


def is_boilerplate(paragraph: str, main_script: str) -> bool:
    """Page furniture rather than part of the abstract.

    A paragraph with no letters at all (bullets, page numbers) is furniture;
    so is a short copyright notice; so is a short label that is mostly in
    another script than the body (the site's own language) or made only of
    generic UI words. Long lines are never removed: losing prose is worse than
    keeping a stray label.
    """
    if not any(c.isalpha() for c in paragraph):
        return True
    if _COPYRIGHT_RE.match(paragraph) and len(paragraph.split()) <= 2 * _MAX_LABEL_WORDS:
        return True
    if not _is_label(paragraph):
        return False
    return _foreign_share(paragraph, main_script) >= 0.5 or _is_ui_words(paragraph)


# --- title ------------------------------------------------------------------------


def is_prose(paragraph: str) -> bool:
    return _ends_sentence(paragraph) or len(paragraph.split()) >= 8


def looks_like_title(first: str, following: list[str]) -> bool:
    """A short first line without final punctuation, followed by prose (after any
    structured abstract's label: "Objective:")."""
    following = [p for p in following if not p.rstrip().endswith((":", "\uff1a"))]
    return (
        bool(following)
        and len(first.split()) <= _MAX_TITLE_WORDS
        and len(first) <= _MAX_TITLE_CHARS
        and not _ends_sentence(first)
        and is_prose(following[0])
    )
