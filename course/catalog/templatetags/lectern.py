from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from course.catalog.rendering import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Authored Markdown as sanitized HTML."""
    return render_markdown(text or "")
