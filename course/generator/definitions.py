"""Glossary definitions: what the text itself says a term is.

A definition is a contiguous span of one sentence, never reworded, found by
one of the patterns authors use to say what something is:

* copular: "X is/was a Y", "X is defined as Y", "X refers to Y";
* "Y called X", "Y known as X";
* appositive: "X, a Y, ..." / "X, the Y, ...";
* parenthetical: "X (Y)" with a description in the brackets, or "Y (X)" with
  the term in them (an acronym glossed by words that do not spell it);
* relative: "X, which ..." / "X who ...".

Where the text gives none, the glossary says so: "In the text: " and the
sentence that introduces the term (or, when that sentence is long or already
quoted for another term, the clause of it around the term). No two entries
share a definition, and no page heading, title or label is ever one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .acronyms import acronym_letters, long_form_before, matches
from .candidates import CONTENT, TokenizedSentence, tokenize_sentences
from .contexts import MAX_CLAUSE_WORDS, clause_candidates, phrase_window, tidy, word_count
from .lexicon import GENERIC_MODIFIERS, HEADING_WORDS, PREPOSITIONS, STOPWORDS, UI_WORDS
from .tokens import Token, is_acronym, tokenize

#: How a context quoted from the text is told apart from a definition.
IN_THE_TEXT = "In the text: "

#: A definition longer than this reads as a passage, not a gloss.
MAX_DEFINITION_WORDS = MAX_CLAUSE_WORDS
#: A whole sentence is quoted as context only up to this length; a longer
#: one is cut to the clause around the term.
MAX_CONTEXT_WORDS = MAX_CLAUSE_WORDS

#: Pattern kinds that say what a term *is*; a relative clause only says
#: something about it, so it defines but does not mark a term as defined.
STRONG_KINDS = frozenset({"copular", "called", "appositive", "parenthetical"})
#: Preference among patterns found for one term (lower first).
_PRIORITY = {"copular": 0, "called": 1, "appositive": 2, "parenthetical": 3, "relative": 4}

_COPULAS = frozenset({"is", "are", "was", "were"})
_PERFECT = frozenset({"has", "have", "had"})
#: "X is defined as", "X has been regarded as".
_AS_VERBS = frozenset({"defined", "known", "regarded", "considered", "seen", "described", "viewed"})
#: "X refers to Y", "X means Y".
_MEANING_VERBS = frozenset({"refers", "refer", "means", "denotes", "denote"})
#: A copula's complement that says what X is: "a Y", "an Y", "the Y", "one of ...".
_COMPLEMENT_STARTS = frozenset({"a", "an", "the", "one"})
#: "the same", "the case": a copula with these compares or asserts, it does not define.
_NOT_DEFINING = frozenset({"same", "case", "reason", "result", "aim", "purpose"})
#: Words allowed before the subject of a defining clause.
_CLAUSE_OPENERS = frozenset({"that", "now", "thus", "hence", "so", "then", "here", "today"})
#: Adverbs allowed between a copula and its complement.
_HEDGES = frozenset({"also", "often", "usually", "generally", "commonly", "now", "still"})
#: Prepositions joining a head to its complement inside one noun phrase.
_OF_IN = frozenset({"of", "in", "on", "for"})
#: "Y called X", "Y termed X".
_NAMING_VERBS = frozenset({"called", "termed", "dubbed", "named"})
#: Bracketed words that give examples or a source, not a definition.
_NOT_A_GLOSS_RE = re.compile(
    r"^(?:e\.g|for example|for instance|especially|including|see|cf|such as|in|at|on|from)\b|"
    r"\d{4}|\bet al\b|^\W*$",
    re.IGNORECASE,
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "its", "their", "our"})


@dataclass(frozen=True)
class Site:
    """A place where a sentence says what a term is."""

    start: int  # the defined words (without a leading determiner), offsets in the sentence
    end: int
    text: str  # the definition: a span of the sentence
    kind: str  # "copular" | "called" | "appositive" | "parenthetical" | "relative"


# --- pieces: a sentence without glued-on headings or page labels -------------------------


#: A glued-on tail shorter than this is a label, not a sentence.
_MIN_GLUED_WORDS = 4


def _label(word: str) -> bool:
    return word.lower() in HEADING_WORDS or word.lower() in UI_WORDS


@lru_cache(maxsize=4096)
def prose_pieces(sentence: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of the prose in a sentence, without glued-on labels.

    A page may glue a heading or a button label to a sentence ("... (PCD).Methods
    A panel ...", "... with PCD.Free full text"). The tokenizer splits such a
    word; here the sentence is cut there, a heading opening a piece is dropped,
    and a piece made only of labels and function words is left out.
    """
    tokens = tokenize(sentence)
    starts = [0] + [t.start for t in tokens if t.initial and t.index > 0]
    pieces = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(sentence)
        inside = [t for t in tokens if start <= t.start < end]
        if len(inside) > 1 and n > 0 and _label(inside[0].text) and inside[1].cap:
            inside = inside[1:]  # "Conclusion This expert consensus ..."
        if not inside or all(_label(t.text) or t.lower in STOPWORDS for t in inside):
            continue
        if n > 0 and len(inside) < _MIN_GLUED_WORDS and n + 1 == len(starts):
            continue  # a short label glued at the end: "... with PCD.Free full text"
        text_end = end if n + 1 == len(starts) else sentence.rindex(".", start, end)
        pieces.append((inside[0].start, text_end))
    return tuple(pieces)


