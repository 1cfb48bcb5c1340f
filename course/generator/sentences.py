"""Stage 2: paragraphs to sentences, with repeated sentences removed.

Splitting is delegated to nupunkt (a Punkt implementation trained on legal
and scholarly English), which already knows "e.g.", "et al." and friends.
Each paragraph is split on its own, so a paragraph break is always a sentence
break even when the paragraph lacks final punctuation (a heading, a list item).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .clean import collapse_spaces, normalize_chars
from .lexicon import ABBREVIATIONS
from .model import Removed

if TYPE_CHECKING:
    from nupunkt import PunktSentenceTokenizer

#: "word. Capital": a sentence end unless the word is a known abbreviation.
_MISSED_BREAK_RE = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.\s+(?=[\"'(\[]?([^\W\d_]))")

#: A "sentence" with no word of two letters is a stray enumerator ("2.") or
#: symbol that Punkt cut off; it belongs to the sentence that follows.
_WORDISH_RE = re.compile(r"[^\W\d_]{2}")
_ENUMERATOR_RE = re.compile(r"^\(?\d{1,2}[.)]\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    """Load the model once per process, on first use.

    Importing nupunkt and loading its default model costs a few tens of
    milliseconds; doing it lazily keeps importing this package cheap for
    code paths (such as input validation) that never split sentences.
    """
    import nupunkt

    return nupunkt.load("default")


@dataclass(frozen=True)
class SentenceSplit:
    """Unique sentences in reading order."""

    sentences: list[str]
    paragraph_starts: list[int]  # index of the first sentence of each paragraph
    removed: list[Removed]
    #: For each sentence, the index of the paragraph it comes from.
    paragraph_of: list[int] = field(default_factory=list)


#: Abbreviations that are also everyday words, abbreviations only before a number.
_BEFORE_A_NUMBER = frozenset({"art", "no", "nos", "para", "sec", "ch", "eq", "tab", "ref"})


def _resplit(sentence: str) -> list[str]:
    """Split where Punkt missed a plain "word. Capital" boundary.

    The bundled model was trained on legal text and lists some ordinary
    words as abbreviations ("coal", "wheat"), so it would glue two
    sentences together after them. Only a short list of real abbreviations
    may keep a period inside a sentence here.
    """
    pieces: list[str] = []
    start = 0
    for match in _MISSED_BREAK_RE.finditer(sentence):
        following = match.group(2)
        # A capital, or a letter of a script without case (Hangul, CJK, ...).
        opens_sentence = not following.islower()
        word = match.group(1).lower()
        # "750 ms. The …": milliseconds after a number end the sentence; "Ms." is a title
        unit = word == "ms" and bool(re.search(r"\d\s*$", sentence[: match.start(1)]))
        # "Art. 5", "No. 3", "Vol. 2": these abbreviate only before their number; "rock art.
        # Rock art's …" ends a sentence
        numbered_only = word in _BEFORE_A_NUMBER and not following.isdigit()
        if not opens_sentence or (word in ABBREVIATIONS and not unit and not numbered_only):
            continue
        pieces.append(sentence[start : match.end(1) + 1])
        start = match.end()
    pieces.append(sentence[start:])
    return pieces


#: A full stop the copy lost: a lower-case word, then a sentence opener in capitals and a
#: lower-case word ("… as a framework for discussion The empirical results show …"). Not a
#: title ("in The Times": a capital follows) nor a name.
_LOST_STOP_RE = re.compile(
    r"(?<=[a-z]{3})(?=\s+(?:The|This|These|Those|We|Our|However|Without|Thus|Moreover|"
    r"Furthermore|Finally|Overall)\s+[a-z])"
)


#: A one-letter word ending a sentence before an opener: "… and total soil N. Overall, …"
#: (an initial is followed by a name, never by "Overall" or "The").
_INITIAL_STOP_RE = re.compile(
    r"(?<=\s[A-Z]\.)\s+(?=(?:The|This|These|Overall|However|Thus|In|We|Our|Finally|"
    r"Moreover)\b)|"
    # a one-letter unit after a number, then a capitalised word: "… of approximately 17 h.
    # This exponential decay …" (no abbreviation of one lower-case letter follows a number
    # and ends before a capital)
    r"(?<=\d\s[a-z]\.)\s+(?=[A-Z][a-z]+\s)"
)


def split_paragraph(paragraph: str) -> list[str]:
    """Sentences of one paragraph, whitespace-normalised, fragments re-attached."""
    paragraph = _LOST_STOP_RE.sub(".", paragraph)
    pieces = [
        collapse_spaces(part)
        for sentence in _tokenizer().tokenize(paragraph)
        for piece in _resplit(sentence)
        for part in _INITIAL_STOP_RE.split(piece)
    ]
    pieces = [p for p in pieces if p]
    merged: list[str] = []
    pending = ""
    for piece in pieces:
        if not _WORDISH_RE.search(piece):
            pending = f"{pending} {piece}".strip()
            continue
        merged.append(f"{pending} {piece}".strip())
        pending = ""
    if pending:
        if merged:
            merged[-1] = f"{merged[-1]} {pending}"
        else:
            merged.append(pending)
    # A numbered abstract ("1. Mowing is … 2. We tested …"): the numbers are layout.
    return [_ENUMERATOR_RE.sub("", sentence) for sentence in merged]


def sentences_of(text: str) -> list[str]:
    """The sentences of a piece of text as the generator would split it (one paragraph)."""
    return split_paragraph(collapse_spaces(normalize_chars(text)))


def sentence_key(sentence: str) -> str:
    """Comparison key for repeated sentences: case and spacing do not matter."""
    return collapse_spaces(sentence).casefold()


def split_sentences(
    paragraphs: list[str], *, left_out: Callable[[str], str | None] | None = None
) -> SentenceSplit:
    """Split every paragraph; drop sentences already seen earlier in the text and those
    ``left_out`` names a reason for (see :func:`course.generator.source.left_out`)."""
    sentences: list[str] = []
    starts: list[int] = []
    removed: list[Removed] = []
    paragraph_of: list[int] = []
    seen: set[str] = set()
    for number, paragraph in enumerate(paragraphs):
        first = len(sentences)
        for sentence in split_paragraph(paragraph):
            why = left_out(sentence) if left_out else None
            if why is not None:
                removed.append(Removed(why, sentence))
                continue
            key = sentence_key(sentence)
            if key in seen:
                removed.append(Removed("duplicate", sentence))
                continue
            seen.add(key)
            sentences.append(sentence)
            paragraph_of.append(number)
        if len(sentences) > first:
            starts.append(first)
    return SentenceSplit(
        sentences=sentences, paragraph_starts=starts, removed=removed, paragraph_of=paragraph_of
    )
