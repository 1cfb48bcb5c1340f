"""One objective template per kind of relation (purpose, result, cause, contrast,
sequence, definition), and how much each kind is worth.

Each template phrases a relation the lesson states as a task ("Explain why
...", "Describe how ... developed from 1929"), or gives "" when the relation's
sides cannot be quoted cleanly.
"""

from __future__ import annotations

import re

from ..concepts import RankedConcept
from ..relations import Relation, subject_of
from .naming import _mentioned, _words
from .phrasing import (
    _clause,
    _cue_verb,
    _generic_subject,
    _lower_start,
    _noun_phrase,
    _subject,
    _Text,
)

#: Verbs of change: "was developed fully from 1929" reads "developed from 1929".
_CHANGE_VERBS = _words(
    """
    developed grew changed evolved expanded increased decreased declined rose fell emerged
    shifted improved intensified accelerated spread weakened strengthened peaked
    """
)
#: Cues of intention: the objective asks what the thing was meant to achieve.
_INTENT_LEMMAS = frozenset(
    [
        "aim to",
        "intend to",
        "seek to",
        "try to",
        "attempt to",
        "strive to",
        "set out to",
        "plan to",
        "be intended to",
        "be designed to",
        "be meant to",
        "be aimed to",
    ]
)


def _purpose_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    verb = rel.right.split(" ", 1)[0]
    generic = _generic_subject(rel.left)
    if rel.left_form == "clause":  # "in order to", "so that", "with the aim of"
        return f"Explain why {_clause(rel.left, text)}."
    if generic and (rel.lemma in _INTENT_LEMMAS or rel.lemma == "aim"):
        return f"Explain what {generic} set out to {verb}."
    subject = _noun_phrase(rel.left, concepts, text)
    if not subject or generic:
        return ""
    if rel.lemma == "aim":  # "The aim of the reform was to ..."
        return f"Explain the aim of {subject}."
    if rel.lemma in _INTENT_LEMMAS:
        return f"Explain what {subject} {_cue_verb(rel.cue)} achieve."
    if rel.lemma.startswith("be "):  # "was enacted to", "are used to"
        return f"Explain why {subject} {_cue_verb(rel.cue).removesuffix(' to')}."
    return ""


_RESULT_VERBS = {
    "lead to": "led to",
    "result in": "resulted in",
    "contribute to": "contributed to",
    "give rise to": "gave rise to",
    "bring about": "brought about",
    "cause": "caused",
    "trigger": "triggered",
}


def _result_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.right_form == "clause":  # "Thus, ...", "As a result, ..."
        return f"Explain why {_clause(rel.right, text)}."
    cue = _cue_verb(rel.cue)
    # The cue as written ("led to", "may lead to"), unless it is a participle or a
    # noun phrase ("leading to", "made a great contribution to").
    plain = re.fullmatch(r"[\w\s]+", cue) and not cue.split()[0].lower().endswith("ing")
    verb = cue if plain and "contribution" not in cue else _RESULT_VERBS.get(rel.lemma, "")
    effect = rel.right if len(rel.right.split()) <= 14 else _noun_phrase(rel.right, [], text)
    if not verb or not effect:
        return ""
    cause = rel.left if rel.left_form == "noun" else subject_of(rel.left)
    if _generic_subject(cause):
        return ""  # "What contributes to X?" - "The paper": no lesson in that
    cause = _noun_phrase(cause, concepts, text) if cause and not rel.previous else ""
    if not cause:
        return f"Explain what {_RESULT_VERBS.get(rel.lemma, verb)} {effect}."
    return f"Explain how {cause} {verb} {_lower_start(effect, text)}."


def _cause_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.left_form == "clause":
        return f"Explain why {_clause(rel.left, text)}."
    effect = _noun_phrase(rel.left, concepts, text)
    return f"Explain the cause of {effect}." if effect else ""


#: Contrasts whose second side qualifies the first ("X, but Y"; "While X, Y").
_QUALIFYING_LEMMAS = frozenset(["but", "however", "yet", "while", "although", "though"])


