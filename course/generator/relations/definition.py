"""Definition: a term and what the text says it is ("X is a Y", "is defined as",
"is known as", an appositive "NEP, a policy ...", an acronym in brackets).

Left is the term, right the meaning; predicates that evaluate ("is a
priority") rather than define are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .clauses import _Sentence
from .sides import _Found, _found
from .words import (
    _AUX,
    _BE,
    _DETERMINERS,
    _FUNCTION_WORDS,
    _INTRO_WORDS,
    _MODALS,
    _SUBJECT_PRONOUNS,
    _WORD_RE,
    _first_word,
    _is_adverb,
    _words,
    has_finite,
)

#: Predicate nouns that evaluate rather than define: "X is a priority".
_EVALUATIVE_NOUNS = _words(
    """
    priority priorities problem problems challenge challenges concern concerns need needs
    issue issues question matter result results consequence reason way lot number part
    function success failure must necessity key step factor
    """
)

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
            and not has_finite(term)
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
        if len(_WORD_RE.findall(subject)) > 6 or has_finite(subject):
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