# --- finding definition sites ----------------------------------------------------------


@lru_cache(maxsize=4096)
def _analysed(piece: str) -> TokenizedSentence:
    return tokenize_sentences([piece])[0]


def _run_start(ts: TokenizedSentence, k: int) -> int:
    """First token of the run of content words ending at token ``k``."""
    i = k
    while i > 0 and ts.roles[i - 1] == CONTENT and not ts.tokens[i - 1].break_after:
        i -= 1
    return i


def _run_end(ts: TokenizedSentence, i: int) -> int:
    """Last token of the run of content words starting at token ``i``."""
    k = i
    while k + 1 < len(ts.tokens) and ts.roles[k + 1] == CONTENT and not ts.tokens[k].break_after:
        k += 1
    return k


def _with_determiner(ts: TokenizedSentence, i: int) -> int:
    """Token where the noun phrase starting at ``i`` begins, its determiner included."""
    if i > 0 and ts.tokens[i - 1].lower in _DETERMINERS and not ts.tokens[i - 1].break_after:
        return i - 1
    return i


def _gap(text: str, left: Token, right: Token | None) -> str:
    return text[left.end : right.start if right else len(text)].strip()


#: Where a clause ends: a semicolon, colon or dash, or a conjunction opening another clause.
_CLAUSE_END_RE = re.compile(
    r";|:\s|\s[\u2013\u2014-]\s|,?\s(?:but|whereas|while)\s|,\s(?:and|or)\s"
)


def _clause_end(text: str, start: int) -> int:
    """End of the clause running from ``start``."""
    match = _CLAUSE_END_RE.search(text, start)
    return match.start() if match else len(text)


def _cut(text: str, start: int, end: int) -> str:
    """The span, trimmed, cut at a comma if it is too long; "" if it stays too long."""
    span = text[start:end].strip()
    at_end = end >= len(text.rstrip())
    if word_count(span) > MAX_DEFINITION_WORDS:
        commas = [m.start() for m in re.finditer(",", span)]
        fitting = [c for c in commas if word_count(span[:c]) <= MAX_DEFINITION_WORDS]
        if not fitting:
            return ""
        span, at_end = span[: fitting[-1]], False
    # Keep the sentence's own full stop when the span runs to its end.
    return span.rstrip(" ,;:") if at_end else _trim_end(span)


#: Words a span cannot end on: it would stop in the middle of a phrase.
_DANGLING = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "but",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "its",
        "their",
    }
)


