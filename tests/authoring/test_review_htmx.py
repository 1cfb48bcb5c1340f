"""htmx on the review workspace: every form swaps only its own region.

The forms are not listed here: they are found by parsing the review page (its `hx-post`
forms) and the fragments its `hx-get` links bring in (edit forms, confirmation dialogs), so
a new form is covered without anyone remembering to. Each is posted as htmx would post it,
spoiled where it has fields (blank text, a hidden value or choice that is not one), and the
answer is swapped into the parsed page as htmx would swap it. Then:

- the answer is a fragment, says `Vary: HX-Request`, and holds its target's id once (for an
  outerHTML swap) and no id of any other region of the page;
- an invalid submission re-renders its own region with the error in place and nothing out of
  band; a valid one (a form without fields: accept, merge, confirm, undo) may add
  out-of-band copies of regions that exist;
- after the swap every id of the page is unique and every other region is still there.

The forms an answer brings (the Undo of a deleted card, say) are tried in turn, one level
deep. Each request is rolled back, so each form meets the same workspace.

The draft is in tabs, each its own page (`?tab=`): the walk is made on every tab, each
request saying which page it comes from (`HX-Current-URL`, as htmx says it), so the regions
an answer sends out of band must be on that tab. A tab link (`hx-push-url`) is followed as
the others are (it brings the panel, and the tabs out of band); what it brings is walked
on its own tab's page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import Client
from django.urls import resolve, reverse

from course.authoring import services
from course.authoring.services import course_import_abstract
from course.authoring.views.panels import TABS
from course.catalog.models import Course
from course.discussions.models import Post
from course.quizzes.models import Question
from tests import factories
from tests.authoring.htmx_dom import (
    Node,
    Response,
    Swap,
    apply,
    fields,
    htmx_forms,
    htmx_links,
    parse,
    split_response,
    swap_of,
)
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}

#: The workspace's POST views, each of which must be met by the enumeration: a check on the
#: enumeration itself (a form that stops being found would otherwise pass silently).
EXPECTED_FORMS = {
    "lesson-update", "lesson-move", "lesson-merge", "lesson-split", "concept-add",
    "removed-restore", "questions-more", "question-update", "question-accept",
    "question-delete", "question-regenerate", "question-regenerate-copy", "prompt-update",
    "prompt-delete", "prompt-regenerate", "prompt-regenerate-copy", "removed-item-restore",
}  # fmt: skip
#: Where they are: each tab's forms (Undo comes with the notice of a delete or regenerate,
#: Restore with each kept item).
TAB_FORMS = {
    "lessons": {"lesson-update", "lesson-move", "lesson-merge", "lesson-split"},
    "glossary": {"concept-add"},
    "questions": {
        "questions-more", "question-update", "question-accept", "question-delete",
        "question-regenerate", "question-regenerate-copy", "removed-item-restore",
    },
    "prompts": {
        "prompt-update", "prompt-delete", "prompt-regenerate", "prompt-regenerate-copy",
        "removed-item-restore",
    },
    "removed": {"removed-restore", "removed-item-restore"},
}  # fmt: skip
assert set(TAB_FORMS) == set(TABS)


@pytest.fixture
def workspace(instructor) -> Course:
    """A generated draft with a card of every kind: a question in a quiz and one written by
    an instructor, a prompt with a post (their cards offer "Duplicate and regenerate"),
    and a deleted question kept to restore."""
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    questions = list(course.questions.in_order())
    factories.quiz_with(course, [questions[0]])
    questions[1].origin = Question.Origin.AUTHORED
    questions[1].save()
    prompt = course.prompts.in_order().first()
    Post.objects.create(prompt=prompt, author=instructor, body="A first answer.")
    services.question_remove(question=questions[-1], by=instructor)
    return course


@contextmanager
def rolled_back() -> Iterator[None]:
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def shape(element: Node) -> tuple[object, ...]:
    """One form or link per kind: the same view, fields, hidden values and kind of target."""
    url = element.attrs.get("hx-post") or element.attrs["hx-get"]
    path, _, query = url.partition("?")
    named = fields(element)
    hidden = sorted(
        (f.attrs["name"], f.attrs.get("value", ""))
        for f in named
        if f.attrs.get("type") == "hidden"
        and f.attrs["name"] not in {"index", "digest", "csrfmiddlewaretoken"}
    )
    return (
        resolve(path).url_name,
        "post" if "hx-post" in element.attrs else "get",
        tuple(sorted(f.attrs["name"] for f in named)),
        tuple(hidden),
        re.sub(r"\d+", "N", swap_of(element).target),
        re.sub(r"\d+", "N", query),
    )


def spoiled(form: Node) -> tuple[dict[str, str], bool]:
    """The form's fields, each made invalid: (data, whether there was anything to spoil)."""
    data: dict[str, str] = {}
    for field in fields(form):
        name, kind = field.attrs["name"], field.attrs.get("type", "")
        if name == "csrfmiddlewaretoken" or kind in {"checkbox", "radio", "submit"}:
            continue
        data[name] = "not-a-choice" if field.tag == "select" or kind == "hidden" else ""
    return data, bool(data)


