"""Classic item-writing flaws in the options: what points to the key without knowledge
(length, a repeated word, the answer in the stem, convergence, absolute and vague words,
"all/none of the above", combinations)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from ..lexicon import STOPWORDS
from .form import (
    OPTION_TYPES,
    asked_category,
    content_roots,
    distinctive_roots,
    lower_words,
    related,
    unquoted,
)
from .item import Item
from .model import CHOICE_TYPES, Flaw, make_flaw, word_set
from .words import BLANK_RE, quote_of, root_of, unit_of, words_of

# --- options that point to the key --------------------------------------------------------


def check_longest_option(item: Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or not item.distractors or not item.keys:
        return
    keys = [len(k) for k in item.keys]
    wrong = [len(d) for d in item.distractors]
    shortest_key, longest_wrong = min(keys), max(wrong)
    mean_wrong = sum(wrong) / len(wrong)
    key_words = min(len(words_of(k)) for k in item.keys)
    wrong_words = max(len(words_of(d)) for d in item.distractors)
    # long for a reason the options share (every option a sentence) is not a cue: the key
    # must stand out from all of them, in characters and in words
    if shortest_key >= 1.6 * longest_wrong and key_words >= wrong_words + 3:
        severity = 0.7 if shortest_key >= 2 * mean_wrong else 0.55
        yield make_flaw(
            "longest-option",
            f"The key ({len(words_of(item.keys[0]))} words) is much longer than every "
            f"distractor (at most {wrong_words}), which gives it away.",
            severity,
        )
    elif (
        shortest_key >= 1.3 * longest_wrong
        and key_words >= wrong_words + 2
        # names and titles are as long as they are ("Rosencrantz and Guildenstern Are Dead")
        and not all(_is_name(o) for o in item.options)
    ):
        yield make_flaw("longest-option", "The key is the longest option.", 0.5)


def _is_name(option: str) -> bool:
    """A name or a title, one word ("Arcadia") or several ("The Real Thing")."""
    return _title_cased(option) or (len(words_of(option)) == 1 and option[:1].isupper())


def check_word_repeat(item: Item) -> Iterator[Flaw]:
    """A distinctive stem word in the key and in no distractor (clang association)."""
    if item.type not in CHOICE_TYPES or not item.distractors or not item.keys:
        return
    # a passage the stem quotes is the source both key and distractors draw on
    stem_text = BLANK_RE.sub(" ", unquoted(item.stem, passages_only=True))
    category = asked_category(stem_text)
    # a rare word of the key, or a name in it, echoing any content word of the stem ("the
    # rights of Parliament" {=Bill of Rights})
    stem = content_roots(stem_text) | category
    if not stem:
        return
    stem_words = set(lower_words(stem_text))
    # words every option has are their frame ("… authority"), not what they choose among
    frame = set.intersection(*(set(lower_words(o)) for o in item.options))
    if all((set(lower_words(o)) - frame) & stem_words - STOPWORDS for o in item.options):
        return  # the stem lists what the options choose among ("grass, frog and hawk")
    rare_in_stem = distinctive_roots(stem_text)
    in_distractors = set().union(*(content_roots(d.replace("-", " ")) for d in item.distractors))

    def echoes(key: str) -> set[str]:
        # a key word that is rare or a name, or that echoes a rare stem word ("legality",
        # {=Legal-rational authority}), or a part of a compound ("the cost of inputs",
        # {=Cost-push inflation}): a stem word built into a term stands out however common
        rare = distinctive_roots(key) | (content_roots(key) & category) | _compound_parts(key)
        return {
            r
            for r in content_roots(key.replace("-", " ")) | rare
            if related(r, stem)
            and not related(r, in_distractors)
            and (r in rare or related(r, rare_in_stem))
        }

    repeats = [echoes(key) for key in item.keys]
    # of several keys, one repeating a stem word is no cue unless they all do
    if item.type == "multiple_response" and not all(repeats):
        return
    if item.type == "single_choice":
        # two stem words in a row that only the key repeats in a row ("the Promotion of Access
        # to Information Act" {=ensure access to information held by the state}): the key
        # reads as the stem's echo, however common each word is
        echoed = _pairs(stem_text) & _pairs(item.keys[0])
        echoed -= set().union(*(_pairs(d) for d in item.distractors))
        if echoed:
            first, second = sorted(echoed)[0]
            yield make_flaw(
                "word-repeat",
                f"\u201c{first} \u2026 {second}\u201d is in the stem and in the key but in no "
                "distractor.",
                0.6,
            )
            return
    for key, repeated in zip(item.keys, repeats, strict=True):
        if repeated:
            words = [
                w
                for w in words_of(key.replace("-", " "))
                if root_of(unit_of(w.lower())) in repeated
            ]
            word = words[0] if words else key
            stem_word = _echoed_word(word, stem_text)
            yield make_flaw(
                "word-repeat",
                f"{quote_of(word)} in the key echoes {quote_of(stem_word)} in the stem, and no "
                "distractor has it."
                if stem_word
                else f"{quote_of(word)} is in the stem and in the key but in no distractor.",
                # in a whole sentence of an option a shared word is more often its content
                0.6 if len(words_of(key)) < 8 else 0.4,
            )
            return


def _echoed_word(word: str, stem: str) -> str:
    """The stem's word that a key's word derives from, when it is another word ("liable"
    for "liability"), else ""."""
    root = root_of(unit_of(word.lower()))
    for original in words_of(stem.replace("-", " ")):
        other = root_of(unit_of(original.lower()))
        if other == root:
            return ""
        if len(other) > 2 and related(root, {other}):
            return original
    return ""


def _compound_parts(text: str) -> set[str]:
    """Content roots of the parts of the hyphenated words ("cost" and "push" of
    "Cost-push")."""
    return {r for w in words_of(text) if "-" in w for r in content_roots(w.replace("-", " "))}


def _pairs(text: str) -> set[tuple[str, str]]:
    """Roots of consecutive content words, across the small words between them ("access to
    information" gives ("access", "information"))."""
    roots = [
        root_of(unit_of(w))
        for w in lower_words(text.replace("-", " "))
        if len(w) > 2 and w not in STOPWORDS and not w[0].isdigit()
    ]
    return set(pairwise(roots))


def _inside(word: str, stem_words: set[str], stem_roots: set[str]) -> bool:
    """The key's word stands in the stem: itself, its root, or as the head or the tail of a
    longer stem word ("ester" in "esterification", "diversity" in "biodiversity", and the
    other way round)."""
    if word in stem_words or root_of(unit_of(word)) in stem_roots:
        return True
    return len(word) >= 5 and any(
        len(w) >= 5
        and w != word
        and (
            w.startswith(word)
            or w.endswith(word)
            or (word.endswith(w) and len(w) >= 6)
            or (min(len(w), len(word)) >= 7 and w[:6] == word[:6])  # "separate", "separation"
        )
        for w in stem_words
    )


_LINKS = word_set("of and the for in on a an to")


def _spelled_out(option: str, stem: str) -> bool:
    """The option is an abbreviation whose words the stem spells out in a row ("the central
    processing unit …" {=CPU})."""
    letters = option.strip()
    if not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
        return False
    words = [p for w in words_of(stem) for p in w.split("-") if p]
    for start, word in enumerate(words):
        if word[0].upper() != letters[0]:
            continue
        got = ""
        for w in words[start:]:
            if w.lower() in _LINKS and got:
                continue
            got += w[0].upper()
            if not letters.startswith(got):
                break
            if got == letters:
                return True
    return False


_VALUE_RE = re.compile(r"'value': (-?\d+(?:\.\d+)?)")
_NUMBER_RE = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?")
#: A number that is part of a name or a ratio, not a value the stem states: "4/4 time",
#: "3:2", "COVID-19".
_NAMED_NUMBER_RE = re.compile(r"\d+\s*[/:]\s*\d+|[A-Za-z]-\d+")


#: A number with what it counts: a currency before it, a unit or "%" after it ("£20",
#: "20 m/s", "5%"); an ordinal ending ("38th") is no unit.
_QUANTITY_RE = re.compile(
    r"(?P<money>[£$€¥]\s*)?(?<![\w.])(?P<number>-?\d+(?:\.\d+)?)"
    r"(?:\s*(?P<percent>%|\bper\s*cent\b|\bpercent\b)|(?!st\b|nd\b|rd\b|th\b)"
    r"\s?(?P<unit>[^\W\d_][\w/²³°]*))?",
    re.IGNORECASE,
)
#: The question asks for a share, not an amount: "What is the percentage increase?".
_SHARE_ASKED_RE = re.compile(
    r"\b(?:percentage|percent|per\s*cent|ratio|proportion|fraction|how\s+many\s+times)\b|"
    r"\bin\s*%|\(%\)",
    re.IGNORECASE,
)
#: The unit the question asks in: "What is its speed, in m/s?", "In hertz, what …".
_UNIT_ASKED_RE = re.compile(
    # a name after "In" is where, not a unit: "In Python, …"
    r"^\W*in\s+((?-i:[a-z])[^\s,]*|[^\W\d_][^\s,]{0,2})\s*,|"
    r"\bin\s+([^\W\d_][^\s,?]*)\s*\??\s*$|"
    r"\bhow\s+many\s+([^\W\d_]+)",
    re.IGNORECASE,
)


def _asked_unit(stem: str) -> str:
    """ "%" for a question asking a share, else the first letter of the unit it asks in
    ("m" for "in metres", "in m/s"), else ""."""
    question = re.split(r"(?<=[.!?])\s+", stem.strip())[-1]
    if _SHARE_ASKED_RE.search(question):
        return "%"
    found = _UNIT_ASKED_RE.search(question)
    unit = next((g for g in found.groups() if g), "") if found else ""
    return _unit_letter(unit)


#: Names of money: an amount in them is in the same unit as one with "£" or "$".
_CURRENCIES = word_set("pound pounds pence penny dollar dollars cent cents euro euros yen")


def _unit_letter(unit: str) -> str:
    """A unit for comparison: "£" for money, else its first letter ("m" for "m/s" and
    "metres" alike, so that a unit and its abbreviation agree), "" for no unit."""
    unit = unit.lower()
    if not unit or unit in STOPWORDS:
        return ""
    return "£" if unit in _CURRENCIES else unit[0]


def _numbers(text: str, asked: str = "") -> set[float]:
    """The numbers of a text, but for those in another unit than ``asked`` ("£20" is no
    answer to "What is the percentage increase?", nor is a bare 25)."""
    found = set()
    for match in _QUANTITY_RE.finditer(text.replace(",", "")):
        own = (
            "£"
            if match.group("money")
            else "%"
            if match.group("percent")
            else _unit_letter(match.group("unit") or "")
        )
        # a share is given as a share: "from 20 to 25" states amounts, not the 25% asked
        if not asked or own == asked or not (own or asked == "%"):
            found.add(float(match.group("number")))
    return found


def _number_given(item: Item) -> str:
    """The number a numerical or short answer asks for, when the stem already states it
    ("The 38th parallel … how many degrees north?" {#38})."""
    if item.type == "numerical":
        values = {float(v) for v in _VALUE_RE.findall(item.keys[0])}
    elif item.type == "short_answer" and _NUMBER_RE.fullmatch(item.keys[0].strip()):
        values = {float(item.keys[0].strip())}
    else:
        return ""
    stem = _NAMED_NUMBER_RE.sub(" ", BLANK_RE.sub(" ", unquoted(item.stem, passages_only=True)))
    given = values & (_numbers(stem, _asked_unit(stem)) | _counted_in_words(stem))
    return f"{min(given):g}" if given else ""


_COUNT_WORDS = dict(
    zip(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ),
        range(13),
        strict=True,
    )
)
_HOW_MANY_RE = re.compile(r"\bhow\s+many\s+([^\W\d_][\w-]*)", re.IGNORECASE)


