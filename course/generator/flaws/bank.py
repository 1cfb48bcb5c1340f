"""Flaws of a set of questions rather than of one: the same question twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..lexicon import STOPWORDS
from .model import Flaw, _flaw
from .words import _BLANK_RE, _quote, _unit, _units, _words


@dataclass(frozen=True)
class Asked:
    """What a question asks, in the form duplicates are compared in."""

    type: str
    prompt: str
    options: tuple[str, ...] = ()
    answer: Any = None


def _asked_key(item: Asked) -> str:
    return " ".join(_units(_BLANK_RE.sub(" blank ", item.prompt)))


def _same_answer(a: Asked, b: Asked) -> bool:
    def norm(value: Any) -> str:
        if isinstance(value, list | tuple):
            return "|".join(sorted(norm(v) for v in value))
        return " ".join(_units(str(value)))

    return norm(a.answer) == norm(b.answer)


def _content(item: Asked) -> set[str]:
    words = _words(_BLANK_RE.sub(" ", item.prompt))
    return {_unit(w) for w in words if w.lower() not in STOPWORDS}


def _restated(a: Asked, b: Asked) -> bool:
    """The same question in other words: the same answer (and the same options, if any),
    and stems sharing at least two content words and 40% of them all ("What is the capital
    of Australia?", "Which city serves as Australia's capital?")."""
    if not _same_answer(a, b) or {*a.options} != {*b.options}:
        return False
    ca, cb = _content(a), _content(b)
    shared = ca & cb
    return len(shared) >= 2 and len(shared) >= 0.4 * len(ca | cb)


def _alike(a: str, b: str) -> bool:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and matcher.ratio() >= 0.85
    )


def duplicates(items: Sequence[Asked]) -> dict[int, int]:
    """For each item that repeats an earlier one, the index of the first: the same stem
    (ignoring case, punctuation and inflection), a stem nearly alike with the same answer,
    or the same question restated (:func:`_restated`)."""
    found: dict[int, int] = {}
    seen: dict[str, int] = {}
    keys = [_asked_key(item) for item in items]
    for n, key in enumerate(keys):
        if not key:
            continue
        if key in seen:
            found[n] = seen[key]
            continue
        for m in range(n):
            if m in found or not keys[m]:
                continue
            same = _same_answer(items[m], items[n]) and _alike(keys[m], key)
            if same or _restated(items[m], items[n]):
                found[n] = m
                break
        seen.setdefault(key, n)
    return found


def duplicate_flaw(original: str, where: str) -> Flaw:
    """The finding for a question that repeats ``original`` (its prompt), found ``where``
    ("question 3 of this file", "the bank")."""
    return _flaw("duplicate-question", f"It repeats {_quote(original)} ({where}).", 0.8)
