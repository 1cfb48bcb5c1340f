"""Title casing, clipping, and deriving a course title from its concepts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from wordfreq import zipf_frequency

from .clean import PROGRAMME_HEADING_RE
from .lexicon import STOPWORDS, TITLE_SMALL_WORDS
from .relations.words import has_finite

MAX_DRAFT_TITLE = 80
_TRAILING_JUNK = " ,;:.-\u2013\u2014"


def _cap_word(word: str) -> str:
    """Capitalise one word, leaving acronyms and internal capitals alone."""
    if any(c.isupper() for c in word):
        return word  # "NEP", "iOS", "McDonald", "Five-Year" are already right
    parts = word.split("-")
    return "-".join(p[:1].upper() + p[1:] for p in parts)


def title_case(phrase: str) -> str:
    """English title case: small words lower-case except at either end.

    Only first letters are touched ("amazon.com" -> "Amazon.com", not
    "Amazon.Com" as :meth:`str.title` would have it).
    """
    words = phrase.split()
    out = []
    for i, word in enumerate(words):
        edge = i == 0 or i == len(words) - 1
        if not edge and word.lower() in TITLE_SMALL_WORDS and not any(c.isupper() for c in word):
            out.append(word.lower())
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def clip(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters at a word boundary, no trailing punctuation."""
    text = text.strip().rstrip(_TRAILING_JUNK)
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else text[:limit]
    words = cut.rstrip(_TRAILING_JUNK).split()
    while len(words) > 1 and words[-1].lower() in TITLE_SMALL_WORDS:
        words.pop()  # never end on "of" or "the"
    return " ".join(words).rstrip(_TRAILING_JUNK)


#: A concept that names how the study was done, not what it is about: "independent
#: sample t-test", "one-way ANOVA", "logistic regression", "Delphi technique".
_METHOD_TERM_RE = re.compile(
    r"(?:\b|-)(?:t-?tests?|tests?|anova|ancova|manova|regressions?|questionnaires?|surveys?|"
    r"interviews?|inventory|techniques?|methods?|methodology|designs?|samples?|sampling|"
    r"analys[ie]s|coefficients?|correlations?|scales?|data|estimation|estimates?)$",
    re.IGNORECASE,
)


#: A phrase that opens on a verb ("examined the effect of semi-presidential institutions"):
#: a piece of a sentence, not a name for what the text is about.
_VERB_LED_RE = re.compile(r"^[a-z]+ed\s+(?:the|a|an|how|whether|that)\b")


#: A lone capital letter standing for a name the source withheld: "University of X".
_PLACEHOLDER_RE = re.compile(r"(?<![\w.])[XYZ](?![\w.])")


def derive_title(
    terms: list[str], first_sentence: str, *, recurring: frozenset[str] | None = None
) -> str:
    """A course title when the text has none, built from the top concepts.

    A recurring "X of the Y" phrase among the leading concepts names what
    the text is about ("The Reorganization of the Unions") and is preferred;
    otherwise the leading multi-word concept; otherwise the two leading
    concepts joined by "and". Without concepts, the start of the first
    sentence is the least bad title. A concept naming the study's method ("Independent
    Sample T-test") is never the title, nor one with a placeholder letter ("University of
    X"). ``recurring``, if given, holds the terms the text names more than once: only such
    an "X of the Y" phrase is preferred.
    """
    top = [
        t
        for t in terms
        if not _METHOD_TERM_RE.search(t)
        and not _VERB_LED_RE.match(t)
        and not _PLACEHOLDER_RE.search(t)
        and not _names_a_person(t)
    ][:5]
    chosen: str | None = None
    for term in top:
        if recurring is not None and term not in recurring:
            continue
        if re.search(r"\w \bof\b \w", term):
            chosen = term if term[:1].isupper() else f"the {term}"
            break
    if chosen is None:
        chosen = next((t for t in top[:3] if " " in t), None)
    if chosen is None and len(top) >= 2:
        chosen = f"{top[0]} and {top[1]}"
    if chosen is None and top:
        chosen = top[0]
    if chosen is None:
        return clip(first_sentence, MAX_DRAFT_TITLE)
    return clip(title_case(chosen), MAX_DRAFT_TITLE)


