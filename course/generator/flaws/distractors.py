"""Checks on the distractors against the text: kind, duplication, length, count."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from ..kinds import Kind, compatible, term_kind
from ..lexicon import STOPWORDS
from .directions import direction_words
from .item import FINITE_AUX, Item, finite_at
from .model import CHOICE_TYPES, Flaw, make_flaw, word_set
from .words import (
    ADJECTIVE_NOUN_ENDINGS,
    content_units,
    derived_forms,
    quote_of,
    units_of,
    words_of,
    zipf_of,
)

# --- fair distractors --------------------------------------------------------------------


def kind_clash(
    key: str, others: list[str], item: Item
) -> tuple[Kind, list[tuple[str, Kind]], float] | None:
    """(key kind, [(option, kind)], severity) for options of another kind than the key."""
    sentences = list(item.text.sentences)
    key_kind = term_kind(key, sentences)
    clashes = []
    worst = 0.0
    for other in others:
        kind = term_kind(other, sentences)
        clash = compatible(key_kind, kind)
        if clash >= 0.5:
            clashes.append((other, kind))
            worst = max(worst, clash)
    if not clashes:
        return None
    # most distractors of another kind: a likely failure; one odd one out: a weaker signal
    share = len(clashes) / len(others)
    severity = 0.6 * worst if share >= 0.5 else 0.35 * worst
    return key_kind, clashes, severity + (0.1 if share == 1 and len(others) > 1 else 0.0)


def _is_term(option: str) -> bool:
    """A noun phrase, not a clause: short, with no auxiliary and no clear finite verb."""
    words = [w.lower() for w in words_of(option)]
    if not 0 < len(words) <= 6 or set(words) & FINITE_AUX:
        return False
    return len(words) < 4 or not any(finite_at(words, i) for i in range(len(words)))


def check_kinds(item: Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or not item.distractors:
        return
    if not all(_is_term(o) for o in item.options):
        return  # clauses: their kind is their relation to the stem, not a head noun
    sentences = list(item.text.sentences)
    key_kinds = {term_kind(k, sentences) for k in item.keys}
    results = [kind_clash(k, item.distractors, item) for k in item.keys]
    found = [r for r in results if r]
    if len(found) < len(results) or not found:
        return  # a distractor shares the kind of some key
    key_kind, clashes, severity = max(found, key=lambda r: r[2])
    if any(kind in key_kinds for _, kind in clashes):
        return
    named = "; ".join(f"{quote_of(o)} is a {kind}" for o, kind in clashes[:3])
    yield make_flaw(
        "kind-mismatch",
        f"The key is a {key_kind} but {named}: use distractors of the key's kind.",
        severity,
    )


def _root_units(units: Iterable[str]) -> set[str]:
    """Rare words cut to six letters: "cadastre" and "cadastral" share a root, while
    everyday words keep theirs ("product" is not "productivity")."""
    return {u[:6] if len(u) >= 7 and zipf_of(u) < 4.0 else u for u in content_units(units)}


#: Words for one change that options often use as if they differed ("It rises", "It
#: increases"). Each maps to the first of its group.
_SAME_CHANGE = {
    word: group[0]
    for group in (
        ("rise", "increase", "grow", "climb", "go up", "goes up", "risen", "rose"),
        ("fall", "decrease", "decline", "drop", "go down", "goes down", "shrink", "fell"),
        (
            "stay the same",
            "remain the same",
            "remain unchanged",
            "stay unchanged",
            "remain constant",
            "stay constant",
            "not change",
            "unchanged",
        ),
    )
    for word in group
}
_CHANGE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _SAME_CHANGE), key=len, reverse=True)) + r")\b"
)


def _synonyms(text: str) -> tuple[str, ...]:
    """The option's words, lower case, with the words for one change made one word."""
    text = _CHANGE_RE.sub(lambda m: _SAME_CHANGE[m.group()], " ".join(words_of(text.lower())))
    out = []
    for word in text.split():
        forms = (word, word[:-1], word[:-2], word[:-3] + "y")  # rises, increases, grew...
        out.append(next((_SAME_CHANGE[f] for f in forms if f in _SAME_CHANGE), word))
    return tuple(out)


_INITIAL_LINKS = word_set("of and the for in on a an to")


