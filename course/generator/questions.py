"""Stage 5: recall questions of seven types, overgenerated and checked.

Every generator below proposes candidates from the sentences and the
glossary; :func:`valid` applies the explicit rules of :mod:`checks` (answer
in its source, distinct same-kind distractors, readable stems, false
statements that match no sentence); duplicates of one (type, sentences,
answer) are dropped; :func:`select_questions` keeps a spread of the best,
making sure every type the text allows and every core concept is tested.

Nothing is invented: prompts are fixed templates around spans of the text,
options are terms or phrases of the text, and false statements are true
sentences with one marked change (another term of the same kind, another year of
the text), never a negation: "not" inserted is recognisable without reading.

The pool and the selection are in :mod:`selection`, which adds the items built
from the relations the text states (:mod:`relation_items`) and reads every
candidate once more with the item-writing flaw checker (:mod:`flaws`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .candidates import CONTENT, TokenizedSentence
from .checks import (
    answer_in_source,
    contains_phrase,
    distinct_options,
    matches_no_source,
    near_duplicate,
    norm_text,
    option_kind,
    same_kind,
    stem_ok,
    verbish,
)
from .contexts import (
    EXPLETIVE_IT_RE,
    claim_of,
    clause_candidates,
    drop_statistics,
    find_form,
    leans_on_context,
    strip_opener,
    tidy,
    word_count,
)
from .denials import denials
from .frequency import is_common
from .lexicon import COLLECTIVE_NOUNS, STOPWORDS
from .model import DraftConcept, DraftQuestion
from .opposites import opposite_swaps
from .prompts.claims import DEMONSTRATIVE_RE, resolve
from .prompts.grammar import words
from .quantities import quantity_moves
from .relations.words import has_finite
from .reversals import reversals
from .role_swaps import role_swaps
from .side_swaps import side_swaps
from .tokens import derivation_stem
from .weights import COMMON_WORD_ZIPF

TYPES = (
    "cloze",
    "single_choice",
    "multiple_response",
    "true_false",
    "ordering",
    "matching",
    "short_answer",
)
BLANK = "_____"

_YEAR_RE = re.compile(r"(?<![\w.~\-])(1[5-9]\d\d|20\d\d)(?![\w~\-])")
#: A moved year lands at most this far from the text's: another year of the text further
#: off ("1606" beside "1995") is no plausible slip.
MAX_YEAR_MOVE = 30
#: Before a four-digit number: it is a rough figure ("c. 1590 years", "about 1800 people"),
#: and a neighbour of it is no error.
_ROUGH_BEFORE_RE = re.compile(
    r"(?:\b(?:c|ca)\.|\bcirca|\babout|\baround|\bapproximately|\bnearly|\balmost|"
    r"\bsome|\bover|\bunder|\bmore than|\bless than|\bat least|~)\s*$",
    re.IGNORECASE,
)
#: After a four-digit number: what it counts ("1590 years", "2099 (64.9%) Persians",
#: "1800 m"), so it is no date.
_COUNT_AFTER_RE = re.compile(
    r"\s*\(\s*[\d.,]+\s*%|\s+(?:years?|yrs?|months?|weeks?|days?|hours?|BP|cal|ka|"
    r"m|km|kg|g|ha|mm|cm|ml|people|persons|patients|participants|respondents|cases|"
    r"individuals|households|children|students)\b|\s+of\s+(?:them|these|those|which|whom)\b",
    re.IGNORECASE,
)


def calendar_years(text: str) -> list[re.Match[str]]:
    """The four-digit numbers of ``text`` that are dates: not a rough figure or a count
    that only looks like a year ("at least c. 1590 years", "recorded in 2099 (64.9%)
    Persians"). Every stage that moves or asks a year reads them here."""
    return [
        m
        for m in _YEAR_RE.finditer(text)
        if not _ROUGH_BEFORE_RE.search(text[: m.start()])
        and not _COUNT_AFTER_RE.match(text, m.end())
    ]


#: Reference numbers right after a date: "the 1980s 4-7", "1990s 5,8".
_CITED_AFTER_RE = re.compile(r"\s+\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*\b")
#: A decade: "the 1650s", "in the 1920s" (not "1650s-1660s", a range).
_DECADE_RE = re.compile(r"(?<![\w.~\-'\u2019])(1[5-9]\d0|20[0-2]0)s(?![\w~\-\u2013])")
_IN_RANGE_RE = re.compile(
    r"\bbetween\s+(?:the\s+)?\d{4}s?\s+and\s+(?:the\s+)?\d{4}|"
    # (months between: "from April 1994 to March 1995")
    r"\bfrom\s+(?:the\s+|[A-Z][a-z]+\s+)?\d{4}s?\s+to\s+(?:the\s+|[A-Z][a-z]+\s+)?\d{4}|"
    r"\d{4}s?\s*[-\u2013~/]\s*\d{2,4}"
)
_NEGATION_RE = re.compile(r"\b(?:not|no|never|nor|none|neither|cannot)\b|n't\b", re.IGNORECASE)
#: Openers that make a statement depend on the sentence before it.
_ANAPHORIC_START = ("it ", "they ", "their ", "its ", "these ", "those ", "he ", "she ", "such ")
#: "Those" with the words that say who: "Those assigned to the WE condition …", "Those who …".
_THOSE_DEFINED_RE = re.compile(r"^those\s+(?:who|whose|[a-z]+ed\s+(?:to|by|in|for|with))\b", re.I)


def _anaphoric_start(text: str) -> bool:
    """Whether ``text`` opens on a pronoun or determiner that points at an earlier sentence
    (not the "it" of "it has proved difficult to …", which points at what follows)."""
    return (
        text.lower().startswith(_ANAPHORIC_START)
        and not _THOSE_DEFINED_RE.match(text)
        and not EXPLETIVE_IT_RE.match(text)
    )


#: Item separators inside an enumeration.
_ITEM_SPLIT_RE = re.compile(r"\s*;\s*(?:and\s+)?|,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_LEAD_RE = re.compile(r"(.*?)(?::\s|,?\s+(?:such as|including|namely)\s)(.+)$")


@dataclass(frozen=True)
class Term:
    """A glossary concept prepared for question making."""

    term: str
    forms: list[str]  # term first, then aliases
    kind: str  # see checks.option_kind; "claim" for verb phrases
    sentences: list[int]
    core: bool
    rank: int
    definition: str
    # Forms of other concepts that contain one of this term's forms ("Stalinist
    # leadership" for "Stalinist"): where one of them occurs, blanking only
    # this term would cut a concept in two.
    longer: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    question: DraftQuestion
    score: float
    # How sure the flaw checker is that an instructor would keep the item (flaws.py).
    confidence: float = 1.0


def _is_claim(term: str) -> bool:
    """A verb phrase concept ("subordinate the unions to the party")."""
    words = term.lower().split()
    return len(words) >= 3 and ("to" in words[1:] or ("the" in words[1:] and "of" not in words))


def topic_word(concept: DraftConcept, n_sentences: int) -> bool:
    """A lone lower-case noun in most sentences ("unions" in an abstract about
    unions) that the teacher did not mark core: what the text is about, so an
    answer that fits half its gaps. It is quizzed by no item of its own."""
    term = concept.term
    return (
        not concept.core
        and " " not in term
        and term.islower()
        and len(concept.sentences) * 2 > n_sentences >= 4
    )


def prepare(concepts: list[DraftConcept], n_sentences: int = 0) -> list[Term]:
    concepts = [c for c in concepts if not topic_word(c, n_sentences)]
    terms = []
    all_forms = [(c.term, f) for c in concepts for f in [c.term, *c.aliases] if f]
    for c in concepts:
        forms = [c.term, *[a for a in c.aliases if a.casefold() != c.term.casefold()]]
        kind = "claim" if _is_claim(c.term) else option_kind(c.term)
        longer = tuple(
            sorted(
                {
                    other
                    for owner, other in all_forms
                    if owner != c.term
                    and any(len(other) > len(f) and contains_phrase(other, f) for f in forms)
                }
            )
        )
        terms.append(
            Term(c.term, forms, kind, list(c.sentences), c.core, c.rank, c.definition, longer)
        )
    return terms


def part_of_longer(text: str, span: tuple[int, int], longer: Iterable[str]) -> bool:
    """Whether ``text[span]`` lies inside an occurrence of a longer concept term:
    blanking "Stalinist" in "the Stalinist leadership" when "Stalinist
    leadership" is itself a term asks for a piece of a term, not a term."""
    for form in longer:
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE):
            if match.start() <= span[0] and span[1] <= match.end():
                return True
    return False


def shuffled(items: list[str], salt: str = "") -> list[str]:
    """A deterministic shuffle (independent of PYTHONHASHSEED) that never
    returns the input order when there are two or more distinct items."""

    def key(item: str) -> str:
        return hashlib.sha256(f"{salt}|{item}".encode()).hexdigest()

    out = sorted(items, key=key)
    if len(out) > 1 and out == items:
        out = out[1:] + out[:1]
    return out


def explain(sentences: list[str], where: list[int]) -> str:
    quoted = " … ".join(sentences[i] for i in where)
    return f"From the text: \u201c{quoted}\u201d"


def _weight(term: Term) -> float:
    return (2.0 if term.core else 1.0) + 1.0 / max(1, term.rank)


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + BLANK + text[span[1] :]


def _mentions_any(text: str, forms: list[str]) -> bool:
    return find_form(text, forms) is not None


#: A run of one to three words written twice in a row: a slip of the source.
_REPEATED_RUN_RE = re.compile(r"\b(\w+(?:\s+\w+){1,2})\s+\1\b", re.IGNORECASE)


def _gap_stem(sentence: str, term: Term) -> tuple[str, str] | None:
    """The sentence (or, if too long, the clause) with the term blanked, and the
    blanked surface. None when another form of the term would still show."""
    stripped = claim_of(sentence)
    if stripped != sentence:  # "Therefore, the ability …" -> "The ability …"
        sentence = stripped[:1].upper() + stripped[1:]
    if leans_on_context(sentence) or _anaphoric_start(sentence):
        return None
    if _REPEATED_RUN_RE.search(sentence):
        return None  # a slip of the source ("but also but also") is not quoted
    span = find_form(sentence, term.forms)
    if span is None or part_of_longer(sentence, span, term.longer):
        return None
    if _EXAMPLE_BEFORE_RE.search(sentence[: span[0]]):
        return None  # "such as _____": any example of the kind fills it
    text = sentence
    if word_count(sentence) > 40:
        clauses = [c for c in clause_candidates(sentence, *span) if word_count(c) >= 8]
        if not clauses:
            return None
        text = clauses[0]
        span = find_form(text, term.forms)
        if span is None:
            return None
    surface = text[span[0] : span[1]]
    if re.match(r"\s*(?:\((?:1[89]|20)\d\d|et al\b)", text[span[1] :]):
        return None  # "following _____ (2010)": a cited author, not a concept
    acronym = re.match(r"\s*\(([A-Z]{2,})\)", text[span[1] :])
    if acronym and _abbreviates(acronym.group(1), surface):
        return None  # "a one-way _____ (ANOVA)": the abbreviation spells the answer
    stem = _blank(text, span)
    if _mentions_any(stem, term.forms):
        return None
    # "followed by an _____": the article would tell the answer's first sound
    stem = re.sub(rf"\b([Aa])n?(\s+{re.escape(BLANK)})", r"\1(n)\2", stem)
    return stem, surface


#: A gap right after these takes any member of the kind, not only the text's.
_EXAMPLE_BEFORE_RE = re.compile(
    r"\b(?:such as|e\.g\.,?|including|like|for example,?|for instance,?)\s*$", re.IGNORECASE
)


def _accepted(surface: str, term: Term) -> list[str]:
    """The blanked words, the term's other forms (aliases, acronym, expansion) and its bare
    heads: "informal channels" for "costless informal channels", "sorting" for "endogenous
    sorting". A student who gives the head without the text's modifier knows the concept."""
    out: list[str] = []
    # "learners and native speakers": the two sides in either order
    sides = surface.split(" and ")
    swapped = [f"{sides[1]} and {sides[0]}"] if len(sides) == 2 and all(sides) else []
    for form in [surface, *term.forms, *_bare_heads(surface), *swapped]:
        if form.casefold() not in {o.casefold() for o in out}:
            out.append(form)
    return out


#: Endings of adjectives a student may leave off ("endogenous sorting" -> "sorting"); a
#: leading noun ("panel line simulator", "impulse neural model") is part of the name.
_ADJECTIVE_ENDINGS = (
    "al",
    "ive",
    "ous",
    "ic",
    "ful",
    "less",
    "able",
    "ible",
    "ary",
    "ised",
    "ized",
    "ent",
    "ant",
)


def _bare_heads(phrase: str) -> list[str]:
    """The phrase without its leading adjectives, one at a time; a one-word head only when
    it is not an everyday word ("methods" would accept too much). Not for names."""
    words = phrase.split()
    if len(words) < 2 or any(w[:1].isupper() for w in words):
        return []
    heads = []
    for n in range(1, len(words)):
        modifier = words[n - 1].casefold()
        # an adjective, or a hyphenated modifier ("all-cause mortality", "long-term care")
        if not (modifier.endswith(_ADJECTIVE_ENDINGS) or "-" in modifier.strip("-")):
            break
        head = words[n:]
        if len(head) == 1 and is_common(head[0].casefold(), COMMON_WORD_ZIPF):
            break
        heads.append(" ".join(head))
    return heads


def _concepts_in(text: str, terms: list[Term]) -> list[str]:
    return [t.term for t in terms if _mentions_any(text, t.forms)]


# --- generators -------------------------------------------------------------------


def cloze_items(sentences: list[str], terms: list[Term]) -> Iterable[Candidate]:
    for term in terms:
        for n, i in enumerate(term.sentences[:3]):
            gap = _gap_stem(sentences[i], term)
            if gap is None:
                continue
            stem, surface = gap
            yield Candidate(
                DraftQuestion(
                    type="cloze",
                    prompt=f"Fill in the blank: {stem}",
                    options=[],
                    answer=_accepted(surface, term),
                    concepts=[term.term],
                    sentences=[i],
                    explanation=explain(sentences, [i]),
                ),
                _weight(term) + (0.3 if n == 0 else 0.0),
            )


def before_noun(stem: str) -> bool:
    """Whether the blank modifies a noun that follows it ("the _____ leadership"):
    only a word or name that can stand before a noun fits such a gap."""
    after = stem.split(BLANK, 1)[1] if BLANK in stem else ""
    match = re.match(r"\s+([a-z][\w'-]*)", after)
    if match is None:
        return False
    word = match.group(1)
    return word not in STOPWORDS and not verbish(word)


def _distractors(
    key: str,
    term: Term | None,
    pool: list[Term],
    avoid: str,
    n: int = 3,
    *,
    modifier: bool = False,
) -> list[str]:
    """Up to ``n`` same-kind terms from elsewhere in the text, nearest in rank first.

    Plural keys prefer plural options; a key that modifies a following noun
    (``modifier``) prefers options of its own length, which fit the gap the
    same way ("NEP leadership" for "VTsSPS leadership").
    """
    kind = option_kind(key)
    plural = key.lower().endswith("s")
    size = len(key.split())
    chosen: list[str] = []
    rank = term.rank if term else 0
    ordered = sorted(
        pool,
        key=lambda t: (
            modifier and len(t.term.split()) != size,
            t.term.lower().endswith("s") != plural,
            abs(t.rank - rank),
            t.rank,
        ),
    )
    for other in ordered:
        if term is not None and other.term == term.term:
            continue
        if other.kind != kind or option_kind(other.term) != kind:
            continue
        if _mentions_any(avoid, other.forms):
            continue  # a term of the stem's own sentence would also fit
        candidate = other.term
        if distinct_options(key, [*chosen, candidate]):
            chosen.append(candidate)
        if len(chosen) == n:
            break
    return chosen


def single_choice_items(sentences: list[str], terms: list[Term]) -> Iterable[Candidate]:
    for term in terms:
        if term.kind == "claim":
            continue
        for i in term.sentences[:2]:
            gap = _gap_stem(sentences[i], term)
            if gap is None:
                continue
            stem, surface = gap
            distractors = _distractors(
                surface, term, terms, sentences[i], modifier=before_noun(stem)
            )
            if len(distractors) < 3:
                continue
            options = shuffled([surface, *distractors], salt=stem)
            yield Candidate(
                DraftQuestion(
                    type="single_choice",
                    prompt=f"Which term completes the statement from the text? {stem}",
                    options=options,
                    answer=surface,
                    concepts=[term.term],
                    sentences=[i],
                    explanation=explain(sentences, [i]),
                ),
                _weight(term) + 0.2,
            )
    # Years: "In which year ...?" when the text has at least four distinct years.
    years = sorted({m.group(1) for s in sentences for m in calendar_years(s)})
    if len(years) >= 4:
        for i, sentence in enumerate(sentences):
            for match in calendar_years(sentence):
                key = match.group(1)
                others = sorted(years, key=lambda y: (abs(int(y) - int(key)), y))
                distractors = [y for y in others if y != key][:3]
                stem = _blank(sentence, match.span(1))
                yield Candidate(
                    DraftQuestion(
                        type="single_choice",
                        prompt=f"Which year completes the statement from the text? {stem}",
                        options=shuffled([key, *distractors], salt=stem),
                        answer=key,
                        concepts=_concepts_in(sentence, terms),
                        sentences=[i],
                        explanation=explain(sentences, [i]),
                    ),
                    1.5,
                )


def _lower_start(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.lower() in STOPWORDS and first[:1].isupper() and not first.isupper():
        return text[:1].lower() + text[1:]
    return text


def _lower_unless_name(text: str, sentences: list[str]) -> str:
    """The text with its first letter in lower case, unless its first word is a name: an
    acronym, or a word the text capitalises inside a sentence too ("Italy", "Naver")."""
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or first.isupper() or len(first) < 2:
        return text
    inside = re.compile(rf"[^.!?\s]\s+{re.escape(first)}\b")
    if any(inside.search(s) for s in sentences):
        return text
    return text[:1].lower() + text[1:]


def _nominal_phrases(tokenized: list[TokenizedSentence], skip: int) -> list[tuple[int, str]]:
    """ "the X of (the) Y" noun phrases of the other sentences: same-kind wrong
    options for enumerations whose items are such phrases."""
    found: list[tuple[int, str]] = []
    for sentence in tokenized:
        if sentence.index == skip:
            continue
        tokens, roles = sentence.tokens, sentence.roles
        for i, token in enumerate(tokens):
            if token.lower != "the":
                continue
            j = i + 1
            while (
                j < len(tokens)
                and roles[j] == CONTENT
                and j - i <= 3
                and not tokens[j - 1].break_after
            ):
                j += 1
            if (
                j == i + 1
                or j >= len(tokens)
                or tokens[j].lower != "of"
                or tokens[j - 1].break_after
            ):
                continue
            k = j + 1
            if k < len(tokens) and tokens[k].lower == "the":
                k += 1
            end = k
            while (
                end < len(tokens)
                and roles[end] == CONTENT
                and end - k < 3
                and not tokens[end - 1].break_after
            ):
                end += 1
            if end == k:
                continue
            phrase = sentence.text[token.start : tokens[end - 1].end]
            found.append((sentence.index, phrase[:1].lower() + phrase[1:]))
    # Nominalised heads ("the replacement of ...") read like list items of a process.
    return sorted(found, key=lambda f: (not _nominalised(f[1]), f[0]))


_NOMINAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing", "ure", "al", "ity")


def _nominalised(phrase: str) -> bool:
    head = phrase.split(" of ", 1)[0].split()[-1].lower()
    return head.endswith(_NOMINAL_ENDINGS)


def multiple_response_items(
    sentences: list[str], terms: list[Term], tokenized: list[TokenizedSentence]
) -> Iterable[Candidate]:
    for i, sentence in enumerate(sentences):
        # 1. "A and B were ...": a coordinated subject of two glossary terms.
        head = re.match(
            r"^(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)\s+(were|are|was|is|have|had)\s+([^,;:]+)",
            sentence,
            re.IGNORECASE,
        )
        if head:
            left = next(
                (
                    t
                    for t in terms
                    if any(f.casefold() == head.group(1).casefold() for f in t.forms)
                ),
                None,
            )
            right = next(
                (
                    t
                    for t in terms
                    if any(f.casefold() == head.group(2).casefold() for f in t.forms)
                ),
                None,
            )
            if left and right and left.kind != "claim" and right.kind != "claim":
                correct = [head.group(1), head.group(2)]
                if correct[0][:1].isupper() and not left.term[:1].isupper():
                    correct[0] = correct[0][:1].lower() + correct[0][1:]
                wrong = _distractors(
                    correct[0], left, [t for t in terms if t.term != right.term], sentence, 2
                )
                if wrong and same_kind(correct[0], [correct[1], *wrong]):
                    predicate = tidy(f"{head.group(3)} {head.group(4)}")
                    yield _mr(
                        sentences,
                        i,
                        f"which of the following {predicate}?",
                        correct,
                        wrong,
                        [left.term, right.term],
                        2.6,
                    )
        # 2. Enumerations after a colon, "such as", "including".
        match = _LIST_LEAD_RE.match(sentence)
        if not match:
            continue
        lead = _FOUND_BY_US_RE.sub(r"the authors \1 ", tidy(strip_opener(match.group(1))), count=1)
        items = [tidy(x) for x in _ITEM_SPLIT_RE.split(match.group(2)) if tidy(x)]
        if ";" in match.group(2):
            items = [tidy(re.sub(r"^and\s+", "", x)) for x in re.split(r"\s*;\s*", match.group(2))]
        items = [x for x in items if 1 <= word_count(x) <= 16]
        longest = MAX_FINDING_LEAD_WORDS if lead.startswith("the authors ") else MAX_LEAD_WORDS
        if len(items) < 2 or len(items) > 6 or not 3 <= word_count(lead) <= longest:
            continue
        if re.search(r"\b(?:we|our|us)\b", lead, re.IGNORECASE):
            continue  # the article's own steps ("we examined …"), not its subject (what it
            # found is told as the authors' finding above)
        if _NO_CLAUSE_LEAD_RE.match(lead):
            continue  # "the text says that using digital resources": no claim to name from
        if any(has_finite(x) for x in items):
            # "finite-size effects such as A or B are revealed by …", "studies of parameters
            # such as crop yield have so far focused on …": the sentence's predicate comes
            # after the list (or inside it), and the lead alone says nothing of its items
            continue
        kind = option_kind(items[0])
        if not same_kind(items[0], items[1:]):
            continue
        if kind == "phrase":
            # the items of another list of the text first ("precarious aspects of gig work:
            # short-term engagements, …" beside the factors of a typology): same-kind
            # phrases the text gives for something else
            wrong = [
                x
                for x in _listed_elsewhere(sentences, i)
                if option_kind(x) == "phrase" and distinct_options(items[0], [*items[1:], x])
            ][:2]
            for _, phrase in [] if len(wrong) == 2 else _nominal_phrases(tokenized, i):
                if any(_share_half(phrase, w) for w in wrong):
                    continue  # "the reorganization" beside "the greater reorganization"
                if option_kind(phrase) == "phrase" and distinct_options(
                    items[0], [*items[1:], *wrong, phrase]
                ):
                    wrong.append(phrase)
                if len(wrong) == 2:
                    break
        else:
            wrong = _distractors(items[0], None, terms, sentence, 2)
        if not wrong:
            continue
        # "… appears in many off-line settings, including A and B" -> the settings it names
        named = "as examples" if match.group(0)[len(match.group(1)) :].strip()[:1] != ":" else ""
        prompt = (
            f"the text says that {_lower_unless_name(lead, sentences).rstrip(' ,;.')}. Which of "
            "the following "
            f"does it name{' ' + named if named else ' there'}?"
        )
        concepts = _concepts_in(sentence, terms)
        yield _mr(sentences, i, prompt, items, wrong, concepts, 2.4)


#: A list's lead this long or shorter reads as a question's premise; what the authors found
#: ("the authors find three factors that serve as a basis for …") may run a little longer.
MAX_LEAD_WORDS = 16
MAX_FINDING_LEAD_WORDS = 20
#: The article reporting what it found before a list: "we find three factors that …:".
_FOUND_BY_US_RE = re.compile(
    r"^we\s+(find|found|identify|identified|distinguish|distinguished|observe|observed)\s+",
    re.IGNORECASE,
)


def _listed_elsewhere(sentences: list[str], skip: int) -> list[str]:
    """The items of the lists other sentences give after a colon or a dash ("gig work—its
    short-term engagements, the lack of legal protection, and …"), in text order."""
    found: list[str] = []
    for n, sentence in enumerate(sentences):
        match = None if n == skip else _OTHER_LIST_RE.search(sentence)
        if not match:
            continue
        # split at the list's own separators: "the lack of legal protection and social
        # benefits" is one item of a list written with commas
        separator = ";" if ";" in match.group(1) else "," if "," in match.group(1) else ""
        body = (
            re.split(rf"\s*{separator}\s*(?:and\s+|or\s+)?", match.group(1))
            if separator
            else _ITEM_SPLIT_RE.split(match.group(1))
        )
        items = [tidy(re.sub(r"^(?:its|their)\s+(?=\w)", "", x)) for x in body]
        items = [x for x in items if 1 <= word_count(x) <= 12]
        if len(items) >= 3:
            found.extend(items)
    return found


#: A list after a colon or a dash, to the end of the sentence.
_OTHER_LIST_RE = re.compile(r"(?::\s|\u2014|\s\u2013\s|\s-\s)(.+?)\.?$")


#: A list's lead that is a phrase opening the sentence ("Using digital resources such as
#: …"), not a clause saying something of the items.
_NO_CLAUSE_LEAD_RE = re.compile(r"^(?:[a-z]+ing|by|with|through|via|in|on|for|of|from)\b", re.I)


def _mr(
    sentences: list[str],
    i: int,
    question: str,
    correct: list[str],
    wrong: list[str],
    concepts: list[str],
    score: float,
) -> Candidate:
    prompt = f"Select all that apply: {question}"
    return Candidate(
        DraftQuestion(
            type="multiple_response",
            prompt=prompt,
            options=shuffled([*correct, *wrong], salt=prompt),
            answer=list(correct),
            concepts=concepts,
            sentences=[i],
            explanation=explain(sentences, [i]),
        ),
        score,
    )


_STATEMENT_EDGES = " .,;:"


#: A demonstrative on a kind: "this sort of conduct" is the sort the sentence before told.
_KIND_POINTER_RE = re.compile(
    r"\b(?:this|these|that|those)\s+(?:sort|kind|type|form|manner)s?\s+of\b|"
    # "41 % of these reported use to help quit": "these" a pronoun before its verb, not a
    # determiner to make definite
    r"\b(?:of|among|for|from)\s+(?:these|those)\s+[a-z]+ed\b",
    re.IGNORECASE,
)
#: A clause announcing the list after its colon: "vital on three critical fronts:".
_ANNOUNCES_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|several|following|these|many|various)\b", re.I
)
#: A second independent clause that turns against the first: "; however, …", "; but …".
_TURN_RE = re.compile(r";\s*(?:however|but|yet|nevertheless|nonetheless|in contrast)\b", re.I)