def _counted_in_words(stem: str) -> set[float]:
    """The count a stem spells out for the very thing it asks how many of ("… shows two
    hydrogen atoms …, contains how many hydrogen atoms?" gives 2)."""
    asked = _HOW_MANY_RE.search(stem)
    if not asked:
        return set()
    thing = re.escape(asked.group(1))
    found = re.finditer(rf"\b({'|'.join(_COUNT_WORDS)})\s+{thing}\b", stem, re.IGNORECASE)
    return {float(_COUNT_WORDS[m.group(1).lower()]) for m in found}


def check_answer_in_stem(item: Item) -> Iterator[Flaw]:
    """Every word of the key stands in the stem, and no distractor's does."""
    if item.type in ("numerical", "short_answer") and item.keys and _number_given(item):
        yield make_flaw(
            "answer-in-stem", f"The stem already states the number {_number_given(item)}.", 0.7
        )
        return
    if item.type not in ("short_answer", "cloze", "single_choice") or not item.keys:
        return
    stem_text = BLANK_RE.sub(" ", unquoted(item.stem, passages_only=True))
    stem_words = {w for w in lower_words(stem_text) if len(w) > 1}
    stem_roots = {root_of(unit_of(w)) for w in stem_words}
    # words every option has are the options' frame ("A major", "E major"), not the answer
    frame = (
        set.intersection(*(set(lower_words(o)) for o in item.options))
        if item.type == "single_choice"
        else set()
    )

    # the noun the question asks for is no answer: "Which distribution …?" {=t distribution}
    category = asked_category(stem_text)

    def given(option: str) -> bool:
        words = [
            w
            for word in lower_words(option)
            for w in ([word] if root_of(unit_of(word)) in stem_roots else word.split("-"))
            if len(w) > 1
            and w not in STOPWORDS
            and w not in frame
            and root_of(unit_of(w)) not in category
        ]
        return (
            bool(words)
            and len("".join(words)) >= 4
            and all(_inside(w, stem_words, stem_roots) for w in words)
        ) or _spelled_out(option, stem_text)

    # of several accepted answers, the first is the answer; the others are spellings a
    # marker accepts ("austenite", "gamma-iron")
    keys = item.keys[:1] if item.type in ("short_answer", "cloze") else item.keys
    for key in keys:
        if not given(key):
            continue
        if item.type == "single_choice" and any(given(d) for d in item.distractors):
            return  # the stem names the distractors too: a choice among them
        yield make_flaw(
            "answer-in-stem", f"The stem already contains the answer {quote_of(key)}.", 0.7
        )
        return


