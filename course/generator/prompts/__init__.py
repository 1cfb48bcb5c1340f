"""Stage 6: discussion prompts that ask for analysis, not recall, by sentence type.

Each sentence is read for the type of statement it makes (:mod:`.readings`):
a change or contrast the text marks, a claim (finding, argument, judgement,
aim), a causal claim. Each type fits some templates (:mod:`.templates`):
compare only where the text marks a change or contrast, evaluate only a claim,
ask for evidence only for a causal or empirical claim. The article's framing
("The aim of this paper is ...") carries no prompt, and a claim it wraps ("The
article argues that X") is quoted as X (:mod:`.claims`).

A course gets 3-5 prompts when its text has that many fitting sentences, fewer
rather than weak ones: each on its own sentence, each template at most once,
the families taken in turn. Every prompt cites its sentences and names the
glossary terms (or their aliases) it quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..contexts import word_count
from ..model import DraftConcept, DraftPrompt
from .claims import capitalised_names, claim_of
from .grammar import main_clause
from .readings import read_text
from .sentence_types import Reading
from .templates import TEMPLATES, Template, fits, template_of

__all__ = [
    "MAX_PROMPTS",
    "build_prompts",
    "capitalised_names",
    "claim_of",
    "generate_prompts",
    "main_clause",
    "template_of",
]

MAX_PROMPTS = 5
#: A prompt longer than this is a wall of text, whatever it quotes.
MAX_PROMPT_WORDS = 64
#: Worth of a family not yet in the course: a comparison, an evaluation and a
#: request for evidence before a second of any.
NEW_FAMILY_BONUS = 1.0


#: A sentence that states the study's own evidence for its claim ("the data suggest",
#: "moderate certainty evidence", "was associated with", "significantly"): asked what
#: evidence would show the claim, the student only recalls it.
_OWN_EVIDENCE_RE = re.compile(
    r"\b(?:data|results?|findings?|evidence|certainty|significant(?:ly)?|associated\s+with|"
    r"trials?|participants|patients|rats|mice|samples?|measured|observed|odds|ratio|"
    r"(?:taken\s+)?together|half)\b|\d\s*%",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Candidate:
    score: float
    template: Template
    reading: Reading
    prompt: DraftPrompt


#: A claim that numbers its parts: "(1) segregation is …; (2) the increase …".
_ENUMERATED_RE = re.compile(r"\((?:\d|i{1,3}|iv|[a-d])\)")
#: An absence observed: "no settlements have been found yet".
_NOTHING_FOUND_RE = re.compile(
    r"\bno\s+[\w\s-]{1,40}?\b(?:has|have|had|was|were)\s+(?:yet\s+)?been\s+(?:found|identified|"
    r"observed|recorded|detected|reported)\b",
    re.IGNORECASE,
)


def _concepts_in(text: str, concepts: list[DraftConcept]) -> list[str]:
    out = []
    for c in concepts:
        for form in [c.term, *c.aliases]:
            flags = 0 if form.isupper() else re.IGNORECASE
            if re.search(rf"(?<!\w){re.escape(form)}(?:s|es)?(?!\w)", text, flags):
                out.append(c.term)
                break
    return out


#: The text telling of its own experiment or trial: "Here, we present results of a laboratory
#: experiment testing …", "We conducted three field experiments". What it reports after
#: that, it measured: asked what evidence would show it, the student only recalls it.
_OWN_EXPERIMENT_RE = re.compile(
    r"\b(?:we|our)\b[^.;]{0,80}?\b(?:experiments?|trials?)\b|"
    r"\bresults\s+of\s+(?:a|an|two|three|four|several)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:experiments?|trials?)\b",
    re.IGNORECASE,
)


def _after_own_experiment(sentences: list[str]) -> int:
    """The index of the sentence that tells of the text's own experiment (what follows it
    reports what it measured), or the number of sentences when there is none."""
    return next(
        (i for i, s in enumerate(sentences) if _OWN_EXPERIMENT_RE.search(s)), len(sentences)
    )


def _candidates(sentences: list[str], concepts: list[DraftConcept]) -> list[_Candidate]:
    out = []
    seen: set[str] = set()
    experiment = _after_own_experiment(sentences)
    for reading in read_text(sentences):
        quoted = " ".join([reading.claim, *reading.parts])
        terms = _concepts_in(quoted, concepts)
        core = sum(1 for c in concepts if c.core and c.term in terms)
        weight = 0.4 * min(core, 2) + 0.1 * min(len(terms) - core, 3)
        for template in TEMPLATES:
            if not fits(template, reading):
                continue
            if template.name == "evidence-cause" and any(
                _OWN_EVIDENCE_RE.search(sentences[i]) or i > experiment for i in reading.cited
            ):
                continue  # the text reports the evidence itself: asking for it is recall
            if _ENUMERATED_RE.search(reading.claim):
                continue  # "(1) X; (2) Y": a list of claims, numbered, not one to weigh
            if template.name == "generalise-finding" and _NOTHING_FOUND_RE.search(reading.claim):
                continue  # "no settlements have been found yet": an absence, not a finding
            text = template.render(reading)
            words = word_count(text)
            if text in seen or words > MAX_PROMPT_WORDS:
                continue
            seen.add(text)
            score = template.base + template.fits[reading.kind] + reading.weight + weight
            score -= 0.05 * max(0, words - 40)
            prompt = DraftPrompt(text, terms, sorted(reading.cited))
            out.append(_Candidate(score, template, reading, prompt))
    out.sort(key=lambda c: (-c.score, c.reading.sentence, c.template.name))
    return out


def generate_prompts(
    sentences: list[str], concepts: list[DraftConcept], *, exclude: Iterable[str] = ()
) -> list[DraftPrompt]:
    """All prompt candidates, best first, without those whose text is in ``exclude``.

    ``exclude`` holds the course's prompts: a candidate of a template one of them
    uses, or on a sentence one of them quotes, comes after the others, so a prompt
    regenerated into the course repeats neither another's question nor its sentence.
    """
    excluded = set(exclude)
    candidates = _candidates(sentences, concepts)
    templates = {t.name for t in map(template_of, excluded) if t is not None}
    quoted = {i for c in candidates if c.prompt.text in excluded for i in c.reading.cited}
    pool = [c for c in candidates if c.prompt.text not in excluded]
    # Stable: best first within each group.
    pool.sort(key=lambda c: (c.template.name in templates, bool(quoted & set(c.reading.cited))))
    return [c.prompt for c in pool]


def build_prompts(
    sentences: list[str], concepts: list[DraftConcept], *, method: frozenset[int] = frozenset()
) -> list[DraftPrompt]:
    """Up to :data:`MAX_PROMPTS` prompts: each template and each sentence once, a new
    family preferred to a second of one already chosen; none on a sentence of ``method``
    (a structured abstract's Methods section)."""
    pool = [
        c
        for c in _candidates(sentences, concepts)
        if not method & set(c.reading.cited)
        # a prompt that names none of the text's concepts rests on a platitude ("For any
        # technology to succeed, its ability to compete is the key"), not on what it teaches
        and (c.prompt.concepts or not concepts)
    ]
    chosen: list[_Candidate] = []
    while len(chosen) < MAX_PROMPTS:
        templates = {c.template.name for c in chosen}
        families = {c.template.family for c in chosen}
        taken = {i for c in chosen for i in c.reading.cited}
        open_ = [
            c for c in pool if c.template.name not in templates and not taken & set(c.reading.cited)
        ]
        if not open_:
            break
        best = max(
            open_,
            key=lambda c: c.score + (NEW_FAMILY_BONUS if c.template.family not in families else 0),
        )
        chosen.append(best)
    order = {"compare": 0, "evaluate": 1, "evidence": 2}
    chosen.sort(key=lambda c: (order[c.template.family], c.reading.sentence))
    return [c.prompt for c in chosen]
