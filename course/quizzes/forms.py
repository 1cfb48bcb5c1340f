from __future__ import annotations

import datetime
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db.models import Count, Q
from django.forms import formset_factory
from django.http import QueryDict
from django.utils import timezone

from course.catalog.models import Concept, Course, Lesson
from course.quizzes.bank import check_size
from course.quizzes.models import Question, Quiz, QuizQuestion
from course.quizzes.shuffle import content_order
from course.quizzes.slots import MAX_DRAW
from course.text import PlainTextField

# Django's form classes take no type arguments at run time; django-stubs' do.
if TYPE_CHECKING:
    _QuizModelForm = forms.ModelForm[Quiz]
    _QuestionsField = forms.ModelMultipleChoiceField[Question]
    _ConceptField = forms.ModelChoiceField[Concept]
    _BaseFormSet = forms.BaseFormSet["RowForm"]
else:
    _QuizModelForm = forms.ModelForm
    _QuestionsField = forms.ModelMultipleChoiceField
    _ConceptField = forms.ModelChoiceField
    _BaseFormSet = forms.BaseFormSet


# What <input type="datetime-local"> shows and sends (Django also parses it back as ISO 8601).
LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class BankQuestionsField(_QuestionsField):
    """Questions of a course's bank, each labelled with its type and status."""

    def label_from_instance(self, obj: Question) -> str:
        return f"{obj.get_type_display()} · {obj.get_status_display()} · {obj.prompt[:100]}"


class QuizForm(_QuizModelForm):
    questions = BankQuestionsField(
        queryset=Question.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Questions from this course's bank, in bank order.",
    )

    class Meta:
        model = Quiz
        fields = [
            "title", "description", "lesson", "status", "attempts_allowed", "grading_method",
            "feedback_mode", "reveal", "shuffle_questions", "shuffle_options", "pass_mark",
            "time_limit_minutes", "closes_at",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT),
        }

    def __init__(self, *args: Any, course: Course, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.course = course
        questions = cast("BankQuestionsField", self.fields["questions"])
        questions.queryset = course.questions.in_order()
        lesson = cast("forms.ModelChoiceField[Lesson]", self.fields["lesson"])
        lesson.queryset = course.lessons.in_order()
        self.fields["pass_mark"].widget.attrs.update({"min": 0, "max": 100})
        if self.instance.pk:
            self.fields["questions"].initial = list(
                self.instance.slots.fixed().values_list("question_id", flat=True)
            )


class QuizOverrideForm(forms.Form):
    """A student's override of one quiz's rules, on the instructor's page for that student:
    one form per quiz, each with its own prefix, so the page's fields stay distinct."""

    MAX_EXTRA = 20

    extra_attempts = forms.IntegerField(
        min_value=0,
        max_value=MAX_EXTRA,
        initial=0,
        required=False,
        label="Extra attempts",
        help_text="On top of the quiz's own attempts.",
    )
    closes_at = forms.DateTimeField(
        required=False,
        label="Closes for them at (UTC)",
        help_text="Empty: when the quiz closes for everyone.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT),
    )

    def __init__(self, *args: Any, quiz: Quiz, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"quiz-{quiz.pk}")
        super().__init__(*args, **kwargs)
        self.quiz = quiz
        extra = self.fields["extra_attempts"]
        extra.widget.attrs.update({"inputmode": "numeric"})
        if not quiz.attempts_allowed:
            # Nothing to add to: the field stays, disabled, saying why.
            extra.disabled = True
            extra.help_text = "The quiz allows unlimited attempts."

    def clean_closes_at(self) -> datetime.datetime | None:
        closes_at: datetime.datetime | None = self.cleaned_data.get("closes_at")
        if closes_at is not None and closes_at <= timezone.now():
            raise forms.ValidationError(
                "Give a time still to come: a past one would close the quiz for them at once."
            )
        return closes_at

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        cleaned["extra_attempts"] = cleaned.get("extra_attempts") or 0
        if not self.errors and not cleaned["extra_attempts"] and not cleaned.get("closes_at"):
            raise forms.ValidationError(
                "Give extra attempts, a later close date, or both (or remove the override)."
            )
        return cleaned


class ImportUploadForm(forms.Form):
    file = forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": ".txt,.gift"}))
    format = forms.ChoiceField(choices=[("gift", "GIFT"), ("aiken", "Aiken")])


class ImportConfirmForm(forms.Form):
    """The previewed file comes back as text so the import reads exactly what was shown.

    The page posts it as multipart/form-data (urlencoded, non-ASCII text would triple).
    Browsers turn its line breaks into CRLF; they become line feeds again before the size
    is checked against the same limit as the upload (a forged post cannot pass more)."""

    text = forms.CharField(widget=forms.HiddenInput, strip=False)
    format = forms.ChoiceField(
        choices=[("gift", "GIFT"), ("aiken", "Aiken")], widget=forms.HiddenInput
    )
    accept_valid = forms.BooleanField(required=False)

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].replace("\r\n", "\n")
        try:
            check_size(len(text.encode()))
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return text


