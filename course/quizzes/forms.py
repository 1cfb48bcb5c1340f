from __future__ import annotations

from typing import Any

from django import forms

from course.catalog.models import Course
from course.quizzes.models import Question, Quiz


class QuizForm(forms.ModelForm):
    questions = forms.ModelMultipleChoiceField(
        queryset=Question.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Questions from this course's bank, in bank order.",
    )

    class Meta:
        model = Quiz
        fields = [
            "title", "description", "lesson", "status", "attempts_allowed", "grading_method",
            "feedback_mode", "reveal", "shuffle_questions", "shuffle_options", "pass_mark",
            "time_limit_minutes",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, course: Course, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.course = course
        self.fields["questions"].queryset = course.questions.in_order()
        self.fields["questions"].label_from_instance = lambda q: (
            f"{q.get_type_display()} · {q.get_status_display()} · {q.prompt[:100]}"
        )
        self.fields["lesson"].queryset = course.lessons.in_order()
        self.fields["pass_mark"].widget.attrs.update({"min": 0, "max": 100})
        if self.instance.pk:
            self.fields["questions"].initial = list(
                self.instance.slots.values_list("question_id", flat=True)
            )


class ImportUploadForm(forms.Form):
    file = forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": ".txt,.gift"}))
    format = forms.ChoiceField(choices=[("gift", "GIFT"), ("aiken", "Aiken")])


class ImportConfirmForm(forms.Form):
    """The previewed file comes back as text so the import reads exactly what was shown."""

    text = forms.CharField(widget=forms.HiddenInput, strip=False, max_length=5 * 1024 * 1024)
    format = forms.ChoiceField(
        choices=[("gift", "GIFT"), ("aiken", "Aiken")], widget=forms.HiddenInput
    )
    accept_valid = forms.BooleanField(required=False)


class GradeForm(forms.Form):
    percent = forms.IntegerField(min_value=0, max_value=100, label="Score (%)")
    comment = forms.CharField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
