"""Wrong options: which phrases of the text may stand beside a key.

A wrong option must be of the key's form and kind, come from elsewhere in the
text, and be something the text says of another thing: never the question's
subject, a co-referent of the key, or a sibling the key's own context may
include. When fewer than the needed options survive, the family makes no
choice item (and :mod:`statements` may make a true/false pair instead).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..checks import distinct_options, option_kind
from .phrases import segment
from .text import Phrase, Text
from .words import (
    KNOWN_VERBS,
    content_units,
    eventive,
    mentions_head,
    named_thing,
    words_of,
)


def pick(
    t: Text,
    key: str,
    pool: list[Phrase],
    *,
    at: tuple[int, str],
    subject: str,
    avoid: Iterable[str] = (),
    n: int = 3,
    context: bool = False,
    stem: str = "",
) -> list[str]:
    """Up to ``n`` wrong options for ``key`` from ``pool``, nearest in form and length.

    ``at`` is the key's sentence and a text of its clause: nothing is taken from
    that part of that sentence (from none of it when the clause is ""). A phrase
    is refused if it is of another kind than the key (``checks.option_kind``),
    names ``subject`` or anything in ``avoid``, has its head noun named in
    ``stem``, or shares half its content words with the key. Outside the key's
    own sentence it is also refused when said of something with the subject's
    head noun ("data mining techniques" when asking about "summarization
    techniques": perhaps the same thing) or of something the key's sentence
    names (what "the party" set out to do, when the key subordinates the unions
    to the party, may be the same undertaking seen from the party's side).
    Inside the key's sentence such phrases are siblings of an enumeration, the
    fairest distractors there are. ``context`` also refuses the sentences either
    side of the key's: what sets up or follows from a stated cause or result is
    too often part of it.
    """
    sentence, clause = at
    text = t.sentences[sentence]
    key_segment = segment(text, text.find(clause))
    size = len(words_of(key))
    article = words_of(key)[0].lower() if key else ""
    key_units = content_units(key)
    kind = option_kind(key)
    nouns = words_of(key)[0].lower() not in KNOWN_VERBS
    of_phrase = " of " in key
    ordered = sorted(
        pool,
        key=lambda p: (
            p.rank,
            (words_of(p.text)[0].lower() in ("a", "an")) != (article in ("a", "an")),
            (" of " in p.text) != of_phrase,
            nouns and eventive(p.text) != eventive(key),
            # The sentence next to the key's is its context: a phrase there is
            # the likeliest to be part of the answer after all.
            abs(p.sentence - sentence) <= 1,
            abs(len(words_of(p.text)) - size),
            p.sentence,
        ),
    )
    chosen: list[str] = []
    for phrase in ordered:
        if phrase.sentence == sentence and (not clause or phrase.segment == key_segment):
            continue
        if context and abs(phrase.sentence - sentence) == 1:
            continue
        if option_kind(phrase.text) != kind:
            continue  # a name against a phrase: the odd one out
        if _cut_short(t.sentences[phrase.sentence], phrase.text):
            continue  # "a common metaphor for a state" of "… a state of extreme exhaustion"
        if nouns and named_thing(phrase.text) != named_thing(key):
            continue  # an organisation against a change: not of the key's kind
        if (
            phrase.sentence != sentence
            and phrase.owner
            and (mentions_head(phrase.owner, subject) or mentions_head(text, phrase.owner))
        ):
            continue  # said of the subject's kind, or of a party to the key's relation
        units = content_units(phrase.text)
        if len(units & key_units) * 2 >= min(len(units), len(key_units)):
            continue  # shares half its content words with the key: a co-referent risk
        if any(
            t.same_concept(phrase.text, other) or mentions_head(phrase.text, other)
            for other in [subject, *avoid]
        ) or (stem and mentions_head(stem, phrase.text)):
            continue  # it names the subject, or the question names it
        if any(t.same_concept(phrase.text, c) for c in chosen):
            continue
        if any(_overlapping(units, content_units(c)) for c in chosen):
            continue  # "the reorganization of the unions" beside "the greater reorganization
            # of the unions": perhaps one thing, and two options a student can set aside
        if distinct_options(key, [*chosen, phrase.text]):
            chosen.append(phrase.text)
        if len(chosen) == n:
            break
    return chosen


#: What follows a phrase in its sentence when the phrase was cut before its complement
#: ("a state | of extreme exhaustion", "the evidence on X rests | on …") or inside a list
#: ("demographic factors | , the working environment, and …").
_CUT_BEFORE_RE = re.compile(
    r"\s+(?:of|between|among|for|from|with|to|on|upon)\s+[^\W\d_]|"
    # cut inside "X and Y" ("the correlation between firm revenue TFP | and firm size"), or
    # on a verb before its clause ("the micro foundations of X stress | that …")
    r"\s+(?:and|or)\s+(?!(?:the|a|an)\b)[a-z]+\s+[a-z]+|\s+(?:that|whether|how)\s|"
    # a verb taken in as the last word: "the micro foundations of X stress | the importance"
    r"\s+(?:the|a|an|its|their|this|these|those)\s|"
    r",\s+[^,.;]{1,60},?\s+(?:and|or)\s|"
    # a second adjective and the noun both qualify ("the cold | , northern mountains")
    r",\s+(?!(?:which|who|whose|where|when|while|whereas|as|that|although|though|because|since|"
    r"but|and|or|yet|so|thus|hence|however|in|on|at|by|for|with|from|to|of|the|a|an|this|"
    r"these|it|its|they|their|we|he|she)\b)[a-z]+(?:-[a-z]+)?\s+[a-z]+s\b"
)


def _cut_short(sentence: str, phrase: str) -> bool:
    """The phrase stops where its sentence goes on with its own complement or list."""
    at = sentence.find(phrase)
    if at < 0:  # (phrases are kept lower-first: "the evidence" of "The evidence on …")
        at = sentence.find(phrase[:1].upper() + phrase[1:])
    return at >= 0 and bool(_CUT_BEFORE_RE.match(sentence, at + len(phrase)))


def _overlapping(a: set[str], b: set[str]) -> bool:
    """Two options sharing half the content words of the shorter."""
    return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))


def fair_length(key: str, wrong: list[str]) -> bool:
    """The key must not stand out as by far the longest option."""
    longest = max(len(words_of(w)) for w in wrong)
    return len(words_of(key)) <= longest * 1.5 + 1
