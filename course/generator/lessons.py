"""Stage 4: cut the sentences into contiguous lessons and title them.

Boundaries go where the topic shifts: the vocabulary (and the concepts) of
the sentences before a boundary overlap least with those after it, in the
spirit of TextTiling. A dynamic programme picks the cut that minimises that
overlap plus a penalty for lessons far from the average size, so a lesson
is never a single stray sentence next to a huge one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from .candidates import CONTENT, TokenizedSentence
from .concepts import RankedConcept
from .lexicon import STOPWORDS
from .markdown import prose
from .model import DraftLesson
from .relations import GENERIC_SUBJECTS, Relation, subject_of, text_relations
from .titles import clip, title_case
from .tokens import is_acronym

MIN_LESSONS = 3
MAX_LESSONS = 6
#: Target sentences per lesson for short texts.
TARGET_SIZE = 3
#: Most sentences per Markdown paragraph of a lesson body.
MAX_PARAGRAPH_SENTENCES = 4
MAX_LESSON_TITLE = 70
#: Two concepts make a title only while it stays short enough to scan.
MAX_PAIR_TITLE = 50
#: Weight of the size penalty against the topical cost of a boundary.
_SIZE_WEIGHT = 1.0
#: A boundary at the author's paragraph break is cheaper by this much.
_PARAGRAPH_BONUS = 0.3
#: Sentences compared on each side of a candidate boundary.
_WINDOW = 2
#: Concept features count more than single words.
_CONCEPT_WEIGHT = 2.0
#: Above this many sentences, only the most promising boundaries are searched.
_MAX_CANDIDATE_BOUNDARIES = 150


@dataclass(frozen=True)
class Segment:
    """Sentences ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int

    @property
    def indexes(self) -> list[int]:
        return list(range(self.start, self.end))

    def __len__(self) -> int:
        return self.end - self.start


def lesson_count(n_sentences: int) -> int:
    """3-6 lessons of about three sentences; one per sentence below three."""
    if n_sentences < MIN_LESSONS:
        return n_sentences
    return max(MIN_LESSONS, min(MAX_LESSONS, round(n_sentences / TARGET_SIZE)))


# --- topical similarity across boundaries -------------------------------------------


def _features(
    sentences: list[TokenizedSentence], concepts: list[RankedConcept]
) -> list[Counter[str]]:
    vectors: list[Counter[str]] = []
    for sentence in sentences:
        vector: Counter[str] = Counter()
        for token, role in zip(sentence.tokens, sentence.roles, strict=True):
            if role == CONTENT:
                for unit in token.units:
                    if unit not in STOPWORDS:
                        vector[unit] += 1.0
        vectors.append(vector)
    for rank, concept in enumerate(concepts):
        for i in concept.sentences:
            vectors[i][f"#concept{rank}"] += _CONCEPT_WEIGHT
    # Weight by rarity across sentences: a word in every sentence marks no shift.
    n = len(vectors)
    df: Counter[str] = Counter()
    for vector in vectors:
        df.update(vector.keys())
    idf = {f: math.log(1.0 + n / d) for f, d in df.items()}
    return [Counter({f: w * idf[f] for f, w in v.items()}) for v in vectors]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(w * large[f] for f, w in small.items() if f in large)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def boundary_costs(
    sentences: list[TokenizedSentence],
    concepts: list[RankedConcept],
    paragraph_starts: list[int],
) -> list[float]:
    """Cost of a lesson boundary before sentence ``i`` (entry 0 is unused)."""
    vectors = _features(sentences, concepts)
    starts = set(paragraph_starts)
    costs = [0.0]
    for i in range(1, len(sentences)):
        left: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for v in vectors[max(0, i - _WINDOW) : i]:
            left.update(v)
        for v in vectors[i : i + _WINDOW]:
            right.update(v)
        cost = _cosine(left, right)
        if i in starts:
            cost -= _PARAGRAPH_BONUS
        costs.append(cost)
    return costs


# --- segmentation ---------------------------------------------------------------


