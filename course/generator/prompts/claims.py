"""What a sentence claims, as a clause a prompt can quote after "The text claims that".

A sentence is first freed of what is not its claim: a connective that ties it
to the sentence before ("Thus, ", "But "), page matter glued to its end, and
the article's framing. Framing comes in two kinds. Some of it wraps a claim
("The article argues that X", "We find that X", "The main conclusion is that
X", "Concludes that X"): the wrapper is dropped and X kept, and the verb says
whether X is a finding or an argument. The rest only says what the article
does ("The aim of this paper is ...", "This study examines ...", "In this
article we ..."): such a sentence has no claim to quote.

A quoted clause must then read on its own: demonstratives that point back
("This extensive purge") become "the" when the text named the thing before,
and a clause that opens on a bare pronoun ("It ignores ...", "They ...") or
still speaks in the first person is refused rather than guessed at.
"""

from __future__ import annotations

import re

from ..checks import stem_ok
from ..contexts import (
    ASIDE_REPORT_RE,
    PUT_FORWARD_RE,
    framing,
    sets_the_scene,
    strip_opener,
    tells_method,
)
from ..frequency import is_common
from ..lexicon import AUXILIARIES, DETERMINERS, MODALS, PREPOSITIONS, STOPWORDS
from .grammar import (
    RELATIVES,
    WORD_RE,
    balanced,
    clause_subject,
    main_clause,
    main_start,
    trim,
    words,
)

#: A clause a prompt quotes has at least this many words.
MIN_QUOTE_WORDS = 5
#: ... and at most this many (a causal statement joining two clauses may take more).
MAX_QUOTE_WORDS = 34

