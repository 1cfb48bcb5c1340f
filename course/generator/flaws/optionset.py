"""Classic item-writing flaws of the set of options: numbers out of order, an option of
another kind, a matching item whose last pair is free."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..kinds import term_kind
from ..lexicon import STOPWORDS
from .directions import difference, opposite_pairs
from .form import lower_words
from .item import Item
from .model import CHOICE_TYPES, Flaw, make_flaw, word_set
from .words import quote_of, words_of

# --- the set of options --------------------------------------------------------------------

_NUMBER_RE = re.compile(
    r"^\s*(?:about\s+|approximately\s+|~\s*)?([-\u2212]?\d[\d,]*(?:\.\d+)?)\s*"
    r"(?:%|percent|\u00b0\s*[CFK]?|[a-zA-Z\u00b5/\u00b2\u00b3]{0,8}\.?"
    r"(?:\s+[a-zA-Z]{1,8}\.?)?)?\s*"
    r"(?:(?:\u2013|-|to)\s*\d[\d,]*(?:\.\d+)?\s*(?:%|[a-zA-Z/]{0,8})?)?\s*$"
)


def _number(option: str) -> float | None:
    match = _NUMBER_RE.match(option)
    if not match:
        return None
    try:
        return float(match.group(1).replace(",", "").replace("\u2212", "-"))
    except ValueError:
        return None


def _numbered(words: str) -> dict[str, int]:
    return {word: n for n, word in enumerate(words.split(), start=1)}


#: Ordinals in words, with their numbers.
_ORDINAL_WORDS = _numbered(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINAL_RE = re.compile(
    r"\b(?:(\d+)(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.IGNORECASE
)


def _ordinals(options: list[str]) -> list[float] | None:
    """The ordinals of options alike but for one ("The 18th century", "The 15th century";
    "the Fifth Amendment", "the First Amendment"), or None."""
    values, frames = [], set()
    for option in options:
        found = _ORDINAL_RE.findall(option)
        if len(found) != 1:
            return None
        digits, word = found[0]
        values.append(float(digits) if digits else float(_ORDINAL_WORDS[word.lower()]))
        frames.add(" ".join(lower_words(_ORDINAL_RE.sub("#", option))))
    return values if len(frames) == 1 and len(set(values)) == len(values) else None


def check_numeric_order(item: Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or len(item.options) < 3:
        return
    values: list[float | None] = [_number(o) for o in item.options]
    if any(v is None for v in values):
        ordinals = _ordinals(item.options)
        if ordinals is None:
            return
        values = list(ordinals)
    numbers = [v for v in values if v is not None]
    if numbers != sorted(numbers) and numbers != sorted(numbers, reverse=True):
        yield make_flaw(
            "numeric-order",
            "The numeric options are not in order: "
            + ", ".join(quote_of(o, 20) for o in item.options)
            + ".",
            0.6,
        )


_NUMBER_KINDS = ("period", "quantity")


def _shape(option: str) -> str:
    """A coarse kind from the option's form alone: number, person, name or phrase."""
    if _number(option) is not None:
        return "number"
    kind = term_kind(option, [])
    if kind in _NUMBER_KINDS:
        return "number"
    if kind == "person":
        return "person"
    words = words_of(option)
    if len(words) > 1 and any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words):
        return "coded"  # "Transfer RNA", "DNA polymerase": a term built on an abbreviation
    if len(words) == 1:
        if words[0].lower().endswith(_CONCEPT_SUFFIXES):
            return "concept-word"  # "Variolation": a concept, not a person
        return "word"  # "Glasgow" or "Rembrandt": a name of any kind
    content = [w for w in words if w.lower() not in STOPWORDS]
    if words[0][0].isupper() and words[-1][0].isupper() and all(w[0].isupper() for w in content):
        if words[0] == "The" or words[-1].lower() in _THING_HEADS:
            return "thing"  # "The Galápagos Islands", "Royal Society": never a person
        return "name"  # "Yosemite Valley", "Bill of Rights"
    if words[0][0].isupper() and words[-1][0].isupper():
        return "person-like"  # "Ngũgĩ wa Thiong'o", "Rembrandt van Rijn"
    if any(w[0].isupper() for w in words[1:]):
        return "person-like"  # a name inside: "The Champ de Mars massacre"
    return "phrase"


_CONCEPT_SUFFIXES = (
    "tion",
    "sion",
    "ism",
    "ity",
    "ment",
    "ness",
    "ance",
    "ence",
    "ology",
    "ysis",
    "osis",
)

