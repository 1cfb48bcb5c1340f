"""What sort of thing a term names, read from the term's own form and the text's cues.

A distractor is fair only when it is the key's kind: a period against a period,
a faction against a faction, a policy against a policy (AUDIT.md, "fair
distractors"). Nothing here knows any field: the cues are general English ones,
in this order, most telling first:

1. the term's form: a number with a unit or a percent is a quantity; a year, a
   decade, a range, a month or a century is a period; a title ("Dr", "President")
   opens a person's name;
2. its head noun (the last word before "of"): one small table of heads per kind
   below, then suffixes (plural "-ists"/"-ians" are groups of people; "-tion",
   "-ment", "-ism", "-ization" and gerunds are processes);
3. an acronym takes the kind of its expansion when the text spells it out
   ("FFYP" = "First Five-Year Plan", a plan);
4. the text around it: "the era of X" makes X a period, "X leadership" a group,
   "X analysis" a process, "in X" a capitalised X a place; a capitalised name of
   two or three rare words with no other cue is a person ("Leo van Rossum").

Everything else is a concept. The answer is a best guess, cached per text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from wordfreq import zipf_frequency

from .tokens import is_acronym

Kind = Literal["person", "group", "place", "period", "event", "process", "quantity", "concept"]
KINDS: tuple[Kind, ...] = (
    "person",
    "group",
    "place",
    "period",
    "event",
    "process",
    "quantity",
    "concept",
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- the tables: head nouns (singular, lower case) that settle a kind --------------------
# Heads rather than whole terms: "Right opposition", "Stalin group" and "Chinese
# Communist Party" are groups because of their last word, whatever the field.

#: Organisations, factions and bodies of people.
GROUP_HEADS = _set("""
    party group union committee university institute ministry opposition leadership faction
    government council association organization organisation company corporation agency
    board bank court army church league federation corps panel team parliament congress
    assembly bureau commission department administration coalition delegation
    alliance club firm school college academy library museum archive hospital clinic
    staff elite class bloc clique leader member worker people employee employer student
    participant respondent patient expert author scholar researcher teacher learner user
    consumer voter peasant farmer soldier officer manager owner official citizen resident
    child woman man public population generation family household community bureaucracy
    """)

#: Heads that name a body only in a capitalised name ("the Ford Foundation", but "a
#: firm foundation"; "the Royal Society", but "class society").
CAPITALISED_GROUP_HEADS = _set("foundation society front wing camp")

#: Places, natural and administrative.
PLACE_HEADS = _set("""
    city river mountain lake sea ocean island valley province county region district
    country continent hemisphere coast bay gulf peninsula desert village town capital
    territory street square basin strait shelf latitude border frontier nation station
    location site
    """)

#: The continents: a capitalised name ending in one is a place ("South America", "East Asia").
CONTINENT_HEADS = _set("america americas asia africa europe oceania antarctica australasia")

#: Heads of a capitalised name that is a polity: a group, or a place when the text says "in X".
POLITY_HEADS = _set("union republic kingdom state empire federation")

#: Stretches of time.
PERIOD_HEADS = _set("""
    era period epoch century decade quarter dynasty reign year month week season
    spring summer autumn winter semester interwar
    """)

#: Things that happen once.
EVENT_HEADS = _set("""
    war crisis revolution struggle election strike uprising rebellion revolt battle conflict
    massacre riot protest coup invasion disaster earthquake flood famine pandemic epidemic
    outbreak collapse crash summit conference meeting event shift upheaval boom recession
    depression accident attack incident
    """)

#: Policies, programmes, methods and procedures.
PROCESS_HEADS = _set("""
    policy plan campaign movement reform purge competition program programme strategy
    approach method technique procedure process project initiative scheme analysis
    therapy treatment training law act bill rule regulation review survey synthesis
    measure intervention trial test experiment mining
    """)

#: Words with a process suffix that name a thing, a body or a place instead.
NOT_PROCESS = _set("""
    information question notion condition definition function position relation tradition
    section emotion intention attention dimension proportion equation fraction portion
    mention nutrition ambition caution edition motion option potion ration solution
    element document instrument argument statement moment segment comment sentiment
    equipment apartment fragment supplement compartment monument environment
    foundation mechanism organism prism thing string spring king ring wing evening morning ceiling
    nothing something anything everything building sibling darling pudding wedding
    """)

#: Titles and honorifics that open a person's name.
TITLES = _set("""
    dr mr mrs ms miss prof professor sir dame lord lady king queen president chairman
    general colonel captain saint st rev reverend pope emperor tsar czar prince princess
    duke chancellor premier senator governor judge
    """)

#: Name particles that stay lower case inside a person's name ("Leo van Rossum").
NAME_PARTICLES = _set("van von de da di del della der den la le du bin ibn al y dos das")

#: Verbs that only a person does, right after a name ("Marx argued", "Smith and I").
PERSON_VERBS = _set("""
    argued argues said says wrote writes claimed claims published publishes noted notes
    proposed proposes believed believes insisted insists suggested suggests died was_born
    """)

_NUMBER_WORDS = _set("""
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion dozen dozens hundreds thousands millions
    half
    """)
_MONTHS = _set("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)
_DECADE_WORDS = _set("twenties thirties forties fifties sixties seventies eighties nineties")
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_PERIOD_RE = re.compile(
    rf"^(?:(?:c\.|ca\.|circa|early|mid|late|the|between|from|since|until|before|after)[\s-]+)*"
    rf"(?:{_YEAR}s?|'\d0s|\d0s)"
    rf"(?:\s*(?:[-\u2013\u2014~/]|to|and)\s*(?:{_YEAR}s?|\d\d))?$",
    re.IGNORECASE,
)
_QUANTITY_RE = re.compile(
    r"^(?:[<>\u2264\u2265~\u00b1\u2248]\s*)?\d[\d,.]*\s*(?:%|\u2030|percent\b|per cent\b)", re.I
)
_NUMBER_RE = re.compile(r"^[<>\u2264\u2265~\u00b1\u2248]?\d[\d,.]*(?:[-\u2013]\d[\d,.]*)?$")
_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PREPOSITION_HEAD_CUT = _set("of for in on at to from with by among between during")
#: Prepositions before a place name ("in Korea"); "to" and "from" take people too.
_PLACE_PREPOSITIONS = _set("in at across throughout within")
_PERIOD_CONTEXT = _set("era period age epoch years days time")
#: Suffixes of words that are adjectives, not heads ("Korean", "political").
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ful", "able", "ible", "ary", "ese", "ish")


def term_kind(term: str, sentences: list[str]) -> Kind:
    """The kind of thing ``term`` names, from its form and the cues of ``sentences``."""
    return _term_kind(term.strip(), tuple(sentences))


def compatible(a: Kind, b: Kind) -> float:
    """How badly two kinds clash as key and distractor: 0 (same or interchangeable) to 1.

    Some borders are soft: a concept and a process are often the same word
    ("competition"), a campaign can be an event, a person heads a group.
    """
    if a == b:
        return 0.0
    pair = frozenset((a, b))
    if pair in _SOFT_PAIRS:
        return 0.25
    if "concept" in pair:
        return 0.6  # "concept" is the fallback: a guess, so a weaker clash
    return 1.0


_SOFT_PAIRS = frozenset(
    {
        frozenset(("concept", "process")),
        frozenset(("event", "process")),
        frozenset(("person", "group")),
        frozenset(("period", "event")),
        frozenset(("place", "group")),
    }
)


# --- the classifier ----------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _term_kind(term: str, sentences: tuple[str, ...]) -> Kind:
    plain = _LEADING_ARTICLE_RE.sub("", term.strip(" \t\"'\u201c\u201d\u2018\u2019.,;:()"))
    words = _WORD_RE.findall(plain)
    if not words:
        return "concept"
    form = _kind_by_form(plain, words)
    if form:
        return form
    if len(words) == 1 and is_acronym(words[0]):
        expansion = _expansion(words[0], sentences)
        if expansion:
            kind = _kind_by_form(expansion, _WORD_RE.findall(expansion))
            kind = kind or _kind_by_head(expansion, _WORD_RE.findall(expansion), sentences)
            if kind:
                return kind
        return _kind_by_context(words[0], sentences) or "concept"
    return (
        _kind_by_head(plain, words, sentences)
        or _kind_by_context(plain, sentences)
        or _kind_by_title(words)
        or _kind_by_name(words)
        or "concept"
    )


def _kind_by_form(plain: str, words: list[str]) -> Kind | None:
    """Numbers, dates and titled names, recognisable without the text."""
    lower = [w.lower() for w in words]
    if _QUANTITY_RE.match(plain):
        return "quantity"
    if _PERIOD_RE.match(plain):
        return "period"
    months_and_days = all(w in _MONTHS or w.isdigit() for w in lower)
    if words[0][0].isupper() and lower[0] in _MONTHS and len(words) <= 3 and months_and_days:
        return "period"  # "December", "April 1954"
    if lower[-1] in _DECADE_WORDS:
        return "period"
    if "century" in lower or "centuries" in lower:
        return "period"
    if _NUMBER_RE.match(plain):
        return "quantity"
    year_first = re.fullmatch(_YEAR, lower[0]) is not None  # "the 1995 earthquake"
    if (lower[0].isdigit() or lower[0] in _NUMBER_WORDS) and len(words) > 1 and not year_first:
        # "244 undergraduate students", "eighteen months": a count of something
        return "quantity"
    return None


def _kind_by_title(words: list[str]) -> Kind | None:
    """A title before a capitalised word: "Dr Smith", "President Lincoln"."""
    if words[0].lower().rstrip(".") in TITLES and len(words) >= 2 and words[1][:1].isupper():
        return "person"
    return None


def head_word(words: list[str]) -> str:
    """The head of a noun phrase: its last word before "of"/"for"/... ("era of NEP" -> "era")."""
    for i, word in enumerate(words):
        if i and word.lower() in _PREPOSITION_HEAD_CUT:
            return words[i - 1]
        if i and word.lower() in ("and", "or"):
            return words[i - 1]  # "socialist competition and the shock work movement"
    return words[-1]


def _kind_by_head(plain: str, words: list[str], sentences: tuple[str, ...]) -> Kind | None:
    head = head_word(words)
    lower = head.lower()
    capitalised = head[:1].isupper()
    candidates = {lower, _singular_noun(lower)}
    if candidates & POLITY_HEADS and capitalised and len(words) > 1:
        return "place" if _after_place_preposition(plain, sentences) else "group"
    if candidates & PERIOD_HEADS or (lower == "age" and capitalised):
        return "period"
    if candidates & EVENT_HEADS:
        return "event"
    if candidates & GROUP_HEADS or (capitalised and candidates & CAPITALISED_GROUP_HEADS):
        return "group"
    if candidates & PLACE_HEADS or (capitalised and candidates & CONTINENT_HEADS):
        return "place"
    if candidates & PROCESS_HEADS:
        return "process"
    if candidates & NOT_PROCESS or lower.endswith("ics"):
        return "concept"  # "information", "mechanism", "linguistics": settled, not a process
    if lower.endswith(("ists", "ians")) and len(lower) > 7:
        return "group"  # "Stalinists", "historians", "archivists": the people of a doctrine
    if lower.endswith(("tion", "tions", "sion", "sions", "ment", "ments", "ism", "isms")):
        return "process"
    if lower.endswith("ing") and len(lower) > 5 and not head[:1].isupper():
        return "process"  # "welding", "scheduling", "text mining"
    return None


def _singular_noun(word: str) -> str:
    """A real singular for table look-ups ("committees" -> "committee", "policies" -> "policy")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word == "children":
        return "child"
    if word == "people":
        return "people"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=64)
