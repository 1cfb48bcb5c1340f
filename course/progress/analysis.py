"""Quiz item analysis: how hard each question is, whether it separates stronger from weaker
students, and which wrong options draw answers.

Counted in two queries per quiz whatever the number of attempts; the arithmetic is plain
Python over the streamed rows (about 70,000 rows for 10,000 students on a 7-question quiz,
half a second). The counts are then cached under the quiz's statistics version, which every
write that changes a submitted attempt's scores sets anew when it commits
(`quiz_statistics_changed`: a submit and an instructor's grade, through `quiz_grade_store`),
so a view between two such writes reads the cache and counts nothing. Attempts are deleted
only with their student (their quiz or course takes its statistics with it): the receiver
below sets the versions of that student's quizzes. A change to the quiz's slots makes a new
key; the counts read each answer's type from the version it answered, so a question's new
version changes none of them. What the counts do not cover (the questions' wording, options
and keys, the flags, which questions random slots drew) is read afresh on every view.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction

from course.accounts.models import User
from course.quizzes.models import Attempt, AttemptItem, Question, Quiz, QuizQuestion

# Thresholds for flags, after Moodle's quiz statistics report.
FACILITY_LOW, FACILITY_HIGH = 0.2, 0.95
DISCRIMINATION_LOW = 0.1
CHOICE_TYPES = {
    Question.Type.SINGLE_CHOICE,
    Question.Type.MULTIPLE_RESPONSE,
    Question.Type.TRUE_FALSE,
}


@dataclass
class ItemStats:
    question: Question
    position: int
    # The concept a random slot drew this question from ("" for a fixed question).
    drawn_from: str = ""
    answers: int = 0
    facility: float | None = None  # mean score 0..1
    discrimination: float | None = None  # corrected item-total correlation, -1..1
    choices: list[tuple[str, int, bool]] = field(default_factory=list)  # option, count, is key
    flags: list[str] = field(default_factory=list)


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(sxx * syy)


def _key_options(question: Question) -> set[str]:
    if question.type == Question.Type.TRUE_FALSE:
        return {"True" if question.answer else "False"}
    if question.type == Question.Type.MULTIPLE_RESPONSE:
        return set(question.answer or [])
    return {str(question.answer)}


def _chosen(kind: str, response: object) -> list[str]:
    if response is None:
        return []
    if kind == Question.Type.TRUE_FALSE:
        return ["True" if response else "False"]
    if isinstance(response, list):
        return [str(r) for r in response]
    return [str(response)]


# Kept a day at most: a version key that is never bumped again still frees its entries.
COUNTS_TIMEOUT = 24 * 3600
_PREFIX = "item-analysis"


def _version_key(quiz_id: int) -> str:
    return f"{_PREFIX}:v:{quiz_id}"


def quiz_statistics_changed(quiz_id: int) -> None:
    """The quiz's item statistics are stale once the current transaction commits (after
    it, not before: a view counting meanwhile would store the old numbers under the new
    version)."""
    key = _version_key(quiz_id)
    transaction.on_commit(lambda: cache.set(key, secrets.token_hex(8), timeout=None))


def _statistics_version(quiz_id: int) -> str:
    """The version now, made on first use (add: a concurrent first use keeps one)."""
    key = _version_key(quiz_id)
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        value = cache.get(key)
    return str(value)


# Per question: answers, facility, discrimination, how often each option was chosen.
Counts = dict[int, tuple[int, float | None, float | None, dict[str, int]]]


def _counts(quiz: Quiz, items_per_attempt: int) -> Counts:
    """The statistics of the quiz's submitted attempts, counted from their rows: for every
    question an attempt was given, a random slot's draws included (each row carries the
    type of the version it showed)."""
    totals = dict(
        Attempt.objects.filter(quiz=quiz, state=Attempt.State.SUBMITTED).values_list("pk", "score")
    )
    scores: dict[int, list[tuple[float, float]]] = defaultdict(list)  # question -> (item, rest)
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    rows = (
        AttemptItem.objects.filter(attempt__quiz=quiz, attempt__state=Attempt.State.SUBMITTED)
        .values_list("attempt_id", "version__question_id", "version__type", "score", "response")
        .iterator(chunk_size=5000)
    )
    n_items = max(items_per_attempt, 1)
    for attempt_id, question_id, kind, score, response in rows:
        item = score or 0.0
        total = (totals.get(attempt_id) or 0.0) * n_items
        scores[question_id].append((item, total - item))
        for option in _chosen(kind, response):
            counts[question_id][option] += 1
    result: Counts = {}
    for question_id, pairs in scores.items():
        facility = sum(p[0] for p in pairs) / len(pairs)
        discrimination = _pearson([p[0] for p in pairs], [p[1] for p in pairs])
        result[question_id] = (len(pairs), facility, discrimination, dict(counts[question_id]))
    return result


def _counts_key(quiz: Quiz, slots: list[QuizQuestion]) -> str:
    """The cache key of the quiz's counts: its statistics version and what the counting
    read of the quiz itself (its slots: which questions, or what they draw)."""
    shape = ",".join(f"{s.question_id}.{s.concept_id}.{s.draw}" for s in slots)
    digest = hashlib.sha256(shape.encode()).hexdigest()[:16]
    return f"{_PREFIX}:counts:{quiz.pk}:{_statistics_version(quiz.pk)}:{digest}"


def on_student_deleted(sender: type[User], instance: User, **kwargs: Any) -> None:
    """A student about to be deleted takes their attempts along: the statistics of every
    quiz they submitted one of are stale (connected in ProgressConfig.ready)."""
    quizzes = Attempt.objects.filter(user_id=instance.pk, state=Attempt.State.SUBMITTED)
    for quiz_id in quizzes.values_list("quiz_id", flat=True).distinct().order_by():
        quiz_statistics_changed(quiz_id)


def item_analysis(quiz: Quiz) -> list[ItemStats]:
    """The quiz's item statistics: from the cache between two grading writes (one query
    for the slots and a cache round trip or two, and one for the questions random slots
    drew, when there are any), else counted and stored. The questions drawn come after the
    fixed ones, under their slot's concept; a question that has left the quiz is left out."""
    slots = list(quiz.slots.select_related("question", "concept").order_by("position", "pk"))
    key = _counts_key(quiz, slots)
    counts: Counts | None = cache.get(key)
    if counts is None:
        counts = _counts(quiz, sum(slot.draw or 1 for slot in slots))
        cache.set(key, counts, timeout=COUNTS_TIMEOUT)
    stats = {s.question.pk: ItemStats(question=s.question, position=i)
             for i, s in enumerate(slots, start=1) if s.question is not None}  # fmt: skip
    for question, term in _drawn(slots, set(counts) - set(stats)):
        stats[question.pk] = ItemStats(question=question, position=len(stats) + 1, drawn_from=term)
    for question_id, entry in stats.items():
        answers, facility, discrimination, chosen = counts.get(question_id, (0, None, None, {}))
        entry.answers, entry.facility, entry.discrimination = answers, facility, discrimination
        if entry.question.type in CHOICE_TYPES:
            keys = _key_options(entry.question)
            options = entry.question.options or ["True", "False"]
            entry.choices = [(o, chosen.get(o, 0), o in keys) for o in options]
        entry.flags = _flags(entry)
    return sorted(stats.values(), key=lambda e: e.position)


