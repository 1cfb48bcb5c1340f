"""Cut a short, term-specific span out of a sentence: the clause around a term.

Glossary definitions, matching items, short-answer prompts and true/false
statements all need a piece of a sentence that reads on its own. Every span
returned here is a contiguous slice of the sentence (never reworded), so a
teacher can always find it in the source.
"""

from __future__ import annotations

import re

from .lexicon import STOPWORDS

#: A clause should say something: at least this many words.
MIN_CLAUSE_WORDS = 6
#: Above this many words a span stops reading as a definition.
MAX_CLAUSE_WORDS = 28

#: Strong boundaries: semicolons, colons, dashes.
_STRONG_RE = re.compile(r"\s*(?:;|:|\s[\u2013\u2014-]\s)\s*")
#: Weak boundaries: commas.
_COMMA_RE = re.compile(r",\s+")
#: Discourse openers that make a clause depend on the one before.
_OPENER_RE = re.compile(
    r"^(?:thus|hence|therefore|moreover|however|furthermore|also|above all|in addition|throughout|"
    r"consequently|finally|first|second|third|then|specifically|further|here|now|instead|"
    r"next|subsequently|firstly|secondly|thirdly|rather|regardless|"
    r"accordingly|additionally|in sum|in summary|in short|in conclusion|overall|importantly|"
    r"notably|similarly|likewise|meanwhile|nevertheless|nonetheless|indeed|in general|"
    r"lastly|in particular|as a result|as a consequence|in turn|by contrast|in contrast|"
    r"more importantly|most importantly|more specifically|more generally|more broadly|"
    r"on the other hand|on the one hand|at the same time|for example|for instance|in fact|"
    r"of course|"
    r"conversely|alternatively|by comparison|in comparison|equally|and yet|but still|still|yet|"
    r"but|and|so|"
    # "On the ''hot'' side, …", "On the policy side, …"
    r"(?:on|from) the [^,]{1,30} side|"
    # A phrase pointing back at what came before: "in all of these cases", "in this paper".
    r"(?:in|of|by|through|with|for|from) (?:all (?:of )?)?(?:these|this|those|such|that)"
    r"(?: [^\W\d_]+){1,2}|"
    # "Based on this analysis, …": the analysis the sentence before told
    r"(?:based on|building on|drawing on|following|given) (?:these|this|those|such|that)"
    r"(?: [^\W\d_]+){1,2})\s*,\s*",
    re.IGNORECASE,
)
#: A phrase on what the sentence before said, before a main clause that names its own
#: subject: "Attempting to resolve these outstanding issues, …", "To meet these demands,
#: …", "Despite this progress, …". The main clause stands alone without it.
_POINTING_OPENER_RE = re.compile(
    r"^(?:[a-z]+ing|to|in order to|despite|in spite of|after|unlike|against|amid|beyond)\s+"
    r"(?:[^\W\d_]+\s+){0,4}?(?:these|this|those|such)(?:\s+[^\W\d_-]+){1,3}\s*,\s*"
    r"(?=(?!(?:we|they|it|he|she|this|these|those|such|our|their|its)\b)[^\W\d_])",
    re.IGNORECASE,
)
#: "In this article it is argued that …", "In this paper we show …": the article's own
#: place, without the comma that would make it an opener of the usual kind.
_OWN_PLACE_RE = re.compile(
    r"^in\s+(?:this|the\s+present)\s+(?:article|paper|study|essay|chapter|review|book|"
    r"thesis|report)\s+(?=(?:it\s+is|we|I)\s)",
    re.IGNORECASE,
)
#: "It has proved difficult to …", "it is clear that …": an "it" that stands for the
#: clause after it, not for anything the sentence before named.
EXPLETIVE_IT_RE = re.compile(
    r"^it\s+(?:is|was|has\s+been|had\s+been|has\s+proved|has\s+proven|proved|remains|"
    r"seems|seemed|appears|appeared|becomes|became)\s+(?:\w+ly\s+)?(?:difficult|hard|easy|"
    r"possible|impossible|necessary|important|clear|likely|unlikely|essential|crucial|"
    r"evident|apparent|critical|vital|useful)\s+(?:to|that|for)\b",
    re.IGNORECASE,
)
#: How the article's finding stands to others', before its report of it: "Unlike previous
#: research, we find that …".
_AGAINST_OTHERS_RE = re.compile(
    r"^(?:unlike|contrary\s+to|in\s+contrast\s+to|in\s+line\s+with|consistent\s+with)\s+"
    r"[^,]{1,60},\s+(?=(?:we|I|the\s+authors?|this\s+(?:study|paper|article))\s+"
    r"(?:\w+ly\s+)?\w+\s+that\b)",
    re.IGNORECASE,
)
_TRAILING = " ,;:.-\u2013\u2014"


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", text))


