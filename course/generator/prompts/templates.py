"""The prompt templates, each for the sentence types it fits.

Three families, after what the prompt asks the learner to do:

* compare: only where the text marks a change or a contrast;
* evaluate: only a claim (a finding, an argument, a judgement, a stated aim);
* evidence: only a causal or empirical claim.

A course uses each template at most once (the same question frame twice
reads as a form to fill in), so every family has several templates, each
asking for a different piece of analysis.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .sentence_types import Reading


@dataclass(frozen=True)
class Template:
    name: str
    family: str
    #: The reading kinds the template fits, with how well each fits (added to the score).
    fits: dict[str, float]
    base: float
    #: The statement that opens the prompt, from the reading.
    lead: Callable[[Reading], str]
    #: The question that closes it: the same for every prompt of the template.
    question: str

    def render(self, reading: Reading) -> str:
        return f"{self.lead(reading)} {self.question}"


def _cases(r: Reading) -> str:
    first, second, cue = r.parts
    if cue == "unlike":  # "Unlike X, Y": the clause first, then what it is set against
        return f"The text compares two cases: {second}, unlike {first}."
    return f"The text compares two cases: {first}, whereas {second}."


TEMPLATES: tuple[Template, ...] = (
    Template(
        "compare-change",
        "compare",
        {"change": 0.0},
        3.2,
        lambda r: (
            f"The text says that {r.claim}. Compare {r.parts[0]} before and after this change:"
        ),
        "what differed, and what does the text suggest drove it?",
    ),
    Template(
        "compare-contrast",
        "compare",
        {"contrast": 0.0},
        3.0,
        lambda r: (
            f"The text sets two points against each other: that {r.parts[0]}, and that "
            f"{r.parts[1]}."
        ),
        "How can both hold at once, and which matters more to the text's account?",
    ),
    Template(
        "compare-cases",
        "compare",
        {"cases": 0.0},
        3.0,
        _cases,
        "What might explain the difference, and what would you need to know to test your "
        "explanation?",
    ),
    Template(
        "weigh-aims",
        "compare",
        {"aims": 0.0},
        2.9,
        lambda r: f"The text gives {r.parts[0]} two aims: {r.parts[1]}, and {r.parts[2]}.",
        "Were these aims in tension, or did one serve the other?",
    ),
    Template(
        "explain-concession",
        "compare",
        {"concession": 0.0},
        2.6,
        lambda r: f"The text states that {r.parts[1]}, despite {r.parts[0]}.",
        "What might explain this, and how could you check your explanation?",
    ),
    Template(
        "evaluate-claim",
        "evaluate",
        {"argument": 0.3, "finding": 0.2, "judgement": 0.3, "cause": 0.0},
        3.0,
        lambda r: f"The text claims that {r.claim}.",
        "How convincing is this, and what would you need to know to judge it?",
    ),
    Template(
        "counter-view",
        "evaluate",
        {"argument": 0.2, "judgement": 0.2},
        2.2,
        lambda r: f"The text holds that {r.claim}.",
        "What might be said against this view, and what would it take to settle the question?",
    ),
    Template(
        "generalise-finding",
        "evaluate",
        {"finding": 0.0},
        2.2,
        lambda r: f"The text reports that {r.claim}.",
        "How far might this finding hold beyond the setting studied, and what could limit it?",
    ),
    Template(
        "judge-aim",
        "evaluate",
        {"purpose": 0.0},
        2.1,
        lambda r: f"According to the text, {r.claim}.",
        "What would you look at to judge whether this aim was achieved, and what might have "
        "stood in its way?",
    ),
    Template(
        "evidence-cause",
        "evidence",
        {"cause": 0.2},
        3.0,
        lambda r: f"What evidence would show that {r.claim}?",
        "Where might it be found?",
    ),
    Template(
        "other-causes",
        "evidence",
        {"cause": 0.0},
        2.4,
        lambda r: f"On the text's account, {r.claim}.",
        "What other factors might have played a part, and how would you weigh them against "
        "the one the text gives?",
    ),
    Template(
        "explain-otherwise",
        "evidence",
        {"finding": 0.1},
        2.4,
        lambda r: f"The text finds that {r.claim}.",
        "What else could explain this result, and how could you rule it out?",
    ),
)


#: A claim that gives its own evidence ("unlikely to be the author because Verdi
#: indicated …"): asking what evidence would show it has one obvious answer.
_STATED_EVIDENCE_RE = re.compile(
    r"\b(?:because|given that|as shown by|as evidenced by|as indicated by)\b|"
    r"\bsince\b(?!\s+(?:\d|then\b|the\s+(?:\d|early|late|mid|end|beginning|start)))",
    re.IGNORECASE,
)


#: A claim that is the study's own measurement ("was associated with", "the effect size was
#: large (.43)", "rose by 12%"): the evidence that would show it is the study's data.
_MEASURED_RE = re.compile(
    r"\b(?:(?:significantly|positively|negatively|strongly|weakly)\s+)?(?:associated|"
    r"correlated)\s+with\b|\beffect sizes?\b|\bodds ratios?\b|\bstatistically\b|"
    r"\d\s*(?:%|per ?cent\b)|\(\s*[.\d]",
    re.IGNORECASE,
)


def fits(template: Template, reading: Reading) -> bool:
    if reading.kind not in template.fits:
        return False
    if template.name == "explain-otherwise":
        return reading.linked  # only a finding that links two things has another explanation
    if template.name == "evidence-cause":
        return not (_STATED_EVIDENCE_RE.search(reading.claim) or _MEASURED_RE.search(reading.claim))
    if template.name == "other-causes":
        # "The metric depends only on geometry because the stress drop is normalized": a
        # property that follows from a definition has no other causes to weigh
        return not _STATIVE_EFFECT_RE.search(reading.claim)
    return True


#: An effect told as a standing property ("depends on", "is independent of", "can be
#: extended"), not as something that happened.
_STATIVE_EFFECT_RE = re.compile(
    r"^[^,;]*?\b(?:depends?|depended|is|are|can|could|consists?|equals?|remains?)\s+"
    r"(?:\w+ly\s+|not\s+|only\s+)*(?:on|of|independent|defined|be|equal|proportional|"
    r"constant|valid|applicable)\b",
    re.IGNORECASE,
)


def template_of(text: str) -> Template | None:
    """The template a prompt was made from, known by its closing question."""
    for template in TEMPLATES:
        if text.endswith(template.question):
            return template
    return None
