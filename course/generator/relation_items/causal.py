"""Cause and result items: "What did X lead to?", "Why did X ...?", "What caused
X?", and "Match each cause with its effect".

The key is the noun phrase the text gives as the cause or the result; the
wrong options are noun phrases of other sentences, never of the sentences
either side (what sets up or follows a stated cause is too often part of it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..checks import distinct_options, near_duplicate
from ..model import DraftQuestion
from ..questions import shuffled
from ..relations import Relation, subject_of
from ..reversals import reversals
from .drafts import several, single
from .options import fair_length, pick
from .phrases import option_ok
from .stems import result_stem, why
from .text import Text
from .words import KNOWN_VERBS, leans_back, mentions_head, tidy, words_of


def noun_key(text: str) -> str:
    """A side as a noun-phrase key, or "" when it opens with a verb."""
    words = words_of(text)
    if not words or words[0].lower() in KNOWN_VERBS:
        return ""
    return tidy(text)


def result_items(t: Text) -> Iterable[DraftQuestion]:
    """ "What did X lead to / result in / contribute to?" with a noun-phrase key."""
    for r in t.relations:
        if r.kind != "result" or r.previous or r.right_form != "noun":
            continue
        cause = r.left if r.left_form == "noun" else subject_of(r.left)
        subject = t.subject(cause, r.sentence) if cause else ""
        key = noun_key(r.right)
        if not subject or not key or not (option_ok(key, minimum=2) or _coordinated(key)):
            continue
        stem = result_stem(r, subject)
        if stem:
            yield from _noun_choice(t, stem, key, r, subject)


def cause_items(t: Text) -> Iterable[DraftQuestion]:
    """ "Why did X ...?" / "What caused X?" with the stated cause (a noun phrase) as key."""
    for r in t.relations:
        if r.kind != "cause" or r.previous or r.right_form != "noun":
            continue
        if r.lemma in ("in response to", "thanks to"):
            continue
        key = noun_key(r.right)
        if not key or not option_ok(key, minimum=2):
            continue
        if r.left_form == "clause":
            clause = tidy(r.left)
            written = subject_of(clause)
            resolved = t.subject(written, r.sentence) if written else ""
            question = why(clause, written, resolved) if resolved else ""
            if not question or len(words_of(question)) > 30:
                continue
            stem = f"According to the text, {question}?"
            subject = subject_of(r.left)
        else:
            subject = t.subject(r.left, r.sentence)
            if not subject:
                continue
            cue_words = [w.lower() for w in words_of(r.cue)]
            present = any(w in ("is", "are", "stems", "arises", "results") for w in cue_words)
            stem = f"According to the text, what {'causes' if present else 'caused'} {subject}?"
        yield from _noun_choice(t, stem, key, r, subject)


def _turned(phrase: str) -> str:
    """The phrase with its one direction word turned ("a decrease in X" -> "an increase in
    X"), the article made to fit; "" when it states no single direction."""
    turned = reversals(phrase)
    if not turned:
        return ""
    text = turned[0].statement
    return re.sub(
        r"^(a|an)\s+(\w)",
        lambda m: ("an " if m.group(2).lower() in "aeiou" else "a ") + m.group(2),
        text,
        flags=re.IGNORECASE,
    )


def _coordinated(key: str) -> list[str]:
    """The two or three noun phrases a key coordinates ("the revision of X and the expansion
    of Y", "a decrease in X and yet also a decrease in Y"), or [] when it is one phrase."""
    parts = [
        p.strip()
        for p in re.split(
            r",\s+(?:and\s+)?|\s+and\s+(?:yet\s+)?(?:also\s+)?(?=(?:the|a|an)\s)", key
        )
    ]
    if len(parts) > 1 and all(
        re.match(r"(?:the|a|an)\s", p, re.IGNORECASE) and option_ok(p, minimum=2) for p in parts
    ):
        return parts
    return []


def _noun_choice(
    t: Text, stem: str, key: str, r: Relation, subject: str
) -> Iterable[DraftQuestion]:
    """A single choice on a noun-phrase key, or a multiple response when the key is
    two or three coordinated noun phrases ("the revision of X and the expansion of Y")."""
    parts = _coordinated(key)
    coordinated = bool(parts)
    pool = t.noun_phrases()
    if coordinated:
        wrong = pick(
            t,
            parts[0],
            pool,
            at=(r.sentence, ""),
            subject=subject,
            avoid=parts,
            n=2,
            context=True,
            stem=stem,
        )
        wrong = [w for w in wrong if distinct_options(parts[0], [*parts[1:], w])]
        if len(wrong) < 2:
            # a reported direction turned around: "an increase in X" for "a decrease in X"
            wrong = [w for w in (_turned(p) for p in parts) if w]
        if len(wrong) == 2:
            yield several(t, stem, parts, wrong, r.sentence, [subject])
        return
    wrong = pick(t, key, pool, at=(r.sentence, ""), subject=subject, context=True, stem=stem)
    if len(wrong) == 3 and fair_length(key, wrong):
        yield single(t, stem, key, wrong, [r.sentence], [subject])


def cause_matching(t: Text) -> Iterable[DraftQuestion]:
    """Three or four causes, each matched with the effect the text gives for it."""
    pairs: list[tuple[str, str, int]] = []
    for r in t.relations:
        if r.previous or r.kind not in ("result", "cause"):
            continue
        if (r.left_form, r.right_form) != ("noun", "noun"):
            continue
        cause, effect = (r.left, r.right) if r.kind == "result" else (r.right, r.left)
        cause, effect = tidy(cause), tidy(effect)
        if leans_back(cause) or not t.subject(cause, r.sentence):
            continue
        if not option_ok(effect, minimum=2) or len(words_of(cause)) > 10:
            continue
        if any(t.same_concept(cause, c) or near_duplicate(effect, e) for c, e, _ in pairs):
            continue
        pairs.append((t.in_stem(cause), effect, r.sentence))
    if not 3 <= len(pairs) <= 4:
        return
    if any(mentions_head(e, c) for _, e, _ in pairs for c, _, _ in pairs):
        return  # an effect naming a cause gives its pair away
    causes = [c for c, _, _ in pairs]
    where = [i for _, _, i in pairs]
    yield DraftQuestion(
        type="matching",
        prompt=f"Match each cause with the effect the text gives for it: {'; '.join(causes)}.",
        options=shuffled([e for _, e, _ in pairs], salt="|".join(causes)),
        answer=[[c, e] for c, e, _ in pairs],
        concepts=t.concepts_in(*causes, *(e for _, e, _ in pairs)),
        sentences=sorted(set(where)),
        explanation=t.explanation(where),
    )
