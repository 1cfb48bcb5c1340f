"""The question bank of a course, quizzes built from it, and students' attempts.

A question stores what it asks, the options shown, the correct answer and an explanation,
and where it came from: the concepts it tests and the source sentences it was made from.
Generated questions arrive as drafts for an instructor to accept, edit or delete.

An attempt never points at a question's live content: it points at a QuestionVersion, a
frozen copy, and keeps the order in which the options were shown. Editing a question that
an attempt has used makes a new version, so a student's record never changes under them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from course.pagecache import InvalidatingQuerySet

if TYPE_CHECKING:
    from course.catalog.models import Lesson
    from course.generator.flaws import Flaw

QUESTION_TYPES = [
    "cloze", "single_choice", "multiple_response", "true_false", "ordering", "matching",
    "short_answer", "essay", "numerical",
]  # fmt: skip


class QuestionQuerySet(InvalidatingQuerySet["Question"]):
    def in_order(self) -> QuestionQuerySet:
        return self.order_by("position", "pk")

    def with_sources(self) -> QuestionQuerySet:
        return self.prefetch_related("concepts", "sentences")

    def replaceable(self) -> QuestionQuerySet:
        """Questions regenerating may overwrite: the generator's, in no quiz, never
        answered. Any other is duplicated and regenerated as a new draft instead."""
        return self.filter(origin=Question.Origin.GENERATED).exclude(
            Q(slots__isnull=False) | Q(versions__items__isnull=False)
        )


class Question(models.Model):
    class Type(models.TextChoices):
        CLOZE = "cloze", "Fill in the blank"
        SINGLE_CHOICE = "single_choice", "Single choice"
        MULTIPLE_RESPONSE = "multiple_response", "Multiple response"
        TRUE_FALSE = "true_false", "True or false"
        ORDERING = "ordering", "Ordering"
        MATCHING = "matching", "Matching"
        SHORT_ANSWER = "short_answer", "Short answer"
        ESSAY = "essay", "Essay (graded by hand)"
        NUMERICAL = "numerical", "Numerical"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACCEPTED = "accepted", "Accepted"

    class Origin(models.TextChoices):
        GENERATED = "generated", "Generated"
        AUTHORED = "authored", "Written by an instructor"
        IMPORTED = "imported", "Imported"

    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="questions")
    lesson = models.ForeignKey(
        "catalog.Lesson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    type = models.CharField(max_length=20, choices=Type.choices)
    prompt = models.TextField()
    options = models.JSONField(default=list, blank=True)
    # The correct answer, in the generator's JSON form (see README: question types).
    # Never rendered to a student before the quiz's reveal policy allows it. Null for essays.
    answer = models.JSONField(null=True, blank=True)
    explanation = models.TextField(blank=True)
    # Partial credit per option or accepted answer (fraction -1..1), GIFT's %50%.
    weights = models.JSONField(default=dict, blank=True)
    option_feedback = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=200, blank=True)
    category = models.CharField(max_length=200, blank=True)
    tags = models.JSONField(default=list, blank=True)
    # Bumped when content changes after an attempt used the current version.
    version = models.PositiveIntegerField(default=1)
    concepts = models.ManyToManyField("catalog.Concept", blank=True, related_name="questions")
    sentences = models.ManyToManyField(
        "catalog.SourceSentence", blank=True, related_name="questions"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.GENERATED)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    if TYPE_CHECKING:
        # The flaw checker's findings, set by the bank and review pages for their templates.
        flaws: list[Flaw]

    class Meta:
        ordering = ["course", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=QUESTION_TYPES), name="question_type_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.prompt[:60]}"

    def answer_lines(self) -> list[str]:
        """The stored answer as lines of text, for instructors' eyes only."""
        return answer_lines(self.type, self.answer)


def answer_lines(kind: str, answer: object) -> list[str]:
    """A stored answer as lines of text, for people allowed to see it."""
    if kind == Question.Type.TRUE_FALSE:
        return ["True" if answer else "False"]
    if kind == Question.Type.MATCHING:
        pairs = cast("list[list[str]]", answer)  # JSON: [[left, right], ...]
        return [f"{left} → {right}" for left, right in pairs]
    if kind == Question.Type.ESSAY:
        return ["Graded by hand."]
    if kind == Question.Type.NUMERICAL:
        items = cast("list[dict[str, float]] | None", answer)  # JSON: [{"value": ...}, ...]
        return [_numeric_line(a) for a in items or []]
    if isinstance(answer, list):
        return [str(a) for a in answer]
    return [str(answer)]