_PART_SPLIT_RE = re.compile(r"\s*(?:[,;]|\band\b|\bwhile\b|\bbut\b)\s*")


_ROMAN_NUMERALS = word_set("i ii iii iv v vi")
_NUMBER_WORDS = word_set("one two three four five six seven eight nine ten single double")


def _word_parts(option: str, longest: int = 6) -> set[str] | None:
    """A short option's parts: its content words and numbers."""
    if len(words_of(option)) > longest:
        return None
    numerals = {
        w
        for w in lower_words(option)
        if w[:1].isdigit() or w in _ROMAN_NUMERALS or w in _NUMBER_WORDS
    }
    return content_roots(option) | numerals


def _clause_parts(option: str) -> set[str] | None:
    """An option's parts as its clauses ("Debit accounts payable, credit cash")."""
    clauses = {" ".join(lower_words(c)) for c in _PART_SPLIT_RE.split(option)} - {""}
    return clauses if len(clauses) >= 2 else None


def _converges(item: Item, parts: list[set[str] | None], least: int) -> list[str]:
    """The key's shared parts, when the key's parts recur more than any other option's."""
    if any(p is None or len(p) < 2 for p in parts):
        return []
    sets = [p for p in parts if p is not None]
    counts = Counter(r for p in sets for r in p)
    score = [sum(counts[r] - 1 for r in p) for p in sets]
    key = item.options.index(item.keys[0])
    others = [s for n, s in enumerate(score) if n != key]
    shared = sorted(r for r in sets[key] if counts[r] > 1)
    return shared if len(shared) >= 2 and score[key] > max(others) and score[key] >= least else []