#: Heads that make a capitalised name a place, a body or an event, not a person.
_THING_HEADS = word_set(
    "islands island river mountains mountain sea ocean lake bay valley desert gulf strait "
    "peninsula coast basin plateau city empire kingdom republic university college society "
    "party church company court act treaty war revolution movement museum library institute "
    "academy council assembly parliament congress league union association school point cape "
    "hill park square street bridge tower palace castle cathedral temple abbey canal harbour "
    "festival"
)

_COMPATIBLE = {
    frozenset({"person", "name"}),
    frozenset({"person", "person-like"}),
    frozenset({"name", "person-like"}),
    frozenset({"phrase", "person-like"}),
    *(frozenset({"thing", other}) for other in ("name", "person-like", "phrase")),
    *(frozenset({"word", other}) for other in ("person", "name", "person-like", "phrase", "thing")),
    *(frozenset({"coded", other}) for other in ("word", "name", "person-like", "phrase", "thing")),
    # a title may be a concept word too ("Resurrection" among novels), a person may not
    *(
        frozenset({"concept-word", other})
        for other in ("word", "name", "person-like", "phrase", "thing")
    ),
}


def _compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _COMPATIBLE


_FORMULA_RE = re.compile(r"[/^=\u00b2\u00b3\u221a\u00d7\u00f7]|^\s*\d+\s*[A-Za-z]\s*$")


def _numbered_outlier(options: list[str]) -> str:
    """The one option with a number among single words ("Group 18" among "Neon", "Argon",
    "Nitrogen"): a label or a quantity among names."""
    numbered = [o for o in options if any(c.isdigit() for c in o)]
    rest = [o.strip() for o in options if o not in numbered]
    if len(numbered) != 1 or len(rest) < 3 or len(words_of(numbered[0])) > 3:
        return ""
    # a number of its own ("Group 18", "1789", "Carbon-14"), not a formula's ("NaCl2")
    if not re.search(r"(?:^|[\s-])\d", numbered[0].strip()):
        return ""
    # words, not symbols or formulas ("NaCl", "KCl")
    return numbered[0] if all(o.isalpha() and o[1:].islower() for o in rest) else ""