def _initials_of(short: str, long: str) -> bool:
    """A word of ``short`` spells the initials of ``long``: "The ICC in The Hague" and
    "International Criminal Court"."""
    pieces = [p for w in words_of(long) for p in w.split("-") if p]
    initials = "".join(p[0] for p in pieces if p.lower() not in _INITIAL_LINKS).upper()
    return len(initials) >= 2 and any(
        w.isupper() and w.isalpha() and w == initials for w in words_of(short)
    )


def _same_person(a: str, b: str) -> bool:
    """ "Jean-Jacques Rousseau" and "J.-J. Rousseau": one surname, the same initials."""
    wa, wb = words_of(a), words_of(b)
    if len(wa) < 2 or len(wb) < 2 or wa == wb or wa[-1] != wb[-1] or not wa[-1][0].isupper():
        return False

    def initials(words: tuple[str, ...]) -> str:
        return "".join(part[0] for w in words[:-1] for part in re.split(r"[-.]", w) if part)

    ia, ib = initials(wa), initials(wb)
    return bool(ia) and ia.upper() == ib.upper() and min(len(w) for w in (*wa[:-1], *wb[:-1])) <= 2


def _word_forms(a: str, b: str) -> bool:
    """The singular and the plural of one word: "mitochondrion" and "mitochondria",
    "analysis" and "analyses" (not two tenses: "comprar\u00e9", "comprar\u00eda")."""
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    endings = {a[stem:], b[stem:]}
    return stem >= 5 and endings in _NUMBER_ENDINGS


#: Endings that make a word of another rather than shorten it: "Volt", "Voltage";
#: "Niger", "Nigeria"; "Mole", "Molecule"; "Pluto", "Plutonium".
_WORD_ENDINGS = (
    "s", "es", "ed", "er", "ers", "ing", "ish", "ism", "ist", "ity", "ic", "ics", "ical", "al",
    "ia", "ian", "ium", "ine", "ite", "ate", "ation", "age", "ness", "ment", "ship", "hood",
    "ful", "less", "ous", "ose", "ology", "ese", "ette", "let", "ling", "cule", "ule", "ance",
    "ence", "ant", "ent", "ure", "ery", "ory", "y",
)  # fmt: skip


def _clipped(a: str, b: str) -> bool:
    """One capitalised word is the other cut short ("Amp", "Ampere"; "Rhino", "Rhinoceros"):
    three letters at least, two fewer than the whole, and what is cut is neither an ending
    that makes a new word ("Volt", "Voltage") nor a word of its own ("Sand", "Sandstone")."""
    short, long = sorted((a, b), key=len)
    if not all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in (short, long)):
        return False  # single words in capitals, not "DNA", "JavaScript" or "Red giant"
    rest = long[len(short) :]
    return (
        len(short) >= 3
        and len(rest) >= 2
        and long.startswith(short)
        and not any(rest.endswith(e) and len(rest) <= len(e) + 1 for e in _WORD_ENDINGS)
        and zipf_of(rest) < 3.5
    )


_NUMBER_ENDINGS = [
    {"", "s"},
    {"", "es"},
    {"on", "a"},
    {"um", "a"},
    {"us", "i"},
    {"", "e"},
    {"is", "es"},
    {"y", "ies"},
]


_ROMAN = word_set("i ii iii iv v vi vii viii ix x")
#: Number words: "one third" and "two thirds" differ where it matters.
_NUMBER_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve hundred thousand million "
    "half halves third thirds quarter quarters fifth fifths tenth tenths twice double triple "
    "single first second"
)
#: Words that make options on one subject say different things: negation, quantity,
#: comparison and direction ("Reject …" / "Do not reject …", "more" / "less enthalpy").
_POLARITY = word_set(
    "not no never nor neither either both all none only exactly least most more less fewer "
    "greater smaller larger higher lower increase increases decrease decreases before after "
    "above below positive negative inside outside with without same different"
)
#: Heads that add nothing to the name before them ("the mantle layer" is "the mantle").
_EMPTY_HEADS = word_set(
    "layer level zone region area part portion section stage phase step type kind form sort "
    "process method technique system structure component element"
)


def _numeral(unit: str) -> bool:
    """A token that numbers something: "10%", "cd8", "type II", "third"."""
    return any(c.isdigit() for c in unit) or unit in _ROMAN or unit in _NUMBER_WORDS


_NUMBER_OPTION_RE = re.compile(r"^\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*(%|[^\W\d_]+\.?)?\s*$")