def check_convergence(item: Item) -> Iterator[Flaw]:
    """The key is the option whose parts (words, or clauses) recur most among the options."""
    if item.type != "single_choice" or len(item.options) < 4 or not item.keys:
        return
    lengths = [len(words_of(o)) for o in item.options]
    # options built on one template ("CD8+ T cells bind viral peptide on MHC class I") may
    # be longer: each varies a part of the others
    longest = 12 if max(lengths) - min(lengths) <= 2 else 6
    shared = _converges(item, [_clause_parts(o) for o in item.options], 2) or _converges(
        item, [_word_parts(o, longest) for o in item.options], 3
    )
    if shared:
        yield make_flaw(
            "convergence-cue",
            "The key combines the parts the other options share most "
            f"({', '.join(quote_of(s, 30) for s in shared)}).",
            0.55,
        )


_ABSOLUTE_RE = re.compile(
    r"\b(?:always|never|invariably|completely|entirely|totally|absolutely|"
    r"without exception|under no circumstances|in (?:all|every) cases?|only ever|"
    r"nothing|nobody|no one|everyone|everything|everybody|(?<!\bat )all|none|every)\b"
    r"(?![-\u2010])",  # "at all" emphasises a negation; it claims nothing of all cases
    re.IGNORECASE,
)
#: Absolute words that are sure cues in a true/false statement ("all" often is not).
_STRONG_ABSOLUTE_RE = re.compile(
    r"\b(?:always|never|invariably|without exception|under no circumstances|only ever|"
    r"(?<!not )(?<!if )only(?! (?:if|when|after|because|by|through)\b))\b",
    re.IGNORECASE,
)
_COMBINATION_WORDS_RE = re.compile(
    r"^\s*(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|those|options|answers)",
    re.IGNORECASE,
)


