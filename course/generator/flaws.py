"""Item-writing flaws: what an instructor would fix before giving a question to students.

One checker serves two readers. The generator scores every candidate with
:func:`confidence` and drops the ones it is unsure of; the review workspace
shows an instructor the same :class:`Flaw` list for a question they wrote or
edited. Each flaw names the rubric criterion it fails (``../shared/AUDIT.md``:
grounded, unambiguous, well-formed, worth asking, fair distractors), says in
one sentence what to change, and carries a severity: how sure we are that the
item is unacceptable because of it (about 0.9 for a sure failure, 0.5 for a
likely one, 0.2 for a weak signal).

The checks read only the item and the source sentences: plain English cues
(pronouns, linkers, articles, agreement, negation words, apposition), word
frequencies for "generic", and :mod:`.kinds` for the kind of thing a term names.
Everything text-wide is computed once per text and cached, so one item costs
well under a millisecond.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from wordfreq import zipf_frequency

from .kinds import Kind, compatible, head_word, term_kind
from .lexicon import (
    AMBIGUOUS_VERB_BASES,
    DETERMINERS,
    GENERIC_MODIFIERS,
    IRREGULAR_VERB_FORMS,
    OBJECT_STARTERS,
    PREPOSITIONS,
    STOPWORDS,
    VERB_BASES,
)
from .tokens import derivational_variant, is_acronym, singular

CRITERIA = ("grounded", "unambiguous", "well-formed", "worth asking", "fair distractors")

#: Every flaw the checker reports, with the rubric criterion it fails. The codes are
#: stable: the review workspace and stored reports refer to them.
CODES: dict[str, str] = {
    "malformed-item": "well-formed",
    "dangling-reference": "well-formed",
    "fragment-stem": "well-formed",
    "fragment-option": "well-formed",
    "grammar-cue": "well-formed",
    "citation-marks": "well-formed",
    "generic-key": "worth asking",
    "framing": "worth asking",
    "citation-number": "worth asking",
    "page-matter": "worth asking",
    "presentation-order": "worth asking",
    "coreferent-distractor": "unambiguous",
    "false-matches-source": "unambiguous",
    "ordering-unfixed": "unambiguous",
    "multiple-keys": "unambiguous",
    "kind-mismatch": "fair distractors",
    "near-duplicate-options": "fair distractors",
    "longest-option": "fair distractors",
    "few-distractors": "fair distractors",
    "negation-false": "fair distractors",
    "same-year-range": "fair distractors",
    "key-not-in-source": "grounded",
    "true-not-in-source": "grounded",
}

CHOICE_TYPES = ("single_choice", "multiple_response")
#: Types whose stem is a statement with a gap for the key.
GAP_TYPES = ("cloze", "single_choice", "short_answer")


@dataclass(frozen=True)
class Flaw:
    """One reason an instructor would not give the item to students unchanged."""

    code: str  # stable id, a key of CODES
    criterion: str  # the rubric criterion it fails, one of CRITERIA
    message: str  # one sentence an instructor can act on
    severity: float  # 0..1: how sure we are it makes the item unacceptable


def confidence(flaws: list[Flaw]) -> float:
    """1.0 for a clean item, falling with each flaw: the product of (1 - severity).

    Independent doubts multiply: two likely flaws (0.5 each) leave 0.25.
    """
    result = 1.0
    for flaw in flaws:
        result *= 1.0 - min(1.0, max(0.0, flaw.severity))
    return round(result, 4)


def item_flaws(
    *,
    type: str,
    prompt: str,
    options: list[str],
    answer: Any,
    sentences: list[str],
    cited: list[int],
    aliases: dict[str, list[str]] | None = None,
) -> list[Flaw]:
    """Every flaw found in one item, worst first (see the module docstring).

    An item citing no sentence of the text (one an instructor wrote) is read against the
    whole text.
    """
    cited = [i for i in cited if 0 <= i < len(sentences)] or list(range(len(sentences)))
    text = _text(tuple(sentences))
    item = _Item.build(type, prompt, list(options), answer, text, cited, aliases or {})
    if item.malformed:
        return [_flaw("malformed-item", item.malformed, 1.0)]
    found: dict[str, Flaw] = {}
    for check in _CHECKS:
        for flaw in check(item):
            if flaw.code not in found or flaw.severity > found[flaw.code].severity:
                found[flaw.code] = flaw
    return sorted(found.values(), key=lambda f: (-f.severity, f.code))


def _flaw(code: str, message: str, severity: float) -> Flaw:
    return Flaw(code, CODES[code], message, round(min(1.0, severity), 2))


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- words ---------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\-.][^\W_]+)*")
_BLANK_RE = re.compile(r"_{3,}")
_NEGATIONS = frozenset({"not", "no", "never", "longer", "n't", "cannot", "neither", "nor"})


@lru_cache(maxsize=65536)
def _unit(word: str) -> str:
    """Comparison form of one word: lower case, no possessive, a crude singular."""
    lower = word.lower().replace("\u2019", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    return singular(lower.strip("'."))


@lru_cache(maxsize=16384)
def _spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """Words with their offsets."""
    return tuple((m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text))


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w, _, _ in _spans(text))


@lru_cache(maxsize=16384)
def _units(text: str) -> tuple[str, ...]:
    return tuple(_unit(w) for w in _words(text))


def _content(units: Iterable[str]) -> set[str]:
    return {u for u in units if u not in STOPWORDS and not u.isdigit()}


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ed", "es", "s", "e")


@lru_cache(maxsize=65536)
def _root(unit: str) -> str:
    """A unit without its inflection or nominalisation: "inspecting" and "inspection",
    "purging" and "purge" meet, so a paraphrase is found in its source."""
    for suffix in _SUFFIXES:
        if unit.endswith(suffix) and len(unit) - len(suffix) >= 4:
            return unit[: -len(suffix)]
    return unit


def _roots(units: Iterable[str]) -> set[str]:
    return {_root(u) for u in _content(units)}


@lru_cache(maxsize=16384)
def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


# --- the text, analysed once ------------------------------------------------------------


class _Text:
    """The source sentences with what every check needs, built once per text."""

    def __init__(self, sentences: tuple[str, ...]) -> None:
        self.sentences = sentences
        self.spans = [_spans(s.replace("\u2019", "'")) for s in sentences]
        self.units = [tuple(_unit(w) for w, _, _ in spans) for spans in self.spans]
        self.joined = [" " + " ".join(units) + " " for units in self.units]
        self.doc_freq: Counter[str] = Counter()
        for units in self.units:
            self.doc_freq.update(set(units))
        self.roots = [_roots(units) for units in self.units]
        self._mentions: dict[tuple[str, ...], list[int]] = {}

    def mentions(self, units: tuple[str, ...]) -> list[int]:
        """Indexes of the sentences containing the phrase (word-bounded, number-blind)."""
        if units not in self._mentions:
            needle = " " + " ".join(units) + " "
            self._mentions[units] = [
                i for i, joined in enumerate(self.joined) if units and needle in joined
            ]
        return self._mentions[units]

    def locate(self, units: tuple[str, ...], order: Iterable[int]) -> tuple[int, int] | None:
        """(sentence, first word) of the phrase's first mention among ``order``."""
        needle = " " + " ".join(units) + " "
        for i in order:
            if 0 <= i < len(self.joined):
                pos = self.joined[i].find(needle)
                if units and pos >= 0:
                    return i, len(self.joined[i][:pos].split())
        return None

    def coverage(self, statement: str, order: Iterable[int]) -> tuple[int, float]:
        """(sentence, share of the statement's content roots in it) for the best of ``order``."""
        roots = _roots(_units(statement))
        best = (-1, 0.0)
        for i in order:
            if roots and 0 <= i < len(self.roots):
                share = len(roots & self.roots[i]) / len(roots)
                if share > best[1]:
                    best = (i, share)
        return best

    def rare(self, unit: str) -> bool:
        """A content word in at most 40% of the sentences: it can link two mentions."""
        return unit not in STOPWORDS and self.doc_freq[unit] <= max(1, 0.4 * len(self.units))


