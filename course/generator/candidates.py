"""Overgenerate concept candidates ("mentions") from tokenised sentences.

Without a part-of-speech tagger, a word's role is guessed from generic word
lists and suffixes (see :func:`roles`): function words, numbers, adverbs in
-ly and verbs split the sentence; what remains are runs of content words,
which in English are overwhelmingly noun phrases. From each run the phrase
and its shorter endings are proposed ("rapid industrialization policy",
"industrialization policy", "policy"), because an English noun phrase keeps
its head at the end. Capitalised names, acronyms, "X of the Y" phrases and
dates are proposed alongside. Filtering and ranking happen later, in
:mod:`course.generator.concepts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from .lexicon import (
    AMBIGUOUS_VERB_BASES,
    AUXILIARIES,
    DETERMINERS,
    ED_ING_NOUNS,
    GENERIC_MODIFIERS,
    IRREGULAR_VERB_FORMS,
    LY_NOT_ADVERB,
    MODALS,
    NAME_CONNECTORS,
    NOUNS_WITH_ADJECTIVE_ENDINGS,
    OBJECT_STARTERS,
    PREDICATE_ADJECTIVE_ENDINGS,
    PREDICATE_ADJECTIVES,
    PREPOSITIONS,
    STOPWORDS,
    SUBJECT_NOUNS,
    VARIANT_HEADS,
    VERB_BASES,
    VERB_OBJECTS,
    VERB_TRIGGERS,
)
from .tokens import Token, tokenize

#: Plural determiners/pronouns: a bare verb base after them is a verb.
PLURAL_DEMONSTRATIVES = frozenset({"these", "those", "they", "we"})

#: Longest phrase proposed, in words: longer spans are clauses, not terms.
MAX_PHRASE_WORDS = 4
MAX_NAME_WORDS = 6

_DATE_RE = re.compile(
    r"(?<![\w.])(1[5-9]\d\d|20\d\d)(?:s\b|\s?[-\u2013\u2014~/]\s?(?:1[5-9]\d\d|20\d\d|\d\d)\b)?(?![\w.])"
)

# Roles of a token within its sentence.
STOP = "stop"
NUM = "num"
VERB = "verb"
ADV = "adv"
CONTENT = "content"


@dataclass(frozen=True)
class Mention:
    """One occurrence of a candidate term."""

    key: tuple[str, ...]  # comparison key (see tokens.word_units); acronyms: ("=ABC",)
    surface: str  # exactly as in the sentence
    sentence: int
    start: int  # character offset in the sentence
    kind: str  # "phrase" | "name" | "acronym" | "of" | "date"
    initial: bool  # starts the sentence (so its capital may be grammatical only)
    words: int  # number of tokens
    subject: bool = False  # before the sentence's first verb: what the sentence is about


@dataclass(frozen=True)
class TokenizedSentence:
    """A sentence with its tokens and their guessed roles."""

    index: int
    text: str
    tokens: list[Token]
    roles: list[str]

    @cached_property
    def predicate_start(self) -> int:
        """Index of the first verb or auxiliary; words before it form the subject."""
        for i, (token, role) in enumerate(zip(self.tokens, self.roles, strict=True)):
            if role == VERB or token.lower in AUXILIARIES or token.lower in MODALS:
                return i
        return len(self.tokens)


def acronym_key(text: str) -> tuple[str, ...]:
    """Acronyms compare case-sensitively ("IT" is not "it"); a plural s is dropped."""
    base = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
    return ("=" + base.replace(".", ""),)


def _is_adverb(word: str) -> bool:
    return len(word) >= 5 and word.endswith("ly") and word not in LY_NOT_ADVERB


def _verb_lemmas(word: str) -> set[str]:
    """Possible base forms of an inflected verb (-s, -es, -ies)."""
    lemmas = {word}
    if word.endswith("ies"):
        lemmas.add(word[:-3] + "y")
    if word.endswith("es"):
        lemmas.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        lemmas.add(word[:-1])
    return lemmas


def _previous(tokens: list[Token], i: int) -> Token | None:
    """The word before ``tokens[i]`` in the same clause, skipping -ly adverbs."""
    j = i - 1
    while j >= 0 and not tokens[j].break_after:
        if not _is_adverb(tokens[j].lower):
            return tokens[j]
        j -= 1
    return None


def _next(tokens: list[Token], i: int) -> Token | None:
    if i + 1 < len(tokens) and not tokens[i].break_after:
        return tokens[i + 1]
    return None


def _is_verb(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    word = token.lower
    prev = _previous(tokens, i)
    nxt = _next(tokens, i)
    prev_word = prev.lower if prev else ""
    next_word = nxt.lower if nxt else ""
    if word in IRREGULAR_VERB_FORMS:
        return True
    if word in ED_ING_NOUNS:
        return False
    if word.endswith("ing") and len(word) > 4:
        return _ing_is_verb(token, prev, nxt)
    if word.endswith("ed") and len(word) > 3:
        # A participle opening a noun phrase is an adjective ("centralized
        # control"); after an auxiliary or a noun ("the Library formed ..."),
        # or closing the run, it is the verb.
        after_noun = prev is not None and prev_word not in STOPWORDS and not prev.numeric
        after_subject = prev_word in AUXILIARIES or prev_word in VERB_TRIGGERS  # "we counted"
        return (
            after_subject
            or after_noun
            or nxt is None
            or next_word in STOPWORDS
            or _coordinated_predicate(tokens, prev)
            or _relative_verb(tokens, prev)
        )
    lemmas = _verb_lemmas(word)
    if lemmas & VERB_BASES:
        return True
    if prev_word in ("which", "who") and _relative_verb(tokens, prev):
        return True
    if prev_word in PLURAL_DEMONSTRATIVES and word in VERB_BASES | AMBIGUOUS_VERB_BASES:
        # "these offer ...": a plural determiner cannot take a singular noun,
        # so a bare verb base after it is the verb of a clause.
        return True
    if prev_word in VERB_TRIGGERS and lemmas & AMBIGUOUS_VERB_BASES:
        return True
    is_s_form = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    if is_s_form and nxt is not None and nxt.text.islower() and next_word in VERB_OBJECTS:
        return True  # "... plays an important role"
    if is_s_form and prev is not None and prev_word in SUBJECT_NOUNS:
        # "The paper reviews ...", "This review focuses on ..." but not the
        # compound "acceptance of research methodologies".
        before = _previous(tokens, prev.index)
        if before is not None and before.lower in DETERMINERS:
            return True
    if (
        is_s_form
        and prev is not None
        and prev.text[:1].isupper()
        and not prev.initial
        and next_word in _CLAUSE_PREPOSITIONS
        and len(word) > 5
    ):
        # A name and then an -s word before a preposition: "… that kills Steerforth
        # originates in Rosa's desire" (the name is the subject, the word its verb).
        return True
    # Inspec-style abstracts open with a bare verb: "Describes how ...".
    return token.initial and is_s_form and next_word in STOPWORDS


#: Prepositions a verb in the present often takes right after it ("originates in").
_CLAUSE_PREPOSITIONS = frozenset({"in", "from", "with", "on", "into", "to", "as", "through"})
#: Conjunctions that may join two predicates ("... grew and achieved ...").
_COORDINATORS = frozenset({"and", "or", "but"})
#: Relative pronouns: right after a noun they open a clause whose next word is its
#: verb ("changes that alter ...", "a tool which helps ...").
_RELATIVES = frozenset({"that", "which", "who"})


def _coordinated_predicate(tokens: list[Token], prev: Token | None) -> bool:
    """An -ed word after "and"/"or" joins a second predicate ("... grew despite
    pressure and achieved significant gains", "..., and discussed implications")
    unless it pairs with another participle ("predicted and observed values")."""
    if prev is None or prev.lower not in _COORDINATORS:
        return False
    before = _previous(tokens, prev.index)
    return before is None or not before.lower.endswith("ed")


def _relative_verb(tokens: list[Token], prev: Token | None) -> bool:
    """The word after "which"/"who" (or, for an -ed word, "that") that directly
    follows a noun is the relative clause's verb ("a tool which helps ...",
    "changes that altered ..."). A bare word after "that" may be a subject
    ("the notion that cadastre relates ...")."""
    if prev is None or prev.lower not in _RELATIVES:
        return False
    before = _previous(tokens, prev.index)
    return before is not None and before.lower not in STOPWORDS and not before.numeric


def _ing_is_verb(token: Token, prev: Token | None, nxt: Token | None) -> bool:
    """Gerund/participle with an object (a verb) or a noun ("data mining")?"""
    if token.initial:
        return True  # "Following ...", "Using ..." open a clause
    if nxt is not None and (nxt.lower in OBJECT_STARTERS or nxt.acronym):
        return True  # "replacing the ...", "drawing them ...", "identifying ACSs"
    if prev is None:
        return True  # opens a clause after punctuation: "; obtaining union cooperation"
    prev_word = prev.lower
    if prev_word in ("and", "or", "nor"):
        return True  # coordinated gerunds: "reviewing and amending ..."
    if prev_word not in STOPWORDS and not prev.numeric:
        # A noun before it makes a compound ("union funding", "data mining"), but
        # after a plural and before its object it is a participle: "policies
        # supporting freedom", "motivations affecting tension".
        plural = prev_word.endswith("s") and not prev_word.endswith(("ss", "us", "is"))
        return plural and len(prev_word) > 3 and nxt is not None and nxt.lower not in STOPWORDS
    if prev_word in PREPOSITIONS or prev_word in AUXILIARIES or prev_word in VERB_TRIGGERS:
        return True  # "of weakening", "are relying", "to keep"
    if prev_word in OBJECT_STARTERS:
        return False  # "the opening"
    return nxt is None or nxt.lower in STOPWORDS


def roles(tokens: list[Token]) -> list[str]:
    """Guess, for each token, whether it can be part of a content phrase."""
    result: list[str] = []
    for i, token in enumerate(tokens):
        word = token.lower
        if token.acronym:
            result.append(CONTENT)
        elif token.numeric:
            result.append(NUM)
        elif word in STOPWORDS or word in PREPOSITIONS:
            result.append(STOP)  # "despite strong pressure", "logic behind X": no term spans one
        elif token.cap and not token.initial:
            result.append(CONTENT)  # a mid-sentence capital marks a name: never a verb
        elif _is_adverb(word):
            result.append(ADV)
        elif _is_verb(tokens, i):
            result.append(VERB)
        else:
            result.append(CONTENT)
    return result


def tokenize_sentences(sentences: list[str]) -> list[TokenizedSentence]:
    """Tokens and roles for every sentence."""
    out = []
    for index, text in enumerate(sentences):
        tokens = tokenize(text)
        out.append(TokenizedSentence(index, text, tokens, roles(tokens)))
    return out


def name_words(sentences: list[TokenizedSentence]) -> frozenset[str]:
    """Words written with a capital somewhere other than at a sentence start.

    Such words are names even where a sentence happens to begin with them.
    """
    words = set()
    for sentence in sentences:
        for token, role in zip(sentence.tokens, sentence.roles, strict=True):
            if token.cap and not token.initial and role == CONTENT:
                words.add(token.lower)
    return frozenset(words)


def _runs(sentence: TokenizedSentence) -> list[list[Token]]:
    """Maximal runs of content words not interrupted by punctuation."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token, role in zip(sentence.tokens, sentence.roles, strict=True):
        if role == CONTENT:
            current.append(token)
        elif current:
            runs.append(current)
            current = []
        if token.break_after and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _mention(
    sentence: TokenizedSentence, tokens: list[Token], kind: str, key: tuple[str, ...] | None = None
) -> Mention:
    first, last = tokens[0], tokens[-1]
    units: list[str] = []
    for token in tokens:
        units.extend(token.units)
    return Mention(
        key=key if key is not None else tuple(units),
        surface=sentence.text[first.start : last.end],
        sentence=sentence.index,
        start=first.start,
        kind=kind,
        initial=first.initial,
        words=len(tokens),
        subject=first.index < sentence.predicate_start,
    )