def segment(costs: list[float], n_lessons: int) -> list[Segment]:
    """Best split of ``len(costs)`` sentences into ``n_lessons`` contiguous runs.

    Sizes stay within [min, max]: at least two sentences when there are
    enough, at most twice the average. Ties resolve to the earliest boundary,
    so the result is deterministic.
    """
    n = len(costs)
    if n_lessons >= n:
        return [Segment(i, i + 1) for i in range(n)]
    average = n / n_lessons
    min_size = 2 if n >= 2 * n_lessons else 1
    max_size = max(min_size, math.floor(2 * average))

    def size_cost(size: int) -> float:
        return _SIZE_WEIGHT * ((size - average) / average) ** 2

    positions = _candidate_positions(costs, min_size)
    positions.append(n)
    inf = float("inf")
    # best[m][p]: cheapest way to cover sentences [0, p) with m lessons.
    best: list[dict[int, float]] = [{0: 0.0}] + [{} for _ in range(n_lessons)]
    back: list[dict[int, int]] = [{} for _ in range(n_lessons + 1)]
    for m in range(1, n_lessons + 1):
        for end in positions:
            if m < n_lessons and end == n:
                continue
            best_cost, best_start = inf, -1
            for start, prev_cost in best[m - 1].items():
                size = end - start
                if size < min_size or size > max_size:
                    continue
                cost = prev_cost + size_cost(size) + (costs[start] if start > 0 else 0.0)
                if cost < best_cost - 1e-12 or (
                    abs(cost - best_cost) <= 1e-12 and start < best_start
                ):
                    best_cost, best_start = cost, start
            if best_start >= 0:
                best[m][end] = best_cost
                back[m][end] = best_start
    if n not in best[n_lessons]:
        return _even_split(n, n_lessons)
    segments = []
    end = n
    for m in range(n_lessons, 0, -1):
        start = back[m][end]
        segments.append(Segment(start, end))
        end = start
    return segments[::-1]


def _candidate_positions(costs: list[float], min_size: int) -> list[int]:
    """Boundary positions worth trying, in order; all of them for normal texts."""
    n = len(costs)
    positions = list(range(min_size, n - min_size + 1))
    if len(positions) <= _MAX_CANDIDATE_BOUNDARIES:
        return positions
    cheapest = sorted(positions, key=lambda p: (costs[p], p))[:_MAX_CANDIDATE_BOUNDARIES]
    # Evenly spaced positions guarantee that a size-feasible split exists.
    step = max(1, n // _MAX_CANDIDATE_BOUNDARIES)
    return sorted(set(cheapest) | set(range(min_size, n - min_size + 1, step)))


def _even_split(n: int, parts: int) -> list[Segment]:
    bounds = [round(i * n / parts) for i in range(parts + 1)]
    return [Segment(a, b) for a, b in pairwise(bounds)]


# --- titles ---------------------------------------------------------------------------


def _salient_concepts(seg: Segment, concepts: list[RankedConcept]) -> list[RankedConcept]:
    """Concepts of the lesson, those most specific to it first."""
    scored = []
    for rank, concept in enumerate(concepts):
        inside = sum(1 for i in concept.sentences if seg.start <= i < seg.end)
        if not inside:
            continue
        # Squared share: a concept spread over the whole text titles no lesson.
        share = (inside / len(concept.sentences)) ** 2
        introduced = 1.15 if seg.start <= concept.sentences[0] < seg.end else 1.0
        scored.append((-(concept.score * share * introduced), rank, concept))
    scored.sort(key=lambda item: item[:2])
    return [concept for _, _, concept in scored]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that make a capitalised phrase an institution, place or event, not a person.
_NOT_PERSON_WORDS = _words(
    """
    act acts agency association bank bill board bureau church college commission committee
    company corporation council court crisis department federation foundation front fund
    government group hemisphere institute institution journal league library libraries
    ministry movement museum ocean office organization organisation party plan press
    programme program project republic review revolution school sea society struggle
    system union university war north south east west new saint st upper lower great
    central national international general
    """
)
_NAME_PARTICLES = _words("van von de der den da di del della la le du bin ibn al dos das")


_COMMON_NOUN_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ism", "ure", "ics", "ing", "ogy", "ance", "ence",
    "ship", "ist", "ists", "ers", "ions", "ments",
)  # fmt: skip


