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

from . import cues, optionset, stems
from .bank import Asked, duplicate_flaw, duplicates
from .coreference import check_coreferent_options, check_multiple_keys
from .distractors import check_kinds, check_near_duplicates, check_option_count
from .item import Item, text_of
from .model import CATALOG, CODES, CRITERIA, REPORTED, Flaw, FlawInfo, confidence, make_flaw
from .truefalse import check_ranges, check_true_false
from .wellformed import check_citation_marks, check_dangling, check_fragments, check_grammar
from .worth import (
    check_citation_number,
    check_framing,
    check_generic,
    check_grounded,
    check_ordering,
    check_page_matter,
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
    text = text_of(tuple(sentences) if cited else ())
    item = Item.build(type, prompt, list(options), answer, text, cited, aliases or {})
    if item.malformed:
        return [make_flaw("malformed-item", item.malformed, 1.0)]
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
    *cues.CHECKS,
    *stems.CHECKS,
    *optionset.CHECKS,
    check_grammar,
    check_near_duplicates,
    check_option_count,
    check_ranges,
)
#: Checks against the sentences the item cites.
TEXT_CHECKS = (
    check_dangling,
    check_fragments,
    check_citation_marks,
    check_framing,
    check_generic,
    check_page_matter,
    check_citation_number,
    check_ordering,
    check_grounded,
    check_true_false,
    check_coreferent_options,
    check_multiple_keys,
    check_kinds,
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
