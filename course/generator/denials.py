"""False statements that assert what the text denies: "brand awareness directly impacts
purchase intention" where the text says it "does not directly impact" it.

A finding the text states in the negative ("did not differ", "showed no significant
difference", "is not enough to") is a finding a student must have read: the affirmative
reads as plausibly as any other claim, and nothing in its wording gives it away. This is
the reverse of inserting "not" into a true statement (which the item-writing rules forbid:
the negated one is recognisable unread). Only a negation of the statement's own main verb
is turned, never one inside a relative or conditional clause ("those who did not attend"),
nor "not only", "no longer" or a negation the sentence doubles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import IRREGULAR_BASE, STOPWORDS


@dataclass(frozen=True)
class Denial:
    statement: str  # the false, affirmative statement
    said: str  # the text's negative words


#: Every negation word a statement may hold; a statement with more than one is not turned.
_ANY_NEGATION_RE = re.compile(
    r"\b(?:not|no|never|nor|none|neither|nothing|cannot|without)\b|n't\b", re.IGNORECASE
)
#: Negations that are no denial of the main verb, or whose affirmative needs rewording.
_UNTURNED_RE = re.compile(
    r"\bnot\s+(?:only|just|merely|simply|least|until|yet|necessarily|always|all|every)\b|"
    r"\bno\s+(?:longer|more|less|fewer|one|matter)\b|\bnot\s+(?:a|an)\s+\w+\s+but\b",
    re.IGNORECASE,
)
#: A clause opener between the start and the negation: the negation is inside it.
_CLAUSE_BEFORE_RE = re.compile(
    r"\b(?:who|whom|whose|which|that|where|when|if|unless|whether|although|though|because|"
    r"while|whereas|since)\b[^,;]*$",
    re.IGNORECASE,
)
#: Words after a negation that depend on it: a negative-polarity word ("yet", "any",
#: "ever", "either") or a reason its scope may take in ("because they were too young").
_SCOPE_AFTER_RE = re.compile(
    r"\b(?:yet|any|anymore|ever|either|at all|because|since|as a result of|due to|owing to)\b",
    re.IGNORECASE,
)
#: "is not", "has not", "cannot", "could not": the "not" is dropped.
_MODAL_NOT_RE = re.compile(
    r"\b(is|are|was|were|has|have|had|can|could|will|would|should|must|need)\s+not\s+"
    r"(?!(?:only|just|merely|simply|least|until|yet|necessarily|always|all|every)\b)"
    r"|\b(can)not\b\s*",
    re.IGNORECASE,
)
#: "does not (directly) impact", "did not differ", "do not use".
_DO_NOT_RE = re.compile(r"\b(does|do|did)\s+not\s+((?:[a-z]+ly\s+)?)([a-z]+)\b(?!-)", re.IGNORECASE)
#: "showed no significant difference", "there was no effect": "no" before a count noun.
_NO_NOUN_RE = re.compile(
    r"\b(?P<verb>found|find|finds|showed|shows|show|revealed|reveals|had|has|have|was|were|is|"
    r"are|exerted|exerts|observed|detected|yielded|yields)\s+no\s+"
    r"(?P<mod>(?:(?:statistically\s+)?significant|clear|direct|measurable|notable|"
    r"discernible|meaningful)\s+)?"
    r"(?P<noun>difference|effect|association|relationship|correlation|change|impact|link|"
    r"increase|decrease|reduction|improvement|influence|role|benefit|advantage|"
    r"evidence)\b",
    re.IGNORECASE,
)
_UNCOUNTED = frozenset(["evidence"])
#: Past forms that do not add "-ed": the irregular verbs the relation reader knows.
_PAST = {base: past for past, base in IRREGULAR_BASE.items()}
#: Words after "do not" that are no verb to inflect.
_NOT_VERBS = frozenset(["so", "as", "to", "in", "the", "a", "an", "it", "they"]) | STOPWORDS


#: A statement opening on what it concedes before its main clause.
_CONCEDED_RE = re.compile(
    r"^(?:while|although|though|even though|whilst|albeit|despite|in spite of|"
    r"notwithstanding)\b",
    re.IGNORECASE,
)


def denials(statement: str) -> list[Denial]:
    """The affirmative of ``statement`` when it denies its main verb once, else []."""
    negations = _ANY_NEGATION_RE.findall(statement)
    if len(negations) != 1 or _UNTURNED_RE.search(statement):
        return []
    for pattern, turn in ((_DO_NOT_RE, _do_not), (_MODAL_NOT_RE, _modal), (_NO_NOUN_RE, _no)):
        match = pattern.search(statement)
        if not match:
            continue
        if _CLAUSE_BEFORE_RE.search(statement[: match.start()]):
            return []  # "those who did not attend": the negation names who, it asserts nothing
        if _CONCEDED_RE.match(statement):
            return []  # "While X is an important factor, it does not function as Y": turned,
            # the concession no longer concedes anything, and the statement reads as nonsense
        if _SCOPE_AFTER_RE.search(statement[match.end() :]):
            return []  # "not fully realized yet", "were not seen alone because they were too
            # young": what follows belongs to the negation, and reads oddly without it
        put = turn(match)
        if put is None:
            return []
        turned = statement[: match.start()] + put + statement[match.end() :]
        return [Denial(turned, match.group(0).strip())]
    return []


def _modal(match: re.Match[str]) -> str:
    """ "is not" -> "is ", "cannot" -> "can "."""
    return (match.group(1) or match.group(2)) + " "


def _do_not(match: re.Match[str]) -> str | None:
    """ "does not directly impact" -> "directly impacts"."""
    aux, adverb, verb = match.group(1).lower(), match.group(2), match.group(3)
    if verb.lower() in _NOT_VERBS or not verb.islower():
        return None
    form = verb if aux == "do" else _third_person(verb) if aux == "does" else _past(verb)
    return adverb + form


def _no(match: re.Match[str]) -> str:
    """ "showed no significant difference" -> "showed a significant difference"."""
    verb, mod, noun = match.group("verb"), match.group("mod") or "", match.group("noun")
    if noun.lower() in _UNCOUNTED and not mod:
        return f"{verb} {noun}"
    first = (mod or noun)[:1].lower()
    article = "an" if first in "aeio" else "a"
    return f"{verb} {article} {mod}{noun}"


def _third_person(verb: str) -> str:
    if verb == "have":
        return "has"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> str:
    if verb in _PAST:
        return _PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):
        return verb + verb[-1] + "ed"  # "stop" -> "stopped", "plan" -> "planned"
    return verb + "ed"
