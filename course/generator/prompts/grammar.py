"""Clause structure without a parser: where a clause's verb is, what its subject
is, where a long clause can be cut.

The prompts quote clauses of the text, so they need the main clause of a
sentence and its subject ("The density of Internet activity in Italy" in "The
density of Internet activity in Italy is growing ..."). Word lists and word
endings stand in for a part-of-speech tagger: a finite verb is an auxiliary, a
modal, a past tense or a known verb in the present; a word is read as a verb
only where English puts one (not after a determiner or preposition, not inside
a bracket or an inserted relative clause).
"""

from __future__ import annotations

import re

from ..checks import stem_ok
from ..contexts import word_count
from ..lexicon import (
    AMBIGUOUS_VERB_BASES,
    AUXILIARIES,
    DETERMINERS,
    ED_ING_NOUNS,
    IRREGULAR_VERB_FORMS,
    MODALS,
    PREPOSITIONS,
    STOPWORDS,
    VERB_BASES,
)

#: A quoted claim longer than this is cut to its main clause.
MAX_CLAIM_WORDS = 30
#: ... but not below this, or it says too little.
MIN_CLAIM_WORDS = 8


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\w.,~%-]*")
RELATIVES = words("that which who whom whose")


#: Words that open an introductory phrase or clause before the main clause.
_INTRO_WORDS = PREPOSITIONS | words(
    "as while when whereas although though because since if once unless until given "
    "following according despite like having attempting using"
)
#: Words in -ed that are adjectives far more often than verbs.
_ED_ADJECTIVES = words(
    "related based advanced detailed limited skilled so-called united interested mixed "
    "need seed speed hundred indeed sacred concerned organized organised"
)


def main_start(clause: str) -> int:
    """Where the main clause starts, past introductory phrases ("As X grew, ")."""
    pos = 0
    while True:
        rest = clause[pos:]
        first = WORD_RE.match(rest)
        comma = rest.find(", ")
        if not first or comma < 0 or first.group().lower() not in _INTRO_WORDS:
            return pos
        head = rest[:comma]
        if len(head.split()) > 25 or not balanced(head):
            return pos
        pos += comma + 2


def _finite(word: str, *, modifier: bool = False, nxt: str = "") -> bool:
    """An auxiliary, a modal or a past tense; a regular -ed word only when not in a
    ``modifier`` position ("Clearly purposed research", "..., perceived usefulness");
    a past tense like its base ("cut", "set") only before what could be its object."""
    lowered = word.lower()
    if lowered in _INVARIANT_PAST:
        return bool(nxt) and nxt not in AUXILIARIES | MODALS and not nxt.endswith("ed")
    if lowered in AUXILIARIES or lowered in MODALS or lowered in IRREGULAR_VERB_FORMS:
        return True
    if lowered in _IRREGULAR_PAST:
        return True
    ed = len(lowered) >= 4 and lowered.endswith("ed") and lowered not in _ED_ADJECTIVES
    ed = ed and lowered not in ED_ING_NOUNS
    return ed and not modifier


#: Irregular past tenses the shared list leaves out.
_IRREGULAR_PAST = words(
    "grew rose fell led held made gave took shrank sank sprang broke chose froze spoke stole "
    "wore tore bore shook threw blew flew drew withdrew lay lost fought sought caught bought "
    "brought thought built sent spent bent dealt left kept slept felt fed fled met sat stood "
    "told sold hid rode wrote struck stuck hung swung dug won ran"
)
_INVARIANT_PAST = words("cut put hit let shut cost hurt split spread quit set burst cast beat")