def check_absolute_terms(item: Item) -> Iterator[Flaw]:
    if item.type == "true_false":
        found = _STRONG_ABSOLUTE_RE.search(unquoted(item.stem))
        if found:
            yield make_flaw(
                "absolute-terms",
                f"The statement says {quote_of(found.group())}: absolute statements are "
                "rarely true, which gives the answer away.",
                0.6,
            )
        return
    if item.type not in CHOICE_TYPES:
        return  # ordering and matching options are all right: no cue to a key
    keys = set(item.keys)
    for option in item.options:
        if _COMBINATION_WORDS_RE.match(option):
            continue  # "all of the above" has its own finding
        found = _ABSOLUTE_RE.search(unquoted(option))
        if found and option not in keys and not _in_title(option, item.options):
            yield make_flaw(
                "absolute-terms",
                f"The option {quote_of(option)} says {quote_of(found.group())}: students learn "
                "that absolute options are wrong.",
                0.6,
            )
            return


#: Small words a title leaves in lower case ("All Quiet on the Western Front").
_TITLE_SMALL = word_set("a an and as at but by for from in into nor of on or over the to up with")


def _title_cased(option: str) -> bool:
    """Every word capitalised but the small ones, and at least two capitalised."""
    words = words_of(option)
    capitals = [w for w in words if w[0].isupper()]
    return (
        len(capitals) >= 2
        and words[0][0].isupper()
        and not option.isupper()
        and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)
    )


def _in_title(option: str, options: list[str]) -> bool:
    """The option is a name in title case, its absolute word a part of it ("Never Let Me
    Go", "All Quiet on the Western Front"), among options that are names too: no other
    option is a phrase in sentence case ("Always Raise It" among "Lower it", "Double it" is
    a statement written in capitals)."""
    if not _title_cased(option):
        return False
    return not any(len(words_of(o)) >= 2 and not _title_cased(o) for o in options if o != option)


_VAGUE_RE = re.compile(
    r"\b(?:often|usually|sometimes|frequently|rarely|seldom|occasionally|generally|"
    r"normally|perhaps|probably|possibly|somewhat|oftentimes)\b",
    re.IGNORECASE,
)


#: A hedge that makes a statement to judge hard to call false ("Antibiotics may help …").
_HEDGE_RE = re.compile(r"(?-i:\b(?:may|might)\b)(?! not\b)")


def check_vague_terms(item: Item) -> Iterator[Flaw]:
    # a statement with a gap copies its source, hedges and all; a question or a statement
    # to judge is the writer's own wording
    asks = item.type == "true_false" or (item.type != "matching" and item.is_question)
    asks = asks or (not item.cited and item.type != "matching")
    where = [("stem", item.stem)] if asks else []
    if item.type in OPTION_TYPES:
        where += [("option", o) for o in item.options]
    for part, text in where:
        found = _VAGUE_RE.search(unquoted(text))
        if not found and part == "stem" and item.type == "true_false":
            found = _HEDGE_RE.search(unquoted(text))
        if found:
            place = "The stem" if part == "stem" else f"The option {quote_of(text)}"
            yield make_flaw(
                "vague-terms",
                f"{place} says {quote_of(found.group())}, which readers take differently.",
                0.6,
            )
            return


_ALL_ABOVE_RE = re.compile(
    r"^\s*(?:[a-e][.)]\s*)?(?:all|each)\s+(?:of\s+)?(?:the\s+)?(?:above|"
    r"(?:above|these|preceding|previous|listed)(?:\s+(?:options|answers|choices|statements))?|"
    r"(?:options|answers|choices|statements)\s+(?:above|given))\b",
    re.IGNORECASE,
)
_NONE_ABOVE_RE = re.compile(
    r"^\s*(?:[a-e][.)]\s*)?(?:none\s+of\s+(?:the\s+)?(?:other\s+)?(?:above|these|preceding|previous|"
    r"options|answers|choices|statements)|no(?:ne)?\s+(?:correct|right)\s+answer|"
    r"neither\s+of\s+(?:the\s+)?(?:above|these))\b",
    re.IGNORECASE,
)