#: Nouns for the article and its own work: a subject headed by one frames.
SELF_NOUNS = words(
    "paper study article essay review commentary chapter thesis report book work research "
    "project dissertation note contribution text investigation"
)
#: Nouns for what the work produced: "The results indicate that ...".
EVIDENCE_NOUNS = words(
    "result results finding findings data evidence analysis analyses experiment experiments "
    "simulation simulations trial trials observations measurements estimates survey surveys "
    "studies interviews author authors investigation investigations examination"
)
#: Verbs that report a finding (what the work found) or an argument (what it holds).
_FINDING_VERBS = (
    r"find|finds|found|show|shows|showed|shown|demonstrate|demonstrates|demonstrated|"
    r"reveal|reveals|revealed|indicate|indicates|indicated|confirm|confirms|confirmed|"
    r"establish|establishes|established|underline|underlines|underlined|highlight|"
    r"highlights|highlighted"
)
_ARGUMENT_VERBS = (
    r"argue|argues|argued|suggest|suggests|suggested|conclude|concludes|concluded|claim|"
    r"claims|claimed|contend|contends|contended|maintain|maintains|maintained|propose|"
    r"proposes|proposed|posit|posits|posited|hold|holds|held|imply|implies|implied|"
    r"point out|points out|pointed out|explain|explains|explained|assert|asserts|asserted"
)
_REPORT_RE = re.compile(
    r"^(?P<subject>(?:[\w'\u2019()-]+\s+){0,6}?)"
    r"(?:(?:also|further|thus|then|now|clearly|therefore|here|would|will|can|could|may|might|"
    r"has|have|had|been)\s+)*"
    rf"(?P<verb>{_FINDING_VERBS}|{_ARGUMENT_VERBS})\s+(?P<wh>that|how|why)\s+",
    re.IGNORECASE,
)
#: The subject of a report is work done before this text ("Our prior work", "Previous
#: studies"): what it found is the background the text starts from, not its own claim.
_EARLIER_WORK_RE = re.compile(
    r"\b(?:prior|previous|earlier|past|former)\b|"
    # "The first studies indicated that …" (plural: one's own Study 1 is "the first study")
    r"\b(?:first|initial|early|existing)\s+(?:studies|works|investigations|analyses|reports)\b|"
    # the literature at large, no "this", "our" or "the" to make it the text's own: "Studies
    # suggest", "A diverse set of case studies suggest", "Many researchers have argued"
    r"^(?!.*\b(?:this|these|our|my|the|present|current)\b)(?:[\w-]+\s+){0,5}?(?:studies|"
    r"research|literature|scholars|researchers|scholarship)\s*$|"
    # "The literature also concludes that …", "A second literature focuses on …"
    r"\b(?:the|this|a|another|one|second|first)\s+(?:\w+\s+)?literature\b",
    re.IGNORECASE,
)
#: A report denied: "Our results do not suggest that …", "We find no evidence that …".
_NEGATED_RE = re.compile(r"\b(?:not|never|no|neither|nor|hardly|cannot)\b|n['\u2019]t\b", re.I)
#: Someone else's view told as its content: "Galen Strawson's Basic Argument is that …".
_OTHERS_VIEW_RE = re.compile(
    r"^(?:[A-Z][\w.-]*\s+){0,3}?[A-Z][\w-]*['\u2019]s\s+(?:[\w-]+\s+){0,2}?(?i:argument|view|"
    r"claim|thesis|position|theory|account|hypothesis|conjecture)\s+(?:is|was)\s+that\b"
)
#: "It was found that X", "It is argued that X".
_IMPERSONAL_RE = re.compile(
    r"^it\s+(?:is|was|has been|had been|can be|could be|may be)\s+(?:\w+ly\s+)?"
    rf"(?P<verb>{_FINDING_VERBS}|{_ARGUMENT_VERBS}|noted|observed|concluded|argued)\s+that\s+",
    re.IGNORECASE,
)
#: "The main conclusion is that X", "Our central argument is that X".
_CONCLUSION_RE = re.compile(
    r"^(?:the|our|my|its|their|this|one)\s+(?:\w+\s+){0,2}?"
    r"(?P<noun>conclusion|finding|argument|claim|implication|result|thesis|lesson|point)s?\s+"
    r"(?:of\s+(?:the|this|our)\s+\w+\s+)?(?:is|was|are|were)\s+that\s+",
    re.IGNORECASE,
)
#: Words that tie a sentence to the one before it, with or without a comma.
_CONNECTIVE_RE = re.compile(
    r"^(?:(?:but|and|yet|so|or|still|indeed|accordingly|consequently|nevertheless|"
    r"nonetheless|hence|therefore|thus|however|moreover|furthermore|also|besides|"
    r"additionally|finally|lastly|specifically|in particular|in short|in sum|overall|"
    r"above all|in addition|in turn|at the same time|by contrast|in contrast|"
    r"on the other hand|as a result|first|second|third|then|now|here|today)\b,?\s+)+",
    re.IGNORECASE,
)
#: "It is important to note that X": an instruction to the reader around X.
_READER_RE = re.compile(
    r"^it\s+is\s+(?:\w+\s+)?(?:important|necessary|worth|essential|useful|crucial)\s+"
    r"(?:to\s+)?(?:understand|note|noting|remember|recognise|recognize|stress|emphasi[sz]e|"
    r"bear in mind|keep in mind)\s+that\s+",
    re.IGNORECASE,
)
#: The article saying what it does, and nothing about its subject matter.
_SELF_AIM_RE = re.compile(
    r"\b(?:aim|aims|purpose|goal|objective|objectives|task|focus)\s+of\s+(?:this|the|our|my|"
    r"present)\s+(?:\w+\s+)?(?:" + "|".join(sorted(SELF_NOUNS)) + r")\b",
    re.IGNORECASE,
)
_SELF_OPENER_RE = re.compile(
    r"^(?:in|through|with|throughout)\s+(?:this|the present|our|the following)\s+(?:\w+\s+)?"
    r"(?:" + "|".join(sorted(SELF_NOUNS)) + r")\b",
    re.IGNORECASE,
)
#: Words of page matter that never belong to a claim.
_PAGE_MATTER_RE = re.compile(
    r"\b(?:free full text|full text|doi|copyright|all rights reserved|keywords?|"
    r"abstract|click here|download|pdf|isbn|issn|vol\.|pp\.)\b|\u00a9|https?:|www\.",
    re.IGNORECASE,
)
#: A sentence and page matter glued together: "... with PCD.Free full text".
_GLUED_RE = re.compile(r"(?<=[a-z)\d])\.(?=[A-Z][a-z])")
#: Citation numbers after a word: "an ecological principle 1 but", "the 1990s 5,8 .".
_CITATION_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<word>[a-z)][\w)]*)(?P<number>\s+\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*)"
    r"(?=\s*(?:[,;:]|\.(?!\d)|$)|\s+(?:but|and|or|which|that|with|while)\b)"
)