def _present(word: str, prev: str, nxt: str) -> bool:
    """A present-tense verb: "the review depends on", "decisions reveal a desire"
    (``prev`` as written, so that "ACSs" reads as a plural). Known verbs count after
    any subject, noun/verb homographs ("plays", "form") only before an object, and
    other words in -s only before a determiner ("X underpins the ...")."""
    lowered = word.lower()
    if not lowered.isalpha() or lowered in STOPWORDS or word[:1].isupper():
        return False
    third = lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "ics", "ous"))
    plural_subject = prev.endswith("s") and (
        not prev.lower().endswith(("ss", "us", "is")) or prev[:-1].isupper()
    )
    if not (third or plural_subject):
        return False
    base = _base(lowered) if third else lowered
    object_next = nxt != "of" and (
        nxt in DETERMINERS
        or nxt in PREPOSITIONS
        or nxt in ("not", "to", "as", "that", "no", "little", "much", "more", "less")
        or (nxt.endswith("ly") and len(nxt) > 4)
    )
    if base in VERB_BASES:
        return True
    if base in AMBIGUOUS_VERB_BASES:
        return object_next
    return third and not plural_subject and nxt in DETERMINERS


def _base(word: str) -> str:
    """ "depends" -> "depend", "applies" -> "apply", "reaches" -> "reach"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def clause_subject(clause: str) -> str:
    """The words of ``clause``'s main clause before its verb, or "" when no verb is
    found: "The density of X in Y is growing" -> "The density of X in Y"; past an
    introductory phrase, a bracket or an inserted relative clause."""
    start = main_start(clause)
    body = clause[start:]
    # Brackets and ", which ..., " insertions hold no verb of the main clause.
    masked = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), body)
    masked = re.sub(
        r",\s+(?:which|who|whom|whose|where)\b[^,;:]*,(?=\s+(?:\w+ly\s+)?(?:is|are|was|were|has|"
        r"have|had|will|would|can|could|may|might|must|should|\w+ed)\b)",
        lambda m: " " * len(m.group()),
        masked,
    )
    words = list(WORD_RE.finditer(masked))
    relative = False  # inside the verb group of a relative clause ("that should be")
    noun = ""  # the last word before any adverbs: "speakers" in "speakers no longer know"
    for n, match in enumerate(words):
        word = match.group()
        if n == 0:
            noun = word
            continue
        prev_raw = words[n - 1].group()
        prev = prev_raw.lower()
        nxt = words[n + 1].group().lower() if n + 1 < len(words) else ""
        if prev in RELATIVES:
            relative = True
            continue
        listed = masked[: match.start()].rstrip().endswith(",")
        modifier = listed or (n == 1 and prev.endswith("ly"))
        verb = _finite(word, modifier=modifier, nxt=nxt) or _present(word, noun, nxt)
        if not _adverb(word):
            noun = word
        if relative:
            relative = verb or _adverb(word)
            continue
        if prev in DETERMINERS or prev in PREPOSITIONS or prev in ("and", "or", "to"):
            continue
        if verb:
            subject = body[: match.start()]
            return trim(
                re.sub(
                    r"(?:\s+(?:\w+ly|no longer|not|also|often|still|never|always))+\s*$",
                    "",
                    subject,
                )
            )
    return ""


def _adverb(word: str) -> bool:
    lowered = word.lower()
    return (lowered.endswith("ly") and len(lowered) > 4) or lowered in _ADVERBS


_ADVERBS = words("no longer not also often still never always already now then")


def main_clause(text: str, limit: int = MAX_CLAIM_WORDS) -> str:
    """``text`` cut at its strongest clause boundary so that at most ``limit``
    words remain (the longest such prefix that still has a verb and balanced
    brackets); unchanged when short enough or when no cut works."""
    if word_count(text) <= limit:
        return text
    for pattern in _CUTS:
        best = ""
        for match in pattern.finditer(text):
            prefix = trim(text[: match.start()])
            if not MIN_CLAIM_WORDS <= word_count(prefix) <= limit:
                continue
            if not balanced(prefix) or not stem_ok(prefix):
                continue
            if _SUBORDINATE_START_RE.match(prefix):
                continue  # "while for both methods an optimum exists": no main clause left
            if re.search(r",\s+[a-z]+ing$", prefix):
                continue  # "…, exposing": a participle cut from its object
            rest = text[match.end() :]
            comma = text[match.start()] == ","
            # "provides X, facilitates Y, | and reduces Z": the last item of a list.
            last_item = comma and re.match(r"(?:and|or)\s", rest) and "," in prefix
            listed = comma and (_inside_list(rest) or bool(last_item))
            if _splits_gerunds(prefix, rest) or listed or _embedded(rest):
                continue
            if word_count(prefix) > word_count(best):
                best = prefix
        if best:
            return best
    return text


#: A clause that opens on a subordinator: cut there, it has no main clause.
_SUBORDINATE_START_RE = re.compile(
    r"^(?:while|whilst|although|though|even though|whereas|when|if|because|since|as|unless|"
    r"despite|in spite of|notwithstanding)\b",
    re.IGNORECASE,
)
#: Clause boundaries, strongest first: a colon (before a list), a semicolon or
#: dash, a comma before a relative or conjunction, any comma, then a bare
#: coordinator or adjunct ("and should ...", "with the ...", "in relation to").
_CUTS = (
    re.compile(r"\s*:\s"),
    # (not the spaced hyphen of a symbol pair: "W - N curves")
    re.compile(r"\s*;\s|(?<!\b[A-Z])\s[\u2013\u2014-]\s(?![A-Z]\b)|\u2014"),
    re.compile(r",\s+(?=(?:which|who|whom|whose|while|whereas|but|and|although|because|so)\b)"),
    re.compile(r",\s"),
    # "and"/"or" only before a verb phrase ("and should be changed", "and drawing"),
    # "with" only before a determiner ("with the dual aims", not "equipped with more").
    re.compile(
        r"\s+(?=(?:(?:and|or)\s+(?:should|could|would|must|might|can|will|may|is|are|was|"
        r"were|has|have|had|\w+ing|\w+ed)|with\s+(?:the|a|an|their|its|his|her)|while|whereas|"
        r"because|in relation to|rather than)\s)"
    ),
)
_GERUND_AFTER_PREP_RE = re.compile(r"\b(?:of|for|by|in|on|to)\s+\w+ing\b", re.IGNORECASE)


def _splits_gerunds(prefix: str, rest: str) -> bool:
    """A cut before "and drawing ..." after "of weakening ..." would split two
    coordinated gerunds ("the aims of weakening X and drawing Y")."""
    return bool(re.match(r"\s*(?:and|or)\s+\w+ing\b", rest)) and bool(
        _GERUND_AFTER_PREP_RE.search(prefix)
    )


def _inside_list(rest: str) -> bool:
    """The cut falls between items of a list ("the organizational, political, and
    cultural changes"): what follows runs on to an "and"/"or" with no verb."""
    item = re.match(r"([^,;:]{1,80}?),?\s+(?:and|or)\s", rest)
    if not item:
        return False
    words = WORD_RE.findall(item.group(1))
    if len(words) > 8 or words[0].lower() in _CLAUSE_OPENERS:
        return False
    return not any(_finite(w) for w in words)


_CLAUSE_OPENERS = words(
    "which who whom whose where but and or while whereas although though because so yet if"
)


def _embedded(rest: str) -> bool:
    """The cut falls before a relative clause inserted before the main verb
    ("a new trend, which has brought change, emerged ...")."""
    if not re.match(r"(?:which|who|whom|whose|where)\b", rest):
        return False
    close = rest.find(", ")
    after = WORD_RE.findall(rest[close + 2 :])[:2] if close > 0 else []
    after = [w for w in after if not w.lower().endswith("ly")]
    return bool(after) and _finite(after[0])


def trim(text: str) -> str:
    """Edge spaces and punctuation off, every word kept ("carried out" keeps "out")."""
    return text.strip().strip(" ,;:.\u2013\u2014-").strip()


def balanced(text: str) -> bool:
    quotes = text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")
    return text.count("(") == text.count(")") and text.count("[") == text.count("]") and quotes