def statement_of(sentence: str, earlier: list[str] | None = None) -> str:
    """A sentence as a standalone statement: opener dropped, capitalised, or "" (a
    question is not a statement to judge true or false). Given the ``earlier`` sentences,
    a demonstrative pointing back at what the sentence before named is made definite
    ("We show that these ACSs coincide …" -> "The ACSs coincide …"); one pointing at
    nothing named leaves no statement."""
    if sentence.rstrip().endswith("?"):
        return ""
    # edge punctuation only: a sentence may end in function words ("apply to them as well")
    text = drop_statistics(claim_of(sentence)).strip().strip(_STATEMENT_EDGES)
    # "X; however, neither …": the first clause is a whole claim of its own, the turn after
    # it another (often a negative one, which a true/false item must not rest on)
    turn = _TURN_RE.search(text)
    if turn and has_finite(text[: turn.start()]):
        text = text[: turn.start()].strip(_STATEMENT_EDGES)
    # "We show that X and that Y": X, the first of the claims the report introduced
    first, joined, _ = text.partition(" and that ")
    if joined and has_finite(first):
        text = first.strip(_STATEMENT_EDGES)
    # "X is strikingly limited: only a few …, and …" too long to judge whole: the claim
    # before the colon, whose details follow it
    head, colon, _ = text.partition(": ")
    if (
        colon
        and not stem_ok(text)
        and stem_ok(head)
        and has_finite(head)
        and not _ANNOUNCES_RE.search(head)
    ):
        text = head.strip(_STATEMENT_EDGES)
    if _KIND_POINTER_RE.search(text):
        return ""  # "this sort of doxastic conduct": the sort the sentence before described
    if earlier is not None and _points_back(text):
        if not _points_with_a_name(text):
            return ""  # "these skills" made "the skills": which skills, the item does not say
        text = resolve(text, earlier)
    if _REPEATED_RUN_RE.search(text):
        return ""  # the source wrote a run of words twice ("but also but also")
    if _anaphoric_start(text) or leans_on_context(text) or not stem_ok(text):
        return ""
    # a quotation that ends the sentence keeps the sentence's stop inside it: '… "X."'
    end = "" if re.search(r"[.!?][\"\u201d\u2019']$", text) else "."
    return text[:1].upper() + text[1:] + end


