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


def _answer_key(item: Asked) -> str:
    def norm(value: Any) -> str:
        if isinstance(value, list | tuple):
            return "|".join(sorted(norm(v) for v in value))
        if isinstance(value, dict):
            return "|".join(f"{k}={norm(v)}" for k, v in sorted(value.items()))
        return " ".join(_units(str(value)))

    return norm(item.answer) + "#" + "|".join(sorted(_units(" ".join(item.options))))


def _content(item: Asked) -> set[str]:
    words = _words(_BLANK_RE.sub(" ", item.prompt))
    return {_unit(w) for w in words if w.lower() not in STOPWORDS}


def _restated(ca: set[str], cb: set[str]) -> bool:
    """Stems sharing at least two content words and 40% of them all ("What is the capital
    of Australia?", "Which city serves as Australia's capital?")."""
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
    (ignoring case, punctuation and inflection), or the same answer and options with a stem
    nearly alike or restating it (:func:`_restated`). Only items with one answer are
    compared pairwise, so a bank of a thousand questions is read in a few milliseconds."""
    found: dict[int, int] = {}
    seen: dict[str, int] = {}
    by_answer: dict[str, list[int]] = {}
    keys = [_asked_key(item) for item in items]
    for n, key in enumerate(keys):
        if not key:
            continue
        if key in seen:
            found[n] = seen[key]
            continue
        seen[key] = n
        same = by_answer.setdefault(_answer_key(items[n]), [])
        content = _content(items[n])
        for m in same:
            if _alike(keys[m], key) or _restated(_content(items[m]), content):
                found[n] = m
                break
        else:
            same.append(n)
    return found


def duplicate_flaw(original: str, where: str) -> Flaw:
    """The finding for a question that repeats ``original`` (its prompt), found ``where``
    ("question 3 of this file", "the bank")."""
    return _flaw("duplicate-question", f"It repeats {_quote(original)} ({where}).", 0.8)
