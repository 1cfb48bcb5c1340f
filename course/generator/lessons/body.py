"""A lesson's body: its sentences, verbatim, as Markdown paragraphs."""

from __future__ import annotations

import math
from itertools import pairwise

from ..markdown import prose
from .segments import Segment

#: Most sentences per Markdown paragraph of a lesson body.
MAX_PARAGRAPH_SENTENCES = 4


def lesson_body(seg: Segment, texts: list[str], paragraph_starts: list[int]) -> str:
    """The lesson's sentences as Markdown prose, keeping the author's paragraph breaks."""
    starts = set(paragraph_starts)
    pieces: list[list[str]] = [[]]
    for i in seg.indexes:
        if pieces[-1] and i in starts:
            pieces.append([])
        pieces[-1].append(texts[i])
    paragraphs: list[list[str]] = []
    for piece in pieces:
        # Long runs become balanced paragraphs (5 -> 3 + 2, not 4 + 1).
        count = math.ceil(len(piece) / MAX_PARAGRAPH_SENTENCES)
        bounds = [round(k * len(piece) / count) for k in range(count + 1)]
        paragraphs.extend(piece[a:b] for a, b in pairwise(bounds))
    return prose(paragraphs)
