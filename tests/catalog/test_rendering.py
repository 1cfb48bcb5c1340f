"""Glossary marks in lesson text: which words are the concept."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from course.catalog.rendering import GlossaryTerm, mark_terms, render_markdown
from tests import factories

IT = GlossaryTerm("concept-1", "Information technology.", ("IT",))


def marked(html: str) -> list[str]:
    return re.findall(r'<a class="term"[^>]*>([^<]*)</a>', html)


def test_it_marks_an_acronym_only_where_it_is_written_in_capitals() -> None:
    # "it" and "It" are the pronoun; the concept is the acronym.
    html = mark_terms(render_markdown("It says it is run by IT. Ask IT."), [IT])
    assert marked(html) == ["IT"]
    assert html.startswith("<p>It says it is run by <a class=")


@pytest.mark.parametrize(
    ("form", "text", "found"),
    [
        ("mRNA", "Reading MRNA, then mRNA.", ["mRNA"]),
        ("PhD", "A phd, a PhD.", ["PhD"]),
        ("U.S.", "Not the u.s. but the U.S. economy.", ["U.S."]),
        ("COVID-19", "Before covid-19 came COVID-19.", ["COVID-19"]),
    ],
)
def test_it_matches_any_term_with_inner_capitals_exactly(form: str, text: str, found) -> None:
    terms = [GlossaryTerm("concept-1", "Defined.", (form,))]
    assert marked(mark_terms(render_markdown(text), terms)) == found


def test_it_still_matches_an_ordinary_term_or_name_in_any_case() -> None:
    terms = [GlossaryTerm("concept-1", "Exceeding norms.", ("shock work",)),
             GlossaryTerm("concept-2", "The plan.", ("Gosplan",)),
             GlossaryTerm("concept-3", "1928-1932.", ("Five-Year Plan",))]  # fmt: skip
    text = "Shock Work grew. GOSPLAN planned it: the first five-year plan."
    assert marked(mark_terms(render_markdown(text), terms)) == [
        "Shock Work",
        "GOSPLAN",
        "five-year plan",
    ]


@pytest.mark.django_db
def test_the_lesson_page_marks_the_acronym_not_the_pronoun(as_user, student, course, lessons):
    lesson = lessons[0]
    lesson.body = "It was hard, and it showed: the IT office closed."
    lesson.save()
    factories.ConceptFactory(course=course, term="IT", definition="Information technology.")
    page = as_user(student).get(
        reverse("catalog:lesson", kwargs={"slug": course.slug, "lesson_id": lesson.pk})
    )
    assert marked(page.text) == ["IT"]