def looks_like_person(term: str, texts: list[str]) -> bool:
    """Whether ``term`` reads as a person's name ("Leo van Rossum", "Allen S").

    Two or three capitalised words (name particles aside), none naming an
    institution, place or event or built like a common noun ("Situation"), and
    never written with "the" in the text: people take no article.
    """
    words = term.split()
    names = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if not 2 <= len(names) <= 3:
        return False
    for word in names:
        lower = word.lower()
        if not word[:1].isupper() or is_acronym(word) or lower in _NOT_PERSON_WORDS:
            return False
        if lower.endswith(_COMMON_NOUN_ENDINGS):
            return False
    pattern = re.compile(rf"\bthe\s+{re.escape(term)}\b", re.IGNORECASE)
    return not any(pattern.search(text) for text in texts)


def _is_bare_acronym(term: str) -> bool:
    return " " not in term and is_acronym(term)


def _forms_pattern(concept: RankedConcept) -> str:
    """A regex alternation of the concept's forms, longest first (never empty)."""
    forms = sorted(
        {f for f in (concept.term, *concept.aliases) if f.strip()}, key=len, reverse=True
    )
    return "|".join(re.escape(f) for f in forms) or "(?!)"


def _coordinated(main: RankedConcept, other: RankedConcept, texts: list[str]) -> str:
    """The text's own phrase joining two concepts ("socialist competition and the shock
    work movement"), or "" when it never coordinates them."""
    article = r"(?:(?:the|a|an|its|their)\s+)?"
    for first, second in ((main, other), (other, main)):
        pattern = re.compile(
            rf"(?<!\w)(?:{_forms_pattern(first)})\s+and\s+{article}(?:{_forms_pattern(second)})(?!\w)",
            re.IGNORECASE,
        )
        for text in texts:
            match = pattern.search(text)
            if match:
                return match.group()
    return ""


#: Words after which a phrase is a noun phrase.
_NOUN_STARTERS = _words(
    "the a an this these that those its their his her our my your some any each every no "
    "of in on at by for with to from into about through using"
)
#: A term opening with one of these is a cut-off clause, not a name for a subject.
_CLAUSE_OPENERS = _words(
    "despite although though because while whereas however thus therefore and or but of in "
    "on at by for with to from as if when"
)


def poor_titles(concepts: list[RankedConcept], texts: list[str]) -> frozenset[str]:
    """Terms that title a lesson only when nothing else can: people's names, bare
    acronyms (as likely page matter as subject matter) and cut-off clauses."""
    return frozenset(
        c.term
        for c in concepts
        if looks_like_person(c.term, texts)
        or _is_bare_acronym(c.term)
        or c.term.split()[0].lower() in _CLAUSE_OPENERS
        or _verb_initial(c, texts)
    )


def _title_candidates(ranked: list[RankedConcept], poor: frozenset[str]) -> list[RankedConcept]:
    return [c for c in ranked if c.term not in poor] + [c for c in ranked if c.term in poor]


def _verb_initial(concept: RankedConcept, texts: list[str]) -> bool:
    """A term in -ed never written after a determiner or preposition is a verb phrase
    ("... and achieved significant development"), not a name for a subject."""
    first = concept.term.split()[0].lower()
    if not (len(first) > 4 and first.endswith("ed")):
        return False
    pattern = re.compile(rf"(?<!\w)(?:{_forms_pattern(concept)})(?!\w)", re.IGNORECASE)
    for text in texts:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 30) : match.start()].split()
            if before and before[-1].lower() in _NOUN_STARTERS:
                return False
    return True


