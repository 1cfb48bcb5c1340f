"""Forms of course authoring: validate and normalise; services do the work."""

from __future__ import annotations

import random
import uuid
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from course.generator import MAX_INPUT_BYTES, InputError, decode_text
from course.quizzes.models import Question


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
        data = super().clean()
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


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


ANSWER_HELP = {
    Question.Type.CLOZE: "Accepted answers, one per line. The prompt marks the blank with _____.",
    Question.Type.SHORT_ANSWER: "Accepted answers, one per line (case, spacing, punctuation "
    "and accents are ignored when checking).",
    Question.Type.SINGLE_CHOICE: "The correct option, exactly as in the options.",
    Question.Type.MULTIPLE_RESPONSE: "The correct options, one per line, exactly as written.",
    Question.Type.TRUE_FALSE: "true or false.",
    Question.Type.ORDERING: "The items in the right order, one per line (students see them "
    "shuffled).",
    Question.Type.MATCHING: "Pairs, one per line: left = right.",
}


class QuestionForm(forms.Form):
    """Edit a question of any type. Options and answers are written one per line."""

    prompt = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    options = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One option per line (single choice and multiple response).",
    )
    answer = forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    explanation = forms.CharField(
        max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, question_type: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question_type = question_type
        self.fields["answer"].help_text = ANSWER_HELP[question_type]

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, str]:
        answer = question.answer
        if question.type == Question.Type.TRUE_FALSE:
            text = "true" if answer else "false"
        elif question.type == Question.Type.MATCHING:
            text = "\n".join(f"{left} = {right}" for left, right in answer)
        elif isinstance(answer, list):
            text = "\n".join(str(a) for a in answer)
        else:
            text = str(answer)
        options = "" if question.type in _DERIVED_OPTIONS else "\n".join(question.options)
        return {
            "prompt": question.prompt,
            "options": options,
            "answer": text,
            "explanation": question.explanation,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        kind = self.question_type
        options, answers = _lines(data["options"]), _lines(data["answer"])
        if not answers:
            raise forms.ValidationError({"answer": "Give the answer."})
        if kind in (Question.Type.CLOZE, Question.Type.SHORT_ANSWER):
            if kind == Question.Type.CLOZE and "_____" not in data["prompt"]:
                raise forms.ValidationError(
                    {"prompt": "Mark the blank with _____ (5 underscores)."}
                )
            data["options"], data["answer"] = [], answers
        elif kind in (Question.Type.SINGLE_CHOICE, Question.Type.MULTIPLE_RESPONSE):
            if len(options) < 2 or len(set(options)) != len(options):
                raise forms.ValidationError({"options": "Give at least two different options."})
            missing = [a for a in answers if a not in options]
            if missing:
                raise forms.ValidationError({"answer": f"Not among the options: {missing[0]}"})
            if kind == Question.Type.SINGLE_CHOICE:
                if len(answers) != 1:
                    raise forms.ValidationError({"answer": "Give exactly one correct option."})
                data["answer"] = answers[0]
            else:
                data["answer"] = answers
            data["options"] = options
        elif kind == Question.Type.TRUE_FALSE:
            value = answers[0].lower()
            if value not in {"true", "false"} or len(answers) != 1:
                raise forms.ValidationError({"answer": "Write true or false."})
            data["options"], data["answer"] = ["True", "False"], value == "true"
        elif kind == Question.Type.ORDERING:
            if len(answers) < 2 or len(set(answers)) != len(answers):
                raise forms.ValidationError({"answer": "Give at least two different items."})
            data["options"], data["answer"] = shuffled(answers, seed=data["prompt"]), answers
        elif kind == Question.Type.MATCHING:
            pairs = []
            for line in answers:
                left, sep, right = line.partition("=")
                if not sep or not left.strip() or not right.strip():
                    raise forms.ValidationError({"answer": f"Write “left = right”: {line}"})
                pairs.append([left.strip(), right.strip()])
            rights = [right for _, right in pairs]
            if len(pairs) < 2 or len(set(rights)) != len(rights):
                raise forms.ValidationError(
                    {"answer": "Give at least two pairs with different right sides."}
                )
            data["options"], data["answer"] = shuffled(rights, seed=data["prompt"]), pairs
        return data


_DERIVED_OPTIONS = {Question.Type.ORDERING, Question.Type.MATCHING, Question.Type.TRUE_FALSE}


def shuffled(items: list[str], *, seed: str) -> list[str]:
    """A deterministic shuffle that never leaves the items in their given order."""
    order = list(items)
    rng = random.Random(seed)  # noqa: S311 - presentation order, not security
    for _ in range(10):
        rng.shuffle(order)
        if order != items:
            return order
    return items[1:] + items[:1]
