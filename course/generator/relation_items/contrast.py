"""Contrast items: a true/false pair on two contrasted clauses ("A rose, whereas
B fell"): the first clause as the text states it (true), and the same clause
said of the other subject (false: the text says it of A, not of B).

Swapping the two subjects is the one fair way to falsify a contrast: putting an
unrelated clause in place of one side leaves two true halves, and a "not"
inserted is spotted without reading. The subjects must be able to trade places
(one head noun, or two names, or two kinds of people backed by the glossary)
and must not be one thing under two names.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..checks import contains_phrase, matches_no_source, stem_ok
from ..model import DraftQuestion
from ..relations import subject_of
from ..tokens import singular
from .drafts import statement
from .phrases import asserted, framing_sentence
from .stems import sentence_case
from .text import Text
from .words import has_pronoun, head, named_thing, plural, tidy, words_of

_CONTRAST_LEMMAS = ("whereas", "while", "but", "contrast")
_AGENT_ENDINGS = (
    "er", "or", "ist", "ian", "ant", "ent", "ers", "ors", "ists", "ians", "ants", "ents", "ans",
)  # fmt: skip


def _same_head(a: str, b: str) -> bool:
    """One head noun ("patients in the X arm" / "patients in the Y arm"), or two names."""
    if singular(head(a).lower()) == singular(head(b).lower()):
        return True
    return named_thing(a) and named_thing(b)


def _same_role(a: str, b: str) -> bool:
    """Whether two subjects can trade places: one head noun, two names, or two kinds
    of people or agents ("merchants" / "artisans")."""
    if _same_head(a, b):
        return True
    return head(a).lower().endswith(_AGENT_ENDINGS) and head(b).lower().endswith(_AGENT_ENDINGS)


def contrast_items(t: Text) -> Iterable[DraftQuestion]:
    """The pair on each contrast whose subjects can trade places. Without the
    glossary naming both subjects (as two concepts), only subjects of one head
    noun or two names are swapped: two kinds of agents may be one group."""
    for r in t.relations:
        if r.kind != "contrast" or r.previous:
            continue
        if (r.left_form, r.right_form) != ("clause", "clause"):
            continue
        if r.lemma not in _CONTRAST_LEMMAS or framing_sentence(t.sentences[r.sentence]):
            continue
        left, right = tidy(r.left), tidy(r.right)
        a, b = subject_of(left), subject_of(right)
        if not a or not b or has_pronoun(a) or has_pronoun(b) or t.same_concept(a, b):
            continue
        concepts_a, concepts_b = t.concepts_in(a), t.concepts_in(b)
        glossary = bool(concepts_a and concepts_b) and not set(concepts_a) & set(concepts_b)
        if not (_same_role(a, b) if glossary else _same_head(a, b)):
            continue  # "the new strategy" / "the surface roughness": no sensible swap
        if plural(a) != plural(b) or len(words_of(a)) > 6 or len(words_of(b)) > 6:
            continue
        predicate = left[left.find(a) + len(a) :].strip()
        if not predicate or contains_phrase(predicate, b) or len(words_of(predicate)) < 2:
            continue
        swapped = t.in_stem(b)
        false = sentence_case(f"{swapped} {predicate}.")
        if not matches_no_source(false, t.sentences) or not stem_ok(false):
            continue
        sentence = t.sentences[r.sentence]
        lead = f"False: the text says this of {t.in_stem(a)}, not of {swapped}:"
        yield statement(t, false, False, [r.sentence], lead, about=[a, b])
        true = sentence_case(f"{left}.")
        at = sentence.find(left)
        if contains_phrase(sentence, true) and asserted(sentence, at) and stem_ok(true):
            yield statement(t, true, True, [r.sentence], "True: the text says:")