def lesson_titles(
    segments: list[Segment],
    sentences: list[TokenizedSentence],
    concepts: list[RankedConcept],
) -> list[str]:
    """A distinct title per lesson naming its most specific concept.

    Two concepts make a title only when the lesson itself joins them in one noun
    phrase ("Socialist Competition and the Shock Work Movement"): two unrelated
    terms glued with "and" name no subject. Concepts already used in an earlier
    title are avoided.
    """
    titles: list[str] = []
    used_terms: set[str] = set()
    used_titles: set[str] = set()
    texts = [s.text for s in sentences]
    poor = poor_titles(concepts, texts)
    for number, seg in enumerate(segments, start=1):
        lesson_texts = texts[seg.start : seg.end]
        ranked = _title_candidates(_salient_concepts(seg, concepts), poor)
        fresh = [c for c in ranked if c.term.casefold() not in used_terms] or ranked
        title = ""
        if fresh:
            main = fresh[0]
            title = title_case(main.term)
            used_terms.add(main.term.casefold())
            for other in fresh[1:4]:
                if other.units & main.units:
                    continue
                pair = _coordinated(main, other, lesson_texts)
                if pair and len(pair) <= MAX_PAIR_TITLE and pair.casefold() not in used_titles:
                    title = title_case(pair)
                    used_terms.add(other.term.casefold())
                    break
        if not title:
            title = title_case(_fallback_phrase(seg, sentences)) or f"Part {number}"
        title = clip(title.strip("'\"\u2018\u2019\u201c\u201d"), MAX_LESSON_TITLE)
        if title.casefold() in used_titles:
            title = clip(title, MAX_LESSON_TITLE - 10) + f" (Part {number})"
        used_titles.add(title.casefold())
        titles.append(title)
    return titles


def _fallback_phrase(seg: Segment, sentences: list[TokenizedSentence]) -> str:
    """The first multi-word content phrase of the lesson, else its first content word."""
    single = ""
    for i in seg.indexes:
        sentence = sentences[i]
        run: list[str] = []
        for token, role in zip(sentence.tokens, sentence.roles, strict=True):
            if role == CONTENT and not token.numeric:
                run.append(token.text)
                if len(run) >= 2 and token.break_after:
                    return " ".join(run)
            else:
                if len(run) >= 2:
                    return " ".join(run)
                single = single or (run[0] if run else "")
                run = []
            if token.break_after:
                single = single or (run[0] if run else "")
                run = []
        if len(run) >= 2:
            return " ".join(run)
        single = single or (run[0] if run else "")
    return single


# --- bodies ------------------------------------------------------------------------------


def lesson_body(seg: Segment, texts: list[str], paragraph_starts: list[int]) -> str:
    """The lesson's sentences as Markdown prose, keeping the author's paragraph breaks."""
    starts = set(paragraph_starts)
    pieces: list[list[str]] = [[]]
    for i in seg.indexes:
        if pieces[-1] and i in starts:
            pieces.append([])
        pieces[-1].append(texts[i])
    paragraphs: list[list[str]] = []
    for piece in pieces:
        # Long runs become balanced paragraphs (5 -> 3 + 2, not 4 + 1).
        count = math.ceil(len(piece) / MAX_PARAGRAPH_SENTENCES)
        bounds = [round(k * len(piece) / count) for k in range(count + 1)]
        paragraphs.extend(piece[a:b] for a, b in pairwise(bounds))
    return prose(paragraphs)


# --- objectives --------------------------------------------------------------------------

#: Longest learning objective, in characters.
MAX_OBJECTIVE = 160
#: Longest noun phrase an objective names, in words.
_MAX_PHRASE_WORDS = 10
#: Sentence openers that are lower-case inside an objective.
_LOWER_OPENERS = _words(
    """
    the a an this these that those its their his her our some several many most much all
    each every both various such no one two three it there they we he she in on at by for
    from with as after before during since under over between among
    """
)
_DEMONSTRATIVE_RE = re.compile(r"^(?:this|these|that|those)\s+", re.IGNORECASE)
#: Verbs of change: "was developed fully from 1929" reads "developed from 1929".
_CHANGE_VERBS = _words(
    """
    developed grew changed evolved expanded increased decreased declined rose fell emerged
    shifted improved intensified accelerated spread weakened strengthened peaked
    """
)
#: Cues of intention: the objective asks what the thing was meant to achieve.
_INTENT_LEMMAS = frozenset(
    [
        "aim to",
        "intend to",
        "seek to",
        "try to",
        "attempt to",
        "strive to",
        "set out to",
        "plan to",
        "be intended to",
        "be designed to",
        "be meant to",
        "be aimed to",
    ]
)


