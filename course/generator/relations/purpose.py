"""Purpose: what something is, was or does for ("was intended to", "in order to",
"the aim of X was to", "measures to improve").

Left is what acts or exists for the purpose, right the purpose itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .clauses import _Sentence
from .model import Form
from .sides import _Found, _found
from .words import (
    _ADVERBS,
    _BE,
    _DETERMINERS,
    _HAVE,
    _PREPOSITIONS,
    _WORD_RE,
    _first_word,
    _is_finite,
    _is_verb_base,
    _strip_adverbs,
    _words,
)

#: Nouns that name an intention: "measures to improve access".
_PURPOSE_NOUNS = _words(
    "aim aims goal goals purpose purposes objective objectives intention intentions effort "
    "efforts attempt attempts measure measures initiative initiatives campaign campaigns "
    "strategy strategies plan plans move moves step steps programme programmes program "
    "programs drive bid bids"
)

_PURPOSE_PASSIVE = (
    "intended|designed|meant|aimed|enacted|established|created|introduced|developed|used|"
    "employed|adopted|adapted|implemented|launched|built|devised|formed|undertaken|set up|"
    "organi[sz]ed|deployed|proposed|taken"
)
_PURPOSE_ACTIVE = (
    "aims?|aimed|intends?|intended|seeks?|sought|tries|tried|attempts?|attempted|strives?|"
    "strove|sets? out|planned"
)
_PURPOSE_VERB_RE = re.compile(
    rf"\b(?P<cue>(?:{_BE}{_ADVERBS}?(?P<passive>{_PURPOSE_PASSIVE})|{_HAVE}?{_ADVERBS}?"
    rf"(?P<active>{_PURPOSE_ACTIVE}))\s+to)\s+(?:\w+ly\s+)?(?P<next>[\w-]+)",
    re.IGNORECASE,
)
_PURPOSE_LEMMAS = {
    "aim": "aim to",
    "aims": "aim to",
    "aimed": "aim to",
    "intends": "intend to",
    "intend": "intend to",
    "intended": "intend to",
    "seek": "seek to",
    "seeks": "seek to",
    "sought": "seek to",
    "tries": "try to",
    "tried": "try to",
    "attempt": "attempt to",
    "attempts": "attempt to",
    "attempted": "attempt to",
    "strive": "strive to",
    "strives": "strive to",
    "strove": "strive to",
    "set out": "set out to",
    "sets out": "set out to",
    "planned": "plan to",
}


def _purpose_verbs(s: _Sentence) -> Iterator[_Found]:
    for match in _PURPOSE_VERB_RE.finditer(s.text):
        if not _is_verb_base(match.group("next")) and match.group("next") != "be":
            continue
        verb = (match.group("passive") or match.group("active")).lower()
        lemma = _PURPOSE_LEMMAS.get(verb, f"be {verb} to")
        left = _strip_adverbs(s.text[s.clause_start(match.start()) : match.start()])
        if _first_word(left) in ("which", "that", "who") or not left.strip():
            continue
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        yield from _found("purpose", lemma, match, left, right, ("noun", "predicate"))


_PURPOSE_CLAUSE_RE = re.compile(
    r"(?P<cue>\b(?:in order to|so as to)|\bso that|\bwith the (?:\w+ )?aims? of|"
    r"\bwith a view to|\bfor the purpose of)\s+(?P<next>[\w-]+)",
    re.IGNORECASE,
)


def _purpose_clauses(s: _Sentence) -> Iterator[_Found]:
    for match in _PURPOSE_CLAUSE_RE.finditer(s.text):
        cue = match.group("cue").lower()
        nxt = match.group("next")
        if cue.endswith(" to") and cue != "with a view to" and not _is_verb_base(nxt):
            continue
        if (cue.endswith(" of") or cue == "with a view to") and not nxt.lower().endswith("ing"):
            continue
        if cue == "so that" and s.text[: match.start()].rstrip().endswith(","):
            continue  # ", so that" reports a result as often as a purpose
        right_form: Form = "clause" if cue == "so that" else "predicate"
        start = s.clause_start(match.start())
        if start == match.start():
            # "In order to X, Y": the purpose comes first, the clause after the comma.
            comma = s.text.find(", ", match.end())
            if comma < 0:
                continue
            right = s.text[match.start("next") : comma]
            left = s.text[comma + 2 : s.clause_end(comma + 2, phrase=False)]
        else:
            left = s.text[start : match.start()]
            right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        yield from _found("purpose", cue, match, left, right, ("clause", right_form))


_AIM_OF_RE = re.compile(
    r"\b(?P<cue>(?:the|our|my|its|their|this|an?)\s+(?:\w+\s+)?"
    r"(?:aim|goal|purpose|objective)s?)\s+(?:of\s+(?P<owner>[^,;]+?)\s+)?"
    r"(?:is|was|are|were)\s+to\s+(?P<next>[\w-]+)",
    re.IGNORECASE,
)
_ADJECTIVE_ENDINGS = (
    "al", "ic", "ive", "ous", "ful", "ary", "ible", "able", "ent", "ant", "ar", "ile"
)  # fmt: skip


def _noun_phrase_before(text: str, end: int) -> tuple[int, bool]:
    """Start of the noun phrase ending at ``end`` (its head noun is the last word),
    and whether it is well delimited (by a determiner, preposition or past verb before it)."""
    words = list(_WORD_RE.finditer(text[:end]))
    if not words:
        return end, False
    start = words[-1].start()
    for match in reversed(words[:-1]):
        word = match.group().lower()
        between = text[match.end() : start]
        if between.strip():  # punctuation
            return start, False
        if word in _DETERMINERS:
            return match.start(), True
        if word in _PREPOSITIONS or _is_finite(word):
            return start, True
        modifier = "-" in word or word.endswith(_ADJECTIVE_ENDINGS) or word in ("and", "or")
        if not modifier:
            return start, False
        start = match.start()
    return start, start == 0


def _purpose_nouns(s: _Sentence) -> Iterator[_Found]:
    for match in _AIM_OF_RE.finditer(s.text):
        if not _is_verb_base(match.group("next")):
            continue
        left = match.group("owner") or match.group("cue")
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        yield from _found("purpose", "aim", match, left, right, ("noun", "predicate"))
    for match in re.finditer(r"\b(?P<cue>(?P<noun>[a-z]+)\s+to)\s+(?P<next>[\w-]+)", s.text):
        noun = match.group("noun")
        if noun not in _PURPOSE_NOUNS or not _is_verb_base(match.group("next")):
            continue
        if _AIM_OF_RE.search(s.text, max(0, match.start() - 40), match.end() + 40):
            continue
        start, delimited = _noun_phrase_before(s.text, match.start("noun") + len(noun))
        if not delimited:
            continue  # "The company plans to": "plans" is the verb
        left = s.text[start : match.start("noun") + len(noun)]
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        if re.search(r"\b\w+ed\b(?!\s+by)", right[len(match.group("next")) :]):
            continue  # "measures to consolidate control erupted": the noun is a subject
        yield from _found("purpose", noun, match, left, right, ("noun", "predicate"))