@lru_cache(maxsize=16)
def _text(sentences: tuple[str, ...]) -> _Text:
    return _Text(sentences)


# --- the item, in a shape the checks share ----------------------------------------------

_QUOTED_RE = re.compile(r"[\u201c\"]([^\u201d\"]{12,})[\u201d\"]\s*\??\s*")
_INSTRUCTION_RE = re.compile(
    r"^\s*(?:fill in the (?:blank|gap)s?|true or false|select all that apply|"
    r"(?:which|what) (?:term|word|phrase|year|number|date|name|option)s? [^?:]{0,60}?"
    r"(?:complete|fill)s? [^?:]{0,40}|complete the (?:statement|sentence)[^?:]{0,40}|"
    r"is (?:this|the following) (?:statement )?(?:true|correct)[^?:]{0,20}|"
    r"choose [^?:]{0,60}|decide [^?:]{0,60})\s*[?:]\s*",
    re.IGNORECASE,
)


@dataclass
class _Item:
    type: str
    prompt: str
    stem: str  # the statement or question the learner reads, without the instruction
    options: list[str]
    keys: list[str]  # accepted answers, keyed options, ordered items or matched terms
    distractors: list[str]
    text: _Text
    cited: list[int]
    aliases: dict[str, list[str]]
    answer: Any = None
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching
    malformed: str = ""

    @classmethod
    def build(
        cls,
        type_: str,
        prompt: str,
        options: list[str],
        answer: Any,
        text: _Text,
        cited: list[int],
        aliases: dict[str, list[str]],
    ) -> _Item:
        item = cls(type_, prompt, _stem(prompt), options, [], [], text, [], aliases, answer)
        item.cited = [i for i in cited if 0 <= i < len(text.sentences)] or list(
            range(len(text.sentences))
        )
        item.malformed = item._read_answer()
        return item

    def _read_answer(self) -> str:
        answer, options = self.answer, self.options
        if self.type in ("cloze", "short_answer"):
            self.keys = [str(a) for a in (answer if isinstance(answer, list) else [answer]) if a]
            return "" if self.keys else "The item has no accepted answer: add the answer."
        if self.type == "single_choice":
            self.keys = [str(answer)]
            self.distractors = [o for o in options if o != answer]
            return "" if answer in options else "The keyed answer is not among the options."
        if self.type == "multiple_response":
            self.keys = [str(a) for a in answer] if isinstance(answer, list) else []
            self.distractors = [o for o in options if o not in self.keys]
            if not self.keys or any(k not in options for k in self.keys):
                return "The keyed answers are not all among the options."
            return ""
        if self.type == "true_false":
            return "" if isinstance(answer, bool) else "A true/false item needs True or False."
        if self.type == "ordering":
            self.keys = [str(a) for a in answer] if isinstance(answer, list) else []
            if sorted(self.keys) != sorted(options):
                return "The keyed order does not use exactly the options."
            return ""
        if self.type == "matching":
            try:
                self.pairs = [(str(left), str(right)) for left, right in answer]
            except (TypeError, ValueError):
                return "A matching item needs [left, right] pairs."
            self.keys = [left for left, _ in self.pairs]
            if any(right not in options for _, right in self.pairs):
                return "A matched item is not among the options."
            return ""
        if self.type == "numerical":
            self.keys = [str(answer)]
        return ""

    @property
    def statement(self) -> str:
        """The stem as the text states it: the key put back in its gap."""
        if self.keys and _BLANK_RE.search(self.stem):
            return _BLANK_RE.sub(lambda _: self.keys[0], self.stem, count=1)
        return self.stem

    @property
    def is_question(self) -> bool:
        return self.stem.rstrip().endswith("?") and not _BLANK_RE.search(self.stem)


def _stem(prompt: str) -> str:
    match = _INSTRUCTION_RE.match(prompt)
    rest = prompt[match.end() :].strip() if match else ""
    if not rest:
        return prompt.strip()
    quoted = _QUOTED_RE.fullmatch(rest)
    return quoted.group(1).strip() if quoted else rest


# --- clauses: a stand-in for a parser, good enough to spot fragments -----------------------

_SUBORDINATORS = _set(
    "if as while although though when whenever because since unless until whereas once"
)
_RELATIVES = _set("which who whom whose that where")
_FINITE_AUX = _set(
    "is are was were am has have had do does did can could may might must shall should will "
    "would cannot"
)
_PAST_FORMS = frozenset(
    w for w in IRREGULAR_VERB_FORMS if not w.endswith(("en", "wn", "ne"))
) | _set("set put cut let")
_VERBS = VERB_BASES | AMBIGUOUS_VERB_BASES
_AUX_BEFORE_PARTICIPLE = _set("be been being is are was were has have had")
_SUBJECT_PRONOUNS = _set("i we you they he she it who")
#: Words a clause cannot end with: articles, prepositions, conjunctions, auxiliaries.
_NO_END = (
    _set(
        "the a an of in on at by for with to from into between among through via during "
        "toward towards about against under without and or but nor because although while "
        "whereas if than as which who whose its their his our my your is are was were be "
        "been being has have will would can could should may might must shall not very "
        "such these those"
    )
    | DETERMINERS
) - frozenset({"this", "that", "her", "it"})


