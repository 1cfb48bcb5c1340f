"""Text people type, cleaned at the form layer before anything stores or searches it.

PostgreSQL refuses a NUL in text and JSON (a 500 where it reached a query), and other
control characters have no business in an answer, a post or a search. They are stripped;
line breaks and tabs stay. Invisible text (zero-width and other format characters, blank
letters) does not count as writing something.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django import forms

# C0 and C1 controls and DEL, except tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Letters and symbols that render as nothing: Hangul fillers, the halfwidth filler and the
# blank Braille pattern, all used to post "empty" text where a blank is refused.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Categories that draw nothing on their own: separators, controls and format characters
# (zero-width space and joiners, the BOM, bidi marks), unassigned and private use, and
# combining marks without a base.
_INVISIBLE = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me"})


def strip_control(text: str) -> str:
    """The text without NUL and other control characters; tab and line breaks stay."""
    return _CONTROL.sub("", text)


def has_visible_text(text: str) -> bool:
    """Whether the text shows anything: at least one character that draws a glyph."""
    return any(
        ch not in _BLANK_GLYPHS and unicodedata.category(ch) not in _INVISIBLE for ch in text
    )


class PlainTextField(forms.CharField):
    """A CharField that strips control characters before validating, so a NUL is removed
    rather than refused with Django's "Null characters are not allowed" (which would also
    apply to a search box)."""

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return strip_control(text) if isinstance(text, str) else text


def search_text(value: str, *, limit: int) -> str:
    """A search box's text as the query may use it: stripped of control characters and of
    surrounding space, at most `limit` characters."""
    return strip_control(value).strip()[:limit]
