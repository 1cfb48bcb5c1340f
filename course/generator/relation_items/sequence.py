"""Ordering items: events the text dates, and steps it numbers ("First, ...
Second, ...").

Each option is a whole clause with its subject and verb, the text's own words
with the date cut off; the text's dates or step words fix the order, and
overlapping dates (the same year twice, a decade around a year) are left out
because the text then does not fix it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..checks import contains_phrase, near_duplicate
from ..model import DraftQuestion
from ..questions import shuffled
from ..relations import subject_of
from .phrases import body, framing_sentence
from .text import Text
from .words import LEADING_TIME_RE, YEAR, has_pronoun, leans_back, tidy, word_set, words_of

_TIME_PHRASE_RE = re.compile(
    rf"\s*,?\s*\b(?:in|from|since|by|during|until|at the (?:end|beginning|start) of|"
    rf"in the (?:late|early|mid)(?:-|\s)?)\s+(?:the\s+)?(?:(?:early|late|mid)(?:-|\s))?"
    rf"(?P<year>{YEAR})(?P<decade>s)?\b(?!\s+[a-z])"
)
_STEP_LEMMAS = word_set("second third fourth then next subsequently afterwards later")
_FINDING_RE = re.compile(
    r"\b(?:found|find|finds|showed|shows|shown|indicated|revealed|suggested|demonstrated|"
    r"summari[sz]ed|concluded)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Event:
    text: str
    start: int
    end: int
    sentence: int


def _events(t: Text) -> list[_Event]:
    """Clauses with a subject, a finite verb and exactly one time phrase, which
    opens or ends them and is cut off ("The party was founded in 1921" -> "The
    party was founded", dated 1921); what is left must be a span of the sentence."""
    events = []
    for i, sentence in enumerate(t.sentences):
        if framing_sentence(sentence):
            continue
        for clause in re.split(r";\s+|,\s+but\s+|,\s+whereas\s+", body(sentence)):
            lead = LEADING_TIME_RE.match(clause)
            clause = clause[lead.end() :] if lead else clause
            subject = subject_of(clause)
            if not subject or not t.subject(subject, i) or leans_back(subject):
                continue
            rest = clause[clause.find(subject) + len(subject) :]
            for predicate in _split_predicates(rest):
                times = list(_TIME_PHRASE_RE.finditer(predicate))
                years = len(re.findall(YEAR, predicate))
                if lead and not years:
                    time, text = lead, tidy(predicate)
                elif not lead and len(times) == 1 and years == 1:
                    time = times[0]
                    text = tidy(predicate[: time.start()] + predicate[time.end() :])
                else:
                    continue
                year = int(time["year"])
                end = year + 9 if time["decade"] else year
                if not 1 <= len(words_of(text)) <= 16:
                    continue
                event = tidy(f"{subject[:1].upper()}{subject[1:]} {text}")
                if contains_phrase(sentence, event):  # the text's own words, dates cut off
                    events.append(_Event(event, year, end, i))
    return events


def _split_predicates(rest: str) -> list[str]:
    """ "grew, and achieved X in 1987, and peaked in 1989" -> its coordinated predicates."""
    pieces = re.split(r",?\s+and\s+(?=(?:\w+ly\s+)?\w+ed\b)", rest.strip())
    return [p.strip().strip(",") for p in pieces if p.strip()]


def _ordering(t: Text, prompt: str, answer: list[str], where: list[int]) -> DraftQuestion:
    return DraftQuestion(
        type="ordering",
        prompt=prompt,
        options=shuffled(answer, salt=prompt + "".join(answer)),
        answer=answer,
        concepts=t.concepts_in(*answer),
        sentences=sorted(set(where)),
        explanation=t.explanation(where),
    )


def sequence_items(t: Text) -> Iterable[DraftQuestion]:
    """Put three or four dated events in order, when their dates do not overlap."""
    chosen: list[_Event] = []
    for event in sorted(_events(t), key=lambda e: (e.start, e.end)):
        if chosen and event.start <= chosen[-1].end:
            continue  # same or overlapping time: the text does not fix the order
        if any(near_duplicate(event.text, c.text) for c in chosen):
            continue
        chosen.append(event)
    if len(chosen) >= 3:
        chosen = chosen[:4]
        yield _ordering(
            t,
            "Put these events in the order in which the text dates them, earliest first.",
            [e.text for e in chosen],
            [e.sentence for e in chosen],
        )


def step_items(t: Text) -> Iterable[DraftQuestion]:
    """Steps the text orders in so many words ("First, ... Second, ... Then, ..."),
    three or four of them in a row, each a whole clause; findings listed as
    "first, second" are a list, not a sequence, and are left out."""
    links = {
        r.sentence: r
        for r in t.relations
        if r.kind == "sequence" and r.previous and r.lemma in _STEP_LEMMAS
    }
    run: list[tuple[int, str]] = []
    for i in range(len(t.sentences)):
        r = links.get(i)
        if r is None:
            if run and re.match(r"(?:Finally|Lastly),\s", t.sentences[i]):
                run.append((i, t.sentences[i]))
            yield from _steps(t, run)
            run = []
            continue
        if not run:
            run = [(i - 1, r.left)]
        run.append((i, r.right))
    yield from _steps(t, run)


def _steps(t: Text, run: list[tuple[int, str]]) -> Iterable[DraftQuestion]:
    steps = []
    for i, text in run[:4]:
        text = tidy(body(text))
        subject = subject_of(text)
        if not subject or not t.subject(subject, i) or _FINDING_RE.search(text):
            return
        if not 4 <= len(words_of(text)) <= 20 or has_pronoun(text):
            return
        steps.append((i, text[:1].upper() + text[1:]))
    if len(steps) >= 3:
        yield _ordering(
            t,
            "Put these steps in the order in which the text says they happened.",
            [s for _, s in steps],
            [i for i, _ in steps],
        )
