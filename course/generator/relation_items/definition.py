"""Definition items: "What is meant by X?" with the text's own description as key.

Wrong options are other descriptions of the text of the same shape ("a/an ..."
against "a/an ..."). Abbreviations are left out: initials give the expansion
away.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..checks import contains_phrase
from ..model import DraftQuestion
from .drafts import single
from .options import fair_length, pick
from .phrases import option_ok
from .stems import DEFINITION_STEMS
from .text import Text
from .words import tidy, words_of


def definition_items(t: Text) -> Iterable[DraftQuestion]:
    """ "What is X?" with the text's description as key and other descriptions of
    the text ("a/an ..." phrases) as wrong options."""
    for r in t.relations:
        if r.kind != "definition" or r.lemma not in DEFINITION_STEMS:
            continue
        term = t.subject(r.left, r.sentence)
        key = tidy(r.right)
        if not term or not option_ok(key, minimum=2) or contains_phrase(key, r.left):
            continue
        stem = DEFINITION_STEMS[r.lemma].format(term=term)
        article = key.split()[0].lower() in ("a", "an")
        pool = [
            p
            for p in t.noun_phrases()
            if (p.text.split()[0] in ("a", "an")) == article and len(words_of(p.text)) >= 3
        ]
        wrong = pick(t, key, pool, at=(r.sentence, ""), subject=term, context=True, stem=stem)
        if len(wrong) == 3 and fair_length(key, wrong):
            yield single(t, stem, key, wrong, [r.sentence], [term])
