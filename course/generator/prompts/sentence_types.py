"""The types of statement a clause can make, read without a parser.

A discussion prompt needs a sentence of the right type (see :mod:`.readings`):
this module holds the record of one type found in one sentence
(:class:`Reading`), the sentence as the readers see it (:class:`Sentence`:
its claim freed of framing, the text before it), and the readers of a single
clause: whether it reports a finding, argues, judges, states a cause, or says
that its subject changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..contexts import drop_statistics
from ..lexicon import PREPOSITIONS
from ..relations import Relation
from .claims import FIRST_PERSON, is_source, lower_first, readable, resolve, unglue, unwrap
from .grammar import WORD_RE, clause_subject, main_clause, trim

#: The longest noun phrase a comparison names ("Compare X before and after").
MAX_SUBJECT_WORDS = 10


@dataclass(frozen=True)
class Reading:
    """One type of statement a sentence makes, with the clauses a prompt quotes."""

    kind: str
    sentence: int
    cited: tuple[int, ...]
    claim: str
    parts: tuple[str, ...] = ()
    #: The claim links two things (a cause, an association): it can be explained otherwise.
    linked: bool = False
    #: How plainly the text marks the type (added to a prompt's score).
    weight: float = 0.0


#: An evaluative predicate: the text judges rather than reports.
_JUDGEMENT_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|remains?|remained|seems?|seemed|appears?|appeared|"
    r"proved|proves)\s+(?:\w+ly\s+|not\s+|also\s+|still\s+)*"
    r"(?:too\s+\w+|vital|crucial|essential|critical|central|key|important|necessary|"
    r"indispensable|decisive|insufficient|inadequate|unsuitable|effective|ineffective|"
    r"successful|unsuccessful|difficult|impossible|misleading|flawed|(?:a|the)\s+priority|"
    r"(?:\w+\s+)?priorities|(?:a|an|the)\s+(?:\w+\s+)?(?:key|main|major|central|important|"
    r"crucial|critical|decisive|primary|principal|good|useful|valuable|powerful|serious)\s+"
    r"[\w-]+)"
    r"|\bplay(?:s|ed)?\s+(?:a|an)\s+(?:\w+\s+)?role\b"
    r"|\b(?:firm|solid|strong|sound)\s+(?:foundation|basis|grounds?)\b"
    r"|\bthe\s+most\s+(?!of\b)\w+|\b(?:key|main|major|decisive|crucial)\s+factors?\b"
    r"|\b(?:is|are|was|were|has been|have been)\s+(?:widely\s+)?(?:considered|regarded|"
    r"seen|viewed)\s+as\b"
    r"|^(?:a|an|the|one)\s+(?:\w+\s+)?(?:concern|problem|obstacle|weakness|strength|advantage|"
    r"drawback|limitation|challenge|threat|danger|risk)\s+(?:is|was)\b",
    re.IGNORECASE,
)
#: A predicate that files its subject under a class, with a word of importance.
_CLASSIFYING_RE = re.compile(
    r"(?:is|are|was|were|remains?)\s+(?:a|an|one of the)\s+(?:\w+\s+)?(?:important|major|"
    r"key|central|significant|main|crucial|critical|essential|common|widespread|growing)\b",
    re.IGNORECASE,
)
#: A predicate that says what must or should be done: the text argues a course.
_NORMATIVE_RE = re.compile(
    r"(?:\w+ly\s+)?(?:must|should|ought to|need to|needs to|have to|has to|"
    r"will (?:have|need) to)\b",
    re.IGNORECASE,
)
#: A predicate that reads evidence: "decisions reveal a desire to ...".
_INTERPRETIVE_RE = re.compile(
    r"(?:\w+ly\s+)?(?:also\s+)?(?:reveals?|revealed|reflects?|reflected|indicates?|indicated|"
    r"demonstrates?|demonstrated|proves?|proved|confirms?|confirmed|shows?|showed|suggests?|"
    r"suggested|implies|implied|points? to|pointed to)\b",
    re.IGNORECASE,
)
#: A finding stated without a reporting verb: "has been practically proven", "had
#: significant effects on".
_PLAIN_FINDING_RE = re.compile(
    r"\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:proven|proved|shown|demonstrated|"
    r"established|confirmed)\b|\bstatistically\s+significant\b|\bsignificant(?:ly)?\s+"
    r"(?:\w+\s+)?(?:effects?|differences?|correlations?|associations?|relationships?|impacts?|"
    r"predictors?)\b|\beffects?\s+on\b|"
    r"\bcorrelat\w+\s+with\b|\bassociated\s+with\b",
    re.IGNORECASE,
)
#: A predicate that marks a change in its subject.
CHANGE_RE = re.compile(
    r"\b(?:no longer"
    r"|(?:is|are|was|were|has been|have been|had been|being|be)\s+(?:\w+ly\s+)?"
    r"(?:transformed|turned|changed|converted|reduced|increased|decreased|weakened|"
    r"strengthened|replaced|reorganized|reorganised|restructured|expanded|diminished|curtailed|"
    r"abolished|undermined|eroded|growing|increasing|declining|rising|falling|expanding|"
    r"shrinking|burgeoning|changing|spreading)"
    r"|(?:became|become|becomes|grew|grown|grows|increased|decreased|declined|rose|risen|"
    r"fell|fallen|dropped|shrank|shrunk|weakened|strengthened|shifted|evolved|doubled|tripled|"
    r"halved|disappeared|collapsed|improved|worsened|deteriorated)"
    r"|(?:transformed|turned|changed|converted)\s+into)\b",
    re.IGNORECASE,
)
#: A verb of a finding that links two things: the link may have another explanation.
_LINK_RE = re.compile(
    r"\b(?:affect(?:s|ed)?|influence[sd]?|decrease[sd]?|increase[sd]?|reduce[sd]?|"
    r"improve[sd]?|cause[sd]?|weaken(?:s|ed)?|strengthen(?:s|ed)?|shape[sd]?|drive[sn]?|drove|"
    r"trigger(?:s|ed)?|depends?\s+(?:\w+\s+){0,4}?on|coincides?\s+with|correlate[sd]?\s+with|"
    r"(?:is|are|was|were)\s+associated\s+with|predicts?|predicted|effects?\s+on|impacts?\s+on|"
    r"led\s+to|leads?\s+to|results?\s+in|resulted\s+in|contribut\w+\s+to|deteriorated)\b",
    re.IGNORECASE,
)
#: A finding that only reports how the material was sorted or chosen.
_SORTING_RE = re.compile(
    r"^(?:\w+ly\s+)?(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:divided|classified|grouped|"
    r"categori[sz]ed|clustered|sorted|split|identified|extracted|selected|collected|coded)\b",
    re.IGNORECASE,
)
#: A main verb that says its subject brings something about.
CAUSAL_PREDICATE_RE = re.compile(
    r"(?:\w+ly\s+|also\s+|has\s+|have\s+|had\s+)*(?:affect(?:s|ed)?|influence[sd]?|"
    r"reduce[sd]?|improve[sd]?|cause[sd]?|weaken(?:s|ed)?|strengthen(?:s|ed)?|shape[sd]?|"
    r"drive[sn]?|drove|trigger(?:s|ed)?|undermine[sd]?|enable[sd]?|prevent(?:s|ed)?|"
    r"provide[sd]?\s+(?:\w+\s+){1,4}?with|led\s+to|leads?\s+to|accelerate[sd]?|"
    r"increase[sd]?\s+(?:the|their|its)\b|decrease[sd]?\s+(?:the|their|its)\b)\b",
    re.IGNORECASE,
)
_POSSESSIVES = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these"})
#: Subjects too vague to compare before and after ("various initiatives").
_QUANTIFIERS = frozenset(
    [
        "various",
        "several",
        "many",
        "some",
        "few",
        "numerous",
        "most",
        "all",
        "other",
        "such",
        "both",
        "each",
        "every",
        "any",
    ]
)
_PRONOUNS = frozenset(
    ["it", "they", "there", "this", "these", "those", "which", "that", "we", "i", "he", "she"]
)


#: The main verb right after the subject marks a change: adverbs and auxiliaries first.
_MAIN_CHANGE_RE = re.compile(
    r"^(?:(?:\w+ly|also|then|still|now|soon|later|has|have|had|is|are|was|were)\s+)*?"
    + CHANGE_RE.pattern,
    re.IGNORECASE,
)
_COPULAR_CHANGE = ("no longer", "became", "become", "becomes", "into")
_BE_WORDS = frozenset(["is", "are", "was", "were", "be", "been", "being"])
#: A connective inside a clause that points at the sentence before ("should therefore
#: index", "was, however, reduced"): out of its paragraph it points at nothing.
_INSERTED_RE = re.compile(
    r",?\s+(?:therefore|thus|hence|however|consequently|accordingly|moreover|furthermore|"
    # ("in addition to X" is a preposition, not a connective)
    r"nevertheless|nonetheless|in turn|in addition(?!\s+to\b)),?(?=\s)",
    re.IGNORECASE,
)


#: A run of two or three words written twice over, a slip of the source ("but also
#: but also"); one word twice may be meant ("that that", "had had").
_REPEATED_RE = re.compile(r"\b(\w+(?:\s+\w+){1,2})\s+\1\b", re.IGNORECASE)


_INDIRECT_QUESTION_RE = re.compile(r",?\s+and\s+(?:how|why|whether)\s", re.IGNORECASE)


class Sentence:
    """One sentence with what the readers share: its claim and the text before it."""

    def __init__(self, i: int, sentences: list[str], names: frozenset[str]) -> None:
        self.i = i
        self.sentences = sentences
        self.names = names
        self.earlier = sentences[:i]
        self.wrapped, self.how = unwrap(trim(unglue(sentences[i])))
        self.claim = self.quote(main_clause(trim(self.wrapped))) if self.wrapped else ""

    def quote(self, clause: str, *, limit: int | None = None) -> str:
        """``clause`` made to read on its own, or "": never a question ("Do elections
        improve …?" claims nothing), nor an indirect question run on from a report ("…
        shows how X, and how Y"); test statistics dropped."""
        if "?" in clause or _INDIRECT_QUESTION_RE.search(clause):
            return ""
        clause = resolve(trim(drop_statistics(clause)), self.earlier)
        if not clause:
            return ""
        clause = _REPEATED_RE.sub(r"\1", _INSERTED_RE.sub("", clause))
        clause = lower_first(clause, self.names)
        ok = readable(clause, limit=limit) if limit else readable(clause)
        return clause if ok else ""

    def inside(self, r: Relation) -> bool:
        """Both sides of ``r`` belong to the sentence's claim, not to framing around it."""
        if not self.wrapped:
            return False
        body = self.wrapped.casefold()
        sides = [r.right] if r.previous else [r.left, r.right]
        return all(side.casefold() in body for side in sides)


def links(clause: str) -> bool:
    """A verb (not a noun: "their influences") that links two things."""
    if _NORMATIVE_RE.search(clause):
        return False  # "X should be evaluated with their influences": advice, not a link
    for match in _LINK_RE.finditer(clause):
        before = clause[: match.start()].split()
        if not before or before[-1].lower() not in _POSSESSIVES | PREPOSITIONS:
            return True
    return False


def predicate_of(clause: str) -> tuple[str, str]:
    """(subject, predicate) of ``clause``'s main clause, or ("", "")."""
    subject = clause_subject(clause)
    if not subject:
        return "", ""
    at = clause.find(subject)
    return subject, clause[at + len(subject) :].strip() if at >= 0 else ""


def claim_readings(text: Sentence, claim: str, how: str) -> Iterator[Reading]:
    """The claim types of one clause: finding, argument, judgement, causal finding."""
    i = text.i
    subject, predicate = predicate_of(claim)
    content = (
        bool(subject)
        and not is_source(subject)
        and subject.split()[0].lower() not in (FIRST_PERSON)
    )
    linked = links(claim)
    if how == "finding" and _SORTING_RE.search(predicate or claim):
        return  # "the words were divided into seven clusters": what the method did
    if len(_TALLY_RE.findall(claim)) >= MIN_TALLIES:
        # "The most common groups were dermatological (578, 17.9%) and dental (…)": counts
        # to report and to weigh as a finding, not a view to argue against or a judgement
        yield Reading("finding", i, (i,), claim, linked=linked, weight=-0.5)
        return
    if how in ("finding", "argument"):
        yield Reading(how, i, (i,), claim, linked=linked, weight=0.2)
    elif _PLAIN_FINDING_RE.search(claim) and content:
        how = "finding"
        yield Reading("finding", i, (i,), claim, linked=linked)
    elif content and _INTERPRETIVE_RE.match(predicate):
        yield Reading("argument", i, (i,), claim, linked=linked)
    if _JUDGEMENT_RE.search(claim) or (content and _NORMATIVE_RE.match(predicate)):
        # "X is an important process in Y" files X under a class: background to the
        # text's argument more often than a claim of it ("X is the key factor for Y").
        background = bool(_CLASSIFYING_RE.match(predicate))
        yield Reading("judgement", i, (i,), claim, weight=-0.5 * background)
    if not how and content and CAUSAL_PREDICATE_RE.match(predicate):
        # "The quality of the data strongly affects accuracy": a causal claim in itself.
        yield Reading("cause", i, (i,), claim, linked=True)


#: A count with its share: "(578, 17.9%)", "(n = 411; 12.7%)".
_TALLY_RE = re.compile(r"\(\s*(?:n\s*=\s*)?\d[\d,]*\s*[,;]\s*\d+(?:\.\d+)?\s*%\s*\)")
#: A claim giving this many tallies lists counts.
MIN_TALLIES = 2

#: Words of degree that stand between a subject and its verb ("more than doubled").
_DEGREE_WORDS = frozenset(
    ["than", "more", "less", "nearly", "almost", "about", "roughly", "over", "at", "least"]
)


def comparable_subject(clause: str) -> str:
    """The content subject of ``clause`` a comparison can name, or ""."""
    subject = clause_subject(clause)
    words = subject.split()
    # "false recognition more than doubled": the degree belongs to the verb
    while len(words) > 1 and (
        words[-1].lower().endswith("ly") or words[-1].lower() in _DEGREE_WORDS
    ):
        words.pop()
    if not words or is_source(subject) or len(words) > MAX_SUBJECT_WORDS:
        return ""
    if words[0].lower() in _PRONOUNS | _QUANTIFIERS | FIRST_PERSON:
        return ""
    return " ".join(words)


#: A "change" that is a comparison or a model's adjustment, not a before and after.
NO_CHANGE_RE = re.compile(
    # (a comparative's "than", not the degree of "more than doubled")
    r"\b(?:compared\s+(?:with|to)|relative\s+to|(?:\w+er|more\s+\w+|less\s+\w+)\s+than|"
    r"in\s+comparison\s+(?:with|to)|"
    r"(?:after|when)\s+(?:adjusting|controlling|accounting)\s+for|adjusted\s+for|"
    # a change made by stated means: "stability was improved through dual PC redundancy"
    # (what drove it is in the sentence, and no before is told)
    r"(?:was|were|is|are|been)\s+(?:\w+ly\s+)?\w+ed\s+(?:\w+ly\s+)?(?:through|via|"
    r"by means of|using|with the (?:aid|help) of))\b",
    re.IGNORECASE,
)


#: A change of amount with no time to set it in ("warm extremes have increased"): a
#: trend measured, where before and after differ only by the amount the text gives. (A
#: history's "the movement declined after 1848" has a before and an after to compare.)
_WHEN_RE = re.compile(
    r"\b(?:1[0-9]\d\d|20\d\d)s?\b|\b(?:after|before|since|until|by|during|following)\s+"
    r"(?:the\s+)?[A-Z\d]|\bcentury\b|\b(?:era|period|decade|war|revolution|reform)\b",
)
#: A change told in the present with no time: an analysis's "X becomes Y", not a history.
_PRESENT_BECOMING_RE = re.compile(r"\b(?:becomes|turns into|is turned into)\b", re.IGNORECASE)
_AMOUNT_CHANGE_RE = re.compile(
    r"\b(?:increas|decreas|rose\b|rise|rising|risen|fell\b|fall|grew\b|grow|declin|doubl|"
    r"tripl|halv|drop|reduc|diminish|expand|shrank|shrink)\w*",
    re.IGNORECASE,
)


def change_reading(text: Sentence, claim: str) -> Reading | None:
    """A claim whose main verb changes its subject ("X was transformed into Y"); not a
    comparison of places or groups ("was increased compared with other countries"), a
    statistical adjustment ("after adjusting for X, … was no longer associated") or a
    change of amount ("warm extremes have increased")."""
    subject = changed_subject(claim)
    if not subject or NO_CHANGE_RE.search(claim):
        return None
    if _AMOUNT_CHANGE_RE.search(claim) and not _WHEN_RE.search(text.sentences[text.i]):
        return None
    if _PRESENT_BECOMING_RE.search(claim) and not _WHEN_RE.search(text.sentences[text.i]):
        return None  # "Metaphysics becomes a metaphor for metapsychology": a reading, untimed
    return Reading("change", text.i, (text.i,), claim, (lower_first(subject, text.names),))


def changed_subject(clause: str) -> str:
    """The subject of ``clause`` when its main verb says the subject changed ("the
    unions were transformed into", "the movement declined", "prices rose sharply"),
    or "". A transitive verb changes its object, not its subject ("wages increased
    earnings"), and a change in a later clause ("X, and Y was reduced") is Y's."""
    raw = clause_subject(clause)
    subject = comparable_subject(clause)
    if not raw or not subject:
        return ""
    rest = clause[clause.find(raw) + len(raw) :].lstrip()
    match = _MAIN_CHANGE_RE.match(rest)
    if not match:
        return ""
    verb_group = match.group().lower()
    if verb_group.endswith(_COPULAR_CHANGE) or _BE_WORDS & set(verb_group.split()):
        return subject  # a passive or a change of state: the subject changed
    after = WORD_RE.findall(rest[match.end() :])
    nxt = after[0].lower() if after else ""
    intransitive = (
        not nxt
        or nxt in PREPOSITIONS
        or nxt in ("and", "but", "or", "again", "further", "rapidly", "sharply")
        or nxt.endswith("ly")
        or nxt[:1].isdigit()
        or rest[match.end() :].lstrip()[:1] in ",;:.("
    )
    return subject if intransitive else ""
