"""Stage 4: cut the sentences into contiguous lessons and title them.

Boundaries go where the topic shifts: the vocabulary (and the concepts) of
the sentences before a boundary overlap least with those after it, in the
spirit of TextTiling. A dynamic programme picks the cut that minimises that
overlap plus a penalty for lessons far from the average size, so a lesson
is never a single stray sentence next to a huge one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from .candidates import CONTENT, TokenizedSentence
from .concepts import RankedConcept
from .lexicon import STOPWORDS
from .markdown import prose
from .model import DraftLesson
from .titles import clip, title_case

MIN_LESSONS = 3
MAX_LESSONS = 6
#: Target sentences per lesson for short texts.
TARGET_SIZE = 3
#: Most sentences per Markdown paragraph of a lesson body.
MAX_PARAGRAPH_SENTENCES = 4
MAX_LESSON_TITLE = 70
#: Two concepts make a title only while it stays short enough to scan.
MAX_PAIR_TITLE = 50
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


def _features(
    sentences: list[TokenizedSentence], concepts: list[RankedConcept]
) -> list[Counter[str]]:
    vectors: list[Counter[str]] = []
    for sentence in sentences:
        vector: Counter[str] = Counter()
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
    return [Counter({f: w * idf[f] for f, w in v.items()}) for v in vectors]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
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
        left: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for v in vectors[max(0, i - _WINDOW) : i]:
            left.update(v)
        for v in vectors[i : i + _WINDOW]:
            right.update(v)
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


# --- titles and bodies ------------------------------------------------------------


def _salient_concepts(seg: Segment, concepts: list[RankedConcept]) -> list[RankedConcept]:
    """Concepts of the lesson, those most specific to it first."""
    scored = []
    for rank, concept in enumerate(concepts):
        inside = sum(1 for i in concept.sentences if seg.start <= i < seg.end)
        if not inside:
            continue
        # Squared share: a concept spread over the whole text titles no lesson.
        share = (inside / len(concept.sentences)) ** 2
        introduced = 1.15 if seg.start <= concept.sentences[0] < seg.end else 1.0
        scored.append((-(concept.score * share * introduced), rank, concept))
    scored.sort(key=lambda item: item[:2])
    return [concept for _, _, concept in scored]


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


def lesson_titles(
    segments: list[Segment],
    sentences: list[TokenizedSentence],
    concepts: list[RankedConcept],
) -> list[str]:
    """A distinct title per lesson from its most specific concept(s).

    The main concept is paired with a second one ("A and B") when the second
    is among the next most specific, first appears in this lesson and shares
    no word with the first:
    two concepts describe a lesson far better than one, and make titles
    distinct. Concepts already used in an earlier title are avoided.
    """
    titles: list[str] = []
    used_terms: set[str] = set()
    used_titles: set[str] = set()
    for number, seg in enumerate(segments, start=1):
        ranked = _salient_concepts(seg, concepts)
        fresh = [c for c in ranked if c.term.casefold() not in used_terms] or ranked
        title = ""
        if fresh:
            main = fresh[0]
            title = title_case(main.term)
            for other in fresh[1:3]:
                # The partner must be new in this lesson and not overlap the main term.
                if other.units & main.units or other.sentences[0] < seg.start:
                    continue
                pair = f"{title} and {title_case(other.term)}"
                readable = len(pair) <= MAX_PAIR_TITLE and pair.count(" and ") == 1
                if readable and pair.casefold() not in used_titles:
                    title = pair
                    used_terms.add(other.term.casefold())
                break
            used_terms.add(main.term.casefold())
        if not title:
            title = title_case(_fallback_phrase(seg, sentences)) or f"Part {number}"
        title = clip(title, MAX_LESSON_TITLE)
        if title.casefold() in used_titles:
            title = clip(title, MAX_LESSON_TITLE - 10) + f" (Part {number})"
        used_titles.add(title.casefold())
        titles.append(title)
    return titles


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


#: Longest learning objective, in characters.
MAX_OBJECTIVE = 160
_PAIR_TEMPLATES = (
    "Explain how {a} relates to {b}.",
    "Describe {a} and {b} as the text presents them.",
    "Explain the role of {a} in the text's account of {b}.",
    "Compare {a} and {b} as the text presents them.",
)
_SINGLE_TEMPLATES = (
    "Describe {a} as the text presents it.",
    "Explain what the text says about {a}.",
    "Summarise the significance of {a} in the text.",
)


def _with_article(term: str, texts: list[str]) -> str:
    """ "the personnel purge" but "NEP": the article as the text uses it."""
    pattern = re.escape(term)
    with_the = sum(len(re.findall(rf"\bthe\s+{pattern}\b", t, re.IGNORECASE)) for t in texts)
    bare = sum(len(re.findall(rf"(?<!\w){pattern}\b", t, re.IGNORECASE)) for t in texts)
    return f"the {term}" if with_the and with_the * 2 >= bare else term


def _is_noun_like(term: str) -> bool:
    """Verb-phrase concepts ("subordinate X to Y") do not fit "Explain how {a} ..."."""
    words = term.lower().split()
    return not (
        len(words) >= 3 and ("to" in words[1:] or ("the" in words[1:] and "of" not in words))
    )


def lesson_objectives(
    segments: list[Segment], concepts: list[RankedConcept], texts: list[str]
) -> list[str]:
    """One distinct objective per lesson from its own most specific concepts.

    Concepts introduced in the lesson come first, so each objective is about
    what is new in that lesson; templates rotate so objectives read differently.
    """
    objectives: list[str] = []
    for number, seg in enumerate(segments):
        own = [c for c in _salient_concepts(seg, concepts) if _is_noun_like(c.term)]
        fresh = [c for c in own if seg.start <= c.sentences[0] < seg.end]
        ordered = fresh + [c for c in own if c not in fresh]
        terms = [_with_article(c.term, texts) for c in ordered]
        options: list[str] = []
        for k in range(len(terms) - 1):
            for j in range(k + 1, min(len(terms), k + 3)):
                for t in range(len(_PAIR_TEMPLATES)):
                    template = _PAIR_TEMPLATES[(number + t) % len(_PAIR_TEMPLATES)]
                    options.append(template.format(a=terms[k], b=terms[j]))
        for k in range(len(terms)):
            for t in range(len(_SINGLE_TEMPLATES)):
                template = _SINGLE_TEMPLATES[(number + t) % len(_SINGLE_TEMPLATES)]
                options.append(template.format(a=terms[k]))
        options.append(f"Summarise the main point of part {number + 1} of the text.")
        objective = next(o for o in options if len(o) <= MAX_OBJECTIVE and o not in objectives)
        objectives.append(objective[:1].upper() + objective[1:])
    return objectives


def build_lessons(
    sentences: list[TokenizedSentence],
    paragraph_starts: list[int],
    concepts: list[RankedConcept],
) -> list[DraftLesson]:
    """Lessons covering every sentence exactly once, in order."""
    n = len(sentences)
    if n == 0:
        return []
    costs = boundary_costs(sentences, concepts, paragraph_starts)
    segments = segment(costs, lesson_count(n))
    titles = lesson_titles(segments, sentences, concepts)
    texts = [s.text for s in sentences]
    objectives = lesson_objectives(segments, concepts, texts)
    return [
        DraftLesson(
            title=title,
            sentences=seg.indexes,
            body=lesson_body(seg, texts, paragraph_starts),
            concepts=[
                c.term for c in concepts if any(seg.start <= i < seg.end for i in c.sentences)
            ],
            objective=objective,
        )
        for seg, title, objective in zip(segments, titles, objectives, strict=True)
    ]
