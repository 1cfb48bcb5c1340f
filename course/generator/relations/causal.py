"""Cause and result: what brought something about, read from either end.

A cause relation holds the effect on the left and its cause on the right ("due
to", "was caused by", "Because X, Y"); a result relation holds the cause on the
left and the result on the right ("led to", "resulted in"). "This led to" takes
the previous sentence as the cause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .clauses import _Sentence
from .connectives import _previous_side
from .model import Form
from .sides import _Found, _found
from .words import (
    _ADVERBS,
    _AUX,
    _BE,
    _DETERMINERS,
    _HAVE,
    _PREPOSITIONS,
    _TIME_RE,
    _first_word,
    _last_word,
    _strip_adverbs,
    has_finite,
)

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
        left_form: Form = "clause" if has_finite(left) else "noun"
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
        because = re.compile(r"(?P<cue>Because|Since)\s+").match(s.text, offset)
        if not because:
            continue
        comma = s.text.find(", ", because.end())
        cause = s.text[because.end() : comma] if comma > 0 else ""
        main = s._skip_intro(comma + 2)
        effect = s.text[main : s.clause_end(main, phrase=False)] if comma > 0 else ""
        # "Since" is causal only with a clause and no time in it, and a main clause
        # that is not in the perfect ("Since 1994 ... have been taken" is temporal).
        temporal = because.group("cue") == "Since" and (
            _TIME_RE.search(cause)
            or not has_finite(cause)
            or re.search(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en)\b", effect)
        )
        if cause and not temporal:
            yield from _found(
                "cause", because.group("cue").lower(), because, effect, cause, ("clause", "clause")
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
    r"(?P<cause>caused|causes|causing|triggered|triggers)|"
    # an association a study reports: "X was associated with Y", "are linked to"
    rf"(?P<assoc>{_BE}{_ADVERBS}?(?:(?:positively|negatively|inversely|strongly|significantly|"
    r"independently)\s+)?(?:associated\s+with|linked\s+to)))\s+)(?P<next>[\w'-]+)",
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
        ("causing", "cause"),
        ("associated", "be associated with"),
        ("linked", "be linked to"),
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
        # ", causing Y" after a whole clause: the participle's subject is that clause
        participle = match.group("cue").split()[0].lower().endswith("ing")
        if (
            head == "which"
            or (not left.strip() and before.endswith(","))
            or (participle and before.endswith(",") and has_finite(left))
        ):
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