def _pieces(text: str, pattern: re.Pattern[str], offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in pattern.finditer(text):
        spans.append((offset + start, offset + match.start()))
        start = match.end()
    spans.append((offset + start, offset + len(text)))
    return [(a, b) for a, b in spans if b > a]


def tidy(span: str) -> str:
    """Strip edge punctuation and dangling function words ("... of the")."""
    span = span.strip().rstrip(_TRAILING).lstrip(_TRAILING)
    words = span.split()
    while len(words) > 1 and words[-1].lower() in STOPWORDS:
        words.pop()
    return " ".join(words).rstrip(_TRAILING)


#: "So" opens a consequence without a comma: "So the probability … is increasing"; "Now"
#: sets a state against the one before ("Now Italy is one of the top ten …").
_SO_RE = re.compile(
    r"^(?:so|however|thus|hence|moreover|but|yet|now(?!\s+that\b))\s+(?=[a-z])", re.IGNORECASE
)


#: The article reporting what it found or argues: "It first shows that X", "We find that
#: X", "The results suggest that X". X is the text's claim; the lead is its framing.
_REPORT_RE = re.compile(
    # after an opener on its sources: "Relying mostly on archival records, the article shows"
    r"^(?:(?:relying|drawing|building|based|using)\b[^,]{0,120},\s+)?"
    # "Here we demonstrate that …", "Here, we show that …"
    r"(?:here,?\s+(?=we\b))?"
    r"(?:(?:(?:this|the|our|the present) (?:[a-z-]+ ){0,2}(?:study|paper|article|analysis|"
    r"research|review|essay|thesis|chapter)|it|we|I|the authors?|"
    # "The simulation results showed", "CONCOR analysis showed", "Results indicate"
    # (not "Previous results showed": the literature's finding, not the text's)
    r"(?:(?:our|the|these|overall)\s+)?(?:(?!(?:previous|prior|past|earlier|recent|other|"
    r"existing|some|many)\b)[\w-]+\s+)?(?:results|findings|analyses|analysis|data|models?|"
    r"simulations?|regressions?|experiments?|estimates)|"
    # the article's numbered studies: "Study 1 showed that …", "Experiments 2 and 3 found"
    r"(?:studies|study|experiments?)\s+\d+(?:\s+and\s+\d+)?)\s+"
    # with no subject at all, the abstract's elided one: "Concludes that …"
    r"(?:\w+ly\s+)?(?:first\s+|then\s+|also\s+|further\s+|finally\s+)?)?"
    r"(?:(?:shows?|showed|find|finds|found|demonstrates?|demonstrated|argues?|argued|"
    r"concludes?|concluded|suggests?|suggested|reveals?|revealed|indicates?|indicated|"
    r"confirms?|confirmed|establish(?:es|ed)?|highlights?|highlighted|"
    r"show(?:ed)?\s+clearly|underlines?|underlined|underscores?|underscored)"
    # "We show, however, that …": a linking word set off between the verb and its "that"
    r"(?:\s*,\s*(?:however|therefore|moreover|furthermore|thus|also|in turn|in fact|instead|"
    r"nevertheless|though)\s*,)?\s+that|"
    # "it sketches how the religions … have increased": verbs that assert the "how" clause
    # (not "examines how", "asks how": those leave it open; not "shows how to")
    r"(?:shows?|showed|demonstrates?|demonstrated|reveals?|revealed|sketch(?:es|ed)?|"
    r"traces?|traced|describes?|described|documents?|documented|illustrates?|illustrated|"
    r"explains?|explained)\s+how(?!\s+to\b))\s+(?=\S+\s+\S+\s+\S+)|"
    # "The main conclusion is that …", "It was found that …"
    # "Findings can be summarized as follows: First, …"
    r"^(?:the\s+)?(?:main\s+)?(?:findings|results)\s+(?:can|could|may)\s+be\s+summari[sz]ed\s+"
    r"as\s+follows\s*:\s*(?:first(?:ly)?,\s*)?|"
    # "From the overview was concluded that …", "From the results it can be concluded that"
    r"^(?:from|in)\s+(?:the|this|our)\s+(?:[\w-]+\s+){0,2}?(?:overview|review|analysis|results|"
    r"findings|data|study|survey|comparison)\s*,?\s+(?:it\s+)?(?:was|is|can\s+be|could\s+be)\s+"
    r"(?:concluded|found|shown|observed|seen)\s+that\s+(?=\S+\s+\S+\s+\S+)|"
    r"^(?:(?:the|our)\s+(?:main|key|central|principal|major|overall|primary|chief)\s+"
    r"(?:conclusion|finding|result|argument|claim|message)\s+(?:of\s+[\w\s-]{1,40}?\s+)?"
    r"(?:is|was)|it\s+(?:is|was)\s+(?:\w+ly\s+)?(?:found|concluded|shown|demonstrated|"
    r"argued|observed|confirmed))\s+that\s+(?=\S+\s+\S+\s+\S+)",
    re.IGNORECASE,
)


def strip_opener(text: str) -> str:
    """Drop a leading "Thus, " / "Above all, " / "So " / "Despite this progress, " that
    ties a sentence to the one before."""
    text = _POINTING_OPENER_RE.sub("", text, count=1)
    text = _OWN_PLACE_RE.sub("", text, count=1)
    text = _AGAINST_OTHERS_RE.sub("", text, count=1)
    return _SO_RE.sub("", _OPENER_RE.sub("", text, count=1), count=1)


def claim_of(text: str) -> str:
    """The sentence without its opener and without the article's report of its own claim
    ("We find that …", "It first shows that …", "X is, I argue, Y"): what is left is the
    claim. "We find X to be Y" is left as "X is Y"."""
    text = _REPORT_RE.sub("", ASIDE_REPORT_RE.sub("", strip_opener(text)), count=1)
    return _RAISED_RE.sub(_raised, text, count=1)


#: The article's report with its claim's subject raised to its object: "We find the
#: public's viability as a democratic check to be strikingly limited".
_RAISED_RE = re.compile(
    r"^(?:we|the authors?|(?:this|the present|our)\s+(?:study|paper|article|analysis))\s+"
    r"(?:also\s+)?(?P<verb>find|show|judge|consider|found|showed|judged|considered)\s+"
    r"(?P<subject>(?:(?!\bto\s+be\b)[^:;,()])+?)\s+to\s+be\s+(?=\w)",
    re.IGNORECASE,
)
#: Where a noun phrase's head ends: before its first preposition.
_AFTER_HEAD_RE = re.compile(
    r"\s+(?:of|as|in|for|with|on|among|across|at|from|to|by|under|between)\s+.*$", re.I
)


def _raised(match: re.Match[str]) -> str:
    """ "We find X to be Y" -> "X is Y" ("was" for "found", "are" for a plural head)."""
    subject = match.group("subject")
    head = _AFTER_HEAD_RE.sub("", subject).split()[-1].lower()
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "\u2019s"))
    past = match.group("verb").lower().endswith("ed") or match.group("verb").lower() == "found"
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    return f"{subject[:1].upper()}{subject[1:]} {be} "


#: A view put up for weighing, not held: "One possibility is that …", "One explanation is
#: that …" (which the text may go on to reject), "One might think that …".
PUT_FORWARD_RE = re.compile(
    r"^\W*(?:one|another|a\s+(?:natural|tempting|possible|plausible|common|alternative))\s+"
    r"(?:possibility|option|answer|suggestion|view|thought|response|explanation|"
    r"interpretation|account|hypothesis)\s+(?:is|was)\s+that\b|"
    r"^\W*one\s+(?:might|could|may)\s+(?:think|argue|suppose|hold)\s+that\b",
    re.IGNORECASE,
)


#: The author's report set in the claim as an aside: "X is best understood, I argue, in
#: terms of …", "Clinicians act paternalistically, we contend, when …".
ASIDE_REPORT_RE = re.compile(
    r",\s+(?:I|we)\s+(?:argue|contend|suggest|claim|show|propose|maintain|hold|submit),(?=\s)|"
    # "X, as argued here, take place in …"
    r",\s+as\s+(?:argued|shown|suggested|proposed|claimed)\s+(?:here|below|in\s+this\s+"
    r"(?:paper|article|chapter|essay)),(?=\s)"
)


#: A sentence that leans on text the student does not see: "In the midst of this, …",
#: "the following units", "the preceding model", "Based on this analysis".
_LEANS_ON_RE = re.compile(
    r"^[^,]{0,40}\b(?:this|these|those|that|such)\s*,|\bthe (?:following|preceding|"
    r"above|aforementioned|latter|former)\b|^(?:based on|building on|following|given) "
    r"(?:this|these|that|those)\b|"
    # "In spite of the market condition, …": the condition the sentence before described
    r"^(?:in spite of|despite|given|because of|due to|owing to)\s+(?:the|this|these|such)\s+"
    r"(?:[\w-]+\s+)?(?:conditions?|situation|circumstances?|trends?|developments?|problems?|"
    r"context|challenges?|constraints?|limitations?|changes?)\b|"
    # "In so doing it discusses …": what it did is in the sentence before
    r"^(?:in so doing|in doing so|by doing so|to do so|to do this)\b",
    re.IGNORECASE,
)


def leans_on_context(text: str) -> bool:
    """Whether ``text`` (opener already stripped) needs a sentence the student cannot see."""
    return bool(_LEANS_ON_RE.search(text))


#: A claim ending on a relational noun without its "of what": "… are important co-factors."
_NO_COMPLEMENT_RE = re.compile(
    r"\b(?:co-?factors?|factors|predictors?|determinants?|drivers?|correlates?|contributors?|"
    r"components?)\s*\.?$",
    re.IGNORECASE,
)


def lacks_its_complement(text: str) -> bool:
    """Whether ``text`` names a relation's one side only ("temperature and precipitation
    are important co-factors": of what? The sentence before said)."""
    return bool(_NO_COMPLEMENT_RE.search(text.strip()))


#: Weakest boundaries, used only inside a long piece without commas.
_WORD_RE = re.compile(r"\s+(?=(?:with|and|which|who|whereas|while|because|but|in relation to)\s)")
#: A piece opening with these leans on the piece before it.
_DEPENDENT_START = ("which", "who", "whom", "where", "and", "or", "but", "with", "in relation")


