from __future__ import annotations

from django import forms

from course.discussions.models import BODY_MAX_LENGTH


class PostForm(forms.Form):
    # CharField strips, so a body of only whitespace is "required" and fails.
    body = forms.CharField(
        label="Your post",
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Markdown: *emphasis*, **strong**, lists, links, `code`.",
    )


class FlagForm(forms.Form):
    """Set (value=1) or clear (value=0) a moderation flag. Explicit values rather than a
    toggle, so a double submit leaves the flag as the instructor meant it."""

    value = forms.TypedChoiceField(
        choices=[("1", "on"), ("0", "off")], coerce=lambda v: v == "1", empty_value=None
    )
