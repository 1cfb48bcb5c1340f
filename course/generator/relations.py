"""Relations a sentence states in so many words: purpose, cause, result,
contrast, sequence and definition.

Each relation comes from an explicit English discourse cue ("was intended
to", "due to", "led to", "whereas", "from 1918 to the 1990s", "X is a Y")
and is cut into two sides at that cue. Without a parser the sides are found
with clause boundaries (semicolons, commas before conjunctions, "that" after
a verb, introductory phrases) and a few generic word lists, so the rules
prefer silence to a guess: a cue whose sides would be a fragment (empty, a
bare relative pronoun, unbalanced brackets, ending on a function word) is
dropped rather than reported.

What the two sides hold, by kind (``lemma`` names the cue's family):

===========  ==========================================  ================================
kind         left                                        right
===========  ==========================================  ================================
purpose      what acts or exists for the purpose          the purpose (a verb phrase or
                                                          clause)
cause        the effect                                   its cause
result       the cause                                    its result
contrast     the side set aside or conceded; for          the side the text asserts; for
             "no longer" the subject                      "no longer" what stopped being
sequence     the earlier event or time; for "began" the   the later event; what began; for
             subject; for "from/since <year>" the time    a time anchor the clause
definition   the term                                     what the text says it is
===========  ==========================================  ================================

``left_form`` and ``right_form`` say whether a side is a ``clause`` (it has its
own subject), a ``noun`` phrase, or a ``predicate`` (a verb phrase or
predicate whose subject is elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

Kind = Literal["purpose", "cause", "result", "contrast", "sequence", "definition"]
Form = Literal["clause", "noun", "predicate"]


@dataclass(frozen=True)
class Relation:
    """One relation stated by a sentence, cut at its cue."""

    kind: Kind
    cue: str  # as written, with its auxiliary: "was intended to", "Thus", "due to"
    left: str
    right: str
    sentence: int  # index of the sentence holding the cue
    lemma: str = ""  # the cue's family: "intend to", "thus", "due to", "from-to"
    left_form: Form = "noun"
    right_form: Form = "clause"
    previous: bool = False  # ``left`` is the previous sentence (sentence - 1)


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
#: Nouns that name an intention: "measures to improve access".
_PURPOSE_NOUNS = _words(
    "aim aims goal goals purpose purposes objective objectives intention intentions effort "
    "efforts attempt attempts measure measures initiative initiatives campaign campaigns "
    "strategy strategies plan plans move moves step steps programme programmes program "
    "programs drive bid bids"
)
#: Predicate nouns that evaluate rather than define: "X is a priority".
_EVALUATIVE_NOUNS = _words(
    """
    priority priorities problem problems challenge challenges concern concerns need needs
    issue issues question matter result results consequence reason way lot number part
    function success failure must necessity key step factor
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


# --- words and spans -----------------------------------------------------------------


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


def _has_finite(text: str) -> bool:
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


_CITATION_TAIL_RE = re.compile(r"(?:\s+\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)+$")
_EDGE_JUNK = " ,;:.\u2013\u2014-"


_INSERTED_RE = re.compile(
    r",\s+(?:however|therefore|thus|moreover|furthermore|in turn|for example|for instance|"
    r"in fact|indeed|though|then|too),(?=\s)",
    re.IGNORECASE,
)


def _tidy(text: str) -> str:
    """A side as a clean phrase: no edge punctuation, inserted connective or trailing
    citation numbers."""
    text = _INSERTED_RE.sub("", text)
    text = text.strip().strip(_EDGE_JUNK).strip()
    text = _CITATION_TAIL_RE.sub("", text).rstrip(_EDGE_JUNK)
    return text.strip()


def _balanced(text: str) -> bool:
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return False
    return text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")


_BAD_OPENERS = _words("and or but nor which who whom whose that where when while")
_BAD_ENDINGS = _FUNCTION_WORDS - _words("it them us all both this these that those")


def _clean_side(text: str, form: Form) -> str:
    """``text`` tidied, or "" when it would be a fragment."""
    text = _tidy(text)
    words = _WORD_RE.findall(text)
    if not words or not _balanced(text):
        return ""
    if not any(w[0].isalpha() for w in words) and not (form == "noun" and _TIME_RE.search(text)):
        return ""
    if words[0].lower() in _BAD_OPENERS or words[-1].lower() in _BAD_ENDINGS:
        return ""
    if form == "clause" and len(words) < 3:
        return ""
    return text


# --- clause boundaries -------------------------------------------------------------

