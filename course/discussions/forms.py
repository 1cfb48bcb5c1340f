from __future__ import annotations

from django import forms

from course.discussions.models import BODY_MAX_LENGTH
from course.text import PlainTextField, has_visible_text


class PostForm(forms.Form):
    # Control characters are stripped and the rest stripped of surrounding space, so a
    # body of only whitespace (or NULs) is "required" and fails.
    body = PlainTextField(
        label="Your post",
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Markdown: *emphasis*, **strong**, lists, links, `code`.",
    )

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        # Zero-width characters and blank letters would post nothing visible, and count
        # as taking part.
        if not has_visible_text(body):
            raise forms.ValidationError("Write something first: this post shows nothing.")
        return body


class FlagForm(forms.Form):
    """Set (value=1) or clear (value=0) a moderation flag. Explicit values rather than a
    toggle, so a double submit leaves the flag as the instructor meant it."""

    value = forms.TypedChoiceField(
        choices=[("1", "on"), ("0", "off")], coerce=lambda v: v == "1", empty_value=None
    )