def duplicates(page: Node) -> list[str]:
    return sorted(element_id for element_id, n in Counter(page.ids()).items() if n > 1)


class Walk:
    """The instructor's client, the page as htmx would hold it, and what has been tried."""

    def __init__(self, client: Client, url: str) -> None:
        self.client = client
        self.url = url
        self.html = client.get(url).text
        # What htmx sends with each request: the URL of the page it is on.
        self.headers = {**HTMX, "HTTP_HX_CURRENT_URL": f"http://testserver{url}"}
        self.tried: set[tuple[object, ...]] = set()
        self.covered: set[str] = set()
        self.problems: list[str] = []

    def fail(self, element: Node, message: str) -> None:
        url = element.attrs.get("hx-post") or element.attrs.get("hx-get")
        self.problems.append(f"{url}: {message}")

    def check(self, page: Node, element: Node, response_text: str, headers: dict[str, str],
              *, invalid: bool) -> tuple[Swap, Response] | None:  # fmt: skip
        """Swap the answer into the page (changing `page`); None if it cannot be."""
        swap = swap_of(element, headers)
        target = page.find(swap.target)
        if target is None:
            self.fail(element, f"its target #{swap.target} is not on the page")
            return None
        before = Counter(page.ids())
        inside = set(target.ids())
        answer = split_response(response_text)
        main_ids = [i for n in answer.main if isinstance(n, Node) for i in n.ids()]
        if swap.style == "outerHTML" and main_ids.count(swap.target) != 1:
            self.fail(element, f"#{swap.target} is in the answer {main_ids.count(swap.target)}x")
        if swap.style == "innerHTML" and swap.target in main_ids:
            self.fail(element, f"#{swap.target} is inside itself")
        strangers = sorted({i for i in main_ids if i in before and i not in inside})
        if strangers:
            self.fail(element, f"re-renders other regions: {strangers}")
        if invalid and answer.oob:
            self.fail(element, f"an invalid submission sends {[n.id for n in answer.oob]} too")
        replaced = set(inside)
        for element_oob in answer.oob:
            old = page.find(element_oob.id or "")
            if old is None:
                self.fail(element, f"out of band: #{element_oob.id} is not on the page")
                return None
            replaced |= set(old.ids())
        apply(page, swap, answer)
        if duplicates(page):
            self.fail(element, f"ids twice on the page after the swap: {duplicates(page)}")
        lost = sorted(set(before) - replaced - set(page.ids()))
        if lost:
            self.fail(element, f"other regions are gone after the swap: {lost[:5]}")
        return swap, answer

    def follow(self, page: Node, link: Node) -> list[Node]:
        """An hx-get link (Edit, Cancel, Delete…, Regenerate…): what it brings in."""
        response = self.client.get(link.attrs["hx-get"], **self.headers)
        if response.status_code != 200 or "<html" in response.text:
            self.fail(link, f"answers {response.status_code} with a whole page or an error")
            return []
        if "HX-Request" not in response.get("Vary", ""):
            self.fail(link, "no Vary: HX-Request")
        swapped = self.check(page, link, response.text, dict(response.headers), invalid=False)
        if swapped is None:
            return []
        return [n for n in swapped[1].main if isinstance(n, Node)]

    def post(self, page: Node, form: Node, depth: int) -> None:
        key = shape(form)
        if key in self.tried:
            return
        self.tried.add(key)
        self.covered.add(str(key[0]))
        data, invalid = spoiled(form)
        target = swap_of(form).target
        with rolled_back():
            response = self.client.post(
                form.attrs["hx-post"], data, **self.headers, HTTP_HX_TARGET=target
            )
            if response.status_code != 200 or "<html" in response.text:
                self.fail(form, f"answers {response.status_code} with a whole page or an error")
                return
            if "HX-Request" not in response.get("Vary", ""):
                self.fail(form, "no Vary: HX-Request")
            if invalid and not re.search(r"errorlist|message-error", response.text):
                self.fail(form, "an invalid submission shows no error")
            headers = dict(response.headers)
            swapped = self.check(page, form, response.text, headers, invalid=invalid)
            if swapped is None or invalid or depth:
                return
            # What the answer brings: the Undo of a deleted card, of a regenerated one.
            for node in swapped[1].main:
                if isinstance(node, Node):
                    for new_form in htmx_forms(node):
                        self.post(page, new_form, depth + 1)

    def everything(self) -> None:
        page = parse(self.html)
        assert duplicates(page) == [], duplicates(page)
        forms, links = htmx_forms(page), htmx_links(page)
        for index in range(len(forms)):
            fresh = parse(self.html)
            self.post(fresh, htmx_forms(fresh)[index], 0)
        seen: set[tuple[object, ...]] = set()
        for index, link in enumerate(links):
            if shape(link) in seen:
                continue
            seen.add(shape(link))
            fresh = parse(self.html)
            brought = self.follow(fresh, htmx_links(fresh)[index])
            if "hx-push-url" in link.attrs:  # a tab or a filter: its page has its own walk
                continue
            count = sum(len(htmx_forms(node)) for node in brought)
            for number in range(count):
                # Each form it brought, in a page that holds what the link brought.
                again = parse(self.html)
                nodes = self.follow(again, htmx_links(again)[index])
                self.post(again, [f for n in nodes for f in htmx_forms(n)][number], 0)
            for node in brought:
                for inner in htmx_links(node):  # Cancel
                    if shape(inner) not in seen:
                        seen.add(shape(inner))
                        self.follow(fresh, inner)


