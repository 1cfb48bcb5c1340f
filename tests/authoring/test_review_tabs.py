"""The review workspace's tabs (Lessons · Glossary · Questions · Prompts · Removed text) and
the Questions tab's filters: real links the server renders as the only panel, the panel
alone to htmx, each tab's queries bounded and not growing with the questions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.authoring import services
from course.authoring.services import course_import_abstract
from course.authoring.views.panels import TABS, Shown, review_url, shown_in, tab_of
from course.catalog.models import Course
from course.quizzes.models import Question
from course.quizzes.services import LOWER_CONFIDENCE_TAG
from tests import factories
from tests.authoring.htmx_dom import parse
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def drafted(instructor) -> Course:
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    return course


def page(course: Course, **query: str) -> str:
    url = reverse("catalog:review", kwargs={"slug": course.slug})
    return f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}" if query else url


def panel_ids(html: str) -> list[str]:
    panel = parse(html).find("review-panel")
    assert panel is not None
    return panel.ids()


# --- which tab -------------------------------------------------------------------------


def test_it_reads_the_tab_and_the_filters_from_the_query(drafted):
    concept = drafted.concepts.first()
    query = f"tab=questions&type=cloze&status=draft&confidence=lower&concept={concept.pk}"
    assert shown_in(QueryDict(query)) == Shown(
        tab="questions", type="cloze", status="draft", confidence="lower", concept=concept.pk
    )
    # Values that are not choices count as not given: the page never fails on a filter.
    assert shown_in(QueryDict("tab=nope&type=x&status=y&confidence=z&concept=-1")) == Shown()
    # Without a tab, the card being edited opens its tab.
    assert shown_in(QueryDict("edit=prompt-4")).tab == "prompts"


@pytest.mark.parametrize(
    ("anchor", "tab"),
    [
        ("lesson-3", "lessons"), ("concept-2", "glossary"), ("concept-form", "glossary"),
        ("question-7", "questions"), ("questions-more", "questions"), ("prompt-1", "prompts"),
        ("removed-item-5", "removed"), ("removed-text", "removed"), ("nowhere", "lessons"),
    ],
)  # fmt: skip
def test_it_knows_the_tab_of_every_card_and_region(anchor, tab):
    assert tab_of(anchor) == tab


@pytest.mark.parametrize("tab", TABS)
def test_it_renders_each_tab_as_the_only_panel(as_user, instructor, drafted, tab):
    text = as_user(instructor).get(page(drafted, tab=tab)).text
    document = parse(text)
    nav = document.find("review-tabs")
    assert nav is not None
    current = [a for a in nav.elements() if a.attrs.get("aria-current") == "page"]
    assert [a.attrs["data-tab"] for a in current] == [tab]
    ids = panel_ids(text)
    has = {
        "lessons": "lesson-list",
        "glossary": "glossary",
        "questions": "question-list",
        "prompts": "prompt-list",
        "removed": "removed-items",
    }
    for name, region in has.items():
        assert (region in ids) == (name == tab), region
    # The cleaned abstract is beside every tab.
    assert text.count('id="sentence-') == drafted.sentences.count()


def test_it_counts_what_each_tab_holds(as_user, instructor, drafted):
    question = drafted.questions.first()
    services.question_remove(question=question, by=instructor)
    nav = parse(as_user(instructor).get(page(drafted)).text).find("review-tabs")
    counts = {
        link.attrs["data-tab"]: link.text().split()[-1]
        for link in nav.elements()
        if "data-tab" in link.attrs
    }
    assert counts == {
        "lessons": str(drafted.lessons.count()),
        "glossary": str(drafted.concepts.count()),
        "questions": str(drafted.questions.count()),
        "prompts": str(drafted.prompts.count()),
        "removed": str(len(drafted.cleaning_report) + 1),
    }


def test_it_makes_every_tab_a_link_that_htmx_follows_into_the_panel(as_user, instructor, drafted):
    nav = parse(as_user(instructor).get(page(drafted)).text).find("review-tabs")
    links = [a for a in nav.elements() if "data-tab" in a.attrs]
    assert [a.attrs["data-tab"] for a in links] == list(TABS)
    for link in links:
        assert link.attrs["href"] == link.attrs["hx-get"]  # works without JavaScript
        assert link.attrs["hx-target"] == "#review-panel"
        assert link.attrs["hx-push-url"] == "true"


def test_it_answers_htmx_with_the_panel_and_the_tabs_out_of_band(as_user, instructor, drafted):
    response = as_user(instructor).get(page(drafted, tab="prompts"), **HTMX)
    text = response.text.strip()
    assert "HX-Request" in response["Vary"]
    assert text.startswith('<div id="review-panel"')
    assert "<html" not in text and 'id="coverage"' not in text
    assert 'id="prompt-list"' in text
    tabs = parse(text).find("review-tabs")
    assert tabs is not None and tabs.attrs.get("hx-swap-oob") == "true"
    current = [a.attrs["data-tab"] for a in tabs.elements() if "aria-current" in a.attrs]
    assert current == ["prompts"]  # the tabs say which panel is shown now


def test_it_gives_back_the_whole_page_when_htmx_restores_history(as_user, instructor, drafted):
    response = as_user(instructor).get(
        page(drafted, tab="questions"), **HTMX, HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.text
    assert "HX-History-Restore-Request" in response["Vary"]


def test_it_links_the_coverage_map_to_each_item_in_its_tab(as_user, instructor, drafted):
    text = as_user(instructor).get(page(drafted)).text
    coverage = parse(text).find("coverage")
    hrefs = {a.attrs["href"] for a in coverage.elements() if a.tag == "a"}
    for question in drafted.questions.filter(sentences__isnull=False).distinct():
        assert f"{page(drafted, tab='questions')}#question-{question.pk}" in hrefs
    for prompt in drafted.prompts.filter(sentences__isnull=False).distinct():
        assert f"{page(drafted, tab='prompts')}#prompt-{prompt.pk}" in hrefs
    for lesson in drafted.lessons.all():
        assert f"{page(drafted, tab='lessons')}#lesson-{lesson.pk}" in hrefs
    # And each link's card is on the page it opens.
    question = drafted.questions.filter(sentences__isnull=False).first()
    opened = as_user(instructor).get(page(drafted, tab="questions")).text
    assert f"question-{question.pk}" in panel_ids(opened)


def test_it_sends_a_redirect_without_javascript_to_the_cards_tab(as_user, instructor, drafted):
    question = drafted.questions.first()
    response = as_user(instructor).post(
        reverse(
            "catalog:question-accept", kwargs={"slug": drafted.slug, "question_id": question.pk}
        )
    )
    assert response["Location"] == review_url(drafted, f"question-{question.pk}")
    assert response["Location"].endswith(f"?tab=questions#question-{question.pk}")


# --- the Questions tab's filters -------------------------------------------------------


@pytest.fixture
def varied(drafted, instructor) -> Course:
    """Questions of several types, both statuses, some drafted on request."""
    questions = list(drafted.questions.in_order())
    questions[0].status = Question.Status.ACCEPTED
    questions[0].save()
    questions[1].tags = [LOWER_CONFIDENCE_TAG]
    questions[1].save()
    return drafted


def shown_questions(client, course: Course, **query: str) -> set[int]:
    ids = panel_ids(client.get(page(course, tab="questions", **query)).text)
    return {int(i.split("-")[1]) for i in ids if i.startswith("question-") and i[9:].isdigit()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "cloze"}, lambda qs: qs.filter(type="cloze")),
        ({"status": "accepted"}, lambda qs: qs.filter(status="accepted")),
        ({"status": "draft"}, lambda qs: qs.filter(status="draft")),
        ({"confidence": "lower"}, lambda qs: [q for q in qs if LOWER_CONFIDENCE_TAG in q.tags]),
        ({"confidence": "usual"}, lambda qs: [q for q in qs if LOWER_CONFIDENCE_TAG not in q.tags]),
    ],
    ids=["type", "accepted", "draft", "lower-confidence", "usual-confidence"],
)
def test_it_filters_the_questions(as_user, instructor, varied, query, expected):
    want = {q.pk for q in expected(varied.questions.all())}
    assert want  # the filter has something to find, and something to leave out
    assert want != set(varied.questions.values_list("pk", flat=True))
    assert shown_questions(as_user(instructor), varied, **query) == want


def test_it_filters_the_questions_by_concept(as_user, instructor, varied):
    concept = next(c for c in varied.concepts.all() if c.questions.exists())
    want = set(concept.questions.values_list("pk", flat=True))
    assert shown_questions(as_user(instructor), varied, concept=str(concept.pk)) == want


def test_it_combines_filters_and_says_how_many_match(as_user, instructor, varied):
    client = as_user(instructor)
    cloze = varied.questions.filter(type="cloze", status="draft")
    shown = shown_questions(client, varied, type="cloze", status="draft")
    assert shown == set(cloze.values_list("pk", flat=True))
    text = client.get(page(varied, tab="questions", type="cloze", status="draft")).text
    assert f"{len(shown)} of {varied.questions.count()} questions match." in text
    assert "Clear the filters" in text


def test_it_keeps_the_filters_in_the_questions_tab_link(as_user, instructor, varied):
    text = as_user(instructor).get(page(varied, tab="prompts", type="cloze")).text
    link = next(a for a in parse(text).elements() if a.attrs.get("data-tab") == "questions")
    assert link.attrs["href"].endswith("?tab=questions&type=cloze")


def test_it_re_renders_the_question_list_out_of_band_as_filtered(as_user, instructor, varied):
    """An action on the filtered Questions tab sends the list back filtered the same way."""
    current = "http://testserver" + page(varied, tab="questions", type="cloze")
    response = as_user(instructor).post(
        reverse("catalog:questions-more", kwargs={"slug": varied.slug}),
        **HTMX,
        HTTP_HX_CURRENT_URL=current,
    )
    document = parse(response.text)
    listed = document.find("question-list")
    assert listed is not None and listed.attrs.get("hx-swap-oob") == "true"
    kinds = {
        Question.objects.get(pk=int(i.split("-")[1])).type
        for i in listed.ids()
        if i.startswith("question-") and i[9:].isdigit()
    }
    assert kinds == {"cloze"}


def test_it_sends_out_of_band_only_the_regions_of_the_tab_shown(as_user, instructor, drafted):
    """A lesson moved on the Lessons tab: the question and prompt lists are not on the page,
    so they are not sent; the coverage map, summary and counts are."""
    lesson = drafted.lessons.in_order()[1]
    response = as_user(instructor).post(
        reverse("catalog:lesson-move", kwargs={"slug": drafted.slug, "lesson_id": lesson.pk}),
        {"direction": "up"},
        **HTMX,
        HTTP_HX_CURRENT_URL="http://testserver" + page(drafted, tab="lessons"),
    )
    oob = {
        n.id for n in parse(response.text).children if getattr(n, "attrs", {}).get("hx-swap-oob")
    }
    assert oob == {"coverage", "review-summary", "review-tabs"}


# --- queries ---------------------------------------------------------------------------


def sized(instructor, questions: int) -> Course:
    """The reference draft with exactly `questions` questions, each linked to a concept, a
    sentence and a lesson as generated ones are (prefetches have something to fetch)."""
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor], title=f"Q{questions}"
    )
    existing = list(course.questions.in_order())
    for question in existing[questions:]:
        question.delete()
    concepts = list(course.concepts.all())
    sentences = list(course.sentences.select_related("lesson"))
    for n in range(questions - len(existing)):
        sentence = sentences[n % len(sentences)]
        extra = factories.QuestionFactory(
            course=course,
            lesson=sentence.lesson,
            prompt=f"Extra {n}?",
            status=Question.Status.DRAFT,
            tags=[LOWER_CONFIDENCE_TAG] if n % 2 else [],
        )
        extra.concepts.add(concepts[n % len(concepts)])
        extra.sentences.add(sentence)
    assert course.questions.count() == questions
    return course


#: The most queries each tab may make. On every tab: the session, the user, the course,
#: whether the user may see it and may edit it (`get_course_for_editor`); the sentences
#: and their concepts, questions and prompts (the coverage map); the lessons; the
#: concepts with their question counts and their sentences; the questions by type; the
#: prompts counted; the kept items counted.
#: Then each tab's own:
TAB_QUERIES = {
    "lessons": 0,  # its cards are the lessons and sentences read already
    "glossary": 0,  # the concepts read already
    "questions": 4,  # the questions, their concepts and sentences; those regenerating may replace
    "prompts": 4,  # the prompts, their concepts and sentences; those regenerating may replace
    "removed": 1,  # the kept items with who removed them (the cleaner's lines are the course's)
}
EVERY_TAB = 15


@pytest.mark.parametrize("tab", TABS)
def test_it_renders_each_tab_in_queries_that_do_not_grow_with_the_questions(
    as_user, instructor, tab, django_assert_max_num_queries
):
    few, many = sized(instructor, 5), sized(instructor, 30)
    client = as_user(instructor)
    client.get(page(few, tab=tab))  # the session is warm
    with CaptureQueriesContext(connection) as small:
        client.get(page(few, tab=tab))
    with django_assert_max_num_queries(EVERY_TAB + TAB_QUERIES[tab]):
        client.get(page(many, tab=tab))
    with CaptureQueriesContext(connection) as big:
        client.get(page(many, tab=tab))
    assert len(big) == len(small), tab
    # The filtered Questions tab, and the panel alone (htmx), cost no more.
    if tab == "questions":
        concept = many.questions.first().concepts.first()
        filtered = page(
            many, tab=tab, type="single_choice", status="draft", concept=str(concept.pk)
        )
        with django_assert_max_num_queries(EVERY_TAB + TAB_QUERIES[tab]):
            client.get(filtered + "&confidence=lower")
    with django_assert_max_num_queries(EVERY_TAB + TAB_QUERIES[tab]):
        client.get(page(many, tab=tab), **HTMX)
