"""Checkboxes sit before their words, on their first line, at their own size: in a new quiz
(the bank's questions, the shuffle switches), a new question (its concepts) and an import
with errors (accept the valid part). Stretched like text boxes, they stood centred above
their labels. Measured in Chromium, where the layout is."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

# For every checkbox of the page's forms: its box, and the first line of its label's words.
MEASURE = """
() => [...document.querySelectorAll(".stacked-form input[type=checkbox]")].map((box) => {
  const label = box.labels[0];
  const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  let text = walker.nextNode();
  while (text && !text.textContent.trim()) text = walker.nextNode();
  const range = document.createRange();
  range.selectNodeContents(text);
  const line = range.getClientRects()[0];
  const rect = box.getBoundingClientRect();
  return {
    name: (box.name + " " + box.value).trim(),
    box: {
      left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom, width: rect.width,
    },
    words: {left: line.left, top: line.top, bottom: line.bottom},
  };
})
"""


def assert_boxes_before_their_words(page, expected: int) -> None:
    measured = page.evaluate(MEASURE)
    assert len(measured) >= expected, measured
    for found in measured:
        box, words = found["box"], found["words"]
        where = f"{page.url}: {found['name']}: {found}"
        assert box["width"] <= 24, f"stretched: {where}"
        assert box["right"] <= words["left"] + 1, f"not before its words: {where}"
        assert words["left"] - box["right"] <= 16, f"apart from its words: {where}"
        middle = (box["top"] + box["bottom"]) / 2
        assert words["top"] <= middle <= words["bottom"], f"not on the words' line: {where}"


@pytest.fixture
def instructor_page(browser, live_server, instructor, course):
    question = factories.QuestionFactory(course=course)
    question.concepts.set(course.concepts.all())
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(instructor.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    yield page
    context.close()


def test_checkboxes_sit_before_their_labels_in_the_three_forms(
    instructor_page, live_server, course, axe
):
    page = instructor_page
    page.goto(live_server.url + reverse("quizzes:new", kwargs={"slug": course.slug}))
    assert_boxes_before_their_words(page, 3)  # one question, two shuffle switches
    axe(page)

    new_question = reverse("quizzes:question-new", kwargs={"slug": course.slug})
    page.goto(f"{live_server.url}{new_question}?type=single_choice")
    assert_boxes_before_their_words(page, 1)  # the course's concept

    page.goto(live_server.url + reverse("quizzes:bank-import", kwargs={"slug": course.slug}))
    page.get_by_label("File").set_input_files(
        files=[
            {
                "name": "bank.gift",
                "mimeType": "text/plain",
                "buffer": b"::Q1:: Which body led the unions? {=VTsSPS ~Gosplan ~Comintern}\n\n"
                b"::Q2:: A broken question {=}\n",
            }
        ]
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("Import the 1 valid question")).to_be_visible()
    assert_boxes_before_their_words(page, 1)
    axe(page)