def _same_number(a: str, b: str) -> bool:
    """Two options that are one value ("12" and "12.0", "1,000" and "1000", "5 %" and "5%")."""
    ma, mb = _NUMBER_OPTION_RE.match(a), _NUMBER_OPTION_RE.match(b)
    if not ma or not mb or a.strip() == b.strip() or (ma.group(2) or "") != (mb.group(2) or ""):
        return False
    return float(ma.group(1).replace(",", "")) == float(mb.group(1).replace(",", ""))


def _duplication(a: str, b: str, context: set[str]) -> tuple[float, str]:
    """How alike two options are, ignoring words the stem gives both (``context``)."""
    ua, ub = units_of(a), units_of(b)
    if _same_number(a, b):
        return 0.8, "are the same number written two ways"  # "12" and "12.0"
    if _symbols(a) != _symbols(b):
        return 0.0, ""  # "cos(x)" and "-cos(x)", "K/2" and "K": a sign or an operator apart
    if ua == ub:
        return 0.9, "are the same"
    if [_one_spelling(w.lower()) for w in words_of(a)] == [
        _one_spelling(w.lower()) for w in words_of(b)
    ]:
        return 0.8, "are one answer spelled two ways"  # "Programme" / "Program"
    if {u for u in ua if _numeral(u)} != {u for u in ub if _numeral(u)}:
        return 0.0, ""  # "falls by 10%" and "falls by 2.5%" differ where it matters
    if _polarity(a) != _polarity(b):
        return 0.0, ""  # "Reject H0" and "Do not reject H0": opposites, not one answer
    if _labels_apart(a, b):
        return 0.0, ""  # "Vitamin C" and "Vitamin A": two of a series
    if _same_person(a, b):
        return 0.7, "name the same person"
    if _initials_of(a, b) or _initials_of(b, a):
        return 0.7, "name the same thing, one by its initials"
    sa, sb = _synonyms(a), _synonyms(b)
    if sa == sb and any(w in _SAME_CHANGE.values() for w in sa):
        return 0.8, "say the same in other words"
    if direction_words(a) != direction_words(b):
        return 0.0, ""  # "Price rises and quantity rises" / "… quantity falls": other answers
    ca, cb = content_units(ua), content_units(ub)
    if ca and ca == cb:
        same = Counter(u for u in ua if u in ca) == Counter(u for u in ub if u in cb)
        # a short name reordered says the same; a longer claim reordered may say the
        # opposite ("X rather than Y", "Y rather than X")
        if same and (len(ca) <= 3 or [u for u in ua if u in ca] == [u for u in ub if u in cb]):
            return 0.8, "say the same in other words"
        return 0.3, "use the same words"  # "O(log n)" and "O(n log n)"
    if len(ua) == len(ub) == 1 and _word_forms(ua[0], ub[0]):
        return 0.7, "are forms of one word"
    if _clipped(a.strip(), b.strip()):
        return 0.6, "are one word and its short form"  # "Amp" / "Ampere"
    differ = [(x, y) for x, y in zip(ua, ub, strict=False) if x != y]
    if (
        len(ua) == len(ub) >= 2
        and len(differ) == 1
        and derived_forms(*differ[0], ADJECTIVE_NOUN_ENDINGS, 4)
    ):
        return 0.6, "differ only in a form of one word"  # "Compressive" / "Compression stress"
    if ca and cb and (ca <= cb or cb <= ca):
        small, large = sorted((ca, cb), key=len)
        # "git reset --hard" and "git reset in hard mode"; not "sodium", "sodium chloride"
        words = {u for u in small if len(u) > 1}  # not "O(n)" and "O(n log n)"
        # "git reset --hard" and "git reset in hard mode"; "harmony", the head of "vowel
        # harmony"; not "sodium" and "sodium chloride"
        one_more = len(words) >= 2 and len(large - small) == 1
        shorter, longer = sorted((ua, ub), key=len)
        bare_head = (
            len(shorter) == 1
            and longer[-1] == shorter[0]
            and not any(u.endswith("ly") for u in longer)  # "conditionally essential"
        )
        # "Mantle" and "The mantle layer": the longer adds only an empty head
        empty_head = set(longer) - set(shorter) <= _EMPTY_HEADS | STOPWORDS
        return (0.6 if one_more or bare_head or empty_head else 0.45), "one contains the other"
    ca, cb = ca - context, cb - context
    if len(ca & cb) >= 2 and len(ca ^ cb) <= 2:
        return 0.4, "share most words"
    ra, rb = _root_units(ua), _root_units(ub)
    if ra and rb and (ra <= rb or rb <= ra):
        return 0.3, "share a root"
    matcher = SequenceMatcher(None, " ".join(ua), " ".join(ub))
    # the cheap upper bounds first: most pairs are far apart
    bounds = matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85
    if bounds and matcher.ratio() >= 0.85:
        return 0.3, "are spelled almost alike"
    return 0.0, ""


