"""Stage 5b: the question pool and the draft's selection from it.

Candidates come from :mod:`questions` (recall items of seven types) and
:mod:`relation_items` (items on what the text says causes, serves, follows or
contrasts with what). Each that passes the explicit rules (:func:`questions.valid`) is
read by the item-writing flaw checker (:mod:`flaws`): its confidence weighs the
candidate's score, and an item below :data:`MIN_CONFIDENCE` is not offered. The
selection then keeps a spread: every type the text allows, every core concept, at
most two items per sentence and per key. Fewer items, each one an instructor would
keep; the instructor can draft more from the next-best (see :func:`more_questions`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from .candidates import tokenize_sentences
from .checks import fact_key, norm_text
from .contexts import (
    EXPLETIVE_IT_RE,
    PUT_FORWARD_RE,
    claim_of,
    drop_statistics,
    framing,
    lacks_its_complement,
    leans_on_context,
    opening_background,
    sets_the_scene,
    tells_method,
)
from .flaws import confidence, item_flaws
from .frequency import is_common
from .kinds import compatible, term_kind
from .lexicon import STOPWORDS, VERB_BASES
from .model import DraftConcept, DraftQuestion
from .questions import (
    BLANK,
    TF_PREFIX,
    TYPES,
    Candidate,
    cloze_items,
    matching_items,
    multiple_response_items,
    ordering_items,
    prepare,
    short_answer_items,
    single_choice_items,
    true_false_items,
    valid,
)
from .relation_items import relation_items

#: How many questions a draft holds: about one per sentence, within these bounds (fewer
#: when the text does not give that many sure items).
MIN_QUESTIONS = 8
MAX_QUESTIONS = 20
#: An item the flaw checker is less sure of than this is not offered to students; the
#: instructor can draft more from the candidates down to LOWER_CONFIDENCE.
MIN_CONFIDENCE = 0.6
LOWER_CONFIDENCE = 0.3
#: A true statement with this many numbers is a sample or design detail.
MAX_NUMBERS_IN_STATEMENT = 2
#: True statements beyond the number of false ones the text allows: two, so a text whose
#: findings give no fair false statement still has two of its claims asked (one left most
#: abstracts with a single question), while "True" throughout cannot score much.
MAX_EXTRA_TRUE = 2
#: What an item the offering rules hold back is worth, drafted on request (see
#: more_questions): its confidence times this, so it always reads as lower confidence.
HELD_BACK_FACTOR = 0.5
#: At most this many items cite one sentence, or have one key.
MAX_PER_SENTENCE = 2
#: A key asked twice is the second time a repeat, by every audit ("Stalin group" as a short
#: answer and again as a cloze).
MAX_PER_KEY = 1
#: A question built from a relation the text states ranks with the best recall items.
RELATION_ITEM_SCORE = 2.0


def candidate_pool(
    sentences: list[str],
    concepts: list[DraftConcept],
    *,
    floor: float | None = None,
    title: str = "",
    offered_only: bool = True,
) -> list[Candidate]:
    """All candidates that pass the rules, one per fact and type, best first: by their
    score weighted by the flaw checker's confidence, none below ``floor``
    (:data:`MIN_CONFIDENCE` unless given)."""
    floor = MIN_CONFIDENCE if floor is None else floor
    terms = prepare(concepts, len(sentences))
    tokenized = tokenize_sentences(sentences)
    raw: list[Candidate] = [
        # Items on a stated relation first: of two items on one fact (a relation's true
        # statement and the sentence's), the stable sort below keeps the relation's.
        *(Candidate(q, RELATION_ITEM_SCORE) for q in relation_items(sentences, concepts)),
        *cloze_items(sentences, terms),
        *single_choice_items(sentences, terms),
        *multiple_response_items(sentences, terms, tokenized),
        *true_false_items(sentences, terms),
        *ordering_items(sentences, terms),
        *matching_items(sentences, terms),
        *short_answer_items(sentences, terms),
    ]
    raw.sort(key=lambda c: -c.score)
    aliases = {c.term: list(c.aliases) for c in concepts if c.aliases}
    forms = frozenset(f.casefold() for c in concepts for f in [c.term, *c.aliases])
    seen: set[tuple[str, tuple[int, ...], str]] = set()
    prompts: set[tuple[str, str]] = set()
    pool = []
    for candidate in raw:
        q = candidate.question
        key = fact_key(q.type, q.sentences, q.answer)
        if key in seen or (q.type, q.prompt) in prompts or not valid(q, sentences):
            continue
        found = item_flaws(
            type=q.type,
            prompt=q.prompt,
            options=q.options,
            answer=q.answer,
            sentences=sentences,
            cited=q.sentences,
            aliases=aliases,
        )
        if any(flaw.reported for flaw in found):
            continue  # the gate: no item with a finding an instructor would be shown
        sure = confidence(found)
        if not offerable(q, sentences, title, aliases, terms=forms):
            if offered_only:
                continue
            sure *= HELD_BACK_FACTOR  # held back by the offering rules: below the draft's bar
        if sure < floor:
            continue
        seen.add(key)
        prompts.add((q.type, q.prompt))
        pool.append(replace(candidate, question=replace(q, confidence=sure), confidence=sure))
    pool.sort(key=lambda c: (-_worth(c), TYPES.index(c.question.type), c.question.prompt))
    return pool


# --- what is offered at all -------------------------------------------------------------

#: Prompts of item families the instructors' audit rejected almost always: a gap-filling
#: matching of passages (several terms fit several gaps), ordering by where the text says
#: things (not worth asking), "Which term does the text use for what …" (rarely a
#: well-formed question), the abbreviation of a name (trivial).
_UNOFFERED_PROMPTS = (
    "Match each term with the passage from the text whose gap",
    "Put these statements in the order in which the text presents them",
    "Which term does the text use for what ",
    "Which abbreviation does the text use for",
    # the sentence that gives the abbreviation spells it out: reading, not knowing
    "What does the abbreviation ",
    # "Besides X, what were included …?": the other half of a list, rarely well formed
    "Besides ",
)
#: A "false" statement made by swapping one term for another reads as nonsense more often
#: than as a plausible error; false statements keep a date moved or a stated relation's
#: other side (see relation_items).
_SWAP_FALSE = "False: the text says \u201c"
#: Kinds of key worth a question on their own: not a place or a number.
_UNASKED_KINDS = ("place", "quantity")
#: A key whose every word is at least this common in English (Zipf scale: 4 is ten per
#: million words, "school", "shift", "odds") is guessable without reading.
EVERYDAY_ZIPF = 4.0
#: A key of one lower-case word at least this common ("obstacle", "stakeholders") has
#: synonyms that fill its gap as well; rarer ones ("cadastre") do not.
SINGLE_KEY_ZIPF = 3.5
#: A gap item quotes its sentence: at least this share of the sentence's words, so no
#: fragment cut at a comma or mid-list.
MIN_QUOTED_SHARE = 0.8

_WORD_RE = re.compile(r"[^\W_]+")
#: A sentence leaning on the one before ("… also using these devices", "such access",
#: "Our prior work"): quoted alone, it does not say what it means.
_LEANS_BACK_RE = re.compile(
    # ("those of the social sciences", "those who …": the words after say which)
    r"\b(?:these|such)\s+(?!(?:as|of|who|whose|which|that|with|in)\b)[a-z]+|"
    # ("those implemented by teachers": the participle says which)
    r"\bthose\s+(?!(?:as|of|who|whose|which|that|with|in)\b|[a-z]+ed\s+(?:by|in|for|with|to)\b)"
    r"[a-z]+|"
    r"\bour (?:prior|previous|earlier) work\b|"
    # "this political impasse": the one the sentence before describes
    r"\bthis\s+(?!study\b|paper\b|article\b|research\b|work\b|review\b|chapter\b|essay\b|"
    r"book\b|thesis\b|report\b|is\b|was\b|has\b|had\b|means\b|would\b|can\b)[a-z]+|"
    # (not the "it" of "it has proved difficult to …": it stands for what follows)
    rf"^(?!{EXPLETIVE_IT_RE.pattern.removeprefix('^')})(?:it|they|this|these|he|she|we)\b|"
    r"^those\b(?!\s+(?:who|whose|[a-z]+ed\s+(?:to|by|in|for|with))\b)|"
    # (not "WE", "US": a condition's or a country's abbreviation)
    r"(?-i:\b(?:[Ww]e|[Oo]ur|[Uu]s)\b)|(?-i:\bI\b)|"
    # "In PVR, this is done by …": what "this" is, the sentence before said
    r"\b(?:this|that)\s+(?:is|was|can\s+be|is\s+then)\s+(?:done|achieved|accomplished|"
    r"realized|realised|carried\s+out|implemented|obtained)\b|"
    # "many of them reuse …": of the things the sentence before named
    r"\b(?:many|some|most|all|each|none|several|few|one|two|both|either|neither)\s+of\s+"
    r"(?:them|these|those)\b|"
    # "X was rated as the least important": by whom? (The sentence before said.)
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:rated|ranked|judged|perceived|viewed|regarded)\s+as\b"
    r"(?![^.]*\bby\b)|"
    # "Use of both, however, …", "on all three measures": of what the sentence before named
    r"\bboth(?=\s*[,.;:)]|\s+of\s+them\b)|\ball\s+(?:two|three|four|five|six)\b|"
    # "In the first, …", "the latter": which one? (Lower case: not "the First Five-Year Plan".)
    # "The first enjoins clinicians to …": the first of what the sentence before named
    r"(?-i:^The (?:first|second|third|former|latter)\s+"
    r"(?!(?:time|half|quarter|year|day|decade|month|week)\b)(?=[a-z]))|"
    r"(?-i:\bthe (?:first|second|third|former|latter)\b"
    # (not "the first experiment": the article's own, which the course tells of)
    r"(?! (?:\d|(?:time|half|quarter|year|day|decade|month|week|experiment|study|trial|"
    r"survey|phase|stage|round|wave)\b)))|"
    # "The other two were both patients": the other two of those the sentence before named
    r"^the\s+other\s+(?:one|ones|two|three|four|five)\b|"
    # "The obvious answer is that …": the answer to a question the text asked before
    r"^the (?:\w+ )?(?:answer|reply|response)\s+(?:is|was)\b|"
    # "The results …", "The protective effect …": which results, which effect?
    # (also after an opening condition: "After accounting for X, the correlation remained")
    r"(?:^|^(?:after|when|once|even\s+after|although|while|if)\b[^.;]{0,150}?,\s+)"
    r"the (?:\w+ )?(?:results?|findings?|effects?|asymmetry|differences?|associations?|risks?|"
    r"correlations?|relations?|"
    r"increases?|decreases?|reductions?|rises?|declines?|gaps?|"
    # (not "the correlation between X and Y": it names its two sides)
    r"relationship|pattern|trend|conclusions?)\b(?!\s+between\b)|"
    # "More systematic and harsher measures were followed …": more than what?
    r"^(?:even\s+)?(?:more|less|fewer)\s+(?!than\b)(?![^.]*\bthan\b)|"
    # "The party also set out …": as well as what the sentence before said; "all the
    # variables": which ones?
    r"(?<!but )(?<!and )\balso\b|"
    r"\ball the (?:variables|factors|measures|items|outcomes|indicators|constructs|groups|"
    r"participants|respondents|cases)\b|"
    # "The combination of the two bodies of evidence": which two, the sentence before said
    r"(?-i:\bthe (?:two|three|four|five) (?!(?:years|decades|months|weeks|days|centuries|"
    r"times|groups of)\b)[a-z]+)|"
    # "Since their discovery in 2007, …": whose? A pronoun before anything it could stand for
    r"^(?:\w+\s+){1,2}(?:their|they|them|its)\b|"
    # "Humans, therefore, could be exposed": therefore of what the sentence before said
    r",\s*(?:therefore|thus|hence|consequently|accordingly|however|moreover|furthermore|"
    r"nevertheless|nonetheless|in turn)\s*,|"
    # "Similar arguments have been made for …": similar to what the sentence before said
    r"^similar\s+[a-z]+|"
    # "The resulting totals suggest …": resulting from what the sentence before did
    r"\bthe\s+(?:resulting|aforementioned|abovementioned|above-mentioned|foregoing)\b|"
    # "can explain relatively more of the variation": more than what?
    r"\b(?:relatively|comparatively)\s+(?:more|less|fewer|greater|higher|lower|larger|"
    r"smaller|better|worse)\b(?![^.]*\bthan\b)|"
    # "Dimensions were neuroticism, …": the dimensions of what?
    r"^(?:dimensions|variables|factors|items|components|indicators|subscales|domains|"
    r"measures|categories)\s+(?:were|are|included|include|comprised)\b|"
    # "The variables enable …", "The models can be used …": which ones? (Not "the models of
    # X", "the variables that …": the words after say.)
    r"^the (?:variables|factors|measures|items|indicators|constructs|models|methods|tools|"
    r"strategies|dimensions|components|instruments|scales|technique|method|approach|"
    r"procedure|algorithm|framework|tool|scheme|model|outcomes)\s+(?!of\b|that\b|which\b|in\b|"
    r"for\b|from\b|with\b|used\b|developed\b|proposed\b)|"
    # "In both cases PM1 was acidic": which two cases, the sentences before said (not "in
    # both cities", which names the kind)
    r"\bboth\s+(?:cases|instances|situations|conditions|settings|samples|periods|groups|"
    r"experiments|studies|models|sites|treatments|scenarios|contexts|directions|ways|levels|"
    r"cohorts|waves|phases|stages|samples|periods|sexes|genders)\b|"
    # "In parallel, …": in parallel with what the sentence before said
    r"^in\s+parallel\b|"
    # "The then novel usage of the term …": which term? (Not "the term 'audience'".)
    r"\bthe\s+(?:term|word|notion|label)\b(?!\s*(?:[\"\u201c'(]|of\b))|"
    # "A second literature focuses on …": second after the one the sentence before named
    r"^(?:a|the)\s+(?:second|third|fourth|further|final|last|next)\s+(?!time\b)[a-z]+|"
    # "As for the participants themselves, …": the participants the sentence before named
    r"^as\s+for\b|"
    # "Although the technique is demanding, …": the technique the sentence before named
    r"^(?:although|though|while|when|if|because|since|as)\s+the\s+(?:technique|method|"
    r"approach|model|procedure|algorithm|tool|framework|design|intervention)\b|"
    # "Other doctrines do many things": other than those the sentence before named
    r"^other\s+(?!than\b)[a-z]+|"
    # "Some do one thing": some of those the sentence before named
    r"^(?:some|many|most|others|several|few)\s+(?:do|does|did|are|is|was|were|have|has|had|"
    r"can|could|may|might|seem|seemed|appear|appeared)\b|"
    # "Reduction in efficacy beliefs mediates the effect": which effect?
    r"\b(?:mediat|moderat|explain|driv|revers|eliminat|attenuat|amplif)[a-z]*\s+the\s+"
    r"(?:effects?|relationships?|associations?|links?)\b(?!\s+(?:of|between)\b)|"
    # "Much of that process of self-representation …": the process the sentence before told
    r"\b(?:of|in|to|for|from|with|by|on|at|through)\s+that\s+(?!(?:is|was|are|were|has|have|"
    r"had|can|could|would|will|may|might|should|must|do|does|did)\b)[a-z]+",
    re.IGNORECASE,
)


#: Prefixes that make a word's counterpart: "pretax" / "posttax", "input" / "output".
_PREFIX_PAIRS = (
    ("pre", "post"),
    ("in", "out"),
    ("under", "over"),
    ("intra", "inter"),
    ("sub", "super"),
    ("micro", "macro"),
    ("hypo", "hyper"),
    ("min", "max"),
    ("up", "down"),
)


def _paired_by_prefix(key: str, prompt: str) -> bool:
    """The one-word key is the counterpart, by a prefix, of a word the stem prints: the
    stem gives it away."""
    word = key.casefold()
    if " " in word:
        return False
    printed = {w.casefold() for w in _WORD_RE.findall(prompt)}
    for a, b in _PREFIX_PAIRS:
        for mine, other in ((a, b), (b, a)):
            if (
                word.startswith(mine)
                and len(word) > len(mine) + 2
                and other + word[len(mine) :] in printed
            ):
                return True
    return False


def _leans_back(text: str, terms: frozenset[str]) -> bool:
    """Whether ``text`` leans on the sentence before (see _LEANS_BACK_RE). "The reranking
    effect" is no "the effect" of something said before when the glossary names it."""
    return _dangling_plural_pronoun(text) or any(
        re.sub(r"^the\s+", "", m.group().casefold()) not in terms
        for m in _LEANS_BACK_RE.finditer(text)
    )