def _narrow(
    sentence: str, piece: tuple[int, int], start: int, pattern: re.Pattern[str]
) -> tuple[int, int]:
    """Within ``piece``, the sub-piece around ``start`` widened to a readable length."""
    text = sentence[piece[0] : piece[1]]
    parts = _pieces(text, pattern, piece[0])
    at = next((k for k, (a, b) in enumerate(parts) if a <= start < b), 0)
    lo = hi = at

    def dependent(k: int) -> bool:
        return sentence[parts[k][0] : parts[k][1]].lower().startswith(_DEPENDENT_START)

    while lo > 0 and dependent(lo):
        lo -= 1
    while word_count(sentence[parts[lo][0] : parts[hi][1]]) < MIN_CLAUSE_WORDS:
        if hi + 1 < len(parts):
            hi += 1
        elif lo > 0:
            lo -= 1
        else:
            break
    return parts[lo][0], parts[hi][1]


def _readable(text: str) -> str:
    text = tidy(strip_opener(tidy(text)))
    count = word_count(text)
    return text if MIN_CLAUSE_WORDS <= count <= MAX_CLAUSE_WORDS else ""


def clause_candidates(sentence: str, start: int, end: int) -> list[str]:
    """Readable spans around characters ``start:end``, narrowest first.

    First the piece between strong boundaries (; : dashes); if that is too
    long, its comma-separated sub-piece, then a piece cut at "with"/"and"/
    "which"; each widened with neighbours to at least :data:`MIN_CLAUSE_WORDS`
    words. The strong piece joined with its neighbour is offered as a wider
    alternative. Spans not of a readable length are left out.
    """
    strong = _pieces(sentence, _STRONG_RE, 0)
    k = next((k for k, (a, b) in enumerate(strong) if a <= start < b), 0)
    piece = strong[k] if strong else (0, len(sentence))
    spans = [piece]
    if word_count(sentence[piece[0] : piece[1]]) > MAX_CLAUSE_WORDS:
        comma = _narrow(sentence, piece, start, _COMMA_RE)
        spans.insert(0, comma)
        if word_count(sentence[comma[0] : comma[1]]) > MAX_CLAUSE_WORDS:
            spans.insert(0, _narrow(sentence, comma, start, _WORD_RE))
    if k > 0:
        spans.append((strong[k - 1][0], piece[1]))
    if k + 1 < len(strong):
        spans.append((piece[0], strong[k + 1][1]))
    out: list[str] = []
    for a, b in spans:
        text = _readable(sentence[a:b])
        if text and text not in out and text.lower().find(sentence[start:end].lower()) >= 0:
            out.append(text)
    return out


def clause_around(sentence: str, start: int, end: int) -> str:
    """The narrowest readable clause around ``start:end``, or "" if none."""
    candidates = clause_candidates(sentence, start, end)
    return candidates[0] if candidates else ""


def find_form(sentence: str, forms: list[str]) -> tuple[int, int] | None:
    """Position of the first (longest at a tie) form in the sentence, word-bounded (a
    hyphen binds: "minute" is not found in "sixty-minute")."""
    best: tuple[int, int] | None = None
    for form in forms:
        flags = 0 if form.isupper() else re.IGNORECASE
        match = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence, flags)
        if match and (
            best is None
            or match.start() < best[0]
            or (match.start() == best[0] and match.end() > best[1])
        ):
            best = (match.start(), match.end())
    return best


def appositive(sentence: str, span: tuple[int, int]) -> str:
    """ "X, which was ...," or "X (...)" right after the term, with the term."""
    rest = sentence[span[1] :]
    match = re.match(r",\s+(?:which|who|a|an|the)\s[^,;:()]+", rest)
    if match is None:
        match = re.match(r"\s*\([^()]{3,}\)", rest)
    if match is None:
        return ""
    text = tidy(sentence[span[0] : span[1] + match.end()])
    return text if MIN_CLAUSE_WORDS <= word_count(text) <= MAX_CLAUSE_WORDS else ""


_CONNECTOR_RE = re.compile(
    r"^(?:and|or|but|with|which|who|whereas|while|because|in relation to)\s+", re.IGNORECASE
)


def phrase_window(sentence: str, start: int, end: int) -> str:
    """The smallest run of phrases around ``start:end`` (cut at punctuation and at
    "with"/"and"/"which"...) of at least :data:`MIN_CLAUSE_WORDS` words, its
    leading connective dropped: "the dual aims of weakening their political
    status". Not always a clause, but a short context specific to the term,
    for when no readable clause is left. "" if none fits."""
    parts: list[tuple[int, int]] = []
    for a, b in _pieces(sentence, _STRONG_RE, 0):
        for c, d in _pieces(sentence[a:b], _COMMA_RE, a):
            parts.extend(_pieces(sentence[c:d], _WORD_RE, c))
    at = next((k for k, (a, b) in enumerate(parts) if a <= start < b), None)
    if at is None:
        return ""
    lo = hi = at

    def text() -> str:
        return tidy(_CONNECTOR_RE.sub("", tidy(sentence[parts[lo][0] : parts[hi][1]])))

    while word_count(text()) < MIN_CLAUSE_WORDS and (lo > 0 or hi + 1 < len(parts)):
        if lo > 0:
            lo -= 1
        else:
            hi += 1
    found = text()
    inside = found.lower().find(sentence[start:end].lower()) >= 0
    return found if inside and MIN_CLAUSE_WORDS <= word_count(found) <= MAX_CLAUSE_WORDS else ""


