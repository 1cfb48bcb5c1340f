"""Checks that an item is well formed: referents, whole clauses, grammar of the gap."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..kinds import head_word
from ..lexicon import (
    DETERMINERS,
    PREPOSITIONS,
    STOPWORDS,
)
from ..tokens import is_acronym
from .form import lower_words
from .item import NO_END, VERBS, Item, finite_at, has_main_clause, open_clause_without_verb
from .model import CHOICE_TYPES, GAP_TYPES, Flaw, make_flaw, word_set
from .words import BLANK_RE, quote_of, units_of, words_of

# --- well-formed --------------------------------------------------------------------------

_STRONG_OPENERS = re.compile(
    r"^(?:that is why|this is why|this is because|that is because|for this reason|"
    r"because of this|in this way|to this end|as such|other reasons?|another reason|"
    r"other factors|the former|the latter|both of them|the rest|and yet|and so|in so doing|"
    r"in doing so|by doing so)\b",
    re.IGNORECASE,
)
_EXPLETIVE_IT = re.compile(
    r"^it\s+(?:is|was|has been|had been|seems|seemed|appears|appeared|(?:will|would|can|"
    r"could|may|might|must|should) be)\b[^.]{0,80}?\b(?:that|to|whether|how|why|what)\b",
    re.IGNORECASE,
)
_CAUSAL_LINKERS = re.compile(
    r"^(?:thus|therefore|hence|consequently|accordingly|however|nevertheless|nonetheless|"
    r"instead|conversely|otherwise|as a result|in contrast|by contrast|on the other hand|"
    r"in turn)\b|^(?:still|yet),",
    re.IGNORECASE,
)
_ADDITIVE_LINKERS = re.compile(
    r"^(?:moreover|furthermore|besides|additionally|finally|lastly|firstly|secondly|thirdly|"
    r"similarly|likewise|meanwhile|in addition|above all|in particular|at the same time|"
    r"first of all)\b|^(?:also|then|next|first|second|third|fourth|here|again),",
    re.IGNORECASE,
)
#: Nouns for the article itself: "this study" has a referent (the text), framing aside.
_SELF_NOUNS = word_set(
    "paper study article essay research review commentary chapter thesis work book report "
    "survey section analysis project text"
)


#: "Those" with the words that say who: "Those assigned to …", "Those who …".
_THOSE_DEFINED_RE = re.compile(r"^those\s+(?:who|whose|[a-z]+ed\s+(?:to|by|in|for|with))\b", re.I)


def _dangling(statement: str) -> tuple[float, str]:
    """(severity, opener) for a statement opening on something it does not name."""
    text = statement.lstrip(" \"'\u201c\u2018(")
    words = [w.lower() for w in words_of(text)]
    if not words:
        return 0.0, ""
    strong = _STRONG_OPENERS.match(text)
    if strong:
        return 0.8, strong.group()
    first = words[0]
    if first == "it" and not _EXPLETIVE_IT.match(text):
        return 0.8, "It"
    if first in ("they", "he", "she", "them", "both"):
        return 0.8, text.split()[0]
    if first in ("its", "their", "his", "her"):
        return 0.6, text.split()[0]
    if first == "those" and _THOSE_DEFINED_RE.match(text):
        return 0.0, ""  # "Those assigned to the WE condition …": the words after say who
    if first in ("this", "that", "these", "those", "such") and len(words) > 1:
        if finite_at(["x", *words[1:]], 1):  # "That agrees", "This is": a pronoun subject
            return 0.8, " ".join(text.split()[:2])
        nouns = [w for w in words[1:4] if w not in STOPWORDS]
        if not (set(nouns) & _SELF_NOUNS):
            return 0.45, " ".join(text.split()[:2])
    causal = _CAUSAL_LINKERS.match(text)
    if causal:
        return 0.4, causal.group().rstrip(",")
    additive = _ADDITIVE_LINKERS.match(text)
    if additive:
        return 0.2, additive.group().rstrip(",")
    for i, word in enumerate(words[1:6], start=1):
        follower = words[i + 1] if i + 1 < len(words) else ""
        unresolved = follower and follower not in STOPWORDS and follower not in words[:i]
        if (
            word in ("this", "these", "those", "such")
            and unresolved
            and follower not in _SELF_NOUNS
        ):
            return 0.25, f"{word} {follower}"
    return 0.0, ""


def check_dangling(item: Item) -> Iterator[Flaw]:
    stem_types = ("cloze", "single_choice", "short_answer", "true_false", "numerical")
    severity, opener = _dangling(item.stem) if item.type in stem_types else (0.0, "")
    if severity and not item.is_question:
        yield make_flaw(
            "dangling-reference",
            f"The stem opens with “{opener}”, which refers to something it does not "
            "name: name it or drop the linker.",
            severity,
        )
    statements = (
        item.options
        if item.type == "ordering"
        else [right for _, right in item.pairs]
        if item.type == "matching"
        else []
    )
    worst = max(((_dangling(s), s) for s in statements), default=((0.0, ""), ""))
    (severity, opener), statement = worst
    if severity:
        yield make_flaw(
            "dangling-reference",
            f"The option {quote_of(statement)} opens with “{opener}”, which refers to something "
            "it does not name: name it.",
            severity * (0.9 if item.type == "ordering" else 0.8),
        )


_STRAY_PUNCTUATION_RE = re.compile(r"\b(?:the|a|an|of|to)\s*[,;]", re.IGNORECASE)
_PARTICLES = word_set("out up off down away back than as over")
ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ful", "able", "ible", "ary")


def _fragment(statement: str, item: Item, clause: bool) -> tuple[float, str]:
    """(severity, why) when ``statement`` is not a whole sentence (``clause``: one is
    expected; else only broken phrases count, as for a term among options)."""
    words = [w.lower() for w in words_of(statement)]
    if not words:
        return 0.9, "it is empty"
    if words[-1] in NO_END:
        return 0.8, f"it ends on “{words_of(statement)[-1]}”"
    if statement.count("(") != statement.count(")") or statement.count('"') % 2:
        return 0.6, "a bracket or quotation mark is left open"
    if statement.count("\u201c") != statement.count("\u201d"):
        return 0.6, "a quotation mark is left open"
    stray = _STRAY_PUNCTUATION_RE.search(statement)
    if stray:
        return 0.5, f"punctuation cuts a phrase at “{stray.group()}”"
    if not clause:
        return 0.0, ""
    reasons = [(0.0, "")]
    cut = _cut_in_source(statement, item)
    if cut:
        reasons.append((0.55, cut))
    if item.type != "short_answer":  # a quoted context may be a clause of its sentence
        if open_clause_without_verb(statement):
            reasons.append((0.7, "its last clause has no verb"))
        elif not has_main_clause(statement):
            reasons.append((0.6, "it has no main clause (a subject with a finite verb)"))
        first = words[0]
        if statement[:1].isupper() and first.endswith("s") and {first[:-1], first[:-2]} & VERBS:
            reasons.append((0.4, f"it starts with the verb “{words_of(statement)[0]}”, no subject"))
    return max(reasons, key=lambda r: r[0])


def _cut_in_source(statement: str, item: Item) -> str:
    """Why the statement stops mid-phrase where the source goes on, or ""."""
    units = units_of(statement)
    found = item.text.locate(units, [*item.cited, *range(len(item.text.sentences))])
    if not found:
        return ""
    sentence, start = found
    spans = item.text.spans[sentence]
    end = start + len(units)
    if end >= len(spans):
        return ""
    raw = item.text.sentences[sentence].replace("\u2019", "'")
    gap = raw[spans[end - 1][2] : spans[end][1]]
    following = spans[end][0].lower()
    last = units[-1]
    if not gap.strip() and following in _PARTICLES:
        return f"the source goes on with “{spans[end][0]}”"
    coordinated = gap.strip() == "," or (not gap.strip() and following in ("and", "or"))
    after = [w.lower() for w, _, _ in spans[end : end + 2]]
    partner = after[1] if after[:1] in (["and"], ["or"]) and len(after) > 1 else after[0]
    surface = spans[end - 1][0]
    modifier = (
        surface.islower()  # not a name, not a plural noun: "internal", "social"
        and not surface.endswith("s")
        and last.endswith(ADJECTIVE_ENDINGS)
        and len(last) > 4
        and partner not in STOPWORDS  # "internal and external", not "library, the two"
    )
    if coordinated and modifier:
        next_words = " ".join(w for w, _, _ in spans[end : end + 3])
        return f"it stops on the modifier “{spans[end - 1][0]}” before “{next_words}”"
    return ""


def check_fragments(item: Item) -> Iterator[Flaw]:
    if item.type in (*GAP_TYPES, "true_false", "numerical") and not item.is_question:
        severity, why = _fragment(item.statement, item, True)
        if severity:
            yield make_flaw(
                "fragment-stem",
                f"The stem is not a whole sentence ({why}): quote the whole clause.",
                severity,
            )
    if item.type == "ordering":
        results = [(_fragment(o, item, True), o) for o in item.options]
    elif item.type in CHOICE_TYPES or item.type == "matching":
        lefts = item.keys if item.type == "matching" else item.options
        results = [(_fragment(o, item, False), o) for o in lefts if len(words_of(o)) > 2]
        results += [((0.9, "it is empty"), o) for o in lefts if not words_of(o)]
    else:
        results = []
    bad = [(severity, why, o) for (severity, why), o in results if severity]
    if bad:
        severity, why, option = max(bad, key=lambda b: b[0])
        extra = f" ({len(bad)} options)" if len(bad) > 1 else ""
        yield make_flaw(
            "fragment-option",
            f"The option {quote_of(option)} is not a whole proposition ({why}){extra}: "
            "give each option its subject and verb.",
            min(0.9, severity + 0.1 * (len(bad) - 1)),
        )


_PLURAL_DETERMINERS = word_set(
    "these those many several both few various numerous multiple two three four five six "
    "seven eight nine ten"
)
_SINGULAR_DETERMINERS = word_set("a an this each every another one either neither")
_SKIPPABLE_ADVERBS = word_set("also often still not never already only thus then all")
_IRREGULAR_PLURALS = word_set("people children men women criteria phenomena police")


def _wants_an(option: str) -> bool | None:
    """Whether the option takes "an" (by its first sound), None when unsure."""
    words = words_of(option.strip(" \"'\u201c\u2018"))
    if not words:
        return None
    word = words[0]
    if word[0].isdigit():
        return word.startswith("8") or word in ("11", "18")
    if re.match(r"^[A-Za-z]-", word):  # "X-ray", "T-cell": the letter's name is said
        return word[0].upper() in "AEFHILMNORSX"
    if is_acronym(word):
        letters = word.upper()
        if re.search(r"[AEIOU]", letters[1:]) and (len(word) >= 4 or letters[1] in "AEIOU"):
            return None  # may be read as a word: "NATO", "NEP"
        return letters[0] in "AEFHILMNORSX"
    lower = word.lower()
    if lower[0] in "aeiou":
        return not lower.startswith(("uni", "use", "usu", "uti", "ure", "uro", "eu", "one"))
    return lower.startswith(("hour", "honest", "honou", "honor", "heir"))


def _is_plural(option: str) -> bool | None:
    """Whether the option is a plural noun phrase, None when unsure."""
    words = words_of(option)
    if not words:
        return None
    if any(w.lower() == "and" for w in words[1:]):
        return True
    head = head_word(list(words))
    lower = head.lower()
    if is_acronym(head):
        return head.endswith("s") and head[:-1].upper() == head[:-1]
    if lower in _IRREGULAR_PLURALS:
        return True
    if lower.endswith(("ics", "series", "species", "means", "data", "news")):
        return None
    if lower.endswith(("ss", "us", "is", "ous")):
        return False
    if lower.endswith("s") and len(lower) > 3:
        return None if head[0].isupper() and len(words) == 1 else True
    return False


_NAMING_WORDS = word_set("called known as termed named classified considered regarded described")


def _complement_number(before_gap: str) -> str:
    """ "pl" after "are"/"were" (perhaps "are called", "were known as"), "sg" after "is
    called", "was known as": the number a naming complement takes; "" otherwise. A plain
    "is ___" says nothing ("the result was higher prices")."""
    words = [w.lower() for w in words_of(before_gap)][-4:]
    while words and words[-1] in _NAMING_WORDS:
        words.pop()
    naming = len(words) < len([w.lower() for w in words_of(before_gap)][-4:])
    if words and words[-1] in ("are", "were"):
        return "pl"
    if words and words[-1] in ("is", "was") and naming:
        return "sg"
    return ""


def _gapped(item: Item) -> str:
    """The stem with its gap: a lead-in that stops where the answer goes ("… is called",
    "… regarded as an") gets one at its end."""
    stem = item.stem.rstrip()
    if BLANK_RE.search(stem) or stem.endswith(("?", ".", "!", ")", '"', "\u201d")):
        return stem
    return stem.rstrip(" :\u2026.") + " _____"


def _blank_frame(stem: str) -> tuple[str, str]:
    """(article or "", number "sg"/"pl"/"") the words around the gap demand."""
    match = BLANK_RE.search(stem)
    if not match:
        return "", ""
    before = [w.lower() for w in words_of(stem[: match.start()])[-1:]]
    after = [w.lower() for w in words_of(stem[match.end() :])[:3]]
    article = before[0] if before and before[0] in ("a", "an") else ""
    number = ""
    if before and before[0] in _PLURAL_DETERMINERS:
        number = "pl"
    elif before and before[0] in _SINGULAR_DETERMINERS:
        number = "sg"
    tail = stem[match.end() :]
    # the verb after the gap agrees with it only when the gap is a subject: at the start
    # or after a determiner ("The _____ were"), not inside "the unions of _____ were"
    if not article and not number and not re.match(r"\s*[A-Za-z]", stem[match.end() :]):
        # a naming complement the gap ends ("are called _____."), not a modifier of the
        # noun after it ("are called _____ amino acids")
        number = _complement_number(stem[: match.start()])
    if not article and not number and not re.match(r"\s*[A-Za-z]", tail):
        # "by an infected female _____.": the gap is the head of a singular noun phrase
        lead = [w.lower() for w in words_of(stem[: match.start()])[-3:]]
        for n, word in enumerate(lead):
            rest = lead[n + 1 :]
            if word in ("a", "an") and rest and not any(w in STOPWORDS for w in rest):
                number = "sg"
    subject = not before or before[0] in DETERMINERS
    if subject and not tail[:1].strip():  # a word follows directly, not a comma
        verbs = [w for w in after if w not in _SKIPPABLE_ADVERBS and not w.endswith("ly")]
        if verbs and verbs[0] in ("is", "was", "has", "does"):
            number = number or "sg"
        elif verbs and verbs[0] in ("are", "were", "have", "do"):
            number = number or "pl"
    return article, number


def _fits(frame: tuple[str, str], option: str) -> bool:
    article, number = frame
    if article:
        option = re.sub(r"^(?:the|a|an)\s+", "", option.strip(), flags=re.IGNORECASE)
        wants = _wants_an(option)
        if wants is not None and wants != (article == "an"):
            return False
    if number == "pl" and re.match(r"(?:a|an)\s", option.strip(), re.IGNORECASE):
        return False
    if number:
        plural = _is_plural(option)
        if plural is not None and plural != (number == "pl"):
            return False
    return True


#: Endings of adjectives that cannot stand for a noun after a preposition ("diagnosed
#: with hypotensive").
_ADJECTIVE_ENDINGS = ("ic", "ive", "ous", "ful", "less", "able", "ible")


def _adjective(option: str) -> bool:
    words = words_of(option)
    return len(words) == 1 and words[0].islower() and words[0].endswith(_ADJECTIVE_ENDINGS)


def _after_preposition(stem: str) -> bool:
    """The gap ends the stem right after a preposition: a noun phrase goes there."""
    match = BLANK_RE.search(stem)
    if not match or re.match(r"\s*[A-Za-z]", stem[match.end() :]):
        return False
    before = [w.lower() for w in words_of(stem[: match.start()])[-1:]]
    return bool(before) and before[0] in PREPOSITIONS


def check_grammar(item: Item) -> Iterator[Flaw]:
    noun_slot = item.type in CHOICE_TYPES and len(item.keys) == 1 and item.distractors
    if noun_slot and _after_preposition(_gapped(item)) and not _adjective(item.keys[0]):
        odd = [d for d in item.distractors if _adjective(d)]
        if len(odd) == len(item.distractors):
            yield make_flaw(
                "grammar-cue",
                f"After the preposition only a noun fits, and {quote_of(odd[0])} and the "
                "other distractors are adjectives: make every option a noun.",
                0.7,
            )
            return
    if item.type in (*GAP_TYPES, "multiple_response") and item.keys:
        frame = _blank_frame(_gapped(item))
        if frame != ("", ""):
            cue = " ".join(c for c in frame if c)
            if not _fits(frame, item.keys[0]):
                yield make_flaw(
                    "grammar-cue",
                    f"The key {quote_of(item.keys[0])} does not fit the gap's grammar ({cue}): "
                    "reword the words around the gap.",
                    0.7,
                )
                return
            misfits = [d for d in item.distractors if not _fits(frame, d)]
            if misfits:
                # most options ruled out is a cue; one is a slip to fix
                severity = (
                    0.8
                    if len(misfits) == len(item.distractors)
                    else 0.6
                    if 2 * len(misfits) >= len(item.distractors) >= 2
                    else 0.4
                )
                yield make_flaw(
                    "grammar-cue",
                    f"The words around the gap ({cue}) rule out {quote_of(misfits[0])}"
                    f"{' and the other options' if severity > 0.5 else ''}: "
                    "make every option fit, e.g. by moving the article into the options.",
                    severity,
                )
    odd_article = _article_odd_one(item)
    if odd_article:
        yield make_flaw("grammar-cue", odd_article, 0.6)
    if item.type == "matching" and len(item.pairs) >= 3:
        given = 0
        for left, right in item.pairs:
            frame = _blank_frame(right)
            if frame != ("", "") and [t for t in item.keys if _fits(frame, t)] == [left]:
                given += 1
        if given:
            yield make_flaw(
                "grammar-cue",
                f"In {given} passage(s) only the right term fits the words around the gap "
                "(its article or number): reword the passages.",
                0.4 + 0.15 * min(given - 1, 2),
            )


_ARTICLES = ("a", "an")


def _article_odd_one(item: Item) -> str:
    """Every distractor opens with "a" or "an" and the key with none ("examples of {~a
    compound ~an alloy =elements ~a mixture}"): the key alone reads as a plural, or as
    something else than the rest. What to tell the instructor, or ""."""
    if item.type != "single_choice" or len(item.keys) != 1 or len(item.distractors) < 2:
        return ""
    key = lower_words(item.keys[0])
    if not key or key[0] in (*_ARTICLES, "the"):
        return ""
    if all(lower_words(d)[:1] and lower_words(d)[0] in _ARTICLES for d in item.distractors):
        return (
            f"Every option but the key {quote_of(item.keys[0])} opens with “a” or “an”: "
            "write all options alike, e.g. by moving the article into the stem."
        )
    return ""


_CITATION_RE = re.compile(
    r"(?<=[a-z\u00e9)])\s(\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*)(?=\s?[,.;:)]|\s+(?:and|but|or|to|in|"
    r"with|for|that|which|while|where|as)\b|\s*$)"
)
_BRACKET_CITATION_RE = re.compile(
    r"\[\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
)
_NUMBERED_NOUNS = word_set(
    "figure fig table chapter section page pp p vol no step phase round group type level grade "
    "stage version model day week month year wave study experiment part appendix item question "
    "trial article paragraph line equation eq hypothesis ref top issue volume number"
)


def citation_marks(sentence: str) -> list[str]:
    found = [m.group() for m in _BRACKET_CITATION_RE.finditer(sentence)]
    for match in _CITATION_RE.finditer(sentence):
        before = words_of(sentence[: match.start()])
        if before and before[-1].lower() not in _NUMBERED_NOUNS | STOPWORDS:
            found.append(match.group(1))
    return found


def check_citation_marks(item: Item) -> Iterator[Flaw]:
    statements = [item.stem] if item.type != "ordering" else item.options
    marks = [m for s in statements for m in citation_marks(s)]
    if marks:
        yield make_flaw(
            "citation-marks",
            f"The item keeps the text's reference numbers ({', '.join(marks[:3])}): remove them.",
            0.3,
        )