def check_mixed_kinds(item: Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or len(item.options) < 3:
        return
    if any(not words_of(o) or len(words_of(o)) > 5 for o in item.options):
        return  # whole statements: their kinds are not names'
    outlier = _numbered_outlier(item.options)
    if outlier:
        yield make_flaw(
            "mixed-kinds",
            f"{quote_of(outlier)} is the only option with a number; the others are single words.",
            0.6,
        )
        return
    if 2 * sum(bool(_FORMULA_RE.search(o)) for o in item.options) >= len(item.options):
        return  # expressions ("K/2", "2K", "x²"): their kinds are not names
    shapes = [_shape(o) for o in item.options]
    if shapes.count("person") >= 1:
        # among people, a two- or three-word name is a person too ("Robert Koch")
        shapes = [
            "person" if s == "name" and 2 <= len(words_of(o)) <= 3 else s
            for s, o in zip(shapes, item.options, strict=True)
        ]
    for n, shape in enumerate(shapes):
        rest = shapes[:n] + shapes[n + 1 :]
        # a single word ("Bogotá", "Glasgow") may be a name of any kind: it decides nothing
        # while two options of a definite kind remain
        definite = [other for other in rest if other != "word"]
        rest = definite if len(definite) >= 2 and shape != "word" else rest
        fits_none = not any(_compatible(shape, other) for other in rest)
        rest_agree = all(_compatible(a, b) for a in rest for b in rest)
        # one head noun says one kind, however it is capitalised ("Great Railroad Strike"
        # among "Pullman railway strike" and "Homestead steel strike")
        head = lower_words(item.options[n])[-1:]
        same_head = any(lower_words(o)[-1:] == head for m, o in enumerate(item.options) if m != n)
        if fits_none and rest_agree and not same_head:
            kinds = {"person": "people", "person-like": "names", "name": "names"}
            yield make_flaw(
                "mixed-kinds",
                f"{quote_of(item.options[n])} stands out among the other options "
                f"({kinds.get(rest[0], rest[0] + 's')}).",
                0.6,
            )
            return
    # several outliers: the key is a person, and so is another option, but some are not
    # ("Kant", "Hume", "Utilitarianism", "The Nicomachean Ethics")
    key = item.keys[0] if item.keys else ""
    key_shape = shapes[item.options.index(key)] if key in item.options else ""
    if key_shape == "person" and shapes.count("person") >= 2:
        odd = [
            o
            for o, shape in zip(item.options, shapes, strict=True)
            if not _compatible(shape, "person")
        ]
        if odd:
            yield make_flaw(
                "mixed-kinds",
                f"{quote_of(odd[0])} is not a person, as the key and other options are.",
                0.6,
            )


#: Words that open a sentence, not a term: "It is …", "He belonged to …", "This was …".
_SENTENCE_OPENERS = word_set("it he she they this these that those there we you i")
#: At most this many words make an option a term ("Iron", "The Rocky Mountains").
MAX_TERM_WORDS = 3


def _sentence_like(option: str) -> bool:
    """An option written as a sentence: it ends with a full stop after three words or more,
    or opens with a pronoun and goes on for four ("It is the range that runs …")."""
    words = lower_words(option)
    ends = option.rstrip().endswith((".", "!")) and not option.rstrip().endswith("..")
    # a sentence has words in lower case; a name ends on an abbreviation ("Aircraft Co.")
    prose = any(w.islower() and len(w) > 3 for w in words_of(option)[1:])
    return (ends and prose and len(words) >= 3) or (
        len(words) >= 4 and words[0] in _SENTENCE_OPENERS
    )


def _term_like(option: str) -> bool:
    return 0 < len(words_of(option)) <= MAX_TERM_WORDS and not option.rstrip().endswith(".")


def check_non_parallel_options(item: Item) -> Iterator[Flaw]:
    """One option is a sentence, every other a short term ("Iron", "Lead", "Tin", "It is the
    symbol for fluorine.")."""
    if item.type not in CHOICE_TYPES or len(item.options) < 3:
        return
    sentences = [o for o in item.options if _sentence_like(o)]
    if len(sentences) != 1:
        return
    if all(_term_like(o) for o in item.options if o is not sentences[0]):
        yield make_flaw(
            "non-parallel-options",
            f"{quote_of(sentences[0])} is a sentence; the other options are terms.",
            0.6,
        )


def check_matching_free_pair(item: Item) -> Iterator[Flaw]:
    if item.type != "matching" or len(item.pairs) < 2:
        return
    rights = {right for _, right in item.pairs}
    if len(rights) == len(item.pairs) and set(item.options) <= rights:
        yield make_flaw(
            "matching-free-pair",
            f"{len(item.pairs)} prompts and {len(rights)} answers, each used once: the last "
            "pair is free.",
            0.6,
        )


#: An option that says nothing changed ("It stays the same", "No change"): with it, a rise
#: and a fall are two of the three directions, a balanced set rather than a pair.
_NO_CHANGE_RE = re.compile(
    r"\b(?:unchanged|unaffected|no (?:change|effect)|(?:(?:does|do|did|will|would) not|"
    r"doesn't|don't|didn't|won't|wouldn't) \w+|"
    r"(?:stays?|stayed|remains?|remained|is|are|keeps?|kept|holds?|held) "
    r"(?:the same|constant|fixed|steady|stable|level|flat))\b",
    re.IGNORECASE,
)
#: Words that put a third, neutral option beside two opposites ("Positive correlation",
#: "Negative correlation", "No correlation").
_NEUTRAL = word_set("no zero neutral neither none nil constant unchanged same equal stable")


def _balanced(options: list[str], pair: tuple[int, int]) -> bool:
    """Another option says that nothing changes, or is the pair with a neutral word in
    place of the direction: up, down and neither are all there."""
    first = options[pair[0]]
    return any(
        _NO_CHANGE_RE.search(other) or (n not in pair and difference(first, other)[1] in _NEUTRAL)
        for n, other in enumerate(options)
    )


def check_opposite_options(item: Item) -> Iterator[Flaw]:
    """Only two options are opposites ("It speeds up …", "It slows …") and the key is one
    of them: a test-wise student chooses between the two. Options that all pair up (rises
    and falls of two things), a third direction beside the pair ("It stays the same") or a
    key outside the pair give nothing away."""
    if item.type != "single_choice" or len(item.options) < 4 or not item.keys:
        return
    pairs = opposite_pairs(item.options)
    if len(pairs) != 1 or _balanced(item.options, pairs[0]):
        return
    key = item.options.index(item.keys[0])
    if key in pairs[0]:
        a, b = (item.options[n] for n in pairs[0])
        yield make_flaw(
            "opposite-options",
            f"Only {quote_of(a)} and {quote_of(b)} are opposites, and the key is one of them.",
            0.6,
        )


CHECKS = (
    check_numeric_order,
    check_mixed_kinds,
    check_non_parallel_options,
    check_matching_free_pair,
    check_opposite_options,
)