#: Where a clause ends going forwards, in either mode.
_CLAUSE_END_RE = re.compile(
    r"\s*;\s|:\s|\s[\u2013\u2014]\s|\s-\s|[?!]|\.(?=[A-Z][a-z])|\.\s*$"
    r"|,\s+(?=(?:but|whereas|while|although|though|because|since|so|yet|thus|hence|"
    r"therefore|thereby|leading|resulting|unlike|except)\b)"
    r"|\s+(?=(?:but|whereas|because|so that|in order to|so as to|and thereby|and thus|"
    r"and therefore|and hence)\b)"
    r"|,\s+(?:and\s+)?(?=(?:we|they|he|she|I|there)\b)"
    r"|,\s+(?=(?:which|who|whom|whose|where)\b)"
    # "..., a fact that universities will have to consider": a comment on the clause.
    r"|,\s+(?=(?:a|an)\s+[\w-]+\s+(?:that|which)\b)"
)
#: ... and where a phrase (noun phrase or predicate) ends as well: before a
#: coordinated verb ("... and should be changed", "..., and peaked in 1989").
_PHRASE_END_RE = re.compile(
    r",?\s+and\s+(?=(?:\w+ly\s+)?(?:is|are|was|were|has|have|had|will|would|can|could|"
    r"should|must|may|might|did|does|\w{3,}ed|" + "|".join(sorted(_IRREGULAR_PAST)) + r")\b)"
)