def _drop_citation(match: re.Match[str]) -> str:
    # After a function word the number is a value ("was 31", "than 5"), not a citation;
    # after a label it is the name's number ("Studies 3 and 4", "Grade 9", "Phase 2").
    word = match.group("word")
    return match.group() if word.lower() in STOPWORDS | _NUMBERED_LABELS else word


#: Words a number names one of: "Study 1", "Experiments 2 and 3", "Grade 9", "Table 2".
_NUMBERED_LABELS = words(
    "study studies experiment experiments trial trials phase phases wave waves stage stages "
    "grade grades group groups cohort cohorts sample samples model models hypothesis "
    "hypotheses figure figures table tables chapter chapters section sections part parts "
    "type types level levels class classes session sessions round rounds day days week weeks "
    "year years article articles case cases site sites condition conditions"
)


FIRST_PERSON = words("we us our ours ourselves i me my mine myself")
_EXPLETIVE_IT_RE = re.compile(
    r"^it\s+(?:is|was|has been|had been|has proved|has proven|had proved|proved|proves|"
    r"seems|seemed|appears|appeared|remains|remained|(?:will|would|can|could|may|might|must|"
    r"should) be)\b[^.]{0,80}?\b(?:that|to|whether|how|why|what)\b",
    re.IGNORECASE,
)


def unglue(sentence: str) -> str:
    """``sentence`` without page matter glued on ("... with PCD.Free full text") and
    without citation numbers after words ("a principle 1 but")."""
    glued = _GLUED_RE.search(sentence)
    if glued and _PAGE_MATTER_RE.search(sentence[glued.end() :]):
        sentence = sentence[: glued.start()]
    sentence = _CITATION_RE.sub(_drop_citation, sentence)
    return re.sub(r",\s*\(", " (", sentence)


def strip_connective(text: str) -> str:
    """Drop what ties a sentence to the one before: "Thus, ", "But ", "In all of these X, "."""
    text = strip_opener(text)
    return _CONNECTIVE_RE.sub("", text).strip()


def _head(phrase: str) -> str:
    tokens = [w.lower() for w in WORD_RE.findall(re.split(r"\s+of\s+", phrase)[0])]
    return tokens[-1] if tokens else ""


_NUMBERED_STUDY_RE = re.compile(
    r"(?:studies|study|experiments?)\s+\d+(?:\s*(?:,|and|&)\s*\d+)*", re.IGNORECASE
)


def is_source(subject: str) -> bool:
    """The subject is the article, its authors or its results ("we", "This study",
    "The simulation results", "Our prior work"), or there is none ("Concludes that").
    "Secondary research" is a topic, "this research" the article."""
    tokens = [w.lower() for w in WORD_RE.findall(subject)]
    if not tokens:
        return True
    if tokens[0] in FIRST_PERSON:
        return True
    if _NUMBERED_STUDY_RE.fullmatch(subject.strip()):
        return True  # "Study 1", "Studies 3 and 4": the article's own studies
    head = _head(subject.strip())
    return head in EVIDENCE_NOUNS or bool(_SELF_NP_RE.fullmatch(" ".join(tokens)))


#: The article's plan or its gap in the literature, not a claim about its subject: "the
#: most important concepts will be presented", "the lockout has been under-researched",
#: "anthropologists have long been drawn to gifts".
_ROADMAP_RE = re.compile(
    r"\b(?:will|shall)\s+(?:also\s+|then\s+|first\s+|briefly\s+)?(?:be\s+)?(?:presented|"
    r"discussed|described|examined|reviewed|outlined|made|explored|addressed|considered|"
    r"introduced|summari[sz]ed|analy[sz]ed)\b|\b(?:are|is)\s+(?:then\s+|also\s+|briefly\s+)?"
    r"(?:discussed|presented|reviewed|outlined|summari[sz]ed|described)\b(?![^.]*\bthat\b)|"
    r"\b(?:under-?researched|under-?studied|has received (?:little|scant|less) attention|"
    r"little is known|remains? (?:poorly understood|unclear|unexplored)|few studies)\b|"
    r"\bneeds? to be (?:further\s+)?(?:explored|examined|investigated|studied|understood|"
    r"addressed)\b|\bit is (?:\w+ly\s+)?(?:important|necessary|crucial|essential) to "
    r"(?:understand|examine|explore|investigate|study)\b|"
    r"^(?:since\s+[\w.' ]+,\s+|as a (?:consequence|result) of [^,]+,\s+)?"
    r"(?:(?:several|many|some|other|earlier|previous)\s+)?(?:scholars|historians|"
    r"anthropologists|sociologists|researchers|economists|linguists|critics|authors|"
    r"studies|the literature)\s+"
    r"(?:have|has)\s+(?:long\s+)?(?:been\s+)?",
    re.IGNORECASE,
)