def _finite_at(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` (lower case) reads as the finite verb of a clause."""
    word = words[i]
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if prev == "to" or prev in _RELATIVES:
        return False  # an infinitive, or the verb of a relative clause
    if word in _FINITE_AUX:
        return True
    if prev in _AUX_BEFORE_PARTICIPLE:
        return False  # "should be reported": the auxiliary decides, and was read already
    if prev in _SUBJECT_PRONOUNS and word in _VERBS:
        return True  # "how we study"
    if word in _PAST_FORMS:
        return prev not in DETERMINERS
    if word.endswith("ed") and len(word) > 4:
        return bool(prev) and prev not in DETERMINERS and prev not in PREPOSITIONS and nxt != "by"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is", "'s")):
        bases = {word[:-1], word[:-2], word[:-3] + "y"}
        return bool(prev) and prev not in DETERMINERS and bool(bases & _VERBS)
    if word in _VERBS and prev not in STOPWORDS and nxt in ("a", "an", "the"):
        return True  # "those who joined the Party form a group"
    plural_subject = prev.endswith("s") and prev not in STOPWORDS and not prev.endswith("ss")
    if plural_subject and word not in STOPWORDS and nxt in OBJECT_STARTERS:
        return not word.endswith(("ly", "s"))  # "linguists call this process"
    return word in VERB_BASES and prev.endswith("s") and prev not in STOPWORDS


def _verb_form(word: str) -> bool:
    """A verb's base, -s or -ed form, by the verb lists."""
    forms = {word, word[:-1], word[:-2], word[:-3] + "y", word[:-1] + "e"}
    return word in _PAST_FORMS or bool(forms & _VERBS)


def _has_main_clause(statement: str) -> bool:
    """A subject and a finite verb outside any subordinate or relative clause."""
    subject_waiting = False  # a verbless main segment before: "The results of X, while Y,"
    for n, segment in enumerate(re.split(r"[,;:()\u2014\u2013]|\s-\s", statement)):
        words = [w.lower() for w in _words(segment)]
        if not words:
            continue
        first = words[0]
        preposition = len(words) > 1 and words[1][:1].isdigit()  # "since 1997", "after 2014"
        subordinate = first in _SUBORDINATORS and not preposition
        if subordinate or words[:2] == ["just", "as"] or words[:2] == ["so", "that"]:
            continue
        if n and first in _RELATIVES:
            continue
        if any(_finite_at(words, i) for i in range(len(words))):
            return True
        if subject_waiting and _verb_form(first):
            return True  # "..., provide suggestive information", "Act, (1997) makes"
        subject_waiting = subject_waiting or first not in PREPOSITIONS
    return False


def _open_clause_without_verb(statement: str) -> bool:
    """Ends in "how the internal": a wh- or because-clause cut before its verb."""
    words = [w.lower() for w in _words(statement)]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in ("how", "whether", "why", "because", "although", "whereas"):
            rest = words[i + 1 :]
            return bool(rest) and not any(_finite_at(rest, j) for j in range(len(rest)))
    return False


# --- well-formed --------------------------------------------------------------------------

_STRONG_OPENERS = re.compile(
    r"^(?:that is why|this is why|this is because|that is because|for this reason|"
    r"because of this|in this way|to this end|as such|other reasons?|another reason|"
    r"other factors|the former|the latter|both of them|the rest)\b",
    re.IGNORECASE,
)
_EXPLETIVE_IT = re.compile(
    r"^it\s+(?:is|was|has been|had been|seems|seemed|appears|appeared|(?:will|would|can|"
    r"could|may|might|must|should) be)\b[^.]{0,80}?\b(?:that|to|whether|how|why|what)\b",
    re.IGNORECASE,
)
_CAUSAL_LINKERS = re.compile(
    r"^(?:thus|therefore|hence|consequently|accordingly|however|nevertheless|nonetheless|"
    r"instead|conversely|otherwise|as a result|in contrast|by contrast|on the other hand|"
    r"in turn)\b|^(?:still|yet),",
    re.IGNORECASE,
)
_ADDITIVE_LINKERS = re.compile(
    r"^(?:moreover|furthermore|besides|additionally|finally|lastly|firstly|secondly|thirdly|"
    r"similarly|likewise|meanwhile|in addition|above all|in particular|at the same time|"
    r"first of all)\b|^(?:also|then|next|first|second|third|fourth|here|again),",
    re.IGNORECASE,
)
#: Nouns for the article itself: "this study" has a referent (the text), framing aside.
_SELF_NOUNS = _set(
    "paper study article essay research review commentary chapter thesis work book report "
    "survey section analysis project text"
)


def _dangling(statement: str) -> tuple[float, str]:
    """(severity, opener) for a statement opening on something it does not name."""
    text = statement.lstrip(" \"'\u201c\u2018(")
    words = [w.lower() for w in _words(text)]
    if not words:
        return 0.0, ""
    strong = _STRONG_OPENERS.match(text)
    if strong:
        return 0.8, strong.group()
    first = words[0]
    if first == "it" and not _EXPLETIVE_IT.match(text):
        return 0.8, "It"
    if first in ("they", "he", "she", "them", "both"):
        return 0.8, text.split()[0]
    if first in ("its", "their", "his", "her"):
        return 0.6, text.split()[0]
    if first in ("this", "that", "these", "those", "such") and len(words) > 1:
        if _finite_at(["x", *words[1:]], 1):  # "That agrees", "This is": a pronoun subject
            return 0.8, " ".join(text.split()[:2])
        nouns = [w for w in words[1:4] if w not in STOPWORDS]
        if not (set(nouns) & _SELF_NOUNS):
            return 0.45, " ".join(text.split()[:2])
    causal = _CAUSAL_LINKERS.match(text)
    if causal:
        return 0.4, causal.group().rstrip(",")
    additive = _ADDITIVE_LINKERS.match(text)
    if additive:
        return 0.2, additive.group().rstrip(",")
    for i, word in enumerate(words[1:6], start=1):
        follower = words[i + 1] if i + 1 < len(words) else ""
        unresolved = follower and follower not in STOPWORDS and follower not in words[:i]
        if (
            word in ("this", "these", "those", "such")
            and unresolved
            and follower not in _SELF_NOUNS
        ):
            return 0.25, f"{word} {follower}"
    return 0.0, ""


def _check_dangling(item: _Item) -> Iterator[Flaw]:
    stem_types = ("cloze", "single_choice", "short_answer", "true_false", "numerical")
    severity, opener = _dangling(item.stem) if item.type in stem_types else (0.0, "")
    if severity and not item.is_question:
        yield _flaw(
            "dangling-reference",
            f"The stem opens with “{opener}”, which refers to something it does not "
            "name: name it or drop the linker.",
            severity,
        )
    statements = (
        item.options
        if item.type == "ordering"
        else [right for _, right in item.pairs]
        if item.type == "matching"
        else []
    )
    worst = max(((_dangling(s), s) for s in statements), default=((0.0, ""), ""))
    (severity, opener), statement = worst
    if severity:
        yield _flaw(
            "dangling-reference",
            f"The option {_quote(statement)} opens with “{opener}”, which refers to something "
            "it does not name: name it.",
            severity * (0.9 if item.type == "ordering" else 0.8),
        )


_STRAY_PUNCTUATION_RE = re.compile(r"\b(?:the|a|an|of|to)\s*[,;]", re.IGNORECASE)
_PARTICLES = _set("out up off down away back than as over")
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ful", "able", "ible", "ary")


def _fragment(statement: str, item: _Item, clause: bool) -> tuple[float, str]:
    """(severity, why) when ``statement`` is not a whole sentence (``clause``: one is
    expected; else only broken phrases count, as for a term among options)."""
    words = [w.lower() for w in _words(statement)]
    if not words:
        return 0.9, "it is empty"
    if words[-1] in _NO_END:
        return 0.8, f"it ends on “{_words(statement)[-1]}”"
    if statement.count("(") != statement.count(")") or statement.count('"') % 2:
        return 0.6, "a bracket or quotation mark is left open"
    if statement.count("\u201c") != statement.count("\u201d"):
        return 0.6, "a quotation mark is left open"
    stray = _STRAY_PUNCTUATION_RE.search(statement)
    if stray:
        return 0.5, f"punctuation cuts a phrase at “{stray.group()}”"
    if not clause:
        return 0.0, ""
    reasons = [(0.0, "")]
    cut = _cut_in_source(statement, item)
    if cut:
        reasons.append((0.55, cut))
    if item.type != "short_answer":  # a quoted context may be a clause of its sentence
        if _open_clause_without_verb(statement):
            reasons.append((0.7, "its last clause has no verb"))
        elif not _has_main_clause(statement):
            reasons.append((0.6, "it has no main clause (a subject with a finite verb)"))
        first = words[0]
        if statement[:1].isupper() and first.endswith("s") and {first[:-1], first[:-2]} & _VERBS:
            reasons.append((0.4, f"it starts with the verb “{_words(statement)[0]}”, no subject"))
    return max(reasons, key=lambda r: r[0])


def _cut_in_source(statement: str, item: _Item) -> str:
    """Why the statement stops mid-phrase where the source goes on, or ""."""
    units = _units(statement)
    found = item.text.locate(units, [*item.cited, *range(len(item.text.sentences))])
    if not found:
        return ""
    sentence, start = found
    spans = item.text.spans[sentence]
    end = start + len(units)
    if end >= len(spans):
        return ""
    raw = item.text.sentences[sentence].replace("\u2019", "'")
    gap = raw[spans[end - 1][2] : spans[end][1]]
    following = spans[end][0].lower()
    last = units[-1]
    if not gap.strip() and following in _PARTICLES:
        return f"the source goes on with “{spans[end][0]}”"
    coordinated = gap.strip() == "," or (not gap.strip() and following in ("and", "or"))
    after = [w.lower() for w, _, _ in spans[end : end + 2]]
    partner = after[1] if after[:1] in (["and"], ["or"]) and len(after) > 1 else after[0]
    surface = spans[end - 1][0]
    modifier = (
        surface.islower()  # not a name, not a plural noun: "internal", "social"
        and not surface.endswith("s")
        and last.endswith(_ADJECTIVE_ENDINGS)
        and len(last) > 4
        and partner not in STOPWORDS  # "internal and external", not "library, the two"
    )
    if coordinated and modifier:
        next_words = " ".join(w for w, _, _ in spans[end : end + 3])
        return f"it stops on the modifier “{spans[end - 1][0]}” before “{next_words}”"
    return ""


def _check_fragments(item: _Item) -> Iterator[Flaw]:
    if item.type in (*GAP_TYPES, "true_false", "numerical") and not item.is_question:
        severity, why = _fragment(item.statement, item, True)
        if severity:
            yield _flaw(
                "fragment-stem",
                f"The stem is not a whole sentence ({why}): quote the whole clause.",
                severity,
            )
    if item.type == "ordering":
        results = [(_fragment(o, item, True), o) for o in item.options]
    elif item.type in CHOICE_TYPES or item.type == "matching":
        lefts = item.keys if item.type == "matching" else item.options
        results = [(_fragment(o, item, False), o) for o in lefts if len(_words(o)) > 2]
        results += [((0.9, "it is empty"), o) for o in lefts if not _words(o)]
    else:
        results = []
    bad = [(severity, why, o) for (severity, why), o in results if severity]
    if bad:
        severity, why, option = max(bad, key=lambda b: b[0])
        extra = f" ({len(bad)} options)" if len(bad) > 1 else ""
        yield _flaw(
            "fragment-option",
            f"The option {_quote(option)} is not a whole proposition ({why}){extra}: "
            "give each option its subject and verb.",
            min(0.9, severity + 0.1 * (len(bad) - 1)),
        )


_PLURAL_DETERMINERS = _set(
    "these those many several both few various numerous multiple two three four five six "
    "seven eight nine ten"
)
_SINGULAR_DETERMINERS = _set("a an this each every another one either neither")
_SKIPPABLE_ADVERBS = _set("also often still not never already only thus then all")
_IRREGULAR_PLURALS = _set("people children men women criteria phenomena police")


def _wants_an(option: str) -> bool | None:
    """Whether the option takes "an" (by its first sound), None when unsure."""
    words = _words(option.strip(" \"'\u201c\u2018"))
    if not words:
        return None
    word = words[0]
    if word[0].isdigit():
        return word.startswith("8") or word in ("11", "18")
    if re.match(r"^[A-Za-z]-", word):  # "X-ray", "T-cell": the letter's name is said
        return word[0].upper() in "AEFHILMNORSX"
    if is_acronym(word):
        letters = word.upper()
        if re.search(r"[AEIOU]", letters[1:]) and (len(word) >= 4 or letters[1] in "AEIOU"):
            return None  # may be read as a word: "NATO", "NEP"
        return letters[0] in "AEFHILMNORSX"
    lower = word.lower()
    if lower[0] in "aeiou":
        return not lower.startswith(("uni", "use", "usu", "uti", "ure", "uro", "eu", "one"))
    return lower.startswith(("hour", "honest", "honou", "honor", "heir"))


def _is_plural(option: str) -> bool | None:
    """Whether the option is a plural noun phrase, None when unsure."""
    words = _words(option)
    if not words:
        return None
    if any(w.lower() == "and" for w in words[1:]):
        return True
    head = head_word(list(words))
    lower = head.lower()
    if is_acronym(head):
        return head.endswith("s") and head[:-1].upper() == head[:-1]
    if lower in _IRREGULAR_PLURALS:
        return True
    if lower.endswith(("ics", "series", "species", "means", "data", "news")):
        return None
    if lower.endswith(("ss", "us", "is", "ous")):
        return False
    if lower.endswith("s") and len(lower) > 3:
        return None if head[0].isupper() and len(words) == 1 else True
    return False


def _blank_frame(stem: str) -> tuple[str, str]:
    """(article or "", number "sg"/"pl"/"") the words around the gap demand."""
    match = _BLANK_RE.search(stem)
    if not match:
        return "", ""
    before = [w.lower() for w in _words(stem[: match.start()])[-1:]]
    after = [w.lower() for w in _words(stem[match.end() :])[:3]]
    article = before[0] if before and before[0] in ("a", "an") else ""
    number = ""
    if before and before[0] in _PLURAL_DETERMINERS:
        number = "pl"
    elif before and before[0] in _SINGULAR_DETERMINERS:
        number = "sg"
    tail = stem[match.end() :]
    # the verb after the gap agrees with it only when the gap is a subject: at the start
    # or after a determiner ("The _____ were"), not inside "the unions of _____ were"
    subject = not before or before[0] in DETERMINERS
    if subject and not tail[:1].strip():  # a word follows directly, not a comma
        verbs = [w for w in after if w not in _SKIPPABLE_ADVERBS and not w.endswith("ly")]
        if verbs and verbs[0] in ("is", "was", "has", "does"):
            number = number or "sg"
        elif verbs and verbs[0] in ("are", "were", "have", "do"):
            number = number or "pl"
    return article, number


def _fits(frame: tuple[str, str], option: str) -> bool:
    article, number = frame
    if article:
        option = re.sub(r"^(?:the|a|an)\s+", "", option.strip(), flags=re.IGNORECASE)
        wants = _wants_an(option)
        if wants is not None and wants != (article == "an"):
            return False
    if number:
        plural = _is_plural(option)
        if plural is not None and plural != (number == "pl"):
            return False
    return True


def _check_grammar(item: _Item) -> Iterator[Flaw]:
    if item.type in GAP_TYPES and item.keys:
        frame = _blank_frame(item.stem)
        if frame != ("", ""):
            cue = " ".join(c for c in frame if c)
            if not _fits(frame, item.keys[0]):
                yield _flaw(
                    "grammar-cue",
                    f"The key {_quote(item.keys[0])} does not fit the gap's grammar ({cue}): "
                    "reword the words around the gap.",
                    0.7,
                )
                return
            misfits = [d for d in item.distractors if not _fits(frame, d)]
            if misfits:
                severity = 0.8 if len(misfits) == len(item.distractors) else 0.4
                yield _flaw(
                    "grammar-cue",
                    f"The words around the gap ({cue}) rule out {_quote(misfits[0])}"
                    f"{' and the other options' if severity > 0.5 else ''}: "
                    "make every option fit, e.g. by moving the article into the options.",
                    severity,
                )
    if item.type == "matching" and len(item.pairs) >= 3:
        given = 0
        for left, right in item.pairs:
            frame = _blank_frame(right)
            if frame != ("", "") and [t for t in item.keys if _fits(frame, t)] == [left]:
                given += 1
        if given:
            yield _flaw(
                "grammar-cue",
                f"In {given} passage(s) only the right term fits the words around the gap "
                "(its article or number): reword the passages.",
                0.4 + 0.15 * min(given - 1, 2),
            )


_CITATION_RE = re.compile(
    r"(?<=[a-z\u00e9)])\s(\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*)(?=\s?[,.;:)]|\s+(?:and|but|or|to|in|"
    r"with|for|that|which|while|where|as)\b|\s*$)"
)
_BRACKET_CITATION_RE = re.compile(
    r"\[\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
)
_NUMBERED_NOUNS = _set(
    "figure fig table chapter section page pp p vol no step phase round group type level grade "
    "stage version model day week month year wave study experiment part appendix item question "
    "trial article paragraph line equation eq hypothesis ref top issue volume number"
)


def _citation_marks(sentence: str) -> list[str]:
    found = [m.group() for m in _BRACKET_CITATION_RE.finditer(sentence)]
    for match in _CITATION_RE.finditer(sentence):
        before = _words(sentence[: match.start()])
        if before and before[-1].lower() not in _NUMBERED_NOUNS | STOPWORDS:
            found.append(match.group(1))
    return found


def _check_citation_marks(item: _Item) -> Iterator[Flaw]:
    statements = [item.stem] if item.type != "ordering" else item.options
    marks = [m for s in statements for m in _citation_marks(s)]
    if marks:
        yield _flaw(
            "citation-marks",
            f"The item keeps the text's reference numbers ({', '.join(marks[:3])}): remove them.",
            0.3,
        )


# --- worth asking ----------------------------------------------------------------------

_PURPOSE_RE = re.compile(
    r"\b(?:(?:aim|aims|purpose|goal|objective|objectives|intention|focus)\s+of\s+(?:this|the"
    r"(?:\s+present)?|our)\s+(?:paper|study|article|research|essay|review|work|thesis|chapter|"
    r"commentary|report|project|survey|analysis)|(?:this|the\s+present|our)\s+(?:paper|study|"
    r"article|research|essay|review|work|thesis|chapter|commentary|report|project)\s+(?:will|"
    r"would|aims|aimed|seeks|sought|attempts|attempted|intends|sets\s+out|tries|is\s+intended)|"
    r"\bwe\s+(?:aim|aimed|seek|sought|intend|attempt|will)\b)",
    re.IGNORECASE,
)
_SELF_RE = re.compile(
    r"(?:\b(?:this|the\s+present|the|our)\s+(?:paper|study|article|essay|review|commentary|"
    r"chapter|thesis|report|book)\s+(?:examines|explores|investigates|discusses|describes|"
    r"presents|reviews|analy[sz]es|argues|considers|addresses|focuses|outlines|proposes|reports|"
    r"studies|contributes|ends|concludes|begins|offers|identifies|is\s+animated|is\s+organi[sz]ed"
    r"|is\s+divided)|^(?:in\s+this\s+\w+,?\s+)(?:we|I)\s+(?:present|propose|describe|review|"
    r"discuss|introduce|outline|address|consider|argue)\b|"
    r"\b(?:limitations|implications|recommendations|suggestions)\b[^.]{0,60}\b(?:are|is)\s+"
    r"(?:also\s+)?(?:presented|discussed|given|offered|provided|outlined))",
    re.IGNORECASE,
)


_PRESENT_RE = re.compile(
    r"^(?:here,?\s+)?(?:we|I)\s+(?:present|propose|describe|review|discuss|introduce|outline|"
    r"address|consider|argue|would\s+suggest)\b",
    re.IGNORECASE,
)


def _framing(statement: str) -> float:
    if _PURPOSE_RE.search(statement):
        return 0.8  # what the paper sets out to do: the text asserts nothing about it
    if _SELF_RE.search(statement):
        return 0.6  # what the paper does ("The article examines ...")
    if _PRESENT_RE.search(statement):
        return 0.4  # "we present a model ...": a contribution, often with a claim inside
    return 0.0


def _check_framing(item: _Item) -> Iterator[Flaw]:
    severity = _framing(item.stem)
    if severity:
        yield _flaw(
            "framing",
            "The item rests on the article's framing (what the paper sets out to do), not on "
            "a claim it makes: ask about the claim instead.",
            severity,
        )
    elif item.type == "ordering":
        framed = [o for o in item.options if _framing(o)]
        if framed:
            yield _flaw(
                "framing",
                f"The option {_quote(framed[0])} is the article's framing, not a claim: "
                "replace it with a step or event the text states.",
                0.5,
            )


def _generic(key: str, text: _Text) -> tuple[float, str]:
    words = _words(key)
    if not words:
        return 0.0, ""
    if any(is_acronym(w) or any(c.isdigit() for c in w) for w in words):
        return 0.0, ""  # "IT" is no pronoun, "1994" no everyday word
    lower = [w.lower() for w in words]
    if all(w in STOPWORDS for w in lower):
        return 0.95, "a function word"
    content = [w for w in lower if w not in STOPWORDS]
    if len(content) == 1 and not words[-1][:1].isupper():
        word = content[0]
        zipf = _zipf(word)
        if zipf >= 4.8:
            return 0.7, "an everyday word"
        if word.endswith(_ADJECTIVE_ENDINGS) and zipf >= 3.5:
            return 0.5, "a modifier"
        if zipf >= 4.3:
            return 0.4, "a common word"
        unit = _unit(word)
        if len(text.units) >= 4 and text.doc_freq[unit] * 2 > len(text.units):
            return 0.4, "the text's topic word, which fits most of its gaps"
    lower_case = not any(w[:1].isupper() for w in words)
    if len(content) == 2 and lower_case and content[0] in GENERIC_MODIFIERS:
        return 0.4, "a vague phrase"  # "major obstacle", "key words"
    return 0.0, ""


def _check_generic(item: _Item) -> Iterator[Flaw]:
    if item.type in GAP_TYPES and item.keys:
        severity, why = _generic(item.keys[0], item.text)
        if severity:
            yield _flaw(
                "generic-key",
                f"The key {_quote(item.keys[0])} is {why}: test a concept of the text instead.",
                severity,
            )
    if item.type == "matching":
        worst = max(((_generic(k, item.text), k) for k in item.keys), default=((0.0, ""), ""))
        (severity, why), key = worst
        if severity >= 0.5:
            yield _flaw(
                "generic-key",
                f"The term {_quote(key)} is {why}: match concepts of the text instead.",
                severity * 0.7,
            )


_PAGE_MATTER_RE = re.compile(
    r"\b10\.\d{4,9}/\S+|\bdoi\b|https?://|\bwww\.|\S+@\S+\.\w+|\u00a9|\bcopyright\b|"
    r"all rights reserved|\bissn\b|\bisbn\b|\bvol\.\s*\d|\bpp\.\s*\d|\bjournal of\b|"
    r"\bcorresponding author\b",
    re.IGNORECASE,
)
_PAGE_LABELS = _set(
    "published received accepted revised abstract keywords cite download downloads pdf html "
    "metrics affiliation affiliations email e-mail copyright doi issn"
)


def _page_matter(text: str) -> bool:
    words = [w.lower() for w in _words(text)]
    if words and all(w in _PAGE_LABELS or w in STOPWORDS or w.isdigit() for w in words):
        return any(w in _PAGE_LABELS for w in words)
    return bool(_PAGE_MATTER_RE.search(text))


def _check_page_matter(item: _Item) -> Iterator[Flaw]:
    keys = item.keys[:1] if item.type in GAP_TYPES else item.keys
    if _page_matter(item.stem) or any(_page_matter(k) for k in keys):
        yield _flaw(
            "page-matter",
            "The item is about the page (journal, DOI, authors, labels), not the text: drop it.",
            0.9,
        )
    elif any(_page_matter(d) for d in item.distractors):
        bad = next(d for d in item.distractors if _page_matter(d))
        yield _flaw(
            "page-matter",
            f"The option {_quote(bad)} is page matter, not a term of the text: replace it.",
            0.6,
        )


def _check_citation_number(item: _Item) -> Iterator[Flaw]:
    if item.type not in (*GAP_TYPES, "numerical") or not item.keys:
        return
    key = item.keys[0].strip()
    if not re.fullmatch(r"\d{1,4}(?:[,\u2013-]\d{1,4})?", key):
        return
    marks = {m for s in item.text.sentences for m in _citation_marks(s)}
    pages = re.compile(r"\b(?:pp?|vol|no|volume|issue|pages?)\.?\s*" + re.escape(key) + r"\b", re.I)
    if key in marks or any(pages.search(s) for s in item.text.sentences):
        yield _flaw(
            "citation-number",
            f"The key {_quote(key)} is a reference, page or volume number, not a fact of "
            "the text: drop the item.",
            0.9,
        )


_PRESENTATION_RE = re.compile(
    r"order (?:in which|that) the text (?:presents|mentions|gives|lists|states)|order (?:in which"
    r" )?they appear",
    re.IGNORECASE,
)
_SEQUENCE_CUES = re.compile(
    r"\b(?:first|second|third|then|later|afterwards|subsequently|finally|followed|began|begin"
    r"|beginning|eventually|after|before|until|by the end|onwards?|from the|next|thereafter|"
    r"earlier|initially|in turn|1[5-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def _check_ordering(item: _Item) -> Iterator[Flaw]:
    if item.type != "ordering" or not item.keys:
        return
    every = range(len(item.text.sentences))
    places: list[tuple[int, int] | None] = []
    for key in item.keys:
        place = item.text.locate(_units(key), every)
        sentence, share = item.text.coverage(key, every)
        places.append(place or ((sentence, 0) if share >= 0.6 else None))
    if any(p is None for p in places):
        lost = item.keys[places.index(None)]
        yield _flaw(
            "key-not-in-source",
            f"The statement {_quote(lost)} is not something the text says: use its claims.",
            0.6,
        )
    cues = sum(1 for i in item.cited if _SEQUENCE_CUES.search(item.text.sentences[i]))
    if _PRESENTATION_RE.search(item.prompt):
        found = [p for p in places if p is not None]
        if found != sorted(found):
            yield _flaw(
                "key-not-in-source",
                "The keyed order is not the order of the text: re-key it.",
                0.9,
            )
        if cues < 2:
            yield _flaw(
                "presentation-order",
                "The item asks only where statements stand in the text: ask for an order "
                "the text fixes (steps or events with sequence words or dates).",
                0.3,
            )
    elif cues < 2:
        yield _flaw(
            "ordering-unfixed",
            "The text does not fix this order (no sequence words or dates in the cited "
            "sentences): choose statements whose order it states.",
            0.6,
        )


# --- grounded ----------------------------------------------------------------------------


def _grounding(key: str, item: _Item) -> float:
    """0 when the key is in the cited sentences, else how sure we are it is not grounded."""
    units = _units(key)
    if not units:
        return 0.0
    text = item.text
    if set(text.mentions(units)) & set(item.cited):
        return 0.0
    roots = _roots(units)
    if len(units) > 4 and roots:
        cited_roots = set().union(*(text.roots[i] for i in item.cited))
        covered = len(roots & cited_roots) / len(roots)
        return 0.0 if covered >= 0.7 else 0.4 if covered >= 0.5 else 0.8
    if text.mentions(units):
        return 0.4
    return 0.9


def _check_grounded(item: _Item) -> Iterator[Flaw]:
    if item.type in ("cloze", "short_answer"):
        severity = min((_grounding(k, item) for k in item.keys), default=0.0)
        keys = item.keys[:1]
    elif item.type in CHOICE_TYPES or item.type == "matching":
        keys = [k for k in item.keys if _grounding(k, item)]
        severity = max((_grounding(k, item) for k in keys), default=0.0)
    else:
        return
    if severity:
        where = "anywhere in the text" if severity >= 0.8 else "in the sentences it cites"
        yield _flaw(
            "key-not-in-source",
            f"The key {_quote(keys[0])} is not {where}: key what the text says.",
            severity,
        )


# --- true/false ------------------------------------------------------------------------

#: Words a statement may drop or add without changing what it claims.
_IGNORABLE = _set(
    "the a an also thus however therefore moreover furthermore accordingly hence then so"
)
_RANGE_RES = (
    re.compile(r"\bbetween\s+(\d{4})s?\s+and\s+(\d{2,4})s?\b", re.I),
    re.compile(r"\bfrom\s+(\d{4})s?\s+(?:to|until|till)\s+(\d{2,4})s?\b", re.I),
    re.compile(r"\b(\d{4})\s*[\u2013\u2014~/-]\s*(\d{2,4})\b"),
)


def _bad_range(statement: str) -> str:
    for pattern in _RANGE_RES:
        for match in pattern.finditer(statement):
            start, end = match.group(1), match.group(2)
            if len(end) == 2:
                end = start[:2] + end
            if int(end) <= int(start):
                return match.group()
    return ""


def _check_ranges(item: _Item) -> Iterator[Flaw]:
    for statement in [item.stem, *item.options]:
        bad = _bad_range(statement)
        if bad:
            yield _flaw(
                "same-year-range",
                f"The range {_quote(bad)} ends where it starts or before: no reader needs the "
                "text to reject it; move one end to a plausible date.",
                0.9,
            )
            return


@dataclass(frozen=True)
class _Diff:
    sentence: int
    added: list[str]  # words of the statement the source lacks (units)
    removed: list[str]  # words of the source the statement lacks, inside its span
    swaps: list[tuple[str, str]]  # (original words, statement words), surface forms


def _diff(statement: str, item: _Item) -> _Diff | None:
    """How the statement differs from the cited sentence it is closest to."""
    units = list(_units(statement))
    if not units or not item.cited:
        return None  # nothing to compare with: a text without sentences
    text = item.text
    best = max(item.cited, key=lambda i: len(set(units) & set(text.units[i])))
    source = list(text.units[best])
    surface_a = _words(statement)
    surface_b = [w for w, _, _ in text.spans[best]]
    added: list[str] = []
    removed: list[str] = []
    swaps: list[tuple[str, str]] = []
    codes = SequenceMatcher(None, units, source, autojunk=False).get_opcodes()
    inner = [c for c in codes if c[0] != "equal"]
    for tag, a1, a2, b1, b2 in inner:
        at_edge = a1 == a2 and (a1 == 0 or a1 == len(units))
        if tag == "delete" or tag == "replace":
            added.extend(units[a1:a2])
        if (tag == "insert" or tag == "replace") and not at_edge:
            removed.extend(source[b1:b2])
        if tag == "replace":
            swaps.append((" ".join(surface_b[b1:b2]), " ".join(surface_a[a1:a2])))
    return _Diff(best, added, removed, swaps)


def _check_true_false(item: _Item) -> Iterator[Flaw]:
    if item.type != "true_false":
        return
    diff = _diff(item.stem, item)
    if diff is None:
        return
    added = [u for u in diff.added if u not in _IGNORABLE]
    removed = [u for u in diff.removed if u not in _IGNORABLE]
    negation_added = [u for u in added if u in _NEGATIONS]
    if item.answer is True:
        content = _content(added)
        if negation_added:
            yield _flaw(
                "true-not-in-source",
                "The statement keyed True negates what the text says: re-key it or drop "
                "the negation.",
                0.9,
            )
        elif content:
            share = len(content) / max(1, len(_content(_units(item.stem))))
            yield _flaw(
                "true-not-in-source",
                f"The statement keyed True says {_quote(' '.join(sorted(content)))}, which the "
                "cited sentence does not: quote or paraphrase only what it says.",
                0.8 if share > 0.2 else 0.5,
            )
        return
    if not added and not removed:
        yield _flaw(
            "false-matches-source",
            "The statement keyed False says what the text says: it is true.",
            0.9,
        )
        return
    if negation_added and not [u for u in added if u not in _NEGATIONS]:
        yield _flaw(
            "negation-false",
            "The false statement is the text's sentence with a negation added, which a reader "
            "spots without the text: change a term or a role instead.",
            0.9,
        )
    for original, swapped in diff.swaps:
        if not _content(_units(original)) or not _content(_units(swapped)):
            continue
        link = _coreference(original, swapped, item)
        if link:
            severity, why = link
            yield _flaw(
                "coreferent-distractor",
                f"The false statement swaps {_quote(original)} for {_quote(swapped)}, but "
                f"{why}: the statement may be true.",
                severity,
            )
        clash = _kind_clash(original, [swapped], item)
        if clash:
            yield _flaw(
                "kind-mismatch",
                f"The false statement puts {_quote(swapped)} ({clash[1][0][1]}) where the "
                f"text has {_quote(original)} ({clash[0]}): swap in a term of the same kind.",
                clash[2] * 0.8,
            )


# --- unambiguous: co-reference --------------------------------------------------------------

_ELABORATION_RE = re.compile(
    r"^\W*(?:above all|in particular|particularly|specifically|namely|for example|for instance"
    r"|that is|in other words|chief among|most importantly|first of all|e\.g\.|i\.e\.)\b",
    re.IGNORECASE,
)
_GLOSS_GAP_RE = re.compile(
    r"^\s*(?:\(|,?\s*(?:i\.e\.|(?:ie|that is|namely|also (?:called|known as)|known as|called|"
    r"so-called)\b),?)\s*(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


def _alias_groups(aliases: dict[str, list[str]]) -> dict[tuple[str, ...], int]:
    groups: dict[tuple[str, ...], int] = {}
    for n, (term, forms) in enumerate(aliases.items()):
        for form in [term, *forms]:
            groups.setdefault(_units(form), n)
    return groups


_LINK_WORDS = _set("of and the for in on a an to")


def _acronym_pair(a: str, b: str) -> bool:
    """One is the other's acronym: "FFYP" / "First Five-Year Plan"."""
    for short, long in ((a, b), (b, a)):
        if len(_words(short)) == 1 and is_acronym(short):
            letters = "".join(c for c in short if c.isupper()).lower()
            pieces = [p for w in _words(long) for p in w.split("-") if p]
            initials = "".join(p[0].lower() for p in pieces if p.lower() not in _LINK_WORDS)
            if letters and initials == letters:
                return True
    return False


def _coreference(a: str, b: str, item: _Item) -> tuple[float, str] | None:
    """(severity, reason) when the text treats ``a`` and ``b`` as the same thing."""
    ua, ub = _units(a), _units(b)
    if not ua or not ub or ua == ub:
        return None
    groups = _alias_groups(item.aliases) if item.aliases else {}
    if ua in groups and groups.get(ua) == groups.get(ub):
        return 0.9, "the text uses both for the same thing"
    if _acronym_pair(a, b):
        return 0.9, "one is the other's abbreviation"
    if derivational_variant(a, b):
        return 0.8, "both name the same people or doctrine"
    text = item.text
    ma, mb = text.mentions(ua), text.mentions(ub)
    for i in sorted(set(ma) & set(mb)):
        if _apposition(text, i, ua, ub) or _apposition(text, i, ub, ua):
            return 0.7, "the text glosses one with the other"
    for name, second, m_first, m_second in ((b, ub, ma, mb), (a, ua, mb, ma)):
        if _back_reference(text, second, m_second, m_first):
            return 0.5, f"the text refers back to the one as “this {name}”"
        if _elaborates(text, second, m_second, m_first):
            return 0.5, "the text presents one as part or instance of the other"
    return None


def _apposition(text: _Text, i: int, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    units = text.units[i]
    spans = text.spans[i]
    raw = text.sentences[i].replace("\u2019", "'")
    for start in range(len(units) - len(first) + 1):
        if units[start : start + len(first)] != first:
            continue
        end = start + len(first)
        for gap_words in range(0, 4):
            begin = end + gap_words
            if units[begin : begin + len(second)] == second and begin < len(spans):
                gap = raw[spans[end - 1][2] : spans[begin][1]]
                if _GLOSS_GAP_RE.match(gap):
                    return True
    return False


#: "that" and "those" are left out: too often a conjunction or a pronoun ("and that X are").
_DEMONSTRATIVE_UNITS = frozenset(_unit(w) for w in ("this", "these", "such"))


def _back_reference(
    text: _Text, term: tuple[str, ...], mentions: list[int], others: list[int]
) -> bool:
    """``term`` first appears as "this/these/such [adj] term" right after ``others``."""
    if not mentions:
        return False
    first = mentions[0]
    if first - 1 not in others:
        return False
    located = text.locate(term, [first])
    if not located:
        return False
    _, start = located
    before = text.units[first][max(0, start - 2) : start]
    if before and before[-1] in _DEMONSTRATIVE_UNITS:
        return True  # "this purge"
    # "this extensive purge", but not "this process assimilation": the word between must
    # read as a modifier
    modifier = len(before) == 2 and (
        before[1].endswith((*_ADJECTIVE_ENDINGS, "ed", "ing")) or before[1] in GENERIC_MODIFIERS
    )
    return modifier and before[0] in _DEMONSTRATIVE_UNITS


def _elaborates(text: _Text, term: tuple[str, ...], mentions: list[int], others: list[int]) -> bool:
    """``term``'s run of sentences opens with "Above all", "In particular"... right after
    a sentence mentioning the other term: the text gives it as part of the other."""
    if not mentions:
        return False
    rare = {u for u in term if text.rare(u)}
    start = mentions[0]
    while start > 0 and rare & set(text.units[start - 1]) and start - 1 not in others:
        start -= 1
    return start - 1 in others and bool(_ELABORATION_RE.match(text.sentences[start]))


def _check_coreferent_options(item: _Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES and item.type != "matching":
        return
    keys, wrong = item.keys, item.distractors
    if item.type == "matching":
        pairs = [(a, b) for n, a in enumerate(keys) for b in keys[n + 1 :]]
    else:
        pairs = [(k, d) for k in keys for d in wrong]
    for a, b in pairs:
        if len(_words(a)) > 6 or len(_words(b)) > 6:
            continue
        link = _coreference(a, b, item)
        if link and item.type == "matching" and link[0] < 0.7:
            continue  # each term has its own passage: only a sure link makes two answers
        if link:
            severity, why = link
            yield _flaw(
                "coreferent-distractor",
                f"{_quote(b)} and {_quote(a)} are both options, but {why}: "
                "replace one with a distinct term.",
                severity,
            )
            return


def _check_multiple_keys(item: _Item) -> Iterator[Flaw]:
    if item.type == "single_choice" and _BLANK_RE.search(item.stem):
        match = _BLANK_RE.search(item.stem)
        assert match is not None
        left = _units(item.stem[: match.start()])[-2:]
        right = _units(item.stem[match.end() :])[:2]
        for option in item.distractors:
            phrase = (*left, *_units(option), *right)
            if len(left) + len(right) >= 3 and item.text.mentions(phrase):
                yield _flaw(
                    "multiple-keys",
                    f"The text also says the gap's words with {_quote(option)}: both "
                    "options are defensible.",
                    0.8,
                )
                return
    if item.type == "multiple_response":
        listed = [
            d for d in item.distractors if set(item.text.mentions(_units(d))) & set(item.cited)
        ]
        if listed:
            yield _flaw(
                "multiple-keys",
                f"The wrong option {_quote(listed[0])} is in the cited sentence too: a reader "
                "can defend choosing it.",
                0.5,
            )


# --- fair distractors --------------------------------------------------------------------


def _kind_clash(
    key: str, others: list[str], item: _Item
) -> tuple[Kind, list[tuple[str, Kind]], float] | None:
    """(key kind, [(option, kind)], severity) for options of another kind than the key."""
    sentences = list(item.text.sentences)
    key_kind = term_kind(key, sentences)
    clashes = []
    worst = 0.0
    for other in others:
        kind = term_kind(other, sentences)
        clash = compatible(key_kind, kind)
        if clash >= 0.5:
            clashes.append((other, kind))
            worst = max(worst, clash)
    if not clashes:
        return None
    # most distractors of another kind: a likely failure; one odd one out: a weaker signal
    share = len(clashes) / len(others)
    severity = 0.6 * worst if share >= 0.5 else 0.35 * worst
    return key_kind, clashes, severity + (0.1 if share == 1 and len(others) > 1 else 0.0)


def _is_term(option: str) -> bool:
    """A noun phrase, not a clause: short, with no auxiliary and no clear finite verb."""
    words = [w.lower() for w in _words(option)]
    if not 0 < len(words) <= 6 or set(words) & _FINITE_AUX:
        return False
    return len(words) < 4 or not any(_finite_at(words, i) for i in range(len(words)))


def _check_kinds(item: _Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or not item.distractors:
        return
    if not all(_is_term(o) for o in item.options):
        return  # clauses: their kind is their relation to the stem, not a head noun
    sentences = list(item.text.sentences)
    key_kinds = {term_kind(k, sentences) for k in item.keys}
    results = [_kind_clash(k, item.distractors, item) for k in item.keys]
    found = [r for r in results if r]
    if len(found) < len(results) or not found:
        return  # a distractor shares the kind of some key
    key_kind, clashes, severity = max(found, key=lambda r: r[2])
    if any(kind in key_kinds for _, kind in clashes):
        return
    named = "; ".join(f"{_quote(o)} is a {kind}" for o, kind in clashes[:3])
    yield _flaw(
        "kind-mismatch",
        f"The key is a {key_kind} but {named}: use distractors of the key's kind.",
        severity,
    )


def _root_units(units: Iterable[str]) -> set[str]:
    """Rare words cut to six letters: "cadastre" and "cadastral" share a root, while
    everyday words keep theirs ("product" is not "productivity")."""
    return {u[:6] if len(u) >= 7 and _zipf(u) < 4.0 else u for u in _content(units)}


def _duplication(a: str, b: str, context: set[str]) -> tuple[float, str]:
    """How alike two options are, ignoring words the stem gives both (``context``)."""
    ua, ub = _units(a), _units(b)
    if ua == ub:
        return 0.9, "are the same"
    ca, cb = _content(ua), _content(ub)
    if ca and cb and (ca <= cb or cb <= ca):
        return 0.6, "one contains the other"
    ca, cb = ca - context, cb - context
    if len(ca & cb) >= 2 and len(ca ^ cb) <= 2:
        return 0.4, "share most words"
    ra, rb = _root_units(ua), _root_units(ub)
    if ra and rb and (ra <= rb or rb <= ra):
        return 0.3, "share a root"
    matcher = SequenceMatcher(None, " ".join(ua), " ".join(ub))
    # the cheap upper bounds first: most pairs are far apart
    bounds = matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85
    if bounds and matcher.ratio() >= 0.85:
        return 0.3, "are spelled almost alike"
    return 0.0, ""


def _check_near_duplicates(item: _Item) -> Iterator[Flaw]:
    if item.type in CHOICE_TYPES:
        options = item.options
    elif item.type == "matching":
        options = item.keys
    else:
        return
    worst = (0.0, "", "", "")
    context = _content(_units(item.stem)) if item.type in CHOICE_TYPES else set()
    for n, a in enumerate(options):
        for b in options[n + 1 :]:
            severity, why = _duplication(a, b, context)
            if severity > worst[0]:
                worst = (severity, why, a, b)
    severity, why, a, b = worst
    if severity:
        yield _flaw(
            "near-duplicate-options",
            f"The options {_quote(a)} and {_quote(b)} {why}: make every option distinct.",
            severity,
        )


def _check_length(item: _Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or not item.distractors:
        return
    longest_wrong = max(len(_words(d)) for d in item.distractors)
    shortest_key = min(len(_words(k)) for k in item.keys)
    if shortest_key >= 1.5 * longest_wrong and shortest_key - longest_wrong >= 2:
        yield _flaw(
            "longest-option",
            "The key is much longer than every distractor, which gives it away: balance the "
            "lengths.",
            0.4,
        )


def _check_option_count(item: _Item) -> Iterator[Flaw]:
    n = len(item.distractors)
    if item.type == "single_choice" and n < 3:
        yield _flaw(
            "few-distractors",
            f"Only {n} distractor(s): add plausible ones up to three.",
            {0: 0.9, 1: 0.7}.get(n, 0.4),
        )
    elif item.type == "multiple_response" and n < 2:
        yield _flaw(
            "few-distractors",
            f"Only {n} wrong option(s): add some, so that selecting everything does not pass.",
            0.8 if n == 0 else 0.3,
        )
    elif item.type == "matching" and len(item.pairs) < 3:
        yield _flaw("few-distractors", "Fewer than three pairs: add pairs.", 0.3)


_CHECKS = (
    _check_dangling,
    _check_fragments,
    _check_grammar,
    _check_citation_marks,
    _check_framing,
    _check_generic,
    _check_page_matter,
    _check_citation_number,
    _check_ordering,
    _check_grounded,
    _check_ranges,
    _check_true_false,
    _check_coreferent_options,
    _check_multiple_keys,
    _check_kinds,
    _check_near_duplicates,
    _check_length,
    _check_option_count,
)