_PLURAL_PRONOUN_RE = re.compile(r"\b(?:their|them|they|theirs|themselves)\b", re.IGNORECASE)
#: Plural words that name nothing a "their" could stand for: spans of time, measures.
_NOT_ANTECEDENTS = frozenset(
    {
        *("days", "weeks", "months", "years", "hours", "minutes", "seconds", "decades"),
        *("centuries", "times", "levels", "units", "percent", "others", "ones"),
    }
)
#: Words before a "their" that name people or several things: what it can stand for.
_PLURAL_SUBJECT_RE = re.compile(
    r"\band\b|&|\b(?:both|each|every|people|children|men|women|staff|public|police|"
    r"government|party|family|team|group|committee|council|company)\b",
    re.IGNORECASE,
)


def _dangling_plural_pronoun(text: str) -> bool:
    """A "their", "them" or "they" with no plural before it in the sentence: "A follow-up
    survey 3 days later polled their opinions again" (whose? the sentence before said). A
    plural noun or two things joined by "and" can be what it stands for."""
    match = _PLURAL_PRONOUN_RE.search(text)
    if match is None or match.start() == 0:
        return False  # a sentence opening on "They" is _LEANS_BACK_RE's
    before = text[: match.start()]
    if _PLURAL_SUBJECT_RE.search(before):
        return False
    for word in _WORD_RE.findall(before):
        lower = word.casefold()
        if (
            len(lower) > 3
            and lower.endswith("s")
            and not lower.endswith(("ss", "us", "is", "ous"))
            and lower not in _NOT_ANTECEDENTS
            and lower not in STOPWORDS
        ):
            return False
        if word.isupper() and len(word) >= 2:
            return False  # an acronym may name a body of people ("the UN", "NGOs")
    return True


