"""A distinct, short title per lesson, naming its most specific concept.

A pair of concepts titles a lesson only when the lesson's own text joins them
in one phrase; with no usable concept the lesson's first content phrase does.
"""

from __future__ import annotations

import re

from ..candidates import CONTENT, TokenizedSentence
from ..concepts import RankedConcept
from ..titles import clip, title_case
from .naming import _forms_pattern, _salient_concepts, _title_candidates, poor_titles
from .segments import Segment

MAX_LESSON_TITLE = 70
#: Two concepts make a title only while it stays short enough to scan.
MAX_PAIR_TITLE = 50


def _coordinated(main: RankedConcept, other: RankedConcept, texts: list[str]) -> str:
    """The text's own phrase joining two concepts ("socialist competition and the shock
    work movement"), or "" when it never coordinates them."""
    article = r"(?:(?:the|a|an|its|their)\s+)?"
    for first, second in ((main, other), (other, main)):
        pattern = re.compile(
            rf"(?<!\w)(?:{_forms_pattern(first)})\s+and\s+{article}(?:{_forms_pattern(second)})(?!\w)",
            re.IGNORECASE,
        )
        for text in texts:
            match = pattern.search(text)
            if match:
                return match.group()
    return ""


def lesson_titles(
    segments: list[Segment],
    sentences: list[TokenizedSentence],
    concepts: list[RankedConcept],
) -> list[str]:
    """A distinct title per lesson naming its most specific concept.

    Two concepts make a title only when the lesson itself joins them in one noun
    phrase ("Socialist Competition and the Shock Work Movement"): two unrelated
    terms glued with "and" name no subject. Concepts already used in an earlier
    title are avoided.
    """
    titles: list[str] = []
    used_terms: set[str] = set()
    used_titles: set[str] = set()
    texts = [s.text for s in sentences]
    poor = poor_titles(concepts, texts)
    for number, seg in enumerate(segments, start=1):
        lesson_texts = texts[seg.start : seg.end]
        ranked = _title_candidates(_salient_concepts(seg, concepts), poor)
        fresh = [c for c in ranked if c.term.casefold() not in used_terms] or ranked
        title = ""
        if fresh:
            main = fresh[0]
            title = title_case(main.term)
            used_terms.add(main.term.casefold())
            for other in fresh[1:4]:
                if other.units & main.units:
                    continue
                pair = _coordinated(main, other, lesson_texts)
                if pair and len(pair) <= MAX_PAIR_TITLE and pair.casefold() not in used_titles:
                    title = title_case(pair)
                    used_terms.add(other.term.casefold())
                    break
        if not title:
            title = title_case(_fallback_phrase(seg, sentences)) or f"Part {number}"
        title = clip(title.strip("'\"\u2018\u2019\u201c\u201d"), MAX_LESSON_TITLE)
        if title.casefold() in used_titles:
            title = clip(title, MAX_LESSON_TITLE - 10) + f" (Part {number})"
        used_titles.add(title.casefold())
        titles.append(title)
    return titles


def _fallback_phrase(seg: Segment, sentences: list[TokenizedSentence]) -> str:
    """The first multi-word content phrase of the lesson, else its first content word."""
    single = ""
    for i in seg.indexes:
        sentence = sentences[i]
        run: list[str] = []
        for token, role in zip(sentence.tokens, sentence.roles, strict=True):
            if role == CONTENT and not token.numeric:
                run.append(token.text)
                if len(run) >= 2 and token.break_after:
                    return " ".join(run)
            else:
                if len(run) >= 2:
                    return " ".join(run)
                single = single or (run[0] if run else "")
                run = []
            if token.break_after:
                single = single or (run[0] if run else "")
                run = []
        if len(run) >= 2:
            return " ".join(run)
        single = single or (run[0] if run else "")
    return single