#: A surname is rarer than this in English (Zipf scale): "Ingold", "Zdekauer", not "Wolf".
SURNAME_ZIPF = 3.0
#: A given name before it is rarer than this: "Timothy", "Nikolai", "Leo", not "Heat".
GIVEN_NAME_ZIPF = 4.5
_NAME_PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "der", "la", "le", "bin"})


def _names_a_person(term: str) -> bool:
    """A person's name, with or without a role before it ("Anthropologist Timothy Ingold"):
    whom the text cites, not what it is about."""
    words = term.split()
    if words and words[0][:1].islower():
        words = words[1:]  # the role before the name: "anthropologist Timothy Ingold"
    if len(words) < 2 or " of " in term:
        return False
    if any(w[:1].islower() and w not in _NAME_PARTICLES for w in words):
        return False
    last = words[-1].strip(".,")
    given = [w for w in words[:-1] if w not in _NAME_PARTICLES]
    return (
        last.isalpha()
        and not last.isupper()
        and zipf_frequency(last.casefold(), "en") < SURNAME_ZIPF
        # (a given name is no common word: not "Urban Heat Island")
        and bool(given)
        and zipf_frequency(given[-1].casefold(), "en") < GIVEN_NAME_ZIPF
    )


# --- the title the page shows ---------------------------------------------------------

#: A title is a line of this many words.
MIN_PAGE_TITLE_WORDS = 2
MAX_PAGE_TITLE_WORDS = 30
#: A line longer than this may run several fields of the page together (title, authors,
#: affiliation): its segments are candidates too.
MIN_SEGMENTED_WORDS = 8
#: Share of a candidate's content words that the abstract must also use: an article's
#: title names what its abstract is about; a site header or a journal name does not.
MIN_TITLE_OVERLAP = 0.5
#: The same share for the line right above the authors' names or the publication date,
#: where pages put the title.
BYLINE_TITLE_OVERLAP = 0.3
#: How much less of a title wrapped over two lines may be about the abstract than the
#: better line alone (the other line adds words the abstract need not use).
WRAPPED_TITLE_SHARE_SLACK = 0.2
#: Weight of a shared word: how far below this Zipf frequency it is (7 is "the"; 3 is
#: once per million words), and at least the minimum.
RARE_WORD_ZIPF = 7.0
MIN_WORD_WEIGHT = 0.5
#: Letters two words must share at the start to count as the same word
#: ("globalization" / "global", "worker" / "working"): a crude stemmer is enough to rank.
_STEM_LETTERS = 5

_WORD_RE = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")
_TITLE_FIELD_RE = re.compile(
    r"(?:^|[|{\s])(?:dc\.|citation_)?title\s*[=:]\s*([^|}\n=]{3,300}?)\s*(?=[|}]|$)", re.IGNORECASE
)
_WIKI_HEADING_RE = re.compile(r"==+\s*([^=]{3,300}?)\s*==+")
#: Where a run-together line changes from one field to the next: another script, a
#: bullet, an author marker, a separator.
_SEGMENT_BREAK_RE = re.compile(r"\s*(?:[*•·|;◽]+|\s-\s|,\s)\s*")
_FOOTNOTE_TAIL_RE = re.compile(r"[\s*†‡§¹²³]+$")
_METADATA_SHAPE_RE = re.compile(
    r"https?://|www\.|@|\bdoi\b|\bissn\b|\bvol\.?\s*\d|\bpp\.|\bno\.\s*\d|©|\(c\)|"
    r"\b(?:received|accepted|published|available online)\s*(?::|\d|online\b)|\bcopyright\b",
    re.IGNORECASE,
)
#: A journal's name: "Journal of Documentation", "Annals of Botany", "Ecology Letters".
_JOURNAL_NAME_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:journal|proceedings|annals|bulletin|transactions|"
    r"archives)\s+(?:of|for|on|in)\b|^(?:\S+\s+){0,3}(?:journal|quarterly|letters|advances)\s*$",
    re.IGNORECASE,
)
#: "Journal: …", "Publisher : …", "Subject = …": a record field, not a title.
_KEY_LABEL_RE = re.compile(
    r"^(?:journal|publisher|source|subject|series|section|category|collection|in|"
    r"published in|research area|type|keywords?|abbr)\s*[:=]",
    re.IGNORECASE,
)
_NOT_A_TITLE_START_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s|[IVX]+\.\s|…|\.\.\.)")
_NAME_RE = re.compile(r"^(?:[A-Z][\w'.-]*\s?){2,4}$")
_SMALL_WORDS = TITLE_SMALL_WORDS | frozenset(
    ["is", "are", "was", "were", "this", "that", "its", "their", "our"]
)