class GradeForm(forms.Form):
    percent = forms.IntegerField(min_value=0, max_value=100, label="Score (%)")
    comment = PlainTextField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


ANSWER_HELP: dict[str, str] = {
    Question.Type.CLOZE: "Accepted answers, one per line. The prompt marks the blank with _____.",
    Question.Type.SHORT_ANSWER: "Accepted answers, one per line (case, spacing, punctuation "
    "and accents are ignored when checking).",
    Question.Type.SINGLE_CHOICE: "The correct option, exactly as in the options.",
    Question.Type.MULTIPLE_RESPONSE: "The correct options, one per line, exactly as written.",
    Question.Type.TRUE_FALSE: "true or false.",
    Question.Type.ORDERING: "The items in the right order, one per line (students see them "
    "shuffled).",
    Question.Type.MATCHING: "Pairs, one per line: left = right.",
    Question.Type.ESSAY: "Leave empty: essays have no answer key and are graded by hand.",
    Question.Type.NUMERICAL: "Accepted numbers, one per line: 1822, 1822 ± 5, or 1820..1825.",
}


class QuestionForm(forms.Form):
    """Edit a question of any type. Options and answers are written one per line."""

    # Control characters are stripped from everything typed (course.text).
    prompt = PlainTextField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    options = PlainTextField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One option per line (single choice and multiple response).",
    )
    answer = PlainTextField(
        max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    explanation = PlainTextField(
        max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, question_type: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question_type = question_type
        self.fields["answer"].help_text = ANSWER_HELP[question_type]

    def missing_answer(self) -> str:
        return "Give the answer."

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, str]:
        answer = question.answer
        if question.type == Question.Type.TRUE_FALSE:
            text = "true" if answer else "false"
        elif question.type == Question.Type.ESSAY:
            text = ""
        elif question.type == Question.Type.NUMERICAL:
            text = "\n".join(_numeric_text(item) for item in answer or [])
        elif question.type == Question.Type.MATCHING:
            text = "\n".join(f"{left} = {right}" for left, right in answer or [])
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
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        kind = self.question_type
        options, answers = _lines(data["options"]), _lines(data["answer"])
        if kind == Question.Type.ESSAY:
            data["options"], data["answer"] = [], None
            return data
        if not answers:
            raise forms.ValidationError({"answer": self.missing_answer()})
        if kind == Question.Type.NUMERICAL:
            data["options"], data["answer"] = [], [_numeric_answer(line) for line in answers]
            return data
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
            data["options"], data["answer"] = content_order(answers), answers
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
            data["options"], data["answer"] = content_order(rights), pairs
        return data


def _numeric_answer(line: str) -> dict[str, float]:
    text = line.replace("+/-", "±").replace(",", ".")
    try:
        if ".." in text:
            low, high = (_finite(part) for part in text.split("..", 1))
            return {"min": min(low, high), "max": max(low, high), "weight": 1.0}
        value, _, tolerance = text.partition("±")
        return {"value": _finite(value), "tolerance": abs(_finite(tolerance or "0")),
                "weight": 1.0}  # fmt: skip
    except ValueError as error:
        raise forms.ValidationError({"answer": f"Not a finite number or range: {line}"}) from error


def _finite(text: str) -> float:
    """float() reads "inf", "nan" and "1e309" (infinity); none is an answer, and JSON (so
    the database) cannot hold them. The GIFT importer refuses them too."""
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def _numeric_text(item: dict[str, float]) -> str:
    if "min" in item:
        return f"{item['min']}..{item['max']}"
    tolerance = item.get("tolerance") or 0
    return f"{item['value']} ± {tolerance}" if tolerance else f"{item['value']}"


_DERIVED_OPTIONS = {Question.Type.ORDERING, Question.Type.MATCHING, Question.Type.TRUE_FALSE}


class BankQuestionForm(QuestionForm):
    """A question in the bank's editor (`question_new`, `question_edit`): the lines of its
    options and answers come from rows (`question_data`), a choice question's answer from
    the options ticked correct."""

    def missing_answer(self) -> str:
        if self.question_type in TICKED:
            return (
                "Tick the correct option."
                if self.question_type == Question.Type.SINGLE_CHOICE
                else "Tick the correct options."
            )
        if self.question_type == Question.Type.TRUE_FALSE:
            return "Choose true or false."
        return super().missing_answer()


class NewQuestionForm(BankQuestionForm):
    """A question written from scratch: its type first, then the same fields."""

    concepts: forms.ModelMultipleChoiceField[Concept] = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.CharField(
        required=False, max_length=500, help_text="Comma-separated, for search and filters."
    )

    def __init__(self, *args: Any, course: Course, question_type: str, **kwargs: Any) -> None:
        super().__init__(*args, question_type=question_type, **kwargs)
        concepts = cast("forms.ModelMultipleChoiceField[Concept]", self.fields["concepts"])
        concepts.queryset = course.concepts.order_by("rank", "term")

    def clean_tags(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()][:20]


# --- the rows of a new question's line-list fields -----------------------------------------

#: The line-list fields of the new-question form that the author writes as rows, one text
#: input each, adding and removing rows (`question_new`): their legends.
ROW_FIELDS = {"options": "Options", "answer": "Answer"}
MAX_ROWS = 50
ROW_MAX_LENGTH = 1000
_NO_OPTION_ROWS = {
    Question.Type.CLOZE, Question.Type.SHORT_ANSWER, Question.Type.TRUE_FALSE,
    Question.Type.ORDERING, Question.Type.MATCHING, Question.Type.NUMERICAL, Question.Type.ESSAY,
}  # fmt: skip


#: The question types whose correct answers are ticked beside their options (an instructor
#: never retypes an option to say it is right), with the input that ticks them.
TICKED = {Question.Type.SINGLE_CHOICE: "radio", Question.Type.MULTIPLE_RESPONSE: "checkbox"}
#: The types whose answer is not typed as rows: ticked, chosen (true or false), or none.
_NO_ANSWER_ROWS = {*TICKED, Question.Type.TRUE_FALSE, Question.Type.ESSAY}


def row_fields(kind: str) -> list[str]:
    """The fields written as rows for a question type: options where the author writes
    them, and the answer where it is typed (not ticked, chosen, or absent)."""
    fields = [] if kind in _NO_OPTION_ROWS else ["options"]
    return [*fields, "answer"] if kind not in _NO_ANSWER_ROWS else fields


def ticked(data: QueryDict | None, count: int) -> list[int]:
    """The option rows ticked correct (`correct`, their indexes), of the `count` posted; a
    forged index is dropped."""
    if data is None:
        return []
    return sorted({int(v) for v in data.getlist("correct") if v.isdigit() and int(v) < count})


class RowForm(forms.Form):
    """One row: an option, or an accepted answer. Kept as typed (the question form cleans
    the lines they make); the browser stops at ROW_MAX_LENGTH and `posted_rows` cuts a forged
    longer one."""

    text = forms.CharField(
        required=False, strip=False, widget=forms.TextInput(attrs={"maxlength": ROW_MAX_LENGTH})
    )


class BaseRowFormSet(_BaseFormSet):
    """The rows of one line-list field, prefixed with its name (`options-0-text`)."""

    #: For a choice question's options, the input that ticks a row correct, and those ticked.
    tick: str = ""
    ticked: frozenset[int] = frozenset()

    @property
    def legend(self) -> str:
        return ROW_FIELDS.get(self.prefix or "", "")


RowFormSet = cast(
    "type[BaseRowFormSet]",
    # Past MAX_ROWS, a forged post's rows are dropped (absolute_max), not refused.
    formset_factory(
        RowForm, formset=BaseRowFormSet, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS
    ),
)


def posted_rows(data: QueryDict | None, name: str) -> list[str]:
    """The rows of field `name` as posted: at least one, maybe empty (a post without the
    formset's management form gives one empty row)."""
    if data is None:
        return [""]
    rows = RowFormSet(data, prefix=name)
    rows.is_valid()  # cleans each row; an unchanged extra row cleans to {}
    return [form.cleaned_data.get("text", "")[:ROW_MAX_LENGTH] for form in rows] or [""]


def row_formset(name: str, values: list[str]) -> BaseRowFormSet:
    """The rows to show for field `name`: a fresh formset of these values, since adding or
    removing a row changes the rows that were posted."""
    return RowFormSet(initial=[{"text": value} for value in values], prefix=name)


def question_data(data: QueryDict, rows: dict[str, list[str]], *, kind: str = "") -> QueryDict:
    """The post for `BankQuestionForm`: each field written as rows becomes its lines, and a
    choice question's answer the options ticked correct. A post that types the answer as
    rows instead (the editor's earlier form, or a script) is still read."""
    data = data.copy()
    for name, values in rows.items():
        data[name] = "\n".join(values)
    if kind in TICKED and "correct" in data:
        options = rows.get("options", [])
        data["answer"] = "\n".join(options[i] for i in ticked(data, len(options)))
    elif "answer" not in rows and "answer-TOTAL_FORMS" in data and not data.get("answer"):
        data["answer"] = "\n".join(posted_rows(data, "answer"))
    return data


# --- a quiz's slots ------------------------------------------------------------------------


class SlotPointsForm(forms.Form):
    """The points of each of a quiz's slots, one field each (`points-<slot id>`), and how
    many questions each random slot draws (`draw-<slot id>`)."""

    def __init__(self, *args: Any, slots: list[QuizQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.slots = slots
        for number, slot in enumerate(slots, start=1):
            self.fields[f"points-{slot.pk}"] = forms.DecimalField(
                min_value=0,
                max_value=1000,
                max_digits=6,
                decimal_places=2,
                initial=slot.points,
                label=(
                    f"Points for each question slot {number} draws"
                    if slot.is_random
                    else f"Points for question {number}"
                ),
                widget=forms.NumberInput(attrs={"step": "0.01", "class": "points-input"}),
            )
            if slot.is_random:
                self.fields[f"draw-{slot.pk}"] = forms.IntegerField(
                    min_value=1,
                    max_value=MAX_DRAW,
                    initial=slot.draw,
                    label=f"Draw (slot {number})",
                    widget=forms.NumberInput(attrs={"class": "points-input"}),
                )

    def points(self) -> dict[int, Decimal]:
        """Slot id to points, for `slots_set_points` (after is_valid)."""
        return {slot.pk: self.cleaned_data[f"points-{slot.pk}"] for slot in self.slots}

    def draws(self) -> dict[int, int]:
        """Random slot id to how many it draws, for `slots_set_points` (after is_valid)."""
        return {s.pk: self.cleaned_data[f"draw-{s.pk}"] for s in self.slots if s.is_random}

    def rows(self) -> list[tuple[QuizQuestion, forms.BoundField, forms.BoundField | None]]:
        """Each slot with its points field and, for a random slot, its draw field."""
        return [
            (slot, self[f"points-{slot.pk}"], self[f"draw-{slot.pk}"] if slot.is_random else None)
            for slot in self.slots
        ]


class ConceptPoolField(_ConceptField):
    """A course's concepts, each with how many accepted questions it tags."""

    def label_from_instance(self, obj: Concept) -> str:
        accepted = int(getattr(obj, "accepted_questions", 0))
        return f"{obj.term} ({accepted} accepted question{'s' if accepted != 1 else ''})"


class RandomSlotForm(forms.Form):
    """A random slot to add to a quiz: how many questions, from which concept, worth what."""

    draw = forms.IntegerField(min_value=1, max_value=MAX_DRAW, initial=1, label="Questions to draw")
    concept = ConceptPoolField(queryset=Concept.objects.none(), label="From the concept")
    points = forms.DecimalField(
        min_value=0,
        max_value=1000,
        max_digits=6,
        decimal_places=2,
        initial=1,
        label="Points each",
        widget=forms.NumberInput(attrs={"step": "0.01"}),
    )

    def __init__(self, *args: Any, course: Course, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accepted = Count("questions", filter=Q(questions__status=Question.Status.ACCEPTED))
        concept = cast("ConceptPoolField", self.fields["concept"])
        concept.queryset = course.concepts.annotate(accepted_questions=accepted).order_by(
            "rank", "term"
        )
