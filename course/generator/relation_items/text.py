"""One text as the item families see it: its sentences, relations and glossary,
the subjects a question may name, and the pools wrong options come from.

Built once per call of :func:`relation_items` and shared by every family, so
the relations are found once and each phrase pool is cut once, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..checks import near_duplicate, norm_text
from ..lexicon import STOPWORDS
from ..model import DraftConcept
from ..relations import text_relations
from ..tokens import singular
from .phrases import (
    RELATIONAL_VP_RE,
    TO_VERB_RE,
    framing,
    framing_sentence,
    infinitive,
    noun_phrases_of,
    option_ok,
    predicates,
    segment,
    verb_phrases_at,
)
from .stems import in_stem
from .words import (
    DEMONSTRATIVES,
    LEADING_TIME_RE,
    balanced,
    generic,
    has_pronoun,
    tidy,
    words_of,
)

_LEADING_PLACE_RE = re.compile(
    r"^(?:In|By|During|After|Before|From|Since|Until|On|At)\s+[^,]{1,40},\s+"
)


@dataclass(frozen=True)
class Phrase:
    """A phrase of the text that may serve as a wrong option."""

    text: str
    sentence: int
    rank: int  # lower is a closer match in form (a stated purpose before a verb phrase)
    segment: int = 0  # which ";"-separated part of the sentence it comes from
    owner: str = ""  # what the phrase is said of: the purpose's or predicate's subject


#: A participle phrase set off after the subject ("…, rated as somewhat important by …").
_APPOSED_PARTICIPLE_RE = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|ing)\b[^,]*,?\s*$")


class Text:
    """A text's sentences, glossary and the phrase pools wrong options come from."""

    def __init__(self, sentences: list[str], concepts: list[DraftConcept]) -> None:
        self.sentences = sentences
        self.concepts = concepts
        self.joined = " ".join(sentences)
        self.relations = text_relations(sentences)
        self._verbs: list[Phrase] | None = None
        self._nouns: list[Phrase] | None = None
        # Each concept's forms in comparison form (see checks.contains_phrase), by rank.
        self._forms = [
            (c.term, [f" {norm_text(f)} " for f in [c.term, *c.aliases] if norm_text(f)])
            for c in sorted(concepts, key=lambda c: c.rank)
        ]
        self._terms = [f for c in concepts for f in [c.term, *c.aliases] if f]
        self._same: dict[tuple[str, str], bool] = {}

    # Glossary -----------------------------------------------------------------------

    def _named(self, text: str) -> set[str]:
        """Terms of the concepts ``text`` names (a form, word-bounded, normalised)."""
        padded = f" {norm_text(text)} "
        return {term for term, forms in self._forms if any(f in padded for f in forms)}

    def concepts_in(self, *texts: str) -> list[str]:
        named = set().union(*(self._named(t) for t in texts))
        return [term for term, _ in self._forms if term in named]

    def same_concept(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` name one thing: near duplicates or one concept's forms."""
        key = (a, b)
        if key not in self._same:
            self._same[key] = near_duplicate(a, b) or bool(self._named(a) & self._named(b))
        return self._same[key]

    def in_stem(self, phrase: str) -> str:
        return in_stem(phrase, self.joined, self._terms)

    def quote(self, where: Iterable[int]) -> str:
        """The cited sentences, quoted, for an explanation."""
        return "\u201c" + " \u2026 ".join(self.sentences[i] for i in sorted(set(where))) + "\u201d"

    def explanation(self, where: Iterable[int], lead: str = "From the text:") -> str:
        return f"{lead} {self.quote(where)}"

    # Subjects -----------------------------------------------------------------------

    def subject(self, phrase: str, sentence: int) -> str:
        """``phrase`` as the subject of a question, or "" when it leans on context.

        "This/These N" becomes "the N" when the sentence before names N; other
        pronouns and framing subjects ("this study", "we") are refused.
        """
        phrase = LEADING_TIME_RE.sub("", tidy(phrase))
        phrase = _LEADING_PLACE_RE.sub("", phrase)
        # "X, rated as important by the teachers,": the subject is X
        phrase = _APPOSED_PARTICIPLE_RE.sub("", phrase)
        words = words_of(phrase)
        if not words or len(words) > 14 or not balanced(phrase):
            return ""
        first = words[0].lower()
        if first in ("a", "an") and len(words) > 1:
            phrase = "the" + phrase[len(words[0]) :]  # the one the sentence introduced
        elif first in DEMONSTRATIVES and len(words) > 1:
            head = singular(words[-1].lower())
            before = self.sentences[sentence - 1] if sentence else ""
            if head not in {singular(w.lower()) for w in words_of(before)}:
                return ""
            phrase = "the" + phrase[len(words[0]) :]
            words = words_of(phrase)
        if has_pronoun(phrase) or generic(phrase):
            return ""
        if not any(w.lower() not in STOPWORDS for w in words):
            return ""
        return self.in_stem(phrase)

    # Phrase pools -------------------------------------------------------------------

    def verb_phrases(self) -> list[Phrase]:
        """Base-form verb phrases of the text: stated purposes, infinitives, and the
        predicates of main clauses turned to the base form ("launched X" -> "launch X")."""
        if self._verbs is None:
            found: list[Phrase] = []
            for r in self.relations:
                if r.kind == "purpose" and r.right_form == "predicate" and not framing(r):
                    sentence = self.sentences[r.sentence]
                    part = segment(sentence, sentence.find(r.right))
                    found += [
                        Phrase(p, r.sentence, 0, part, r.left) for p in verb_phrases_at(r.right, 0)
                    ]
            for i, sentence in enumerate(self.sentences):
                if framing_sentence(sentence):
                    continue
                for match in TO_VERB_RE.finditer(sentence):
                    if infinitive(sentence, match):
                        part = segment(sentence, match.start())
                        owner = re.split(r";\s+", sentence[: match.start()])[-1]
                        found += [
                            Phrase(p, i, 1, part, owner)
                            for p in verb_phrases_at(sentence, match.start("verb"))
                        ]
                found += [Phrase(p, i, 2, part, owner) for p, part, owner in predicates(sentence)]
            self._verbs = unique(
                p for p in found if option_ok(p.text) and not RELATIONAL_VP_RE.match(p.text)
            )
        return self._verbs

    def noun_phrases(self) -> list[Phrase]:
        """Noun phrases opened by an article ("the replacement of the leadership")."""
        if self._nouns is None:
            found = [
                Phrase(p, i, 0, segment(s, pos))
                for i, s in enumerate(self.sentences)
                if not framing_sentence(s)
                for p, pos in noun_phrases_of(s)
            ]
            self._nouns = unique(p for p in found if option_ok(p.text, minimum=2))
        return self._nouns


def unique(phrases: Iterable[Phrase]) -> list[Phrase]:
    seen: set[str] = set()
    out = []
    for p in phrases:
        key = p.text.casefold()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