#: A sentence telling the study's method ("Cox proportional hazards modeling was used to
#: determine …", "Interviews were conducted with 40 teachers"): how the article worked, not
#: what it found or argues. Its subject names a method, so "Forced labour was used to build
#: the canal" is not one.
STUDY_METHOD_RE = re.compile(
    r"\b(?:model(?:l)?ing|models?|regression|analys[ie]s|surveys?|questionnaires?|interviews?|"
    r"data|information|samples?|sampling|(?:time\s+)?series|images|imagery|records|"
    r"(?:research\s+)?design|participants|respondents|tests?|scales?|"
    r"methods?|measurements?|experiments?|observations?|simulations?|searche?s?)\b[^.;]{0,60}?"
    # ("Six tests are performed on continuous beams")
    r"\b(?:was|were|is|are)"
    r"\s+(?:then\s+|also\s+|subsequently\s+|first\s+|further\s+)?"
    r"(?:used|employed|applied|conducted|performed|recruited|collected|administered|"
    r"obtained|gathered|"
    r"carried out|fitted|adopted|presented|executed)\b|"
    # the article's example: "A case study of X is used to illustrate the effect"
    r"\b(?:case\s+study|example|simulation|application|illustration)\b[^.;]{0,80}?\b(?:is|was|"
    r"are|were)\s+(?:\w+ly\s+)?used\s+to\s+(?:illustrate|demonstrate|show|test|validate)\b|"
    # what the participants did: "Participants viewed neutral slides and …"
    r"^\W*(?:participants|subjects|respondents|patients|students|children)\s+(?:then\s+)?"
    r"(?:viewed|read|completed|watched|performed|received|rated|listened|answered|wrote|"
    r"underwent|attended|took part)\b|"
    # the study itself: "A cross-sectional study was performed at ICUs at …"
    r"\b(?:study|trial|experiment|survey|investigation|evaluation|analysis)"
    r"(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+(?:was|were|is|are)\s+"
    r"(?:\w+ly\s+)?(?:performed|conducted|carried out|undertaken|done|run)\b|"
    # any step of the work told as a process noun: "Systematic radiocarbon dating was
    # performed on a cemetery", "Sequencing was conducted on …"
    # (not "carried out": "collectivization was carried out in 1930" is a history told)
    r"\b[a-z]+(?:ing|sis|ses|ment|ments|tion|tions)\s+(?:was|were)\s+(?:\w+ly\s+)?(?:performed|"
    r"conducted)\b|"
    # the participants' tasks: "Forty-eight subjects, divided into two groups, completed …";
    # what was given to them: "The Recall phase was administered to all subjects"
    r"\b(?:participants|subjects|respondents|volunteers)\b[^.;]{0,80}?\b(?:completed|viewed|"
    r"watched|performed|rated|underwent)\b|\b(?:was|were)\s+administered\s+to\b|"
    # the article's own material, "here": "A large dataset … is used here as an example"
    r"\b(?:is|are)\s+used\s+here\b|"
    # a setting of the model or the rig: "Intake flow is set to 0.5 m/s"
    r"\b(?:is|are|was|were)\s+set\s+(?:to|at)\s+[\d.]|"
    # the apparatus: "An experimental rig … was equipped with eight thermocouples"
    r"\b(?:rig|apparatus|set-?up|device|instrument|test bench)\b[^.;]{0,80}?\b(?:was|were)\s+"
    r"(?:\w+ly\s+)?(?:equipped|fitted|instrumented)\b|"
    # a step and what it was for: "C-indexes were calculated across risk groups in order to
    # evaluate model performances", "codes were converted to calculate scores"
    r"\b(?:was|were)\s+(?:then\s+|also\s+|subsequently\s+|first\s+)?(?:calculated|computed|"
    r"converted|performed|conducted|split|divided|coded|transformed|normali[sz]ed)\b[^.;]{0,60}?"
    r"\b(?:in order\s+)?to\s+(?:evaluate|assess|examine|estimate|measure|test|compare|"
    r"determine|calculate|compute|identify|obtain|derive)\b|"
    # the design of a trial: "patients were randomly assigned to …", "outcomes included …"
    r"\b(?:patients|participants|subjects|respondents|children|students|people|persons|"
    r"individuals|households)\b[^.;]{0,80}?\b(?:were|was)\s+(?:randomly\s+)?(?:assigned|"
    r"randomi[sz]ed|allocated|enrolled|recruited|followed|instructed|asked|trained|required)\b|"
    r"\b(?:primary|secondary|main|in-hospital|postdischarge|clinical)?\s*outcomes?\s+"
    r"(?:included|were|was|comprised)\b|"
    # the article's own tool and what it is for: "This data set is introduced to study …"
    r"\b(?:this|the|our|a)\s+(?:new\s+|novel\s+)?(?:data\s?set|model|method|framework|"
    r"approach|tool|algorithm|corpus|benchmark|technique|instrument|scale|questionnaire|"
    r"index|pipeline|protocol)\s+(?:is|was|are|were|has been)\s+(?:\w+ly\s+)?(?:introduced|"
    r"proposed|presented|developed|designed|constructed|built|created)\s+(?:to|in order to|"
    r"for)\b|"
    # where the study looked: "The Naver web news was selected as a study site"
    r"\b(?:was|were)\s+(?:selected|chosen|sampled)\s+as\s+(?:a|an|the|our)?\s*"
    r"(?:study|research|case|sample|target|test)\b|"
    # an operational definition with its threshold: "Consensus was defined as ≥80% agreement"
    r"\b(?:was|were)\s+(?:defined|set|operationali[sz]ed)\s+as\s+(?:an?\s+|the\s+)?"
    r"(?:[\u2264\u2265<>]|at least\s+\d|more than\s+\d|\d)|"
    # a robustness check: "…, using 2SLS and GMM methods, the conclusion is still robust"
    r"\b(?:conclusions?|results?|findings?|estimates?)\s+(?:is|are|was|were|remains?)\s+"
    r"(?:still\s+)?robust\b|"
    # how a variable was measured: "Corporate governance is measured based on the … index",
    # "Mass balance was estimated using DEMs"
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:measured|assessed|estimated|quantified|"
    r"operationali[sz]ed|proxied|calculated|computed|isolated|identified|determined|detected|"
    r"characteri[sz]ed|sequenced|cultured|cultivated|extracted|collected|recorded|classified|"
    r"genotyped|diagnosed)\b[^.;]{0,100}?\b(?:based\s+on|using|by\s+means\s+of|with\s+the|"
    r"through|via)\b|"
    # what was looked into, and at what scale: "Trends in maximum temperature were
    # investigated at annual and seasonal scale"
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:investigated|examined|analy[sz]ed|studied|assessed|"
    r"explored|evaluated)\s+(?:at|using|with|across|by\s+means\s+of)\b|"
    # the material it was done on: "… were analyzed in hydroponically grown plants"
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:investigated|examined|analy[sz]ed|studied|assessed|"
    r"measured|evaluated|quantified)\s+in\s+(?:\w+ly\s+)?(?:\w+\s+){0,2}?(?:plants|animals|mice|"
    r"rats|cells|samples|patients|participants|subjects|specimens|cultures|seedlings|"
    r"volunteers|children|adults)\b|"
    # a step of the analysis: "Different thresholds were tested against the taxonomic data"
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:\w+ed\s+and\s+)?(?:tested|compared|applied|fitted|"
    r"validated|calibrated|"
    r"benchmarked)\s+(?:against|with|to|on)\b|"
    # what a review pooled: "Thirteen RCTs rated with low risk of bias were synthesized"
    r"\b(?:studies|trials|RCTs|articles|papers|records|reviews|publications)\b[^.;]{0,80}?"
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:synthesi[sz]ed|pooled|included|screened|reviewed|"
    r"extracted|retrieved|selected|meta-analy[sz]ed)\b|"
    # the data a study rests on: "The analysis is based on a new data set of prices from …"
    r"\b(?:is|are|was|were)\s+based\s+on\s+(?:a|an|the|our)?\s*(?:new\s+|large\s+|unique\s+|"
    r"novel\s+|comprehensive\s+)?(?:data\s?set|data|sample|survey|corpus|panel|database|"
    r"records|archive)\b|"
    # a field trial's layout: "applications were assigned to main plots", "a split plot design"
    r"\b(?:assigned|allocated|kept|placed|arranged)\s+(?:to|in)\s+(?:the\s+)?(?:main|sub|"
    r"split)[\s-]?plots?\b|\b(?:split[\s-]plot|randomi[sz]ed\s+complete\s+block)\b|"
    # what the study compared: "The impact of two types of feedback … was compared"
    r"^\W*the\s+(?:\w+\s+)?(?:impacts?|effects?|influences?|roles?|efficacy|effectiveness|"
    r"performance)\s+of\s+[^.;]{0,160}?\b(?:was|were)\s+(?:\w+ly\s+)?(?:compared|examined|"
    r"investigated|analy[sz]ed|assessed|tested|studied|explored|evaluated|measured)\b|"
    # a survey's round: "A follow-up survey 3 days later polled their opinions again"
    r"^\W*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:survey|questionnaire|interview|poll)\b[^.;]{0,40}?"
    r"\b(?:polled|asked|measured|recorded|surveyed|elicited|queried)\b|"
    # the study as the one acting: "The experimental study evaluated the tensile strength"
    r"^\W*(?:the|this|our|a|an)\s+(?:[\w-]+\s+){0,2}?(?:study|experiment|analysis|"
    r"investigation|survey|trial)\s+(?:\w+ly\s+)?(?:evaluated|examined|investigated|assessed|"
    r"measured|analy[sz]ed|explored|compared|tested|quantified|estimated|characteri[sz]ed)\b",
    re.IGNORECASE,
)


def tells_method(text: str) -> bool:
    return bool(STUDY_METHOD_RE.search(text))