#: British and American spellings of one word: "programme", "colour", "centre",
#: "organise", "analyse", "catalogue", "licence", each written the American way.
_SPELLINGS = (
    (re.compile(r"(?<=\w{3})mme$"), "m"),
    (re.compile(r"(?<=\w{3})our$"), "or"),
    (re.compile(r"(?<=\w{3})our(?=s$|ed$|ing$|ite|able)"), "or"),
    (re.compile(r"(?<=\w{2}[^aeiou])tre(?=s?$)"), "ter"),
    (re.compile(r"(?<=\w{3})is(?=e$|es$|ed$|ing$|ation)"), "iz"),
    (re.compile(r"(?<=\w{2})ys(?=e$|es$|ed$|ing$)"), "yz"),
    (re.compile(r"(?<=\w{3})ogue(?=s?$)"), "og"),
    (re.compile(r"(?<=\w{3})ence$"), "ense"),
)


def _one_spelling(unit: str) -> str:
    for pattern, american in _SPELLINGS:
        unit = pattern.sub(american, unit)
    return unit


_SYMBOLS_RE = re.compile(r"[-\u2212+\u00b1\u00d7\u00f7*/^=<>\u2264\u2265\u221a\u00b2\u00b3%]")


def _symbols(option: str) -> list[str]:
    """The signs and operators of an option, in order (hyphens inside words are not)."""
    bare = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])|(?<!\S)--(?=\w)", " ", option)  # "--hard"
    return _SYMBOLS_RE.findall(bare)


def _labels_apart(a: str, b: str) -> bool:
    """The options differ in one word only, and there both have a short label: a capital
    letter, a numeral or a code ("Vitamin A" and "Vitamin C", "Type I" and "Type II")."""
    wa, wb = words_of(a), words_of(b)
    differ = [(x, y) for x, y in zip(wa, wb, strict=False) if x != y]
    return (
        len(wa) == len(wb)
        and len(differ) == 1
        and all(len(w) <= 3 and (w[:1].isupper() or w[:1].isdigit()) for w in differ[0])
    )


def _polarity(option: str) -> frozenset[str]:
    # words for one change count as one ("It rises", "It increases"): their direction is
    # compared after (:func:`.directions.direction_words`)
    words = [w.replace("n't", " not") for w in _synonyms(option)]
    return frozenset(w for word in words for w in word.split() if w in _POLARITY)


def check_near_duplicates(item: Item) -> Iterator[Flaw]:
    if item.type in CHOICE_TYPES:
        options = item.options
    elif item.type == "matching":
        options = item.keys
    else:
        return
    worst = (0.0, "", "", "")
    context = content_units(units_of(item.stem)) if item.type in CHOICE_TYPES else set()
    for n, a in enumerate(options):
        for b in options[n + 1 :]:
            severity, why = _duplication(a, b, context)
            if severity > worst[0]:
                worst = (severity, why, a, b)
    severity, why, a, b = worst
    if severity:
        yield make_flaw(
            "near-duplicate-options",
            f"The options {quote_of(a)} and {quote_of(b)} {why}: make every option distinct.",
            severity,
        )


def check_option_count(item: Item) -> Iterator[Flaw]:
    n = len(item.distractors)
    if item.type == "single_choice" and n < 3:
        yield make_flaw(
            "few-distractors",
            f"Only {n} distractor(s): add plausible ones up to three.",
            {0: 0.9, 1: 0.7}.get(n, 0.4),
        )
    elif item.type == "multiple_response" and n < 2:
        yield make_flaw(
            "few-distractors",
            f"Only {n} wrong option(s): add some, so that selecting everything does not pass.",
            0.8 if n == 0 else 0.3,
        )
    elif item.type == "matching" and len(item.pairs) < 3:
        yield make_flaw("few-distractors", "Fewer than three pairs: add pairs.", 0.3)
