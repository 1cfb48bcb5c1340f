"""Authored Markdown to safe HTML, with glossary terms marked in the text.

Markdown is rendered with raw HTML disabled, then cleaned by nh3 (an allow-list sanitizer),
so neither an instructor's edit nor a pasted abstract can put script or markup in a page.
Concept marking runs after sanitizing and only touches text between tags. A lesson's body
is rendered once and cached (`lesson_body_html`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import nh3
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

if TYPE_CHECKING:
    from course.catalog.models import Lesson

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "a", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str) -> SafeString:
    html = _markdown.render(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - nh3 output is sanitized HTML


@dataclass(frozen=True)
class GlossaryTerm:
    anchor: str  # id of the glossary entry the marked term links to
    definition: str
    forms: tuple[str, ...]


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
# Character references in sanitized text ("&amp;", "&#39;"): a term like "amp" must not
# match inside one.
_ENTITY = re.compile(r"(&#?[A-Za-z0-9]+;)")
# Text inside these elements is left alone: a link in a link is invalid, code is literal.
_SKIP_INSIDE = {"a", "code", "pre"}


def mark_terms(html: str, terms: Iterable[GlossaryTerm]) -> SafeString:
    """Wrap the first mention of each term in a link to its glossary entry.

    Terms match in any case ("Shock work", "shock work"), except acronyms (`is_acronym`),
    which match only as written: the concept "IT" is not the pronoun "it".

    The link carries the definition in `data-definition` (shown by CSS on hover and focus)
    and `aria-describedby` pointing at the glossary's definition, so screen readers read
    it too; without CSS or JavaScript the link still jumps to the glossary.
    """
    by_form: dict[str, GlossaryTerm] = {}
    exact: set[str] = set()  # forms matched only as written: acronyms
    for term in terms:
        for form in term.forms:
            if not form.strip():
                continue
            acronym = is_acronym(form)
            key = form if acronym else form.casefold()
            if key not in by_form:
                by_form[key] = term
                if acronym:
                    exact.add(key)
    if not by_form:
        return mark_safe(html)  # noqa: S308 - input is already-sanitized HTML
    alternatives = [
        f"(?-i:{re.escape(form)})" if form in exact else re.escape(form)
        for form in sorted(by_form, key=len, reverse=True)
    ]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
    marked: set[str] = set()
    skip_depth = 0
    out: list[str] = []
    for chunk in _TAG_OR_TEXT.split(html):
        if chunk.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", chunk)
            if name and name.group(1).lower() in _SKIP_INSIDE:
                skip_depth += -1 if chunk.startswith("</") else 1
            out.append(chunk)
        elif skip_depth > 0 or not chunk:
            out.append(chunk)
        else:
            out.extend(
                part
                if _ENTITY.fullmatch(part)
                else pattern.sub(lambda m: _link(m, by_form, marked), part)
                for part in _ENTITY.split(chunk)
            )
    return mark_safe("".join(out))  # noqa: S308 - only our own escaped markup is added


def is_acronym(form: str) -> bool:
    """One word whose letters are at least half capitals, more than one of them unless it
    is a single letter: IT, DNA, mRNA, PhD, COVID-19, U.S., C. Matched only as written,
    since in another case it is another word ("it", "us"). "Five-Year", "Gosplan" and
    "Soviet Union" are names, matched in any case like every other term."""
    if any(ch.isspace() for ch in form):
        return False
    letters = [ch for ch in form if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return capitals * 2 >= len(letters) > 0 and (capitals > 1 or len(letters) == 1)


def _link(match: re.Match[str], by_form: dict[str, GlossaryTerm], marked: set[str]) -> str:
    text = match.group(1)
    term = by_form.get(text) or by_form[text.casefold()]
    if term.anchor in marked:
        return match.group(0)
    marked.add(term.anchor)
    return (
        f'<a class="term" href="#{term.anchor}" aria-describedby="{term.anchor}-definition" '
        f'data-definition="{escape(term.definition)}">{match.group(1)}</a>'
    )


def lesson_body_html(lesson: Lesson, terms: list[GlossaryTerm]) -> SafeString:
    """The lesson body as sanitized HTML with its terms marked, cached: Markdown, the
    sanitizer and the term matching are the costliest part of the page. The key holds
    everything the HTML depends on, so an edit to the lesson or the glossary misses it."""
    digest = hashlib.sha256(
        repr((lesson.pk, lesson.updated_at.isoformat(), lesson.body, terms)).encode()
    ).hexdigest()
    key = f"lesson-body:{lesson.pk}:{digest}"
    cached: str | None = cache.get(key)
    if cached is None:
        cached = str(mark_terms(render_markdown(lesson.body), terms))
        cache.set(key, cached, timeout=24 * 3600)
    return mark_safe(cached)  # noqa: S308 - our own sanitized output, from our own cache