class _Text:
    """The sentences objectives quote from, with what their casing and articles need.

    Both are worked out once per text, so phrasing an objective costs the same
    however long the text is.
    """

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = sentences
        #: Words written with a capital inside a sentence: names, not sentence openers.
        self.names = frozenset(
            m.group() for s in sentences for m in re.finditer(r"(?<=[\w,;] )[A-Z][\w'-]*", s)
        )
        self._articles: dict[str, str] = {}

    def with_article(self, term: str) -> str:
        """ "the personnel purge" but "NEP": the article as the text uses it."""
        if term not in self._articles:
            pattern = re.escape(term)
            the = sum(
                len(re.findall(rf"\bthe\s+{pattern}\b", t, re.IGNORECASE)) for t in self.sentences
            )
            bare = sum(
                len(re.findall(rf"(?<!\w){pattern}\b", t, re.IGNORECASE)) for t in self.sentences
            )
            self._articles[term] = f"the {term}" if the and the * 2 >= bare else term
        return self._articles[term]


def _lower_start(phrase: str, text: _Text) -> str:
    """``phrase`` with its first word in lower case unless the text writes it as a name
    ("The unions" -> "the unions", "Consensus" -> "consensus"; "Italy", "NEP" stay)."""
    first, _, rest = phrase.partition(" ")
    if not first[:1].isupper() or is_acronym(first):
        return phrase
    lower = first.lower()
    # Capitalised inside a sentence, or followed by another capital: a name.
    if lower not in _LOWER_OPENERS and (rest[:1].isupper() or first in text.names):
        return phrase
    return f"{lower} {rest}" if rest else lower


#: Where a noun phrase's head ends: a bracket, a comma, a relative pronoun or a
#: preposition other than "of" (one before a capital may be inside a name).
_MODIFIER_RE = re.compile(
    r"\s*\(|,|\s(?:which|that|who|whose)\s|"
    r"\s(?:during|in|from|at|on|with|for|under|between|among|since|by|to|into|within)\s(?![A-Z])"
)


def _concept_at_start(body: str, concepts: list[RankedConcept]) -> tuple[str, RankedConcept | None]:
    """The longest concept form ``body`` opens with, extended over a coordination
    ("Socialist competition and the shock work movement")."""
    best, found = "", None
    for concept in concepts:
        match = re.match(rf"(?:{_forms_pattern(concept)})(?!\w)", body, re.IGNORECASE)
        if match and len(match.group()) > len(best):
            best, found = match.group(), concept
    if not found:
        return "", None
    for concept in concepts:
        pattern = rf"\s+and\s+(?:the\s+)?(?:{_forms_pattern(concept)})(?!\w)"
        match = re.match(pattern, body[len(best) :], re.IGNORECASE)
        if match and concept is not found:
            best += match.group()
            break
    # Not a concept if it is only the start of a longer name ("Promotion of Access
    # to Information Act").
    if re.match(r"\s+(?:(?:of|to|for|and|on)\s+)?[A-Z]", body[len(best) :]):
        return "", None
    return best, found


def _noun_phrase(phrase: str, concepts: list[RankedConcept], text: _Text) -> str:
    """A noun phrase short enough to name in an objective: the concept it opens with
    ("the reorganization of the unions" from "The reorganization of the unions during
    the First Five-Year Plan (1928~32)"), else the phrase up to its first modifier
    other than "of"; "" when still too long."""
    phrase = _DEMONSTRATIVE_RE.sub("the ", phrase.strip())
    article = re.match(r"(?:the|a|an|its|their)\s+", phrase, re.IGNORECASE)
    offset = article.end() if article else 0
    head, concept = _concept_at_start(phrase[offset:], concepts)
    if concept:
        if concept.term[:1].islower():
            head = head[:1].lower() + head[1:]
        phrase = phrase[:offset] + head
    else:
        cut = _MODIFIER_RE.search(phrase)
        phrase = phrase[: cut.start()] if cut else phrase
    if len(phrase.split()) > _MAX_PHRASE_WORDS:
        return ""
    return _lower_start(phrase.strip(), text)


def _clause(clause: str, text: _Text) -> str:
    """A clause to quote inside an objective: lower-case start, no final stop."""
    return _lower_start(clause.strip().rstrip("."), text)


def _cue_verb(cue: str) -> str:
    """The cue without the adverbs set into it ("also set out to" -> "set out to")."""
    words = [w for w in cue.split() if not (len(w) > 4 and w.endswith("ly")) and w != "also"]
    return " ".join(words)


