"""The class mastery heatmap: every cell coloured by its own value, with a legend, and the
numbers there as text (the colour only repeats them)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from course.progress.instructor import SHARE_BANDS, share_band
from course.progress.models import ConceptMastery
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(as_user, instructor, course):
    """The heatmap of a class of four: three at "familiar" on the core concept, one not
    started. -> its HTML."""
    concept = course.concepts.get()
    course.concepts.update(core=True)
    for n in range(4):
        user = factories.UserFactory(username=f"pupil{n}")
        factories.EnrollmentFactory(user=user, course=course)
        if n < 3:
            ConceptMastery.objects.create(
                user=user, course=course, concept=concept, level=ConceptMastery.Level.FAMILIAR
            )
    return as_user(instructor).get(reverse("progress:heatmap", kwargs={"slug": course.slug})).text


def summary_cells(html: str) -> list[tuple[str, str]]:
    """The class summary's cells: (class, number)."""
    table = re.search(r'<table class="concepts class-summary".*?</table>', html, re.S)
    assert table
    return re.findall(r'<td class="([^"]+)">(\d+)</td>', table[0])


def test_the_class_summary_is_coloured_by_value_not_by_column(page):
    # Levels: not started, attempted, familiar, proficient, mastered.
    cells = summary_cells(page)
    assert [number for _, number in cells] == ["1", "0", "3", "0", "0"]
    # Equal counts look the same in any column; the larger share is the darker.
    assert cells[1][0] == cells[3][0] == cells[4][0] == "share-0"
    assert cells[0][0] == "share-2"  # a quarter of the class
    assert cells[2][0] == "share-4"  # three quarters


def test_each_table_has_a_legend_in_words(page):
    legends = re.findall(r'<ul class="legend" aria-label="([^"]+)">(.*?)</ul>', page, re.S)
    assert [name for name, _ in legends] == ["Share of the class", "Levels"]
    shares, levels = (re.findall(r"</span>([^<]+)</li>", items) for _, items in legends)
    assert shares == SHARE_BANDS
    assert levels == [f"{value} = {label}" for value, label in ConceptMastery.Level.choices]


def test_every_students_level_is_there_in_words(page):
    grid = re.search(r'<table class="heatmap".*?</table>', page, re.S)
    assert grid
    cells = re.findall(
        r'<td class="cell-(\d)">(\d)<span class="visually-hidden"> ([^<]+)</span>', grid[0]
    )
    assert sorted(cells) == [("0", "0", "not started")] + [("2", "2", "familiar")] * 3


@pytest.mark.parametrize(
    ("count", "total", "band"),
    [(0, 10, 0), (1, 10, 1), (2, 8, 2), (4, 8, 3), (5, 8, 3), (6, 8, 4), (8, 8, 4), (3, 0, 0)],
)
def test_a_share_falls_in_its_band(count, total, band):
    assert share_band(count, total) == band


def test_it_lets_the_keyboard_scroll_each_table_on_a_narrow_screen(page):
    # On a phone the tables scroll sideways inside their region: focusable, and named by
    # its heading, or a keyboard could not reach the columns past the screen's edge.
    for heading in ("class-heading", "grid-heading"):
        assert (
            f'<div class="table-scroll" tabindex="0" role="region" '
            f'aria-labelledby="{heading}">' in page
        )
