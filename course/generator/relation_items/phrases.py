"""Phrases cut out of a sentence without a parser: verb phrases after a cue,
main-clause predicates in the base form, noun phrases opened by an article.

Keys and wrong options are the text's own words, so everything an item offers
comes through here; each cut stops at a clause boundary or refuses, rather
than ending a phrase inside a list or on a function word.
"""

from __future__ import annotations

import re

from ..contexts import framing as article_framing
from ..contexts import strip_opener
from ..lexicon import AUXILIARIES, IRREGULAR_BASE, MODALS, STOPWORDS
from ..relations import Relation, subject_of
from .words import (
    EMPTY_VERBS,
    GENERIC_HEADS,
    KNOWN_VERBS,
    SUBORDINATORS,
    YEAR,
    balanced,
    base_of,
    generic,
    gerund,
    has_pronoun,
    tidy,
    word_set,
    words_of,
)

_BOUNDARY_RE = re.compile(
    r"\s*(?:[;:]\s|,\s|\s[\u2013\u2014-]\s|\.\s*$)"
    r"|\s+(?=(?:which|who|whom|whose|where|while|whereas|but|because|although|though|so that|"
    r"in order to|so as to|thereby|thus|with the (?:\w+ )?aims? of|for the purpose of|"
    r"whether|if|unless|despite)\b)"
)
#: Verb phrases that state a relation rather than an action ("lead to X").
RELATIONAL_VP_RE = re.compile(
    r"(?:lead to|result in|contribute to|give rise to|bring about|cause|trigger|"
    r"stem from|arise from|depend on)\b"
)
TO_VERB_RE = re.compile(r"\bto\s+(?:\w+ly\s+)?(?P<verb>[a-z][\w-]*)")
_LEADING_ADVERB_RE = re.compile(
    r"^(?:\w+ly|lastly|accordingly|nevertheless|nonetheless|meanwhile|afterwards|later|instead|"
    r"still|yet|again|indeed|besides|likewise|similarly|overall|today|in turn|as a result|"
    r"in contrast|by contrast|on the other hand|in addition)\s*,\s+",
    re.IGNORECASE,
)
_NP_STOP = STOPWORDS - word_set("of")
_NP_PREPOSITIONS = word_set("for in with on against among between from")


def segment(sentence: str, pos: int) -> int:
    """Which ";"-separated part of ``sentence`` position ``pos`` falls in."""
    return sentence.count(";", 0, max(0, pos))


def body(sentence: str) -> str:
    """The sentence without the connective or pointing phrase that opens it."""
    return _LEADING_ADVERB_RE.sub("", strip_opener(sentence), count=1)


def option_ok(text: str, minimum: int = 3) -> bool:
    """Whether a phrase can stand alone as an option: a readable length, balanced,
    no pronoun to lean on, no date or number, no framing subject."""
    words = words_of(text)
    if not minimum <= len(words) <= 14 or not balanced(text):
        return False
    if has_pronoun(text) or words[-1].lower() in STOPWORDS:
        return False
    if words[0][0].isdigit() or re.search(rf"\b{YEAR}s?\b", text):
        return False  # a number or a date: another kind of option
    return not generic(text) and words[0].lower() not in ("be", "being")


def framing(r: Relation) -> bool:
    """A purpose the article gives itself ("This study aims to ...")."""
    return r.kind == "purpose" and (
        not r.left.strip()
        or words_of(r.left)[-1].lower() in GENERIC_HEADS
        or words_of(r.left)[0].lower() in ("we", "i")
    )


def framing_sentence(sentence: str) -> bool:
    """The article speaking of itself: "This study aims to ...", "We examine ...", and
    whatever the shared matcher (:func:`contexts.framing`) reads as such."""
    words = [w.lower() for w in words_of(body(sentence))[:4]]
    return bool(words) and (
        words[0] in ("we", "i", "our", "here")
        or any(w in GENERIC_HEADS for w in words[:3])
        or article_framing(sentence)
    )


def infinitive(sentence: str, match: re.Match[str]) -> bool:
    verb = match.group("verb")
    if verb not in KNOWN_VERBS or verb in EMPTY_VERBS:
        return False
    # "to" after a noun/verb of direction ("closer to production") is a preposition;
    # a verb base we know followed by a word is taken as an infinitive.
    after = sentence[match.end() :].lstrip()
    return bool(after) and after[0].isalpha()


def verb_phrases_at(text: str, start: int) -> list[str]:
    """The verb phrase(s) starting at ``start``: "reorganize A, restructure B and
    extend C" gives three, each cut at a clause boundary."""
    phrases = []
    pos = start
    while pos < len(text):
        match = _BOUNDARY_RE.search(text, pos)
        end = match.start() if match else len(text)
        phrase, cut = _cut_at_coordinated_verb(text[pos:end])
        if not cut and _list_goes_on(text[end:]):
            break  # "finance imports of food, fuel and machinery": no cut inside a list
        phrases.append(_cut_at_purpose(tidy(phrase)))
        if cut:
            pos += cut
            continue
        nxt = re.match(r"(?:,\s+|;\s+)(?:and\s+|or\s+)?(?P<verb>[a-z][\w-]*)\s+\w", text[end:])
        if not nxt or nxt.group("verb") not in KNOWN_VERBS:
            break
        pos = end + nxt.start("verb")
    return [p for p in phrases if p]


def _list_goes_on(after: str) -> bool:
    """Whether the text after a phrase's end continues an enumeration: a comma and a
    content word that is no verb ("..., fuel and machinery")."""
    match = re.match(r",\s+(?P<word>[\w'-]+)", after)
    if not match:
        return False
    word = match.group("word").lower()
    return word not in STOPWORDS and word not in KNOWN_VERBS and not gerund(word)


