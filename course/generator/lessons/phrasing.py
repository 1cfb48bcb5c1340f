"""Pieces of the text made fit to quote inside a learning objective.

An objective quotes the text's own noun phrases and clauses: they are cut back
to a concept or a head noun, lower-cased unless the text writes them as names,
and given "the" when the text does ("the personnel purge" but "NEP").
"""

from __future__ import annotations

import re

from ..concepts import RankedConcept
from ..relations import GENERIC_SUBJECTS, subject_of
from ..tokens import is_acronym
from .naming import _forms_pattern, _words

#: Longest noun phrase an objective names, in words.
_MAX_PHRASE_WORDS = 10
#: Sentence openers that are lower-case inside an objective.
_LOWER_OPENERS = _words(
    """
    the a an this these that those its their his her our some several many most much all
    each every both various such no one two three it there they we he she in on at by for
    from with as after before during since under over between among
    """
)
_DEMONSTRATIVE_RE = re.compile(r"^(?:this|these|that|those)\s+", re.IGNORECASE)


class _Text:
    """The sentences objectives quote from, with what their casing and articles need.

    Both are worked out once per text, so phrasing an objective costs the same
    however long the text is.
    """

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = sentences
        #: Words written with a capital inside a sentence: names, not sentence openers.
        self.names = frozenset(
            m.group() for s in sentences for m in re.finditer(r"(?<=[\w,;] )[A-Z][\w'-]*", s)
        )
        self._articles: dict[str, str] = {}

    def with_article(self, term: str) -> str:
        """ "the personnel purge" but "NEP": the article as the text uses it."""
        if term not in self._articles:
            pattern = re.escape(term)
            the = sum(
                len(re.findall(rf"\bthe\s+{pattern}\b", t, re.IGNORECASE)) for t in self.sentences
            )
            bare = sum(
                len(re.findall(rf"(?<!\w){pattern}\b", t, re.IGNORECASE)) for t in self.sentences
            )
            self._articles[term] = f"the {term}" if the and the * 2 >= bare else term
        return self._articles[term]


def _lower_start(phrase: str, text: _Text) -> str:
    """``phrase`` with its first word in lower case unless the text writes it as a name
    ("The unions" -> "the unions", "Consensus" -> "consensus"; "Italy", "NEP" stay)."""
    first, _, rest = phrase.partition(" ")
    if not first[:1].isupper() or is_acronym(first):
        return phrase
    lower = first.lower()
    # Capitalised inside a sentence, or followed by another capital: a name.
    if lower not in _LOWER_OPENERS and (rest[:1].isupper() or first in text.names):
        return phrase
    return f"{lower} {rest}" if rest else lower


#: Where a noun phrase's head ends: a bracket, a comma, a relative pronoun or a
#: preposition other than "of" (one before a capital may be inside a name).
_MODIFIER_RE = re.compile(
    r"\s*\(|,|\s(?:which|that|who|whose)\s|"
    r"\s(?:during|in|from|at|on|with|for|under|between|among|since|by|to|into|within)\s(?![A-Z])"
)


def _concept_at_start(body: str, concepts: list[RankedConcept]) -> tuple[str, RankedConcept | None]:
    """The longest concept form ``body`` opens with, extended over a coordination
    ("Socialist competition and the shock work movement")."""
    best, found = "", None
    for concept in concepts:
        match = re.match(rf"(?:{_forms_pattern(concept)})(?!\w)", body, re.IGNORECASE)
        if match and len(match.group()) > len(best):
            best, found = match.group(), concept
    if not found:
        return "", None
    for concept in concepts:
        pattern = rf"\s+and\s+(?:the\s+)?(?:{_forms_pattern(concept)})(?!\w)"
        match = re.match(pattern, body[len(best) :], re.IGNORECASE)
        if match and concept is not found:
            best += match.group()
            break
    # Not a concept if it is only the start of a longer name ("Promotion of Access
    # to Information Act").
    if re.match(r"\s+(?:(?:of|to|for|and|on)\s+)?[A-Z]", body[len(best) :]):
        return "", None
    return best, found


def _noun_phrase(phrase: str, concepts: list[RankedConcept], text: _Text) -> str:
    """A noun phrase short enough to name in an objective: the concept it opens with
    ("the reorganization of the unions" from "The reorganization of the unions during
    the First Five-Year Plan (1928~32)"), else the phrase up to its first modifier
    other than "of"; "" when still too long."""
    phrase = _DEMONSTRATIVE_RE.sub("the ", phrase.strip())
    article = re.match(r"(?:the|a|an|its|their)\s+", phrase, re.IGNORECASE)
    offset = article.end() if article else 0
    head, concept = _concept_at_start(phrase[offset:], concepts)
    if concept:
        if concept.term[:1].islower():
            head = head[:1].lower() + head[1:]
        phrase = phrase[:offset] + head
    else:
        cut = _MODIFIER_RE.search(phrase)
        phrase = phrase[: cut.start()] if cut else phrase
    if len(phrase.split()) > _MAX_PHRASE_WORDS:
        return ""
    return _lower_start(phrase.strip(), text)


def _clause(clause: str, text: _Text) -> str:
    """A clause to quote inside an objective: lower-case start, no final stop."""
    return _lower_start(clause.strip().rstrip("."), text)


def _cue_verb(cue: str) -> str:
    """The cue without the adverbs set into it ("also set out to" -> "set out to")."""
    words = [w for w in cue.split() if not (len(w) > 4 and w.endswith("ly")) and w != "also"]
    return " ".join(words)


def _generic_subject(left: str) -> str:
    """ "the authors" for "We", "the study" for "This study"; "" for a real subject."""
    words = left.lower().split()
    if words in (["we"], ["i"]):
        return "the authors"
    if (
        len(words) == 2
        and words[0] in ("this", "the", "our", "my")
        and words[1] in GENERIC_SUBJECTS
    ):
        return f"the {words[1]}"
    return ""


def _subject(clause: str, concepts: list[RankedConcept]) -> str:
    """The subject of ``clause``: the words before its verb, or else the concept it
    opens with (a verb in the present tense is not told from a noun)."""
    subject = subject_of(clause)
    if subject:
        return subject
    article = re.match(r"(?:the|a|an)\s+", clause, re.IGNORECASE)
    head, _ = _concept_at_start(clause[article.end() if article else 0 :], concepts)
    return head
