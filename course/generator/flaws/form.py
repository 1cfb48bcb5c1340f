"""The classic item-writing flaws: what the options and the stem give away on their own.

These checks read only the item, never a source text, so they apply to every question an
instructor writes or imports as well as to the generator's. Each is one function, named
after its code in :data:`.model.CATALOG`. They are tuned for few false alarms: a finding
(severity at least ``REPORTED``) needs a clear cue, and where a cue is weak the check says
nothing or reports a doubt below the line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..kinds import term_kind
from ..lexicon import IRREGULAR_VERB_FORMS, OBJECT_STARTERS, STOPWORDS, VERB_BASES
from .item import _has_main_clause, _Item
from .model import CHOICE_TYPES, Flaw, _flaw, _set
from .words import _BLANK_RE, _quote, _root, _unit, _words, _zipf

#: Types whose options a student chooses among.
OPTION_TYPES = (*CHOICE_TYPES, "ordering")
#: Types with a stem that asks something (a question or a statement to complete).
ASKING_TYPES = (*CHOICE_TYPES, "short_answer", "cloze", "numerical", "essay", "ordering")

_QUOTE_RE = re.compile(r"[\u201c\"][^\u201d\"]*[\u201d\"]|(?<!\w)'[^']{6,}'(?!\w)")


def _unquoted(text: str, passages_only: bool = False) -> str:
    """The text without what it quotes: a "not" in a quoted sentence is the source's. With
    ``passages_only``, a quoted term of a few words ('biological diversity') stays: it is
    the stem's own wording, and may give the answer away."""
    if passages_only:
        return _QUOTE_RE.sub(lambda m: " " if len(m.group().split()) >= 6 else m.group(), text)
    return _QUOTE_RE.sub(" ", text)


def _lower_words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in _words(text)]


def _content_roots(text: str) -> set[str]:
    """Roots of the content words (no stopwords, numbers or one-letter words)."""
    return {
        _root(_unit(w))
        for w in _lower_words(text)
        if len(w) > 2 and w not in STOPWORDS and not w[0].isdigit()
    }


def _distinctive(text: str) -> set[str]:
    """Content roots of the rarer words (Zipf below 4.5 in every form: "thyroid", "purge",
    not "cell" or "information", which a stem and a key share by topic) and of names."""
    roots = set()
    for n, original in enumerate(_words(text)):
        word = original.lower().replace("\u2019", "'")
        if len(word) > 3 and word not in STOPWORDS and not word[0].isdigit():
            unit = _unit(word)
            # a capitalised word inside the text is part of a name: "Federal Reserve"
            name = n > 0 and original[0].isupper() and not original.isupper()
            if name or max(_zipf(word), _zipf(unit)) < 4.5:
                roots.add(_root(unit))
    return roots


def _related(root: str, roots: set[str]) -> bool:
    """The root, one sharing its first seven letters ("inherit", "inheritance"), or one it
    ends ("mastoid", "sternocleidomastoid")."""
    if root in roots or (len(root) >= 7 and any(r[:7] == root[:7] for r in roots)):
        return True
    return len(root) >= 6 and any(len(r) > len(root) + 3 and r.endswith(root) for r in roots)


_CATEGORY_RE = re.compile(
    r"^\W*(?:which|what)\s+(?:(?:type|kind|class|sort|form)s?\s+of\s+)?([a-z]+)\b",
    re.IGNORECASE,
)


def _asked_category(stem: str) -> set[str]:
    """The noun a question asks for ("Which type of bond", "What gland"): a key that
    repeats it, when no distractor does, is a cue however common the word."""
    match = _CATEGORY_RE.match(stem)
    word = match.group(1).lower() if match else ""
    if not word or word in STOPWORDS or word in _AUXILIARIES:
        return set()
    return {_root(_unit(word))}


# --- options that point to the key --------------------------------------------------------


