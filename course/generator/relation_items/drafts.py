"""Assembling items and holding them to the generator's question rules.

:mod:`questions` imports this package to add its items to the pool, so the
package cannot import :mod:`questions` back: the deterministic shuffle and the
rules every item must pass (the ones ``questions.valid`` and the test suite's
``quiz_rules`` apply) are restated here from the primitives of :mod:`checks`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..checks import (
    answer_in_source,
    distinct_options,
    matches_no_source,
    same_kind,
    stem_ok,
)
from ..model import DraftQuestion
from ..questions import BLANK, shuffled
from .stems import select_all
from .text import Text


def single(
    t: Text, prompt: str, key: str, wrong: list[str], where: list[int], about: list[str]
) -> DraftQuestion:
    """A single-choice item: the key and three wrong options, shuffled."""
    return DraftQuestion(
        type="single_choice",
        prompt=prompt,
        options=shuffled([key, *wrong], salt=prompt),
        answer=key,
        concepts=t.concepts_in(*about, key),
        sentences=sorted(set(where)),
        explanation=t.explanation(where),
    )


def several(
    t: Text, stem: str, keys: list[str], wrong: list[str], where: int, about: list[str]
) -> DraftQuestion:
    """A multiple-response item: every key and one to three wrong options."""
    prompt = select_all(stem)
    return DraftQuestion(
        type="multiple_response",
        prompt=prompt,
        options=shuffled([*keys, *wrong], salt=prompt),
        answer=keys,
        concepts=t.concepts_in(*about, *keys),
        sentences=[where],
        explanation=t.explanation([where]),
    )


def statement(
    t: Text, text: str, truth: bool, where: list[int], lead: str, about: Iterable[str] = ()
) -> DraftQuestion:
    """A true/false item; ``lead`` opens its explanation ("True: ...", "False: ...")."""
    return DraftQuestion(
        type="true_false",
        prompt=f"True or false? {text}",
        options=["True", "False"],
        answer=truth,
        concepts=t.concepts_in(text, *about),
        sentences=sorted(set(where)),
        explanation=t.explanation(where, lead),
    )


def passes_rules(q: DraftQuestion, sentences: list[str]) -> bool:
    """The rules every generated item obeys: keys are spans of the cited sentences,
    true statements too, false ones match no sentence, options are distinct and of
    one kind, stems are readable sentences."""
    if not q.sentences or not all(0 <= i < len(sentences) for i in q.sentences):
        return False
    cited = [sentences[i] for i in q.sentences]
    if q.type == "true_false":
        text = q.prompt.removeprefix("True or false? ")
        if not isinstance(q.answer, bool) or not stem_ok(text):
            return False
        if q.answer:
            return answer_in_source(text, cited)
        return matches_no_source(text, sentences)
    if q.type == "single_choice":
        wrong = [o for o in q.options if o != q.answer]
        stem = q.prompt.split("? ", 1)[-1]
        return (
            len(q.options) == 4
            and len(wrong) == 3
            and answer_in_source(q.answer, cited)
            and stem_ok(stem.replace(BLANK, "it"))
            and distinct_options(q.answer, wrong)
            and same_kind(q.answer, wrong)
        )
    if q.type == "multiple_response":
        wrong = [o for o in q.options if o not in q.answer]
        return (
            q.prompt.startswith("Select all that apply")
            and len(q.answer) >= 2
            and 1 <= len(wrong) <= 3
            and all(answer_in_source(a, cited) for a in q.answer)
            and not any(answer_in_source(w, cited) for w in wrong)
            and distinct_options(q.answer[0], [*q.answer[1:], *wrong])
            and same_kind(q.answer[0], [*q.answer[1:], *wrong])
        )
    if q.type == "ordering":
        return (
            3 <= len(q.answer) <= 5
            and q.options != q.answer
            and sorted(q.options) == sorted(q.answer)
            and all(answer_in_source(a, cited) for a in q.answer)
        )
    if q.type == "matching":
        rights = [pair[1] for pair in q.answer]
        return (
            3 <= len(rights) <= 5
            and len(set(rights)) == len(rights)
            and sorted(q.options) == sorted(rights)
            and all(answer_in_source(pair[0], cited) for pair in q.answer)
        )
    return False