def _generic_subject(left: str) -> str:
    """ "the authors" for "We", "the study" for "This study"; "" for a real subject."""
    words = left.lower().split()
    if words in (["we"], ["i"]):
        return "the authors"
    if (
        len(words) == 2
        and words[0] in ("this", "the", "our", "my")
        and words[1] in GENERIC_SUBJECTS
    ):
        return f"the {words[1]}"
    return ""


def _purpose_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    verb = rel.right.split(" ", 1)[0]
    generic = _generic_subject(rel.left)
    if rel.left_form == "clause":  # "in order to", "so that", "with the aim of"
        return f"Explain why {_clause(rel.left, text)}."
    if generic and (rel.lemma in _INTENT_LEMMAS or rel.lemma == "aim"):
        return f"Explain what {generic} set out to {verb}."
    subject = _noun_phrase(rel.left, concepts, text)
    if not subject or generic:
        return ""
    if rel.lemma == "aim":  # "The aim of the reform was to ..."
        return f"Explain the aim of {subject}."
    if rel.lemma in _INTENT_LEMMAS:
        return f"Explain what {subject} {_cue_verb(rel.cue)} achieve."
    if rel.lemma.startswith("be "):  # "was enacted to", "are used to"
        return f"Explain why {subject} {_cue_verb(rel.cue).removesuffix(' to')}."
    return ""


_RESULT_VERBS = {
    "lead to": "led to",
    "result in": "resulted in",
    "contribute to": "contributed to",
    "give rise to": "gave rise to",
    "bring about": "brought about",
    "cause": "caused",
    "trigger": "triggered",
}


def _result_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.right_form == "clause":  # "Thus, ...", "As a result, ..."
        return f"Explain why {_clause(rel.right, text)}."
    cue = _cue_verb(rel.cue)
    # The cue as written ("led to", "may lead to"), unless it is a participle or a
    # noun phrase ("leading to", "made a great contribution to").
    plain = re.fullmatch(r"[\w\s]+", cue) and not cue.split()[0].lower().endswith("ing")
    verb = cue if plain and "contribution" not in cue else _RESULT_VERBS.get(rel.lemma, "")
    effect = rel.right if len(rel.right.split()) <= 14 else _noun_phrase(rel.right, [], text)
    if not verb or not effect:
        return ""
    cause = rel.left if rel.left_form == "noun" else subject_of(rel.left)
    if _generic_subject(cause):
        return ""  # "What contributes to X?" - "The paper": no lesson in that
    cause = _noun_phrase(cause, concepts, text) if cause and not rel.previous else ""
    if not cause:
        return f"Explain what {_RESULT_VERBS.get(rel.lemma, verb)} {effect}."
    return f"Explain how {cause} {verb} {_lower_start(effect, text)}."


def _cause_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.left_form == "clause":
        return f"Explain why {_clause(rel.left, text)}."
    effect = _noun_phrase(rel.left, concepts, text)
    return f"Explain the cause of {effect}." if effect else ""


def _subject(clause: str, concepts: list[RankedConcept]) -> str:
    """The subject of ``clause``: the words before its verb, or else the concept it
    opens with (a verb in the present tense is not told from a noun)."""
    subject = subject_of(clause)
    if subject:
        return subject
    article = re.match(r"(?:the|a|an)\s+", clause, re.IGNORECASE)
    head, _ = _concept_at_start(clause[article.end() if article else 0 :], concepts)
    return head


#: Contrasts whose second side qualifies the first ("X, but Y"; "While X, Y").
_QUALIFYING_LEMMAS = frozenset(["but", "however", "yet", "while", "although", "though"])


