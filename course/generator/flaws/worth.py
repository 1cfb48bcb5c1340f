"""Checks that an item is worth asking and grounded in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import (
    GENERIC_MODIFIERS,
    STOPWORDS,
)
from ..tokens import is_acronym
from .item import Item, Text
from .model import CHOICE_TYPES, GAP_TYPES, Flaw, make_flaw, word_set
from .wellformed import ADJECTIVE_ENDINGS, citation_marks
from .words import quote_of, roots_of, unit_of, units_of, words_of, zipf_of

# --- worth asking ----------------------------------------------------------------------

_PURPOSE_RE = re.compile(
    r"\b(?:(?:aim|aims|purpose|goal|objective|objectives|intention|focus)\s+of\s+(?:this|the"
    r"(?:\s+present)?|our)\s+(?:paper|study|article|research|essay|review|work|thesis|chapter|"
    r"commentary|report|project|survey|analysis)|(?:this|the\s+present|our)\s+(?:paper|study|"
    r"article|research|essay|review|work|thesis|chapter|commentary|report|project)\s+(?:will|"
    r"would|aims|aimed|seeks|sought|attempts|attempted|intends|sets\s+out|tries|is\s+intended)|"
    r"\bwe\s+(?:aim|aimed|seek|sought|intend|attempt|will)\b)",
    re.IGNORECASE,
)
_SELF_RE = re.compile(
    r"(?:\b(?:this|the\s+present|the|our)\s+(?:paper|study|article|essay|review|commentary|"
    r"chapter|thesis|report|book)\s+(?:examines|explores|investigates|discusses|describes|"
    r"presents|reviews|analy[sz]es|argues|considers|addresses|focuses|outlines|proposes|reports|"
    r"studies|contributes|ends|concludes|begins|offers|identifies|is\s+animated|is\s+organi[sz]ed"
    r"|is\s+divided)|^(?:in\s+this\s+\w+,?\s+)(?:we|I)\s+(?:present|propose|describe|review|"
    r"discuss|introduce|outline|address|consider|argue)\b|"
    r"\b(?:limitations|implications|recommendations|suggestions)\b[^.]{0,60}\b(?:are|is)\s+"
    r"(?:also\s+)?(?:presented|discussed|given|offered|provided|outlined))",
    re.IGNORECASE,
)


_PRESENT_RE = re.compile(
    r"^(?:here,?\s+)?(?:we|I)\s+(?:present|propose|describe|review|discuss|introduce|outline|"
    r"address|consider|argue|would\s+suggest)\b",
    re.IGNORECASE,
)


def _framing(statement: str) -> float:
    if _PURPOSE_RE.search(statement):
        return 0.8  # what the paper sets out to do: the text asserts nothing about it
    if _SELF_RE.search(statement):
        return 0.6  # what the paper does ("The article examines ...")
    if _PRESENT_RE.search(statement):
        return 0.4  # "we present a model ...": a contribution, often with a claim inside
    return 0.0


def check_framing(item: Item) -> Iterator[Flaw]:
    severity = _framing(item.stem)
    if severity:
        yield make_flaw(
            "framing",
            "The item rests on the article's framing (what the paper sets out to do), not on "
            "a claim it makes: ask about the claim instead.",
            severity,
        )
    elif item.type == "ordering":
        framed = [o for o in item.options if _framing(o)]
        if framed:
            yield make_flaw(
                "framing",
                f"The option {quote_of(framed[0])} is the article's framing, not a claim: "
                "replace it with a step or event the text states.",
                0.5,
            )


def _generic(key: str, text: Text) -> tuple[float, str]:
    words = words_of(key)
    if not words:
        return 0.0, ""
    if any(is_acronym(w) or any(c.isdigit() for c in w) for w in words):
        return 0.0, ""  # "IT" is no pronoun, "1994" no everyday word
    lower = [w.lower() for w in words]
    if all(w in STOPWORDS for w in lower):
        return 0.95, "a function word"
    content = [w for w in lower if w not in STOPWORDS]
    if len(content) == 1 and not words[-1][:1].isupper():
        word = content[0]
        zipf = zipf_of(word)
        if zipf >= 4.8:
            return 0.7, "an everyday word"
        if word.endswith(ADJECTIVE_ENDINGS) and zipf >= 3.5:
            return 0.5, "a modifier"
        if zipf >= 4.3:
            return 0.4, "a common word"
        unit = unit_of(word)
        if len(text.units) >= 4 and text.doc_freq[unit] * 2 > len(text.units):
            return 0.4, "the text's topic word, which fits most of its gaps"
    lower_case = not any(w[:1].isupper() for w in words)
    if len(content) == 2 and lower_case and content[0] in GENERIC_MODIFIERS:
        return 0.4, "a vague phrase"  # "major obstacle", "key words"
    return 0.0, ""


def check_generic(item: Item) -> Iterator[Flaw]:
    if item.type in GAP_TYPES and item.keys:
        severity, why = _generic(item.keys[0], item.text)
        if severity:
            yield make_flaw(
                "generic-key",
                f"The key {quote_of(item.keys[0])} is {why}: test a concept of the text instead.",
                severity,
            )
    if item.type == "matching":
        worst = max(((_generic(k, item.text), k) for k in item.keys), default=((0.0, ""), ""))
        (severity, why), key = worst
        if severity >= 0.5:
            yield make_flaw(
                "generic-key",
                f"The term {quote_of(key)} is {why}: match concepts of the text instead.",
                severity * 0.7,
            )


_PAGE_MATTER_RE = re.compile(
    r"\b10\.\d{4,9}/\S+|\bdoi\b|https?://|\bwww\.|\S+@\S+\.\w+|\u00a9|\bcopyright\b|"
    r"all rights reserved|\bissn\b|\bisbn\b|\bvol\.\s*\d|\bpp\.\s*\d|\bjournal of\b|"
    r"\bcorresponding author\b",
    re.IGNORECASE,
)
_PAGE_LABELS = word_set(
    "published received accepted revised abstract keywords cite download downloads pdf html "
    "metrics affiliation affiliations email e-mail copyright doi issn"
)


def _page_matter(text: str) -> bool:
    words = [w.lower() for w in words_of(text)]
    if words and all(w in _PAGE_LABELS or w in STOPWORDS or w.isdigit() for w in words):
        return any(w in _PAGE_LABELS for w in words)
    return bool(_PAGE_MATTER_RE.search(text))


def check_page_matter(item: Item) -> Iterator[Flaw]:
    keys = item.keys[:1] if item.type in GAP_TYPES else item.keys
    if _page_matter(item.stem) or any(_page_matter(k) for k in keys):
        yield make_flaw(
            "page-matter",
            "The item is about the page (journal, DOI, authors, labels), not the text: drop it.",
            0.9,
        )
    elif any(_page_matter(d) for d in item.distractors):
        bad = next(d for d in item.distractors if _page_matter(d))
        yield make_flaw(
            "page-matter",
            f"The option {quote_of(bad)} is page matter, not a term of the text: replace it.",
            0.6,
        )


def check_citation_number(item: Item) -> Iterator[Flaw]:
    if item.type not in (*GAP_TYPES, "numerical") or not item.keys:
        return
    key = item.keys[0].strip()
    if not re.fullmatch(r"\d{1,4}(?:[,\u2013-]\d{1,4})?", key):
        return
    marks = {m for s in item.text.sentences for m in citation_marks(s)}
    pages = re.compile(r"\b(?:pp?|vol|no|volume|issue|pages?)\.?\s*" + re.escape(key) + r"\b", re.I)
    if key in marks or any(pages.search(s) for s in item.text.sentences):
        yield make_flaw(
            "citation-number",
            f"The key {quote_of(key)} is a reference, page or volume number, not a fact of "
            "the text: drop the item.",
            0.9,
        )


_PRESENTATION_RE = re.compile(
    r"order (?:in which|that) the text (?:presents|mentions|gives|lists|states)|order (?:in which"
    r" )?they appear",
    re.IGNORECASE,
)
_SEQUENCE_CUES = re.compile(
    r"\b(?:first|second|third|then|later|afterwards|subsequently|finally|followed|began|begin"
    r"|beginning|eventually|after|before|until|by the end|onwards?|from the|next|thereafter|"
    r"earlier|initially|in turn|1[5-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def check_ordering(item: Item) -> Iterator[Flaw]:
    if item.type != "ordering" or not item.keys:
        return
    every = range(len(item.text.sentences))
    places: list[tuple[int, int] | None] = []
    for key in item.keys:
        place = item.text.locate(units_of(key), every)
        sentence, share = item.text.coverage(key, every)
        places.append(place or ((sentence, 0) if share >= 0.6 else None))
    if any(p is None for p in places):
        lost = item.keys[places.index(None)]
        yield make_flaw(
            "key-not-in-source",
            f"The statement {quote_of(lost)} is not something the text says: use its claims.",
            0.6,
        )
    cues = sum(1 for i in item.cited if _SEQUENCE_CUES.search(item.text.sentences[i]))
    if _PRESENTATION_RE.search(item.prompt):
        found = [p for p in places if p is not None]
        if found != sorted(found):
            yield make_flaw(
                "key-not-in-source",
                "The keyed order is not the order of the text: re-key it.",
                0.9,
            )
        if cues < 2:
            yield make_flaw(
                "presentation-order",
                "The item asks only where statements stand in the text: ask for an order "
                "the text fixes (steps or events with sequence words or dates).",
                0.3,
            )
    elif cues < 2:
        yield make_flaw(
            "ordering-unfixed",
            "The text does not fix this order (no sequence words or dates in the cited "
            "sentences): choose statements whose order it states.",
            0.6,
        )


# --- grounded ----------------------------------------------------------------------------


def _grounding(key: str, item: Item) -> float:
    """0 when the key is in the cited sentences, else how sure we are it is not grounded."""
    units = units_of(key)
    if not units:
        return 0.0
    text = item.text
    if set(text.mentions(units)) & set(item.cited):
        return 0.0
    roots = roots_of(units)
    if len(units) > 4 and roots:
        cited_roots = set().union(*(text.roots[i] for i in item.cited))
        covered = len(roots & cited_roots) / len(roots)
        return 0.0 if covered >= 0.7 else 0.4 if covered >= 0.5 else 0.8
    if text.mentions(units):
        return 0.4
    return 0.9


def check_grounded(item: Item) -> Iterator[Flaw]:
    if item.type in ("cloze", "short_answer"):
        severity = min((_grounding(k, item) for k in item.keys), default=0.0)
        keys = item.keys[:1]
    elif item.type in CHOICE_TYPES or item.type == "matching":
        keys = [k for k in item.keys if _grounding(k, item)]
        severity = max((_grounding(k, item) for k in keys), default=0.0)
    else:
        return
    if severity:
        where = "anywhere in the text" if severity >= 0.8 else "in the sentences it cites"
        yield make_flaw(
            "key-not-in-source",
            f"The key {quote_of(keys[0])} is not {where}: key what the text says.",
            severity,
        )