def _cut_at_coordinated_verb(phrase: str) -> tuple[str, int]:
    """Split "A and extend B" at "and" + a known verb followed by an object."""
    for match in re.finditer(r"\s+(?:and|or)\s+(?P<verb>[a-z][\w-]*)\s+(?P<next>[\w'-]+)", phrase):
        if match.group("verb") in KNOWN_VERBS and match.group("next").lower() in (
            "the", "a", "an", "its", "their", "new", "more", "less", "all",
        ):  # fmt: skip
            return phrase[: match.start()], match.start("verb")
    return phrase, 0


def _cut_at_purpose(phrase: str) -> str:
    """ "provide X with a foundation to secure Y" -> "provide X with a foundation"."""
    for match in TO_VERB_RE.finditer(phrase):
        if match.start() > 0 and match.group("verb") in KNOWN_VERBS:
            return phrase[: match.start()].rstrip()
    return phrase


def predicates(sentence: str) -> list[tuple[str, int, str]]:
    """Predicates of the sentence's main clauses in the base form, for finite
    lexical verbs in the active voice only, with their part and subject."""
    out = []
    for part, clause in enumerate(re.split(r";\s+", body(sentence))):
        subject = subject_of(clause)
        if not subject or words_of(subject)[0].lower() in SUBORDINATORS:
            continue  # "As industry promoted by ...": not a main clause
        if "," in subject or len(words_of(subject)) > 10:
            continue  # a verb missed inside it ("France used X, whereas Italy")
        at = clause.find(subject) + len(subject)
        rest = clause[at:].lstrip()
        rest = re.sub(r"^(?:\w+ly|also|then|further)\s+", "", rest)
        verb = words_of(rest)[:1]
        if not verb or verb[0].lower() in AUXILIARIES | MODALS:
            continue
        if re.match(r"\S+\s+by\b", rest):
            continue  # "promoted by": a participle, not the clause's verb
        base = base_of(verb[0])
        if not base or base in EMPTY_VERBS:
            continue
        phrase = base + rest[len(verb[0]) :]
        out += [(p, part, subject) for p in verb_phrases_at(phrase, 0)]
    return out


def noun_phrases_of(sentence: str) -> list[tuple[str, int]]:
    """ "the/a/an" + up to four content words, then up to two "of" phrases and one
    other prepositional phrase; a phrase longer than that is left out rather than cut."""
    tokens = list(re.finditer(r"[\w'\u2019-]+|[^\w\s]", sentence))
    out = []
    for i, token in enumerate(tokens):
        if token.group().lower() not in ("the", "a", "an"):
            continue
        end = _content_run(tokens, i + 1, 4)
        for preposition in ("of", "of", _NP_PREPOSITIONS):
            if end <= i + 1 or end >= len(tokens):
                break
            word = tokens[end].group().lower()
            if word != preposition and not (
                isinstance(preposition, frozenset) and word in preposition
            ):
                continue
            k = end + 1
            if k < len(tokens) and tokens[k].group().lower() in ("the", "a", "an"):
                k += 1
            if k < len(tokens) and gerund(tokens[k].group()):
                end = -1  # "the aims of weakening ...": a clause follows, not a noun
                break
            m = _content_run(tokens, k, 3)
            end = m if m > k else -1
        if end <= i + 1:
            continue
        text = sentence[token.start() : tokens[end - 1].end()]
        out.append((text[:1].lower() + text[1:], token.start()))
    return out


def _content_run(tokens: list[re.Match[str]], start: int, limit: int) -> int:
    """End of a run of one to ``limit`` content words (no verbs, numbers, punctuation);
    -1 when the run goes on past the limit."""
    j = start
    while j < len(tokens):
        word = tokens[j].group()
        lower = word.lower()
        if not word[0].isalpha() or lower in _NP_STOP or lower == "of":
            break
        if j > start and (lower.endswith("ed") or lower in IRREGULAR_BASE):
            break  # "the group believed": the verb ends the phrase
        if (lower.endswith("ly") and len(lower) > 4) or lower in AUXILIARIES:
            break
        if j - start == limit:
            return -1
        j += 1
    return j


_OPENING_PHRASE_RE = re.compile(
    r"^(?:(?:In|By|During|After|Before|From|Since|Until|On|At|Along with|Above all)\b[^,;]{0,60}"
    r"|[A-Z]\w*ly|While|Whereas|Although|Though|Thus|Hence|However|Therefore|Moreover|"
    r"Furthermore|Consequently|As a result|In addition|In turn|Finally|Overall)\s*,?\s*$"
)
_REPORTING_RE = re.compile(
    r"\b(?:that|whether|if|unless|when|suppose[sd]?|assume[sd]?|hypothesi[sz]e[sd]?|"
    r"believed?|believes|argued?|argues|claimed?|claims|thought|feared?|hoped?|expected?|"
    r"suggested?|suggests|proposed?|proposes|predicted?|doubted?|denied|den(?:y|ies))\b",
    re.IGNORECASE,
)


def asserted(sentence: str, start: int) -> bool:
    """Whether the text from ``start`` on is asserted by the sentence, not reported
    or supposed: it opens the sentence or a ";" part, or follows only an opening
    phrase ("Thus, ", "In 1921 ", "Along with X, "). "The group believed that X
    was intended to Y" states a belief, not a purpose."""
    before = re.split(r";\s+", sentence[:start])[-1]
    if not before.strip():
        return True
    if _REPORTING_RE.search(before):
        return False
    return bool(_OPENING_PHRASE_RE.match(before.strip()))