@dataclass(frozen=True)
class PageTitle:
    text: str  # the title as the page shows it, tidied
    # The lines it came from (not reported as removed: they are the title).
    sources: tuple[str, ...]


def _stem(word: str) -> str:
    return word.casefold()[:_STEM_LETTERS]


def _caseless(word: str) -> bool:
    return not any(c.isupper() or c.islower() for c in word)


#: Authors run on after a title on one line: "… a stakeholder evaluation Barbara Jack,
#: Jackie Oldham, Anne Williams" (two names or more, after a lower-case word).
_AUTHORS_TAIL_RE = re.compile(
    r"(?<=[a-z)])\s+(?:[A-Z][a-z'\u2019-]+(?:\s+[A-Z]\.)*\s+[A-Z][A-Za-z'\u2019-]+"
    r"(?:\s*,\s*|\s+and\s+|\s*$)){2,}$"
)


def _names_only(match: re.Match[str]) -> str:
    """The run of capitalised words is cut only when it reads as names: no function word
    among them ("… Between News Practitioners and Their Audiences" is the title's end)."""
    words = re.findall(r"[A-Za-z'\u2019-]+", match.group())
    if any(w.lower() in STOPWORDS for w in words if w != "and"):
        return match.group()
    before = re.findall(r"[A-Za-z'\u2019-]+", match.string[: match.start()])
    if before and before[-1].lower() in STOPWORDS:
        return match.group()  # "… X-Net with Learnable Neurons and Adaptable Structure"
    return ""


_BULLETS = "\u2022\u00b7\u25aa\u2023\u25e6\u2043*-\u2013\u2014>"
#: A footnote number glued to a title's last word: "… as a Global Process1".
_GLUED_NOTE_RE = re.compile(r"(?<=[a-z]{3})\d{1,2}$")


#: A citation's authors before the title: "Yi, Oh, Do, Yoo, and Kim: A retrospective study
#: …", "Berg et al.: …" (three names or more, or "et al.", then a colon).
_AUTHORS_HEAD_RE = re.compile(
    r"^(?:[A-Z][\w'\u2019-]+,\s*){2,}(?:and\s+)?[A-Z][\w'\u2019-]+:\s+(?=[A-Z])|"
    r"^[A-Z][\w'\u2019-]+\s+et al\.?:\s+(?=[A-Z])"
)


def _tidy(text: str) -> str:
    text = text.strip().strip("=[]{}").strip()
    text = _FOOTNOTE_TAIL_RE.sub("", text)
    text = _AUTHORS_TAIL_RE.sub(_names_only, text)
    text = _GLUED_NOTE_RE.sub("", text)
    text = _AUTHORS_HEAD_RE.sub("", text)
    text = _ARTICLE_TYPE_RE.sub("", text)
    text = _ARTICLE_TYPE_TAIL_RE.sub("", text)
    return " ".join(text.split()).rstrip(_TRAILING_JUNK.replace("-", ""))


#: The journal's label for the kind of article, glued before its title: "Original Article
#: Frequency of Refraction Errors …".
_ARTICLE_TYPE_RE = re.compile(
    r"^(?:original|research|review|brief|short|full)\s+(?:article|paper|report|"
    r"communication|research)\s+(?=[A-Z])|^(?:case\s+report|editorial|commentary)\s+(?=[A-Z])",
    re.IGNORECASE,
)


