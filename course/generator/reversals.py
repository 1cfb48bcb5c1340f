"""False statements that reverse a finding's direction: "increased" for "decreased", "more
likely" for "less likely", "weakened" for "strengthened".

A statement the text makes about a change or a comparison is made false by turning the
change the other way. The student must know which way the text says it went, which is the
finding itself, and the false statement reads as plausibly as the true one (unlike a
swapped term or an inserted "not"). Only words that state a direction are turned, and only
where they do (not "higher education", "more or less", "lower court").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Each pair: a direction and its opposite, in the forms a sentence uses. A form maps to
#: the same form of the other word.
_PAIRS: tuple[tuple[str, str], ...] = (
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("increased", "decreased"),
    ("increasing", "decreasing"),
    ("rise", "fall"),
    ("rises", "falls"),
    ("rose", "fell"),
    ("risen", "fallen"),
    ("rising", "falling"),
    ("improve", "worsen"),
    ("improves", "worsens"),
    ("improved", "worsened"),
    ("strengthen", "weaken"),
    ("strengthens", "weakens"),
    ("strengthened", "weakened"),
    ("stronger", "weaker"),
    ("strong", "weak"),
    ("positive", "negative"),
    ("positively", "negatively"),
    ("facilitate", "hinder"),
    ("facilitates", "hinders"),
    ("facilitated", "hindered"),
    ("outperform", "underperform"),
    ("outperforms", "underperforms"),
    ("outperformed", "underperformed"),
    ("expand", "shrink"),
    ("expanded", "shrank"),
    ("widened", "narrowed"),
    ("accelerated", "slowed"),
)
#: Directions whose opposite is named by a word of another pair (the other way round,
#: "increased" turns to "decreased", not to "reduced").
_ONE_WAY: dict[str, str] = {
    "reduce": "increase",
    "reduces": "increases",
    "reduced": "increased",
    "reducing": "increasing",
    "lowered": "raised",
    "lowers": "raises",
    "raised": "lowered",
    "enhance": "reduce",
    "enhances": "reduces",
    "enhanced": "reduced",
    "promote": "inhibit",
    "promotes": "inhibits",
    "promoted": "inhibited",
    "inhibit": "promote",
    "inhibits": "promotes",
    "inhibited": "promoted",
    "impaired": "improved",
    "impairs": "improves",
    "declined": "increased",
    # "the advantage attenuated with longer follow-up" → "strengthened"
    "attenuated": "strengthened",
    "attenuates": "strengthens",
    "diminished": "increased",
    "diminishes": "increases",
    "overestimate": "underestimate",
    "overestimates": "underestimates",
    "overestimated": "underestimated",
    "underestimate": "overestimate",
    "underestimates": "overestimates",
    "underestimated": "overestimated",
    # "partially mediated" → "fully"; never "fully documented" → "partly" (an aim to ensure
    # that something is fully done, turned, is absurd rather than false)
    "partially": "fully",
    "partly": "fully",
}
_OPPOSITE = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS} | _ONE_WAY
#: Comparatives turn only before "than" ("higher than", "more likely than"), or as
#: "more/less likely": elsewhere they name things ("higher education").
_COMPARATIVES = {
    "higher": "lower",
    "lower": "higher",
    "greater": "smaller",
    "smaller": "greater",
    "larger": "smaller",
    "better": "worse",
    "worse": "better",
    "more": "less",
    "less": "more",
    "fewer": "more",
    "faster": "slower",
    "slower": "faster",
    "earlier": "later",
    "later": "earlier",
    "longer": "shorter",
    "shorter": "longer",
    "older": "younger",
    "younger": "older",
}
#: Words that state a direction too, without a form to turn: a statement with one of these
#: and a turned verb would contradict itself ("worsen predictions, but improvements …").
_DIRECTION_NOUNS = frozenset(
    [
        "improvement",
        "improvements",
        "decline",
        "declines",
        "growth",
        "reduction",
        "reductions",
        "gain",
        "gains",
        "loss",
        "losses",
        "rise",
        "increase",
        "decrease",
        "drop",
        "drops",
        "benefit",
        "benefits",
        "harm",
    ]
)
_WORD_RE = re.compile(r"[A-Za-z]+")
#: Words after which a comparative states a finding.
_FINDING_LEADS = (
    # "gains were higher for …": a comparison told with a copula
    "was",
    "were",
    "is",
    "are",
    # "participants had lower mortality", "the treated group showed higher scores"
    "had",
    "has",
    "have",
    "showed",
    "show",
    "shows",
    "exhibited",
    "experienced",
    "associated with",
    "correlated with",
    "linked with",
    "linked to",
    "led to",
    "related to",
    "resulted in",
)
_COMPARATIVE_RE = re.compile(
    r"\b(" + "|".join(_COMPARATIVES) + r")\b(?=\s+(?:than\b|likely\b|[a-z]+ly\s+than\b|"
    r"[a-z]+\s+than\b))|"
    # after a finding's verb a comparative states the finding: "associated with lower risk",
    # "led to higher yields" (not "in higher education")
    r"(?:" + "|".join(f"(?<=\\b{lead} )" for lead in _FINDING_LEADS) + ")"
    r"(" + "|".join(_COMPARATIVES) + r")\b|"
    # "was significantly higher in the controls": an adverb between the copula and it
    r"\b(?:was|were|is|are)\s+(?!(?:only|early|likely)\b)[a-z]+ly\s+("
    + "|".join(_COMPARATIVES)
    + r")\b",
    re.IGNORECASE,
)
#: A direction word inside these is a name or a fixed phrase, not a finding.
_FIXED_RE = re.compile(
    r"\b(?:more or less|less and less|more and more|worse than useless|"
    r"positive (?:law|psychology|feedback)|(?:positive|negative)\s+family\s+history|"
    r"negative (?:feedback|binomial)|rising star|higher education|lower (?:court|house|"
    r"chamber|bound)|upper bound)\b|"
    # "is best understood in terms of …": how the author frames the claim, not a finding
    r"\b(?:best|better|worst)\s+(?:\w+ly\s+)?(?:understood|explained|described|seen|viewed|"
    r"characteri[sz]ed|captured|conceived|thought\s+of|read)\b|"
    # a test result that sorts people or samples ("H. pylori positive children", "tested
    # negative"), not a direction: the other group is another statement, not its opposite
    r"\b(?:positive|negative)\s+(?:(?-i:[A-Z])[\w.-]*\s+(?:[a-z]+\s+)?)?(?:for\b|children|patients|cases|samples|individuals|"
    r"participants|subjects|women|men|mothers|infants|controls|results?|tests?|groups?|"
    r"specimens|isolates)|\btest(?:ed|s)?\s+(?:positive|negative)\b",
    re.IGNORECASE,
)


#: A participle followed by "by" with no auxiliary before it modifies a noun.
_MODIFIER_RE = re.compile(r"\s+by\b", re.IGNORECASE)
_AUXILIARY_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


#: "the most important determinant": a superlative before an adjective ranks the thing.
_SUPERLATIVE_RE = re.compile(
    # "is most prevalent among centrists": after a copula the article may be left out
    r"(?:\bthe|\b(?:is|are|was|were)) (most|least) "
    r"(?=[a-z]+(?:ant|ent|ive|al|ful|ous|able|ible|ic|ed|ing)\b)",
    re.IGNORECASE,
)


#: "one of the most …", "some of the most …": a rank in a crowd, no finding's direction.
_VAGUE_RANK_RE = re.compile(r"\b(?:one|some|many|several|among)\s+(?:of\s+)?the\s+$", re.I)
#: "most important and devastating": the rank governs two words.
_PAIRED_RANK_RE = re.compile(r"\s+[a-z]+\s+(?:and|or)\s+[a-z]+", re.IGNORECASE)


#: "was highest in …", "is the strongest predictor": a superlative after a copula ranks
#: what the sentence is about, a finding ("the highest canopy quartile" only names a group).
_RANKED = {
    "highest": "lowest",
    "lowest": "highest",
    "strongest": "weakest",
    "weakest": "strongest",
    "largest": "smallest",
    "smallest": "largest",
    "greatest": "smallest",
    "best": "worst",
    "worst": "best",
    "fastest": "slowest",
    "slowest": "fastest",
}
_RANKED_RE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:the\s+)?(" + "|".join(_RANKED) + r")\b", re.IGNORECASE
)


#: Between the two halves of a contrast of directions: "X was higher, whereas Y was lower".
_CONTRAST_RE = re.compile(r",?\s+(?:whereas|while|but)\s+", re.IGNORECASE)


def _both_turned(statement: str, spots: list[tuple[int, int, str]]) -> Reversal | None:
    """ "A was higher in the controls, whereas B was lower" turned on both sides: each half
    false, so the whole is (turning one half would leave the other true)."""
    if len(spots) != 2 or not all(put for _, _, put in spots):
        return None
    (s1, e1, put1), (s2, e2, put2) = sorted(spots)
    said1, said2 = statement[s1:e1].lower(), statement[s2:e2].lower()
    if put1.lower() != said2 or put2.lower() != said1:
        return None  # the two directions are not each other's opposite
    if not _CONTRAST_RE.search(statement[e1:s2]):
        return None
    turned = (
        _article_for(statement[:s1], put1)
        + _cased(put1, statement[s1:e1])
        + statement[e1:s2]
        + _cased(put2, statement[s2:e2])
        + statement[e2:]
    )
    return Reversal(turned, f"{statement[s1:e1]} … {statement[s2:e2]}", f"{put1} … {put2}")


#: "could have more …": a possibility, not a finding's direction.
_POSSIBLE_RE = re.compile(
    r"\b(?:can|could|may|might|would)\s+(?:\w+ly\s+)?(?:(?:have|has|had|be|been)\s+)?"
    r"(?:\w+ly\s+)?(?:be\s+)?$",
    re.IGNORECASE,
)
#: A plural count noun right after a comparative ("more opportunities"), not "more
#: likely", "more effective", "less research".
_PLURAL_NOUN_RE = re.compile(r"\s+(?!(?:\w+ly|less|this|was|has|is|its)\b)[a-z]{3,}[^s\W]s\b")


@dataclass(frozen=True)
class Reversal:
    statement: str  # the false statement
    said: str  # the text's word
    put: str  # the word put in its place


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


#: The statement gives its reason after the turned word: "… by offering sharper curves".
_REASON_AFTER_RE = re.compile(
    # "a decreasing commitment to human rights by concluding several treaties": the means
    # still argues for the original, so the turned statement contradicts itself
    r"\bby\s+(?:\w+ly\s+)?(?!being\b|(?:bring|nothing|something|anything|everything|"
    r"morning|evening|spring|string|king|ring|thing)\b)[a-z]{2,}ing\b",
    re.IGNORECASE,
)
#: A threshold after "more" or "less": "than 15 hours", "than five hours".
_THRESHOLD_RE = re.compile(
    r"\s+than\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:third|quarter|"
    r"half|dozen))",
    re.IGNORECASE,
)
#: A share of a group before a threshold: "About 25% …", "Fourteen percent of …".
_SHARE_BEFORE_RE = re.compile(
    r"%|\bper\s*cent\b|\bpercent\b|\b(?:proportion|share|majority|minority|half|third|quarter)\b",
    re.IGNORECASE,
)
#: A participle after "best": "best accounted for", "best understood", "best seen as".
_JUDGED_RE = re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+en|understood|seen|known|done|made)\b")
#: A statement opening on a condition or a setting, before its main clause.
_OPENING_CONDITION_RE = re.compile(
    r"^(?:after|when|while|although|though|because|since|if|once|for|in|among|despite|with|"
    r"by|before|upon|following|controlling|adjusting|accounting)\b",
    re.IGNORECASE,
)
#: The last members of a list of three or more: "A, B, and …".
_LIST_MEMBER_RE = re.compile(r",[^,.;]{1,60},\s+(?:and|or)\s+(?:\w+\s+){0,2}$")
#: A second clause on the first one's subject ("…, and their independence …"): the same
#: change told from another side.
_SAME_SUBJECT_AGAIN_RE = re.compile(r",\s+and\s+(?:their|its)\s+[a-z]", re.IGNORECASE)
#: The means a change was brought about by, right after its verb.
_MEANS_RE = re.compile(
    r"\s+(?:\w+ly\s+)?(?:through|via|by means of|using|with the (?:aid|help) of)\b", re.IGNORECASE
)
#: A verb right after the comma or "and" of a list of infinitives ("to set priorities,
#: reach targets and enhance X"): one of the aims the "to" opened.
_AIM_LIST_RE = re.compile(r"\bto\s+[a-z]+\b[^.;:]*(?:,|\band|\bor)\s+$", re.IGNORECASE)


def reversals(statement: str) -> list[Reversal]:
    """Each way to make ``statement`` false by turning one stated direction around, in
    order of appearance. None where the statement turns two directions against each other
    ("rose while prices fell"): turning one would leave it half true."""
    if _FIXED_RE.search(statement):
        return []
    spots: list[tuple[int, int, str]] = []
    for match in _WORD_RE.finditer(statement):
        word = match.group().lower()
        if (
            statement[match.start() - 1 : match.start()] == "-"
            or statement[match.end() : match.end() + 1] == "-"
        ):
            continue  # inside a compound ("light-enhanced"): a name for a thing, not a finding
        opposite = _OPPOSITE.get(word)
        # an aim ("measures to improve access") turned around is absurd, not false
        if opposite and re.search(r"\bto\s+$", statement[: match.start()].lower()):
            return []
        # … and so is one aim of a list ("useful to set priorities, …, and enhance X")
        if opposite and _AIM_LIST_RE.search(statement[: match.start()]):
            return []
        if (
            opposite
            and _MODIFIER_RE.match(statement, match.end())
            and not _AUXILIARY_RE.search(statement[: match.start()])
        ):
            continue  # "industry promoted by the government": which industry, not a finding
        if opposite:
            spots.append((match.start(), match.end(), opposite))
        elif word in _DIRECTION_NOUNS:
            spots.append((match.start(), match.end(), ""))
    for match in _SUPERLATIVE_RE.finditer(statement):
        if _VAGUE_RANK_RE.search(statement[: match.start(1)]) or _PAIRED_RANK_RE.match(
            statement, match.end(1)
        ):
            return []  # "one of the most important", "most important and devastating": turned,
            # absurd rather than false
        put = "least" if match.group(1).lower() == "most" else "most"
        spots.append((match.start(1), match.end(1), put))
    for match in _RANKED_RE.finditer(statement):
        spots.append((match.start(1), match.end(1), _RANKED[match.group(1).lower()]))
    for match in _COMPARATIVE_RE.finditer(statement):
        group = next(g for g in (1, 2, 3) if match.group(g))
        word = match.group(group).lower()
        spots.append((match.start(group), match.end(group), _COMPARATIVES[word]))
    both = _both_turned(statement, spots)
    if both:
        return [both]
    if len(spots) != 1 or not spots[0][2]:
        return []
    start, end, opposite = spots[0]
    said_word = statement[start:end].lower()
    if said_word in _COMPARATIVES and len(_FIGURE_RE.findall(statement)) >= 2:
        return []  # "lower (69.7%) … than (26.5%)": the figures show which way it went
    if len(re.findall(rf"\b{re.escape(said_word)}\b", statement, re.IGNORECASE)) > 1:
        return []  # "more opportunities … more link samples": turning one contradicts the other
    if _POSSIBLE_RE.search(statement[:start]):
        return []  # "could have more opportunities": a possibility, not a finding's direction
    if _REASON_AFTER_RE.search(statement[end:]):
        return []  # "the most suitable … by offering sharper curves": turned, the reason
        # given still argues for the original, and common sense answers
    if _MEANS_RE.match(statement, end):
        return []  # "stability was improved through redundancy": what a design is for,
        # turned ("worsened through redundancy"), is absurd, not false
    if (
        _OPENING_CONDITION_RE.match(statement)
        and "," in statement[end:]
        and re.search(r"\b(?:associated\s+with|linked\s+to|related\s+to)\s+$", statement[:start])
    ):
        return []  # "After accounting for variables associated with increased risk, the
        # correlation remained": the condition's detail, turned, leaves the finding true
    if _LIST_MEMBER_RE.search(statement[:start]):
        return []  # "including rhythmic activity, low body weight, and enhanced fat
        # deposition": one member of a list turned, the rest still hold
    if (
        said_word in ("more", "less", "fewer")
        and _THRESHOLD_RE.match(statement, end)
        and _SHARE_BEFORE_RE.search(statement[:start])
    ):
        return []  # "25% spent more than 15 hours": turned, the share that spent less than
        # 15 hours is one the text never gives, not the opposite of its finding
    if said_word in ("best", "worst") and _JUDGED_RE.match(statement, end):
        return []  # "is best accounted for by X": a judgment's idiom; "worst accounted for"
        # is no claim anyone makes, and reads false without the text
    if _SAME_SUBJECT_AGAIN_RE.search(statement):
        return []  # "The unions were subordinated to the party, and their independence was
        # sharply reduced": one change told twice; turned, one half contradicts the other
    if opposite == "less" and _PLURAL_NOUN_RE.match(statement, end):
        opposite = "fewer"  # "more opportunities" → "fewer opportunities"
    if re.search(r"\bor\s+(?:even\s+)?$", statement[:start], re.IGNORECASE):
        return []  # "comparable or even better": "… or even worse" is not the opposite claim
    if re.match(r"\s+(?:and|or)\s+[a-z]+", statement[end:]) or re.search(
        r"\b[a-z]+\s+(?:and|or)\s+$", statement[:start]
    ):
        return []  # "positive and attractive": turned, it jars with its partner ("negative and
        # attractive") and common sense answers
    if len(_LIST_COMMA_RE.findall(statement[end:])) >= MAX_LIST_COMMAS:
        return []  # "an increase in A, B, poor hygiene, pH and C": turned, it says nonsense
        # of some member of the list
    said = statement[start:end]
    put = _cased(opposite, said)
    if re.search(rf"\b{re.escape(opposite)}\b", statement, re.IGNORECASE):
        return []  # "strongest in X and weakest in Y": the turned word is there already
    if _RANKED_RE.search(statement) and re.search(
        r"\b(?:" + "|".join(_RANKED) + r")\b", statement[end:], re.IGNORECASE
    ):
        return []  # a second rank follows ("… and weakest in …"): half true if turned
    return [Reversal(_article_for(statement[:start], put) + put + statement[end:], said, put)]


#: A direction word that governs a list this long ("an increase in A, B, C and D") turns
#: each member, and some member turned makes no sense.
MAX_LIST_COMMAS = 2
_LIST_COMMA_RE = re.compile(r",\s")
_ARTICLE_RE = re.compile(r"\b(a|an)(\s+)$", re.IGNORECASE)
#: Figures a comparison can be read off: "69.7%", "26.5" (not a count of years or a date).
_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?\s*%|\d+\.\d+")


def _article_for(before: str, word: str) -> str:
    """``before`` with an article just before ``word`` agreeing with it ("an increased" →
    "a decreased"), by its first letter."""
    match = _ARTICLE_RE.search(before)
    if not match:
        return before
    article = "an" if word[:1].lower() in "aeio" else "a"
    article = _cased(article, match.group(1))
    return before[: match.start()] + article + match.group(2)