def _is_vague(token: Token) -> bool:
    return token.lower in GENERIC_MODIFIERS and (not token.cap or token.initial)


def _is_predicate_adjective(token: Token) -> bool:
    word = token.lower
    if token.cap and not token.initial:
        return False
    if word in PREDICATE_ADJECTIVES:
        return True
    return word.endswith(PREDICATE_ADJECTIVE_ENDINGS) and word not in NOUNS_WITH_ADJECTIVE_ENDINGS


def _trim_run(run: list[Token]) -> list[Token]:
    """Drop vague modifiers at either end ("various ways" -> "ways", "X better" -> "X")
    and a predicate adjective after a noun ("model consistent" -> "model")."""
    start, end = 0, len(run)
    while start < end and _is_vague(run[start]):
        start += 1
    while end > start and _is_vague(run[end - 1]):
        end -= 1
    if end - start >= 2 and _is_predicate_adjective(run[end - 1]):
        end -= 1
    return run[start:end]


def phrase_mentions(sentence: TokenizedSentence) -> list[Mention]:
    """Each content run (trimmed, at most 4 words) and its shorter endings."""
    mentions = []
    for run in _runs(sentence):
        run = _trim_run(run)
        for length in range(1, min(MAX_PHRASE_WORDS, len(run)) + 1):
            span = run[-length:]
            if length == 1 and span[0].acronym:
                continue  # proposed by acronym_mentions, under its case-sensitive key
            mentions.append(_mention(sentence, span, "phrase"))
        if len(run) >= 3 and run[-1].lower in VARIANT_HEADS:
            # "data mining techniques" also proposes "data mining"; concepts.py
            # merges the two if both survive.
            mentions.append(_mention(sentence, run[-MAX_PHRASE_WORDS - 1 : -1], "phrase"))
    return mentions