def offerable(
    q: DraftQuestion,
    sentences: list[str],
    title: str = "",
    aliases: dict[str, list[str]] | None = None,
    *,
    terms: frozenset[str] = frozenset(),
) -> bool:
    """Whether an item is of a kind instructors keep, by the rubric's "worth asking" and
    "well-formed": the rules the audit of generated items showed the flaw checker alone
    does not enforce (see _UNOFFERED_PROMPTS and below). ``terms`` are the glossary's forms,
    lower-cased."""
    aliases = aliases or {}
    if q.prompt.startswith(_UNOFFERED_PROMPTS):
        return False
    if q.type == "true_false" and q.answer is False and q.explanation.startswith(_SWAP_FALSE):
        return False
    cited = [sentences[i] for i in q.sentences if 0 <= i < len(sentences)]
    if q.type in (
        "cloze",
        "short_answer",
        "single_choice",
        "true_false",
        "multiple_response",
    ) and any(
        framing(s)
        or tells_method(s)
        or sets_the_scene(_claim(s))
        or _leans_back(_asked(q, s), terms)
        or leans_on_context(_asked(q, s))
        or lacks_its_complement(_claim(s))
        or _ANNOUNCES_ONLY_RE.search(_claim(s))
        or _ATTRIBUTED_RE.match(s)
        or PUT_FORWARD_RE.match(s)
        for s in cited
    ):
        return False
    if any(opening_background(sentences, i) for i in q.sentences):
        return False  # the received view the text opens with and then turns against
    if (
        q.type == "true_false"
        and 0 in q.sentences
        and _SHARE_RE.search(sentences[0])
        and not re.search(r"\b(?:we|our|this study|results?|findings?)\b", sentences[0], re.I)
    ):
        return False  # "Wheat farming provides 28.5% of global cereal production": the figure
        # an abstract opens with to say why its subject matters
    if 0 in q.sentences and _FOUND_BEFORE_RE.search(sentences[0]):
        return False  # "Two B-type cyclins have been identified in mammals": the field's
        # knowledge the text opens from, not what it found
    if q.prompt.startswith(_RELATION_STEM):
        return True  # its options are stated clauses, chosen by relation_items' own rules
    if q.type in ("cloze", "short_answer", "single_choice"):
        key = q.answer if isinstance(q.answer, str) else (q.answer or [""])[0]
        forms = q.answer if isinstance(q.answer, list) else [key]
        if term_kind(key, sentences) in _UNASKED_KINDS:
            return False
        if any(_in_title(form, title) for form in [*forms, *aliases.get(key, [])]):
            return False
        if _everyday(key) or _splits_a_name(q.prompt, key) or _in_a_list(q.prompt):
            return False
        if _not_a_concept(key) or _ENDS_ON_A_VERB_RE.search(key):
            return False  # (not "Nusselt number escalates": a term with its verb)
        if _passing_abbreviation(key, sentences, aliases):
            return False  # "in its LGM alluvial fan": a setting's label the text never explains
        if BLANK in q.prompt and not _unmistakable(key, sentences):
            return False  # other words fill the gap as well ("mean comprehension")
        if BLANK in q.prompt and _RELATIONAL_GAP_RE.search(q.prompt) and key.islower():
            return False  # "beyond the _____ of individual variations": a word of an idiom
        if f"({BLANK})" in q.prompt:
            return False  # the abbreviation of the words just before it
        if _modifies_a_concept(q.prompt, key, terms):
            return False  # "of _____ process quality studies": a modifier of another concept
        if _VERB_GAP_RE.search(q.prompt):
            return False  # "children who _____": the verb of a clause
        if _MEASURE_NAME_GAP_RE.search(q.prompt):
            return False  # "adjustment for the _____ II or SOFA scores": a measure's label
        if BLANK in q.prompt and _parallel_slot(q.prompt):
            return False  # "for production of prototypes, … for _____ of end-use products"
        if _sibling_term(key, terms):
            return False  # "U-shaped curve" beside the text's "U-shaped pattern": both fit
        if re.search(rf"{re.escape(BLANK)}\s+(?:[A-Z]|\d+)\b", q.prompt):
            return False  # "initial use of _____ A": the label word of a name ("Mound A")
        if _paired_by_prefix(key, q.prompt):
            return False  # "different _____ than it was pretax": "posttax", by its partner
        if _VALUE_AFTER_GAP_RE.search(q.prompt):
            return False  # "the _____ was 31.51%": which measure had a figure, not a claim
        if any(_only_in_report(s, forms) for s in cited):
            return False  # "_____ analysis showed that …": the method, not the claim
        if not _quotes_whole_sentence(q, key, cited):
            return False
        if any(_details(s) for s in cited) or re.search(rf"/\s*{BLANK}|{BLANK}\s*/", q.prompt):
            return False  # sample figures around the gap; half of a "hot/cool" pair
    if q.type == "single_choice" and not q.prompt.startswith(_RELATION_STEM):
        # Term-completion choices: even with distractors of the key's kind by our cues,
        # instructors judged nearly all unfair (other glossary terms rarely fit the slot).
        return False
    if q.type == "true_false" and _details(q.prompt):
        return False  # the statement without its parentheses of results still gives figures
        # (false too: a value moved among several tests the memory of numbers)
    if q.type == "true_false" and q.answer is True and any(_hedged(s) for s in cited):
        return False  # "Our results suggest that X": X keyed True states more than the text
    if (
        q.type == "true_false"
        and q.answer is True
        and any(_carries_a_hedge(sentences, i) for i in q.sentences)
    ):
        return False  # "Through this process, X" after "… could be the result of a process"
    if q.type == "true_false" and _BARE_COUNT_RE.search(q.prompt):
        return False  # "was found in 194 of chronic patients": a sample count to recognise
    if q.type == "true_false" and _BARE_STATISTIC_RE.search(q.prompt):
        return False  # "greater odds of death Odds Ratio (OR)=2.72": a test statistic run in
    if q.type == "true_false" and _JUST_A_VALUE_RE.search(q.prompt):
        return False  # "the network centralization was 31.51%": a figure to recognise
    if q.type == "true_false" and any(_OWN_SUCCESS_RE.match(_claim(s)) for s in cited):
        return False  # "The proposed algorithm can effectively reduce …": no paper says otherwise
    if q.type == "true_false" and q.answer is True and _NEW_READINGS_RE.search(q.prompt):
        return False  # "X offers new, more nuanced, readings of …": the article's promise
    if q.type == "true_false" and q.answer is True and _BETTER_BY_MEANS_RE.search(q.prompt):
        return False  # "stability was improved through redundancy": what a design is for
    if q.type == "true_false" and _OWN_MAKING_RE.match(q.prompt.removeprefix(TF_PREFIX)):
        return False  # "A new model has been built using …": the article's own work, read as true
    if q.type == "true_false" and _NORMATIVE_RE.search(q.prompt):
        return False  # "Policy makers should consider …": an opinion to weigh, not a fact
    if q.type == "true_false" and q.answer is True and _AFFORDANCE_RE.search(q.prompt):
        return False  # "The models can be used to estimate …": what a thing is for, guessed true
    if q.type == "single_choice":
        kind = term_kind(q.answer, sentences)
        others = [o for o in q.options if o != q.answer]
        if any(compatible(kind, term_kind(o, sentences)) > 0 for o in others):
            return False
    return True