def frames(text: str) -> bool:
    """The clause is the article speaking of itself (its aim, its plan, its gap in the
    literature, what it does, "we" acting), not a claim about its subject."""
    text = strip_connective(text)
    if _SELF_AIM_RE.search(text) or _SELF_OPENER_RE.match(text) or _SELF_SUBJECT_RE.match(text):
        return True
    if _ROADMAP_RE.search(text) or tells_method(text) or sets_the_scene(text):
        return True  # its plan, its gap in the literature, its method, its background
    if framing(text):
        return True  # the matcher the items use ("Each source is critically reassessed")
    tokens = WORD_RE.findall(text)
    if not tokens:
        return True
    first = tokens[0].lower()
    if first in FIRST_PERSON or (first == "here" and len(tokens) > 1):
        return True
    subject = clause_subject(text).lower()
    if subject in FIRST_PERSON or _SELF_NP_RE.fullmatch(subject):
        return True
    # Abstract style without a subject: "Traces the history ...", "Offers some ideas ...".
    return tokens[0][:1].isupper() and first in _SUBJECTLESS_VERBS


#: The article named as such: "this research", "the present study", "the paper".
_SELF_NP_RE = re.compile(
    r"(?:(?:this|our|my|the present)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(sorted(SELF_NOUNS))
    + r")|the\s+(?:[\w-]+\s+){0,2}?(?:paper|study|article|essay|review|commentary|chapter|"
    r"thesis|dissertation))"
)
#: "The paper reviews ...", "This essay is animated by ...": the article as subject.
_SELF_SUBJECT_RE = re.compile(
    r"^(?:(?:this|our|my|the present)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(sorted(SELF_NOUNS))
    + r")|the\s+(?:paper|study|article|essay|review|commentary|chapter|thesis|dissertation))"
    r"\s+(?!of\b|and\b|or\b|in\b|on\b|for\b|period\b|site\b|group\b)[a-z]",
    re.IGNORECASE,
)


#: Verbs an abstract opens on without a subject ("Describes how ...").
_SUBJECTLESS_VERBS = words(
    "traces describes focuses looks offers concludes examines discusses argues presents "
    "reviews considers explores outlines proposes suggests shows analyses analyzes reports "
    "investigates addresses identifies assesses evaluates compares introduces summarises "
    "summarizes highlights notes provides seeks aims"
)


def unwrap(text: str) -> tuple[str, str]:
    """(claim, how) for a clause that may wrap a claim in framing.

    ``how`` is "finding" when the work reports it found X, "argument" when it
    argues or concludes X, "" when nothing was unwrapped. A clause that frames
    without a claim gives ("", "framing").
    """
    text = strip_connective(text)
    aside = ASIDE_REPORT_RE.search(text)
    if aside:  # "X is best understood, I argue, in terms of Y": the author argues X
        return text[: aside.start()] + text[aside.end() :], "argument"
    reader = _READER_RE.match(text)
    if reader:
        return text[reader.end() :], "framing-wrapped"
    impersonal = _IMPERSONAL_RE.match(text)
    if impersonal:
        verb = impersonal.group("verb").lower()
        how = "finding" if re.match(_FINDING_VERBS, verb) else "argument"
        return text[impersonal.end() :], how
    conclusion = _CONCLUSION_RE.match(text)
    if conclusion:
        noun = conclusion.group("noun").lower()
        return text[conclusion.end() :], "finding" if noun in ("finding", "result") else "argument"
    if _OTHERS_VIEW_RE.match(text) or PUT_FORWARD_RE.match(text):
        return "", "framing"  # "Galen Strawson's Basic Argument is that X": his view, told;
        # "One possibility is that X": a view the text weighs, not one it holds
    report = _REPORT_RE.match(text)
    if report and _NEGATED_RE.search(report.group("subject")):
        return "", "framing"  # "Our results do not suggest that X": X is what it denies
    if report and _EARLIER_WORK_RE.search(report.group("subject")):
        return "", "framing"  # "Our prior work has demonstrated that X": the background
    if report and is_source(report.group("subject")):
        verb = report.group("verb").lower()
        if report.group("wh").lower() != "that" and not verb.startswith(("explain", "show")):
            return "", "framing"  # "examines how X": a question, not a claim
        subject = report.group("subject")
        empirical = _head(subject) in EVIDENCE_NOUNS - words("author authors")
        how = "finding" if re.fullmatch(_FINDING_VERBS, verb) or empirical else "argument"
        return text[report.end() :], how
    if frames(text):
        return "", "framing"
    return text, ""


