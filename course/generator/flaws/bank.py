"""Flaws of a set of questions rather than of one: the same question twice."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..lexicon import STOPWORDS
from .form import distinctive_roots, related
from .model import Flaw, make_flaw
from .words import BLANK_RE, quote_of, root_of, unit_of, units_of, words_of, zipf_of


@dataclass(frozen=True)
class Asked:
    """What a question asks, in the form duplicates are compared in."""

    type: str
    prompt: str
    options: tuple[str, ...] = ()
    answer: Any = None


def _asked_key(item: Asked) -> str:
    return " ".join(units_of(BLANK_RE.sub(" blank ", item.prompt)))


def _primary(item: Asked) -> Any:
    """The answer as a student gives it: the first accepted text of a short answer, the
    value of a numerical one ("4" for 4.0), the set of a multiple response."""
    answer = item.answer
    if item.type in ("short_answer", "cloze") and isinstance(answer, list) and answer:
        return answer[0]
    if item.type == "numerical" and isinstance(answer, list) and answer:
        first = answer[0]
        value = first.get("value") if isinstance(first, dict) else first
        if isinstance(value, int | float):
            return f"{value:g}"
    return answer


def _answer_key(item: Asked) -> str:
    def norm(value: Any) -> str:
        if isinstance(value, list | tuple):
            return "|".join(sorted(norm(v) for v in value))
        if isinstance(value, dict):
            return "|".join(f"{k}={norm(v)}" for k, v in sorted(value.items()))
        return " ".join(units_of(str(value)))

    return norm(_primary(item))


def _options_key(item: Asked) -> str:
    return "|".join(sorted(" ".join(units_of(o)) for o in item.options))


def content_units(item: Asked) -> set[str]:
    words = words_of(BLANK_RE.sub(" ", item.prompt))
    return {unit_of(w) for w in words if w.lower() not in STOPWORDS}


def _restated(ca: set[str], cb: set[str]) -> bool:
    """Stems sharing at least two content words and 40% of them all ("What is the capital
    of Australia?", "Which city serves as Australia's capital?"), counted by root
    ("negatively charged", "carries a negative charge")."""
    ra, rb = {root_of(u) for u in ca}, {root_of(u) for u in cb}
    shared = {r for r in ra if related(r, rb) or any(related(other, {r}) for other in rb)}
    return len(shared) >= 2 and len(shared) >= 0.4 * (len(ra) + len(rb) - len(shared))


#: Two choice questions with one key offering this share of the same options (at least
#: three) ask one thing, whatever their stems say.
SHARED_OPTIONS = 0.75


def _same_choices(a: Asked, b: Asked) -> bool:
    options_a = {" ".join(units_of(o)) for o in a.options}
    options_b = {" ".join(units_of(o)) for o in b.options}
    shared = len(options_a & options_b)
    return shared >= 3 and shared >= SHARED_OPTIONS * min(len(options_a), len(options_b))


_NEGATION_RE = re.compile(r"\b(?:not|never|except|least|cannot|\w+n't)\b", re.IGNORECASE)


def _negated(stem: str) -> bool:
    """ "Which did NOT …" asks the opposite of "Which did …", over the same choices."""
    return bool(_NEGATION_RE.search(stem))


def _share_a_root(ca: set[str], cb: set[str]) -> bool:
    ra, rb = {root_of(u) for u in ca}, {root_of(u) for u in cb}
    return any(related(r, rb) for r in ra)


def _specific(answer: str) -> bool:
    """An answer only one fact has: a rare word or name ("Pangaea", "Michelangelo") or a
    number of three digits or more ("443", "1066"), not "4" or "France"."""
    words = [w for w in words_of(answer) if w.lower() not in STOPWORDS]
    if not words:
        return False
    if all(w.isdigit() for w in words):
        return any(len(w) >= 3 for w in words)
    if len(words) >= 3 and all(w[0].isupper() for w in words):
        return True  # a proper name: "UN Convention on the Law of the Sea"
    rare = [zipf_of(w) for w in words if not w.isdigit()]
    return all(z < 3.5 for z in rare) or min(rare, default=9.0) < 3.0  # "Anopheles mosquito"


def _same_topic(a: Asked, b: Asked) -> bool:
    """The stems share a rare word or a name, or words built on one another
    ("supercontinent", "continents")."""
    ra, rb = distinctive_roots(a.prompt), distinctive_roots(b.prompt)
    return any(related(r, rb) for r in ra) or any(related(r, ra) for r in rb)


def _alike(a: str, b: str) -> bool:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and matcher.ratio() >= 0.85
    )


def _repeats(a: Asked, b: Asked, key_a: str, key_b: str) -> bool:
    """``b`` asks what ``a`` asks (both have one answer)."""
    if _restated(content_units(a), content_units(b)):
        return True  # the same answer to the same question in other words, any options
    if _options_key(a) == _options_key(b) and _alike(key_a, key_b):
        return True
    if (
        _same_choices(a, b)
        and _negated(a.prompt) == _negated(b.prompt)
        and _share_a_root(content_units(a), content_units(b))
    ):
        return True  # "Who issued the Proclamation?" / "Which president issued it?", one set
    # the same specific answer asked about the same thing, with other options or none
    answer = _primary(a)
    return isinstance(answer, str | int | float) and _specific(str(answer)) and _same_topic(a, b)


def duplicates(items: Sequence[Asked]) -> dict[int, int]:
    """For each item that repeats an earlier one, the index of the first: the same stem
    (ignoring case, punctuation and inflection); the same answer and options with a stem
    nearly alike or restating it (:func:`_restated`); or the same specific answer to a
    stem on the same topic. Only items with one answer are compared pairwise, so a bank of
    a thousand questions is read in a few milliseconds."""
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
        answers = _answer_keys(items[n])
        earlier = sorted({m for a in answers for m in by_answer.get(a, [])})
        first = next((m for m in earlier if _repeats(items[m], items[n], keys[m], key)), None)
        if first is not None:
            found[n] = first
            continue
        for a in answers:
            by_answer.setdefault(a, []).append(n)
    return found


def _answer_keys(item: Asked) -> set[str]:
    """Every answer a student may give: each accepted text of a short answer ("William
    Shakespeare", "Shakespeare"), else the one answer."""
    if item.type in ("short_answer", "cloze") and isinstance(item.answer, list):
        keys = {_bare_number(" ".join(units_of(str(a)))) for a in item.answer if str(a).strip()}
    else:
        keys = {_bare_number(_answer_key(item))}
    # an answer's rare word alone: "Anopheles" asked again as "Anopheles mosquito"
    return keys | {f"~{w}" for key in keys for w in _rare_words(key)}


def _rare_words(answer: str) -> set[str]:
    return {w for w in answer.split() if len(w) > 3 and w not in STOPWORDS and zipf_of(w) < 3.0}


_QUANTITY_RE = re.compile(r"^(-?\d+(?:\.\d+)?)\s*[^\W\d_]{1,5}$")


def _bare_number(answer: str) -> str:
    """ "50 hz" is the answer 50 of a numerical question."""
    match = _QUANTITY_RE.match(answer)
    return match.group(1) if match else answer


def duplicate_flaw(other: str, where: str, *, later: bool = False) -> Flaw:
    """The finding for a question that repeats ``other`` (its prompt), found ``where``
    ("question 3 of this file", "the bank"); with ``later``, for the first copy of a
    question that ``other`` repeats further on."""
    if later:
        message = f"It is asked again as {quote_of(other)} ({where})."
    else:
        message = f"It repeats {quote_of(other)} ({where})."
    return make_flaw("duplicate-question", message, 0.8)