def _trim_end(span: str) -> str:
    words = span.rstrip(" ,;:.-\u2013\u2014").split()
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def _subject_start(ts: TokenizedSentence, i: int) -> int | None:
    """First token of the subject whose head run starts at token ``i``, or None
    when the run does not open a clause. "The Bill of Rights is ..." reaches back
    over one "of"; "that X is ...", "Now X is ..." open a clause too."""
    tokens = ts.tokens
    j = _with_determiner(ts, i) - 1
    of_phrase = j >= 1 and tokens[j].lower == "of" and not tokens[j - 1].break_after
    if of_phrase and ts.roles[j - 1] == CONTENT:
        head = _run_start(ts, j - 1)
        if _subject_start(ts, head) is not None:
            return head
    if j < 0 or tokens[j].break_after or tokens[j].lower == "that":
        return i
    opener = tokens[j].lower in _CLAUSE_OPENERS
    return i if opener and (j == 0 or tokens[j - 1].break_after) else None


def _copular(ts: TokenizedSentence, text: str) -> list[Site]:
    tokens, sites = ts.tokens, []
    for k, token in enumerate(tokens):
        if k == 0:
            continue
        word = token.lower
        subject_end = k - 1
        nxt = k + 1
        if word == "been" and tokens[k - 1].lower in _PERFECT and k >= 2:
            subject_end = k - 2
        elif word not in _COPULAS and word not in _MEANING_VERBS:
            continue
        if ts.roles[subject_end] != CONTENT or tokens[subject_end].break_after:
            continue
        head = _run_start(ts, subject_end)
        i = _subject_start(ts, head)
        if i is None:
            continue
        if word not in _MEANING_VERBS:
            while nxt < len(tokens) and tokens[nxt].lower in _HEDGES:
                nxt += 1
            if nxt + 1 >= len(tokens):
                continue
            first, second = tokens[nxt].lower, tokens[nxt + 1].lower
            as_phrase = first in _AS_VERBS and second == "as"
            defining = first in _COMPLEMENT_STARTS and second not in _NOT_DEFINING
            if not (as_phrase or (defining and word != "been")):
                continue
        start = tokens[_with_determiner(ts, i)].start
        span = _cut(text, start, _clause_end(text, token.end))
        if span:
            sites.append(Site(tokens[i].start, tokens[subject_end].end, span, "copular"))
    return sites


def _called(ts: TokenizedSentence, text: str) -> list[Site]:
    tokens, sites = ts.tokens, []
    for k, token in enumerate(tokens):
        word = token.lower
        if word in _NAMING_VERBS:
            x = k + 1
            if x < len(tokens) and tokens[x].lower == "as" and not token.break_after:
                x += 1
        elif word == "known" and k + 1 < len(tokens) and tokens[k + 1].lower == "as":
            x = k + 2
        else:
            continue
        y_end = k - 1
        if y_end >= 0 and tokens[y_end].lower in _COPULAS:
            y_end -= 1
        if x >= len(tokens) or y_end < 0 or ts.roles[x] != CONTENT:
            continue
        if ts.roles[y_end] != CONTENT or tokens[y_end].break_after:
            continue
        x_end = _run_end(ts, x)
        y_start = _run_start(ts, y_end)
        j = _with_determiner(ts, y_start) - 1
        if j >= 1 and tokens[j].lower in _OF_IN and ts.roles[j - 1] == CONTENT:
            y_start = _run_start(ts, j - 1)  # "a general rise in prices known as inflation"
        start = tokens[_with_determiner(ts, y_start)].start
        end = tokens[x_end].end
        quote = re.match(r"[\"'\u2019\u201d]", text[end:])
        span = _cut(text, start, end + (1 if quote else 0))
        if span:
            sites.append(Site(tokens[x].start, tokens[x_end].end, span, "called"))
    return sites