def _contrast_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.lemma == "no longer":
        subject = _noun_phrase(rel.left, concepts, text)
        return f"Explain why {subject} {_cue_verb(rel.cue)} {rel.right}." if subject else ""
    if rel.lemma == "despite" and rel.right_form == "clause":
        claim = _clause(rel.right, text)
        if claim.split(" ", 1)[0] in ("it", "there"):
            return ""
        return f"Explain how {claim} despite {_lower_start(rel.left, text)}."
    if rel.lemma in ("rather than", "instead of"):
        return ""
    # Two concepts contrast only as the subjects of the two sides ("whereas men ...,
    # women ..."); a concept elsewhere in a clause is not what is contrasted.
    left_subject = _subject(rel.left, concepts) if rel.left_form == "clause" else rel.left
    right_subject = _subject(rel.right, concepts) if rel.right_form == "clause" else ""
    left = _mentioned(left_subject, concepts)
    right = [
        c
        for c in _mentioned(right_subject, concepts)
        if not any(c.units <= d.units or d.units <= c.units for d in left)
    ]
    if left and right:
        a = text.with_article(left[0].term)
        b = text.with_article(right[0].term)
        return f"Explain the contrast the text draws between {a} and {b}."
    if rel.left_form == "clause" and rel.lemma in _QUALIFYING_LEMMAS:
        # "X, but Y": the second side qualifies the first.
        return f"Explain how the text qualifies the statement that {_clause(rel.left, text)}."
    return ""


def _sequence_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.lemma == "begin":
        subject = _noun_phrase(rel.left, concepts, text)
        return f"Describe how {subject} {_cue_verb(rel.cue)} {rel.right}." if subject else ""
    if rel.lemma in ("from", "since"):
        words = [w for w in rel.right.split() if not (len(w) > 4 and w.endswith("ly"))]
        verb = words[-1].lower() if words else ""
        subject = _noun_phrase(subject_of(rel.right), concepts, text)
        if verb in _CHANGE_VERBS and subject:
            return f"Describe how {subject} {verb} {rel.lemma} {rel.left}."
        return ""
    if rel.lemma in ("from-to", "between-and"):
        first, second = ("from", "to") if rel.lemma == "from-to" else ("between", "and")
        sentence = text.sentences[rel.sentence]
        before = sentence[: sentence.find(f"{first} {rel.left}")].split()
        verbs = [w for w in before if not (len(w) > 4 and w.endswith("ly"))]
        subject = _noun_phrase(subject_of(" ".join(before)), concepts, text)
        span = f"{first} {rel.left} {second} {rel.right}"
        if verbs and verbs[-1].lower() in _CHANGE_VERBS and subject:
            return f"Describe how {subject} {verbs[-1].lower()} {span}."
        if _only_time(rel.left) and _only_time(rel.right):
            return ""  # "from 1850 to 1870" alone names no development
        return f"Trace the developments {span}."
    if rel.lemma == "after":
        return f"Describe what happened after {_lower_start(rel.left, text)}."
    if rel.lemma in ("before", "prior to"):
        return f"Describe what happened before {_lower_start(rel.right, text)}."
    if rel.lemma == "followed by" and rel.left_form == "noun":
        subject = _noun_phrase(rel.left, concepts, text)
        return f"Describe what followed {subject}." if subject else ""
    return ""


def _only_time(phrase: str) -> bool:
    return not re.search(r"[^\W\d_]{3,}", re.sub(r"\b(?:the|\d+s)\b", "", phrase))


def _definition_objective(rel: Relation, concepts: list[RankedConcept], text: _Text) -> str:
    if rel.lemma == "abbreviation" or len(rel.left.split()) > 6:
        return ""
    return f"Explain what the text means by {_lower_start(rel.left, text)}."


_DATED_LEMMAS = frozenset(["from", "since", "from-to", "between-and", "after", "before"])
_TEMPLATES = {
    "purpose": (_purpose_objective, 4.5),
    "result": (_result_objective, 4.5),
    "cause": (_cause_objective, 4.5),
    "contrast": (_contrast_objective, 4.0),
    "sequence": (_sequence_objective, 4.0),
    "definition": (_definition_objective, 3.0),
}


def _mentioned(passage: str, concepts: list[RankedConcept]) -> list[RankedConcept]:
    """The concepts ``passage`` names, in their order."""
    pattern = r"(?<!\w)(?:{})(?!\w)"
    return [
        c for c in concepts if re.search(pattern.format(_forms_pattern(c)), passage, re.IGNORECASE)
    ]


