"""What kind of statement each sentence makes, read for the prompts it can carry.

A discussion prompt needs a sentence of the right type: a comparison needs a
change or contrast the text marks, an evaluation needs a claim, a request for
evidence needs a causal or empirical claim. This module reads each sentence
once and reports every type it has, as a :class:`Reading` whose pieces are
clauses that already read on their own (see :mod:`.claims`). The types a
single clause shows by its own words are read in :mod:`.sentence_types`; those
marked by a discourse cue come from the relations detector
(:mod:`course.generator.relations`), cut at the cue into two sides:

==========  ==================================================  =========================
kind        marked by                                           pieces
==========  ==================================================  =========================
finding     "we find / the results show that X"                 X
argument    "the article argues / concludes that X"             X
judgement   an evaluative predicate: "is vital", "too           the clause
            simplistic", "a firm foundation", "the most ..."
cause       a cause or result relation ("led to", "due to",     the causal statement
            "Thus, ..."), or a causal main verb ("affects")
change      "no longer", "was transformed into", "declined",    the clause; its subject
            a dated "Following X in 1994, Y", a contrast
            whose side marks a change
contrast    "X, but Y", "although", "However, Y"                 X, Y
cases       "X, whereas Y", "While X, Y", "Unlike X, Y"         X, Y
concession  "Y despite X"                                       X (a noun), Y
purpose     "A was intended / enacted / set out to B"           the clause
aims        "... with the dual aims of B and C"                 owner, B, C
==========  ==================================================  =========================

A sentence that only frames the article ("The aim of this paper is ...") has
no reading at all; one that wraps a claim in framing ("We show that X") is
read for X alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..contexts import (
    before_the_aim,
    lacks_its_complement,
    opening_background,
    sets_the_scene,
    tells_method,
    word_count,
)
from ..flaws.item import has_main_clause
from ..relations import Relation, text_relations
from .claims import (
    DEMONSTRATIVE_RE,
    capitalised_names,
    frames,
    is_source,
    lower_first,
    resolve,
    unglue,
    unwrap,
)
from .grammar import clause_subject, main_clause, trim
from .sentence_types import (
    CAUSAL_PREDICATE_RE,
    NO_CHANGE_RE,
    Reading,
    Sentence,
    change_reading,
    changed_subject,
    claim_readings,
    comparable_subject,
    links,
    predicate_of,
)

#: A time on a side of a contrast: "for many years", "at the end of 1998", "now".
_TIME_MARK_RE = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)s?\b|\b(?:for|over)\s+(?:many|several|some)\s+(?:years|decades)\b"
    r"|\b(?:now|today|recently|formerly|until)\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)s?\b")
#: Purpose cues that state an intention (not a method: "was used to", "was employed to").
_INTENT = frozenset(
    {
        "intend to", "aim to", "seek to", "try to", "attempt to", "strive to", "set out to",
        "plan to", "be enacted to", "be established to", "be introduced to", "be adopted to",
        "be launched to", "be undertaken to", "be meant to", "be set up to", "be designed to",
        "be created to", "be formed to", "be built to", "be founded to", "be organized to",
        "be organised to",
    }
)  # fmt: skip
#: A purpose side made of two coordinated aims: "weakening X and drawing Y".
_TWO_AIMS_RE = re.compile(r"^(?P<a>\w+ing\b.+?)\s+and\s+(?P<b>\w+ing\b.+)$")
#: Modifiers that make a noun phrase the article's own artefact ("the proposed method").
_OWN_WORK_RE = re.compile(r"\b(?:developed|proposed|presented|our|new)\b", re.IGNORECASE)
#: A result that is a thing made, not an effect: "resulted in a core set for trials".
_PRODUCT_RE = re.compile(r"^(?:a|an)\s+(?:[\w-]+\s+){0,3}?for\b", re.IGNORECASE)
_CONTRAST_LEMMAS = frozenset({"but", "whereas", "while", "although", "though", "yet", "however"})
_CONCESSIVE_LEMMAS = frozenset({"although", "though"})
#: Contrasts that set two cases side by side rather than concede one to the other.
_COMPARISON_LEMMAS = frozenset({"whereas", "while", "unlike"})
_CONCESSION_LEMMAS = frozenset({"despite", "of"})  # "in spite of" has lemma "of"
#: A "while" side that grants something before the main clause turns on it ("while
#: researchers have been able to engage audiences …, the field has shifted away …"): a
#: concession, not a second case to compare.
_CONCEDES_RE = re.compile(
    r"\b(?:ha(?:ve|s|d)\s+been\s+able\s+to|(?:is|are|was|were)\s+(?:certainly\s+|"
    r"undoubtedly\s+|clearly\s+)?(?:true|important|useful|valuable|necessary)\b|it\s+is\s+"
    r"true\s+that|(?:can|could|may|might)\s+(?:well\s+)?(?:be|have)\b)",
    re.IGNORECASE,
)


def read_text(sentences: list[str]) -> list[Reading]:
    """Every reading of every sentence, in sentence order."""
    relations = text_relations([unglue(s) for s in sentences])
    by_sentence: dict[int, list[Relation]] = {}
    for r in relations:
        by_sentence.setdefault(r.sentence, []).append(r)
    names = capitalised_names(sentences)
    out: list[Reading] = []
    for i in range(len(sentences)):
        out.extend(_read(Sentence(i, sentences, names), by_sentence.get(i, [])))
    # A change whose sentence already says what drove it or by how much ("rose from 68 to 91
    # with increasing W"): comparing before and after would only be recall.
    out = [r for r in out if not (r.kind == "change" and _STATED_DRIVER_RE.search(r.claim))]
    # Nor one that is a model's adjustment or a comparison of places ("after adjusting for X,
    # Y was no longer associated"): there is no before and after.
    out = [
        r
        for r in out
        if not (r.kind == "change" and any(NO_CHANGE_RE.search(sentences[i]) for i in r.cited))
    ]
    # Nor one that opens on the cause's cue, its condition cut away ("most likely due to
    # waning commitment over time, the former disputants will …"): no claim to weigh.
    out = [r for r in out if not _CUE_START_RE.match(r.claim)]
    # Nor one on measured values ("an increase of yield strength to 180 MPa and tensile
    # strength to 280 MPa at the hardness 105 ± 4 HV"): a figure has no evidence to weigh.
    out = [r for r in out if len(_FIGURE_RE.findall(r.claim)) < MAX_CLAIM_FIGURES]
    # A claim the sentence concedes ("although efforts may lead to new products, they will
    # not …") is not what it holds.
    out = [r for r in out if not (len(r.cited) == 1 and _conceded(sentences[r.cited[0]], r.claim))]
    # The received view an abstract opens with and then turns against is not its claim.
    # (Nor is a contrast that sets the opening background against what follows: "X was a key
    # policy response …. However, X may have had detrimental effects" is the text's motive.)
    return [
        r
        for r in out
        if not (len(r.cited) == 1 and opening_background(sentences, r.cited[0]))
        and not (r.kind == "contrast" and any(before_the_aim(sentences, c) for c in r.cited))
    ]


_CONCESSION_RE = re.compile(
    r"\b(?:although|though|even though|even if|despite|while|whereas)\s*$", re.IGNORECASE
)


def _conceded(sentence: str, claim: str) -> bool:
    """The claim is the clause a concession opens: "although <claim>, …"."""
    at = sentence.casefold().find(claim.casefold()[:40])
    return at > 0 and bool(_CONCESSION_RE.search(sentence[:at]))


_STATED_DRIVER_RE = re.compile(
    r"\bwith (?:increasing|decreasing|rising|falling|higher|lower)\b|\bbecause\b|\bdue to\b|"
    # "decreased sharply at higher N rates": a change along a dose, not over time
    r"\bat (?:higher|lower|increasing|decreasing|greater|larger|smaller)\b|"
    r"\bdriven by\b|\bas a result\b|\bled to\b|\bcaused by\b|\bowing to\b|"
    r"\bfrom\s+\d[\d.,]*\s*\S*\s+to\s+\d|\d\s*(?:%|per ?cent\b)"
)


def _read(text: Sentence, relations: list[Relation]) -> Iterator[Reading]:
    if text.how == "framing" or not text.wrapped:
        return
    whole = text.sentences[text.i]
    if sets_the_scene(whole) or sets_the_scene(text.wrapped) or tells_method(whole):
        return  # background ("Several trials have found that …"), the literature, the method
    if lacks_its_complement(text.wrapped):
        return  # "… are important co-factors": of what?
    if text.claim and text.how != "framing-wrapped" and not frames(text.claim):
        yield from claim_readings(text, text.claim, text.how)
        change = change_reading(text, text.claim)
        if change:
            yield change
    for r in relations:
        if not text.inside(r):
            continue
        if r.kind == "contrast":
            yield from _contrast(text, r)
        elif r.kind in ("cause", "result"):
            yield from _cause(text, r)
        elif r.kind == "purpose":
            yield from _purpose(text, r)
        elif r.kind == "sequence":
            yield from _dated_change(text, r)


def _dated_change(text: Sentence, r: Relation) -> Iterator[Reading]:
    """ "Following X in 1994, the government has adopted ...": a before and an after."""
    if r.lemma not in ("after", "since") or not _YEAR_RE.search(r.left) or not text.claim:
        return
    whole = text.sentences[text.i]
    if whole.find(r.left) > whole.find(r.right[:40]) >= 0:
        return  # "… sensitive to funding cuts since 2003": the date of a noun, after the claim
    subject = comparable_subject(r.right)
    _, predicate = predicate_of(r.right)
    if CAUSAL_PREDICATE_RE.match(predicate) or links(predicate):
        return  # "Since 1998 rising temperatures have caused X": X changed, not the subject
    if subject and subject.casefold() in text.claim.casefold():
        subject = lower_first(subject, text.names)
        yield Reading("change", text.i, (text.i,), text.claim, (subject,), weight=-0.2)


_CONDITION_RE = re.compile(
    r"^(?:only\s+(?:if|when|where|after|as long as)|provided|as long as|unless)\b", re.IGNORECASE
)


def _contrast(text: Sentence, r: Relation) -> Iterator[Reading]:
    i = text.i
    if r.lemma == "no longer":
        yield from _no_longer(text, r)
        return
    if r.lemma in _CONCESSION_LEMMAS and r.left_form == "noun":
        conceded = trim(r.left)
        if DEMONSTRATIVE_RE.search(conceded) and not resolve(conceded, text.earlier):
            return  # "despite this market condition": which condition, the text said before
        asserted = text.quote(main_clause(r.right))
        if asserted and 1 <= word_count(conceded) <= 12 and not frames(asserted):
            pair: tuple[str, ...] = (lower_first(conceded, text.names), asserted)
            yield Reading("concession", i, (i,), asserted, pair)
        return
    if r.lemma == "unlike" and r.left_form == "noun":
        other = trim(r.left)
        case = text.quote(main_clause(r.right))
        if case and 1 <= word_count(other) <= 10 and not frames(case):
            parts = (lower_first(other, text.names), case, "unlike")
            yield Reading("cases", i, (i,), case, parts, weight=0.1)
        return
    if r.lemma not in _CONTRAST_LEMMAS:
        return
    a_raw = text_claim(text.sentences[i - 1]) if r.previous else main_clause(trim(r.left))
    b_raw = r.right
    shared = ""  # the subject both sides share when the second is a bare predicate
    if r.right_form == "predicate" and not clause_subject(r.right):
        shared = clause_subject(r.left)
        if not shared:
            return
        b_raw = f"{shared} {r.right}"
    a = text.quote(a_raw) if a_raw else ""
    b = text.quote(main_clause(trim(b_raw)))
    if not b or frames(b) or _CONDITION_RE.match(b_raw.strip()):
        return  # "…, but only if X": a condition of the claim, not a point against it
    yield from claim_readings(text, b, "")  # the side the text asserts may be a claim in itself
    if shared and b.startswith(lower_first(shared, text.names)):
        # "that X is below the average, and that it is growing": X named once.
        b = f"{_pronoun_for(shared, r.right)} {b[len(shared) :].strip()}"
    if not a or frames(a) or word_count(a) + word_count(b) > 48:
        return
    cited = (i - 1, i) if r.previous else (i,)
    if not r.previous:
        # The side whose subject changed names what to compare; with a time on each
        # side ("for many years" ... "at the end of 1998") the first side's subject.
        timed = _TIME_MARK_RE.search(a) and _TIME_MARK_RE.search(b)
        subject = changed_subject(a) or changed_subject(b)
        subject = subject or (comparable_subject(a) if timed else "")
        if subject:
            joined = f"{b}, although {a}" if r.lemma in ("although", "though") else f"{a}, but {b}"
            subject = lower_first(subject, text.names)
            yield Reading("change", i, cited, joined, (subject,))
    if (
        r.lemma in _COMPARISON_LEMMAS
        and not r.previous
        and not _CONCEDES_RE.search(a)
        and not _ALSO_RE.search(b)
    ):
        yield Reading("cases", i, cited, b, (a, b, "whereas"))
    elif r.lemma not in _CONCESSIVE_LEMMAS and _two_points(a, b) and not _ALSO_RE.search(b):
        # (not "B, although A": A is granted, not weighed against B; "two individuals stand
        # out, although the range is small" has one obvious answer)
        yield Reading("contrast", i, cited, b, (a, b))


#: A measured value (not a year): "180 MPa", "26.6%", "0.840".
_FIGURE_RE = re.compile(r"(?<![\w.])(?!(?:1[5-9]|20)\d\d\b)\d+(?:[.,]\d+)?(?![\w.]*\))")
#: A claim with this many figures is a list of measurements.
MAX_CLAIM_FIGURES = 3
#: A claim that starts on a cause's cue rather than on its subject.
_CUE_START_RE = re.compile(
    r"^(?:(?:most|more|quite|very|perhaps|probably)\s+)?(?:likely\s+)?(?:due\s+to|owing\s+to|"
    r"because\s+of|thanks\s+to|as\s+a\s+(?:result|consequence)\s+of)\b",
    re.IGNORECASE,
)
#: A side that adds to the other rather than sets against it: "X is positive in each
#: location, whereas it is also related to density".
_ALSO_RE = re.compile(r"\b(?:also|as well|too|likewise|similarly)\b", re.IGNORECASE)
#: A side that only narrows the other ("only for positive pictures"): a qualification, not
#: a point of its own.
_QUALIFIER_RE = re.compile(r"^(?:that\s+)?(?:only|just|mainly|mostly|largely|partly)\b", re.I)


def _two_points(a: str, b: str) -> bool:
    """Two sides a reader can weigh against each other: each a whole clause, neither a mere
    qualification of the other, and not one state at two times ("now …", "by 2050 …"),
    which is a change, not a tension."""
    if not (has_main_clause(a) and has_main_clause(b)) or _QUALIFIER_RE.match(b):
        return False
    return not (_YEAR_RE.search(a) or _YEAR_RE.search(b))


def _pronoun_for(subject: str, predicate: str) -> str:
    """ "it" or "they" for a subject the second side of a contrast shares."""
    verb = predicate.split()[0].lower() if predicate.split() else ""
    if verb in ("are", "were", "have", "do"):
        return "they"
    if verb in ("is", "was", "has", "does") or verb.endswith("s"):
        return "it"
    head = re.split(r"\s+of\s+", subject)[0].split()[-1]
    return "they" if head.lower().endswith("s") and not head.lower().endswith("ss") else "it"


def _no_longer(text: Sentence, r: Relation) -> Iterator[Reading]:
    """ "X were no longer suitable": X has changed, or is believed to have."""
    subject = lower_first(resolve(trim(r.left), text.earlier), text.names)
    claim = text.claim
    if (
        not claim
        or "no longer" not in claim
        or not subject
        or not comparable_subject(subject + " was")
    ):
        return
    attributed = claim.casefold().find(subject.casefold()) > 0 and bool(
        re.search(r"\bthat\b", claim[: claim.casefold().find(subject.casefold())])
    )
    yield Reading("change", text.i, (text.i,), claim, (subject,), weight=-1.0 * attributed)


def text_claim(sentence: str) -> str:
    """The claim of an earlier sentence, when a relation takes it as one side."""
    wrapped, how = unwrap(trim(unglue(sentence)))
    if how.startswith("framing") or not wrapped:
        return ""
    return main_clause(trim(wrapped))


def _cause(text: Sentence, r: Relation) -> Iterator[Reading]:
    """A causal statement "C led to E" / "E because C" that reads as one clause."""
    i = text.i
    cue = r.cue[:1].lower() + r.cue[1:]
    cited: tuple[int, ...] = (i,)
    if r.kind == "result":
        if _PRODUCT_RE.match(r.right):
            return  # "resulted in a core set for trials": a thing made, not an effect
        if r.previous:
            before = text_claim(text.sentences[i - 1])
            cause = text.quote(before) if before else ""
            if not cause:
                return
            if r.right_form == "clause":
                effect = text.quote(main_clause(trim(r.right)))
                statement = f"{effect} because {cause}" if effect else ""
            else:
                statement = f"{cause}, and that this {cue} {r.right}"
            cited = (i - 1, i)
        else:
            source = clause_subject(r.left) if r.left_form == "clause" else r.left
            if not source or is_source(source) or _OWN_WORK_RE.search(source):
                return
            if cue.split()[0].lower().endswith("ing"):
                return  # ", leading to Y": the clause, not a noun, is the cause
            statement = f"{source} {cue} {r.right}"
    else:
        effect, cause = r.left, r.right
        fronted = text.wrapped.lower().startswith(r.cue.lower())
        if cue.lower() in ("since", "because", "as"):
            statement = f"{effect} because {cause}"
        elif fronted:
            statement = f"{cue} {cause}, {effect}"
        else:
            statement = f"{effect} {cue} {cause}"
    quoted = text.quote(statement, limit=44) if statement else ""
    if quoted and not frames(quoted):
        yield Reading("cause", i, cited, quoted, linked=True, weight=0.3)


def _purpose(text: Sentence, r: Relation) -> Iterator[Reading]:
    i = text.i
    aims = r.lemma.startswith("with the") and r.lemma.endswith(("aims of", "aim of"))
    owner = r.left if r.left_form == "noun" else clause_subject(r.left)
    if not owner or is_source(owner) or _OWN_WORK_RE.search(owner) or frames(owner):
        return
    owner = lower_first(resolve(trim(owner), text.earlier), text.names)
    if not owner or word_count(owner) > 14:
        return
    pair = _TWO_AIMS_RE.match(r.right)
    if pair and (aims or r.lemma in _INTENT):
        a = pair.group("a")
        b = main_clause(pair.group("b"), limit=12)
        b = re.sub(r"\s+(?:in relation to|with regard to|in view of)\b.*$", "", b)
        if 2 <= word_count(a) <= 12 and 2 <= word_count(b) <= 12:
            yield Reading("aims", i, (i,), f"{a} and {b}", (owner, trim(a), trim(b)))
    if r.lemma in _INTENT and r.left_form == "noun":
        purpose = re.sub(r"\s+with the (?:\w+ )?aims? of\b.*$", "", r.right)
        quoted = text.quote(main_clause(f"{owner} {r.cue} {purpose}"))
        if quoted:
            yield Reading("purpose", i, (i,), quoted)
