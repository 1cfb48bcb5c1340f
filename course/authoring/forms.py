"""Forms of course authoring: validate and normalise; services do the work."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from course.catalog.models import Course
from course.generator import MAX_INPUT_BYTES, InputError, decode_text


class NewCourseForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        required=False,
        help_text="Leave empty to take the title from the text.",
    )
    text = forms.CharField(
        label="Abstract",
        required=False,
        max_length=MAX_INPUT_BYTES,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Paste the abstract as copied from the page: labels and repeated copies "
        "are removed for you.",
    )
    file = forms.FileField(
        label="…or upload a .txt file",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
    )
    # One token per form shown: a double submit finds the course the first one made.
    token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def clean_file(self) -> str | None:
        upload: UploadedFile | None = self.cleaned_data.get("file")
        if upload is None:
            return None
        if upload.size is not None and upload.size > MAX_INPUT_BYTES:
            raise forms.ValidationError(
                f"The file is too large: {upload.size:,} bytes; an abstract may be at most "
                f"{MAX_INPUT_BYTES:,} bytes."
            )
        try:
            return decode_text(upload.read(MAX_INPUT_BYTES + 1))
        except InputError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        text, file_text = data.get("text") or "", data.get("file")
        if self.errors:
            return data
        if text.strip() and file_text:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if not text.strip() and not file_text:
            raise forms.ValidationError("Paste an abstract or upload a .txt file.")
        data["source"] = file_text or text
        return data


class LessonForm(forms.Form):
    title = forms.CharField(max_length=200)
    objective = forms.CharField(max_length=300, required=False)
    body = forms.CharField(
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Markdown. Raw HTML is not allowed.",
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class SplitForm(forms.Form):
    at_sentence = forms.IntegerField(min_value=0)


class RestoreForm(forms.Form):
    """Which removed line to put back: its place in the report and a digest of its text."""

    index = forms.IntegerField(min_value=0, max_value=10_000)
    digest = forms.RegexField(regex=r"^[0-9a-f]{16}$")


class ConceptForm(forms.Form):
    term = forms.CharField(max_length=200, help_text="As it is written in the abstract.")
    definition = forms.CharField(
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional: leave empty to take it from the text.",
    )


class PromptForm(forms.Form):
    text = forms.CharField(max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


# --- the course's settings ---------------------------------------------------------------

#: Slugs the site's own addresses use under /courses/ ("courses/new/").
RESERVED_SLUGS = frozenset({"new"})


class CourseSettingsForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        label="Description",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown in the catalog and at the top of the course page.",
    )
    slug = forms.SlugField(
        label="Address",
        max_length=80,
        help_text="The course's web address: letters, digits and hyphens. The old address "
        "keeps working: it redirects to the new one.",
    )
    completion_rule = forms.ChoiceField(
        label="Complete when", choices=Course.Completion.choices, widget=forms.RadioSelect
    )
    guest_access = forms.BooleanField(
        label="Open to guests",
        required=False,
        help_text="Once published, anyone may read the lessons without enrolling. Progress "
        "is recorded only for enrolled students.",
    )

    @classmethod
    def initial_for(cls, course: Course) -> dict[str, Any]:
        return {
            "title": course.title,
            "summary": course.summary,
            "slug": course.slug,
            "completion_rule": course.completion_rule,
            "guest_access": course.guest_access,
        }

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"].lower()
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(f"“{slug}” is one of the site's own addresses.")
        return slug


class LessonAddForm(forms.Form):
    title = forms.CharField(label="Lesson title", max_length=200)
    body = forms.CharField(
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Markdown. You can write it later on the review page.",
    )


class ConceptPickForm(forms.Form):
    """A concept of the course, named in the form: moving and deleting it."""

    concept = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class ConceptMoveForm(ConceptPickForm):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class PublishForm(forms.Form):
    # Sent only by the "Publish anyway" button, below the checklist.
    anyway = forms.BooleanField(required=False)
