"""Result types of the generator: plain frozen dataclasses, no behaviour but JSON.

They are the contract with the web layer, which stores a :class:`Draft` and
lets a teacher edit it, so the field names are part of the public API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Removed:
    """A piece of the input left out of the course, with the reason.

    Reported rather than silently dropped so the teacher can see (and undo)
    what the cleaner decided.
    """

    # What the line was: "page header", "metadata", "authors", "navigation", "references",
    # "other language", "article body", "headings", "duplicate" or "fragment".
    kind: str
    text: str
    # Whether it stood above the abstract on the page: a restored line goes back there.
    # Not part of equality: two reports of the same line are the same report.
    before: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class DraftLesson:
    """A contiguous run of source sentences taught as one unit."""

    title: str
    sentences: list[int]  # indexes into Draft.sentences, contiguous, in order
    # Markdown prose containing each sentence's text verbatim. The one exception:
    # a paragraph starting with a Markdown marker ("1.", "#", "- ") gets that
    # marker backslash-escaped so it renders as written (markdown.escape_line_start).
    body: str
    concepts: list[str] = field(default_factory=list)  # terms in it, most important first
    objective: str = ""  # a learning objective built from the lesson's own terms


@dataclass(frozen=True)
class DraftConcept:
    """A glossary entry: a term found in the text, never an invented one."""

    term: str
    aliases: list[str]
    definition: str  # drawn from the text: a defining or the first sentence
    sentences: list[int]  # sentences mentioning the term or an alias
    core: bool
    rank: int  # 1 = most important


@dataclass(frozen=True)
class DraftQuestion:
    """A quiz item, traceable to the sentences it was made from.

    ``answer`` depends on ``type``: accepted strings (cloze, short_answer), the
    correct option (single_choice), the correct options (multiple_response),
    a bool (true_false), the items in order (ordering), [left, right] pairs
    (matching).
    """

    type: str
    prompt: str
    options: list[str]
    answer: Any
    concepts: list[str]
    sentences: list[int]
    explanation: str
    lesson: int | None = None  # lesson holding the first cited sentence
    # How sure the item-writing flaw checker is that an instructor would keep it (0-1).
    confidence: float = 1.0


@dataclass(frozen=True)
class DraftPrompt:
    """A discussion prompt: analytical, tied to concepts and sentences."""

    text: str
    concepts: list[str]
    sentences: list[int]


@dataclass(frozen=True)
class Draft:
    """Everything generated from one abstract."""

    title: str
    sentences: list[str]
    removed: list[Removed]
    lessons: list[DraftLesson]
    concepts: list[DraftConcept]
    questions: list[DraftQuestion] = field(default_factory=list)
    prompts: list[DraftPrompt] = field(default_factory=list)

    def lesson_concepts(self, lesson: DraftLesson) -> list[str]:
        """Terms of the concepts that occur in ``lesson``, most important first."""
        inside = set(lesson.sentences)
        return [c.term for c in self.concepts if inside.intersection(c.sentences)]

    def to_json(self) -> dict[str, Any]:
        """Serialise to plain JSON types in the layout the web layer stores."""
        return {
            "title": self.title,
            "source": {
                "sentences": list(self.sentences),
                "removed": [
                    {"kind": r.kind, "text": r.text, "before": r.before} for r in self.removed
                ],
            },
            "lessons": [
                {
                    "title": lesson.title,
                    "sentences": list(lesson.sentences),
                    "concepts": list(lesson.concepts) or self.lesson_concepts(lesson),
                    "objective": lesson.objective,
                }
                for lesson in self.lessons
            ],
            "concepts": [
                {
                    "term": c.term,
                    "aliases": list(c.aliases),
                    "definition": c.definition,
                    "sentences": list(c.sentences),
                    "core": c.core,
                }
                for c in self.concepts
            ],
            "questions": [
                {
                    "type": q.type,
                    "prompt": q.prompt,
                    "options": list(q.options),
                    "answer": _plain(q.answer),
                    "concepts": list(q.concepts),
                    "sentences": list(q.sentences),
                    "explanation": q.explanation,
                    "confidence": q.confidence,
                }
                for q in self.questions
            ],
            "prompts": [
                {"text": p.text, "concepts": list(p.concepts), "sentences": list(p.sentences)}
                for p in self.prompts
            ],
        }


def _plain(value: Any) -> Any:
    """Tuples (matching pairs) become lists so the JSON round-trips unchanged."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