def _contrast_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.lemma == "no longer":
        subject = _noun_phrase(rel.left, concepts, text)
        return f"Explain why {subject} {_cue_verb(rel.cue)} {rel.right}." if subject else ""
    if rel.lemma == "despite" and rel.right_form == "clause":
        claim = _clause(rel.right, text)
        if claim.split(" ", 1)[0] in ("it", "there"):
            return ""
        return f"Explain how {claim} despite {_lower_start(rel.left, text)}."
    if rel.lemma in ("rather than", "instead of"):
        return ""
    # Two concepts contrast only as the subjects of the two sides ("whereas men ...,
    # women ..."); a concept elsewhere in a clause is not what is contrasted.
    left_subject = _subject(rel.left, concepts) if rel.left_form == "clause" else rel.left
    right_subject = _subject(rel.right, concepts) if rel.right_form == "clause" else ""
    left = _mentioned(left_subject, concepts)
    right = [
        c
        for c in _mentioned(right_subject, concepts)
        if not any(c.units <= d.units or d.units <= c.units for d in left)
    ]
    if left and right:
        a = text.with_article(left[0].term)
        b = text.with_article(right[0].term)
        return f"Explain the contrast the text draws between {a} and {b}."
    if rel.left_form == "clause" and rel.lemma in _QUALIFYING_LEMMAS:
        # "X, but Y": the text sets Y against X (which it may hold as well: "yet" need
        # not deny the first side, so the task does not say which side the text takes).
        claim = _clause(rel.left, text)
        words = claim.split()
        if len(words) < 4 or words[-1].lower().endswith("ly"):
            return ""  # "perhaps all imperfectly": a fragment, not a claim
        return f"Explain what the text sets against the claim that {claim}."
    return ""


def _sequence_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.lemma == "begin":
        subject = _noun_phrase(rel.left, concepts, text)
        return f"Describe how {subject} {_cue_verb(rel.cue)} {rel.right}." if subject else ""
    if rel.lemma in ("from", "since"):
        words = [w for w in rel.right.split() if not (len(w) > 4 and w.endswith("ly"))]
        verb = words[-1].lower() if words else ""
        subject = _noun_phrase(subject_of(rel.right), concepts, text)
        if verb in _CHANGE_VERBS and subject:
            return f"Describe how {subject} {verb} {rel.lemma} {rel.left}."
        return ""
    if rel.lemma in ("from-to", "between-and"):
        first, second = ("from", "to") if rel.lemma == "from-to" else ("between", "and")
        sentence = text.sentences[rel.sentence]
        before = sentence[: sentence.find(f"{first} {rel.left}")].split()
        verbs = [w for w in before if not (len(w) > 4 and w.endswith("ly"))]
        subject = _noun_phrase(subject_of(" ".join(before)), concepts, text)
        span = f"{first} {rel.left} {second} {rel.right}"
        if verbs and verbs[-1].lower() in _CHANGE_VERBS and subject:
            return f"Describe how {subject} {verbs[-1].lower()} {span}."
        if _only_time(rel.left) and _only_time(rel.right):
            return ""  # "from 1850 to 1870" alone names no development
        return f"Trace the developments {span}."
    if rel.lemma == "after":
        return f"Describe what happened after {_lower_start(rel.left, text)}."
    if rel.lemma in ("before", "prior to"):
        return f"Describe what happened before {_lower_start(rel.right, text)}."
    if rel.lemma == "followed by" and rel.left_form == "noun":
        subject = _noun_phrase(rel.left, concepts, text)
        return f"Describe what followed {subject}." if subject else ""
    return ""


def _only_time(phrase: str) -> bool:
    return not re.search(r"[^\W\d_]{3,}", re.sub(r"\b(?:the|\d+s)\b", "", phrase))


def _definition_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.lemma == "abbreviation" or len(rel.left.split()) > 6:
        return ""
    return f"Explain what the text means by {_lower_start(rel.left, text)}."


_DATED_LEMMAS = frozenset(["from", "since", "from-to", "between-and", "after", "before"])
_TEMPLATES = {
    "purpose": (_purpose_objective, 4.5),
    "result": (_result_objective, 4.5),
    "cause": (_cause_objective, 4.5),
    "contrast": (_contrast_objective, 4.0),
    "sequence": (_sequence_objective, 4.0),
    "definition": (_definition_objective, 3.0),
}
