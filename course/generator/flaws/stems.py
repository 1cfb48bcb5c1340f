"""Classic item-writing flaws of the stem: negative stems and statements, a stem that asks
nothing, a wall of words, a subject only the key agrees with."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import (
    DETERMINERS,
    IRREGULAR_VERB_FORMS,
    OBJECT_STARTERS,
    PREPOSITIONS,
    STOPWORDS,
    VERB_BASES,
)
from .form import ASKING_TYPES, AUXILIARIES, OPTION_TYPES, content_roots, lower_words, unquoted
from .item import Item, has_main_clause
from .model import Flaw, make_flaw, word_set
from .words import BLANK_RE, quote_of, words_of, zipf_of

# --- the stem ----------------------------------------------------------------------------

_NEGATIVE_RE = re.compile(
    r"\b(?:not|except|least|incorrect|untrue|false|never|cannot|can't|isn't|aren't|wasn't|"
    r"weren't|doesn't|don't|didn't|won't|wouldn't|shouldn't|couldn't|hasn't|haven't)\b",
    re.IGNORECASE,
)
_NOT_NEGATIVE_RE = re.compile(
    # a capitalised negation inside a title ("the novel Never Let Me Go"): part of a name
    r"(?<=\w )(?-i:(?:Never|Not|No|None)(?:\s+[A-Z][\w']*)+)|"
    r"\b(?:not (?:only|just|merely|simply)|no longer|whether or not|at least|if not|not least|"
    r"true or false|(?:with|in|under|at|for|of) no|"
    r"true and (?:which|what) (?:are|is) false|false positive|false negative)\b",
    re.IGNORECASE,
)


#: A negation inside a relative clause that defines what is asked for ("crime that is
#: never reported"): the content is negative, not the ask. Not after "Which" or "the
#: following", where the clause is the ask ("Which is not …", "the following that are not").
_RELATIVE_NEGATION_RE = re.compile(
    r"(?<=[a-z] )(?<!following )(?<!these )(?<!options )(?:that|who|whose|where)\s+"
    r"(?:\w+\s+){0,2}?(?:not|never)\b",
)


#: A negation inside the content of what is asked for: "the principle that a matter decided
#: by a court cannot be litigated again" names a principle; the question is not negative.
_CONTENT_NEGATION_RE = re.compile(
    r"\b(?:principle|rule|doctrine|idea|view|notion|belief|claim|theory|hypothesis|maxim|"
    r"fact|presumption|assumption)\s+that\s+(?:[\w'-]+\s+){0,10}?(?:not|never|cannot|"
    r"\w+n't)\b",
    re.IGNORECASE,
)


#: A negation inside a clause of purpose, result or condition ("cursed so that her
#: prophecies would never be believed"): what happened, not what is asked.
_SUBORDINATE_NEGATION_RE = re.compile(
    r"\b(?:so that|such that|because|although|though|unless|whenever)\s+(?:[\w'-]+\s+){0,8}?"
    r"(?:not|never|cannot|\w+n't)\b",
    re.IGNORECASE,
)


def check_negative_stem(item: Item) -> Iterator[Flaw]:
    if item.type not in (*OPTION_TYPES, "short_answer", "numerical") or not item.stem:
        return
    stem = _RELATIVE_NEGATION_RE.sub(" ", _NOT_NEGATIVE_RE.sub(" ", unquoted(item.stem)))
    stem = _SUBORDINATE_NEGATION_RE.sub(" ", _CONTENT_NEGATION_RE.sub(" ", stem))
    found = _NEGATIVE_RE.search(stem)
    if not found:
        return
    word = found.group()
    asked = item.is_question or stem.rstrip().endswith((":", "\u2026", "...")) or word.isupper()
    if not asked and BLANK_RE.search(stem):
        return  # a statement with a gap that says "not": the content is negative, not the ask
    yield make_flaw(
        "negative-stem",
        f"The stem asks negatively ({quote_of(word)})"
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
_NEGATED_PREFIX_WORDS = word_set(
    "untrue uncommon unusual unlikely unimportant incorrect inaccurate impossible improbable "
    "insignificant invalid illegal irrelevant irregular unknown unrelated unable unaware "
    "unfounded unjustified unreasonable nonexistent dishonest disagree"
)


def check_negative_statement(item: Item) -> Iterator[Flaw]:
    if item.type != "true_false":
        return
    # "participants who did not attend had higher mortality": the negation names a group
    # the statement is about; what it asserts is not negated
    statement = _RELATIVE_NEGATION_RE.sub(" ", _NOT_NEGATIVE_RE.sub(" ", unquoted(item.stem)))
    negations = _STATEMENT_NEGATION_RE.findall(statement)
    if not negations:
        return
    lowered = [w.lower() for w in words_of(statement)]
    double = len(negations) >= 2 or any(w in _NEGATED_PREFIX_WORDS for w in lowered)
    yield make_flaw(
        "negative-statement",
        ("The statement has a double negative" if double else "The statement is negated")
        + f" ({', '.join(quote_of(n) for n in negations[:2])}).",
        0.8 if double else 0.6,
    )


#: Words that make a stem a request even without a question mark.
_REQUEST_VERBS = word_set(
    "name list state give identify select choose match order arrange rank sort define "
    "explain describe calculate compute find determine estimate write complete fill "
    "indicate classify compare contrast discuss outline evaluate suggest predict label "
    "put place drag pick enter type convert simplify solve"
)


def _has_verb(text: str) -> bool:
    words = lower_words(text)
    if not words:
        return False
    if words[0] in _REQUEST_VERBS or any(w in AUXILIARIES for w in words):
        return True
    # a capitalised word after the first is part of a name ("the United States"), no verb
    named = {n for n, w in enumerate(words_of(text)) if n and w[:1].isupper()}
    if has_main_clause(" ".join(w for n, w in enumerate(words_of(text)) if n not in named)):
        return True
    for n, word in enumerate(words):
        if n in named:
            continue
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


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c(])")


#: A question that asks only which option is true ("Which statement about X is true?",
#: "Which of the following is correct regarding X?", "Which is true of X?"): the stem poses
#: no problem, and each option is a question of its own.
_OPEN_ASK_RE = re.compile(
    r"^\W*(?:which|what)\s+(?:one\s+)?(?:of\s+(?:the\s+following|these|those)\s+)?"
    r"(?:(?:statements?|options?|answers?|choices?|sentences?|claims?|one)\s+)?"
    r"(?:(?:about|regarding|concerning|on|of)\s+[^?]{1,80}?\s+)?"
    r"(?:is|are)\s+(?:(?:the\s+)?most\s+)?(?:true|correct|accurate|right|valid|false|incorrect|"
    r"untrue|inaccurate|wrong)"
    r"(?:\s+(?:of|about|regarding|concerning|for|with\s+(?:regard|respect)\s+to|"
    r"in\s+relation\s+to|as\s+regards)\s+[^?]+)?\s*\?\s*$",
    re.IGNORECASE,
)


def _open_ask(item: Item) -> str:
    """The question a single choice asks when it asks only which option is true."""
    if item.type != "single_choice":
        return ""  # several true statements to tick is what a multiple response asks
    question = _SENTENCE_END_RE.split(item.stem.strip())[-1]
    return question if _OPEN_ASK_RE.match(question) else ""


def check_unfocused_stem(item: Item) -> Iterator[Flaw]:
    if item.type not in (*ASKING_TYPES, "true_false") or item.type == "essay":
        return
    open_ask = _open_ask(item)
    if open_ask:
        yield make_flaw(
            "unfocused-stem",
            f"{quote_of(open_ask)} poses no problem: each option is a question of its own.",
            0.6,
        )
        return
    stem = item.stem.strip()
    if not stem or "?" in stem or BLANK_RE.search(stem):
        return
    longest = 3 if item.type == "true_false" else 8
    if len(words_of(stem)) > longest or _has_verb(stem):
        return  # a longer stem without a verb we know is more likely our gap than theirs
    bare_term = 0 < len(words_of(stem)) <= 3 and lower_words(stem)[0] not in DETERMINERS
    if (
        item.options
        and not bare_term
        and all(lower_words(o)[:1] and lower_words(o)[0] in AUXILIARIES for o in item.options)
    ):
        # a subject the options complete: "The member cities … {were …, was …}"; a bare
        # term ("Habeas corpus {=is a writ … ~is a tax …}") is still a topic, not a question
        return
    yield make_flaw(
        "unfocused-stem",
        f"The stem {quote_of(stem)} names a topic but asks nothing.",
        0.7,
    )


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
    r"^\W*(?:(?:with|bearing|keeping|having)\b[^,?]{0,60}\bin mind|"
    r"(?:leaving|setting|putting)\b[^,?]{0,60}\baside|all that (?:aside|said)|that said)\b\W*",
    re.IGNORECASE,
)


def check_wordy_stem(item: Item) -> Iterator[Flaw]:
    """Words before the question that it does not need. A case or a passage the question
    refers to ("this patient", "the most likely cause", "according to the abstract") is
    what it asks about, however long; a quoted passage does not count."""
    if item.type in ("matching", "essay"):
        return
    stem = item.stem.strip()
    words = words_of(unquoted(stem, passages_only=True))
    if len(words) < 40:
        return
    parts = _SENTENCE_END_RE.split(stem)
    asked = parts[-1] if len(parts) > 1 else ""
    context = stem[: len(stem) - len(asked)] if asked else ""
    context_words = len(words_of(context))
    preamble = _PREAMBLE_RE.match(asked)
    question = asked[preamble.end() :] if preamble else asked
    answer_side = content_roots(" ".join([question, *item.options, *item.keys]))
    overlap = content_roots(context) & answer_side
    if asked and context_words >= 25 and preamble:
        yield make_flaw(
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
        yield make_flaw(
            "wordy-stem",
            f"{context_words} words come before the question and say nothing it needs.",
            0.7,
        )
    elif len(words) >= 90:
        yield make_flaw("wordy-stem", f"The stem runs to {len(words)} words.", 0.5)


_SINGULAR_VERBS = word_set("is was has does")
_PLURAL_VERBS = word_set("are were have do")


def _subject_number(stem: str) -> str:
    """ "pl" or "sg" for a verbless lead-in the options complete with a verb ("The member
    cities of the Hanseatic League"): the number of its head, the noun before "of"."""
    words = lower_words(re.split(r"\b(?:of|in|on|at|from|for|with|during)\b", stem)[0])
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
    words = lower_words(option)
    if not words:
        return ""
    number = _verb_number(words[0])
    if number or len(words) < 2 or words[1] not in OBJECT_STARTERS | {"that"}:
        return number
    return "sg" if words[0].endswith("s") and not words[0].endswith("ss") else "pl"


def _crude_verb_number(option: str) -> str:
    """The number of an option's first word read as a verb by its ending alone, or "" for
    a word that looks like a noun or an adjective ("elastic", "formation")."""
    words = lower_words(option)
    if len(words) < 2 or words[0] in DETERMINERS or words[0].endswith(_NOT_VERB_ENDINGS):
        return ""
    if words[0] in IRREGULAR_PLURALS or words[0] in _IRREGULAR_SINGULARS:
        return ""  # a noun: "bacteria divide", "children learn"
    first = words[0]
    if first.endswith("s") and not first.endswith(("ss", "us", "is")):
        return "sg"
    return "pl"


def check_subject_agreement(item: Item) -> Iterator[Flaw]:
    """Only the key's verb agrees with the subject the stem leaves open ("Kirchhoff's
    current law {=states … ~relate … ~describe …}")."""
    if item.type != "single_choice" or not item.keys or _has_verb(item.stem):
        return
    verbs = [(lower_words(o) or [""])[0] for o in item.options]
    if any(
        not o[:1].islower() and v not in AUXILIARIES
        for o, v in zip(item.options, verbs, strict=True)
    ):
        return  # options that start with a name, not a verb
    numbers = [_option_verb_number(o) for o in item.options]
    if any(numbers) and not all(numbers):
        # the stem's subject waits for its verb, and one option opens with a verb we know:
        # every option's first word is that verb's slot ("platelets {=help … ~carries …}")
        numbers = [n or _crude_verb_number(o) for n, o in zip(numbers, item.options, strict=True)]
    if not all(numbers):
        return
    number = _subject_number(item.stem)
    if not number:
        return
    key = item.options.index(item.keys[0])
    misfits = [o for n, o in enumerate(item.options) if n != key and numbers[n] != number]
    if numbers[key] == number and len(misfits) == len(item.options) - 1:
        yield make_flaw(
            "grammar-cue",
            f"Only the key's verb ({quote_of(verbs[key])}) agrees with the stem's subject.",
            0.8,
        )


_MODAL_END_RE = re.compile(
    r"\b(?:will|would|can|could|may|might|must|shall|should|to)\s*(?:_{3,})?\s*$", re.IGNORECASE
)
#: Endings of adjectives and nouns: an option opening with one is no verb ("elastic
#: recovery", "parliamentary sovereignty").
_NOT_VERB_ENDINGS = (
    "ic", "al", "ar", "ary", "ous", "ive", "ful", "less", "tion", "sion", "ity", "ism", "ment",
    "ness", "ance", "ence", "ial", "ian",
)  # fmt: skip


def _opens_with_verb(option: str) -> bool:
    words = lower_words(option)
    if not words:
        return False
    first = words[0]
    if first in VERB_BASES:
        return True
    # "deform plastically", "follow binding precedent": a word before an adverb or an object
    return (
        len(words) >= 2
        and not first.endswith(_NOT_VERB_ENDINGS)
        and first not in DETERMINERS
        and (words[1].endswith("ly") or words[1] in OBJECT_STARTERS)
    )


def _noun_phrase(option: str) -> bool:
    words = lower_words(option)
    return bool(words) and (
        words[0] in DETERMINERS
        or (words[0] not in VERB_BASES and words[0].endswith(_NOT_VERB_ENDINGS))
    )


def check_verb_slot(item: Item) -> Iterator[Flaw]:
    """The stem ends where a verb must follow ("it will", "courts are required to"), the key
    is a verb phrase and every distractor a noun phrase."""
    if item.type != "single_choice" or not item.keys or len(item.distractors) < 2:
        return
    before = BLANK_RE.split(item.stem)[0] if BLANK_RE.search(item.stem) else item.stem
    if not _MODAL_END_RE.search(before.rstrip(" .:")):
        return
    if _opens_with_verb(item.keys[0]) and all(_noun_phrase(d) for d in item.distractors):
        yield make_flaw(
            "grammar-cue",
            "Only the key is a verb phrase, as the words before the gap need; the distractors "
            "are nouns.",
            0.7,
        )


_PLURAL_ASK_RE = re.compile(
    r"^\W*(?:which|what)\s+(?:of\s+(?:these|the following)\s+|(?:\w+\s+){0,2})(?:are|were)\b",
    re.IGNORECASE,
)


def _pairs(text: str) -> dict[str, str]:
    """ "a b, c d" as {"a": "b", "c": "d"}."""
    return {one: other for one, other in (pair.split() for pair in text.split(", "))}


#: English plurals that do not end in "-s" (or whose "-s" form reads as singular), with
#: their singulars: Latin and Greek plurals and the old Germanic ones.
IRREGULAR_PLURALS = _pairs(
    "mitochondria mitochondrion, bacteria bacterium, criteria criterion, phenomena "
    "phenomenon, data datum, media medium, strata stratum, curricula curriculum, "
    "memoranda memorandum, millennia millennium, spectra spectrum, maxima maximum, "
    "minima minimum, quanta quantum, ova ovum, cilia cilium, flagella flagellum, atria "
    "atrium, septa septum, symposia symposium, consortia consortium, referenda "
    "referendum, errata erratum, genera genus, corpora corpus, phyla phylum, taxa taxon, "
    "ganglia ganglion, protozoa protozoon, stomata stoma, schemata schema, fungi fungus, "
    "nuclei nucleus, nucleoli nucleolus, stimuli stimulus, cacti cactus, radii radius, "
    "foci focus, loci locus, alumni alumnus, bacilli bacillus, villi villus, syllabi "
    "syllabus, algae alga, larvae larva, pupae pupa, vertebrae vertebra, antennae "
    "antenna, formulae formula, amoebae amoeba, nebulae nebula, indices index, matrices "
    "matrix, vertices vertex, apices apex, cortices cortex, appendices appendix, "
    "analyses analysis, hypotheses hypothesis, crises crisis, theses thesis, diagnoses "
    "diagnosis, oases oasis, parentheses parenthesis, syntheses synthesis, children "
    "child, people person, men man, women woman, teeth tooth, feet foot, mice mouse, "
    "geese goose, lice louse, oxen ox, cattle cattle, police police"
)
_IRREGULAR_SINGULARS = frozenset(IRREGULAR_PLURALS.values()) - frozenset(IRREGULAR_PLURALS)
#: Nouns whose singular and plural are one word: the number is the verb's to say.
_INVARIABLE = word_set(
    "species series means headquarters crossroads sheep deer fish aircraft spacecraft "
    "offspring moose swine bison salmon trout"
)


def _plural_word(word: str) -> bool | None:
    """Whether one noun is plural: "-s" (not "-ss", "-us", "-is", which are singular), an
    irregular plural ("mitochondria", "nuclei", "children", "firemen"), a Latin plural in
    "-i" or "-ae" whose singular is a word ("stimuli", "larvae"); None when it cannot tell
    ("species", "physics")."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if w in _IRREGULAR_SINGULARS:
        return False
    if w in _INVARIABLE or w.endswith("ics"):
        return None
    if w.endswith(("ss", "us", "is")):
        return False
    if w.endswith("s"):
        # a word far more common than its singular is a name ("Athens", "Texas", "Jones")
        # or has no singular ("scissors"): it says nothing of the number asked for
        singulars = (w[:-1], w[:-2], w[:-3] + "y") if w.endswith("es") else (w[:-1],)
        return True if zipf_of(w) < max(zipf_of(x) for x in singulars) + 1.0 else None
    if w.endswith("men") and zipf_of(w[:-3] + "man") >= 2.5:
        return True  # "firemen", "chairwomen"; not "specimen", "abdomen"
    # "-i" of "-us" ("fungi"), not of "-u" ("Hindi": "Hindus" is Hindu's plural)
    if w.endswith("i") and zipf_of(w[:-1] + "us") >= 2.5 and zipf_of(w[:-1] + "u") < 2.5:
        return True
    return len(w) > 4 and w.endswith("ae") and zipf_of(w[:-1]) >= 1.5


_PRONOUNS = word_set("it they he she we you i there this these")
#: Words that end the head of a noun phrase: "Cells of the liver" is about cells.
_HEAD_END_RE = re.compile(
    r"\b(?:" + "|".join(sorted(PREPOSITIONS - {"as", "when", "while"})) + r"|that|which)\b"
)


def _option_number(option: str) -> bool | None:
    """Whether an option naming a thing names a plural: the number of its head noun ("The
    Golgi apparatus", "Red blood cells", "Cells of the liver"); None for a clause, a list or
    a longer phrase."""
    words = lower_words(_HEAD_END_RE.split(option.lower())[0])
    if not words or len(words) > 4 or set(words) & (AUXILIARIES | {"and", "or", "nor"}):
        return None
    if "," in option or words[0] in _PRONOUNS:
        return None  # a list, or a clause ("It expands")
    return _plural_word(words[-1])


_ENDS_ON_PREPOSITION_RE = re.compile(
    r"\b(?:" + "|".join(sorted(PREPOSITIONS)) + r"|to)\s*\?\s*$", re.IGNORECASE
)


def check_plural_agreement(item: Item) -> Iterator[Flaw]:
    """ "Which of these are organelles …?" or "Which organelles are …?" with a plural key
    among singular distractors ("Mitochondria" among "Nucleus", "Golgi apparatus")."""
    if item.type != "single_choice" or not item.keys or not _PLURAL_ASK_RE.match(item.stem):
        return
    if _ENDS_ON_PREPOSITION_RE.search(item.stem):
        return  # "What are antibodies made by?": the answer is the object, of any number
    if _option_number(item.keys[0]) and all(_option_number(d) is False for d in item.distractors):
        yield make_flaw(
            "grammar-cue",
            "The stem asks for a plural and only the key is plural.",
            0.7,
        )


_WHICH_OF_RE = re.compile(
    r"\bwhich\s+(?:(?:one|two|three|four)\s+)?of\s+(?:the\s+following|these|those|"
    r"the\s+(?:options|answers|choices|statements|items|alternatives))\b",
    re.IGNORECASE,
)
#: What the stem itself offers to choose among: a list after a colon, a series ("Mars,
#: Venus and Earth"), labelled items ("(a) … (b) …", "I. … II. …").
_LISTED_RE = re.compile(
    r":\s*\S|[^\W\d_][^,;?]*,\s*[^,;?]+(?:,\s*[^,;?]+)*,?\s+(?:and|or)\s+\S|"
    r"(?:^|\s)\(?(?:[a-e]|[1-5]|i{1,3}|iv)[.)]\s+\S.*\s\(?(?:[b-f]|[2-6]|i{2,3}|iv|v)[.)]\s+\S",
    re.IGNORECASE | re.DOTALL,
)


def check_which_without_options(item: Item) -> Iterator[Flaw]:
    """ "Which of the following …?" in a question that has no options to follow."""
    if item.type not in ("short_answer", "numerical", "essay"):
        return
    stem = unquoted(item.stem)
    found = _WHICH_OF_RE.search(stem)
    if found and not _LISTED_RE.search(stem):
        yield make_flaw(
            "which-without-options",
            f"The stem says {quote_of(found.group())}, but the question has no options.",
            0.7,
        )


CHECKS = (
    check_which_without_options,
    check_verb_slot,
    check_plural_agreement,
    check_negative_stem,
    check_negative_statement,
    check_unfocused_stem,
    check_wordy_stem,
    check_subject_agreement,
)
