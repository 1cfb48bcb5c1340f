"""The review workspace fits on a screen: the cleaned abstract beside the draft (one under the
other on a phone), the draft in tabs with counts, the Questions tab filtered, the coverage
map opening an item in its tab. With JavaScript a tab or a filter brings only the panel (the
page is not reloaded, the URL follows, Back returns to the tab before) and the keyboard
stays on the tab; without it every tab and filter is a page of its own. At 1280 and 390 px:
no horizontal overflow, ids unique, and axe-core finds no serious or critical violation."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from course.authoring.services import course_import_abstract
from course.catalog.models import Course
from course.quizzes.models import Question
from tests.factories import PASSWORD
from tests.generator.support import SEED

pytestmark = pytest.mark.django_db(transaction=True)

UNIQUE_IDS = "() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);" \
    " return ids.filter((id, i) => ids.indexOf(id) !== i); }"  # fmt: skip
# The page's width beyond the window, and what reaches farthest right, for the message.
OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const widest = [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5)
    .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`);
  return `${document.documentElement.scrollWidth} px on ${width}: ${widest.slice(-5).join(', ')}`;
}"""
IN_VIEW = (
    "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
    " return r.bottom > 0 && r.top < window.innerHeight; }"
)
CURRENT_TAB = "() => document.querySelector('#review-tabs [aria-current=page]').dataset.tab"
BOX = "(sel) => { const r = document.querySelector(sel).getBoundingClientRect();" \
    " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"  # fmt: skip


@pytest.fixture
def drafted(instructor) -> Course:
    course, _ = course_import_abstract(
        text=SEED.read_text(encoding="utf-8"), instructors=[instructor]
    )
    first = course.questions.in_order().first()
    first.status = Question.Status.ACCEPTED  # so the status filter leaves something out
    first.save()
    return course


def count_of(page, tab: str) -> int:
    return int(page.locator(f'#review-tabs [data-tab="{tab}"] .tab-count').inner_text())


@pytest.mark.parametrize("width", [1280, 390], ids=["1280px", "390px"])
@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_instructor_finds_each_part_of_the_draft_in_its_tab(
    browser, live_server, instructor, drafted, axe, javascript, width
):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def check(where: str) -> None:
        assert page.evaluate(UNIQUE_IDS) == [], f"ids twice {where}"
        if width < 500:
            assert page.evaluate(OVERFLOW) is None, f"horizontal overflow {where}"
        if javascript:
            axe(page)

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(instructor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    review = live_server.url + reverse("catalog:review", kwargs={"slug": drafted.slug})
    page.goto(review)

    # The abstract beside the draft on a wide screen, above it on a phone; the first tab.
    source, draft = page.evaluate(BOX, ".review-source"), page.evaluate(BOX, ".review-draft")
    if width > 1000:
        assert source["right"] <= draft["left"] and abs(source["top"] - draft["top"]) < 5
        tops = page.locator("#review-tabs a").evaluate_all(
            "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == 1, "the tabs fit on one line beside the abstract"
    else:
        assert source["bottom"] <= draft["top"]
    assert page.evaluate(CURRENT_TAB) == "lessons"
    assert page.locator("#lesson-list").is_visible()
    assert page.locator("#question-list").count() == 0
    assert count_of(page, "questions") == drafted.questions.count()
    check("on the Lessons tab")
    if javascript:
        page.evaluate("window.lecternMarker = 'same page'")

    # The Questions tab: with htmx only the panel comes, and the URL follows.
    tabs = page.get_by_role("navigation", name="The draft")
    tabs.get_by_role("link", name=re.compile(r"^Questions")).click()
    page.locator("#question-list").wait_for()
    page.wait_for_url(re.compile(r"\?tab=questions$"))
    assert page.evaluate(CURRENT_TAB) == "questions"
    assert page.locator("#lesson-list").count() == 0
    for question in drafted.questions.all():
        assert page.locator(f"#question-{question.pk}").count() == 1
    if javascript:
        assert page.evaluate("window.lecternMarker") == "same page"
        # The keyboard stays on the tab just chosen.
        page.wait_for_function("() => document.activeElement.dataset.tab === 'questions'")
    check("on the Questions tab")

    # Filter: the drafts of one type.
    kind = drafted.questions.filter(status="draft").values_list("type", flat=True).first()
    wanted = set(drafted.questions.filter(type=kind, status="draft").values_list("pk", flat=True))
    page.get_by_label("Type").select_option(kind)
    page.get_by_label("Status").select_option("draft")
    page.get_by_role("button", name="Show").click()
    page.get_by_text(f"{len(wanted)} of {drafted.questions.count()} questions match.").wait_for()
    assert f"type={kind}" in page.url and "status=draft" in page.url
    shown = page.locator("#question-list > article").evaluate_all("els => els.map(e => e.id)")
    assert {int(i.split("-")[1]) for i in shown} == wanted
    if javascript:
        assert page.evaluate("window.lecternMarker") == "same page"
        page.wait_for_function("() => document.activeElement.id === 'question-results'")
    check("on the filtered Questions tab")

    # Delete a question from the filtered list: the tab counts follow, nothing is lost.
    victim = min(wanted)
    removed_before = count_of(page, "removed")
    page.locator(f"#question-{victim}").get_by_role("link", name="Delete…").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_text(f"Deleted Q{victim}").first.wait_for()
    assert not Question.objects.filter(pk=victim).exists()
    if javascript:  # the counts came out of band, the card became a note with Undo
        page.wait_for_function(
            "(n) => document.querySelector('#review-tabs [data-tab=removed] .tab-count')"
            ".textContent.trim() === String(n)",
            arg=removed_before + 1,
        )
        assert page.evaluate(CURRENT_TAB) == "questions"
        assert page.evaluate("window.lecternMarker") == "same page"
    else:  # the page opens at the kept item, on its tab
        assert page.evaluate(CURRENT_TAB) == "removed"
        assert count_of(page, "removed") == removed_before + 1
    assert count_of(page, "questions") == drafted.questions.count()
    check("after a delete")

    # The coverage map opens a prompt in its tab, at its card.
    prompt = drafted.prompts.filter(sentences__isnull=False).order_by("-position").first()
    page.locator("#coverage").get_by_role("link", name=f"D{prompt.pk}", exact=True).first.click()
    page.wait_for_url(re.compile(rf"\?tab=prompts#prompt-{prompt.pk}$"))
    page.locator(f"#prompt-{prompt.pk}").wait_for()
    assert page.evaluate(CURRENT_TAB) == "prompts"
    assert page.evaluate(IN_VIEW, f"prompt-{prompt.pk}")
    check("at a prompt opened from the coverage map")

    # The Removed text tab: what the cleaner cut, and what was deleted.
    page.get_by_role("navigation", name="The draft").get_by_role(
        "link", name=re.compile(r"^Removed text")
    ).click()
    page.locator("#removed-items").wait_for()
    assert page.locator("#removed-text li").count() == len(drafted.cleaning_report)
    assert page.locator("#removed-items").get_by_text(f"Q{victim}").count() == 1
    check("on the Removed text tab")
    if javascript:  # Back: the tab before, as it was
        page.go_back()
        page.locator("#prompt-list").wait_for()
        assert page.evaluate(CURRENT_TAB) == "prompts"
        assert page.evaluate(UNIQUE_IDS) == []
    assert errors == [], f"console errors (CSP violations and htmx's show here): {errors}"
    context.close()