class _Sentence:
    """A sentence with the clause boundaries the detectors need."""

    def __init__(self, text: str) -> None:
        self.text = text.rstrip()
        #: Where each introductory phrase starts, then where the main clause does:
        #: [0, 9, 32] for "However, despite much activity, it has proved ...".
        self.openings = self._intros(0)
        self.intro_end = self.openings[-1]

    def _intros(self, start: int) -> list[int]:
        positions = [start]
        while True:
            rest = self.text[positions[-1] :]
            word = _first_word(rest)
            comma = rest.find(", ")
            if not word or comma < 0 or not (word in _INTRO_WORDS or _is_adverb(word)):
                return positions
            chunk = rest[:comma]
            if chunk.count("(") != chunk.count(")") or len(chunk.split()) > 25:
                return positions
            positions.append(positions[-1] + comma + 2)

    def _skip_intro(self, start: int) -> int:
        """Past any introductory phrases ("However, despite much activity, ") at ``start``."""
        return self._intros(start)[-1]

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding ``pos``, past its introductory phrase."""
        start = 0
        for match in _CLAUSE_START_RE.finditer(self.text, 0, pos):
            if match.end() <= pos:
                start = max(start, match.end())
        for match in _COMPLEMENTIZER_RE.finditer(self.text, 0, pos):
            if match.end() <= pos and _is_reporting_verb(match.group("verb")):
                start = max(start, match.end())
        start = max(start, self.intro_end) if start < self.intro_end <= pos else start
        skipped = self._skip_intro(start)
        return skipped if skipped <= pos else start

    def clause_end(self, pos: int, *, phrase: bool) -> int:
        """End of the clause (or phrase) that starts at or continues from ``pos``."""
        end = len(self.text)
        match = _CLAUSE_END_RE.search(self.text, pos)
        while match and match.group().startswith(",") and _embedded(self.text, match.end()):
            match = _CLAUSE_END_RE.search(self.text, _embedded(self.text, match.end()))
        if match:
            end = match.start()
        if phrase:
            cut = _PHRASE_END_RE.search(self.text, pos, end)
            if cut:
                end = cut.start()
        return end


#: Clause starts going backwards: after a semicolon or colon, after a comma and
#: a conjunction, before a relative pronoun or a subject pronoun after a comma.
_CLAUSE_START_RE = re.compile(
    r";\s+|:\s+|\s[\u2013\u2014]\s|\.(?=[A-Z][a-z])"
    r"|,\s+(?:and|but|or|yet|so|while|whereas|although|though|because|since|unless|if)\s+"
    r"|,\s+(?=(?:which|who|whom|whose|where|we|they|he|she|I|there)\b)"
    r"|\s(?:but|whereas|because)\s"
)
#: "that"/"how" opening a clause after a verb: "believed that ...", "explain how ...".
_COMPLEMENTIZER_RE = re.compile(r"\b(?P<verb>[\w-]+)\s+(?:that|how|why|whether)\s+", re.IGNORECASE)
_REPORTING_BASES = _words(
    "explain show suggest argue find note state claim examine describe reveal indicate "
    "demonstrate conclude believe assume know say think consider"
)


def _embedded(text: str, pos: int) -> int:
    """End of a ", which ..., " insertion starting at ``pos`` followed by the main verb, or 0."""
    if not re.match(r"(?:which|who|whom|whose|where)\b", text[pos:]):
        return 0
    close = text.find(", ", pos)
    if close < 0:
        return 0
    after = _WORD_RE.findall(text[close + 2 : close + 60])
    words = [w for w in after[:2] if not _is_adverb(w.lower())]
    return close + 2 if words and _is_finite(words[0]) else 0


def _is_reporting_verb(word: str) -> bool:
    word = word.lower()
    return _is_finite(word) or word in _REPORTING_BASES or word.rstrip("s") in _REPORTING_BASES


def subject_of(clause: str) -> str:
    """The words of ``clause`` before its first finite verb, or "" when none is found.

    "Socialist competition and the shock work movement were dual axes ..." gives
    "Socialist competition and the shock work movement".
    """
    words = list(_WORD_RE.finditer(clause))
    for n, match in enumerate(words):
        word = match.group().lower()
        prev = words[n - 1].group().lower() if n else ""
        if n == 0 or prev in _DETERMINERS or prev in _PREPOSITIONS or prev in ("and", "or"):
            continue
        if _is_finite(word) or (
            _is_adverb(word) and n + 1 < len(words) and _is_finite(words[n + 1].group())
        ):
            subject = _tidy(clause[: match.start()])
            return subject if _clean_side(subject, "noun") else ""
    return ""


# --- detectors ---------------------------------------------------------------------

_ADVERBS = r"(?:(?:\w+ly|also|further|then|first|thus|therefore|already|now|still)\s+)"
#: A cue right after one of these is denied, not stated ("did not lead to").
_NEGATED_RE = re.compile(
    r"(?:\bnot|\bnever|\bno|n't|\bhardly|\bseldom|\brarely)\s*$", re.IGNORECASE
)
_BE = r"(?:(?:is|are|was|were|be|been|being|has been|have been|had been)\s+)"
_HAVE = r"(?:(?:has|have|had|will|would|can|could|may|might|must|should|shall)\s+)"


@dataclass(frozen=True)
class _Found:
    kind: Kind
    lemma: str
    start: int  # of the cue, for ordering
    cue: str
    left: str
    right: str
    left_form: Form
    right_form: Form
    previous: bool = False


def _found(
    kind: Kind,
    lemma: str,
    match: re.Match[str],
    left: str,
    right: str,
    forms: tuple[Form, Form],
    *,
    previous: bool = False,
    cue: str | None = None,
) -> Iterator[_Found]:
    """Yield the relation when both sides are clean and the cue is not denied."""
    if _NEGATED_RE.search(match.string, 0, match.start()):
        return
    left_clean = left if previous else _clean_side(left, forms[0])
    right_clean = _clean_side(right, forms[1])
    if left_clean and right_clean and left_clean.casefold() != right_clean.casefold():
        text = cue if cue is not None else match.group("cue")
        yield _Found(
            kind, lemma, match.start(), _tidy(text), left_clean, right_clean, *forms, previous
        )


def _strip_adverbs(text: str) -> str:
    words = text.rstrip().split(" ")
    while words and (_is_adverb(words[-1].lower()) or words[-1].lower() in ("also", "then")):
        words.pop()
    return " ".join(words)


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


_CAUSE_PREP_RE = re.compile(
    r"(?P<cue>\b(?:because of|due to|owing to|as a result of|as a consequence of|"
    r"on account of|thanks to|in response to))\s+(?P<next>[\w'-]+)",
    re.IGNORECASE,
)
_CAUSE_VERB_RE = re.compile(
    rf"(?P<cue>\b(?:{_BE}{_ADVERBS}?(?:caused|triggered|induced|brought about|driven)\s+by|"
    rf"{_HAVE}?{_ADVERBS}?(?:results?|resulted|stems?|stemmed|arises?|arose)\s+from))\s+",
    re.IGNORECASE,
)


def _cause(s: _Sentence) -> Iterator[_Found]:
    for match in _CAUSE_PREP_RE.finditer(s.text):
        if match.group("next").lower() == "be":
            continue  # "due to be released": scheduled, not caused
        lemma = match.group("cue").lower()
        start = s.clause_start(match.start())
        if start == match.start():
            comma = s.text.find(", ", match.end())
            if comma < 0:
                continue
            right = s.text[match.end("cue") : comma]
            left = s.text[comma + 2 : s.clause_end(comma + 2, phrase=False)]
            yield from _found("cause", lemma, match, left, right, ("clause", "noun"))
            continue
        left = s.text[start : match.start()]
        left_form: Form = "clause" if _has_finite(left) else "noun"
        if left_form == "noun":
            left = re.sub(rf"\s+(?:{'|'.join(_AUX)})\s*$", "", left)
        right = s.text[match.end("cue") : s.clause_end(match.end("cue"), phrase=True)]
        yield from _found("cause", lemma, match, left, right, (left_form, "noun"))
    for match in _CAUSE_VERB_RE.finditer(s.text):
        left = _strip_adverbs(s.text[s.clause_start(match.start()) : match.start()])
        if _first_word(left) in ("which", "that", "who"):
            continue
        lemma = re.sub(rf"^{_BE}|^{_HAVE}", "", match.group("cue").lower()).split()[-2:]
        right = s.text[match.end() : s.clause_end(match.end(), phrase=True)]
        yield from _found("cause", " ".join(lemma), match, left, right, ("noun", "noun"))
    for offset in s.openings:
        match = re.compile(r"(?P<cue>Because|Since)\s+").match(s.text, offset)
        if not match:
            continue
        comma = s.text.find(", ", match.end())
        cause = s.text[match.end() : comma] if comma > 0 else ""
        main = s._skip_intro(comma + 2)
        effect = s.text[main : s.clause_end(main, phrase=False)] if comma > 0 else ""
        # "Since" is causal only with a clause and no time in it, and a main clause
        # that is not in the perfect ("Since 1994 ... have been taken" is temporal).
        temporal = match.group("cue") == "Since" and (
            _TIME_RE.search(cause)
            or not _has_finite(cause)
            or re.search(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en)\b", effect)
        )
        if cause and not temporal:
            yield from _found(
                "cause", match.group("cue").lower(), match, effect, cause, ("clause", "clause")
            )
    for match in re.finditer(r"(?P<cue>\bbecause)\s+(?!of\b)", s.text):
        start = s.clause_start(match.start())
        if match.start() <= s.intro_end:
            continue
        left = s.text[start : match.start()]
        right = s.text[match.end() : s.clause_end(match.end(), phrase=False)]
        yield from _found("cause", "because", match, left, right, ("clause", "clause"))


_RESULT_VERB_RE = re.compile(
    rf"(?P<cue>\b{_HAVE}?{_ADVERBS}?(?:(?P<lead>led|leads?|leading)\s+to|"
    r"(?P<result>results?|resulted|resulting)\s+in|"
    r"(?:gave|gives?|given|giving)\s+rise\s+to|(?:brought|brings?|bringing)\s+about|"
    r"(?:contribut(?:ed|es|e|ing))\s+(?:\w+ly\s+)?to|"
    r"(?:made|makes?|making)\s+(?:a|an)\s+(?:\w+\s+)?contributions?\s+to|"
    r"(?P<cause>caused|causes|triggered|triggers))\s+)(?P<next>[\w'-]+)",
    re.IGNORECASE,
)


def _result_lemma(cue: str) -> str:
    cue = cue.lower()
    for key, lemma in (
        ("lead", "lead to"),
        ("led", "lead to"),
        ("result", "result in"),
        ("rise", "give rise to"),
        ("about", "bring about"),
        ("contribut", "contribute to"),
        ("trigger", "trigger"),
        ("cause", "cause"),
    ):
        if key in cue:
            return lemma
    return cue


def _result(s: _Sentence, previous: str | None) -> Iterator[_Found]:
    for match in _RESULT_VERB_RE.finditer(s.text):
        nxt = match.group("next").lower()
        if nxt in ("by", "of") or (match.group("cause") and nxt in _PREPOSITIONS):
            continue
        before = s.text[: match.start()].rstrip()
        if match.group("cause") and _last_word(before) in _DETERMINERS:
            continue  # "the causes of": a noun
        lemma = _result_lemma(match.group("cue"))
        start = s.clause_start(match.start())
        left = _strip_adverbs(s.text[start : match.start()])
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        head = _first_word(left)
        if head == "which" or (not left.strip() and before.endswith(",")):
            # ", which led to Y" / ", leading to Y": the preceding clause is the cause.
            comma = before.rfind(",") if head != "which" else s.text.rfind(",", 0, start)
            clause = s.text[s.clause_start(comma) : comma]
            yield from _found("result", lemma, match, clause, right, ("clause", "noun"))
        elif head in ("this", "these", "that") and len(left.split()) == 1 and previous:
            yield from _found(
                "result",
                lemma,
                match,
                _previous_side(previous),
                right,
                ("clause", "noun"),
                previous=True,
            )
        elif head not in ("that", "who", "it"):
            yield from _found("result", lemma, match, left, right, ("noun", "noun"))


_CONNECTIVE_RE = re.compile(
    r"(?P<cue>Thus|Therefore|Hence|Consequently|As a result|As a consequence|Accordingly|"
    r"For this reason|In consequence|However|In contrast|By contrast|Conversely|"
    r"On the other hand|Nevertheless|Nonetheless|Yet|Instead|Second|Secondly|Third|Thirdly|"
    r"Fourth|Then|Next|Subsequently|Afterwards|Later),\s+"
)
_CONNECTIVE_KINDS: dict[str, Kind] = {
    "thus": "result",
    "therefore": "result",
    "hence": "result",
    "consequently": "result",
    "as a result": "result",
    "as a consequence": "result",
    "accordingly": "result",
    "for this reason": "result",
    "in consequence": "result",
}
_ORDINALS = ("first", "second", "third", "fourth")
_CONTRAST_CONNECTIVES = _words("however yet instead nevertheless nonetheless conversely")


def _previous_side(previous: str) -> str:
    """The previous sentence as a side: from its opening ordinal on, if it has one
    ("Findings were: First, X" gives "X"), else whole."""
    opening = re.search(r"(?:^|:\s+)(?:First(?:ly)?|To begin with),\s+", previous)
    if opening:
        return _tidy(previous[opening.end() :])
    connective = _CONNECTIVE_RE.match(previous)
    return _tidy(previous[connective.end() :] if connective else previous)


_MID_CONNECTIVE_RE = re.compile(
    r",\s+(?P<cue>however|therefore|thus|consequently|in contrast|by contrast|nevertheless|"
    r"nonetheless),(?=\s)"
)


def _connectives(s: _Sentence, previous: str | None) -> Iterator[_Found]:
    """A connective opening the sentence (or set into its first clause, "X, however, Y")
    relates it to the previous one."""
    if not previous:
        return
    match = _CONNECTIVE_RE.match(s.text)
    if match:
        rest = s.text[match.end() :]
        right = rest[: _Sentence(rest).clause_end(0, phrase=False)]
    else:
        match = _MID_CONNECTIVE_RE.search(s.text)
        if not match or s.clause_start(match.start()) != 0:
            return
        right = s.text[: s.clause_end(match.end(), phrase=False)]
    cue = match.group("cue").lower()
    kind: Kind = _CONNECTIVE_KINDS.get(cue, "sequence")
    if cue in _CONTRAST_CONNECTIVES or "contrast" in cue or "other hand" in cue:
        kind = "contrast"
    base = cue.removesuffix("ly")
    if base in _ORDINALS[1:]:
        before = _ORDINALS[_ORDINALS.index(base) - 1]
        if not re.search(rf"(?:^|:\s+){before}(?:ly)?,", previous, re.IGNORECASE):
            return
    left = _previous_side(previous)
    if not _clean_side(left, "clause"):
        return
    yield from _found(
        kind, cue, match, left, right, ("clause", "clause"), previous=True, cue=match.group("cue")
    )


_CONTRAST_MID_RE = re.compile(
    r"(?P<cue>,\s+but|\s+but(?=\s+(?:there|it|we|they|this|these|those|he|she|I)\b)|"
    r",?\s+whereas|,\s+while(?!\s+\w+ing\b)|,\s+(?:even\s+)?(?:although|though)|,\s+yet)\s+"
)
_CONCESSION_START_RE = re.compile(
    r"(?P<cue>While|Whereas|Although|Though|Even though|Despite|In spite of|Unlike|"
    r"In contrast to|Notwithstanding)\s+",
    re.IGNORECASE,
)


def _contrast(s: _Sentence, previous: str | None) -> Iterator[_Found]:
    for match in _CONTRAST_MID_RE.finditer(s.text):
        cue = match.group("cue").strip(" ,")
        rest = s.text[match.end() :]
        if cue == "but" and re.match(r"also\b", rest):
            continue
        start = s.clause_start(match.start())
        left = s.text[start : match.start()]
        if re.search(r"\bnot only\b", left, re.IGNORECASE) or _last_word(left) in (
            "nothing",
            "all",
        ):
            continue
        if cue in ("while", "whereas") and match.start() < s.intro_end:
            continue
        right = s.text[match.end() : s.clause_end(match.end(), phrase=False)]
        right_form: Form = "predicate" if _starts_predicate(right) else "clause"
        if len(_WORD_RE.findall(right)) < 3 or _first_word(right) in _PREPOSITIONS:
            continue  # ", while in no way conclusive,": no clause to contrast
        lemma = cue.split()[-1]
        if lemma in ("although", "though"):
            # The concession comes second: it is the side set aside.
            yield from _found("contrast", lemma, match, right, left, (right_form, "clause"))
        else:
            yield from _found("contrast", lemma, match, left, right, ("clause", right_form))
    for match in re.finditer(r"(?P<cue>,?\s+(?:despite|in spite of))\s+", s.text):
        if match.start() < s.intro_end:
            continue
        left = s.text[s.clause_start(match.start()) : match.start()]
        right = s.text[match.end() : s.clause_end(match.end(), phrase=True)]
        yield from _found("contrast", "despite", match, right, left, ("noun", "clause"))
    for match in re.finditer(r"(?P<cue>,\s+(?:rather than|instead of))\s+", s.text):
        left = s.text[s.clause_start(match.start()) : match.start()]
        end = s.clause_end(match.end(), phrase=True)
        comma = s.text.find(", ", match.end(), end)
        right = s.text[match.end() : comma if comma > 0 else end]
        lemma = match.group("cue").strip(" ,")
        yield from _found("contrast", lemma, match, right, left, ("noun", "clause"))
    yield from _concessions(s)
    yield from _no_longer(s)


def _concessions(s: _Sentence) -> Iterator[_Found]:
    """ "While X, Y" / "Despite X, Y" / "Unlike X, Y" at the start of the sentence."""
    for offset in s.openings:
        match = _CONCESSION_START_RE.match(s.text, offset)
        if not match:
            continue
        comma = s.text.find(", ", match.end())
        if comma < 0:
            continue
        conceded = s.text[match.end() : comma]
        lemma = match.group("cue").lower()
        form: Form = "clause" if lemma in ("while", "whereas", "although", "though") else "noun"
        if form == "clause" and not _has_finite(conceded):
            continue
        start = s._skip_intro(comma + 2)
        main = s.text[start : s.clause_end(start, phrase=False)]
        yield from _found("contrast", lemma.split()[-1], match, conceded, main, (form, "clause"))


_NO_LONGER_RE = re.compile(
    rf"(?P<cue>\b(?:{_BE}|{_HAVE})?no longer)\s+(?P<next>[\w'-]+)", re.IGNORECASE
)


def _no_longer(s: _Sentence) -> Iterator[_Found]:
    for match in _NO_LONGER_RE.finditer(s.text):
        left = _strip_adverbs(s.text[s.clause_start(match.start()) : match.start()])
        if _first_word(left) in ("which", "that", "who", "it"):
            continue
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        yield from _found("contrast", "no longer", match, left, right, ("noun", "predicate"))


_BEGAN_RE = re.compile(
    rf"(?P<cue>\b{_HAVE}?{_ADVERBS}?(?:began|begun|begins?|started|starts)\s+(?:to\s+)?)"
    r"(?P<next>[\w-]+)",
    re.IGNORECASE,
)
_FROM_TO_RE = re.compile(
    r"(?P<cue>\bfrom)\s+(?P<a>[^,;:()]{1,80}?)\s+(?P<sep>to|until|till)\s+(?P<b>[^,;:()]{1,100})",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(
    r"(?P<cue>\bbetween)\s+(?P<a>[^,;:()]{1,40}?)\s+(?P<sep>and)\s+(?P<b>[^,;:()]{1,60})",
    re.IGNORECASE,
)
_ANCHOR_RE = re.compile(
    r"(?P<cue>\b(?:from|since))\s+"
    r"(?P<time>(?:(?!(?:to|until|till|through|and)\b)[\w'-]+\s+){0,6}?(?:1[5-9]\d\d|20\d\d)s?)\b"
    r"(?!\s*(?:to|until|till|through|and)\b)",
    re.IGNORECASE,
)
_AFTER_START_RE = re.compile(r"(?P<cue>After|Following|Before|Prior to)\s+(?!all\b)")
_FOLLOWED_BY_RE = re.compile(rf"(?P<cue>(?:,|\b{_BE}{_ADVERBS}?)\s*followed\s+by)\s+")


def _sequence(s: _Sentence) -> Iterator[_Found]:
    for match in _BEGAN_RE.finditer(s.text):
        nxt = match.group("next")
        infinitive = match.group("cue").lower().rstrip().endswith(" to")
        if not (_is_verb_base(nxt) if infinitive else nxt.lower().endswith("ing")):
            continue
        left = _strip_adverbs(s.text[s.clause_start(match.start()) : match.start()])
        if _first_word(left) in ("which", "that", "who", "it"):
            continue
        right = s.text[match.start("next") : s.clause_end(match.start("next"), phrase=True)]
        yield from _found("sequence", "begin", match, left, right, ("noun", "predicate"))
    for match in [*_FROM_TO_RE.finditer(s.text), *_BETWEEN_RE.finditer(s.text)]:
        a = match.group("a")
        b = match.group("b")
        b = b[: _Sentence(b).clause_end(0, phrase=True)]
        if match.group("cue").lower() == "between":
            # "The study period is between 2015 and 2018" is a span, not a development.
            before = s.text[s.clause_start(match.start()) : match.start()]
            verbs = [w for w in _WORD_RE.findall(before)[1:] if _is_finite(w)]
            if not verbs or all(w.lower() in _AUX for w in verbs):
                continue
        if not (_TIME_RE.search(a) and _TIME_RE.search(b)):
            continue  # "from zooplankton to fish" is a range, not a sequence
        lemma = "between-and" if match.group("sep").lower() == "and" else "from-to"
        yield from _found("sequence", lemma, match, a, b, ("noun", "noun"))
    for match in _ANCHOR_RE.finditer(s.text):
        start = s.clause_start(match.start())
        if start == match.start() or (match.start() <= s.intro_end and start == s.intro_end):
            after = match.end()
            clause = s.text[after : s.clause_end(after, phrase=False)]
        else:
            clause = s.text[start : match.start()]
        if re.search(r"\b(?:which|that|who|whom|where)\b", clause):
            continue  # the time may belong to a relative clause inside it
        lemma = match.group("cue").lower()
        yield from _found("sequence", lemma, match, match.group("time"), clause, ("noun", "clause"))
    for offset in s.openings:
        match = _AFTER_START_RE.match(s.text, offset)
        comma = s.text.find(", ", match.end()) if match else -1
        if not match or comma < 0:
            continue
        event = s.text[match.end() : comma]
        start = s._skip_intro(comma + 2)
        main = s.text[start : s.clause_end(start, phrase=False)]
        form: Form = "clause" if _has_finite(event) else "noun"
        lemma = match.group("cue").lower()
        if lemma in ("before", "prior to"):
            yield from _found("sequence", lemma, match, main, event, ("clause", form))
        else:
            yield from _found("sequence", "after", match, event, main, (form, "clause"))
    for match in _FOLLOWED_BY_RE.finditer(s.text):
        start = s.clause_start(match.start())
        left = s.text[start : match.start()]
        form = "clause" if match.group("cue").startswith(",") else "noun"
        right = s.text[match.end() : s.clause_end(match.end(), phrase=True)]
        yield from _found("sequence", "followed by", match, left, right, (form, "noun"))


_COPULA_RE = re.compile(r"(?P<cue>\s(?:is|are|was|were))\s+(?P<right>(?:a|an)\s)")
_DEFINING_RE = re.compile(
    rf"(?P<cue>\b{_BE}?(?:defined\s+as|refers?\s+to|denotes|(?:known|termed|called)\s+as|"
    r"termed|called))\s+",
    re.IGNORECASE,
)
_APPOSITIVE_RE = re.compile(
    r"(?:The\s+)?(?P<name>(?:[A-Z][\w.&'-]*\s+){0,3}[A-Z][\w.&'-]*),\s+(?P<cue>(?:a|an|the))\s+"
)
_NON_TERMS = _SUBJECT_PRONOUNS | _DETERMINERS | _words("here one what which who each")


def _definition(s: _Sentence) -> Iterator[_Found]:
    match = _COPULA_RE.search(s.text, s.intro_end)
    if match:
        term = s.text[s.intro_end : match.start()]
        words = _WORD_RE.findall(term)
        right = s.text[match.start("right") : s.clause_end(match.start("right"), phrase=True)]
        head_words = {w.lower() for w in _WORD_RE.findall(right)[:5]}
        if (
            1 <= len(words) <= 5
            and words[0].lower() not in _NON_TERMS
            and not _has_finite(term)
            and not head_words & _EVALUATIVE_NOUNS
            and not re.match(r"(?:a|an)\s+(?:few|lot|number|kind of|type of)\b", right)
        ):
            yield from _found("definition", "be", match, term, right, ("noun", "noun"))
    for match in _DEFINING_RE.finditer(s.text):
        cue = match.group("cue").lower()
        start = s.clause_start(match.start())
        subject = s.text[start : match.start()]
        if not subject.strip() or _first_word(subject) in _NON_TERMS | _words("that"):
            continue
        if len(_WORD_RE.findall(subject)) > 6 or _has_finite(subject):
            continue
        if ("called" in cue or "termed" in cue) and not re.search(_BE, cue + " "):
            continue  # "a phenomenon called X": the phrase before is not delimited
        phrase_end = s.clause_end(match.end(), phrase=True)
        comma = s.text.find(", ", match.end(), phrase_end)
        other = s.text[match.end() : comma if comma > 0 else phrase_end]
        # "X is known as Y": Y is the term; "X is defined as Y": X is.
        named = re.search("known|termed|called", cue)
        term, meaning = (other, subject) if named else (subject, other)
        lemma = re.sub(rf"^{_BE}", "", cue)
        yield from _found("definition", lemma, match, term, meaning, ("noun", "noun"))
    for match in _APPOSITIVE_RE.finditer(s.text):
        start = s.clause_start(match.start())
        if s.text[start : match.start()].strip() and not re.search(
            r"\bthat\s*$", s.text[: match.start()]
        ):
            continue
        if match.group("name").split()[0].lower() in _NON_TERMS | _INTRO_WORDS:
            continue
        closing = _appositive_end(s.text, match.end())
        if closing < 0:
            continue
        appositive = s.text[match.start("cue") : closing]
        yield from _found(
            "definition", "appositive", match, match.group("name"), appositive, ("noun", "noun")
        )
    yield from _acronyms(s)


def _appositive_end(text: str, pos: int) -> int:
    """The comma closing an appositive: the first one followed by a verb."""
    for comma in re.finditer(r",\s+", text[pos:]):
        after = _WORD_RE.findall(text[pos + comma.end() : pos + comma.end() + 40])
        words = [w for w in after[:3] if not _is_adverb(w.lower())]
        if words and (words[0].lower() in _AUX or words[0].lower() in _MODALS):
            return pos + comma.start()
    return -1


_PAREN_ACRONYM_RE = re.compile(r"\((?P<acronym>[A-Z][A-Za-z]*[A-Z]s?)\)")


def _acronyms(s: _Sentence) -> Iterator[_Found]:
    """ "core outcome set (COS)": the acronym is defined by the words it abbreviates."""
    for match in _PAREN_ACRONYM_RE.finditer(s.text):
        acronym = match.group("acronym")
        letters = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
        letters = "".join(c for c in letters if c.isupper())
        before = list(_WORD_RE.finditer(s.text[: match.start()]))
        for size in range(len(letters), min(len(before), len(letters) + 2) + 1):
            span = before[-size:]
            if _spells(letters, [w.group() for w in span]):
                long_form = s.text[span[0].start() : match.start()]
                yield from _found(
                    "definition",
                    "abbreviation",
                    match,
                    acronym,
                    long_form,
                    ("noun", "noun"),
                    cue=match.group(),
                )
                break


def _spells(letters: str, words: list[str]) -> bool:
    """Whether the initials of ``words`` (hyphen parts may add one) spell ``letters``."""
    if not words or words[0].lower() in _FUNCTION_WORDS:
        return False

    def walk(li: int, wi: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        parts = [p for p in words[wi].split("-") if p]
        if words[wi].lower() in ("of", "and", "for", "the", "in", "on") and walk(li, wi + 1):
            return True
        for used in range(1, len(parts) + 1):
            initials = "".join(p[0] for p in parts[:used]).upper()
            if letters[li : li + used].upper() == initials and walk(li + used, wi + 1):
                return True
        return False

    return walk(0, 0)


# --- public API --------------------------------------------------------------------


def find_relations(sentence: str, index: int = 0, previous: str | None = None) -> list[Relation]:
    """Relations ``sentence`` states, in the order of their cues.

    ``previous`` (the sentence before, if any) lets a sentence-initial
    connective ("Thus, ...", "However, ...", "Second, ...") relate the two.
    """
    s = _Sentence(sentence.strip())
    found: list[_Found] = [
        *_purpose_verbs(s),
        *_purpose_clauses(s),
        *_purpose_nouns(s),
        *_cause(s),
        *_result(s, previous),
        *_connectives(s, previous),
        *_contrast(s, previous),
        *_sequence(s),
        *_definition(s),
    ]
    seen: set[tuple[str, str, str]] = set()
    relations = []
    for f in sorted(found, key=lambda f: f.start):
        key = (f.kind, f.left.casefold(), f.right.casefold())
        if key in seen:
            continue
        seen.add(key)
        relations.append(
            Relation(
                kind=f.kind,
                cue=f.cue,
                left=f.left,
                right=f.right,
                sentence=index,
                lemma=f.lemma,
                left_form=f.left_form,
                right_form=f.right_form,
                previous=f.previous,
            )
        )
    return relations


def text_relations(sentences: Sequence[str]) -> list[Relation]:
    """Relations of every sentence of a text, each sentence read after the one before."""
    relations: list[Relation] = []
    for i, sentence in enumerate(sentences):
        relations.extend(find_relations(sentence, i, sentences[i - 1] if i else None))
    return relations
