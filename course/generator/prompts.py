"""Stage 6: discussion prompts that ask for analysis, not recall.

Three families, each a fixed template around a span of the text:

* compare: a sentence that marks a change or contrast ("no longer", "was
  reduced", "transformed into", "more ... than", "whereas") asks how things
  differed before and after, or two terms the text names together are compared;
* evaluate: a causal or evaluative claim ("led to", "made a great
  contribution", "intended to", "success", "provided ... foundation") is
  quoted and the learner judges how convincing it is;
* evidence: what evidence would test a claim of the text.

Every prompt cites its sentences and the glossary terms it involves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .checks import stem_ok
from .contexts import strip_opener, tidy, word_count
from .lexicon import STOPWORDS
from .model import DraftConcept, DraftPrompt

MIN_PROMPTS = 3
MAX_PROMPTS = 6

_CONTRAST_RE = re.compile(
    r"\b(?:no longer|was reduced|were reduced|sharply|transformed into|changed into|"
    r"turned into|became|more \w+ than|less \w+ than|whereas|unlike|in contrast|instead of|"
    r"rather than|behind|ahead of|compared|from [\w\s-]+ to|but)\b",
    re.IGNORECASE,
)
_CAUSAL_RE = re.compile(
    r"\b(?:led to|lead to|leads to|because|caused?|result(?:ed|s)? in|as a result|contribut\w*|"
    r"foundation|intended to|in order to|so that|enabl\w+|success\w*|thus|therefore|"
    r"made it possible|vital|crucial|essential|key to|effective\w*|demonstrat\w+|suggests?|"
    r"show(?:s|ed|n)? that|conclu\w+|depends?|impact|influence\w*|improv\w+)\b",
    re.IGNORECASE,
)


def _concepts_in(text: str, concepts: list[DraftConcept]) -> list[str]:
    out = []
    for c in concepts:
        for form in [c.term, *c.aliases]:
            flags = 0 if form.isupper() else re.IGNORECASE
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags):
                out.append(c.term)
                break
    return out


#: A quoted claim longer than this is cut to its main clause.
MAX_CLAIM_WORDS = 30
#: ... but not below this, or it says too little.
MIN_CLAIM_WORDS = 8
#: Clause boundaries, strongest first: a colon (before a list), a semicolon or
#: dash, a comma before a relative or conjunction, any comma, then a bare
#: coordinator or adjunct ("and should ...", "with the ...", "in relation to").
_CUTS = (
    re.compile(r"\s*:\s"),
    re.compile(r"\s*;\s|\s[\u2013\u2014-]\s"),
    re.compile(r",\s+(?=(?:which|who|whom|whose|while|whereas|but|and|although|because|so)\b)"),
    re.compile(r",\s"),
    # "and"/"or" only before a verb phrase ("and should be changed", "and drawing"),
    # "with" only before a determiner ("with the dual aims", not "equipped with more").
    re.compile(
        r"\s+(?=(?:(?:and|or)\s+(?:should|could|would|must|might|can|will|may|is|are|was|"
        r"were|has|have|had|\w+ing|\w+ed)|with\s+(?:the|a|an|their|its|his|her)|while|whereas|"
        r"because|in relation to|rather than)\s)"
    ),
)


_GERUND_AFTER_PREP_RE = re.compile(r"\b(?:of|for|by|in|on|to)\s+\w+ing\b", re.IGNORECASE)


def _splits_gerunds(prefix: str, rest: str) -> bool:
    """A cut before "and drawing ..." after "of weakening ..." would split two
    coordinated gerunds ("the aims of weakening X and drawing Y")."""
    return bool(re.match(r"\s*(?:and|or)\s+\w+ing\b", rest)) and bool(
        _GERUND_AFTER_PREP_RE.search(prefix)
    )


def main_clause(text: str, limit: int = MAX_CLAIM_WORDS) -> str:
    """``text`` cut at its strongest clause boundary so that at most ``limit``
    words remain (the longest such prefix that still has a verb and balanced
    brackets); unchanged when short enough or when no cut works."""
    if word_count(text) <= limit:
        return text
    for pattern in _CUTS:
        best = ""
        for match in pattern.finditer(text):
            prefix = tidy(text[: match.start()])
            if not MIN_CLAIM_WORDS <= word_count(prefix) <= limit:
                continue
            balanced = prefix.count("(") == prefix.count(")") and prefix.count('"') % 2 == 0
            if not balanced or not stem_ok(prefix):
                continue
            if _splits_gerunds(prefix, text[match.end() :]):
                continue
            if word_count(prefix) > word_count(best):
                best = prefix
        if best:
            return best
    return text


def claim_of(sentence: str, names: frozenset[str] = frozenset()) -> str:
    """A sentence as a "that ..." clause: opener dropped, cut to its main clause
    when long, first word lower-cased when it is a function word ("The unions
    were ..." -> "the unions were ...") or a common word (not in ``names``, the
    words the text capitalises mid-sentence: "Socialist competition ..." ->
    "socialist competition ...")."""
    text = main_clause(tidy(strip_opener(sentence)))
    first = text.split(" ", 1)[0]
    common = first[1:].islower() and first.lower() not in names
    if (first.lower() in STOPWORDS or common) and not first.isupper():
        text = text[:1].lower() + text[1:]
    return text


def capitalised_names(sentences: list[str]) -> frozenset[str]:
    """Words written with a capital somewhere other than at a sentence start."""
    found = set()
    for sentence in sentences:
        for match in re.finditer(r"(?<=[^.!?]\s)([A-Z][\w'-]*)", sentence[1:]):
            found.add(match.group(1).lower())
    return frozenset(found)


def with_article(term: str, sentences: list[str]) -> str:
    """ "the unions", "the Stalin group", but "NEP" and "Italy": as the text writes it."""
    pattern = re.escape(term)
    with_the = sum(len(re.findall(rf"\bthe\s+{pattern}\b", s, re.IGNORECASE)) for s in sentences)
    bare = sum(len(re.findall(rf"(?<!\w){pattern}\b", s, re.IGNORECASE)) for s in sentences)
    return f"the {term}" if with_the * 2 >= bare and with_the else term


def _topic(in_sentence: list[str], concepts: list[DraftConcept]) -> DraftConcept | None:
    """The concept of the sentence mentioned in most sentences overall."""
    found = [c for c in concepts if c.term in in_sentence]
    if not found:
        return None
    return max(found, key=lambda c: (len(c.sentences), -c.rank))


def _candidates(
    sentences: list[str], concepts: list[DraftConcept]
) -> Iterable[tuple[float, str, DraftPrompt]]:
    names = capitalised_names(sentences)
    for i, sentence in enumerate(sentences):
        claim = claim_of(sentence, names)
        if not 6 <= word_count(claim) <= 50:
            continue
        # Concepts and cues of the quoted claim, not of the parts cut off.
        terms = _concepts_in(claim, concepts)
        weight = sum(1.0 for c in concepts if c.core and c.term in terms)
        if _CONTRAST_RE.search(claim):
            topic = _topic(terms, concepts)
            if topic is not None:
                subject = with_article(topic.term, sentences)
                text = (
                    f"The text states that {claim}. How did {subject} before this change "
                    f"differ from {subject} after it, and what does the text suggest drove "
                    "the change?"
                )
                yield 3.0 + weight, "compare", DraftPrompt(text, terms, [i])
        pair = re.match(
            r"^(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)\s+(?:were|are|was|is)\b", sentence, re.I
        )
        if pair:
            names = [pair.group(1), pair.group(2)]
            known = [
                c
                for n in names
                for c in concepts
                if any(f.casefold() == n.casefold() for f in [c.term, *c.aliases])
            ]
            if len(known) == 2:
                a, b = (with_article(c.term, sentences) for c in known)
                text = (
                    f"The text names {a} and {b} together. What do they have in common in "
                    "its account, and how might they have differed in practice?"
                )
                yield 2.8 + weight, "compare", DraftPrompt(text, [c.term for c in known], [i])
        if _CAUSAL_RE.search(claim):
            yield (
                2.5 + weight,
                "evaluate",
                DraftPrompt(
                    f"The text claims that {claim}. How convincing is this claim, and what "
                    "would you need to know to judge it?",
                    terms,
                    [i],
                ),
            )
        yield (
            1.0 + weight,
            "evidence",
            DraftPrompt(
                f"What evidence would you look for to test the statement that {claim}? "
                "Where might such evidence be found?",
                terms,
                [i],
            ),
        )


def generate_prompts(
    sentences: list[str], concepts: list[DraftConcept], *, exclude: Iterable[str] = ()
) -> list[DraftPrompt]:
    """All prompt candidates, best first (at most one per sentence and family),
    without those whose text is in ``exclude``."""
    excluded = set(exclude)
    ranked = sorted(
        _candidates(sentences, concepts), key=lambda c: (-c[0], c[2].sentences, c[1], c[2].text)
    )
    out = []
    seen: set[tuple[str, int]] = set()
    for _, family, prompt in ranked:
        key = (family, prompt.sentences[0])
        if key in seen or prompt.text in excluded:
            continue
        seen.add(key)
        out.append(prompt)
    return out


def build_prompts(sentences: list[str], concepts: list[DraftConcept]) -> list[DraftPrompt]:
    """3-6 prompts: up to two of each family, each on a different sentence."""
    ranked = sorted(
        _candidates(sentences, concepts), key=lambda c: (-c[0], c[2].sentences, c[1], c[2].text)
    )
    chosen: list[DraftPrompt] = []
    families: dict[str, int] = {}
    used: set[int] = set()
    for limit in (2, MAX_PROMPTS):
        for _, family, prompt in ranked:
            if len(chosen) >= MAX_PROMPTS:
                break
            if prompt in chosen or families.get(family, 0) >= limit:
                continue
            if prompt.sentences[0] in used and limit == 2:
                continue
            chosen.append(prompt)
            families[family] = families.get(family, 0) + 1
            used.add(prompt.sentences[0])
        if len(chosen) >= MIN_PROMPTS + 1:
            break
    order = {"compare": 0, "evaluate": 1, "evidence": 2}
    family_of = {p.text: f for _, f, p in ranked}
    return sorted(chosen, key=lambda p: (order[family_of[p.text]], p.sentences))