def capitalised_names(sentences: list[str]) -> frozenset[str]:
    """Words written with a capital somewhere other than at a sentence start, and never
    in lower case ("Burnout" of "the Maslach Burnout Inventory" is no name where the text
    also speaks of "nursing burnout")."""
    found = set()
    lower = set()
    for sentence in sentences:
        for match in re.finditer(r"(?<=[^.!?]\s)([A-Z][\w'\u2019-]*)", sentence[1:]):
            word = match.group(1).lower()
            found.add(re.sub(r"['\u2019]s$", "", word))  # "Marenco's": the name "marenco"
        lower.update(re.findall(r"\b[a-z][a-z'\u2019-]*", sentence))
    return frozenset(found - lower)


#: A capitalised first word rarer than this, before a name, is the name's first part.
NAME_PART_ZIPF = 3.5


def lower_first(text: str, names: frozenset[str]) -> str:
    """First word lower-cased when it is a function word or a common word (not in
    ``names``, the words the text capitalises mid-sentence): "The unions were" ->
    "the unions were", "Socialist competition" -> "socialist competition"."""
    first, _, rest = text.partition(" ")
    # (not "Galen Strawson's argument": a capitalised word before a name is its first part)
    named_next = (
        rest[:1].isupper()
        and rest.split(" ", 1)[0].lower().removesuffix("'s") in names
        and not is_common(first.lower(), NAME_PART_ZIPF)  # not "Following South Africa's"
    )
    possessor = re.sub(r"['\u2019]s$", "", first.lower())  # "Winterson's": the name "winterson"
    common = first[1:].islower() and possessor not in names and not named_next
    acronym = len(first) > 1 and first.isupper()
    if (first.lower() in STOPWORDS or common) and not acronym:
        return text[:1].lower() + text[1:]
    return text


def claim_of(sentence: str, names: frozenset[str] = frozenset()) -> str:
    """A sentence as a "that ..." clause: opener dropped, cut to its main clause
    when long, first word lower-cased unless it is a name."""
    return lower_first(main_clause(trim(strip_connective(sentence))), names)


def resolve(clause: str, earlier: list[str]) -> str:
    """``clause`` with a pointing-back demonstrative made definite ("This extensive
    purge provided" -> "the extensive purge provided") when the noun it points at
    was named in ``earlier`` sentences or names itself ("This increase of two
    million members"); "" when the clause opens on a bare pronoun ("It ignores
    ...", "These include ...", "That agrees ...") or points back at what the text
    never named ("such devices", "use of both")."""
    tokens = WORD_RE.findall(clause)
    if not tokens:
        return ""
    first = tokens[0].lower()
    if first == "it":
        return clause if _EXPLETIVE_IT_RE.match(clause) else ""
    if first in _OPENING_PRONOUNS or _DANGLING_RE.search(clause):
        return ""
    # What a demonstrative points at is named in the sentence just before: "these INs"
    # after "a fourth group that includes NGFCs …" is that group, not the INs named
    # further up.
    last = earlier[-1].lower() if earlier else ""
    out = clause
    for match in reversed(list(DEMONSTRATIVE_RE.finditer(clause))):
        det, noun = match.group(1).lower(), match.group(2).lower()
        if (det, noun) == ("such", "as") or (det == "those" and noun in _HEADLESS):
            continue  # "such as", "those who joined", "those of the social sciences"
        if det == "such" or noun in STOPWORDS or _is_verbish(noun):
            return ""  # "such devices", "these include", "this is": no named referent
        head = WORD_RE.findall(clause[match.end(1) :])[:3]
        if noun in _UNNAMING_HEADS or any(w.lower() in _UNNAMING_HEADS for w in head[1:]):
            return ""  # "those variables", "this market condition": still unnamed as "the …"
        if not (_named_before(clause, match, last) or _names_itself(clause, match)):
            return ""
        article = "The" if match.start() == 0 and clause[:1].isupper() else "the"
        out = out[: match.start()] + article + out[match.end(1) :]
    return out