def _is_name_token(token: Token, role: str, names: frozenset[str]) -> bool:
    if token.acronym:
        return True
    if not token.cap or role != CONTENT or token.lower in STOPWORDS:
        return False
    return not token.initial or token.lower in names


def name_mentions(sentence: TokenizedSentence, names: frozenset[str]) -> list[Mention]:
    """Sequences of capitalised words ("Bill of Rights", "First Five-Year Plan").

    Two names of two or more words joined by "and" are also proposed as one
    ("Public Commercial and Technical Library"); the parts stay candidates,
    and ranking decides which reading wins.
    """
    mentions = _simple_names(sentence, names)
    text = sentence.text
    for left, right in pairwise(list(mentions)):
        between = text[left.start + len(left.surface) : right.start]
        # an institution's name goes on after "and" ("Survey on Drug Use and Health")
        institution = left.words >= 3 and bool(set(left.key[1:-1]) & NAME_CONNECTORS)
        if left.words >= 2 and (right.words >= 2 or institution) and between in (" and ", " & "):
            joined = Mention(
                key=(*left.key, "and", *right.key),
                surface=text[left.start : right.start + len(right.surface)],
                sentence=left.sentence,
                start=left.start,
                kind="name",
                initial=left.initial,
                words=left.words + right.words + 1,
                subject=left.subject,
            )
            mentions.append(joined)
    return mentions