#: A claim held on a view the sentence names: "On the Willful Ignorance View, white
#: ignorance refers to …" (one put forward to be weighed is contexts.PUT_FORWARD_RE's).
_ATTRIBUTED_RE = re.compile(
    r"^\W*(?:on|under|according\s+to|in)\s+(?:the|a|this|that|their|his|her)\s+[^,]{1,50}?"
    r"(?:view|account|theory|reading|model|hypothesis|interpretation|perspective|picture)\s*,",
    re.IGNORECASE,
)
#: A sentence that announces a set of things without naming them: "International law has
#: been characterized by two interconnected and yet opposite trends."
_ANNOUNCES_ONLY_RE = re.compile(
    r"\b(?:two|three|four|five|six|several|various|a\s+(?:number|few|range|series)\s+of)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:trends|aspects|factors|ways|types|kinds|approaches|dimensions|"
    r"categories|stages|phases|themes|issues|questions|reasons|strategies|forms|elements|"
    r"components|levels|parts|patterns|features|mechanisms|tendencies|developments|"
    r"perspectives|challenges|problems|steps|principles|lessons|areas|directions|sorts|classes)"
    # ("Every kitchen has two kinds of tools.")
    r"(?:\s+of\s+[\w-]+)?\s*[.!]?$",
    re.IGNORECASE,
)
#: A share: "28.5%", "a third of", "12 per cent".
_SHARE_RE = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
#: What the field knew before the text: "… have been identified in mammals".
_FOUND_BEFORE_RE = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?been\s+(?:\w+ly\s+)?(?:identified|described|reported|"
    r"discovered|documented|observed|characteri[sz]ed|isolated|cloned)\b",
    re.IGNORECASE,
)
_ARTICLES = frozenset({"the", "a", "an", "its", "their", "this", "these", "that", "those"})


def _parallel_slot(prompt: str) -> bool:
    """The words around the gap come again in the sentence around another word, which fits
    the gap as well: "introduced for production of prototypes, … used for _____ of end-use
    products". (Not after an article: "the … of" frames any noun.)"""
    head, _, tail = prompt.partition(BLANK)
    before = _WORD_RE.findall(head)
    after = _WORD_RE.findall(tail)
    if not before or not after or before[-1].casefold() in _ARTICLES:
        return False
    # (the gap itself is no word: the pattern finds only another word between the two)
    pattern = rf"\b{re.escape(before[-1])}\s+([^\W\d_]+)\s+{re.escape(after[0])}\b"
    return any(
        m.group(1).casefold() not in STOPWORDS for m in re.finditer(pattern, prompt, re.IGNORECASE)
    )


def _sibling_term(key: str, terms: frozenset[str]) -> bool:
    """Another term of the glossary is the key's words with another head: "U-shaped
    curve" and "U-shaped pattern", the text's two names for one thing."""
    words = key.casefold().split()
    if len(words) < 2:
        return False
    prefix = " ".join(words[:-1]) + " "
    return any(
        form.startswith(prefix) and len(form.split()) == len(words) and form != key.casefold()
        for form in terms
    )


#: A sentence opening on what the sentence before put forward: "Through this process, …".
_POINTING_START_RE = re.compile(
    r"^\W*(?:[A-Za-z]+\s+){0,2}(?:this|these|such|that)\s+[a-z]+(?:\s+[a-z]+)?\s*,", re.I
)
#: A sentence that puts something forward as possible, not as found.
_SUPPOSED_RE = re.compile(
    r"\b(?:could|may|might|would)\s+(?:\w+ly\s+)?(?:be|have|reflect|result|arise|stem|explain)\b|"
    r"\bhypothes[ie][sz]\w*|\b(?:we|I)\s+(?:propose|posit|speculate)\b",
    re.IGNORECASE,
)


def _carries_a_hedge(sentences: list[str], i: int) -> bool:
    """The sentence goes on about what the one before only supposed ("X could be the result
    of an associative mechanism. Through this process, Y"): Y is as hedged as X."""
    return (
        i > 0
        and bool(_POINTING_START_RE.match(sentences[i]))
        and bool(_SUPPOSED_RE.search(sentences[i - 1]))
    )


#: A statement of what something can be used for: true of nearly anything a text presents.
_AFFORDANCE_RE = re.compile(
    r"\b(?:can|could|may|might)\s+(?:\w+ly\s+)?(?:be\s+(?:used|applied|employed|adopted|"
    r"utili[sz]ed)|serve)\s+(?:to|for|as)\b",
    re.IGNORECASE,
)


def _asked(q: DraftQuestion, sentence: str) -> str:
    """What an item puts to the student of its sentence: a true/false item its statement,
    whose pointing-back demonstratives are already resolved (see questions.statement_of);
    any other item the sentence's claim."""
    if q.type == "true_false":
        return q.prompt.removeprefix(TF_PREFIX)
    if q.type == "multiple_response":
        # its own words: a list's lead retold ("we find" as "the authors find"), the options
        lead = q.prompt.removeprefix(_MR_PREFIX).removeprefix(_SAYS).split(". Which of the")[0]
        return " ".join([lead, *q.options])
    return _claim(sentence)


#: How a multiple response opens, and how it retells its sentence (questions._mr).
_MR_PREFIX = "Select all that apply: "
_SAYS = "the text says that "


def _claim(sentence: str) -> str:
    """What a sentence claims, without the parentheses of figures that back it ("CLUE I"
    inside a hazard ratio's parenthesis is no dangling "I")."""
    return drop_statistics(claim_of(sentence))


#: A one-word gap between an article and "of" ("beyond the _____ of", "a _____ of human
#: intelligence"): the head of a relational phrase, whose concept is what follows "of".
_RELATIONAL_GAP_RE = re.compile(rf"\b(?:the|a|an|a\(n\)) {re.escape(BLANK)} of\b")

