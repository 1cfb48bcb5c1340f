"""Render lesson prose as Markdown that shows the sentences exactly as written."""

from __future__ import annotations

import re

#: Line starts that Markdown would read as structure rather than text: headings,
#: quotes, list bullets, rules, tables, fences, HTML blocks, link definitions.
_SPECIAL_START_RE = re.compile(r"^(?:[#>+*=|~`<\[-]|_{3})")
#: An ordered-list marker: "1." or "1)" followed by a space or the end.
_ORDERED_RE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape_line_start(line: str) -> str:
    """Backslash-escape a leading character that Markdown would interpret.

    Only the start of a line matters for block structure; CommonMark allows
    a backslash before any ASCII punctuation, so the rendered text is exactly
    the original sentence.
    """
    ordered = _ORDERED_RE.match(line)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{line[ordered.end() :]}"
    if _SPECIAL_START_RE.match(line):
        return "\\" + line
    return line


def prose(paragraphs: list[list[str]]) -> str:
    """Paragraphs of sentences as Markdown: one line per paragraph, blank lines between."""
    return "\n\n".join(escape_line_start(" ".join(p)) for p in paragraphs if p)