def _numeric_line(item: dict[str, float]) -> str:
    if "min" in item:
        return f"between {item['min']} and {item['max']}"
    tolerance = item.get("tolerance") or 0
    return f"{item['value']} ± {tolerance}" if tolerance else str(item["value"])


CONTENT_FIELDS = (
    "type",
    "prompt",
    "options",
    "answer",
    "weights",
    "option_feedback",
    "explanation",
)


class QuestionVersion(models.Model):
    """A question's content as it was at one version: what attempts show and grade."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    type = models.CharField(max_length=20, choices=Question.Type.choices)
    prompt = models.TextField()
    options = models.JSONField(default=list, blank=True)
    answer = models.JSONField(null=True)
    weights = models.JSONField(default=dict, blank=True)
    option_feedback = models.JSONField(default=dict, blank=True)
    explanation = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="question_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} v{self.number}"


class QuizQuerySet(InvalidatingQuerySet["Quiz"]):
    def published(self) -> QuizQuerySet:
        return self.filter(status=Quiz.Status.PUBLISHED)

    def covering(self, lesson: Lesson) -> QuizQuerySet:
        """Quizzes that practise what the lesson teaches: set for the lesson, or with a
        question on a concept the lesson's sentences mention or drawn from the lesson, or
        a random slot drawing from such a concept."""
        return self.filter(
            Q(lesson=lesson)
            | Q(slots__question__concepts__sentences__lesson=lesson)
            | Q(slots__question__lesson=lesson)
            | Q(slots__concept__sentences__lesson=lesson)
        ).distinct()


class Quiz(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Grading(models.TextChoices):
        HIGHEST = "highest", "Highest attempt"
        LAST = "last", "Last attempt"
        AVERAGE = "average", "Average of attempts"

    class Feedback(models.TextChoices):
        IMMEDIATE = "immediate", "Immediate: check each answer"
        DEFERRED = "deferred", "Deferred: feedback after submitting"

    class Reveal(models.TextChoices):
        AFTER_EACH = "after_each", "After each answer is checked"
        AFTER_SUBMIT = "after_submit", "After the attempt is submitted"
        AFTER_LAST = "after_last_attempt", "After the last allowed attempt"
        NEVER = "never", "Never"

    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="quizzes")
    lesson = models.ForeignKey(
        "catalog.Lesson", on_delete=models.SET_NULL, null=True, blank=True, related_name="quizzes"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    attempts_allowed = models.PositiveSmallIntegerField(
        default=0, help_text="0 means unlimited attempts."
    )
    grading_method = models.CharField(
        max_length=10, choices=Grading.choices, default=Grading.HIGHEST
    )
    feedback_mode = models.CharField(
        max_length=10, choices=Feedback.choices, default=Feedback.IMMEDIATE
    )
    reveal = models.CharField(max_length=20, choices=Reveal.choices, default=Reveal.AFTER_EACH)
    shuffle_questions = models.BooleanField(default=False)
    shuffle_options = models.BooleanField(default=True)
    pass_mark = models.PositiveSmallIntegerField(default=50, help_text="Percent.")
    time_limit_minutes = models.PositiveIntegerField(null=True, blank=True)
    # Moodle's "close the quiz": no attempt starts after it, and one open then ends then. A
    # student's QuizOverride may move it later for them.
    closes_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name="closes at",
        help_text="UTC. No attempt starts after this; an attempt still open then ends then. "
        "Leave empty to keep the quiz open.",
    )
    questions: models.ManyToManyField[Question, QuizQuestion] = models.ManyToManyField(
        Question, through="QuizQuestion", related_name="quizzes"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["course", "title", "pk"]
        verbose_name_plural = "quizzes"
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="quiz_pass_mark_percent"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class QuizQuestionQuerySet(InvalidatingQuerySet["QuizQuestion"]):
    def fixed(self) -> QuizQuestionQuerySet:
        return self.filter(question__isnull=False)

    def random(self) -> QuizQuestionQuerySet:
        return self.filter(question__isnull=True)

    def questions_per_attempt(self) -> int:
        """How many questions an attempt is given when every random slot draws in full."""
        total = self.aggregate(n=Sum(Coalesce("draw", 1)))["n"]
        return int(total or 0)


class QuizQuestion(models.Model):
    """One slot of a quiz, in its order and with its points: a fixed question, or (Moodle's
    random question) `draw` questions drawn for each attempt from the accepted questions
    tagged with `concept` (`course.quizzes.draws`). A random slot's points are per question
    drawn."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="slots", null=True, blank=True
    )
    # A random slot's concept (the course's categories are its concepts): deleting the
    # concept removes the slots that draw from it, as deleting a question removes its slots.
    concept = models.ForeignKey(
        "catalog.Concept",
        on_delete=models.CASCADE,
        related_name="random_slots",
        null=True,
        blank=True,
    )
    draw = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many questions a random slot draws."
    )
    position = models.PositiveIntegerField(default=0)
    points = models.DecimalField(max_digits=6, decimal_places=2, default=1)

    objects = QuizQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["quiz", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quiz_question_once"),
            # A slot is one kind or the other, never both or neither.
            models.CheckConstraint(
                condition=(
                    Q(question__isnull=False, concept__isnull=True, draw__isnull=True)
                    # draw not null too: a check passes when its test is NULL (unknown).
                    | Q(question__isnull=True, concept__isnull=False, draw__gte=1)
                    & Q(draw__isnull=False)
                ),
                name="quiz_slot_fixed_or_random",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.position}"

    @property
    def is_random(self) -> bool:
        return self.question_id is None

    @property
    def label(self) -> str:
        """The slot in the author's words: its question's prompt, or what it draws."""
        if self.question is not None:
            return self.question.prompt
        term = self.concept.term if self.concept is not None else "a deleted concept"
        return f"{self.draw} at random from “{term}”"


class Attempt(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "In progress"
        SUBMITTED = "submitted", "Submitted"

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True, help_text="0..1 of the points.")
    needs_grading = models.BooleanField(default=False)

    class Meta:
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="attempt_number_once"),
            # Two tabs cannot both hold an open attempt: the database refuses the second.
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(state="open"),
                name="one_open_attempt_per_student_and_quiz",
            ),
        ]
        indexes = [models.Index(fields=["user", "quiz", "state"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN


class AttemptItem(models.Model):
    """One question as one student saw it in one attempt, and what they answered."""

    class Status(models.TextChoices):
        UNANSWERED = "unanswered", "Not answered"
        SAVED = "saved", "Answer saved"
        CORRECT = "correct", "Correct"
        PARTIAL = "partial", "Partly correct"
        INCORRECT = "incorrect", "Incorrect"
        NEEDS_GRADING = "needs_grading", "Waiting for grading"

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    # CASCADE so a whole course can be deleted; deleting a single question that attempts used
    # is refused by `question_delete`, so students' records do not vanish one by one.
    version = models.ForeignKey(QuestionVersion, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    points = models.DecimalField(max_digits=6, decimal_places=2, default=1)
    # The order the options (or ordering items, or matching right sides) were shown in.
    option_order = models.JSONField(default=list, blank=True)
    response = models.JSONField(null=True, blank=True)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.UNANSWERED)
    score = models.FloatField(null=True, blank=True)
    checked = models.BooleanField(default=False, help_text="Checked in immediate mode: locked.")
    answered_at = models.DateTimeField(null=True, blank=True)
    # Set in the transaction that applied this answer to the student's concept mastery, so
    # an answer moves mastery exactly once however often it is re-graded.
    mastery_applied = models.BooleanField(default=False)
    grader_comment = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="graded_items",
    )

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="attempt_item_once"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · {self.position}"


class QuizOverride(models.Model):
    """One student's exceptions to a quiz's rules, as Moodle's user overrides: attempts on
    top of the quiz's allowance, a later close date, or both. Granted, changed and removed
    by the course's instructors and admins through `course.quizzes.overrides`, whose
    `quiz_rules_for` is what `attempt_start` reads: the rules hold in the service, whatever
    a page shows."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="overrides")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_overrides"
    )
    extra_attempts = models.PositiveSmallIntegerField(
        default=0, help_text="Attempts on top of the quiz's own allowance."
    )
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="UTC. The quiz closes for this student then instead."
    )
    # Who granted it, and when it was last set: a grant is an instructor's decision, kept
    # with its author (SET_NULL: the grant outlives the instructor's account).
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quiz_overrides_granted",
    )
    granted_at = models.DateTimeField()

    class Meta:
        ordering = ["quiz", "student"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "student"], name="quiz_override_once"),
            # An override that changes nothing is no override: removing it is the way back.
            models.CheckConstraint(
                condition=Q(extra_attempts__gt=0) | Q(closes_at__isnull=False),
                name="quiz_override_changes_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.quiz}: +{self.extra_attempts}"