#: The article's own method as the subject of a claim: its success is what every paper
#: reports, so a statement on it is guessed true (or its turned version false) unread.
_OWN_SUCCESS_RE = re.compile(
    r"^(?:the|our|this)\s+(?:proposed|new|novel|developed|presented|present|suggested)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:methods?|algorithms?|models?|approach(?:es)?|frameworks?|schemes?|"
    r"systems?|techniques?|protocols?|designs?|networks?|architectures?|tools?|strateg(?:y|ies)|"
    r"procedures?|solutions?|devices?|controllers?|estimators?|formulas?|formulae|"
    r"expressions?|equations?|indicators?)\b|"
    # the made thing named before its making: "The data products developed enable …"
    r"^(?:the|our|these)\s+(?:[\w-]+\s+){1,4}?(?:developed|proposed|presented|produced|"
    r"created|built)\s+(?:here\s+|in this (?:study|paper|work)\s+)?(?:can\s+|will\s+)?"
    r"(?:enables?|allows?|permits?|provides?|makes?|offers?|supports?|facilitates?)\b|"
    # what the work adds to its field: "The regression analyses advance the growing work …
    # and break new ground in …"
    r"^(?:the|our|these|this)\s+(?:[\w-]+\s+){0,2}?(?:analyses|analysis|findings|results|study|"
    r"studies|article|paper|work|research|data)\s+(?:\w+ly\s+)?(?:advances?|extends?|"
    r"contributes?\s+to|adds?\s+to|complements?|enriches?|builds?\s+on|fills?)\b|"
    r"\bbreaks?\s+new\s+ground\b",
    re.IGNORECASE,
)

#: What the article offers: "offers new, more nuanced, readings of …", "provides new
#: insights into …". No text says its approach offers nothing new.
_NEW_READINGS_RE = re.compile(
    r"\b(?:offers?|provides?|opens?|yields?)\s+(?:a\s+)?(?:new|fresh|novel|richer|deeper|"
    r"more\s+nuanced)\b[^.;]{0,40}?\b(?:readings?|insights?|perspectives?|understandings?|"
    r"ways|avenues|light)\b",
    re.IGNORECASE,
)
#: A gain brought about by stated means: "The stability of the system was improved through
#: dual PC redundancy". No text reports means that made things worse, so it is true unread.
_BETTER_BY_MEANS_RE = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:improved|enhanced|increased|optimi[sz]ed|"
    r"strengthened|ensured|guaranteed|verified|validated|achieved|reali[sz]ed|accomplished|"
    r"maximi[sz]ed|minimi[sz]ed|reduced)\s+(?:\w+ly\s+)?(?:through|via|by means of|using|"
    r"with the (?:aid|help) of)\b",
    re.IGNORECASE,
)

#: Something new that was made, with no one and nothing else named: "A new impulse neural
#: model has been built using …", "An algorithm for … has been developed". It is what the
#: article itself did, so the statement is true unread.
_OWN_MAKING_RE = re.compile(
    r"^(?:a|an)\s+[^.;:]{0,120}?\b(?:has|have|was|were|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?"
    r"(?:developed|built|proposed|designed|created|constructed|implemented|introduced|"
    r"presented|established|set\s+up|devised|formulated|elaborated|reported|described)"
    # ("A basic design approach is presented that incorporates …")
    r"(?:\s*[.,;]|\s+(?:using|with|by|for|to|on|based|assuming|in\s+order|that|which|"
    r"whereby|in\s+which))",
    re.IGNORECASE,
)
_RELATION_STEM = "According to the text"
#: What ought to be, or what the future will take ("Future gains will require …").
_NORMATIVE_RE = re.compile(
    r"\b(?:should|ought to|must|needs? to|will (?:\w+ly\s+)?(?:require|need|depend on|"
    r"call for)|(?:is|are)\s+(?:\w+ly\s+)?(?:needed|required|warranted|necessary|advisable|"
    r"recommended)|"
    # a recommendation: "Increasing access to sanitation and promoting hand washing would
    # improve diarrhoeal disease control"
    r"(?:^|\?\s+)(?:\w+ly\s+)?[a-z]+ing\b[^.;]{0,200}?\b(?:would|will|could|can|may|might)\s+"
    r"(?:\w+ly\s+)?(?:help\s+(?:to\s+)?)?(?:improve|reduce|enhance|increase|benefit|prevent|"
    r"strengthen|promote|lower|support|contribute)|"
    # what a role is meant to do: "language teachers are expected to present reading lessons"
    r"(?:teachers|students|learners|practitioners|clinicians|physicians|nurses|schools|"
    r"managers|professionals|policymakers|policy\s+makers|governments|employers|parents|"
    r"members|citizens)\s+(?:are|is)\s+(?:\w+ly\s+)?(?:expected|required|obliged|supposed)\s+"
    r"to)\b",
    re.IGNORECASE,
)
_YEAR_WORD_RE = re.compile(r"^\(?(?:1[0-9]|20)\d\d(?:s|'s)?[),.;:]*$")
_SHARE_AFTER_RE = re.compile(r"\(\s*[\d.,]+\s*%")
_NUMBER_RE = re.compile(r"\d")
_UNIT_POWER_RE = re.compile(r"^[^\W\d_]{1,3}[\u2212-]?[1-3][,.;:)]*$")
_DURATION_RE = re.compile(r"^(?:years?|months?|weeks?|days?|decades?|centuries)[,.;:)]*$")


#: A gap whose clause gives it a figure: "the _____ was 31.51%", or a statistic's label
#: before its value: "13.5 years (_____ 9.9-16.0)", "(_____ = 0.82)".
_VALUE_AFTER_GAP_RE = re.compile(
    rf"{re.escape(BLANK)}\s+(?:is|was|are|were)\s+(?:about\s+|approximately\s+|only\s+)?"
    r"[\d\u2264\u2265<>~.]|"
    rf"{re.escape(BLANK)}\s*[:=,]?\s*[\d\u2264\u2265<>~]"
)


#: A count of a sample: "in 194 of chronic patients", "194 of the 412 children".
_BARE_COUNT_RE = re.compile(r"\b\d{2,}(?:\s*\([\d.,]+\s*%\))?\s+of\s+(?:the\s+)?(?:\d+\s+)?[a-z]+")
#: A test statistic run into the sentence, outside any parenthesis: "OR=2.72", "p < 0.05".
_BARE_STATISTIC_RE = re.compile(r"(?:\)|\b[A-Za-z]{1,4})\s*[=<>\u2264\u2265]\s*-?\.?\d")
#: A statement that only gives a measure's value, with its unit ("was 13.5 years.").
_JUST_A_VALUE_RE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|nearly\s+|"
    r"only\s+)?[~\u223c\u2248]?\s*[\d.,]+"
    # "was 9-14 \u03bcg m-3": a range, a unit of several symbols
    r"(?:\s*(?:-|\u2013|\u2014|to)\s*[\d.,]+)?\s*(?:%|per cent|percent|"
    r"[^\W\d_]+(?:[\u2212-]?\d)?(?:\s+[^\W\d_]{1,4}(?:[\u2212-]?\d)?){0,2})?\s*\.?$",
    re.IGNORECASE,
)


def _only_in_report(sentence: str, forms: list[str]) -> bool:
    """The key stands only in the lead that reports the sentence's claim ("CONCOR
    analysis showed that X"): what it names is how the claim was found."""
    claim = claim_of(sentence)
    if claim == sentence or not sentence.endswith(claim):
        return False
    lead = sentence[: len(sentence) - len(claim)].casefold()
    return any(f.casefold() in lead for f in forms) and not any(
        f.casefold() in claim.casefold() for f in forms
    )


def _details(sentence: str) -> bool:
    """A sentence of study design or sample figures ("412 children aged 8-11 (52% girls)"):
    copied as a true statement it tests recognition of numbers, not a claim."""
    # years and decades ("in the late 1960s") are the history told, not sample figures
    words = sentence.split()
    figures = [
        w
        for n, w in enumerate(words)
        if _NUMBER_RE.search(w)
        # (not "2099 (64.9%)": a count with its share)
        and not (_YEAR_WORD_RE.match(w) and not _SHARE_AFTER_RE.match(" ".join(words[n + 1 :])))
        # "in the first 10 years of follow-up": a span of time the finding holds over
        and not (n + 1 < len(words) and _DURATION_RE.match(words[n + 1]))
        # "h yr-1", "m-2" (with a minus sign): a unit's power, not a figure
        and not _UNIT_POWER_RE.match(w)
    ]
    return len(figures) >= MAX_NUMBERS_IN_STATEMENT


