"""The upload limit, for forms whose script refuses a file over it before sending it."""

from __future__ import annotations

from django import template

from course.quizzes.bank import upload_limit as bank_upload_limit

register = template.Library()


@register.simple_tag
def upload_limit() -> int:
    """The largest question file, in bytes (the same limit the server checks)."""
    return bank_upload_limit()