DEMONSTRATIVE_RE = re.compile(r"\b(this|these|those|such)\s+([\w'-]+)", re.IGNORECASE)
_HEADLESS = words("who whom whose which that of with in")
#: Plural heads that name a set without its members ("these variables", "those factors"):
#: the definite article does not tell a reader which ones.
_UNNAMING_HEADS = words(
    "variables factors items measures indicators constructs dimensions components models "
    "methods tools strategies scales instruments condition conditions situation circumstances "
    "trend trends development developments"
)
_OPENING_PRONOUNS = words("they them he she its their his her that both either neither")
#: A pronoun with nothing after it to name what it stands for: "use of both, ...".
_DANGLING_RE = re.compile(
    r"\b(?:both|either|neither)\s*(?:[,.;:)]|$)"
    r"|\b(?:both|either|neither)\s+of\s+(?:them|these|those)\b",
    re.IGNORECASE,
)


def _names_itself(clause: str, match: re.Match[str]) -> bool:
    """ "This increase of two million members": the phrase says what it points at."""
    return bool(re.match(r"[\w'-]+\s+of\s+(?:[\w'-]+\s+){1,}[\w'-]+", clause[match.start(2) :]))


def _is_verbish(word: str) -> bool:
    return word in AUXILIARIES or word in MODALS or word in _POINTING_VERBS


_POINTING_VERBS = words(
    "include includes included means meant shows showed suggests led leads allow allows "
    "indicate indicates show suggest"
)


def _named_before(clause: str, match: re.Match[str], before: str) -> bool:
    """A content word of the noun phrase after the demonstrative occurs earlier."""
    phrase = re.split(r"\s+(?:of|in|on|for|with|by|to|was|were|is|are|has|have|had)\s+",
                      clause[match.start(2) :])[0]  # fmt: skip
    for word in WORD_RE.findall(phrase)[:4]:
        word = word.lower()
        if word in STOPWORDS or len(word) < 3:
            continue
        stem = word[:-1] if word.endswith("s") and len(word) > 4 else word
        if re.search(rf"\b{re.escape(stem)}", before):
            return True
    return False


_SUBORDINATORS = words(
    "as while when whereas although though because since if once unless until after before"
)
#: A clause ending on one of these was cut short.
_BAD_ENDINGS = (DETERMINERS | PREPOSITIONS | RELATIVES | AUXILIARIES | MODALS) | words(
    "and or but nor if because than whether whereas although though so to of very more most"
)


def readable(clause: str, *, limit: int = MAX_QUOTE_WORDS) -> bool:
    """A clause that reads on its own after "that": a subject and a verb, no first
    person, no page matter, balanced brackets, not ending on a function word, of a
    length a prompt can quote."""
    tokens = WORD_RE.findall(clause)
    if not MIN_QUOTE_WORDS <= len(tokens) <= limit or not balanced(clause):
        return False
    lowered = [w.lower() for w in tokens]
    # "I" and "us" as written: "the US economy" is no first person.
    if any(w.lower() in FIRST_PERSON and w != "US" for w in tokens):
        return False
    if lowered[-1] in _BAD_ENDINGS:
        return False
    if _PAGE_MATTER_RE.search(clause) or re.search(r"\b(?:the|a|an|of)\s*[,;:]", clause):
        return False
    if not stem_ok(clause) and len(tokens) >= 6:
        return False
    if lowered[0] in _SUBORDINATORS and not main_start(clause):
        return False  # "as the movement continues on its path": no main clause
    expletive = lowered[0] == "it" and _EXPLETIVE_IT_RE.match(clause)
    there = lowered[0] == "there"
    infinitive = lowered[0] == "to"
    subject = clause_subject(clause)
    # "(for many decades) it was neglected": which "it"? The sentence before said.
    if not expletive and subject.lower().split()[-1:] in (["it"], ["they"], ["this"], ["these"]):
        return False
    return bool(expletive or there or infinitive or subject)