#: The text before a year that makes it a citation's or a name's date: an open parenthesis
#: after a capitalised word or "et al." ("… (Darling-Hammond et al., 2014", "Act, (1997").
_CITATION_YEAR_RE = re.compile(
    r"(?:[A-Z][\w'\u2019-]*(?:\s+et al\.?)?,?\s*\((?:[^()]*[,;]\s*)?|\((?:[^()]*\b(?:et al\.?"
    r"|[A-Z][a-z]+),?\s+))$"
)


def _in_an_aside(statement: str, at: int) -> bool:
    """Position ``at`` lies inside a parenthesis of words ("(the VOC, founded in 1602)"),
    not one of figures alone ("(1928~32)")."""
    opened = statement.rfind("(", 0, at)
    if opened < 0 or statement.rfind(")", opened, at) >= 0:
        return False
    closed = statement.find(")", at)
    inside = statement[opened + 1 : closed if closed >= 0 else len(statement)]
    return len(re.findall(r"[^\W\d_]{2,}", inside)) >= MIN_ASIDE_WORDS


#: Words that make a parenthesis an aside rather than a bare date or range.
MIN_ASIDE_WORDS = 3
#: A statement whose "this/these X" was made "the X" ranks this much below one that stands
#: in the text's own words: the referent is clear from the sentence before, not from itself.
RESOLVED_PENALTY = 0.4
#: How a true/false item's prompt opens, before its statement.
TF_PREFIX = "True or false? "
#: What "this" and "these" name when they stand for the article itself ("this study").
_ARTICLE_NOUNS = words(
    "study paper article research work review chapter essay book thesis report commentary"
)


