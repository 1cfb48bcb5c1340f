"""False statements that swap the roles of two named things of one kind.

"The Stalinists launched an offensive against the Right opposition" becomes "The Right
opposition launched an offensive against the Stalinists": both names are the text's own,
both are of one kind (two factions, two people, two countries), and the statement is
false because the text gives each the other's part. The student must know who did what
to whom, which is the claim itself; nothing is inserted or invented.

A swap is made only where it cannot leave the statement true:

* the two names are related by a verb between them, not coordinated ("A and B were …",
  "between A and B", "A, B and C") and not by a relation that holds both ways ("A is
  associated with B", "A resembles B", "A and B differ");
* each is a named actor whose kind the text's cues settle (a person, a group or body):
  two concepts swapped ("sleep impaired memory") read as nonsense more often than as a
  plausible error;
* each stands as a whole noun phrase: not a modifier of the noun after it ("Italy
  hostcount") nor after a word that makes it part of a longer name;
* neither is a form of the other (an alias, an acronym, a shared head noun), and each
  occurs once in the statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .kinds import term_kind
from .lexicon import AUXILIARIES, IRREGULAR_VERB_FORMS, VERB_BASES

#: Kinds whose members can trade places in a statement: actors. (Places and events are
#: told apart from concepts by weaker cues: "in Internet" made a place of the Internet.)
SWAPPABLE_KINDS = ("person", "group")

#: Between two names, these make the relation hold both ways (or make them a list).
_SYMMETRIC_RE = re.compile(
    r"^(?:,|and|or|nor|as well as|together with|along with|with|versus|vs\.?|/|-|\u2013)$|"
    r"\b(?:and|or|between|among|both|with|associated|correlated|related|linked|similar|"
    r"resembl\w*|like|unlike|compared|differ\w*|interact\w*|together|each other|one another|"
    r"same|equal\w*|as well as|versus)\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z]+")
#: Relations that hold both ways when told with a copula ("A was an ally of B").
_MUTUAL_NOUNS_RE = re.compile(
    r"\b(?:all(?:y|ies)|partners?|rivals?|opponents?|neighbou?rs?|counterparts?|"
    r"contemporar(?:y|ies)|peers?|siblings?|married|friends?|enem(?:y|ies)|competitors?|"
    r"contacts?|ties|relations?)\b",
    re.IGNORECASE,
)


def _finite_verb(text: str) -> bool:
    """A finite verb among the words between the names: what one does to the other."""
    for word in _WORD_RE.findall(text):
        w = word.lower()
        if w in AUXILIARIES or w in IRREGULAR_VERB_FORMS:
            return True
        if len(w) >= 5 and w.endswith("ed"):
            return True
        if w.endswith("s") and w[:-1] in VERB_BASES:
            return True
    return False


@dataclass(frozen=True)
class RoleSwap:
    statement: str  # the false statement
    first: str  # the first name as the text places it
    second: str  # the second


def _spans(statement: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for form in forms:
        flags = 0 if form.isupper() else re.IGNORECASE
        pattern = rf"(?<![\w-]){re.escape(form)}(?![\w-])"
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, statement, flags))
    return sorted(set(spans))


def _named(term: str) -> bool:
    """A name: an acronym or a capitalised word after the first ("Right opposition" is
    named by its capital; "working memory" is not)."""
    words = term.split()
    return any(w[:1].isupper() for w in words)


def role_swaps(
    statement: str,
    terms: Sequence[tuple[str, Sequence[str]]],
    sentences: list[str],
) -> list[RoleSwap]:
    """Each false statement made by swapping two named things of one kind that play
    different parts in ``statement``. ``terms`` are the glossary's (term, forms) pairs."""
    found: list[tuple[int, int, str, str]] = []  # start, end, term, kind
    for term, forms in terms:
        if not _named(term):
            continue
        spans = _spans(statement, forms)
        if len(spans) != 1:
            continue  # absent, or named twice: a swap would leave one in place
        kind = term_kind(term, sentences)
        if kind in SWAPPABLE_KINDS and _whole_phrase(statement, *spans[0]):
            found.append((*spans[0], term, kind))
    found.sort()
    swaps = []
    for k, (a_start, a_end, a_term, a_kind) in enumerate(found):
        for b_start, b_end, b_term, b_kind in found[k + 1 :]:
            if a_kind != b_kind or b_start < a_end:
                continue
            if _same_thing(a_term, b_term):
                continue
            between = statement[a_end:b_start].strip()
            if not between or _SYMMETRIC_RE.search(between) or not _finite_verb(between):
                continue
            if _MUTUAL_NOUNS_RE.search(between):
                continue
            a_text, b_text = statement[a_start:a_end], statement[b_start:b_end]
            swapped = (
                statement[:a_start]
                + _recase(b_text, a_start)
                + statement[a_end:b_start]
                + _recase(a_text, b_start)
                + statement[b_end:]
            )
            swaps.append(RoleSwap(swapped, a_text, b_text))
    return swaps


#: Words that may stand right after a noun phrase: a verb, a function word, punctuation.
_AFTER_NP_RE = re.compile(
    r"^\s*(?:$|[,.;:)\u2019']|(?:'s|\u2019s)\b|(?:and|or|but|in|of|on|at|to|for|from|with|by|"
    r"against|over|under|into|during|after|before|as|than|that|which|who|whose|was|were|is|"
    r"are|had|has|have|would|could|should|can|may|might|must|will|also|not|\w+ed)\b)",
    re.IGNORECASE,
)
#: Words that may stand right before a noun phrase.
_BEFORE_NP_RE = re.compile(
    r"(?:^|[,;:(]|\b(?:the|a|an|and|or|but|in|of|on|at|to|for|from|with|by|against|over|"
    r"under|into|during|after|before|as|than|that|which|whom|\w+ed|\w+s|was|were|is|are|"
    r"had|has|have))\s*$",
    re.IGNORECASE,
)


def _whole_phrase(statement: str, start: int, end: int) -> bool:
    """The name at ``statement[start:end]`` is a noun phrase of its own."""
    return bool(_AFTER_NP_RE.match(statement[end:]) and _BEFORE_NP_RE.search(statement[:start]))


def _recase(text: str, at: int) -> str:
    """A name moved to the start of the statement is capitalised; one moved inside it
    keeps its own case unless it only had a capital for opening the sentence."""
    if at == 0:
        return text[:1].upper() + text[1:]
    words = text.split()
    if len(words) > 1 and words[0][:1].isupper() and words[0].lower() in ("the", "a", "an"):
        return words[0].lower() + text[len(words[0]) :]
    return text


def _same_thing(a: str, b: str) -> bool:
    """Two names for one thing: one inside the other, or one the initials of the other."""
    x, y = a.casefold(), b.casefold()
    if x in y or y in x:
        return True
    for short, long in ((a, b), (b, a)):
        if short.isupper() and "".join(w[0] for w in long.split() if w[:1].isupper()) == short:
            return True
    return False