#: The motivation an abstract opens with ("X is a priority for clinical trials", "in the
#: wake of …", "has received little attention"): background, not what the article says.
MOTIVATION_RE = re.compile(
    r"\b(?:is|are|has become|have become|remains?)\s+(?:a|an|the)?\s*(?:national\s+|major\s+|"
    r"key\s+|top\s+|growing\s+|serious\s+|global\s+|public\s+|pressing\s+)?"
    r"(?:priority|priorities|concern)\b|\bin the wake of\b|\bincreasingly\b|"
    # the gap the study fills: "evidence of long-term effects is limited"
    r"\b(?:evidence|data|knowledge|research|information)\b[^.;]{0,80}?\b(?:is|are|remains?)\s+"
    r"(?:\w+ly\s+)?(?:limited|scarce|lacking|sparse|inconclusive)\b|"
    # "There is little research on …", "there has been limited work on …"
    r"\bthere\s+(?:is|are|has been|have been)\s*,?\s*(?:however\s*,\s*)?(?:still\s+)?"
    r"(?:little|limited|scant|scarce|"
    r"sparse|no|few)\s+(?:\w+\s+)?(?:research|work|studies|evidence|data|attention|literature|"
    r"information|knowledge|understanding)\b|"
    # "Few of these studies, though, have examined …": the gap the study fills
    r"^\W*few\s+(?:of\s+(?:these|the|those|such)\s+)?(?:\w+\s+)?(?:studies|works|papers|"
    r"researchers|scholars|analyses)\b[^.;]{0,20}?\b(?:have|has)\b|"
    r"\b(?:research|studies|work|evidence|literature)\s+on\s+[^.;]{1,80}?\s+(?:is|are|has been|"
    r"have been|remains?)\s+(?:\w+ly\s+)?(?:scarce|limited|lacking|sparse|scant|rare)\b|"
    r"\bthere\s+(?:is|was|are|were|remains?)\s+(?:still\s+)?(?:a|an)\s+(?:\w+\s+)?(?:paucity|lack|"
    r"dearth|scarcity|absence|shortage)\s+of\b|"
    # a trend the study starts from: "Over the last five years, X have …", "In recent years"
    r"\b(?:over|in|during)\s+the\s+(?:last|past)\s+(?:few\s+|several\s+|\w+\s+)?"
    r"(?:years|decades)\b|\bin\s+recent\s+(?:years|decades|times)\b|"
    # why the topic matters: "is of great significance for …", "is widely used"
    r"\b(?:is|are)\s+of\s+(?:great|considerable|crucial|particular|vital|practical|"
    r"theoretical|significant|paramount)\s+(?:significance|importance|interest|value)\b|"
    r"\b(?:is|are)\s+(?:widely|commonly|increasingly|frequently|routinely)\s+(?:used|applied|"
    r"adopted|employed|prescribed|recommended)\b|"
    r"\b(?:received|attracted|given) (?:little|much|considerable|growing) attention\b|"
    r"\bit\s+is\s+(?:still\s+|as\s+yet\s+)?(?:unclear|not\s+(?:yet\s+)?known|unknown)\b|"
    r"\b(?:questions|issues|problems)\s+(?:still\s+)?remain(?:s)?(?:\s+(?:open|unanswered|"
    r"unresolved))?\b|"
    r"\blittle is known\b|"
    # why the subject matters: "The site has played a key role in understanding early history"
    r"\b(?:has|have)\s+played\s+(?:a|an)\s+(?:\w+\s+)?(?:key|central|important|major|crucial|"
    r"pivotal|significant)\s+role\s+in\b|"
    # what the field knows already: "English /r/ is known to exhibit covert variability"
    r"\b(?:is|are)\s+(?:well\s+|widely\s+)?known\s+to\s+(?!be\s+(?:false|wrong)\b)[a-z]+|"
    # the literature by its author and year: "Bakun (1990) hypothesized that …"
    r"^\W*[A-Z][\w'-]+(?:\s+(?:and|&)\s+[A-Z][\w'-]+|\s+et\s+al\.?)?\s+\((?:1[89]|20)\d\d[a-z]?\)"
    r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b|"
    # the literature's blind spot: "Statistical studies of X have so far exclusively focused on"
    r"\b(?:studies|research|work|literature|analyses|approaches|models)\b[^.;]{0,80}?\b(?:have|has)"
    r"\s+(?:so\s+far|hitherto|until\s+now|to\s+date)\b|"
    # the received view: "It is commonly held that X, but research … reveals …"
    r"\bit\s+(?:is|was|has\s+(?:long\s+)?been)\s+(?:\w+ly\s+)?(?:held|believed|assumed|thought|"
    r"accepted|supposed|claimed|maintained)\s+that\b|"
    # others' critique: "Scholars have criticized many legal doctrines …"
    r"\b(?:scholars|critics|commentators|researchers|theorists|historians|economists|"
    r"philosophers)\s+have\s+(?:\w+ly\s+)?(?:criticized|criticised|argued|contended|claimed|"
    r"maintained|questioned|challenged|assumed|suggested)\b|"
    # what is commended in general: "Development of self-control is widely encouraged"
    r"\b(?:is|are)\s+(?:widely|generally|commonly|often|broadly)\s+(?:encouraged|promoted|"
    r"endorsed|valued|recognized|recognised|acknowledged|accepted|advocated)\b|"
    # the literature by number: "… on longevity, metabolism, et al. [5, 6]"
    r"\[\d+(?:\s*[,\u2013-]\s*\d+)*\]|"
    # "A complete understanding of X has been hampered by a lack of empirical evidence"
    r"\b(?:has|have|had|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?(?:hampered|hindered|impeded|"
    r"constrained|held back)\s+by\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:lack|absence|paucity|"
    r"scarcity|dearth|shortage)\b|"
    r"\bremains? (?:\w+ly\s+)?(?:unclear|poorly understood|unknown|"
    r"unexamined|unexplored|understudied|under-studied|untested|overlooked|neglected)\b|"
    # "analytical work on this music has failed to take gender into account"
    r"\b(?:work|research|studies|scholarship|literature|analyses|scholars|researchers)\b"
    r"[^.;]{0,60}?\b(?:has|have)\s+(?:\w+ly\s+)?(?:failed\s+to|ignored|neglected|overlooked)\b|"
    # a field's rising or lasting concern: "There is growing interest in …", "Analysts have
    # long struggled with …"
    r"\b(?:growing|increasing|renewed|considerable|rising)\s+(?:interest|attention|concern|"
    r"pressure|demand|calls)\s+"
    r"(?:in|to|about|over)\b|\b(?:has|have)\s+long\s+(?:struggled|debated|been\s+debated|"
    r"sought|wondered|puzzled|been\s+interested)\b|"
    # the received reading the text revises: "X has traditionally been viewed as …", "have
    # been read by some critics in terms of …"
    r"\b(?:has|have)\s+(?:traditionally|widely|often|commonly|generally|usually|long)\s+been\s+"
    r"(?:read|interpreted|seen|viewed|regarded|understood|considered|treated)\b|"
    r"\bbeen\s+(?:\w+ly\s+)?(?:read|interpreted|seen|viewed|regarded|understood|considered)\s+"
    r"by\s+(?:some|many|most|several|other)?\s*(?:critics|scholars|historians|commentators|"
    r"researchers|readers)\b|"
    # what others have put forward: "X have been posited to have both beneficial and …"
    r"\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:posited|proposed|hypothesi[sz]ed|"
    r"suggested|claimed|argued|thought|believed|assumed)\s+to\b|"
    # the literature behind the study: "Decades of research have made X …"
    r"\b(?:decades|years|a\s+century)\s+of\s+(?:research|study|studies|work)\b|"
    # what understanding the topic needs: "A pre-requisite for understanding X is …"
    r"\b(?:pre-?requisites?|key|essential|crucial|necessary|vital|central|fundamental)\s+"
    r"(?:for|to)\s+(?:\w+\s+)?understanding\b|"
    # the text's plan or its gap in the literature: "… will be presented", "under-researched"
    r"\b(?:will|shall)\s+(?:also\s+|then\s+|first\s+|briefly\s+)?be\s+(?:presented|discussed|"
    r"described|examined|reviewed|outlined|made|explored|addressed|considered|introduced)\b|"
    r"\bunder-?(?:researched|studied)\b|"
    # "Empirical studies are scarce", "Understanding X is, however, restricted"
    r"\b(?:studies|research|evidence|work|data|understanding|knowledge)\s+(?:[\w-]+\s+){0,8}?"
    r"(?:is|are|remains?)\s*,?\s*(?:however\s*,\s*)?(?:still\s+)?(?:\w+ly\s+)?(?:scarce|"
    r"limited|lacking|sparse|rare|restricted|incomplete|fragmentary)\b|"
    # the call for more work: "research is needed to examine …"
    r"\b(?:research|studies|investigation|work|evaluation|attention)\s+(?:is|are)\s+"
    r"(?:\w+ly\s+|still\s+|thus\s+|therefore\s+)?(?:needed|required|warranted)\b|"
    # what others proved before: "the problem has been previously proved to be decidable"
    r"\b(?:has|have|had)\s+(?:been\s+)?(?:previously|already|earlier)\s+(?:been\s+)?"
    r"(?:proved|proven|shown|demonstrated|established|reported|found|studied|described)\b|"
    r"\bpreviously\s+(?:proved|proven|shown|demonstrated|established|reported)\b|"
    # the debate it joins: "the question of … has been critically raised"
    r"\b(?:questions?|issues?|concerns?|debates?)\b[^.;]{0,160}?\b(?:has|have)\s+been\s+"
    r"(?:\w+ly\s+)?(?:raised|posed|asked|debated)\b|"
    # the plan beyond this article: "As for future work, …", "Future research should …"
    r"\bfuture (?:work|research|studies)\b|\bfurther research (?:is|will|should)\b|"
    # what knowing it would be good for: "Understanding X can shed light on …"
    r"\b(?:can|could|may|might|will|would)\s+(?:help\s+)?(?:shed|throw)\s+light\s+on\b|"
    r"\b(?:can|could|may|might)\s+inform\s+(?:policy|practice|the design)\b|"
    # the literature's view, not the text's: "Past studies conceived of …", "(Smith, 2004)"
    r"^\W*(?:past|previous|prior|earlier|existing|most|many|several|numerous) (?:[a-z-]+ )?"
    r"(?:studies|trials|research|work|literature|scholarship|scholars|accounts)\b|"
    # the field as a whole: "A large area of stress research assesses …", "A growing body
    # of literature suggests …"
    r"^\W*(?:a|one)\s+(?:large|growing|substantial|considerable|extensive|rich|vast|major|"
    r"significant|burgeoning|small|limited)\s+(?:area|body|strand|line|field|literature|"
    r"number|range)\s+of\s+(?:[\w-]+\s+){0,3}?(?:research|studies|literature|scholarship|"
    r"work|evidence|inquiry|investigations?)\b|"
    r"\((?:see\s+)?[A-Z][\w'-]+(?:,?\s+(?:&\s+|and\s+)?[A-Z][\w'-]+)*(?:\s+et al\.?)?,?\s+"
    r"(?:1[89]|20)\d\d[a-z]?\s*[);]|"
    # the occasion for the study: "… has provided economists with an opportunity to study"
    r"\b(?:provides?|provided|offers?|offered|gives?|gave)\s+(?:\w+\s+){0,2}?(?:with\s+)?"
    r"(?:an|a unique|a rare|the)\s+opportunity\s+to\b|"
    # the field's recent past: "Recently, X has been widely adopted", "In recent years, …"
    r"^\W*(?:recently|in recent (?:years|decades)|over the (?:past|last) (?:few )?"
    r"(?:years|decades?)|traditionally|historically|to date|until recently),?\s|"
    r"\b(?:is|are) an? (?:well-established|well-known|widely used|established|common|"
    r"standard)\b|"
    # "… have been studied extensively as they relate to …"
    r"\b(?:has|have)\s+been\s+(?:studied|investigated|examined|researched|explored|discussed|"
    r"debated)\s+(?:extensively|widely|intensively|at length|in depth)\b|"
    r"\b(?:has|have) been (?:widely|increasingly|extensively|commonly|frequently) "
    r"(?:adopted|used|studied|applied|discussed|recognized|recognised|reported|explored|"
    r"investigated|examined|researched)\b|"
    # the gap the study fills: "has been less well characterized", "are still little studied"
    r"\b(?:has|have|had)\s+been\s+(?:less|poorly|little|rarely|seldom|insufficiently|not)\s+"
    r"(?:well\s+)?(?:characteri[sz]ed|understood|studied|explored|examined|investigated|"
    r"described|known|documented|addressed)\b|"
    r"\b(?:is|are|remains?)\s+(?:still\s+)?(?:little|poorly|rarely|seldom|insufficiently|"
    r"not\s+well)\s+(?:studied|understood|known|explored|examined|investigated|"
    r"characteri[sz]ed|documented)\b|"
    # why knowing it matters: "Identifying the determinants … is critical to define …", "The
    # identification of byre-houses … is key for the reconstruction of …"
    r"^\W*(?:the\s+)?(?:identif|understand|know|determin|establish|assess|measur|"
    r"characteri[sz]|quantif|mapp|examin|investigat|analy[sz]|detect|monitor|predict)[a-z]*"
    # (an abbreviation's period is no sentence end: "Escherichia (E.) coli")
    r"\b(?:[^.;]|\.(?=\S)){0,200}?\b(?:is|are|remains?|will be|would be)\s+(?:\w+\s+)?(?:key|"
    r"critical|crucial|essential|vital|fundamental|important|necessary|indispensable|central)\b|"
    # a method's praise: "Gene targeting … is a powerful technique to determine …"
    r"\b(?:is|are)\s+(?:a|an)\s+(?:\w+ly\s+)?(?:powerful|valuable|useful|important|promising|"
    r"effective|well-established|popular|versatile)\s+(?:[\w-]+\s+)?(?:tool|technique|method|"
    r"approach|means|way|strategy|instrument)s?\b|"
    # others' view: "… has been advanced by many investigators to explain …"
    r"\bby\s+(?:many|several|some|numerous|other|various)\s+(?:investigators|researchers|"
    r"authors|scholars|studies|workers|commentators|critics)\b|"
    # the field the study belongs to: "A central drive in this field is …"
    r"\b(?:in|of|across|within)\s+(?:(?:this|our)\s+(?:field|discipline|research area)|"
    r"the\s+(?:field|discipline)(?!\s+of))\b|"
    # the literature named by its authors: "Edgell et al. provide …", "following Peels (2010)"
    r"\b[A-Z][\w'-]+ et al\.?|\b(?:following|according to|see|cf\.?|after|as argued by)\s+"
    r"[A-Z][\w'-]+(?:\s+(?:(?:and|&)\s+)?[A-Z][\w'-]+){0,3}\s+\((?:1[89]|20)\d\d[a-z]?\)|"
    # others' view reported in the text: "several authors have stated the need for …"
    r"\b(?:several|many|some|numerous|various|other|few)\s+(?:[a-z-]+\s+)?(?:authors|"
    r"scholars|researchers|commentators|observers|studies)\s+have\s+(?:\w+ly\s+)?(?:stated|"
    r"argued|noted|suggested|proposed|called|pointed|claimed|emphasi[sz]ed|highlighted|"
    r"reported|shown|found)\b|"
    # a trend the text starts from: "As the labor movement continues on its path …, …"
    r"^\W*as (?:the |a |an )?[^,]{0,80}?\b(?:continues?|grows?|expands?|evolves?|develops?|"
    r"spreads?|matures?)\b[^,]*,|"
    # the challenge the text starts from: "archivists are challenged to ensure that …"
    r"\b(?:is|are|were|was)\s+(?:being\s+|increasingly\s+)?challenged\s+to\b|"
    # a scene-setting existential: "There are many on-line settings in which …"
    r"^\W*there (?:are|is|exist) (?:many|several|various|numerous|a (?:number|range|variety) "
    r"of)\b",
    re.IGNORECASE,
)