def _relation_objectives(
    seg: Segment,
    relations: list[Relation],
    salient: list[RankedConcept],
    text: _Text,
) -> list[tuple[float, str]]:
    """Objectives stating a relation the lesson's own sentences state, best first."""
    options = []
    for rel in relations:
        if not seg.start <= rel.sentence < seg.end:
            continue
        if rel.previous and rel.sentence - 1 < seg.start:
            continue  # half of it is in the lesson before
        make, weight = _TEMPLATES[rel.kind]
        if rel.lemma in _DATED_LEMMAS:
            weight += 0.3  # a development tied to a date says more than "began to"
        objective = make(rel, salient, text)
        if not objective or len(objective) > MAX_OBJECTIVE:
            continue
        objective = objective[:1].upper() + objective[1:]
        # About what the lesson is about: its leading concept, or one of the next two.
        mentioned = _mentioned(objective, salient[:3])
        bonus = 2.0 if salient[:1] == mentioned[:1] and mentioned else 1.0 if mentioned else 0.0
        score = weight + bonus - len(objective) / MAX_OBJECTIVE
        options.append((score, objective))
    options.sort(key=lambda option: -option[0])
    return options


def _summary_objective(
    seg: Segment,
    salient: list[RankedConcept],
    relations: list[Relation],
    text: _Text,
    poor: frozenset[str],
) -> list[str]:
    """ "Summarise what the text says about X." for the lesson's concepts that can carry
    it: a person's name or a bare acronym only when a relation in the lesson involves it
    (otherwise it is as likely page matter as subject matter)."""
    related = " ".join(
        f"{r.left} {r.right}" for r in relations if seg.start <= r.sentence < seg.end
    )
    options = []
    for concept in _title_candidates(salient, poor):
        if concept.term in poor:
            # A name or acronym may be what a relation is about; a cut-off clause never.
            person = looks_like_person(concept.term, text.sentences)
            if not (person or _is_bare_acronym(concept.term)):
                continue
            if not _mentioned(related, [concept]):
                continue
        options.append(f"Summarise what the text says about {text.with_article(concept.term)}.")
    return options


def lesson_objectives(
    segments: list[Segment],
    concepts: list[RankedConcept],
    texts: list[str],
    relations: list[Relation] | None = None,
    titles: list[str] | None = None,
) -> list[str]:
    """One distinct objective per lesson.

    The best is a relation the lesson's sentences state (a purpose, a cause, a
    contrast, a development over time, a definition), phrased as a task; without
    one, the lesson's most specific concept to summarise. A concept its title
    names counts as its most specific.
    """
    relations = text_relations(texts) if relations is None else relations
    text = _Text(texts)
    poor = poor_titles(concepts, texts)
    objectives: list[str] = []
    for number, seg in enumerate(segments):
        salient = _salient_concepts(seg, concepts)
        if titles:
            named = _mentioned(titles[number], salient)
            salient = named[:1] + [c for c in salient if c not in named[:1]]
        options = [o for _, o in _relation_objectives(seg, relations, salient, text)]
        options += _summary_objective(seg, salient, relations, text, poor)
        options.append(f"Summarise the main point of part {number + 1} of the text.")
        objective = next(o for o in options if len(o) <= MAX_OBJECTIVE and o not in objectives)
        objectives.append(objective[:1].upper() + objective[1:])
    return objectives


def build_lessons(
    sentences: list[TokenizedSentence],
    paragraph_starts: list[int],
    concepts: list[RankedConcept],
) -> list[DraftLesson]:
    """Lessons covering every sentence exactly once, in order."""
    n = len(sentences)
    if n == 0:
        return []
    costs = boundary_costs(sentences, concepts, paragraph_starts)
    segments = segment(costs, lesson_count(n))
    titles = lesson_titles(segments, sentences, concepts)
    texts = [s.text for s in sentences]
    objectives = lesson_objectives(segments, concepts, texts, text_relations(texts), titles)
    return [
        DraftLesson(
            title=title,
            sentences=seg.indexes,
            body=lesson_body(seg, texts, paragraph_starts),
            concepts=[
                c.term for c in concepts if any(seg.start <= i < seg.end for i in c.sentences)
            ],
            objective=objective,
        )
        for seg, title, objective in zip(segments, titles, objectives, strict=True)
    ]
