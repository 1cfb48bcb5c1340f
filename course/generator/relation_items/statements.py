"""True/false pairs on a stated relation, for when no choice item can be made.

A choice item needs three fair wrong options of the key's form, and a short
abstract rarely has them. A relation the text states can still be asked about
as a pair of statements: the relation as the text words it ("X was intended
to Y": true), and the same relation with its right side taken from another
relation of the same kind, one the text states of something else ("X was
intended to Z", where the text says W was intended to Z: false).

The false twin is made only when the text clearly attributes the swapped-in
side elsewhere: its owner is neither the claim's subject nor a co-referent
(no shared head noun, no glossary concept in common, no "This N" pointing
back), it is not named in the claim's sentence nor the claim's subject in its
own, and the swapped-in phrase shares no content word with the claim. When no
side passes, the true statement comes alone: one sound item before two
doubtful ones. Never a "not" inserted, never a framing sentence ("This study
aims to ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..checks import (
    contains_phrase,
    distinct_options,
    matches_no_source,
    norm_text,
    option_kind,
    stem_ok,
)
from ..lexicon import MODALS
from ..model import DraftQuestion
from ..relations import Relation, subject_of
from .causal import noun_key
from .drafts import statement
from .phrases import asserted, framing, framing_sentence, option_ok, verb_phrases_at
from .purpose import PURPOSE_NOUN_LEMMAS, stated_purpose
from .stems import RESULT_VERBS, sentence_case
from .text import Text
from .words import (
    KNOWN_VERBS,
    balanced,
    content_units,
    has_pronoun,
    leans_back,
    mentions_head,
    named_thing,
    plural,
    tidy,
    words_of,
)

#: Definition cues whose two sides read as a statement: "X is a Y", "X refers to Y".
_DEFINING_LEMMAS = ("be", "defined as", "refers to", "refer to", "denotes")
#: Purpose cues after a whole clause: "SEM was employed in order to analyze X".
_PURPOSE_CLAUSE_LEMMAS = ("in order to", "so as to")


#: Definite phrases that point back to the sentences before: a statement alone
#: would not say which.
_CONTEXT_RE = re.compile(
    r"\bthe (?:two|three|four|five|six|seven|eight|nine|ten|same|former|latter|above|"
    r"aforementioned|following|previous|respective)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Side:
    """One side of a stated relation: what a false statement may swap in.

    ``role`` is what the side is to its relation (a purpose, an effect, a cause,
    a definiens); ``owner`` is what the text says it of.
    """

    role: str
    text: str
    owner: str
    sentence: int


@dataclass(frozen=True)
class Claim:
    """A relation as a statement: ``lead`` (left side and cue, as written) + ``key``."""

    side: Side
    lead: str
    #: No false twin: the cue hedges ("may lead to": a possibility is not refuted), or
    #: the key does not follow the cue directly (the side was cut elsewhere).
    fixed: bool

    @property
    def text(self) -> str:
        return sentence_case(f"{self.lead} {self.side.text}") + "."


def _owner(side: str, form: str) -> str:
    return tidy(side) if form == "noun" else subject_of(tidy(side))


def sides(t: Text) -> list[Side]:
    """Every side of a relation that a false statement may swap in, with its owner:
    stated, not hedged ("may lead to"), not reported ("believed that"), and cut
    right after its cue (a side cut elsewhere is a fragment)."""
    out = []
    for r in t.relations:
        sentence = t.sentences[r.sentence]
        if r.previous or framing(r) or framing_sentence(sentence) or _hedged(r.cue):
            continue
        if not asserted(sentence, max(0, sentence.find(tidy(r.left)))):
            continue
        found: list[Side] = []
        if r.kind == "purpose" and r.right_form == "predicate":
            keys = verb_phrases_at(r.right, 0) if r.lemma not in PURPOSE_NOUN_LEMMAS else []
            if keys:
                found.append(Side("purpose", keys[0], _owner(r.left, r.left_form), r.sentence))
        elif r.kind in ("result", "cause") and r.right_form == "noun":
            effect_role, cause_role = (
                ("effect", "cause") if r.kind == "result" else ("cause", "effect")
            )
            key = noun_key(r.right)
            if key:
                found.append(Side(effect_role, key, _owner(r.left, r.left_form), r.sentence))
            if r.left_form == "noun" and key:
                found.append(Side(cause_role, tidy(r.left), key, r.sentence))
        elif r.kind == "definition" and r.lemma in _DEFINING_LEMMAS:
            found.append(Side("definiens", tidy(r.right), tidy(r.left), r.sentence))
        for side in found:
            if not side.owner or not option_ok(side.text, minimum=2):
                continue
            if side.role in ("purpose", "definiens") and not _after_cue(sentence, side.text, r.cue):
                continue
            out.append(side)
    return out


def _after_cue(sentence: str, text: str, cue: str) -> bool:
    """Whether ``text`` follows ``cue`` in ``sentence``, at most an adverb between:
    "was intended to supply water" cut as "water" does not."""
    at = sentence.find(text)
    return at >= 0 and _ends_with_cue(sentence[:at], cue)


def _ends_with_cue(lead: str, cue: str) -> bool:
    words = [w.lower() for w in words_of(lead)]
    if words and words[-1].endswith("ly") and words[-1] not in KNOWN_VERBS:
        words = words[:-1]  # "proposed to dynamically generate"
    cue_words = [w.lower() for w in words_of(cue)]
    return bool(cue_words) and words[-len(cue_words) :] == cue_words


def _parts(r: Relation) -> tuple[str, str, str, str] | None:
    """What a statement of ``r`` holds: its role, the words it opens with (the
    relation's first side), its key and what the key is said of."""
    if stated_purpose(r) or (
        r.kind == "purpose" and r.lemma in _PURPOSE_CLAUSE_LEMMAS and r.left_form == "clause"
    ):
        keys = verb_phrases_at(r.right, 0)
        key = keys[0] if keys else ""
        if not key or key.split()[0].lower() == "be" or not option_ok(key):
            return None  # "designed to be capable": a state, not a purpose
        return "purpose", tidy(r.left), key, _owner(r.left, r.left_form)
    if r.kind == "result" and r.right_form == "noun" and r.lemma in RESULT_VERBS:
        return "effect", tidy(r.left), noun_key(r.right), _owner(r.left, r.left_form)
    if r.kind == "cause" and r.right_form == "noun" and r.lemma != "thanks to":
        return "cause", tidy(r.left), noun_key(r.right), _owner(r.left, r.left_form)
    if r.kind == "definition" and r.lemma in _DEFINING_LEMMAS:
        key, term = tidy(r.right), tidy(r.left)
        return None if contains_phrase(key, term) else ("definiens", term, key, term)
    if r.kind == "contrast" and r.lemma == "despite" and r.right_form == "clause":
        # "X grew, despite strong pressure": asserted and worth asking, but no fair
        # false twin (another obstacle swapped in may be true as well): no sides.
        return "concession", tidy(r.right), tidy(r.left), subject_of(tidy(r.right))
    return None


def _claim(t: Text, r: Relation) -> Claim | None:
    """The relation as a statement the sentence makes in these very words, or None."""
    sentence = t.sentences[r.sentence]
    parts = _parts(r) if not r.previous and not framing_sentence(sentence) else None
    if parts is None:
        return None
    role, first, key, owner = parts
    if not key or not _key_ok(role, key) or len(content_units(key)) < 2:
        return None  # "the field": too little to be worth a statement
    if not owner or leans_back(owner) or not t.subject(owner, r.sentence):
        return None  # a pronoun, "This N" or "this study": not a statement of its own
    start = sentence.find(first)
    at = sentence.find(key, start + len(first)) if start >= 0 else -1
    if at < 0:
        return None
    lead = sentence[start:at].strip()
    if len(words_of(lead)) > len(words_of(first)) + len(words_of(r.cue)) + 1:
        return None  # more than the cue and an adverb between the sides
    # Hedged ("may lead to") or cut elsewhere than at its cue: no false twin.
    fixed = _hedged(r.cue) or not _ends_with_cue(lead, r.cue)
    claim = Claim(Side(role, key, owner, r.sentence), lead, fixed)
    if not contains_phrase(sentence, claim.text) or not stem_ok(claim.text):
        return None
    if _CONTEXT_RE.search(claim.text):
        return None  # "during the three decades": which ones, the sentence before says
    return claim if asserted(sentence, start) else None


def _key_ok(role: str, key: str) -> bool:
    """A key fit for a statement; a definition may give a number ("≥80% agreement")."""
    if role != "definiens":
        return option_ok(key, minimum=2)
    return 2 <= len(words_of(key)) <= 14 and balanced(key) and not has_pronoun(key)


def _hedged(cue: str) -> bool:
    return any(w.lower() in MODALS for w in words_of(cue))


def _covered(claim: Claim, made: list[DraftQuestion]) -> bool:
    """Whether a choice item already asks for the claim's key."""
    key = claim.side.text
    for q in made:
        if claim.side.sentence not in q.sentences or q.type == "true_false":
            continue
        answers = q.answer if isinstance(q.answer, list) else [q.answer]
        flat = [str(a) for item in answers for a in (item if isinstance(item, list) else [item])]
        if any(contains_phrase(a, key) or contains_phrase(key, a) for a in flat):
            return True
    return False


def _nouns(text: str) -> set[str]:
    """Content words of a side, without the verb a verb phrase opens with
    ("generate reviews" and "generate query forms" share a verb, not a thing)."""
    words = words_of(text)
    if words and words[0].lower() in KNOWN_VERBS:
        text = text[len(words[0]) :]
    return content_units(text)


def _elsewhere(t: Text, claim: Claim, other: Side) -> bool:
    """Whether the text clearly states ``other`` of something other than the claim's
    subject, so that the claim's subject with ``other`` is false."""
    mine = claim.side
    if other.role != mine.role or other.text.casefold() == mine.text.casefold():
        return False
    if leans_back(other.owner) or not t.subject(other.owner, other.sentence):
        return False  # "This purge provided ...": may point back to the claim's subject
    if t.same_concept(other.owner, mine.owner):
        return False
    if other.sentence != mine.sentence and (
        mentions_head(t.sentences[mine.sentence], other.owner)
        or mentions_head(t.sentences[other.sentence], mine.owner)
    ):
        return False  # a party to the claim's relation, or a sentence about its subject
    if _nouns(other.text) & (_nouns(mine.text) | content_units(mine.owner)):
        return False  # shares a thing with the claim: a co-referent or paraphrase risk
    if content_units(other.owner) & content_units(mine.owner):
        return False  # "optical gauges" / "strain gauges": perhaps one the other
    if not distinct_options(mine.text, [other.text]):
        return False
    if option_kind(other.text) != option_kind(mine.text):
        return False
    if mine.role != "purpose" and named_thing(other.text) != named_thing(mine.text):
        return False  # a name against a change
    if mine.role == "definiens":
        article = words_of(mine.text)[0].lower() in ("a", "an")
        if (words_of(other.text)[0].lower() in ("a", "an")) != article:
            return False
        if plural(other.text) != plural(mine.text):
            return False
    return True


def _false_twin(
    t: Text, claim: Claim, pool: list[Side], used: set[frozenset[Side]]
) -> tuple[str, Side] | None:
    """The claim with its key replaced by a side the text states of something else."""
    if claim.fixed:
        return None
    size = len(words_of(claim.side.text))
    ordered = sorted(
        pool,
        key=lambda s: (
            s.sentence == claim.side.sentence,  # another sentence is the clearest
            abs(len(words_of(s.text)) - size),
            s.sentence,
            s.text,
        ),
    )
    for other in ordered:
        if frozenset((claim.side, other)) in used or not _elsewhere(t, claim, other):
            continue
        false = sentence_case(f"{claim.lead} {other.text}") + "."
        if stem_ok(false) and matches_no_source(false, t.sentences):
            return false, other
    return None


def true_false_pairs(t: Text, made: list[DraftQuestion]) -> Iterator[DraftQuestion]:
    """For each relation no item in ``made`` asks about: its true statement, and
    its false twin when the text gives a fair one."""
    pool = sides(t)
    used: set[frozenset[Side]] = set()
    seen: set[str] = set()
    for r in t.relations:
        claim = _claim(t, r)
        if claim is None or norm_text(claim.text) in seen or _covered(claim, made):
            continue
        seen.add(norm_text(claim.text))
        where = claim.side.sentence
        yield statement(t, claim.text, True, [where], "True: the text says:")
        twin = _false_twin(t, claim, pool, used)
        if twin is None:
            continue
        false, other = twin
        used.add(frozenset((claim.side, other)))
        yield statement(
            t, false, False, [where, other.sentence], "False: the text says:", about=[claim.lead]
        )