#: A sentence turning against the one before: "However, it is less clear …".
_TURN_RE = re.compile(
    r"^\W*(?:however|but|yet|nevertheless|nonetheless|in contrast|by contrast|still|instead)\b",
    re.IGNORECASE,
)
#: An abstract sets up what it then turns against within its first sentences.
OPENING_SENTENCES = 2


def set_up_for_a_turn(sentences: list[str], i: int) -> bool:
    """Sentence ``i`` opens the text and the next turns against it ("When habitats are
    lost, species are lost … However, it is less clear …"): the received view the article
    questions, not what it holds."""
    return (
        i < OPENING_SENTENCES and i + 1 < len(sentences) and bool(_TURN_RE.match(sentences[i + 1]))
    )


#: The most sentences of background an abstract opens with before it says what it does,
#: unless that is still in its first half.
MAX_BACKGROUND_SENTENCES = 3


def opening_background(sentences: list[str], i: int) -> bool:
    """Sentence ``i`` belongs to the background an abstract opens with: it is set up for a
    turn (see :func:`set_up_for_a_turn`), or it is the first sentence and the next one
    still sets the scene ("Spectroscopy has played the key role in … . A central drive in
    this field is …"): a text does not go from its findings back to its background."""
    if set_up_for_a_turn(sentences, i) or before_the_aim(sentences, i):
        return True
    return i == 0 and len(sentences) > 1 and sets_the_scene(claim_of(sentences[1]))