def _joined(sentences: tuple[str, ...]) -> str:
    """The text as one string, sentences kept apart so no cue crosses them."""
    return " \n ".join(s.replace("\u2019", "'") for s in sentences)


def _occurrences(term: str, sentences: tuple[str, ...]) -> list[tuple[str, str]]:
    """(left context, right context) of each mention of ``term``, a few words each."""
    text = _joined(sentences)
    flags = 0 if term[:1].isupper() else re.IGNORECASE
    pattern = re.compile(
        r"(?<![\w-])" + re.escape(term.replace("\u2019", "'")) + r"(?:s|es)?(?![\w-])", flags
    )
    found = []
    for match in pattern.finditer(text):
        left = text[max(0, match.start() - 40) : match.start()].split("\n")[-1]
        right = text[match.end() : match.end() + 40].split("\n")[0]
        found.append((left, right))
    return found


#: What follows a name to say where it lies or what sort of place it is: "X is part of a
#: chain of volcanic islands", "X lies east of …", "X is a town in …".
_WHERE_IT_LIES_RE = re.compile(
    r"\s+(?:is|was|lies|lay)\s+(?:located\b|situated\b|(?:\w+ly\s+)?(?:north|south|east|west)|"
    r"part\s+of\s+(?:a|an|the)\b[^.;]{0,60}?\b(?:islands?|archipelago|chain|range|mountains|"
    r"region|province|basin|valley|coast)\b|(?:a|an)\s+(?:\w+\s+)?(?:island|town|city|"
    r"village|region|province|county|district|river|lake|valley|peninsula|port|municipality)\b)",
    re.IGNORECASE,
)


