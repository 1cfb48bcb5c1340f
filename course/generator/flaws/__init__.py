"""Item-writing flaws: what an instructor would fix before giving a question to students.

One checker serves two readers. The generator scores every candidate with
:func:`confidence` and drops the ones it is unsure of; the review workspace
shows an instructor the same :class:`Flaw` list for a question they wrote or
edited. Each flaw names the rubric criterion it fails (``../shared/AUDIT.md``:
grounded, unambiguous, well-formed, worth asking, fair distractors), says in
one sentence what to change, and carries a severity: how sure we are that the
item is unacceptable because of it (about 0.9 for a sure failure, 0.5 for a
likely one, 0.2 for a weak signal).

The checks read only the item and the source sentences: plain English cues
(pronouns, linkers, articles, agreement, negation words, apposition), word
frequencies for "generic", and :mod:`.kinds` for the kind of thing a term names.
Everything text-wide is computed once per text and cached, so one item costs
well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import form
from .bank import Asked, duplicate_flaw, duplicates
from .coreference import _check_coreferent_options, _check_multiple_keys
from .distractors import _check_kinds, _check_near_duplicates, _check_option_count
from .item import _Item, _text
from .model import CATALOG, CODES, CRITERIA, REPORTED, Flaw, FlawInfo, _flaw, confidence
from .truefalse import _check_ranges, _check_true_false
from .wellformed import _check_citation_marks, _check_dangling, _check_fragments, _check_grammar
from .worth import (
    _check_citation_number,
    _check_framing,
    _check_generic,
    _check_grounded,
    _check_ordering,
    _check_page_matter,
)


def item_flaws(
    *,
    type: str,
    prompt: str,
    options: list[str],
    answer: Any,
    sentences: Sequence[str] = (),
    cited: Sequence[int] = (),
    aliases: dict[str, list[str]] | None = None,
) -> list[Flaw]:
    """Every flaw found in one item, findings and doubts, worst first.

    The classic item-writing checks (:mod:`.form`) read the item alone. The checks against
    the source text run only for an item that cites sentences of it (``cited``): a question
    an instructor wrote or imported may go beyond the text, and is not faulted for that.
    """
    cited = [i for i in cited if 0 <= i < len(sentences)]
    text = _text(tuple(sentences) if cited else ())
    item = _Item.build(type, prompt, list(options), answer, text, cited, aliases or {})
    if item.malformed:
        return [_flaw("malformed-item", item.malformed, 1.0)]
    found: dict[str, Flaw] = {}
    for check in (*FORM_CHECKS, *TEXT_CHECKS) if cited else FORM_CHECKS:
        for flaw in check(item):
            if flaw.code not in found or flaw.severity > found[flaw.code].severity:
                found[flaw.code] = flaw
    return sorted(found.values(), key=lambda f: (-f.severity, f.code))


def findings(**item: Any) -> list[Flaw]:
    """The flaws of :func:`item_flaws` worth telling an instructor (severity >= REPORTED)."""
    return [flaw for flaw in item_flaws(**item) if flaw.reported]


#: Checks that read the item alone.
FORM_CHECKS = (
    *form.CHECKS,
    _check_grammar,
    _check_near_duplicates,
    _check_option_count,
    _check_ranges,
)
#: Checks against the sentences the item cites.
TEXT_CHECKS = (
    _check_dangling,
    _check_fragments,
    _check_citation_marks,
    _check_framing,
    _check_generic,
    _check_page_matter,
    _check_citation_number,
    _check_ordering,
    _check_grounded,
    _check_true_false,
    _check_coreferent_options,
    _check_multiple_keys,
    _check_kinds,
)


__all__ = [
    "CATALOG",
    "CODES",
    "CRITERIA",
    "REPORTED",
    "Asked",
    "Flaw",
    "FlawInfo",
    "confidence",
    "duplicate_flaw",
    "duplicates",
    "findings",
    "item_flaws",
]
