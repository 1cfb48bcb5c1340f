"""The review page's tabs: which one is shown (and the Questions tab's filters), where each
card and region of the page lives, and the draft as the page reads it.

The tab and the filters are in the query string (`?tab=questions&type=cloze`), so every tab
is a real link the server renders without JavaScript. A POST from the page learns them from
htmx's `HX-Current-URL` (the URL `hx-push-url` keeps current): an action then re-renders
out of band only the regions that tab shows, filtered as they are shown.

`Draft` reads each part of the course the first time a template asks for it: a tab costs
the queries of what it shows, and none of them grows with the number of items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.db.models import Count, Prefetch, QuerySet
from django.http import QueryDict
from django.urls import reverse

from course.authoring.models import RemovedItem
from course.authoring.notices import anchor_of
from course.catalog import services as catalog_services
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.discussions.models import Prompt
from course.http import AuthedRequest
from course.quizzes import services as question_services
from course.quizzes.models import Question

#: The tabs, in order, with their names on the page.
TABS = {
    "lessons": "Lessons",
    "glossary": "Glossary",
    "questions": "Questions",
    "prompts": "Prompts",
    "removed": "Removed text",
}
DEFAULT_TAB = "lessons"
#: The regions an action may swap, by the tab whose panel holds them; the others (the
#: summary, the coverage map, the tabs) are on every tab.
TAB_REGIONS = {
    "lessons": ("lesson-list",),
    "glossary": ("glossary", "concept-form"),
    "questions": ("questions-more", "question-list"),
    "prompts": ("prompt-list",),
    "removed": ("removed-text", "removed-items"),
}
#: Where a card's anchor (`question-12`) lives: its prefix's tab.
ANCHOR_TABS = {
    "lesson": "lessons",
    "concept": "glossary",
    "question": "questions",
    "prompt": "prompts",
    "removed-item": "removed",
}
#: The cards (of `Draft`) each tab lists, where notices can go.
CARDS = {
    "lessons": "lessons",
    "questions": "questions",
    "prompts": "prompts",
    "removed": "removed_items",
}
CONFIDENCE = {
    "lower": "Lower confidence (drafted on request)",
    "usual": "Not marked lower confidence",
}


@dataclass(frozen=True)
class Shown:
    """The tab on the page and the Questions tab's filters ("" or None: any)."""

    tab: str = DEFAULT_TAB
    type: str = ""
    status: str = ""
    confidence: str = ""
    concept: int | None = None

    @property
    def filtered(self) -> bool:
        return bool(self.type or self.status or self.confidence or self.concept)

    def query(self) -> str:
        """The query string of this view of the page, filters only on the Questions tab."""
        pairs: dict[str, Any] = {"tab": self.tab}
        if self.tab == "questions":
            pairs |= {"type": self.type, "status": self.status, "confidence": self.confidence}
            pairs["concept"] = self.concept or ""
        return urlencode({name: value for name, value in pairs.items() if value})

    def regions(self) -> tuple[str, ...]:
        return TAB_REGIONS[self.tab]


def shown_in(query: QueryDict) -> Shown:
    """The view a query string asks for; a value that is not one of the choices counts as
    not given (a filter never fails the page). Without a tab, an `edit` or `show` of a card
    opens the card's tab."""
    tab = query.get("tab", "")
    if tab not in TABS:
        tab = tab_of(query.get("edit") or query.get("show") or "")
    kind = query.get("type", "")
    status = query.get("status", "")
    confidence = query.get("confidence", "")
    concept = query.get("concept", "")
    return Shown(
        tab=tab,
        type=kind if kind in Question.Type.values else "",
        status=status if status in Question.Status.values else "",
        confidence=confidence if confidence in CONFIDENCE else "",
        concept=int(concept) if concept.isdigit() and len(concept) < 10 else None,
    )


def shown_for(request: AuthedRequest) -> Shown:
    """The view the request comes from: its own query for a GET; for an htmx POST, the
    query of the page it was sent from."""
    if request.method == "GET":
        return shown_in(request.GET)
    current = request.htmx.current_url if request.htmx else None
    if current:
        return shown_in(QueryDict(urlsplit(current).query))
    return Shown()


def tab_of(anchor: str) -> str:
    """The tab that shows this card or region (the first tab for anything else)."""
    for tab, regions in TAB_REGIONS.items():
        if anchor in regions:
            return tab
    prefix, _, pk = anchor.rpartition("-")
    if pk.isdigit() and prefix in ANCHOR_TABS:
        return ANCHOR_TABS[prefix]
    return DEFAULT_TAB


def review_url(course: Course, anchor: str = "") -> str:
    """The review page at a card or region: its tab, then its anchor."""
    url = reverse("catalog:review", kwargs={"slug": course.slug})
    url = f"{url}?{Shown(tab=tab_of(anchor)).query()}"
    return f"{url}#{anchor}" if anchor else url


def on_page(region: str, shown: Shown) -> bool:
    """Whether a region an action re-renders out of band is on the page shown."""
    panel_regions = {name for names in TAB_REGIONS.values() for name in names}
    return region not in panel_regions or region in shown.regions()