def _after_place_preposition(term: str, sentences: tuple[str, ...]) -> bool:
    for left, _ in _occurrences(term, sentences):
        before = left.lower().split()[-2:]
        if before and (
            before[-1] in _PLACE_PREPOSITIONS
            or (before[-1] == "the" and len(before) == 2 and before[0] in _PLACE_PREPOSITIONS)
        ):
            return True
    return False


def _kind_by_context(term: str, sentences: tuple[str, ...]) -> Kind | None:
    """Cues around the mentions: "era of X", "X leadership", "in X", "Dr X", "X argued"."""
    words = _WORD_RE.findall(term)
    capitalised = (
        bool(words) and words[-1][:1].isupper()
    )  # a name, not "Northern Hemisphere climate"
    votes: dict[Kind, int] = {}
    for left, right in _occurrences(term, sentences):
        before = left.lower().replace(",", " ").split()[-2:]
        after = right.split()[:2]
        after_word = after[0].strip(".,;:()").lower() if after else ""
        if len(before) == 2 and before[1] == "of" and before[0] in _PERIOD_CONTEXT:
            votes["period"] = votes.get("period", 0) + 2  # "the era of NEP"
        if after_word in _PERIOD_CONTEXT - {"time", "days"} and right[:1] == " ":
            votes["period"] = votes.get("period", 0) + 2  # "the NEP era"
        follower = _kind_of_head_word(after_word) if after_word else None
        if follower in ("group", "process", "event", "period") and right[:1] == " ":
            votes[follower] = votes.get(follower, 0) + 1  # "VTsSPS leadership", "CONCOR analysis"
        if capitalised and before and before[-1].rstrip(".") in TITLES:
            votes["person"] = votes.get("person", 0) + 3
        if capitalised and (
            after_word in PERSON_VERBS or (after_word == "and" and right.split()[1:2] == ["I"])
        ):
            votes["person"] = votes.get("person", 0) + 2
        if capitalised and before and before[-1] in _PLACE_PREPOSITIONS:
            votes["place"] = votes.get("place", 0) + 1  # "in Korea"
        elif capitalised and before[-1:] == ["the"] and before[0] in _PLACE_PREPOSITIONS:
            votes["place"] = votes.get("place", 0) + 1  # "in the UK"
        if capitalised and _WHERE_IT_LIES_RE.match(right):
            votes["place"] = votes.get("place", 0) + 2  # "Ambittle is part of a chain of islands"
    if not votes:
        return None
    best = max(votes.items(), key=lambda item: (item[1], item[0]))
    return best[0]


