"""The closed word lists and word tests that every detector shares.

Without a parser, whether a word is a finite verb, a determiner or the opening
of an introductory phrase is decided by these lists and by word endings. Keeping
them in one place keeps the clause boundaries, the side checks and the
detectors agreeing on what, say, a finite verb is.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AUX = _words("is are was were be been being am has have had do does did")
_MODALS = _words("can could may might must shall should will would")
_IRREGULAR_PAST = _words(
    """
    arose began became bore brought built came chose did drew drove fell felt fled found
    gave got grew held hid kept knew laid led left lost made meant met paid ran rose said
    saw sent shook showed shown sought spent spread stood struck took taught thought told
    understood went won wore wrote
    """
)
#: Words in -ed that are far more often adjectives than verbs.
_ED_ADJECTIVES = _words(
    "related based advanced detailed limited skilled so-called united interested mixed "
    "red bed need seed speed hundred indeed naked wicked sacred beloved"
)
_SUBJECT_PRONOUNS = _words("we they it he she i there you")
_DETERMINERS = _words(
    "the a an this these that those its their his her our my your each every some any no "
    "all both several many most such"
)
_PREPOSITIONS = _words(
    """
    about above across after against along amid among amongst around as at before behind
    below beneath beside besides between beyond by despite during except following for
    from in inside into like near of off on onto out outside over past per since than
    through throughout to toward towards under unlike until upon via with within without
    """
)
_FUNCTION_WORDS = (
    _DETERMINERS
    | _PREPOSITIONS
    | _AUX
    | _MODALS
    | _words("and or but nor so yet not which who whom whose that what when where how why if")
)
#: Words that open an introductory phrase or subordinate clause before the main
#: clause ("In 1990, ...", "However, ...", "Although X, ...").
_INTRO_WORDS = _PREPOSITIONS | _words(
    """
    however thus therefore hence moreover furthermore finally first second third then next
    here now today also still yet nevertheless nonetheless accordingly consequently
    specifically similarly likewise meanwhile instead indeed overall above just although
    though while whereas because since when if once unless after before given in-depth
    world-wide worldwide above all along following according
    """
)
#: Generic research subjects: "we aimed to", "this study aims to".
GENERIC_SUBJECTS = _words(
    "we i our study paper article essay review research work thesis chapter report analysis "
    "author authors project survey"
)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A time a sequence can be anchored at: a year, a decade, a century.
_TIME_RE = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d)s?\b|\b\d0s\b|\b\d{{1,2}}(?:st|nd|rd|th)\s+century\b|"
    rf"\b(?:{_MONTHS})\s+\d{{4}}\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\w.,~-]*")


# --- word tests ----------------------------------------------------------------------


def _first_word(text: str) -> str:
    match = _WORD_RE.search(text)
    return match.group().lower() if match else ""


def _last_word(text: str) -> str:
    words = _WORD_RE.findall(text)
    return words[-1].lower() if words else ""


def _is_adverb(word: str) -> bool:
    return len(word) >= 5 and word.endswith("ly") and word not in ("family", "italy", "supply")


def _is_finite(word: str) -> bool:
    """A verb form that heads a predicate: an auxiliary, a modal or a past tense."""
    word = word.lower()
    if word in _AUX or word in _MODALS or word in _IRREGULAR_PAST:
        return True
    return len(word) >= 5 and word.endswith("ed") and word not in _ED_ADJECTIVES


def _is_verb_base(word: str) -> bool:
    """Plausibly a bare verb after "to": not a function word, noun-like ending or name."""
    if not word or (not word.isalpha() and "-" not in word):
        return False
    if word[0].isupper() or word.lower() in _FUNCTION_WORDS:
        return False
    word = word.lower()
    noun_endings = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ist", "ship", "ance")
    if word.endswith(noun_endings) or word.endswith(("ence", "ics", "ed", "ly")):
        return False
    return not (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def has_finite(text: str) -> bool:
    words = _WORD_RE.findall(text)
    return any(_is_finite(w) for w in words[1:]) or (
        bool(words) and words[0].lower() in _AUX | _MODALS
    )


def _starts_predicate(text: str) -> bool:
    """The text opens with a verb (its subject is elsewhere): "is growing", "emerged"."""
    for word in _WORD_RE.findall(text)[:2]:
        if _is_adverb(word.lower()):
            continue
        return _is_finite(word)
    return False


#: Verb groups the cue patterns allow before a cue: adverbs, a form of "be",
#: an auxiliary or modal ("has also led to", "was intended to").
_ADVERBS = r"(?:(?:\w+ly|also|further|then|first|thus|therefore|already|now|still)\s+)"
_BE = r"(?:(?:is|are|was|were|be|been|being|has been|have been|had been)\s+)"
_HAVE = r"(?:(?:has|have|had|will|would|can|could|may|might|must|should|shall)\s+)"


def _strip_adverbs(text: str) -> str:
    words = text.rstrip().split(" ")
    while words and (_is_adverb(words[-1].lower()) or words[-1].lower() in ("also", "then")):
        words.pop()
    return " ".join(words)