def check_all_of_the_above(item: Item) -> Iterator[Flaw]:
    if item.type in CHOICE_TYPES:
        for option in item.options:
            if _ALL_ABOVE_RE.match(option):
                yield make_flaw("all-of-the-above", f"An option is {quote_of(option)}.", 0.8)
                return


def check_none_of_the_above(item: Item) -> Iterator[Flaw]:
    if item.type in CHOICE_TYPES:
        for option in item.options:
            if _NONE_ABOVE_RE.match(option):
                yield make_flaw("none-of-the-above", f"An option is {quote_of(option)}.", 0.8)
                return


_LABEL = r"(?:\(?(?:[A-Ea-e]|[1-6]|i{1,3}|iv|I{1,3}|IV|V)\)?)"
_LABEL_COMBINATION_RE = re.compile(
    rf"^\s*(?:both\s+|only\s+|options?\s+)?{_LABEL}\s*(?:,\s*{_LABEL}\s*)*(?:,?\s*(?:and|&|or)\s+)"
    rf"{_LABEL}(?!\w)(?:\s+only)?\s*\.?\s*$|^\s*(?:neither|both|all)\s+{_LABEL}\s+(?:and|nor)\s+"
    rf"{_LABEL}(?!\w)|^\s*(?:both|neither|all)\s+of\s+the\s+(?:first|last|previous)\s+(?:two|three)",
    re.IGNORECASE,
)


def _option_key(text: str) -> str:
    return " ".join(lower_words(text))


_ROMAN_LIST_RE = re.compile(r"\bI\b.*\bII\b.*\bIII\b", re.DOTALL)
_ROMAN_COMBINATION_RE = re.compile(r"^(?:I|II|III|IV|V)(?:\s*(?:,|and|&)\s*(?:I|II|III|IV|V))+$")


#: Words after a list that say its members act as one ("A and B jointly").
_TOGETHER_RE = re.compile(
    r"\s+(?:jointly|together|combined|both|equally|alike|collectively|simultaneously|"
    r"in\s+(?:combination|tandem|collaboration|equal\s+(?:measure|parts))|as\s+well|"
    r"working\s+together|each)$"
)


def check_combination_options(item: Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or len(item.options) < 3:
        return
    plain = {_option_key(o) for o in item.options}
    # letters the stem uses as names ("A XOR B is true when …"): options about them are
    # statements, not references to other options
    variables = {w.lower() for w in words_of(item.stem) if len(w) == 1 and w.isupper()}
    if _ROMAN_LIST_RE.search(item.stem):
        # "I. … II. … III. …": statements the options pick by number (a K-type item)
        variables = set()
        combined = next((o for o in item.options if _ROMAN_COMBINATION_RE.match(o.strip())), None)
        if combined:
            yield make_flaw(
                "combination-options",
                f"The option {quote_of(combined)} combines other options.",
                0.8,
            )
            return
    for option in item.options:
        if variables and set(re.findall(r"\b[A-Za-z]\b", option.lower())) & variables - {"a"}:
            continue
        if _LABEL_COMBINATION_RE.match(option):
            yield make_flaw(
                "combination-options",
                f"The option {quote_of(option)} combines other options.",
                0.8,
            )
            return
        words = _option_key(option)
        both = re.match(r"(?:both|neither)\s+(.+?)\s+(?:and|nor)\s+(.+)$", words)
        if both and any(
            f" {side.split()[-1]} " in f" {other} "
            for side in both.groups()
            for other in plain - {words}
        ):
            yield make_flaw(
                "combination-options",
                f"The option {quote_of(option)} combines other options.",
                0.7,
            )
            return
        # "Charlotte and Anne jointly", "Both X and Y together": the combination, said so
        words = _TOGETHER_RE.sub("", words)
        parts = re.split(r"\s*(?:\band\b|\bnor\b|\bor\b|,|&)\s*", words)
        parts = [re.sub(r"^(?:both|neither|either|only)\s+", "", p).strip() for p in parts]
        parts = [p for p in parts if p]
        if len(parts) >= 2 and all(p in plain and p != words for p in parts):
            yield make_flaw(
                "combination-options",
                f"The option {quote_of(option)} is made of other options.",
                0.8,
            )
            return


CHECKS = (
    check_longest_option,
    check_word_repeat,
    check_answer_in_stem,
    check_convergence,
    check_absolute_terms,
    check_vague_terms,
    check_all_of_the_above,
    check_none_of_the_above,
    check_combination_options,
)