def check_longest_option(item: _Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or not item.distractors or not item.keys:
        return
    keys = [len(k) for k in item.keys]
    wrong = [len(d) for d in item.distractors]
    shortest_key, longest_wrong = min(keys), max(wrong)
    mean_wrong = sum(wrong) / len(wrong)
    key_words = min(len(_words(k)) for k in item.keys)
    wrong_words = max(len(_words(d)) for d in item.distractors)
    # long for a reason the options share (every option a sentence) is not a cue: the key
    # must stand out from all of them, in characters and in words
    if shortest_key >= 1.6 * longest_wrong and key_words >= wrong_words + 3:
        severity = 0.7 if shortest_key >= 2 * mean_wrong else 0.55
        yield _flaw(
            "longest-option",
            f"The key ({len(_words(item.keys[0]))} words) is much longer than every "
            f"distractor (at most {wrong_words}), which gives it away.",
            severity,
        )
    elif shortest_key >= 1.3 * longest_wrong and key_words >= wrong_words + 2:
        yield _flaw("longest-option", "The key is the longest option.", 0.3)


def check_word_repeat(item: _Item) -> Iterator[Flaw]:
    """A distinctive stem word in the key and in no distractor (clang association)."""
    if item.type not in CHOICE_TYPES or not item.distractors or not item.keys:
        return
    # a passage the stem quotes is the source both key and distractors draw on
    stem_text = _BLANK_RE.sub(" ", _unquoted(item.stem, passages_only=True))
    category = _asked_category(stem_text)
    stem = _distinctive(stem_text) | category
    if not stem:
        return
    stem_words = set(_lower_words(stem_text))
    if all(set(_lower_words(o)) & stem_words - STOPWORDS for o in item.options):
        return  # the stem lists what the options choose among ("grass, frog and hawk")
    in_distractors = set().union(*(_content_roots(d) for d in item.distractors))
    repeats = [
        {
            r
            for r in _distinctive(key) | (_content_roots(key) & category)
            if _related(r, stem) and not _related(r, in_distractors)
        }
        for key in item.keys
    ]
    # of several keys, one repeating a stem word is no cue unless they all do
    if item.type == "multiple_response" and not all(repeats):
        return
    for key, repeated in zip(item.keys, repeats, strict=True):
        if repeated:
            words = [w for w in _words(key) if _root(_unit(w.lower())) in repeated]
            yield _flaw(
                "word-repeat",
                f"{_quote(words[0] if words else key)} is in the stem and in the key but in "
                "no distractor.",
                0.6,
            )
            return


def _inside(word: str, stem_words: set[str], stem_roots: set[str]) -> bool:
    """The key's word stands in the stem: itself, its root, or as the head or the tail of a
    longer stem word ("ester" in "esterification", "diversity" in "biodiversity", and the
    other way round)."""
    if word in stem_words or _root(_unit(word)) in stem_roots:
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


def check_answer_in_stem(item: _Item) -> Iterator[Flaw]:
    """Every word of the key stands in the stem, and no distractor's does."""
    if item.type not in ("short_answer", "cloze", "single_choice") or not item.keys:
        return
    stem_text = _BLANK_RE.sub(" ", _unquoted(item.stem, passages_only=True))
    stem_words = {w for w in _lower_words(stem_text) if len(w) > 1}
    stem_roots = {_root(_unit(w)) for w in stem_words}
    # words every option has are the options' frame ("A major", "E major"), not the answer
    frame = (
        set.intersection(*(set(_lower_words(o)) for o in item.options))
        if item.type == "single_choice"
        else set()
    )

    def given(option: str) -> bool:
        words = [w for w in _lower_words(option) if w not in STOPWORDS and w not in frame]
        return (
            bool(words)
            and len("".join(words)) >= 4
            and all(_inside(w, stem_words, stem_roots) for w in words)
        )

    for key in item.keys:
        if not given(key):
            continue
        if item.type == "single_choice" and any(given(d) for d in item.distractors):
            return  # the stem names the distractors too: a choice among them
        yield _flaw("answer-in-stem", f"The stem already contains the answer {_quote(key)}.", 0.7)
        return


_PART_SPLIT_RE = re.compile(r"\s*(?:[,;]|\band\b|\bwhile\b|\bbut\b)\s*")


_ROMAN_NUMERALS = _set("i ii iii iv v vi")


def _word_parts(option: str, longest: int = 6) -> set[str] | None:
    """A short option's parts: its content words and numbers."""
    if len(_words(option)) > longest:
        return None
    numerals = {w for w in _lower_words(option) if w[:1].isdigit() or w in _ROMAN_NUMERALS}
    return _content_roots(option) | numerals


def _clause_parts(option: str) -> set[str] | None:
    """An option's parts as its clauses ("Debit accounts payable, credit cash")."""
    clauses = {" ".join(_lower_words(c)) for c in _PART_SPLIT_RE.split(option)} - {""}
    return clauses if len(clauses) >= 2 else None


def _converges(item: _Item, parts: list[set[str] | None], least: int) -> list[str]:
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


def check_convergence(item: _Item) -> Iterator[Flaw]:
    """The key is the option whose parts (words, or clauses) recur most among the options."""
    if item.type != "single_choice" or len(item.options) < 4 or not item.keys:
        return
    lengths = [len(_words(o)) for o in item.options]
    # options built on one template ("CD8+ T cells bind viral peptide on MHC class I") may
    # be longer: each varies a part of the others
    longest = 12 if max(lengths) - min(lengths) <= 2 else 6
    shared = _converges(item, [_clause_parts(o) for o in item.options], 2) or _converges(
        item, [_word_parts(o, longest) for o in item.options], 3
    )
    if shared:
        yield _flaw(
            "convergence-cue",
            "The key combines the parts the other options share most "
            f"({', '.join(_quote(s, 30) for s in shared)}).",
            0.55,
        )


_ABSOLUTE_RE = re.compile(
    r"\b(?:always|never|invariably|completely|entirely|totally|absolutely|"
    r"without exception|under no circumstances|in (?:all|every) cases?|only ever|"
    r"nothing|nobody|no one|everyone|everything|everybody|all|none|every)\b(?![-\u2010])",
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


def check_absolute_terms(item: _Item) -> Iterator[Flaw]:
    if item.type == "true_false":
        found = _STRONG_ABSOLUTE_RE.search(_unquoted(item.stem))
        if found:
            yield _flaw(
                "absolute-terms",
                f"The statement says {_quote(found.group())}: absolute statements are "
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
        found = _ABSOLUTE_RE.search(_unquoted(option))
        if found and option not in keys:
            yield _flaw(
                "absolute-terms",
                f"The option {_quote(option)} says {_quote(found.group())}: students learn "
                "that absolute options are wrong.",
                0.6,
            )
            return


_VAGUE_RE = re.compile(
    r"\b(?:often|usually|sometimes|frequently|rarely|seldom|occasionally|generally|"
    r"normally|perhaps|probably|possibly|somewhat|oftentimes)\b",
    re.IGNORECASE,
)


def check_vague_terms(item: _Item) -> Iterator[Flaw]:
    # a statement with a gap copies its source, hedges and all; a question or a statement
    # to judge is the writer's own wording
    asks = item.type == "true_false" or (item.type != "matching" and item.is_question)
    asks = asks or (not item.cited and item.type != "matching")
    where = [("stem", item.stem)] if asks else []
    if item.type in OPTION_TYPES:
        where += [("option", o) for o in item.options]
    for part, text in where:
        found = _VAGUE_RE.search(_unquoted(text))
        if found:
            place = "The stem" if part == "stem" else f"The option {_quote(text)}"
            yield _flaw(
                "vague-terms",
                f"{place} says {_quote(found.group())}, which readers take differently.",
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


def check_all_of_the_above(item: _Item) -> Iterator[Flaw]:
    if item.type in CHOICE_TYPES:
        for option in item.options:
            if _ALL_ABOVE_RE.match(option):
                yield _flaw("all-of-the-above", f"An option is {_quote(option)}.", 0.8)
                return


def check_none_of_the_above(item: _Item) -> Iterator[Flaw]:
    if item.type in CHOICE_TYPES:
        for option in item.options:
            if _NONE_ABOVE_RE.match(option):
                yield _flaw("none-of-the-above", f"An option is {_quote(option)}.", 0.8)
                return


_LABEL = r"(?:\(?(?:[A-Ea-e]|[1-6]|i{1,3}|iv|I{1,3}|IV|V)\)?)"
_LABEL_COMBINATION_RE = re.compile(
    rf"^\s*(?:both\s+|only\s+|options?\s+)?{_LABEL}\s*(?:,\s*{_LABEL}\s*)*(?:,?\s*(?:and|&|or)\s+)"
    rf"{_LABEL}(?!\w)(?:\s+only)?\s*\.?\s*$|^\s*(?:neither|both|all)\s+{_LABEL}\s+(?:and|nor)\s+"
    rf"{_LABEL}(?!\w)|^\s*(?:both|neither|all)\s+of\s+the\s+(?:first|last|previous)\s+(?:two|three)",
    re.IGNORECASE,
)


def _option_key(text: str) -> str:
    return " ".join(_lower_words(text))


def check_combination_options(item: _Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or len(item.options) < 3:
        return
    plain = {_option_key(o) for o in item.options}
    for option in item.options:
        if _LABEL_COMBINATION_RE.match(option):
            yield _flaw(
                "combination-options",
                f"The option {_quote(option)} combines other options.",
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
            yield _flaw(
                "combination-options",
                f"The option {_quote(option)} combines other options.",
                0.7,
            )
            return
        parts = re.split(r"\s*(?:\band\b|\bnor\b|\bor\b|,|&)\s*", words)
        parts = [re.sub(r"^(?:both|neither|either|only)\s+", "", p).strip() for p in parts]
        parts = [p for p in parts if p]
        if len(parts) >= 2 and all(p in plain and p != words for p in parts):
            yield _flaw(
                "combination-options",
                f"The option {_quote(option)} is made of other options.",
                0.8,
            )
            return


# --- the stem ----------------------------------------------------------------------------

_NEGATIVE_RE = re.compile(
    r"\b(?:not|except|least|incorrect|untrue|false|never|cannot|can't|isn't|aren't|wasn't|"
    r"weren't|doesn't|don't|didn't|won't|wouldn't|shouldn't|couldn't|hasn't|haven't)\b",
    re.IGNORECASE,
)
_NOT_NEGATIVE_RE = re.compile(
    r"\b(?:not (?:only|just|merely|simply)|no longer|whether or not|at least|if not|not least|"
    r"true or false|"
    r"true and (?:which|what) (?:are|is) false|false positive|false negative)\b",
    re.IGNORECASE,
)


def check_negative_stem(item: _Item) -> Iterator[Flaw]:
    if item.type not in (*OPTION_TYPES, "short_answer", "numerical") or not item.stem:
        return
    stem = _NOT_NEGATIVE_RE.sub(" ", _unquoted(item.stem))
    found = _NEGATIVE_RE.search(stem)
    if not found:
        return
    word = found.group()
    asked = item.is_question or stem.rstrip().endswith((":", "\u2026", "...")) or word.isupper()
    if not asked and _BLANK_RE.search(stem):
        return  # a statement with a gap that says "not": the content is negative, not the ask
    yield _flaw(
        "negative-stem",
        f"The stem asks negatively ({_quote(word)})"
        + (" and the word is not emphasised." if not word.isupper() else "."),
        0.6 if word.isupper() else 0.7,
    )


_STATEMENT_NEGATION_RE = re.compile(
    r"\b(?:not|never|no(?!\.?\s*\d)|none|neither|nor|nobody|nothing|cannot|\w+n't)\b",
    re.IGNORECASE,  # "Symphony No. 9" is a number
)
_DOUBLE_NEGATIVE_RE = re.compile(
    r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}?(?:un|in|im|non|dis|il|ir)\w{3,}|"
    r"\b(?:not|never|no|cannot|\w+n't)\b.*\b(?:not|never|no|none|nothing|nobody)\b",
    re.IGNORECASE,
)
_NEGATED_PREFIX_WORDS = _set(
    "untrue uncommon unusual unlikely unimportant incorrect inaccurate impossible improbable "
    "insignificant invalid illegal irrelevant irregular unknown unrelated unable unaware "
    "unfounded unjustified unreasonable nonexistent dishonest disagree"
)


def check_negative_statement(item: _Item) -> Iterator[Flaw]:
    if item.type != "true_false":
        return
    statement = _NOT_NEGATIVE_RE.sub(" ", _unquoted(item.stem))
    negations = _STATEMENT_NEGATION_RE.findall(statement)
    if not negations:
        return
    lowered = [w.lower() for w in _words(statement)]
    double = len(negations) >= 2 or any(w in _NEGATED_PREFIX_WORDS for w in lowered)
    yield _flaw(
        "negative-statement",
        ("The statement has a double negative" if double else "The statement is negated")
        + f" ({', '.join(_quote(n) for n in negations[:2])}).",
        0.8 if double else 0.6,
    )


#: Words that make a stem a request even without a question mark.
_REQUEST_VERBS = _set(
    "name list state give identify select choose match order arrange rank sort define "
    "explain describe calculate compute find determine estimate write complete fill "
    "indicate classify compare contrast discuss outline evaluate suggest predict label "
    "put place drag pick enter type convert simplify solve"
)
_AUXILIARIES = _set(
    "is are was were be been being am has have had do does did can could will would shall "
    "should may might must"
)


def _has_verb(text: str) -> bool:
    words = _lower_words(text)
    if not words:
        return False
    if words[0] in _REQUEST_VERBS or any(w in _AUXILIARIES for w in words):
        return True
    if _has_main_clause(text):
        return True
    for n, word in enumerate(words):
        if word in IRREGULAR_VERB_FORMS:
            return True
        if n and word.endswith("ed") and word[:-2] in VERB_BASES | {word[:-1][:-1]}:
            return True
        plural_noun = word.endswith(("ss", "ies", "ics", "us", "is"))
        possessive = words[0].endswith("'s")  # "Koch's postulates": a noun after it
        if (
            n == 1
            and word.endswith("s")
            and not (plural_noun or possessive)
            and (words[0] not in STOPWORDS)
        ):
            return True  # "Sound travels", "Water boils": a subject and its verb
        if n and word.endswith("s") and (word[:-1] in VERB_BASES or word[:-2] in VERB_BASES):
            # "photosynthesis produces", not "unions" (a noun the lexicon does not list)
            return words[n - 1] not in STOPWORDS
    return False


def check_unfocused_stem(item: _Item) -> Iterator[Flaw]:
    if item.type not in (*ASKING_TYPES, "true_false") or item.type == "essay":
        return
    stem = item.stem.strip()
    if not stem or "?" in stem or _BLANK_RE.search(stem):
        return
    longest = 3 if item.type == "true_false" else 8
    if len(_words(stem)) > longest or _has_verb(stem):
        return  # a longer stem without a verb we know is more likely our gap than theirs
    if item.options and all(
        _lower_words(o)[:1] and _lower_words(o)[0] in _AUXILIARIES for o in item.options
    ):
        return  # a subject the options complete: "The member cities … {were …, was …}"
    yield _flaw(
        "unfocused-stem",
        f"The stem {_quote(stem)} names a topic but asks nothing.",
        0.7,
    )


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c(])")


#: The question leans on what comes before it: a case, a passage, a person described.
_DEPENDS_RE = re.compile(
    r"\b(?:most likely|this|these|such|he|she|his|her|him|they|them|their|described|"
    r"above|the (?:patient|case|man|woman|child|boy|girl|study|passage|abstract|text|"
    r"author|authors|results?|findings?|data|scenario|situation|experiment))\b",
    re.IGNORECASE,
)
#: A case the question is about: "A 24-year-old woman …", "Maya, aged 5, …".
_CASE_RE = re.compile(r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b|\baged \d+\b", re.IGNORECASE)
#: A link that announces the words before it as a preamble: "With that in mind, …".
_PREAMBLE_RE = re.compile(
    r"^\W*(?:with|bearing|keeping|having)\b[^,?]{0,60}\bin mind\b\W*", re.IGNORECASE
)


def check_wordy_stem(item: _Item) -> Iterator[Flaw]:
    """Words before the question that it does not need. A case or a passage the question
    refers to ("this patient", "the most likely cause", "according to the abstract") is
    what it asks about, however long; a quoted passage does not count."""
    if item.type in ("matching", "essay"):
        return
    stem = item.stem.strip()
    words = _words(_unquoted(stem, passages_only=True))
    if len(words) < 40:
        return
    parts = _SENTENCE_END_RE.split(stem)
    asked = parts[-1] if len(parts) > 1 else ""
    context = stem[: len(stem) - len(asked)] if asked else ""
    context_words = len(_words(context))
    preamble = _PREAMBLE_RE.match(asked)
    question = asked[preamble.end() :] if preamble else asked
    answer_side = _content_roots(" ".join([question, *item.options, *item.keys]))
    overlap = _content_roots(context) & answer_side
    if asked and context_words >= 25 and preamble:
        yield _flaw(
            "wordy-stem",
            f"{context_words} words come before the question, which says to keep them in "
            "mind but does not use them.",
            0.7,
        )
    elif (
        asked
        and context_words >= 30
        and len(overlap) <= 1
        and not _DEPENDS_RE.search(question)
        and not _CASE_RE.search(context)
    ):
        yield _flaw(
            "wordy-stem",
            f"{context_words} words come before the question and say nothing it needs.",
            0.7,
        )
    elif len(words) >= 90:
        yield _flaw("wordy-stem", f"The stem runs to {len(words)} words.", 0.5)


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


def check_numeric_order(item: _Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or len(item.options) < 3:
        return
    values = [_number(o) for o in item.options]
    if any(v is None for v in values):
        return
    numbers = [v for v in values if v is not None]
    if numbers != sorted(numbers) and numbers != sorted(numbers, reverse=True):
        yield _flaw(
            "numeric-order",
            "The numeric options are not in order: "
            + ", ".join(_quote(o, 20) for o in item.options)
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
    words = _words(option)
    if len(words) == 1:
        if words[0].lower().endswith(_CONCEPT_SUFFIXES):
            return "concept-word"  # "Variolation": a concept, not a person
        return "word"  # "Glasgow" or "Rembrandt": a name of any kind
    content = [w for w in words if w.lower() not in STOPWORDS]
    if words[0][0].isupper() and words[-1][0].isupper() and all(w[0].isupper() for w in content):
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

_COMPATIBLE = {
    frozenset({"person", "name"}),
    frozenset({"person", "person-like"}),
    frozenset({"name", "person-like"}),
    frozenset({"phrase", "person-like"}),
    *(frozenset({"word", other}) for other in ("person", "name", "person-like", "phrase")),
    # a title may be a concept word too ("Resurrection" among novels), a person may not
    *(frozenset({"concept-word", other}) for other in ("word", "name", "person-like", "phrase")),
}


def _compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _COMPATIBLE


def check_mixed_kinds(item: _Item) -> Iterator[Flaw]:
    if item.type not in CHOICE_TYPES or len(item.options) < 3:
        return
    if any(not _words(o) or len(_words(o)) > 5 for o in item.options):
        return  # whole statements: their kinds are not names'
    shapes = [_shape(o) for o in item.options]
    if shapes.count("person") >= 2:
        # among people, a two- or three-word name is a person too ("Robert Koch")
        shapes = [
            "person" if s == "name" and 2 <= len(_words(o)) <= 3 else s
            for s, o in zip(shapes, item.options, strict=True)
        ]
    for n, shape in enumerate(shapes):
        rest = shapes[:n] + shapes[n + 1 :]
        fits_none = not any(_compatible(shape, other) for other in rest)
        rest_agree = all(_compatible(a, b) for a in rest for b in rest)
        # one head noun says one kind, however it is capitalised ("Great Railroad Strike"
        # among "Pullman railway strike" and "Homestead steel strike")
        head = _lower_words(item.options[n])[-1:]
        same_head = any(_lower_words(o)[-1:] == head for m, o in enumerate(item.options) if m != n)
        if fits_none and rest_agree and not same_head:
            kinds = {"person": "people", "person-like": "names", "name": "names"}
            yield _flaw(
                "mixed-kinds",
                f"{_quote(item.options[n])} stands out among the other options "
                f"({kinds.get(rest[0], rest[0] + 's')}).",
                0.6,
            )
            return


def check_matching_free_pair(item: _Item) -> Iterator[Flaw]:
    if item.type != "matching" or len(item.pairs) < 2:
        return
    rights = {right for _, right in item.pairs}
    if len(rights) == len(item.pairs) and set(item.options) <= rights:
        yield _flaw(
            "matching-free-pair",
            f"{len(item.pairs)} prompts and {len(rights)} answers, each used once: the last "
            "pair is free.",
            0.6,
        )


_SINGULAR_VERBS = _set("is was has does")
_PLURAL_VERBS = _set("are were have do")


def _subject_number(stem: str) -> str:
    """ "pl" or "sg" for a verbless lead-in the options complete with a verb ("The member
    cities of the Hanseatic League"): the number of its head, the noun before "of"."""
    words = _lower_words(re.split(r"\b(?:of|in|on|at|from|for|with|during)\b", stem)[0])
    determined = words[:1] and words[0] in ("the", "these", "those", "this", "that", "a", "an")
    if not words:
        return ""
    head = words[-1]
    plural_head = head.endswith("s") and not head.endswith(
        ("ss", "us", "is", "ics", "series", "species")
    )
    if not (determined or words[0].endswith("'s")):
        return "pl" if plural_head and len(words) <= 4 else ""  # "Mature xylem vessels"
    if words[0] in ("these", "those") or (
        head.endswith("s") and not head.endswith(("ss", "us", "is", "ics", "series", "species"))
    ):
        return "pl"
    return "sg" if words[0] in ("this", "that", "a", "an") or len(head) >= 3 else ""


def _verb_number(word: str) -> str:
    """ "sg" for a third-person singular verb ("is", "states"), "pl" for a plural or base
    form ("are", "relate"), "" for a word that is not a verb we know."""
    if word in _SINGULAR_VERBS:
        return "sg"
    if word in _PLURAL_VERBS:
        return "pl"
    bases = {word[:-1], word[:-2], word[:-3] + "y"} if word.endswith("s") else set()
    if bases & VERB_BASES and not word.endswith("ss"):
        return "sg"
    return "pl" if word in VERB_BASES else ""


def _option_verb_number(option: str) -> str:
    """The number of the verb an option opens with: a verb the lexicon knows, or any word
    followed by what starts an object ("states that …", "relate the …")."""
    words = _lower_words(option)
    if not words:
        return ""
    number = _verb_number(words[0])
    if number or len(words) < 2 or words[1] not in OBJECT_STARTERS | {"that"}:
        return number
    return "sg" if words[0].endswith("s") and not words[0].endswith("ss") else "pl"


def check_subject_agreement(item: _Item) -> Iterator[Flaw]:
    """Only the key's verb agrees with the subject the stem leaves open ("Kirchhoff's
    current law {=states … ~relate … ~describe …}")."""
    if item.type != "single_choice" or not item.keys or _has_verb(item.stem):
        return
    verbs = [(_lower_words(o) or [""])[0] for o in item.options]
    if any(
        not o[:1].islower() and v not in _AUXILIARIES
        for o, v in zip(item.options, verbs, strict=True)
    ):
        return  # options that start with a name, not a verb
    numbers = [_option_verb_number(o) for o in item.options]
    if not all(numbers):
        return
    number = _subject_number(item.stem)
    if not number:
        return
    key = item.options.index(item.keys[0])
    misfits = [o for n, o in enumerate(item.options) if n != key and numbers[n] != number]
    if numbers[key] == number and len(misfits) == len(item.options) - 1:
        yield _flaw(
            "grammar-cue",
            f"Only the key's verb ({_quote(verbs[key])}) agrees with the stem's subject.",
            0.8,
        )


CHECKS = (
    check_subject_agreement,
    check_longest_option,
    check_word_repeat,
    check_answer_in_stem,
    check_convergence,
    check_absolute_terms,
    check_vague_terms,
    check_all_of_the_above,
    check_none_of_the_above,
    check_combination_options,
    check_negative_stem,
    check_negative_statement,
    check_unfocused_stem,
    check_wordy_stem,
    check_numeric_order,
    check_mixed_kinds,
    check_matching_free_pair,
)
