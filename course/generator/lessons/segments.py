"""Where one lesson ends and the next begins.

Boundaries go where the topic shifts: the vocabulary (and the concepts) of
the sentences before a boundary overlap least with those after it, in the
spirit of TextTiling. A dynamic programme picks the cut that minimises that
overlap plus a penalty for lessons far from the average size, so a lesson
is never a single stray sentence next to a huge one.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from ..candidates import CONTENT, TokenizedSentence
from ..concepts import RankedConcept
from ..lexicon import STOPWORDS

MIN_LESSONS = 3
MAX_LESSONS = 6
#: Target sentences per lesson for short texts.
TARGET_SIZE = 3
#: Weight of the size penalty against the topical cost of a boundary.
_SIZE_WEIGHT = 1.0
#: A boundary at the author's paragraph break is cheaper by this much.
_PARAGRAPH_BONUS = 0.3
#: Sentences compared on each side of a candidate boundary.
_WINDOW = 2
#: Concept features count more than single words.
_CONCEPT_WEIGHT = 2.0
#: Above this many sentences, only the most promising boundaries are searched.
_MAX_CANDIDATE_BOUNDARIES = 150


@dataclass(frozen=True)
class Segment:
    """Sentences ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int

    @property
    def indexes(self) -> list[int]:
        return list(range(self.start, self.end))

    def __len__(self) -> int:
        return self.end - self.start


def lesson_count(n_sentences: int) -> int:
    """3-6 lessons of about three sentences; one per sentence below three."""
    if n_sentences < MIN_LESSONS:
        return n_sentences
    return max(MIN_LESSONS, min(MAX_LESSONS, round(n_sentences / TARGET_SIZE)))


# --- topical similarity across boundaries -------------------------------------------


#: A sentence's (or a window's) weighted words.
Vector = dict[str, float]


def _add(into: defaultdict[str, float], vector: Vector) -> None:
    for feature, weight in vector.items():
        into[feature] += weight


def _features(sentences: list[TokenizedSentence], concepts: list[RankedConcept]) -> list[Vector]:
    vectors: list[defaultdict[str, float]] = []
    for sentence in sentences:
        vector: defaultdict[str, float] = defaultdict(float)
        for token, role in zip(sentence.tokens, sentence.roles, strict=True):
            if role == CONTENT:
                for unit in token.units:
                    if unit not in STOPWORDS:
                        vector[unit] += 1.0
        vectors.append(vector)
    for rank, concept in enumerate(concepts):
        for i in concept.sentences:
            vectors[i][f"#concept{rank}"] += _CONCEPT_WEIGHT
    # Weight by rarity across sentences: a word in every sentence marks no shift.
    n = len(vectors)
    df: Counter[str] = Counter()
    for vector in vectors:
        df.update(vector.keys())
    idf = {f: math.log(1.0 + n / d) for f, d in df.items()}
    return [{f: w * idf[f] for f, w in v.items()} for v in vectors]


def _cosine(a: Vector, b: Vector) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(w * large[f] for f, w in small.items() if f in large)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def boundary_costs(
    sentences: list[TokenizedSentence],
    concepts: list[RankedConcept],
    paragraph_starts: list[int],
) -> list[float]:
    """Cost of a lesson boundary before sentence ``i`` (entry 0 is unused)."""
    vectors = _features(sentences, concepts)
    starts = set(paragraph_starts)
    costs = [0.0]
    for i in range(1, len(sentences)):
        left: defaultdict[str, float] = defaultdict(float)
        right: defaultdict[str, float] = defaultdict(float)
        for v in vectors[max(0, i - _WINDOW) : i]:
            _add(left, v)
        for v in vectors[i : i + _WINDOW]:
            _add(right, v)
        cost = _cosine(left, right)
        if i in starts:
            cost -= _PARAGRAPH_BONUS
        costs.append(cost)
    return costs


# --- segmentation ---------------------------------------------------------------


def segment(costs: list[float], n_lessons: int) -> list[Segment]:
    """Best split of ``len(costs)`` sentences into ``n_lessons`` contiguous runs.

    Sizes stay within [min, max]: at least two sentences when there are
    enough, at most twice the average. Ties resolve to the earliest boundary,
    so the result is deterministic.
    """
    n = len(costs)
    if n_lessons >= n:
        return [Segment(i, i + 1) for i in range(n)]
    average = n / n_lessons
    min_size = 2 if n >= 2 * n_lessons else 1
    max_size = max(min_size, math.floor(2 * average))

    def size_cost(size: int) -> float:
        return _SIZE_WEIGHT * ((size - average) / average) ** 2

    positions = _candidate_positions(costs, min_size)
    positions.append(n)
    inf = float("inf")
    # best[m][p]: cheapest way to cover sentences [0, p) with m lessons.
    best: list[dict[int, float]] = [{0: 0.0}] + [{} for _ in range(n_lessons)]
    back: list[dict[int, int]] = [{} for _ in range(n_lessons + 1)]
    for m in range(1, n_lessons + 1):
        for end in positions:
            if m < n_lessons and end == n:
                continue
            best_cost, best_start = inf, -1
            for start, prev_cost in best[m - 1].items():
                size = end - start
                if size < min_size or size > max_size:
                    continue
                cost = prev_cost + size_cost(size) + (costs[start] if start > 0 else 0.0)
                if cost < best_cost - 1e-12 or (
                    abs(cost - best_cost) <= 1e-12 and start < best_start
                ):
                    best_cost, best_start = cost, start
            if best_start >= 0:
                best[m][end] = best_cost
                back[m][end] = best_start
    if n not in best[n_lessons]:
        return _even_split(n, n_lessons)
    segments = []
    end = n
    for m in range(n_lessons, 0, -1):
        start = back[m][end]
        segments.append(Segment(start, end))
        end = start
    return segments[::-1]


def _candidate_positions(costs: list[float], min_size: int) -> list[int]:
    """Boundary positions worth trying, in order; all of them for normal texts."""
    n = len(costs)
    positions = list(range(min_size, n - min_size + 1))
    if len(positions) <= _MAX_CANDIDATE_BOUNDARIES:
        return positions
    cheapest = sorted(positions, key=lambda p: (costs[p], p))[:_MAX_CANDIDATE_BOUNDARIES]
    # Evenly spaced positions guarantee that a size-feasible split exists.
    step = max(1, n // _MAX_CANDIDATE_BOUNDARIES)
    return sorted(set(cheapest) | set(range(min_size, n - min_size + 1, step)))


def _even_split(n: int, parts: int) -> list[Segment]:
    bounds = [round(i * n / parts) for i in range(parts + 1)]
    return [Segment(a, b) for a, b in pairwise(bounds)]