class Draft:
    """The course's draft as the review page shows it, each part read when first asked."""

    def __init__(self, course: Course, shown: Shown) -> None:
        self.course = course
        self.shown = shown

    # --- on every tab: the coverage map, the summary and the tabs' counts --------------

    @cached_property
    def sentences(self) -> list[SourceSentence]:
        return list(
            SourceSentence.objects.filter(course=self.course)
            .select_related("lesson")
            .prefetch_related(
                "concepts",
                Prefetch("questions", queryset=Question.objects.only("pk", "type")),
                Prefetch("prompts", queryset=Prompt.objects.only("pk")),
            )
            .order_by("position")
        )

    @cached_property
    def lessons(self) -> list[Lesson]:
        lessons = list(self.course.lessons.in_order())
        by_lesson: dict[int, list[SourceSentence]] = {lesson.pk: [] for lesson in lessons}
        for sentence in self.sentences:
            if sentence.lesson_id in by_lesson:
                by_lesson[sentence.lesson_id].append(sentence)
        for lesson in lessons:
            lesson.course = self.course
            lesson.sentence_list = by_lesson[lesson.pk]
        return lessons

    @cached_property
    def concepts(self) -> list[Concept]:
        return list(
            Concept.objects.filter(course=self.course)
            .annotate(question_count=Count("questions"))
            .prefetch_related("sentences")
        )

    @cached_property
    def type_counts(self) -> list[tuple[str, str, int]]:
        """(type, its name, how many) for each type the course has questions of."""
        counted = dict(
            self.course.questions.order_by()
            .values_list("type")
            .annotate(n=Count("pk"))
            .values_list("type", "n")
        )
        return [
            (value, label, counted[value])
            for value, label in Question.Type.choices
            if value in counted
        ]

    @cached_property
    def question_count(self) -> int:
        return sum(n for _, _, n in self.type_counts)

    @cached_property
    def prompt_count(self) -> int:
        return self.course.prompts.count()

    @cached_property
    def removed_item_count(self) -> int:
        return self.course.removed_items.count()

    @cached_property
    def removed(self) -> list[dict[str, Any]]:
        """The lines the cleaner took out of the abstract, each with the digest its Restore
        button sends back."""
        return [
            {**item, "digest": catalog_services.removed_digest(item["text"])}
            for item in self.course.cleaning_report
        ]

    @cached_property
    def untested_core(self) -> list[Concept]:
        return [c for c in self.concepts if c.core and not c.question_count]  # type: ignore[attr-defined]

    def tabs(self) -> list[dict[str, Any]]:
        counts = {
            "lessons": len(self.lessons),
            "glossary": len(self.concepts),
            "questions": self.question_count,
            "prompts": self.prompt_count,
            "removed": len(self.removed) + self.removed_item_count,
        }
        return [
            {
                "name": name,
                "label": label,
                "count": counts[name],
                "current": name == self.shown.tab,
                # The Questions tab keeps its filters across the other tabs.
                "query": replace(self.shown, tab=name).query(),
            }
            for name, label in TABS.items()
        ]

    # --- one tab each -------------------------------------------------------------------

    @cached_property
    def questions(self) -> list[Question]:
        """The questions the Questions tab lists, filtered as it is shown, each with what
        the flaw checker finds in it."""
        shown = self.shown
        found: QuerySet[Question] = self.course.questions.with_sources().select_related("lesson")
        if shown.type:
            found = found.filter(type=shown.type)
        if shown.status:
            found = found.filter(status=shown.status)
        if shown.concept:
            found = found.filter(concepts=shown.concept)
        questions = list(found.order_by("position", "pk"))
        if shown.confidence:  # a tag in a JSON list: SQLite cannot look inside it
            lower = shown.confidence == "lower"
            tag = question_services.LOWER_CONFIDENCE_TAG
            questions = [q for q in questions if (tag in q.tags) == lower]
        texts = [s.text for s in self.sentences]
        aliases = {c.term: list(c.aliases) for c in self.concepts if c.aliases}
        for question in questions:
            question.flaws = question_services.question_flaws(question, texts, aliases)
        return questions

    @cached_property
    def replaceable_questions(self) -> set[int]:
        return set(self.course.questions.replaceable().values_list("pk", flat=True))

    @cached_property
    def prompts(self) -> list[Prompt]:
        return list(
            self.course.prompts.prefetch_related("concepts", "sentences")
            .select_related("lesson")
            .in_order()
        )

    @cached_property
    def replaceable_prompts(self) -> set[int]:
        return set(self.course.prompts.replaceable().values_list("pk", flat=True))

    @cached_property
    def removed_items(self) -> list[RemovedItem]:
        return list(self.course.removed_items.newest_first().select_related("removed_by"))

    def anchors(self) -> set[str]:
        """The ids of the cards and regions on the page shown, where notices can go."""
        # Only the shown tab's cards are read (the others' notices join the messages).
        cards: Iterable[Any] = (
            getattr(self, CARDS[self.shown.tab]) if self.shown.tab in CARDS else ()
        )
        return {anchor_of(obj) for obj in cards} | set(self.shown.regions())