#: A report lead that hedges what it reports: "Our descriptive results suggest that …".
_HEDGED_LEAD_RE = re.compile(
    r"\b(?:suggests?|suggested|may|might|could|appears?|appeared|seems?|seemed|possibly|"
    r"tentative(?:ly)?|preliminary)\b",
    re.IGNORECASE,
)


def _hedged(sentence: str) -> bool:
    """The sentence's claim comes under a hedging lead, which the statement would drop."""
    claim = claim_of(sentence)
    if claim == sentence or not sentence.endswith(claim):
        return False
    return bool(_HEDGED_LEAD_RE.search(sentence[: len(sentence) - len(claim)]))


_ABBREVIATION_RE = re.compile(r"^[A-Z][A-Z0-9]{1,6}s?$")


def _passing_abbreviation(key: str, sentences: list[str], aliases: dict[str, list[str]]) -> bool:
    """An abbreviation the text uses once and never spells out: a label in passing, not a
    concept it teaches ("NEP", used throughout, is one)."""
    if not _ABBREVIATION_RE.match(key) or aliases.get(key):
        return False
    uses = sum(len(re.findall(rf"\b{re.escape(key)}\b", s)) for s in sentences)
    return uses <= 1


def _everyday(key: str) -> bool:
    """A key of everyday words only ("school year", "higher odds", "disaster situations"):
    guessable without the text. Names and acronyms are not everyday words."""
    words = [w for w in _WORD_RE.findall(key) if w.casefold() not in STOPWORDS]
    if not words or any(w[:1].isupper() for w in words):
        return False
    return all(is_common(w.casefold(), EVERYDAY_ZIPF) for w in words)


def _not_a_concept(key: str) -> bool:
    """A key that is a label, not something the text teaches: a code with digits
    ("HLS-M-Q18"), an abbreviation with points ("U.S"), a possessive ("HCPs'"), a verb
    phrase ("reduce the 47-item scale to …"), or one common word ("obstacle",
    "stakeholders": other words fill its gap as well)."""
    words = _WORD_RE.findall(key)
    if not words or any(c.isdigit() for c in key) or "." in key:
        return True
    if len(words) == 1 and key.islower() and is_common(key, SINGLE_KEY_ZIPF):
        return True
    if len(words) == 1 and key.lower() in _RELATIONAL_KEYS:
        return True  # "key _____ of AF progression": a predictor of what, not a concept
    if all(len(w) <= 3 for w in words) and not (len(words) == 1 and key.isupper()):
        return True  # a unit or a symbol ("mm Hg"), not a concept
    if key.rstrip().endswith(("'", "\u2019", "'s", "\u2019s")):
        return True
    if len(words) >= 2 and words[-1].lower() in _EMPTY_HEADS:
        return True  # "disproportionate amount", "implicit manner", "past studies"
    if len(words) >= 3 and words[1] == "of" and words[0] in _GROUP_HEADS:
        return True  # "group of INs": the concept is the noun after "of", not the group
    if re.search(r"\w(?:'|\u2019)s?\s+\w", key):
        return True  # "Migrants' sense": a possessor and the head of a longer phrase
    if words[0].islower() and words[0] in VERB_BASES and len(words) > 1:
        return True
    # "correlated positively with life satisfaction": a predicate, not a name for a thing
    participle = words[0].islower() and words[0].endswith("ed")
    return participle and len(words) >= 3 and any(w in _PREDICATE_LINKS for w in words[1:])


#: Heads that name no concept of their own: a quantity, a manner, the literature.
_EMPTY_HEADS = frozenset(
    [
        "amount",
        "amounts",
        "number",
        "numbers",
        "variety",
        "range",
        "degree",
        "extent",
        "majority",
        "minority",
        "lack",
        "set",
        "kind",
        "kinds",
        "type",
        "types",
        "way",
        "ways",
        "manner",
        "part",
        "parts",
        "level",
        "levels",
        "aspect",
        "aspects",
        "studies",
        "study",
        "work",
        "works",
        "research",
        "literature",
        "authors",
        "scholars",
        "findings",
        "results",
    ]
)
#: Words that name a role in a relation, not a thing: "predictors", "determinants".
_RELATIONAL_KEYS = frozenset(
    ["predictor", "predictors", "determinant", "determinants", "factor", "factors", "driver",
     "drivers", "cause", "causes", "effect", "effects", "outcome", "outcomes", "indicator",
     "indicators", "correlate", "correlates", "consequence", "consequences", "antecedent",
     "antecedents", "mediator", "mediators", "moderator", "moderators"]
)  # fmt: skip
#: Heads that name a collection of what follows "of".
_GROUP_HEADS = _EMPTY_HEADS | frozenset(
    ["group", "groups", "class", "classes", "category", "categories", "population", "subset",
     "form", "forms", "series", "collection", "mix", "combination"]
)  # fmt: skip
#: Prepositions that tie a participle to its complement inside a predicate.
_PREDICATE_LINKS = frozenset(["with", "to", "by", "from", "into", "against", "on"])


#: A key word at most this common (Zipf) names one thing: "pedagogy", "obsequies".
UNMISTAKABLE_ZIPF = 3.5


def _unmistakable(key: str, sentences: list[str]) -> bool:
    """A gap only one answer fills: a name or an acronym ("NEP", "Stalin group"), or a term
    whose every word is rare ("industrialization"). Gaps on everyday words ("mean
    comprehension", "organize obsequies") take other right answers the key would refuse;
    the audits failed nearly all of them."""
    words = _WORD_RE.findall(key)
    if not words:
        return False
    if any(
        re.search(rf"[\u201c\"]{re.escape(key)}[\u201d\"]", s, re.IGNORECASE) for s in sentences
    ):
        return True  # a term the text coins in quotes: the new “black bridge”
    named_once = sum(1 for s in sentences if re.search(rf"\b{re.escape(key)}\b", s, re.I)) < 2
    if words[0][:1].islower() and named_once:
        return False  # "the _____ between one's traits and the neighbourhood's": a term the
        # text uses once, whose synonyms ("similarity", "match") fill its gap as well
    if any(w.isupper() and len(w) >= 2 for w in words) or any(w[:1].isupper() for w in words[1:]):
        return True
    inside = re.compile(rf"[^.!?\s]\s+{re.escape(key)}\b")
    if words[0][:1].isupper() and any(inside.search(s) for s in sentences):
        return True  # a name: capitalised inside a sentence too, not only at its start
    return all(
        not is_common(w.lower(), UNMISTAKABLE_ZIPF) for w in words if w.lower() not in STOPWORDS
    )


def _modifies_a_concept(prompt: str, key: str, terms: frozenset[str]) -> bool:
    """The gap stands right before another concept of the text, as its modifier ("key
    characteristics of _____ process quality studies", "process quality" a concept): many
    words qualify a concept as well as the key."""
    after = prompt.partition(BLANK)[2].casefold()
    return any(
        after.startswith(" " + form) and form != key.casefold() for form in terms if len(form) >= 4
    )


#: A key that ends on a verb by its ending: "Nusselt number escalates".
_ENDS_ON_A_VERB_RE = re.compile(r"\s[a-z]+(?:ates|izes|ises|ifies)$")
#: A gap on the name of a score or scale: "the _____ II score", "the _____ scale".
_MEASURE_NAME_GAP_RE = re.compile(
    rf"{re.escape(BLANK)}\s+(?:[IVX]{{1,4}}\b|scores?\b|scales?\b|index\b|inventory\b)"
)
#: A gap right after a relative pronoun holds the clause's verb ("children who _____"), not
#: a concept.
_VERB_GAP_RE = re.compile(rf"\b(?:who|which)\s+{re.escape(BLANK)}")