def _points_with_a_name(text: str) -> bool:
    """Every pointing-back demonstrative of ``text`` stands before a phrase that names its
    thing once made definite: an acronym or a name ("these ACSs"), or two words of a noun
    phrase ("this extensive personnel purge"); not one bare noun ("these skills", "these
    preconceptions have"), which said as "the skills" leaves the student asking which."""
    for match in DEMONSTRATIVE_RE.finditer(text):
        if match.group(1).lower() == "such" or match.group(2).lower() in _ARTICLE_NOUNS:
            continue
        if _THOSE_DEFINED_RE.match(text[match.start() :]):
            continue
        head = match.group(2)
        if head[:1].isupper() or head.isupper():
            continue
        following = text[match.end() :].split()[:1]
        second = following[0].strip(",.;:()").lower() if following else ""
        if second == "of":
            continue  # "this increase of two million members": its complement names it
        if not second or second in STOPWORDS or not second.isalpha():
            return False
    return True


def _points_back(text: str) -> bool:
    """Whether ``text`` holds "this/these/those X" for an X the article is not."""
    return any(
        match.group(2).lower() not in _ARTICLE_NOUNS
        for match in DEMONSTRATIVE_RE.finditer(text)
        if match.group(1).lower() != "such" and not _THOSE_DEFINED_RE.match(text[match.start() :])
    )