def _drawn(slots: list[QuizQuestion], answered: set[int]) -> list[tuple[Question, str]]:
    """The answered questions that the quiz's random slots drew (tagged with a random
    slot's concept, in no fixed slot), each with that concept's term, in bank order."""
    terms = {s.concept_id: s.concept.term for s in slots if s.concept is not None}
    if not terms or not answered:
        return []
    links = (
        Question.concepts.through.objects.filter(question_id__in=answered, concept_id__in=terms)
        .select_related("question")
        .order_by("question__position", "question_id", "concept_id")
    )
    drawn: dict[int, tuple[Question, str]] = {}
    for link in links:
        drawn.setdefault(link.question_id, (link.question, terms[link.concept_id]))
    return list(drawn.values())


def _flags(entry: ItemStats) -> list[str]:
    flags: list[str] = []
    if entry.answers < 5:
        return flags
    if entry.facility is not None and entry.facility < FACILITY_LOW:
        flags.append("Very hard: few students get it right.")
    if entry.facility is not None and entry.facility > FACILITY_HIGH:
        flags.append("Very easy: nearly everyone gets it right.")
    if entry.discrimination is not None and entry.discrimination < 0:
        flags.append("Misleading: stronger students do worse on it than weaker ones.")
    elif entry.discrimination is not None and entry.discrimination < DISCRIMINATION_LOW:
        flags.append("Does not separate stronger from weaker students.")
    key_top = max((n for _, n, key in entry.choices if key), default=0)
    for option, n, key in entry.choices:
        if not key and n > key_top:
            flags.append(f"The wrong option “{option}” is chosen more often than the answer.")
    return flags
