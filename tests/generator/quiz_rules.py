"""Shared assertions: the rules every generated question and prompt must obey."""

from __future__ import annotations

from course.generator import Draft
from course.generator.checks import (
    answer_in_source,
    distinct_options,
    matches_no_source,
    same_kind,
    stem_ok,
)
from course.generator.prompts import MAX_PROMPTS, template_of
from course.generator.questions import definite
from course.generator.selection import MIN_CONFIDENCE

TYPES = {
    "cloze",
    "single_choice",
    "multiple_response",
    "true_false",
    "ordering",
    "matching",
    "short_answer",
}


def assert_question_rules(draft: Draft, *, every_core_concept: bool = True) -> None:
    """``every_core_concept``: each core concept is tested (the reference abstract). Elsewhere
    a core concept may go untested when no sure item tests it: fewer, better items."""
    sentences = draft.sentences
    seen = set()
    for q in draft.questions:
        assert q.type in TYPES
        assert q.sentences and all(0 <= i < len(sentences) for i in q.sentences), q
        cited = [sentences[i] for i in q.sentences]
        assert q.explanation.startswith(("From the text:", "True:", "False:", "The text says:"))
        assert q.confidence >= MIN_CONFIDENCE, q
        assert all(s in q.explanation for s in cited)
        key = (q.type, q.prompt)
        assert key not in seen, key
        seen.add(key)
        if q.type in ("cloze", "short_answer"):
            assert isinstance(q.answer, list) and q.answer
            assert any(answer_in_source(a, cited) for a in q.answer), q
        if q.type == "cloze":
            assert "_____" in q.prompt
            assert answer_in_source(q.answer[0], cited)
        if q.type == "single_choice":
            assert len(q.options) == 4 and q.answer in q.options
            assert answer_in_source(q.answer, cited)
            distractors = [o for o in q.options if o != q.answer]
            assert distinct_options(q.answer, distractors)
            assert same_kind(q.answer, distractors)
        if q.type == "multiple_response":
            assert q.prompt.startswith("Select all that apply")
            assert len(q.answer) >= 2 and set(q.answer) < set(q.options)
            wrong = [o for o in q.options if o not in q.answer]
            assert 1 <= len(wrong) <= 3
            assert all(answer_in_source(a, cited) for a in q.answer)
            assert distinct_options(q.answer[0], [*q.answer[1:], *wrong])
        if q.type == "true_false":
            statement = q.prompt.removeprefix("True or false? ")
            assert isinstance(q.answer, bool)
            assert stem_ok(statement)
            if q.answer:
                # the text's own words, a pointing-back "these X" made "the X"
                assert answer_in_source(statement, [definite(s) for s in cited])
            else:
                assert matches_no_source(statement, sentences)
        if q.type == "ordering":
            assert sorted(q.options) == sorted(q.answer)
            assert q.options != q.answer
            assert 3 <= len(q.answer) <= 5
            assert all(answer_in_source(a, cited) for a in q.answer)
        if q.type == "matching":
            rights = [pair[1] for pair in q.answer]
            assert 3 <= len(rights) <= 5 and len(set(rights)) == len(rights)
            assert sorted(q.options) == sorted(rights)
            assert all(answer_in_source(pair[0], cited) for pair in q.answer)
    tested = {t for q in draft.questions for t in q.concepts}
    for concept in draft.concepts:
        if concept.core and every_core_concept:
            assert concept.term in tested, concept.term


def assert_prompt_rules(draft: Draft) -> None:
    # Fewer rather than weak: a text may carry none, never more than five.
    assert len(draft.prompts) <= MAX_PROMPTS
    assert len({p.text for p in draft.prompts}) == len(draft.prompts)
    templates = [template_of(p.text) for p in draft.prompts]
    assert None not in templates, "a prompt from no known template"
    assert len({t.name for t in templates if t}) == len(templates), "a template used twice"
    cited = [i for p in draft.prompts for i in p.sentences]
    assert len(set(cited)) == len(cited), "two prompts on one sentence"
    for prompt in draft.prompts:
        assert prompt.sentences
        assert all(0 <= i < len(draft.sentences) for i in prompt.sentences)
        assert prompt.text.endswith("?")
        terms = {c.term for c in draft.concepts}
        assert set(prompt.concepts) <= terms