def definite(sentence: str) -> str:
    """``sentence`` with its demonstratives made definite, as statement_of resolves them:
    a true statement is the text's own words but for that."""
    return DEFINITE_RE.sub(
        lambda m: (
            m.group()
            if _THOSE_DEFINED_RE.match(sentence[m.start() :])
            else "The "
            if m.group(1)[0].isupper()
            else "the "
        ),
        sentence,
    )


DEFINITE_RE = re.compile(r"\b(this|these|those|This|These|Those)\s+(?=[\w'-])")


def true_false_items(sentences: list[str], terms: list[Term]) -> Iterable[Candidate]:
    years = sorted({m.group(1) for s in sentences for m in calendar_years(s)})
    for i, sentence in enumerate(sentences):
        statement = statement_of(sentence, sentences[:i])
        if not statement:
            continue
        concepts = _concepts_in(statement, terms)
        weight = 1.0 + 0.3 * min(2, len(concepts))
        if _points_back(sentence):
            weight -= RESOLVED_PENALTY  # "the indicators": clear, but less than the text's own
        yield _tf(
            sentences, i, statement, True, concepts, "True: the text says exactly this.", weight
        )
        # Year changed: to another year of the text, else the year before.
        for match in calendar_years(statement):
            year = match.group(1)
            if _IN_RANGE_RE.search(statement[max(0, match.start() - 12) : match.end() + 12]):
                continue  # "between 2019 and 2023": a moved end may still lie inside the range
            if _CITATION_YEAR_RE.search(statement[: match.start()]):
                continue  # "(Smith, 2014)", "Act, (1997)": the date of a source or a name
            if _in_an_aside(statement, match.start()):
                continue  # "(the VOC, founded in 1602)": a side fact's date, not the claim
            # Another year of the text that this statement does not already give (or the
            # year before): "emerged at the end of 2000 and showed its effects in 2000"
            # contradicts itself.
            # (the nearest, and a plausible neighbour: never a year centuries away)
            others = sorted(
                (y for y in years if y != year and y not in statement),
                key=lambda y: abs(int(y) - int(year)),
            )
            near = [y for y in others if abs(int(y) - int(year)) <= MAX_YEAR_MOVE]
            other = near[0] if near else str(int(year) - 1)
            if other in statement:
                continue
            false = statement[: match.start(1)] + other + statement[match.end(1) :]
            why = f"False: the text gives {year}, not {other}."
            yield _tf(sentences, i, false, False, concepts, why, weight + 0.6)
        # A decade moved: "revived in the 1650s" to another decade of the text, else the
        # decade before.
        decades = sorted({m.group(1) for s in sentences for m in _DECADE_RE.finditer(s)})
        ranges = [r.span() for r in _IN_RANGE_RE.finditer(statement)]
        for match in _DECADE_RE.finditer(statement):
            decade = match.group(1)
            if any(start <= match.start() < end for start, end in ranges):
                continue  # "between the 1660s and the 1680s": a moved end may lie inside
            if _CITED_AFTER_RE.match(statement, match.end()):
                continue  # "the 1990s 5,8": reference numbers cling to it
            other = next(
                (d for d in decades if d != decade and f"{d}s" not in statement),
                str(int(decade) - 10),
            )
            if f"{other}s" in statement:
                continue
            false = statement[: match.start(1)] + other + statement[match.end(1) :]
            why = f"False: the text gives the {decade}s, not the {other}s."
            yield _tf(sentences, i, false, False, concepts, why, weight + 0.6)
        # A measured value given another value the text reports in the same unit.
        for moved in quantity_moves(statement, sentences):
            why = f"False: the text gives {moved.said} here, not {moved.put}."
            yield _tf(sentences, i, moved.statement, False, concepts, why, weight + 0.6)
        # The finding's direction turned around: "increased" for "decreased".
        for turned in reversals(statement):
            why = (
                f"False: the text says it went the other way (\u201c{turned.said}\u201d, "
                f"not \u201c{turned.put}\u201d)."
            )
            yield _tf(sentences, i, turned.statement, False, concepts, why, weight + 0.8)
        # What the text denies asserted: "directly impacts" where it "does not".
        for denial in denials(statement):
            why = f"False: the text says the opposite (\u201c{denial.said}\u201d)."
            yield _tf(sentences, i, denial.statement, False, concepts, why, weight + 0.8)
        # The side the text set aside taken instead: "on B rather than on A".
        for side in side_swaps(statement):
            why = (
                f"False: the text takes the other side (\u201c{side.chosen}\u201d, not "
                f"\u201c{side.other}\u201d)."
            )
            yield _tf(sentences, i, side.statement, False, concepts, why, weight + 0.8)
        # One of a contrasting pair put for the other: "fast earthquakes" for "slow".
        forms = [f for t in terms if t.kind not in ("claim", "year") for f in t.forms]
        for flipped in opposite_swaps(statement, forms, sentences):
            why = f"False: the text says this of {flipped.said}, not of {flipped.put}."
            yield _tf(sentences, i, flipped.statement, False, concepts, why, weight + 0.8)
        # Two named things of one kind given each other's parts.
        named = [(t.term, t.forms) for t in terms if t.kind not in ("claim", "year")]
        for turned_roles in role_swaps(statement, named, sentences):
            why = (
                f"False: the text gives {turned_roles.first} and {turned_roles.second} the "
                "other way round."
            )
            yield _tf(sentences, i, turned_roles.statement, False, concepts, why, weight + 0.8)
        # A term swapped for another of the same kind that the sentence does not mention.
        for term in terms:
            if term.kind in ("claim", "year") or (term.kind == "term" and " " not in term.term):
                continue  # a lone common noun swapped is too often still true
            span = find_form(statement, term.forms)
            if span is None:
                continue
            surface = statement[span[0] : span[1]]
            others = _distractors(surface, term, terms, statement, 1)
            if not others:
                continue
            swap = others[0]
            if surface[:1].isupper() and span[0] == 0:
                swap = swap[:1].upper() + swap[1:]
            false = statement[: span[0]] + swap + statement[span[1] :]
            why = f"False: the text says \u201c{surface}\u201d, not \u201c{others[0]}\u201d."
            yield _tf(
                sentences,
                i,
                false,
                False,
                concepts,
                why,
                weight + (0.3 if term.kind == "proper" else 0.0),
            )
            break