def _simple_names(sentence: TokenizedSentence, names: frozenset[str]) -> list[Mention]:
    tokens, roles_ = sentence.tokens, sentence.roles
    mentions = []
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i], roles_[i], names):
            i += 1
            continue
        span = [tokens[i]]
        j = i + 1
        while j < len(tokens) and not tokens[j - 1].break_after and len(span) < MAX_NAME_WORDS:
            if _is_name_token(tokens[j], roles_[j], names):
                span.append(tokens[j])
                j += 1
            elif (
                tokens[j].lower in NAME_CONNECTORS
                and j + 1 < len(tokens)
                and not tokens[j].break_after
                and _is_name_token(tokens[j + 1], roles_[j + 1], names)
            ):
                span.extend(tokens[j : j + 2])
                j += 2
            else:
                break
        single_acronym = len(span) == 1 and span[0].acronym
        if not single_acronym:
            mentions.append(_mention(sentence, span, "name"))
        i = j
    return mentions


def acronym_mentions(sentence: TokenizedSentence) -> list[Mention]:
    """Every acronym token, keyed case-sensitively."""
    return [
        _mention(sentence, [token], "acronym", key=acronym_key(token.text))
        for token in sentence.tokens
        if token.acronym
    ]


def of_mentions(sentence: TokenizedSentence) -> list[Mention]:
    """ "X of (the) Y" noun phrases ("reorganization of the unions").

    Proposed with one head word on each side only; they are kept later only
    when the whole phrase recurs, since most "of" phrases are one-off syntax.
    """
    tokens, roles_ = sentence.tokens, sentence.roles
    mentions = []
    for i, token in enumerate(tokens):
        if token.lower != "of" or i == 0 or i + 1 >= len(tokens):
            continue
        head = i - 1
        if roles_[head] != CONTENT or tokens[head].break_after or token.break_after:
            continue
        j = i + 1
        if tokens[j].lower in ("the", "a", "an") and not tokens[j].break_after:
            j += 1
        if j >= len(tokens) or roles_[j] != CONTENT:
            continue
        end = j
        if end + 1 < len(tokens) and roles_[end + 1] == CONTENT and not tokens[end].break_after:
            end += 1
        mentions.append(_mention(sentence, tokens[head : end + 1], "of"))
    return mentions


