"""Purpose items: "What was X intended to do?" and "Match each with its purpose".

A purpose the text states with a cue ("was designed to", "sought to", "in
order to") is the clearest relation an abstract gives; the key is the verb
phrase after the cue, the wrong options are what the text says other things
were for or did.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..checks import near_duplicate
from ..model import DraftQuestion
from ..questions import shuffled
from ..relations import Relation
from .drafts import several, single
from .options import fair_length, pick
from .phrases import framing, option_ok, verb_phrases_at
from .stems import purpose_stem
from .text import Text
from .words import leans_back, mentions_head, tidy, word_set

#: Nouns that carry the purpose themselves ("measures to improve"): the noun is no
#: subject a question can ask about.
PURPOSE_NOUN_LEMMAS = word_set(
    "aim measures measure efforts effort attempt attempts campaign campaigns plan plans "
    "strategy strategies moves move steps step initiatives initiative programme program "
    "goal goals purpose objective objectives intention bid bids drive"
)


def stated_purpose(r: Relation) -> bool:
    """A purpose of a named thing, stated by a verb cue: what purpose items ask about."""
    return (
        r.kind == "purpose"
        and not r.previous
        and r.left_form == "noun"
        and r.right_form == "predicate"
        and r.lemma not in PURPOSE_NOUN_LEMMAS
        and not framing(r)
    )


def purpose_items(t: Text) -> Iterable[DraftQuestion]:
    """ "What was X intended to do?": a single choice, or a multiple response when
    the text gives X several purposes ("to reorganize A, restructure B and extend C")."""
    for r in t.relations:
        if not stated_purpose(r):
            continue
        subject = t.subject(r.left, r.sentence)
        keys = verb_phrases_at(r.right, 0)[:4]
        if not subject or not keys or not all(option_ok(k) for k in keys):
            continue
        if any(k.split()[0].lower() == "be" for k in keys):
            continue  # "designed to be capable": a state, not something done
        stem = purpose_stem(r, subject)
        if not stem:
            continue
        wrong = pick(
            t,
            keys[0],
            t.verb_phrases(),
            at=(r.sentence, r.right),
            subject=subject,
            avoid=[r.left, *keys[1:]],
            n=3 if len(keys) == 1 else 2,
        )
        if len(keys) > 1 and len(wrong) == 2:
            yield several(t, stem, keys, wrong, r.sentence, [r.left])
        elif len(keys) == 1 and len(wrong) == 3 and fair_length(keys[0], wrong):
            yield single(t, stem, keys[0], wrong, [r.sentence], [r.left])


def purpose_matching(t: Text) -> Iterable[DraftQuestion]:
    """Three to five things the text gives a purpose for, each with its purpose."""
    pairs: list[tuple[str, str, int]] = []
    for r in t.relations:
        if not stated_purpose(r):
            continue
        left = tidy(r.left)
        keys = verb_phrases_at(r.right, 0)
        if not t.subject(left, r.sentence) or leans_back(left):
            continue  # a resolved "This X" is not the text's own words
        if not keys or not option_ok(keys[0]) or keys[0].split()[0].lower() == "be":
            continue
        if any(t.same_concept(left, a) or near_duplicate(keys[0], b) for a, b, _ in pairs):
            continue
        pairs.append((t.in_stem(left), keys[0], r.sentence))
    if not 3 <= len(pairs) <= 5:
        return
    # A purpose that names another left side gives its pair away.
    if any(mentions_head(b, a2) for _, b, _ in pairs for a2, _, _ in pairs):
        return
    lefts = [a for a, _, _ in pairs]
    where = [i for _, _, i in pairs]
    yield DraftQuestion(
        type="matching",
        prompt=f"Match each with the purpose the text gives for it: {'; '.join(lefts)}.",
        options=shuffled([b for _, b, _ in pairs], salt="|".join(lefts)),
        answer=[[a, b] for a, b, _ in pairs],
        concepts=t.concepts_in(*lefts),
        sentences=sorted(set(where)),
        explanation=t.explanation(where),
    )