def _abbreviates(acronym: str, phrase: str) -> bool:
    """``acronym`` is made from ``phrase``'s words: its first letter is the phrase's and the
    content words' initials occur in it in order ("ANOVA" for "Analysis of Variance")."""
    words = [w for w in re.findall(r"[A-Za-z]+", phrase) if w.lower() not in STOPWORDS]
    if len(words) < 2 or acronym[:1] != words[0][:1].upper():
        return False
    letters = iter(acronym.upper())
    return all(w[0].upper() in letters for w in words)


def _share_half(a: str, b: str) -> bool:
    """Two phrases sharing half the content words of the shorter: perhaps one thing."""
    x = {w.lower() for w in re.findall(r"[\w-]+", a) if w.lower() not in STOPWORDS}
    y = {w.lower() for w in re.findall(r"[\w-]+", b) if w.lower() not in STOPWORDS}
    return bool(x and y) and len(x & y) * 2 >= min(len(x), len(y))


def _tf(
    sentences: list[str],
    i: int,
    statement: str,
    truth: bool,
    concepts: list[str],
    why: str,
    score: float,
) -> Candidate:
    return Candidate(
        DraftQuestion(
            type="true_false",
            prompt=f"{TF_PREFIX}{statement}",
            options=["True", "False"],
            answer=truth,
            concepts=concepts,
            sentences=[i],
            explanation=f"{why} {explain(sentences, [i])}",
        ),
        score,
    )