def date_mentions(sentence: TokenizedSentence) -> list[Mention]:
    """Years, decades and year ranges ("1994", "1990s", "1928~32")."""
    return [
        Mention(
            key=("#" + match.group(),),
            surface=match.group(),
            sentence=sentence.index,
            start=match.start(),
            kind="date",
            initial=match.start() == 0,
            words=1,
        )
        for match in _DATE_RE.finditer(sentence.text)
    ]


def _verb_stem(word: str) -> str:
    """Crude stem shared by a verb's forms ("subordinate", "subordinated" -> "subordinat")."""
    for ending in ("ing", "ed", "es", "e", "s", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _prep_tail(sentence: TokenizedSentence, i: int) -> tuple[int, tuple[str, ...]] | None:
    """The first "preposition (det) noun phrase" within four words after verb ``i``,
    same clause, as (index of its last word, key of preposition and head)."""
    tokens = sentence.tokens
    j = i
    while j + 1 < len(tokens) and j < i + 5 and not tokens[j].break_after:
        j += 1
        word = tokens[j].lower
        if word in PREPOSITIONS or word == "to":
            k = j + 1
            if (
                k < len(tokens)
                and tokens[k].lower in ("the", "a", "an")
                and not tokens[j].break_after
            ):
                k += 1
            if k < len(tokens) and sentence.roles[k] == CONTENT and not tokens[k - 1].break_after:
                # The object is the whole noun phrase, keyed by its head: "decide on
                # relevant end-points", never "decide on relevant".
                end = k
                while (
                    end + 1 < len(tokens)
                    and sentence.roles[end + 1] == CONTENT
                    and not tokens[end].break_after
                ):
                    end += 1
                return end, (word, *tokens[end].units)
            return None
    return None


def claim_mentions(sentences: list[TokenizedSentence]) -> list[Mention]:
    """Recurring verb phrases: the same verb with the same prepositional object in
    two or more sentences ("subordinate the unions to the party" ... "subordinated
    to the party"). A claim the author repeats is a key idea even though it is not
    a noun phrase; the first occurrence names it.
    """
    found: dict[tuple[str, ...], list[Mention]] = {}
    for sentence in sentences:
        for i, (token, role) in enumerate(zip(sentence.tokens, sentence.roles, strict=True)):
            if role != VERB or token.lower in AUXILIARIES or len(token.text) < 6:
                continue
            tail = _prep_tail(sentence, i)
            if tail is None:
                continue
            end, units = tail
            key = ("#claim", _verb_stem(token.lower), *units)
            span = sentence.tokens[i : end + 1]
            mention = _mention(sentence, span, "claim", key=key)
            found.setdefault(key, []).append(mention)
    out: list[Mention] = []
    for mentions in found.values():
        if len({m.sentence for m in mentions}) >= 2:
            out.extend(mentions)
    return out


def all_mentions(sentences: list[TokenizedSentence]) -> list[Mention]:
    """Every candidate occurrence in the text, in reading order."""
    names = name_words(sentences)
    mentions: list[Mention] = []
    for sentence in sentences:
        mentions.extend(phrase_mentions(sentence))
        mentions.extend(name_mentions(sentence, names))
        mentions.extend(acronym_mentions(sentence))
        mentions.extend(of_mentions(sentence))
        mentions.extend(date_mentions(sentence))
    mentions.extend(claim_mentions(sentences))
    mentions.sort(key=lambda m: (m.sentence, m.start, -m.words, m.kind))
    return mentions