def _in_a_list(prompt: str) -> bool:
    """The blank is one member of a list ("X, Y and _____") or one example of a kind
    ("archives such as the _____"): many fill it, and it tests the list's wording, not a
    claim."""
    before, _, after = prompt.partition(BLANK)
    return bool(
        # (adverbs between: "olivine and less commonly _____")
        re.search(
            r"(?:,|\band|\bor|\balong with|\bas well as|\btogether with)"
            r"(?:\s+(?:\w+ly|less|more|also|even|then))*\s*$",
            before,
        )
        or re.match(r"\s*(?:,|and\b|or\b)", after)
        or _EXAMPLE_SLOT_RE.search(before)
    )


#: The words before a gap that make its key one example among others of its kind.
_EXAMPLE_SLOT_RE = re.compile(
    r"\b(?:such as|including|e\.g\.,?|for example,?|for instance,?|like)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _splits_a_name(prompt: str, key: str = "") -> bool:
    """The blank cuts a name: after its initial ("P. _____"), or a capitalised key whose
    name runs on after the gap ("The _____ to Information Act" for "Promotion of Access")
    or before it ("the Federal _____ Act")."""
    before, _, after = prompt.partition(BLANK)
    if re.search(r"\b[A-Z]\.\s*$", before):
        return True
    if not key[:1].isupper() or key.isupper():
        return False
    runs_on = re.match(r"\s*(?:(?:of|to|for|and|on|the|de|la|von|van)\s+)?[A-Z][a-z]", after)
    runs_in = re.search(r"[A-Z][a-z]+\s+(?:(?:of|to|for|and|on|the)\s+)?$", before)
    return bool(runs_on or runs_in)


def _in_title(key: str, title: str) -> bool:
    """The title gives the key away: all its content words are in the title, in some form
    ("homelessness" in "The health of homeless people"), or all but one everyday head that
    the title's words call up ("Chinese Communist Party" under "The New Chinese
    Communist")."""
    words = {_stem(w) for w in _WORD_RE.findall(key) if w.casefold() not in STOPWORDS}
    titled = words & {_stem(w) for w in _WORD_RE.findall(title)}
    rest = words - titled
    if len(titled) >= 2 and len(rest) == 1:
        # (or a name added: "Aphidius colemani Viereck" under "… of Aphidius colemani")
        extra = next(iter(rest))
        named = any(w[:1].isupper() and _stem(w) == extra for w in _WORD_RE.findall(key)[1:])
        return named or is_common(extra, EVERYDAY_ZIPF)
    return bool(words) and not rest


_SUFFIX_RE = re.compile(r"(?:ness|ity|ities|isms|ism|ists|ist)$")


def _stem(word: str) -> str:
    """A word without its noun-forming or plural ending, for comparing forms."""
    word = word.casefold()
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif re.search(r"[^siu]s$", word):
        word = word[:-1]
    stem = _SUFFIX_RE.sub("", word)
    return stem if len(stem) >= 4 else word


def _quotes_whole_sentence(q: DraftQuestion, key: str, cited: list[str]) -> bool:
    """A gap item quotes (nearly) all of its sentence, not a piece cut out of it."""
    if BLANK not in q.prompt:
        return True
    quoted = q.prompt.split("? ", 1)[-1] if "? " in q.prompt else q.prompt.split(": ", 1)[-1]
    stem_words = len(_WORD_RE.findall(quoted.replace(BLANK, key)))
    longest = max((len(_WORD_RE.findall(s)) for s in cited), default=0)
    return stem_words >= MIN_QUOTED_SHARE * longest


def question_budget(n_sentences: int) -> int:
    return max(MIN_QUESTIONS, min(MAX_QUESTIONS, n_sentences + 4))


def select_questions(
    pool: list[Candidate], concepts: list[DraftConcept], budget: int
) -> list[DraftQuestion]:
    """Best items with every available type, every core concept, and a spread."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    per_sentence: Counter[int] = Counter()
    per_key: Counter[str] = Counter()

    def take(k: int) -> None:
        taken.add(k)
        chosen.append(pool[k])
        per_sentence.update(pool[k].question.sentences)
        per_key[_key_of(pool[k].question)] += 1
        # The same recall fact asked again in another format is not a new question.
        for j, other in enumerate(pool):
            if j not in taken and same_recall(pool[k].question, other.question):
                taken.add(j)
        # A true statement prints the sentence a gap item blanks: one or the other.
        taken_q = pool[k].question
        for j, other in enumerate(pool):
            if j not in taken and _leaks(taken_q, other.question):
                taken.add(j)
        # Nor is a third item on one sentence or one key.
        for j, other in enumerate(pool):
            q = other.question
            if j not in taken and (
                any(per_sentence[i] >= MAX_PER_SENTENCE for i in q.sentences)
                or per_key[_key_of(q)] >= MAX_PER_KEY
            ):
                taken.add(j)

    # First the best item on a relation the text states (beyond recall): of two items that
    # would give each other away, it is the one kept.
    relational = [
        k
        for k, c in enumerate(pool)
        if c.question.type != "true_false"
        and _RELATION_STEM.casefold() in c.question.prompt.casefold()
    ]
    if relational:
        take(relational[0])
    for kind in TYPES:
        free = [k for k, c in enumerate(pool) if k not in taken and c.question.type == kind]
        # A false statement first: it needs the text, where a true one only copies it (and
        # a true one on the same sentence would now give it away).
        false_ones = [k for k in free if kind == "true_false" and pool[k].question.answer is False]
        if free:
            take((false_ones or free)[0])
    # True statements copied from the text: not many more than the false ones, or answering
    # "True" throughout scores well (held to in every phase below).
    falses = sum(1 for c in pool if c.question.type == "true_false" and c.question.answer is False)

    def too_true(q: DraftQuestion) -> bool:
        trues = sum(1 for c in chosen if c.question.type == "true_false" and c.question.answer)
        return q.type == "true_false" and q.answer is True and trues >= falses + MAX_EXTRA_TRUE

    # Then every core concept: they are what the course must test.
    for concept in concepts:
        if not concept.core or any(concept.term in c.question.concepts for c in chosen):
            continue
        options = [
            k
            for k, c in enumerate(pool)
            if k not in taken and concept.term in c.question.concepts and not too_true(c.question)
        ]
        # The surest item, of a type not yet used where one is about as good.
        used_types = Counter(c.question.type for c in chosen)
        options.sort(key=lambda k: (-_worth(pool[k]) + 0.5 * used_types[pool[k].question.type], k))
        if options:
            take(options[0])
    # The rarer, richer types get a second item when the text allows.
    for kind in ("multiple_response", "matching", "ordering"):
        k = next(
            (k for k, c in enumerate(pool) if k not in taken and c.question.type == kind), None
        )
        if k is not None:
            take(k)
    # True/false: one true and one false item when possible.
    for truth in (True, False):
        if not any(c.question.type == "true_false" and c.question.answer is truth for c in chosen):
            k = next(
                (
                    k
                    for k, c in enumerate(pool)
                    if k not in taken
                    and c.question.type == "true_false"
                    and c.question.answer is truth
                    and not any(
                        o.question.type == "true_false"
                        and o.question.sentences == c.question.sentences
                        for o in chosen
                    )
                ),
                None,
            )
            if k is not None:
                take(k)
    while len(chosen) < budget:
        types = Counter(c.question.type for c in chosen)
        tested = Counter(t for c in chosen for t in c.question.concepts)
        used = Counter(i for c in chosen for i in c.question.sentences)
        facts = {(tuple(c.question.sentences), _answer_norm(c.question)) for c in chosen}
        best, best_value = None, float("-inf")
        trues = sum(1 for c in chosen if c.question.type == "true_false" and c.question.answer)
        for k, c in enumerate(pool):
            if k in taken:
                continue
            q = c.question
            if q.type == "true_false" and q.answer is True and trues >= falses + MAX_EXTRA_TRUE:
                continue
            value = (
                _worth(c)
                - 0.7 * types[q.type]
                - 0.5 * sum(tested[t] for t in q.concepts[:2])
                - 0.6 * sum(used[i] for i in q.sentences) / len(q.sentences)
                - (1.5 if (tuple(q.sentences), _answer_norm(q)) in facts else 0.0)
            )
            if value > best_value:
                best, best_value = k, value
        if best is None:
            break
        take(best)
    # The false statements counted above may have been given away by later choices: the
    # draft keeps no more true statements than its own false ones allow.
    chosen_falses = sum(
        1 for c in chosen if c.question.type == "true_false" and c.question.answer is False
    )
    true_ones = sorted(
        (c for c in chosen if c.question.type == "true_false" and c.question.answer is True),
        key=_worth,
    )
    excess = max(0, len(true_ones) - chosen_falses - MAX_EXTRA_TRUE)
    dropped = {id(c) for c in true_ones[:excess]}
    chosen = [c for c in chosen if id(c) not in dropped]
    ordered = sorted(
        chosen,
        key=lambda c: (min(c.question.sentences), TYPES.index(c.question.type), c.question.prompt),
    )
    return [c.question for c in ordered]


#: Types that ask to recall one term of one sentence.
RECALL_TYPES = ("cloze", "single_choice", "short_answer")


def _leaks(a: DraftQuestion, b: DraftQuestion) -> bool:
    """One item shows the answer of the other: a true/false statement and any other item on
    its sentence (a true one prints the other's key; a false one is corrected by the
    other's stem, or by a second statement of the same sentence), or two gaps on one
    sentence (each stem prints the other's key)."""

    def gap(q: DraftQuestion) -> bool:
        return BLANK in q.prompt

    if not set(a.sentences) & set(b.sentences):
        return _restates(a, b)
    if a.type == "true_false" or b.type == "true_false" or (gap(a) and gap(b)):
        return True
    return _shows(a, b) or _shows(b, a)


#: Two statements sharing this share of the shorter one's content words say one thing
#: twice: a result and the conclusion that restates it.
RESTATED_SHARE = 0.6


def _restates(a: DraftQuestion, b: DraftQuestion) -> bool:
    """Two true/false statements from different sentences that say one thing ("X lowered
    the risk of Y" and, in the conclusion, "X is associated with a lower risk of Y"):
    answering one answers the other, and turning both around asks one fact twice."""
    if a.type != "true_false" or b.type != "true_false":
        return False
    opening_a = _WORD_RE.findall(a.prompt.removeprefix(TF_PREFIX).casefold())[:SAME_OPENING]
    opening_b = _WORD_RE.findall(b.prompt.removeprefix(TF_PREFIX).casefold())[:SAME_OPENING]
    if len(opening_a) == SAME_OPENING and opening_a == opening_b:
        return True  # "Cancer was the leading cause of death …" / "… of mortality among …"
    words_a, words_b = _content_stems(a.prompt), _content_stems(b.prompt)
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) >= RESTATED_SHARE * shorter


#: Two statements opening on this many identical words say the same of the same thing.
SAME_OPENING = 5


def _content_stems(statement: str) -> set[str]:
    text = statement.removeprefix("True or false?")
    return {
        _stem(w)
        for w in _WORD_RE.findall(text)
        if w.casefold() not in STOPWORDS and not w.isdigit() and len(w) > 2
    }


def _shows(a: DraftQuestion, b: DraftQuestion) -> bool:
    """``a``'s stem or options print ``b``'s answer ("… the power struggle with the Right
    opposition?" beside "… with the _____" keyed "Right opposition")."""
    answer = b.answer if isinstance(b.answer, list) else [b.answer]
    keys = [k for k in answer if isinstance(k, str) and len(k) >= 3]
    visible = " ".join([a.prompt, *a.options]).casefold()
    return any(k.casefold() in visible for k in keys)


def _worth(candidate: Candidate) -> float:
    """A candidate's score weighted by how sure the flaw checker is of it."""
    return candidate.score * candidate.confidence


def _key_of(q: DraftQuestion) -> str:
    """What an item asks for, to cap the items with one key: the blanked or chosen term;
    a statement's truth and an ordering are their own keys."""
    if q.type in ("true_false", "ordering", "matching"):
        return f"{q.type}:{q.prompt}"
    answer = q.answer[0] if isinstance(q.answer, list) and q.answer else q.answer
    return norm_text(str(answer))


def _accepted_norms(q: DraftQuestion) -> set[str]:
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    return {norm_text(str(a)) for a in answers}


def same_recall(a: DraftQuestion, b: DraftQuestion) -> bool:
    """Whether two recall items (cloze, single choice, short answer) ask for the
    same term from the same sentence: a cloze and a short answer on one gap are
    one question asked twice."""
    if a.type not in RECALL_TYPES or b.type not in RECALL_TYPES:
        return False
    return sorted(a.sentences) == sorted(b.sentences) and bool(
        _accepted_norms(a) & _accepted_norms(b)
    )


def _answer_norm(q: DraftQuestion) -> str:
    """The tested fact's answer, comparable across types (cloze vs short answer)."""
    if q.type == "true_false":
        return "statement"  # a sentence's true and perturbed versions test one fact
    answer = q.answer[0] if isinstance(q.answer, list) and q.answer else q.answer
    return norm_text(str(answer))


def _tests(q: DraftQuestion, focus: list[str], concepts: list[DraftConcept]) -> bool:
    wanted = {f.casefold() for f in focus}
    for c in concepts:
        if {f.casefold() for f in [c.term, *c.aliases]} & wanted:
            wanted.add(c.term.casefold())
    return any(t.casefold() in wanted for t in q.concepts)


def generate_questions(
    sentences: list[str],
    concepts: list[DraftConcept],
    *,
    focus: list[str] | None = None,
    types: list[str] | None = None,
    exclude: Iterable[DraftQuestion] = (),
) -> list[DraftQuestion]:
    """The ranked, checked candidate pool, for regenerating one question.

    ``focus``: keep items testing one of these terms (or their aliases);
    ``types``: keep these question types; ``exclude``: drop items with the
    same (type, prompt) as one of these (the question being replaced).
    """
    excluded = {(q.type, q.prompt) for q in exclude}
    out = []
    for candidate in candidate_pool(sentences, concepts):
        q = candidate.question
        if types is not None and q.type not in types:
            continue
        if focus is not None and not _tests(q, focus, concepts):
            continue
        if (q.type, q.prompt) in excluded:
            continue
        out.append(q)
    return out


def build_questions(
    sentences: list[str],
    concepts: list[DraftConcept],
    lesson_of: dict[int, int],
    *,
    title: str = "",
    method: frozenset[int] = frozenset(),
) -> list[DraftQuestion]:
    """The draft's questions; none cites a sentence of ``method`` (a structured
    abstract's Methods section)."""
    pool = [
        c
        for c in candidate_pool(sentences, concepts, title=title)
        if not method & set(c.question.sentences)
    ]
    selected = select_questions(pool, concepts, question_budget(len(sentences)))
    return [replace(q, lesson=lesson_of.get(min(q.sentences))) for q in selected]


def more_questions(
    sentences: list[str],
    concepts: list[DraftConcept],
    *,
    exclude: Iterable[DraftQuestion] = (),
    count: int = 5,
    title: str = "",
) -> list[DraftQuestion]:
    """The next-best candidates, for an instructor who asks for more than the draft holds.

    They come from below the draft's bar: down to :data:`LOWER_CONFIDENCE`, and including
    items the offering rules hold back (each marked with a lower confidence), so the
    instructor reviews them before any reaches a student. None repeats an item of
    ``exclude`` (same type and prompt, or same fact).
    """
    excluded = {(q.type, q.prompt) for q in exclude}
    facts = {fact_key(q.type, q.sentences, q.answer) for q in exclude}
    out: list[DraftQuestion] = []
    for candidate in candidate_pool(
        sentences, concepts, floor=LOWER_CONFIDENCE, title=title, offered_only=False
    ):
        q = candidate.question
        if (q.type, q.prompt) in excluded or fact_key(q.type, q.sentences, q.answer) in facts:
            continue
        out.append(q)
        facts.add(fact_key(q.type, q.sentences, q.answer))
        if len(out) >= count:
            break
    return out