@pytest.mark.parametrize("tab", [*TABS, "questions&status=draft&confidence=usual"])
def test_every_htmx_form_of_each_tab_swaps_only_its_own_region(as_user, instructor, workspace, tab):
    url = reverse("catalog:review", kwargs={"slug": workspace.slug})
    walk = Walk(as_user(instructor), f"{url}?tab={tab}")
    walk.everything()
    problems = sorted(set(walk.problems))
    assert not problems, "\n".join(problems)
    missing = TAB_FORMS[tab.partition("&")[0]] - walk.covered
    assert not missing, f"forms the walk did not find on the page: {sorted(missing)}"


def test_the_tabs_hold_every_form_of_the_workspace():
    assert set().union(*TAB_FORMS.values()) == EXPECTED_FORMS


def test_it_re_renders_an_invalid_question_edit_in_its_card_only(as_user, instructor, workspace):
    """The reported case: an answer that is not among the options, saved with htmx."""
    question = workspace.questions.filter(type="single_choice").first()
    client = as_user(instructor)
    url = reverse("catalog:review", kwargs={"slug": workspace.slug})
    page = parse(client.get(f"{url}?tab=questions").text)
    anchor = f"question-{question.pk}"
    edit = client.get(f"{url}?edit={anchor}", **HTMX)
    apply(page, Swap(anchor, "outerHTML"), split_response(edit.text))
    data = {"prompt": "Which one?", "options": "A\nB", "answer": "C", "explanation": ""}
    post = reverse(
        "catalog:question-update", kwargs={"slug": workspace.slug, "question_id": question.pk}
    )
    invalid = client.post(post, data, **HTMX)
    assert invalid.text.strip().startswith(f'<article class="review-item" id="{anchor}"')
    assert "Not among the options" in invalid.text
    assert f'id="edit-{anchor}-answer_error"' in invalid.text  # the error beside its field
    answer = next(n for n in parse(invalid.text).elements() if n.attrs.get("name") == "answer")
    assert "autofocus" in answer.attrs  # the cursor goes to the field to fix
    apply(page, Swap(anchor, "outerHTML"), split_response(invalid.text))
    assert duplicates(page) == []
    assert page.find("review-summary") and page.find("coverage")
    valid = client.post(post, {**data, "answer": "B"}, **HTMX)
    apply(page, Swap(anchor, "outerHTML"), split_response(valid.text))
    assert duplicates(page) == []
    assert page.ids().count("review-region") == 1
    card = page.find(anchor)
    assert card is not None and "Question saved." in card.text()


def test_it_puts_the_notice_in_the_card_without_javascript(as_user, instructor, workspace):
    question = workspace.questions.filter(origin=Question.Origin.GENERATED).last()
    client = as_user(instructor)
    response = client.post(
        reverse(
            "catalog:question-accept", kwargs={"slug": workspace.slug, "question_id": question.pk}
        )
    )
    anchor = f"question-{question.pk}"
    assert response["Location"].endswith(f"#{anchor}")
    page = parse(client.get(response["Location"]).text)
    card = page.find(anchor)
    assert card is not None and "Accepted into the bank." in card.text()
    notice = next(n for n in card.elements() if "notice" in n.attrs.get("class", ""))
    assert "autofocus" in notice.attrs  # the browser puts focus (and the view) there
