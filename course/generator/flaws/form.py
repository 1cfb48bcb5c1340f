"""What the classic item-writing checks share: the item's words read without a source
text (see :mod:`.cues`, :mod:`.stems` and :mod:`.optionset`)."""

from __future__ import annotations

import re

from ..lexicon import STOPWORDS
from .model import CHOICE_TYPES, word_set
from .words import derived_forms, root_of, unit_of, words_of, zipf_of

#: Types whose options a student chooses among.
OPTION_TYPES = (*CHOICE_TYPES, "ordering")
#: Types with a stem that asks something (a question or a statement to complete).
ASKING_TYPES = (*CHOICE_TYPES, "short_answer", "cloze", "numerical", "essay", "ordering")

_QUOTE_RE = re.compile(r"[\u201c\"][^\u201d\"]*[\u201d\"]|(?<!\w)'[^']{6,}'(?!\w)")


def unquoted(text: str, passages_only: bool = False) -> str:
    """The text without what it quotes: a "not" in a quoted sentence is the source's. With
    ``passages_only``, a quoted term of a few words ('biological diversity') stays: it is
    the stem's own wording, and may give the answer away."""
    if passages_only:
        return _QUOTE_RE.sub(lambda m: " " if len(m.group().split()) >= 6 else m.group(), text)
    return _QUOTE_RE.sub(" ", text)


def lower_words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in words_of(text)]


def content_roots(text: str) -> set[str]:
    """Roots of the content words (no stopwords, numbers or one-letter words)."""
    return {
        root_of(unit_of(w))
        for w in lower_words(text)
        if len(w) > 2 and w not in STOPWORDS and not w[0].isdigit()
    }


def distinctive_roots(text: str) -> set[str]:
    """Content roots of the rarer words (Zipf below 4.5 in every form: "thyroid", "purge",
    not "cell" or "information", which a stem and a key share by topic) and of names."""
    roots = set()
    for n, original in enumerate(words_of(text)):
        word = original.lower().replace("\u2019", "'")
        if len(word) > 3 and word not in STOPWORDS and not word[0].isdigit():
            unit = unit_of(word)
            # a capitalised word inside the text is part of a name: "Federal Reserve"
            name = n > 0 and original[0].isupper() and not original.isupper()
            if name or max(zipf_of(word), zipf_of(unit)) < 4.5:
                roots.add(root_of(unit))
    return roots


#: Endings that make one word of another ("legal", "legality"; "nation", "national").
_DERIVATIONS = ("ity", "ities", "ism", "ist", "ize", "ise", "al", "ally", "ly", "ness", "ic")


def related(root: str, roots: set[str]) -> bool:
    """The root, one sharing its first seven letters ("inherit", "inheritance"), one it
    ends ("mastoid", "sternocleidomastoid"), or one a derivational ending makes of it
    ("legal", "legality") or of its stem ("liable", "liability": :func:`.words.derived_forms`)."""
    if root in roots or (len(root) >= 7 and any(r[:7] == root[:7] for r in roots)):
        return True
    if len(root) >= 5 and any(
        (r.startswith(root) and r[len(root) :] in _DERIVATIONS)
        or (root.startswith(r) and len(r) >= 5 and root[len(r) :] in _DERIVATIONS)
        for r in roots
    ):
        return True
    if len(root) >= 6 and any(len(r) > len(root) + 3 and r.endswith(root) for r in roots):
        return True
    # an adjective and its noun: "liable", "liability"; "absent", "absence"
    return any(derived_forms(root, r) for r in roots)


_CATEGORY_RE = re.compile(
    # "Which 1648 peace settlement ended …": a date before it, and a second noun after it
    r"^\W*(?:which|what)\s+(?:(?:type|kind|class|sort|form)s?\s+of\s+)?(?:\d+\s+)?"
    r"([a-z]+)\b(?:\s+([a-z]+)\b)?",
    re.IGNORECASE,
)


def asked_category(stem: str) -> set[str]:
    """The noun a question asks for ("Which type of bond", "What gland"): a key that
    repeats it, when no distractor does, is a cue however common the word."""
    match = _CATEGORY_RE.match(stem)
    word = match.group(1).lower() if match else ""
    if not word or word in STOPWORDS or word in AUXILIARIES:
        return set()
    found = {root_of(unit_of(word))}
    head = (match.group(2) or "").lower() if match else ""
    # "peace settlement": the noun it modifies; not a verb ("gland produces", "bond formed")
    if head and head not in STOPWORDS | AUXILIARIES and not head.endswith(("s", "ed")):
        found.add(root_of(unit_of(head)))
    return found


AUXILIARIES = word_set(
    "is are was were be been being am has have had do does did can could will would shall "
    "should may might must"
)