@lru_cache(maxsize=4096)
def _kind_of_head_word(word: str) -> Kind | None:
    if not word.isalpha():
        return None
    return _kind_by_head(word, [word], ())


def _kind_by_name(words: list[str]) -> Kind | None:
    """Two to four capitalised words, the last of them rare, and no head of any kind:
    a person's name ("Leo van Rossum", "Ron Suny"), not "Northern Hemisphere climate"."""
    if not 2 <= len(words) <= 4:
        return None
    names = [w for w in words if w.lower() not in NAME_PARTICLES]
    if len(names) < 2 or not all(w[:1].isupper() and w[1:].islower() for w in names):
        return None
    last = names[-1].lower()
    if last.endswith(_ADJECTIVE_ENDINGS) or _zipf(last) >= 3.5:
        return None
    if any(w.lower().endswith(("an", "ese", "ish")) and _zipf(w) >= 3.0 for w in names[:-1]):
        return None  # "Korean Wave": a nationality adjective opens a thing's name
    return "person"


@lru_cache(maxsize=16384)
def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


@lru_cache(maxsize=1024)
def _expansion(acronym: str, sentences: tuple[str, ...]) -> str:
    """The words the acronym abbreviates, where the text spells them out, else ""."""
    letters = [c.lower() for c in acronym if c.isupper()]
    if len(letters) < 2:
        return ""
    for sentence in sentences:
        words = _WORD_RE.findall(sentence)
        for start in range(len(words)):
            found = _match_initials(words, start, letters)
            if found:
                return found
    return ""


def _match_initials(words: list[str], start: int, letters: list[str]) -> str:
    """Words from ``start`` whose initials (hyphen pieces too) spell ``letters``."""
    if words[start][:1].lower() != letters[0]:
        return ""
    taken: list[str] = []
    i = 0
    for word in words[start:]:
        pieces = [p for p in word.split("-") if p]
        initials = [p[0].lower() for p in pieces]
        if initials == letters[i : i + len(initials)]:
            taken.append(word)
            i += len(initials)
        elif word.lower() in ("of", "and", "the", "for", "in", "on") and taken:
            taken.append(word)
            continue
        else:
            return ""
        if i == len(letters):
            return " ".join(taken)
    return ""