def _short_item(sentence: str) -> str:
    """A sentence cut to a short step for ordering (≤ 22 words), or ""."""
    text = tidy(strip_opener(sentence))
    if word_count(text) > 22:
        clauses = [c for c in clause_candidates(sentence, 0, 1) if word_count(c) <= 22]
        text = clauses[0] if clauses else ""
    if not text or word_count(text) < 5:
        return ""
    return text[:1].upper() + text[1:]


def ordering_items(sentences: list[str], terms: list[Term]) -> Iterable[Candidate]:
    steps = [(i, _short_item(s)) for i, s in enumerate(sentences)]
    steps = [(i, s) for i, s in steps if s]
    # Dated events, sorted by year, when three or more sentences carry one year each.
    dated = []
    for i, sentence in enumerate(sentences):
        years = {m.group(1) for m in _YEAR_RE.finditer(sentence)}
        short = _short_item(sentence)
        # an event that shows its own year orders itself: no knowledge needed
        if len(years) == 1 and short and not _YEAR_RE.search(short):
            dated.append((int(next(iter(years))), i, short))
    if len({y for y, _, _ in dated}) >= 3:
        dated.sort()
        chosen = dated[:5]
        answer = [s for _, _, s in chosen]
        yield _ordering(
            sentences,
            "Put these events in chronological order.",
            answer,
            sorted(i for _, i, _ in chosen),
            terms,
            2.5,
        )
    # Steps of the argument: windows of four sentences in reading order.
    size = 4 if len(steps) >= 4 else 3
    for start in range(0, max(1, len(steps) - size + 1), 2):
        window = steps[start : start + size]
        if len(window) < 3:
            continue
        answer = [s for _, s in window]
        where = [i for i, _ in window]
        score = 2.0 - 0.02 * sum(word_count(s) for s in answer) / len(answer)
        yield _ordering(
            sentences,
            "Put these statements in the order in which the text presents them.",
            answer,
            where,
            terms,
            score,
        )


def _ordering(
    sentences: list[str],
    prompt: str,
    answer: list[str],
    where: list[int],
    terms: list[Term],
    score: float,
) -> Candidate:
    return Candidate(
        DraftQuestion(
            type="ordering",
            prompt=prompt,
            options=shuffled(answer, salt=prompt + "".join(answer)),
            answer=list(answer),
            concepts=_concepts_in(" ".join(sentences[i] for i in where), terms),
            sentences=list(where),
            explanation=explain(sentences, where),
        ),
        score,
    )


def _context(term: Term, sentences: list[str]) -> tuple[str, int] | None:
    """A short context of the term with the term blanked, and its sentence."""
    for i in term.sentences:
        span = find_form(sentences[i], term.forms)
        if span is None or part_of_longer(sentences[i], span, term.longer):
            continue
        for clause in clause_candidates(sentences[i], *span):
            where = find_form(clause, term.forms)
            if where is None or word_count(clause) > 24:
                continue
            blanked = _blank(clause, where)
            if not _mentions_any(blanked, term.forms):
                return blanked, i
    return None