#: The site's label for the kind of article, after its title: "… in everyday life Academic
#: research paper on "Sociology"".
_ARTICLE_TYPE_TAIL_RE = re.compile(
    r"\s+(?:academic\s+|scholarly\s+|scientific\s+)?(?:research\s+)?(?:paper|article)\s+on\s+"
    r"(?:topic\s+)?[\"\u201c'][^\"\u201d']+[\"\u201d']$",
    re.IGNORECASE,
)


def _shape_ok(text: str, common_stems: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` has a title's shape; ``common_stems`` are the stems of words the
    abstract writes in lower case (a name it would capitalise)."""
    words = text.split()
    if not MIN_PAGE_TITLE_WORDS <= len(words) <= MAX_PAGE_TITLE_WORDS:
        return False
    if _METADATA_SHAPE_RE.search(text) or _KEY_LABEL_RE.match(text):
        return False
    if len(words) <= 8 and ":" not in text and _JOURNAL_NAME_RE.search(text):
        return False  # the journal's name ("Journal of Documentation", "Ecology Letters")
    if text.endswith(".") and not text.endswith("...") and has_finite(text):
        return False  # a sentence; a title may end with a period (PubMed's do), a verbless one
    if _NOT_A_TITLE_START_RE.match(text):
        return False  # a section number ("3. Study area") or a snippet ("… we argue")
    if text[:1] in _BULLETS:
        return False  # an item of a list: a keyword ("• media industries"), a link
    if text[:1].islower() and not text[1:2].isupper():
        return False  # the second line of a wrapped title ("a Global Process"), not all of it
    letters = sum(c.isalpha() for c in text)
    # years are a title's words ("… in Britain, 1850-1913"); other digits are a record's
    digits = sum(c.isdigit() for c in re.sub(r"\b(?:1[5-9]|20)\d\d\b", "", text))
    if letters < 8 or digits * 4 > letters:
        return False
    # "Allen S. Whiting", "Sin Wang Chong, Luke Plonsky": names, not a title; but "Credit
    # Smoothing" names what the abstract speaks of in lower case, a short title.
    lowered = [w for w in words if w[:1].islower()]
    if not lowered and (_NAME_RE.match(text) or "," in text):
        return any(w.lower() in _SMALL_WORDS for w in words) or (
            "," not in text and all(_stem(w.lower()) in common_stems for w in words)
        )
    return True


@lru_cache(maxsize=4096)
def _weight(word: str) -> float:
    """How much a shared word says: rare words much, common ones ("research") little."""
    return max(MIN_WORD_WEIGHT, RARE_WORD_ZIPF - zipf_frequency(word.casefold(), "en"))


def _overlap(text: str, abstract_stems: set[str], abstract: str) -> tuple[int, int, float]:
    """How many of the candidate's content words the abstract uses, of how many, and
    the share of their weight (see :func:`_weight`) that the shared ones carry."""
    words = [w for w in _WORD_RE.findall(text) if w.lower() not in _SMALL_WORDS and len(w) > 1]
    words = [w for w in words if not w.isdigit()]
    matched, weight, total_weight = 0, 0.0, 0.0
    for word in words:
        if _caseless(word):
            found = word in abstract or (word[:-1] in abstract and len(word) > 2)
        else:
            found = _stem(word) in abstract_stems
        total_weight += _weight(word)
        if found:
            matched += 1
            weight += _weight(word)
    return matched, len(words), weight / total_weight if total_weight else 0.0


def _candidates(paragraph: str, whole: bool) -> list[tuple[str, str]]:
    """Title candidates in a paragraph, each with its source: explicit title fields
    ("field"); the title of a citation of the article ("citation"); when ``whole``, the
    paragraph itself ("line"), the value of a "Label: value" line and the paragraph's
    segments ("segment": one field of the page each, for lines that run several
    together)."""
    found = [(m.group(1), FIELD) for m in _TITLE_FIELD_RE.finditer(paragraph)]
    found += [(m.group(1), FIELD) for m in _WIKI_HEADING_RE.finditer(paragraph)]
    found += [(m.group("title"), CITATION) for m in _CITATION_RE.finditer(paragraph)]
    if not whole:
        return found
    found.append((paragraph, LINE))
    labelled = _LABELLED_RE.match(paragraph)
    if labelled:
        found.append((labelled.group(1), SEGMENT))
    if len(paragraph.split()) > MIN_SEGMENTED_WORDS:
        found += [(segment, SEGMENT) for segment in _segments(paragraph)]
    return found


def _segments(paragraph: str) -> list[str]:
    pieces: list[str] = []
    for piece in _SEGMENT_BREAK_RE.split(paragraph):
        # Split where the script changes ("…연구 A Study of …").
        current: list[str] = []
        for word in piece.split():
            if current and _caseless(word) != _caseless(current[-1]):
                pieces.append(" ".join(current))
                current = []
            current.append(word)
        if current:
            pieces.append(" ".join(current))
    # A title run straight into its authors ("… in a Shipyard Ju-Yong Park*, …"): the
    # last two capitalised words before an author marker are a name.
    out = []
    for piece in pieces:
        out.append(piece)
        marker = paragraph.find(piece + "*")
        words = piece.split()
        if marker >= 0 and len(words) > 4 and all(w[:1].isupper() for w in words[-2:]):
            out.append(" ".join(words[:-2]))
    return out


FIELD, CITATION, LINE, SEGMENT = "field", "citation", "line", "segment"
#: Which candidates are preferred when several qualify: a title field says what it is; a
#: whole line (or the title part of a citation) is more likely the title than a piece
#: cut out of a longer line.
_SOURCE_RANK = {FIELD: 2, CITATION: 1, LINE: 1, SEGMENT: 0}
#: "Hartley, R., Okafor, C. (2021) Pit alignments and field systems. Journal of …".
_CITATION_RE = re.compile(
    r"\((?:1[5-9]|20)\d\d[a-z]?\)[.,]?\s+(?P<title>[A-Z][^.?!]{10,300}[?!]?)(?=\.\s|\.?$)"
)
#: "Description in English: THE IMPACT OF …": a short label, then the value.
_LABELLED_RE = re.compile(r"^[^:]{1,40}:\s*(\S.{10,})$")


def _qualifies(matched: int, total: int, share: float, source: str, sole: bool) -> bool:
    """Enough of the candidate is about the abstract.

    A title field, or the only line above the abstract (a clean paste: title, then
    abstract), needs one shared word; anything else needs two and half its weight.
    """
    if total == 0 or matched < 1:
        return False
    if source == FIELD or sole:
        return True
    return matched >= min(2, total) and share >= MIN_TITLE_OVERLAP


def page_title(
    paragraphs: list[tuple[int, str, bool]],
    abstract: str,
    block_start: int,
    *,
    page_matter: Callable[[str], bool],
    byline: Callable[[str], bool] = lambda line: False,
) -> PageTitle | None:
    """The article's title among the page's other lines, or None.

    ``paragraphs`` holds (position, text, whole): whole lines may be the title
    themselves; the others are only searched for title fields. ``page_matter`` says
    which lines are navigation or metadata, never a title.

    A candidate qualifies by sharing words with the abstract (the title names what the
    abstract is about; a site header, a journal line or an author does not), weighted
    by how rare each word is. Of those that qualify, a title field beats a whole line,
    which beats a segment of one; then one above the abstract beats one below it (a
    reference, a related article); then the larger share; then the nearest above the
    abstract.
    """
    stems = {_stem(w) for w in _WORD_RE.findall(abstract) if not _caseless(w)}
    line_at = {index: text for index, text, _ in paragraphs}
    common_stems = frozenset(_stem(w) for w in _WORD_RE.findall(abstract) if w.islower())
    found: list[tuple[tuple[int, bool, bool, float, int], PageTitle]] = []
    for index, paragraph, whole, sources in _with_wrapped(paragraphs):
        if len(sources) > 1 and any(page_matter(line) for line in sources):
            continue  # "Text Only Version" above the title is the page's, not the title's
        for candidate, source in _candidates(paragraph, whole):
            text = _tidy(candidate)
            if source == LINE and text[:1] in _BULLETS and 0 < block_start - index <= 2:
                # A repository's listing: "• Meaning in Life …", its byline, the abstract.
                text = text[1:].lstrip()
            if not _shape_ok(text, common_stems) or (
                source in (LINE, SEGMENT) and page_matter(text)
            ):
                continue
            matched, total, share = _overlap(text, stems, abstract)
            # The line right above the authors or the date, above the abstract: where pages
            # put the title, which may name the study more than its findings ("On the Robustness
            # of Minimum Wage Effects: …").
            over_byline = (
                source == LINE
                and len(sources) == 1
                and index + 1 < block_start
                and byline(line_at.get(index + 1, ""))
                and share >= BYLINE_TITLE_OVERLAP
            )
            if not over_byline and not _qualifies(
                matched, total, share, source, index == 0 == block_start - 1
            ):
                continue
            distance = block_start - index if index < block_start else 1000 + index
            # A page showing the title twice, once in capitals: the one as written.
            # A line above the abstract beats one below it (a reference, a related article).
            above = index < block_start
            key = (_SOURCE_RANK[source], above, not text.isupper(), round(share, 2), -distance)
            found.append((key, PageTitle(text=text, sources=sources)))
    if not found:
        return None
    best_key, best = max(found, key=lambda item: item[0])
    # A title wrapped over two lines: the joined lines, about as much about the abstract
    # as the better of the two alone, are the title.
    for key, title in found:
        if (
            len(title.sources) == 2
            and set(best.sources) < set(title.sources)
            and key[:3] == best_key[:3]
            and key[3] >= best_key[3] - WRAPPED_TITLE_SHARE_SLACK
        ):
            best = title
            break
    return PageTitle(text=from_capitals(best.text), sources=best.sources)


def from_capitals(text: str) -> str:
    """A title a page shows only in capitals, in title case: "THE ORIGINAL SCENARIO OF
    VERDI'S I DUE FOSCARI" -> "The Original Scenario of Verdi's I Due Foscari". Words
    without a vowel ("BMC", "PCD") and Roman numerals stay as they are."""
    if not text.isupper():
        return text

    def word(w: str) -> str:
        letters = re.sub(r"[^A-Z]", "", w)
        if letters and (
            not re.search(r"[AEIOUY]", letters) or re.fullmatch(r"[IVXL]{2,}", letters)
        ):
            return w
        return w.lower()

    return title_case(" ".join(word(w) for w in text.split()))


def _with_wrapped(
    paragraphs: list[tuple[int, str, bool]],
) -> list[tuple[int, str, bool, tuple[str, ...]]]:
    """The lines, and two adjacent lines joined where a title wraps onto the next line
    ("… Domestic Service:" / "Rethinking …", "… in the Late" / "Piano Sonatas …")."""
    paragraphs = [p for p in paragraphs if not PROGRAMME_HEADING_RE.match(p[1])]
    out: list[tuple[int, str, bool, tuple[str, ...]]] = [
        (index, text, whole, (text,)) for index, text, whole in paragraphs
    ]
    for (i, first, whole_a), (j, second, whole_b) in pairwise(paragraphs):
        if j == i + 1 and whole_a and whole_b and _wraps(first, second):
            out.append((i, f"{first} {second}", True, (first, second)))
    return out


def _wraps(first: str, second: str) -> bool:
    if _SENTENCE_END.search(first) or len((first + " " + second).split()) > MAX_PAGE_TITLE_WORDS:
        return False
    if first.isupper() != second.isupper():
        return False  # a title in capitals and the authors' line under it
    if len(second.split()) == 1 and "-" in second and second[:1].islower():
        return False  # a page's label under the title ("research-article"), not its end
    last = first.split()[-1].casefold()
    if first.endswith(":") or last in TITLE_SMALL_WORDS or second[:1].islower():
        return True
    return _title_cased(first) and _title_cased(second)


def _title_cased(text: str) -> bool:
    words = [w for w in _WORD_RE.findall(text) if w.casefold() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)