def _description(ts: TokenizedSentence, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` describe (some lower-case content word) rather than name."""
    return any(
        ts.roles[j] == CONTENT
        and ts.tokens[j].text.islower()
        and ts.tokens[j].lower not in STOPWORDS
        for j in range(first, last + 1)
    )


def _name_start(ts: TokenizedSentence, i: int, k: int) -> int:
    """Where a name ending a run of words begins: the run "coast Rhizophora" ends
    in the name "Rhizophora", and it is the name that a following gloss is about."""
    tokens = ts.tokens
    if not tokens[k].cap:
        return i
    j = k
    while j > i and tokens[j - 1].cap:
        j -= 1
    return j if j > i and not tokens[j - 1].initial else i


def _after_preposition(ts: TokenizedSentence, i: int) -> bool:
    """A phrase after a preposition is not the subject of an appositive: "Along with
    the reform, the party ..." fronts an adverbial, it does not gloss "reform"."""
    j = _with_determiner(ts, i) - 1
    return j >= 0 and (ts.tokens[j].lower in PREPOSITIONS or ts.tokens[j].lower == "of")


def _appositive_and_relative(ts: TokenizedSentence, text: str) -> list[Site]:
    tokens, sites = ts.tokens, []
    for k in range(len(tokens) - 1):
        token, nxt = tokens[k], tokens[k + 1]
        if ts.roles[k] != CONTENT:
            continue
        gap = _gap(text, token, nxt)
        i = _name_start(ts, _run_start(ts, k), k)
        start = tokens[_with_determiner(ts, i)].start
        if gap == "," and nxt.lower in ("a", "an", "the") and not _after_preposition(ts, i):
            end = _phrase_end(text, nxt.start)
            inside = [j for j in range(k + 2, len(tokens)) if tokens[j].start < end]
            if not inside or not _description(ts, inside[0], inside[-1]):
                continue
            if nxt.lower == "the" and re.search(r"\s(?:and|or)\s", text[nxt.start : end]):
                continue  # "Germany, the UK and France": a list, not a gloss
            span = _cut(text, start, end)
            if span:
                sites.append(Site(tokens[i].start, token.end, span, "appositive"))
        elif nxt.lower in ("which", "who") and gap in (",", ""):
            if gap == "" and (k + 2 >= len(tokens) or tokens[k + 2].lower not in _COPULAS):
                continue  # without a comma, only "X which is ..." is about X itself
            end = _phrase_end(text, nxt.end)
            if word_count(text[nxt.end : end]) < 3:
                continue
            span = _cut(text, start, end)
            if span:
                sites.append(Site(tokens[i].start, token.end, span, "relative"))
    return sites


def _phrase_end(text: str, start: int) -> int:
    match = re.compile(r"[,;:()]|\s[\u2013\u2014-]\s").search(text, start)
    return match.start() if match else len(text)


def _parenthetical(ts: TokenizedSentence, text: str) -> list[Site]:
    tokens, sites = ts.tokens, []
    for k, token in enumerate(tokens):
        if ts.roles[k] != CONTENT:
            continue
        opened = re.match(r"\s*\(([^()]{1,160})\)", text[token.end :])
        if opened is None:
            continue
        inner = opened.group(1).strip()
        close = token.end + opened.end()
        i = _run_start(ts, k)
        start = tokens[_with_determiner(ts, i)].start
        inner_tokens = [t for t in tokens if token.end < t.start < close]
        if not inner_tokens or _NOT_A_GLOSS_RE.search(inner):
            continue
        if len(inner_tokens) == 1 and is_acronym(inner_tokens[0].text):
            # "Y (X)": words that do not spell the acronym say what it stands for.
            letters = acronym_letters(inner_tokens[0].text)
            if long_form_before(ts, inner_tokens[0].index, letters):
                continue  # its expansion: the concept's own name, not a definition
            span = _cut(text, start, close)
            term = inner_tokens[0]
            if span:
                sites.append(Site(term.start, term.end, span, "parenthetical"))
            continue
        if is_acronym(token.text) and matches(acronym_letters(token.text), inner_tokens):
            continue  # "ACR (Its Expansion)"
        if len(inner_tokens) >= 2 and any(t.text.islower() for t in inner_tokens):
            span = _cut(text, start, close)
            if span:
                sites.append(Site(tokens[i].start, token.end, span, "parenthetical"))
    return sites


@lru_cache(maxsize=4096)
def definition_sites(sentence: str) -> tuple[Site, ...]:
    """Every place in ``sentence`` that says what some term is."""
    sites: list[Site] = []
    for a, b in prose_pieces(sentence):
        piece = sentence[a:b]
        ts = _analysed(piece)
        found = [
            *_copular(ts, piece),
            *_called(ts, piece),
            *_appositive_and_relative(ts, piece),
            *_parenthetical(ts, piece),
        ]
        sites.extend(Site(s.start + a, s.end + a, s.text, s.kind) for s in found)
    return tuple(sites)


def _covers(sentence: str, site: Site, start: int, end: int) -> bool:
    """Whether the term at ``start:end`` is what ``site`` defines: it ends where the
    defined words end and only function words or vague modifiers precede it."""
    if end != site.end or start < site.start:
        return False
    before = sentence[site.start : start].lower().split()
    return all(w in STOPWORDS or w in GENERIC_MODIFIERS for w in before)


def defined_at(sentence: str, start: int, end: int) -> bool:
    """Whether the sentence defines the words at ``start:end`` (a strong pattern)."""
    return any(
        s.kind in STRONG_KINDS and _covers(sentence, s, start, end)
        for s in definition_sites(sentence)
    )


# --- choosing one definition per concept -----------------------------------------------


@lru_cache(maxsize=4096)
def _form_re(form: str) -> re.Pattern[str]:
    flags = 0 if " " not in form and is_acronym(form) else re.IGNORECASE
    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)", flags)


def form_spans(sentence: str, forms: list[str]) -> list[tuple[int, int]]:
    """Where any of ``forms`` occurs in ``sentence`` (word-bounded; acronyms by case)."""
    return sorted({m.span() for f in forms for m in _form_re(f).finditer(sentence)})


def _about_title(text: str, title: str | None) -> bool:
    """A span that repeats the title (a title line glued to the first sentence)."""
    return title is not None and len(title.split()) >= 3 and title.casefold() in text.casefold()


def pattern_definitions(
    forms: list[str], sentences: list[str], where: list[int], title: str | None = None
) -> list[str]:
    """Definitions the text gives for a term, best first."""
    found: list[tuple[int, int, str]] = []
    for i in where:
        sentence = sentences[i]
        spans = form_spans(sentence, forms)
        for site in definition_sites(sentence):
            covered = any(_covers(sentence, site, a, b) for a, b in spans)
            if covered and not _about_title(site.text, title):
                found.append((_PRIORITY[site.kind], i, site.text))
    found.sort(key=lambda f: f[:2])
    return [text for _, _, text in found]


def enumeration_item(sentence: str, span: tuple[int, int]) -> str:
    """The enumeration item holding ``span`` ("the audit of the village councils"
    in "... took three forms: A; B; the audit of the village councils"), or "" when
    the term is not in a list. The item says what the term is one case of, which is
    its most specific context."""
    for start, end in list_regions(sentence):
        if not start <= span[0] < end or start == 0:
            continue
        region = sentence[start:end]
        separator = r"\s*;\s*" if ";" in region else r",\s*(?:and\s+|or\s+)?"
        offset = start
        for piece in re.split(f"({separator})", region):
            if re.fullmatch(separator, piece):
                offset += len(piece)
                continue
            if offset <= span[0] < offset + len(piece):
                item = tidy(re.sub(r"^(?:and|or)\s+", "", piece))
                term_words = word_count(sentence[span[0] : span[1]])
                enough = MIN_ITEM_WORDS <= word_count(item) <= MAX_CLAUSE_WORDS
                return item if enough and word_count(item) > term_words + 1 else ""
            offset += len(piece)
    return ""


#: Items of an enumeration shorter than this many words say too little.
MIN_ITEM_WORDS = 3

#: Where a list begins: after a colon, "such as", "including", "namely".
_LIST_START_RE = re.compile(r":\s|\bsuch as\s|\bincluding\s|\bnamely\s", re.IGNORECASE)
#: ... of which "such as" and "including" give examples rather than the parts of a whole.
_EXAMPLES_RE = re.compile(r"such as|including", re.IGNORECASE)


def list_regions(text: str, *, examples: bool = True) -> list[tuple[int, int]]:
    """Character ranges of enumerations: a colon or "such as" followed by items
    separated by ";" or by commas/"and". Items an author lists are what a
    passage is about ("the purge took three forms: A; B; C"). Without
    ``examples``, lists of examples ("such as", "including") are left out."""
    regions = []
    for match in _LIST_START_RE.finditer(text):
        if not examples and _EXAMPLES_RE.match(match.group().strip()):
            continue
        rest = text[match.end() :]
        if ";" in rest or "," in rest or " and " in rest:
            regions.append((match.end(), len(text)))
    # "A and B were ...": a coordinated subject lists the sentence's topics.
    head = re.match(r"^(?:the\s+)?[\w'-]+(?:\s[\w'-]+){0,3}\s+and\s+(?:the\s+)?[\w'-]+", text, re.I)
    if head:
        regions.append((0, head.end()))
    return regions


def enumeration_regions(text: str) -> list[tuple[int, int]]:
    """Lists that name the parts of a whole, not examples of it (see :func:`list_regions`)."""
    return list_regions(text, examples=False)


#: Words that make a clause lean on what comes before it.
_DEPENDENT_OPENERS = ("and ", "or ", "but ", "which ", "who ", "with ", "whom ", "whose ")


def _reads_alone(piece: str, span: str, *, clause: bool) -> bool:
    """Whether a span cut from ``piece`` reads on its own: its brackets match, it
    does not open with a bracket or a dependent word, and it does not start in the
    middle of a name. A ``clause`` must also start where the piece or a clause
    starts (after , ; : or a dash), not mid-phrase."""
    if span.count("(") != span.count(")") or span.startswith("("):
        return False
    if span.lower().startswith(_DEPENDENT_OPENERS):
        return False
    at = piece.find(span)
    before = piece[:at].rstrip() if at >= 0 else ""
    if not before:
        return True
    if before[-1] in ",;:(\u2013\u2014-":
        return True
    # A window may start mid-clause, but not on a capital: that is inside a name
    # ("... Commercial and | Technical Library in 1918 ..."). "I" is no name.
    return not clause and (not span[:1].isupper() or span.startswith("I "))


def contexts(forms: list[str], sentence: str) -> list[str]:
    """Spans of ``sentence`` that show the term in use, most telling first: the
    whole sentence when short, the list item or clause holding the term, a short
    window around it, and the whole sentence however long as a last resort."""
    spans = form_spans(sentence, forms)
    if not spans:
        return []
    out: list[str] = []
    for a, b in prose_pieces(sentence):
        inside = [(s - a, e - a) for s, e in spans if a <= s < b]
        if not inside:
            continue
        piece = sentence[a:b].strip()
        start, end = inside[0]
        short = word_count(piece) <= MAX_CONTEXT_WORDS
        clauses = [
            c for c in clause_candidates(piece, start, end) if _reads_alone(piece, c, clause=True)
        ]
        window = phrase_window(piece, start, end)
        window = window if window and _reads_alone(piece, window, clause=False) else ""
        out.extend(
            c
            for c in [
                piece if short else "",
                enumeration_item(piece, (start, end)),
                *clauses,
                window,
                piece,
            ]
            if c and c not in out
        )
    return out


def definition_for(
    forms: list[str],
    sentences: list[str],
    where: list[int],
    used: frozenset[str] = frozenset(),
    title: str | None = None,
) -> str:
    """The glossary definition of a term whose forms occur in sentences ``where``.

    A definition the text gives (see the module docstring) comes first; failing
    that, "In the text: " and the context of its first mention, later ones
    when that context is taken. Nothing in ``used`` is given again; "" when
    every candidate is taken.
    """
    for text in pattern_definitions(forms, sentences, where, title):
        if text not in used:
            return text
    # A span already given (as a definition or a quotation) is not quoted again.
    taken = [_plain(u.removeprefix(IN_THE_TEXT)) for u in used]
    for i in where:
        for context in contexts(forms, sentences[i]):
            if not _about_title(context, title) and not _overlaps(_plain(context), taken):
                return IN_THE_TEXT + context
    return ""


def _plain(text: str) -> str:
    return " ".join(text.casefold().rstrip(" .!?;:,").split())


#: Quotations differing by this many words or fewer count as one.
_NEAR_SAME_WORDS = 2


def _overlaps(text: str, taken: list[str]) -> bool:
    """Whether ``text`` repeats a span already given, give or take a couple of words."""
    for other in taken:
        if text == other:
            return True
        inside = text in other or other in text
        if inside and abs(word_count(text) - word_count(other)) <= _NEAR_SAME_WORDS:
            return True
    return False


def is_quoted_context(definition: str) -> bool:
    """Whether a definition is only a context from the text, not a definition."""
    return definition.startswith(IN_THE_TEXT)