def matching_items(sentences: list[str], terms: list[Term]) -> Iterable[Candidate]:
    usable = []
    for term in terms:
        if term.kind == "claim":
            continue
        context = _context(term, sentences)
        if context is not None:
            usable.append((term, *context))
    for start in range(0, len(usable), 4):
        group = usable[start : start + 5] if len(usable) - start <= 5 else usable[start : start + 4]
        rights = [r for _, r, _ in group]
        if len(set(rights)) != len(rights):
            continue
        # A right side must not name another left term: it would give the pair away.
        group = [
            g
            for g in group
            if not any(_mentions_any(g[1], u.forms) for u, _, _ in group if u is not g[0])
        ]
        if len(group) < 3:
            continue
        pairs = [[t.term, r] for t, r, _ in group]
        where = sorted({i for _, _, i in group})
        left = ", ".join(t.term for t, _, _ in group)
        yield Candidate(
            DraftQuestion(
                type="matching",
                prompt=(
                    f"Match each term with the passage from the text whose gap ({BLANK}) "
                    f"it fills: {left}."
                ),
                options=shuffled([r for _, r, _ in group], salt=left),
                answer=pairs,
                concepts=[t.term for t, _, _ in group],
                sentences=where,
                explanation=explain(sentences, where),
            ),
            2.2 + sum(_weight(t) for t, _, _ in group) / (4 * len(group)) - 0.3 * (start // 4),
        )


def short_answer_items(sentences: list[str], terms: list[Term]) -> Iterable[Candidate]:
    for term in terms:
        acronym = next((f for f in term.forms if " " not in f and f.isupper() and len(f) > 1), None)
        expansion = next((f for f in term.forms if " " in f), None)
        if acronym and expansion:
            where = [i for i in term.sentences if _mentions_any(sentences[i], [acronym])]
            where = where[:1] or term.sentences[:1]
            yield _short(
                sentences,
                f"What does the abbreviation {acronym} stand for in the text?",
                [expansion],
                term,
                where,
                2.4,
            )
            yield _short(
                sentences,
                f"Which abbreviation does the text use for the {expansion}?"
                if not expansion.lower().startswith("the ")
                else f"Which abbreviation does the text use for {expansion}?",
                [acronym],
                term,
                where,
                2.0,
            )
        if term.kind == "claim":
            continue
        for prompt, i in described(term, sentences, terms):
            yield _short(sentences, prompt, list(term.forms), term, [i], _weight(term) + 0.5)
        context = _context(term, sentences)
        if context is None:
            continue
        blanked, i = context
        prompt = f"Which term from the text fills the gap? \u201c{blanked}\u201d"
        yield _short(sentences, prompt, list(term.forms), term, [i], _weight(term))


#: A predicate quoted in a short-answer prompt stays this short.
MAX_PREDICATE_WORDS = 24
_PAIR_RE = re.compile(
    r"^(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)\s+((?:were|are|was|is|have|had)\s+[^,;:]+)",
    re.IGNORECASE,
)


def _predicate(text: str) -> str:
    """What a clause says about its subject, cut at a clause boundary if long."""
    text = tidy(text)
    boundaries = (r"\s*;\s", r"\s*:\s", r",\s+(?:which|who|and|but|while|whereas)\s", r",\s")
    for boundary in boundaries:
        if word_count(text) <= MAX_PREDICATE_WORDS:
            break
        text = tidy(re.split(boundary, text, maxsplit=1)[0])
    return text if 3 <= word_count(text) <= MAX_PREDICATE_WORDS else ""


def _people(term: Term) -> bool:
    """A body of people ("Stalin group", "Stalinists"): asked with "who"."""
    head = term.term.split()[-1]
    return head.lower() in COLLECTIVE_NOUNS or bool(
        derivation_stem(head, ("ists", "ians")) and head.endswith("s")
    )


def described(term: Term, sentences: list[str], terms: list[Term]) -> list[tuple[str, int]]:
    """Short-answer prompts asking for the term from what the text says about it.

    Two shapes, both without a gap: the term as the subject of its clause
    ("Which term does the text use for what was undertaken in various ways?")
    and one of two coordinated subjects ("Besides the shock work movement,
    what were dual axes for ...?"). The predicate must not name the term.
    """
    out: list[tuple[str, int]] = []
    for i in term.sentences:
        sentence = sentences[i]
        pair = _PAIR_RE.match(sentence)
        if pair:
            left, right = pair.group(1), pair.group(2)
            mine = [f.casefold() for f in term.forms]
            other = right if left.casefold() in mine else left if right.casefold() in mine else ""
            predicate = _predicate(pair.group(3))
            if other and predicate and not _mentions_any(predicate, term.forms):
                partner = other[:1].lower() + other[1:] if other[1:2].islower() else other
                article = "the " if re.match(rf"^.*\bthe\s+{re.escape(other)}", sentence) else ""
                prompt = f"Besides {article}{partner}, what {predicate}, according to the text?"
                out.append((prompt, i))
                continue
        body = strip_opener(sentence)
        offset = len(sentence) - len(body)
        span = find_form(sentence, term.forms)
        if span is None or span[0] < offset or part_of_longer(sentence, span, term.longer):
            continue
        lead = sentence[offset : span[0]].strip().lower()
        if lead not in ("", "the", "this", "these", "those", "a", "an"):
            continue
        after = sentence[span[1] :]
        verb = re.match(r"\s+([a-z][\w'-]*)", after)
        if verb is None or not verbish(verb.group(1)):
            continue
        predicate = _predicate(after)
        if not predicate or _mentions_any(predicate, term.forms):
            continue
        who = "those who" if _people(term) else "what"
        out.append((f"Which term does the text use for {who} {predicate}?", i))
    return out


def _short(
    sentences: list[str],
    prompt: str,
    accepted: list[str],
    term: Term,
    where: list[int],
    score: float,
) -> Candidate:
    return Candidate(
        DraftQuestion(
            type="short_answer",
            prompt=prompt,
            options=[],
            answer=list(accepted),
            concepts=[term.term],
            sentences=list(where),
            explanation=explain(sentences, where),
        ),
        score,
    )


# --- checks, ranking, selection ------------------------------------------------------


def key_texts(q: DraftQuestion) -> list[str]:
    """The answer text(s) that must appear in the cited sentences."""
    if q.type in ("cloze", "short_answer"):
        return [q.answer[0]]
    if q.type == "single_choice":
        return [q.answer]
    if q.type == "multiple_response":
        return list(q.answer)
    if q.type == "matching":
        return [pair[0] for pair in q.answer]
    if q.type == "ordering":
        return list(q.answer)
    return []


def _shape_gives_away(keys: list[str], wrong: list[str]) -> bool:
    """Every key a single word ("cinnamon", "nutmeg", "cloves") and a wrong option a phrase
    ("northern Brazil", "regular exchange"): the options' length alone tells them apart."""
    return all(len(k.split()) == 1 for k in keys) and any(len(w.split()) > 1 for w in wrong)


def valid(q: DraftQuestion, sentences: list[str]) -> bool:
    """Every explicit rule a question must pass (see :mod:`checks`)."""
    cited = [sentences[i] for i in q.sentences if 0 <= i < len(sentences)]
    if not cited or len(cited) != len(q.sentences):
        return False
    if q.type == "short_answer":
        # An accepted answer (the term or an alias) occurs in a cited sentence.
        if not any(answer_in_source(a, cited) for a in q.answer):
            return False
    elif q.type == "ordering":
        if q.options == q.answer or len(q.answer) < 3:
            return False
        if not all(answer_in_source(a, cited) for a in q.answer):
            return False
    elif q.type == "true_false":
        statement = q.prompt.removeprefix(TF_PREFIX)
        if not stem_ok(statement):
            return False
        # the text's own words, less the parentheses of figures the statement leaves out
        # (or its claim as claim_of words it: "We find X to be Y" as "X is Y")
        if q.answer is True and not answer_in_source(
            statement,
            [drop_statistics(form) for s in cited for form in (definite(s), claim_of(s))],
        ):
            return False
        if q.answer is False and not matches_no_source(statement, sentences):
            return False
    elif not all(answer_in_source(a, cited) for a in key_texts(q)):
        return False
    if q.type in ("cloze", "single_choice"):
        stem = q.prompt.split("? ", 1)[-1].removeprefix("Fill in the blank: ")
        if not stem_ok(stem.replace(BLANK, "it")):
            return False
    if q.type == "single_choice":
        distractors = [o for o in q.options if o != q.answer]
        if len(q.options) != 4 or len(distractors) != 3:
            return False
        if not distinct_options(q.answer, distractors) or not same_kind(q.answer, distractors):
            return False
    if q.type == "multiple_response":
        wrong = [o for o in q.options if o not in q.answer]
        if len(q.answer) < 2 or not 1 <= len(wrong) <= 3:
            return False
        if not distinct_options(q.answer[0], [*q.answer[1:], *wrong]):
            return False
        if not same_kind(q.answer[0], [*q.answer[1:], *wrong]):
            return False
        if any(answer_in_source(w, cited) for w in wrong):
            return False
        if _shape_gives_away(q.answer, wrong):
            return False
    if q.type == "matching":
        rights = [pair[1] for pair in q.answer]
        if len(set(rights)) != len(rights) or not 3 <= len(rights) <= 5:
            return False
    return True


__all__ = [
    "TYPES",
    "Candidate",
    "contains_phrase",
    "near_duplicate",
    "norm_text",
    "valid",
]
