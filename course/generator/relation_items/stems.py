"""How a question is worded: subjects fit for the middle of a stem, and the
stems of each family built from the cue as the text writes it.

A stem keeps the text's tense, voice and verb ("was intended to" gives "what
was X intended to do?", "sought to" gives "what did X seek to do?"), so the
question asks exactly what the sentence states; when the cue will not turn
into a question the stem is "" and no item is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import AUXILIARIES, MODALS, STOPWORDS
from ..relations import Relation
from .words import KNOWN_VERBS, base_of, is_past, plural, words_of

_COMMON_WORD_ENDINGS = (
    "ent", "ant", "ive", "al", "ous", "ic", "ary", "able", "ible", "ed", "ing", "ness",
    "ment", "tion", "sion", "ity", "ance", "ence", "ers", "ors", "ies", "er",
)  # fmt: skip


def in_stem(noun_phrase: str, text: str, terms: Iterable[str] = ()) -> str:
    """A noun phrase for the middle of a question, short dated parentheses
    ("(1928~32)") dropped and a capitalised first word lower-cased unless it is a
    name: lower-cased when the text or a glossary term writes it so, kept when the
    text capitalises it inside a sentence, else lower-cased if it is a function word
    or has the ending of a common word ("Persistent", "Chronic")."""
    phrase = re.sub(r"\s*\([^()]{0,15}\d[^()]{0,15}\)", "", noun_phrase).strip()
    first = phrase.split(" ", 1)[0]
    if not first[:1].isupper() or (len(first) > 1 and not first[1:].islower()):
        return phrase
    lower = first.lower()
    if re.search(rf"\b{re.escape(lower)}\b", text) or any(
        term.split(" ", 1)[0] == lower for term in terms
    ):
        return lower + phrase[len(first) :]
    if re.search(rf"[\w,;:]\s+{re.escape(first)}\b", text):
        return phrase  # capitalised mid-sentence: a name
    if lower in STOPWORDS or lower.endswith(_COMMON_WORD_ENDINGS):
        return lower + phrase[len(first) :]
    return phrase


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def select_all(stem: str) -> str:
    """The multiple-response form of a question stem."""
    return f"Select all that apply: {stem[:1].lower()}{stem[1:]}"


# --- purpose ---------------------------------------------------------------------------

_PASSIVE_CUE_RE = re.compile(
    r"^(?P<be>is|are|was|were)\s+(?:\w+ly\s+)?(?P<verb>(?:set up|[\w-]+))\s+to$", re.IGNORECASE
)
_ACTIVE_CUE_RE = re.compile(
    r"^(?:(?P<aux>has|have|had|will|would|can|could|may|might)\s+)?(?:\w+ly\s+|also\s+)?"
    r"(?P<verb>set out|sets out|[\w-]+)\s+to$",
    re.IGNORECASE,
)


def purpose_stem(r: Relation, subject: str) -> str:
    """ "According to the text, what was X intended to do?" from the cue as written."""
    cue = r.cue.strip()
    passive = _PASSIVE_CUE_RE.match(cue)
    if passive:
        be, verb = passive["be"].lower(), passive["verb"]
        return f"According to the text, what {be} {subject} {verb} to do?"
    active = _ACTIVE_CUE_RE.match(cue)
    if not active or active["aux"]:
        return ""
    verb = active["verb"].lower()
    if verb.startswith("set"):
        base, past = "set out", verb == "set out" and not cue.lower().startswith("sets")
    else:
        base = base_of(verb) or verb
        past = is_past(verb)
    if base not in KNOWN_VERBS and base != "set out":
        return ""
    aux = "did" if past else "do" if plural(subject) else "does"
    return f"According to the text, what {aux} {subject} {base} to do?"


# --- cause and result ------------------------------------------------------------------

RESULT_VERBS = {
    "lead to": ("lead to", "led to"),
    "result in": ("result in", "resulted in"),
    "contribute to": ("contribute to", "contributed to"),
    "give rise to": ("give rise to", "given rise to"),
    "bring about": ("bring about", "brought about"),
    "cause": ("cause", "caused"),
    "trigger": ("trigger", "triggered"),
}


def result_stem(r: Relation, cause: str) -> str:
    """ "According to the text, what did X lead to?" in the cue's tense and aspect; "what
    was X associated with?" for an association."""
    if r.lemma in ("be associated with", "be linked to"):
        be = next((w for w in words_of(r.cue) if w.lower() in ("is", "are", "was", "were")), "")
        participle = r.lemma.removeprefix("be ")
        return f"According to the text, what {be.lower()} {cause} {participle}?" if be else ""
    verbs = RESULT_VERBS.get(r.lemma)
    if not verbs:
        return ""
    base, participle = verbs
    words = [w.lower() for w in words_of(r.cue)]
    aux = next((w for w in words if w in MODALS or w in ("has", "have", "had")), "")
    if aux in ("has", "have", "had"):
        return f"According to the text, what {aux} {cause} {participle}?"
    if aux:
        return f"According to the text, what {aux} {cause} {base}?"
    past = any(is_past(w) for w in words)
    do = "did" if past else "do" if plural(cause) else "does"
    return f"According to the text, what {do} {cause} {base}?"


def why(clause: str, subject: str, resolved: str) -> str:
    """ "why did X weaken Y" from "X weakened Y" (``subject`` as written in the
    clause, ``resolved`` as it reads in a question), or "" when it will not invert."""
    rest = clause[clause.find(subject) + len(subject) :].strip()
    words = rest.split(" ")
    first = words[0].lower() if words else ""
    if first in AUXILIARIES | MODALS and first not in ("be", "been", "being", "am"):
        return f"why {first} {resolved} {' '.join(words[1:])}"
    base = base_of(first)
    if not base or base in ("be", "have"):
        return ""
    do = "did" if is_past(first) else "do" if plural(resolved) else "does"
    return f"why {do} {resolved} {' '.join([base, *words[1:]])}"


# --- definition ------------------------------------------------------------------------

DEFINITION_STEMS = {
    # Not "What does the text mean by X?": questions.valid wants a verb it knows.
    "be": "According to the text, what is meant by {term}?",
    "appositive": "According to the text, what is meant by {term}?",
    "defined as": "How does the text define {term}?",
    "refers to": "According to the text, what does {term} refer to?",
    "refer to": "According to the text, what does {term} refer to?",
    "denotes": "According to the text, what does {term} denote?",
}
