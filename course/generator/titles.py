"""Title casing, clipping, and deriving a course title from its concepts."""

from __future__ import annotations

import re

from .lexicon import TITLE_SMALL_WORDS

MAX_DRAFT_TITLE = 80
_TRAILING_JUNK = " ,;:.-\u2013\u2014"


def _cap_word(word: str) -> str:
    """Capitalise one word, leaving acronyms and internal capitals alone."""
    if any(c.isupper() for c in word):
        return word  # "NEP", "iOS", "McDonald", "Five-Year" are already right
    parts = word.split("-")
    return "-".join(p[:1].upper() + p[1:] for p in parts)


def title_case(phrase: str) -> str:
    """English title case: small words lower-case except at either end.

    Only first letters are touched ("amazon.com" -> "Amazon.com", not
    "Amazon.Com" as :meth:`str.title` would have it).
    """
    words = phrase.split()
    out = []
    for i, word in enumerate(words):
        edge = i == 0 or i == len(words) - 1
        if not edge and word.lower() in TITLE_SMALL_WORDS and not any(c.isupper() for c in word):
            out.append(word.lower())
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def clip(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters at a word boundary, no trailing punctuation."""
    text = text.strip().rstrip(_TRAILING_JUNK)
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else text[:limit]
    words = cut.rstrip(_TRAILING_JUNK).split()
    while len(words) > 1 and words[-1].lower() in TITLE_SMALL_WORDS:
        words.pop()  # never end on "of" or "the"
    return " ".join(words).rstrip(_TRAILING_JUNK)


def derive_title(terms: list[str], first_sentence: str) -> str:
    """A course title when the text has none, built from the top concepts.

    A recurring "X of the Y" phrase among the leading concepts names what
    the text is about ("The Reorganization of the Unions") and is preferred;
    otherwise the leading multi-word concept; otherwise the two leading
    concepts joined by "and". Without concepts, the start of the first
    sentence is the least bad title.
    """
    top = terms[:5]
    chosen: str | None = None
    for term in top:
        if re.search(r"\w \bof\b \w", term):
            chosen = term if term[:1].isupper() else f"the {term}"
            break
    if chosen is None:
        chosen = next((t for t in top[:3] if " " in t), None)
    if chosen is None and len(top) >= 2:
        chosen = f"{top[0]} and {top[1]}"
    if chosen is None and top:
        chosen = top[0]
    if chosen is None:
        return clip(first_sentence, MAX_DRAFT_TITLE)
    return clip(title_case(chosen), MAX_DRAFT_TITLE)
