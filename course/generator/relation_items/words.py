"""Word lists and word tests shared by every item family.

There is no parser and no tagger here: a verb is a word we know as a verb, a
name is a capitalised head, a framing subject is one of a few heads ("this
study", "we"). Keeping the lists in one module lets every family refuse the
same things for the same reasons.
"""

from __future__ import annotations

import re

from ..lexicon import AMBIGUOUS_VERB_BASES, ED_ING_NOUNS, IRREGULAR_BASE, STOPWORDS, VERB_BASES
from ..tokens import singular


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Common English verbs beyond the lexicon's academic ones, so that an infinitive
#: or a past tense can be recognised and turned into its base form.
_MORE_VERBS = word_set(
    """
    abolish absorb accelerate activate address adjust aid align allocate amend approve
    ask attach attack attract balance ban benefit bind block boost broaden build buy
    call capture centralise centralize challenge change close communicate compensate
    comply conserve consolidate control convince cool cooperate coordinate cure cut
    damage decentralize decrease deepen defend delay deliver demand deploy design
    destroy detect diagnose direct discourage display distribute dominate draw drive
    ease educate elect eliminate emit empower encourage end enforce enlarge eradicate
    estimate exceed export fight filter finance fix force form found free fund gain
    govern guarantee guide halt harden harm heal heat help hold import increase inform
    inhibit invest isolate join kill launch lead lengthen lift limit link lower manage
    map measure merge minimise mobilise mobilize monitor move narrow negotiate open
    oppose optimise optimize organise organize overcome pass pay permit persuade plan
    power present press print produce protect pull punish purge push put raise rank
    ratify reach rebuild recover recruit reform register regulate reject release relieve
    repair replace report resist restore restrict retain return reward rise run save
    secure sell send separate set settle shape share shift shorten sign slow soften sort
    spread stabilise stabilize standardise standardize start stimulate stop store
    strengthen subordinate supply support suppress sustain teach test tighten track
    trade train transfer transport trigger unify unite update upgrade vote weaken widen
    win withdraw yield
    """
)
KNOWN_VERBS = VERB_BASES | AMBIGUOUS_VERB_BASES | _MORE_VERBS
#: Verbs whose phrase says nothing a distractor can stand for: being, having,
#: beginning, saying, researching.
EMPTY_VERBS = word_set(
    """
    be have do seem appear become remain begin start continue tend believe think argue
    suggest show find report note state claim examine describe review discuss explain
    present investigate analyse analyze study explore consider say know see set try want
    intend aim seek attempt plan need use include involve take get go come let
    """
)
_PRONOUNS = word_set(
    "it its they them their theirs he him his she her hers we our us i my you your this "
    "these those such both former latter itself themselves one's"
)
#: Subjects that frame the article rather than state a claim ("This study aims to").
GENERIC_HEADS = word_set(
    "study paper article essay review research work thesis chapter report analysis author "
    "authors project survey commentary we i"
)
SUBORDINATORS = word_set(
    "as while when whereas if because although though since after before once unless until"
)
DEMONSTRATIVES = word_set("this these that those such")
YEAR = r"(?:1[1-9]\d\d|20\d\d)"

_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\w.,~-]*")
_CITATION_TAIL_RE = re.compile(r"(?:\s+\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)+$")
_PREPOSITION_SPLIT_RE = re.compile(
    r"\s+(?:of|in|for|on|with|during|from|at|by|to|among|between)\s+"
)
_SUBJECT_SPLIT_RE = re.compile(r"\s+(?:of|in|for|on|with|during|from|at|by)\s+")
#: A phrase leading with a date: "In 1921", "From the late 1980s".
LEADING_TIME_RE = re.compile(
    rf"^(?:In|By|From|Since|During|Until|At the (?:end|beginning|start) of)\s+(?:the\s+)?"
    rf"(?:(?:early|late|mid)(?:-|\s))?(?P<year>{YEAR})(?P<decade>s)?\b,?\s+",
    re.IGNORECASE,
)


