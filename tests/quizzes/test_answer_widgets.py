"""The inputs of matching and ordering questions, laid out for phones (issue 14): matching as
one select per left item in a row that stacks; ordering as a list whose items each have a
place select and Move up / Move down buttons (shown by static/js/ordering.js, hidden
without it). The selects post what they always posted, so grading reads them the same way.
The layout itself is measured in Chromium: tests/e2e/test_phone_layout.py."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from course.quizzes.models import Attempt, AttemptItem

pytestmark = pytest.mark.django_db


def start(client, quiz) -> Attempt:
    client.post(reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk}))
    return Attempt.objects.latest("pk")


def shown(entry: AttemptItem) -> list[str]:
    return [entry.version.options[i] for i in entry.option_order]


def section(text: str, position: int) -> str:
    match = re.search(rf'<section class="question-card" id="q{position}".*?</section>', text, re.S)
    assert match, f"no question {position}"
    return match.group(0)


def test_it_lists_ordering_items_with_a_place_and_hidden_move_buttons(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = attempt.items.select_related("version").get(version__type="ordering")
    html = section(client.get(reverse("quizzes:attempt", args=[attempt.pk])).text, entry.position)
    assert '<ol class="order-list" data-order-list>' in html
    rows = re.findall(r'<li class="row-choice order-row" data-order-row>.*?</li>', html, re.S)
    assert len(rows) == len(shown(entry)) == 3
    for index, (text, row_html) in enumerate(zip(shown(entry), rows, strict=True)):
        assert f'<label for="rank-{entry.position}-{index}">{text}</label>' in row_html
        assert f'name="rank-{index}" data-order-rank>' in row_html
        # Hidden until the script shows them: without JavaScript the select is the way.
        assert '<span class="order-moves" data-order-moves hidden>' in row_html
        assert f'aria-label="Move up: {text}"' in row_html
        assert f'aria-label="Move down: {text}"' in row_html
        assert 'type="button"' in row_html  # never submits the form by itself
    assert 'aria-live="polite" data-order-announce' in html


def test_it_stacks_a_matching_select_under_its_item(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = attempt.items.select_related("version").get(version__type="matching")
    html = section(client.get(reverse("quizzes:attempt", args=[attempt.pk])).text, entry.position)
    assert html.count('<div class="row-choice match-row">') == 2
    assert f'<select id="match-{entry.position}-0" name="match-0">' in html


def test_it_grades_the_places_the_ordering_selects_post(as_user, student, quiz):
    """What the Move buttons leave in the selects (every place, in the order shown) is
    what a student without JavaScript posts: read by the same parser."""
    client = as_user(student)
    attempt = start(client, quiz)
    entry = attempt.items.select_related("version").get(version__type="ordering")
    key = entry.version.answer
    places = {f"rank-{i}": str(key.index(text) + 1) for i, text in enumerate(shown(entry))}
    url = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": entry.position})
    response = client.post(url, {**places, "action": "check"})
    assert response.status_code in (200, 302)
    entry.refresh_from_db()
    assert entry.response == key
    assert entry.status == "correct"


def test_it_grades_the_matching_selects(as_user, student, quiz):
    client = as_user(student)
    attempt = start(client, quiz)
    entry = attempt.items.select_related("version").get(version__type="matching")
    options = shown(entry)
    chosen = {
        f"match-{i}": str(options.index(right)) for i, (_, right) in enumerate(entry.version.answer)
    }
    url = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": entry.position})
    client.post(url, {**chosen, "action": "check"})
    entry.refresh_from_db()
    assert entry.response == dict(entry.version.answer)
    assert entry.status == "correct"
