"""The source text, analysed once per text, and the item in the shape the checks share;
clauses: a stand-in for a parser, good enough to spot fragments."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..lexicon import (
    AMBIGUOUS_VERB_BASES,
    DETERMINERS,
    IRREGULAR_VERB_FORMS,
    OBJECT_STARTERS,
    PREPOSITIONS,
    STOPWORDS,
    VERB_BASES,
)
from .model import word_set
from .words import BLANK_RE, roots_of, spans_of, unit_of, units_of, words_of

# --- the text, analysed once ------------------------------------------------------------


class Text:
    """The source sentences with what every check needs, built once per text."""

    def __init__(self, sentences: tuple[str, ...]) -> None:
        self.sentences = sentences
        self.spans = [spans_of(s.replace("\u2019", "'")) for s in sentences]
        self.units = [tuple(unit_of(w) for w, _, _ in spans) for spans in self.spans]
        self.joined = [" " + " ".join(units) + " " for units in self.units]
        self.doc_freq: Counter[str] = Counter()
        for units in self.units:
            self.doc_freq.update(set(units))
        self.roots = [roots_of(units) for units in self.units]
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
        roots = roots_of(units_of(statement))
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
def text_of(sentences: tuple[str, ...]) -> Text:
    return Text(sentences)


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
class Item:
    type: str
    prompt: str
    stem: str  # the statement or question the learner reads, without the instruction
    options: list[str]
    keys: list[str]  # accepted answers, keyed options, ordered items or matched terms
    distractors: list[str]
    text: Text
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
        text: Text,
        cited: list[int],
        aliases: dict[str, list[str]],
    ) -> Item:
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
        if self.keys and BLANK_RE.search(self.stem):
            return BLANK_RE.sub(lambda _: self.keys[0], self.stem, count=1)
        return self.stem

    @property
    def is_question(self) -> bool:
        return self.stem.rstrip().endswith("?") and not BLANK_RE.search(self.stem)


def _stem(prompt: str) -> str:
    match = _INSTRUCTION_RE.match(prompt)
    rest = prompt[match.end() :].strip() if match else ""
    if not rest:
        return prompt.strip()
    quoted = _QUOTED_RE.fullmatch(rest)
    return quoted.group(1).strip() if quoted else rest


# --- clauses: a stand-in for a parser, good enough to spot fragments -----------------------

_SUBORDINATORS = word_set(
    "if as while although though when whenever because since unless until whereas once"
)
_RELATIVES = word_set("which who whom whose that where")
FINITE_AUX = word_set(
    "is are was were am has have had do does did can could may might must shall should will "
    "would cannot"
)
_PAST_FORMS = frozenset(
    w for w in IRREGULAR_VERB_FORMS if not w.endswith(("en", "wn", "ne"))
) | word_set("set put cut let")
VERBS = VERB_BASES | AMBIGUOUS_VERB_BASES
_AUX_BEFORE_PARTICIPLE = word_set("be been being is are was were has have had")
_SUBJECT_PRONOUNS = word_set("i we you they he she it who")
#: Words a clause cannot end with: articles, prepositions, conjunctions, auxiliaries.
NO_END = (
    word_set(
        "the a an of in on at by for with to from into between among through via during "
        "toward towards about against under without and or but nor because although while "
        "whereas if than as which who whose its their his our my your is are was were be "
        "been being has have will would can could should may might must shall not very "
        "such these those"
    )
    | DETERMINERS
) - frozenset({"this", "that", "her", "it"})


def finite_at(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` (lower case) reads as the finite verb of a clause."""
    word = words[i]
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if prev == "to" or prev in _RELATIVES:
        return False  # an infinitive, or the verb of a relative clause
    if word in FINITE_AUX:
        return True
    if prev in _AUX_BEFORE_PARTICIPLE:
        return False  # "should be reported": the auxiliary decides, and was read already
    if prev in _SUBJECT_PRONOUNS and word in VERBS:
        return True  # "how we study"
    if word in _PAST_FORMS:
        return prev not in DETERMINERS
    if word.endswith("ed") and len(word) > 4:
        return bool(prev) and prev not in DETERMINERS and prev not in PREPOSITIONS and nxt != "by"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is", "'s")):
        bases = {word[:-1], word[:-2], word[:-3] + "y"}
        return bool(prev) and prev not in DETERMINERS and bool(bases & VERBS)
    if word in VERBS and prev not in STOPWORDS and nxt in ("a", "an", "the"):
        return True  # "those who joined the Party form a group"
    plural_subject = prev.endswith("s") and prev not in STOPWORDS and not prev.endswith("ss")
    if plural_subject and word not in STOPWORDS and nxt in OBJECT_STARTERS:
        return not word.endswith(("ly", "s"))  # "linguists call this process"
    if plural_subject and nxt and nxt not in STOPWORDS and word.endswith(_VERB_SUFFIXES):
        return True  # "vertical effects dominate horizontal …": a verb by its ending
    return word in VERB_BASES and prev.endswith("s") and prev not in STOPWORDS


#: Endings of verbs made from other words ("dominate", "stabilize", "amplify", "weaken").
_VERB_SUFFIXES = ("ate", "ize", "ise", "ify")


def _verb_form(word: str) -> bool:
    """A verb's base, -s or -ed form, by the verb lists."""
    forms = {word, word[:-1], word[:-2], word[:-3] + "y", word[:-1] + "e"}
    return word in _PAST_FORMS or bool(forms & VERBS)


def has_main_clause(statement: str) -> bool:
    """A subject and a finite verb outside any subordinate or relative clause."""
    subject_waiting = False  # a verbless main segment before: "The results of X, while Y,"
    for n, segment in enumerate(re.split(r"[,;:()\u2014\u2013]|\s-\s", statement)):
        words = [w.lower() for w in words_of(segment)]
        if not words:
            continue
        first = words[0]
        preposition = len(words) > 1 and words[1][:1].isdigit()  # "since 1997", "after 2014"
        subordinate = first in _SUBORDINATORS and not preposition
        if subordinate or words[:2] == ["just", "as"] or words[:2] == ["so", "that"]:
            continue
        if n and first in _RELATIVES:
            continue
        if any(finite_at(words, i) for i in range(len(words))):
            return True
        if subject_waiting and _verb_form(first):
            return True  # "..., provide suggestive information", "Act, (1997) makes"
        subject_waiting = subject_waiting or first not in PREPOSITIONS
    return False


def open_clause_without_verb(statement: str) -> bool:
    """Ends in "how the internal": a wh- or because-clause cut before its verb."""
    words = [w.lower() for w in words_of(statement)]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in ("how", "whether", "why", "because", "although", "whereas"):
            rest = words[i + 1 :]
            return bool(rest) and not any(finite_at(rest, j) for j in range(len(rest)))
    return False