def words_of(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def content_units(text: str) -> set[str]:
    """Content words in singular, lower case: what two phrases must not share."""
    return {singular(w.lower()) for w in words_of(text) if w.lower() not in STOPWORDS}


def has_pronoun(text: str) -> bool:
    return any(w.lower() in _PRONOUNS for w in words_of(text))


def balanced(text: str) -> bool:
    return text.count("(") == text.count(")") and text.count('"') % 2 == 0


def base_of(word: str) -> str:
    """The base form of a past tense or third-person form of a known verb, or ""."""
    w = word.lower()
    if w in IRREGULAR_BASE:
        return IRREGULAR_BASE[w]
    candidates: list[str] = []
    if w.endswith("ied") or w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    elif w.endswith("ed"):
        stem = w[:-2]
        candidates += [stem, stem + "e"]
        if len(stem) > 3 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
    elif w.endswith("es"):
        candidates += [w[:-2], w[:-1]]
    elif w.endswith("s") and not w.endswith("ss"):
        candidates.append(w[:-1])
    return next((c for c in candidates if c in KNOWN_VERBS), "")


def is_past(word: str) -> bool:
    w = word.lower()
    return w.endswith("ed") or w in IRREGULAR_BASE or w in ("was", "were", "had", "did")


def plural(noun_phrase: str) -> bool:
    """Whether a subject takes "do"/"are": coordinated, or a plural head noun."""
    head_part = re.split(r"\s+(?:of|in|for|on|with|during|from|at|by|to)\s+", noun_phrase)[0]
    if re.search(r"\band\b", head_part):
        return True
    words = words_of(head_part)
    head = words[-1].lower() if words else ""
    if head in ("people", "data", "media", "criteria", "phenomena", "children", "police"):
        return True
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "ics"))


def tidy(text: str) -> str:
    """A side of a relation without edge punctuation or a trailing citation number."""
    text = _CITATION_TAIL_RE.sub("", text.strip().strip(" ,;:.")).strip(" ,;:.")
    return re.sub(r",\s*\(", " (", text)


def generic(phrase: str) -> bool:
    """A framing subject: "we", "this study", "the authors"."""
    words = [w.lower() for w in words_of(phrase)]
    return bool(words) and (words[0] in ("we", "i", "our") or words[-1] in GENERIC_HEADS)


def leans_back(phrase: str) -> bool:
    """ "This tariff", "These reforms": fine in a question once resolved, not in an
    option or a statement that must be the text's own words."""
    words = words_of(phrase)
    return bool(words) and words[0].lower() in DEMONSTRATIVES


#: Heads that name a change or an event: "a rapid growth of output", "the rise of X".
_EVENT_HEADS = word_set(
    "growth rise fall decline increase decrease loss gain shift change drop boom collapse "
    "spread shortage surplus crisis reform expansion contraction recovery delay"
)
_EVENT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing", "ure", "ity", "al")


def head(phrase: str) -> str:
    """The head noun of a noun phrase: its last word before a preposition."""
    words = words_of(_PREPOSITION_SPLIT_RE.split(phrase)[0])
    return words[-1] if words else ""


def eventive(phrase: str) -> bool:
    word = head(phrase).lower()
    return word in _EVENT_HEADS or singular(word) in _EVENT_HEADS or word.endswith(_EVENT_ENDINGS)


def named_thing(phrase: str) -> bool:
    """A name ("the Organisation for European Economic Co-operation")."""
    return head(phrase)[:1].isupper()


def mentions_head(option: str, subject: str) -> bool:
    """Whether ``option`` names the head noun of ``subject`` ("the party" in
    "subordinate the unions to the party" when asking about the party)."""
    words = [w for w in words_of(_SUBJECT_SPLIT_RE.split(subject)[0]) if w.lower() not in STOPWORDS]
    if not words:
        return False
    wanted = singular(words[-1].lower())
    return wanted in {singular(w.lower()) for w in words_of(option)}


def gerund(word: str) -> bool:
    lower = word.lower()
    return len(lower) > 5 and lower.endswith("ing") and lower not in ED_ING_NOUNS