#: The article starting on its own findings: "Here we demonstrate that …", "We show …".
_OWN_REPORT_RE = re.compile(
    r"^(?:here|in this (?:paper|article|study)),?\s+we\s+(?:\w+ly\s+)?(?:show|demonstrate|"
    r"find|report|reveal|establish|argue|propose|present)\b",
    re.IGNORECASE,
)


def before_the_aim(sentences: list[str], i: int) -> bool:
    """Sentence ``i`` comes before the one where the article first says what it does ("In
    this paper, we introduce …", "The present study investigated …"), early in the text,
    and says nothing of the article's own: the background it starts from."""
    start = next(
        (j for j, s in enumerate(sentences) if framing(s) or _OWN_REPORT_RE.match(s)), None
    )
    if start is None or start <= i or start > max(MAX_BACKGROUND_SENTENCES, len(sentences) // 2):
        return False
    if _NARRATIVE_RE.search(sentences[i]):
        return False  # "The movement declined after … in 1848": the history the text tells
    return not any(claim_of(s) != strip_opener(s) for s in sentences[: i + 1])


#: A sentence telling what happened (a past tense, a date): the history a text tells before
#: it says what it adds, not the general background a study starts from.
_NARRATIVE_RE = re.compile(
    r"\b(?:was|were|had|did)\b|\b(?:1[0-9]\d\d|20[0-2]\d)s?\b|\b\w+ed\s+(?:by|in|after|before|"
    r"when|during)\b"
)


def sets_the_scene(text: str) -> bool:
    """The sentence motivates or frames the study (background, the literature's view, the
    plan): what the article starts from, not what it says."""
    return bool(MOTIVATION_RE.search(text))


# --- the article speaking of itself ------------------------------------------------------

#: Sentences about the article rather than its subject: the aim, what it examines.
_FRAMING_RE = re.compile(
    # after an opener on the means: "Using the DRM task, the authors explored whether …"
    r"^(?:(?:using|drawing on|based on|building on|through|with|by|employing|applying|"
    r"leveraging|combining|adopting|to (?:address|fill|close|bridge|answer))\b[^,]{0,160},\s+)?"
    r"(?:(?:(?:this|the present|present|our|in this|in the present|in the current|in our|"
    r"the current)\s+(?:[a-z-]+\s+){0,2}?|the\s+)"
    r"(?:study|paper|article|research|work|"
    r"review|commentary|essay|thesis|chapter|report)\b|"
    # the article's own approach, "here": "The emphasis here on sovereignty contrasts with …"
    r"the\s+(?:[a-z]+\s+)?(?:emphasis|approach|argument|focus|account|reading)\s+"
    r"(?:(?:taken|offered|presented|developed|proposed)\s+)?here\b|"
    # the authors acting in their own text: "the authors speak both to specialists and …"
    r"(?:the authors?|the researchers|the investigators)\s+(?:\w+ly\s+)?[a-z]+\b|"
    r"(?:we)\s+(?:\w+ly\s+)?(?:aim|aimed|"
    r"evaluated|examined|explore|examine|investigate|"
    r"explored|investigated|quantified|present|propose|describe|report|assessed|analy[sz]ed|"
    r"analy[sz]e|draw|drew|"
    r"introduce|introduced|"
    r"sought|set out|address|design|develop|test|study|use|used)\b|the\s+(?:(?:main|primary|"
    r"principal|overall|central|specific)\s+)?(?:aims?|purposes?|objectives?|goals?|focus)\s+"
    r"of\b|(?:here|in this (?:paper|article|study)),?\s+we\b|"
    # "it" for the article: "In so doing it discusses the geography of …"
    r"it\s+(?:also\s+|then\s+|further\s+)?(?:discusses|examines|explores|reviews|presents|"
    r"considers|outlines|analy[sz]es|investigates|addresses|describes|traces|assesses|"
    r"proposes|introduces|offers|surveys|maps)\b|"
    # The abstract's own elided subject: "Traces the history …", "Concludes that …".
    r"(?:traces|looks|concludes|describes|examines|discusses|argues|reviews|presents|"
    r"considers|outlines|explores|reports|focuses|summari[sz]es|highlights|investigates|"
    r"assesses|proposes|analy[sz]es|compares|evaluates|identifies|offers)\s)",
    re.IGNORECASE,
)

#: The article's own steps told in the passive with no agent, the verb ending the clause
#: ("Various approaches … are considered.", "The main indicators … have been identified",
#: "… are discussed, supported by examples"): what the article does, not what it finds.
_PASSIVE_FRAMING_RE = re.compile(
    r"\b(?:is|are|was|were|has been|have been)\s+"
    r"(?:(?:also|then|briefly|first|further|\w+ly)\s+)?"
    r"(?:considered|discussed|presented|described|examined|analy[sz]ed|reviewed|outlined|"
    r"proposed|identified|determined|investigated|explored|studied|introduced|evaluated|"
    r"assessed|compared|addressed|highlighted|summari[sz]ed|surveyed|characteri[sz]ed|adopted|"
    r"measured|tested|estimated|quantified|simulated|reassessed|re-examined|reexamined|"
    r"revisited|reconsidered|re-evaluated|reevaluated|scrutini[sz]ed|"
    # the text's own argument told as steps: "… are elaborated", "… is reasserted"
    r"elaborated|reasserted|delineated|articulated|explicated|sketched|detailed|"
    r"problemati[sz]ed|theori[sz]ed|"
    r"conducted|used|employed|applied|performed|carried out|"
    # "An example of the effective use of this algorithm … is shown."
    r"shown|illustrated|demonstrated|exemplified|given|reported|provided)"
    # "… reassessed and contextualized in light of current research"
    r"(?:\s+and\s+\w+(?:ed|zed|sed))?"
    r"(?:\s+(?:here|below|briefly|at length|in depth|"
    r"in (?:more |greater |further |some |full )?detail|in (?:this|the) (?:paper|article|study)|"
    r"in (?:the )?light of [^,;.]+|in the context of [^,;.]+|with reference to [^,;.]+))?"
    r"\s*(?:[.;:]|,\s*(?:supported|illustrated|followed|using|with|considering|including|"
    r"involving|based|where|in which|and\s+then)\b|$|"
    # "Two rituals are described, a kekunit godparent ceremony and …": what it tells of
    r"(?:(?<=described)|(?<=presented)|(?<=discussed)|(?<=examined)|(?<=considered)|"
    r"(?<=analy[sz]ed)|(?<=reviewed)),\s+(?:a|an|the|one|two|both|namely)\b|"
    # "… have been discussed in relation to those obtained by square pulses"
    r"(?:(?<=discussed)|(?<=considered)|(?<=examined)|(?<=analy[sz]ed))\s+(?:in\s+relation\s+to|"
    r"in\s+comparison\s+(?:with|to)|with\s+reference\s+to|in\s+the\s+light\s+of)\b|"
    # "The implications of X are discussed as potential threats to …": the article's step
    r"(?:(?<=discussed)|(?<=presented)|(?<=outlined)|(?<=reviewed))\s+as\b|"
    # "… were studied using a pressure bar": the means of the study
    r"(?:(?<=studied)|(?<=measured)|(?<=examined)|(?<=analysed)|(?<=analyzed)|(?<=assessed)|"
    r"(?<=evaluated)|(?<=tested))\s+"
    r"(?:using|by means of|via)\b|"
    # "The properties of lead films … have been studied in the superconducting state": the
    # study's step and its one setting
    r"(?:(?<=studied)|(?<=measured)|(?<=examined)|(?<=investigated)|(?<=analysed)|"
    r"(?<=analyzed))\s+(?:in|at|under|over|across|during|for)\s+[^,;.]{1,60}(?:[.;]|$)|"
    # "… were employed to examine the processes": the means of the study and its aim
    r"(?:(?<=employed)|(?<=used)|(?<=applied)|(?<=adopted))\s+to\s+(?:examine|investigate|"
    r"assess|study|analy[sz]e|identify|estimate|measure|determine|explore|evaluate|test)\b)",
    re.IGNORECASE,
)


#: The article's own step told inside a sentence: "…, this paper first presents a method".
_ARTICLE_DOES_RE = re.compile(
    r"(?:\b(?:this|the present|the current|our)\s+(?:[a-z-]+\s+)?(?:study|paper|article|work|"
    r"review|chapter|essay|thesis)|"
    # after an opening phrase, "the" too: "Alongside the printed sermons, the article draws …"
    r"(?<=, )the\s+(?:article|paper|essay|chapter|thesis))"
    r"\s+(?:\w+ly\s+)?(?:first\s+|then\s+|also\s+)?(?:"
    # any verb the article does ("this paper visualizes and analyzes …")
    r"(?!is\b|was\b|has\b|does\b)[a-z]{3,}(?:[^s\W]s|ies)\b|presents|"
    r"proposes|describes|introduces|develops|examines|explores|investigates|reviews|discusses|"
    r"outlines|considers|addresses|aims|seeks|provides|offers|gives|summari[sz]es|"
    r"highlights)\b",
    re.IGNORECASE,
)


#: The article pointing at its own parts: "the key question in the title", "this section".
_OWN_PARTS_RE = re.compile(
    r"\b(?:in|of|from)\s+the\s+(?:title|abstract)\b|\bthis\s+(?:section|abstract)\b|"
    # "There is discussion of the use of broad overarching concepts …": what the text covers
    r"^\W*there\s+is\s+(?:also\s+|then\s+|further\s+)?(?:a\s+|some\s+)?(?:brief\s+|further\s+|"
    r"detailed\s+|critical\s+)?discussion\s+of\b|"
    r"\b(?:our|the)\s+(?:key|main|central|research)\s+questions?\b|"
    # what the review covers, not what it found: "… reveals key characteristics of the
    # studies, the benefits of X and some factors influencing X"
    r"\b(?:reveals?|revealed|identifies|identified|identify|describes?|described|outlines?|"
    r"outlined|discusses|discussed|summari[sz]es|summari[sz]ed)\s+(?:the\s+)?(?:key|main|"
    r"major|several|some|various|the)?\s*(?:characteristics|themes|factors|issues|aspects|"
    r"benefits|challenges|features|trends|gaps|categories)\s+of\b",
    re.IGNORECASE,
)


def framing(sentence: str) -> bool:
    """A sentence about the article itself ("This study explored how …", "We aimed to …",
    "Various approaches are considered.", "…, this paper first presents a method")."""
    text = claim_of(sentence).strip()
    return bool(
        _FRAMING_RE.match(text)
        or _PASSIVE_FRAMING_RE.search(text)
        or _ARTICLE_DOES_RE.search(text)
        or _OWN_PARTS_RE.search(text)
    )


#: A parenthesis of test statistics ("(β = -0.167, p < .001)"): the figures of a finding,
#: not its claim.
STATISTICS_RE = re.compile(
    r"\s*\((?=[^()]*(?:=|<|>|\u2264|\u2265|\u03b2|\bp\s*[<=]|\bCI\b))[^()]*\)"
)
#: What is left of a parenthesis of results once its interval went: "(OR 2.7)", "(r = .41)".
_LABELLED_FIGURE_RE = re.compile(
    r"\s*\(\s*(?:(?:a)?OR|HR|RR|IRR|odds ratio|hazard ratio|risk ratio|r|rho|\u03b2|beta|d|g)"
    r"\s*[=:]?\s*[-\u2212]?\d*[.,]?\d+\s*\)"
)
#: A clause after a semicolon that only reports figures ("; hazard ratios were 1.13 for total
#: cancer, 1.51 for liver cancer"): the numbers behind the finding before it.
_FIGURES_CLAUSE_RE = re.compile(r";\s+[^;]*$")
#: A decimal figure or a percentage: the numbers a parenthesis of results is made of.
_FIGURE_RE = re.compile(r"\d[.,]\d|\d\s*%")
#: This many figures in one parenthesis make it a report of results ("(fully adjusted
#: hazard ratio [95% CI] were 0.72 [0.68, 0.77] in …)"), whatever its brackets.
MIN_FIGURES_IN_RESULTS = 2


def drop_statistics(text: str) -> str:
    """``text`` without its parentheses of test statistics or of result figures: what the
    finding says, not the numbers that back it. Brackets nested inside a parenthesis
    ("[95% CI]") are part of it."""
    text = _LABELLED_FIGURE_RE.sub("", STATISTICS_RE.sub("", text))
    out: list[str] = []
    depth, start = 0, 0
    kept_to = 0
    for n, char in enumerate(text):
        if char == "(":
            if depth == 0:
                start = n
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0 and len(_FIGURE_RE.findall(text[start:n])) >= MIN_FIGURES_IN_RESULTS:
                out.append(text[kept_to:start].rstrip())
                kept_to = n + 1
    out.append(text[kept_to:])
    text = "".join(out)
    tail = _FIGURES_CLAUSE_RE.search(text)
    if tail and len(_FIGURE_RE.findall(tail.group())) >= MIN_FIGURES_IN_RESULTS:
        text = text[: tail.start()] + ("." if text.rstrip().endswith(".") else "")
    return text
