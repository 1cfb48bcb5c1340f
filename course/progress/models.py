"""What each student has done: stored rows, read by pages, never recomputed per request."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from course.pagecache import InvalidatingQuerySet


class LessonCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(
        "catalog.Lesson", on_delete=models.CASCADE, related_name="completions"
    )
    # Kept beside the lesson so per-course counts need no join through lessons.
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.CASCADE, related_name="lesson_completions"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    objects = InvalidatingQuerySet["LessonCompletion"].as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_completed_once"),
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self) -> str:
        return f"{self.user} completed {self.lesson}"


class CourseProgress(models.Model):
    """A student's standing in one course, kept up to date by the services that change it
    (lesson completion, quiz submit, grading, posting), so pages and exports read one row
    instead of recounting. `progress_refresh` recomputes it from the source rows, so it is
    idempotent and any number of concurrent refreshes converge."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_progress"
    )
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.CASCADE, related_name="student_progress"
    )
    lessons_done = models.PositiveIntegerField(default=0)
    quizzes_passed = models.PositiveIntegerField(default=0)
    prompts_joined = models.PositiveIntegerField(default=0)
    # 0..100 over lessons, quizzes and discussions counted by the course's completion rule.
    percent = models.PositiveSmallIntegerField(default=0)
    completed = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_activity = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InvalidatingQuerySet["CourseProgress"].as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="course_progress_once"),
        ]
        indexes = [
            models.Index(fields=["course", "percent"]),
            models.Index(fields=["course", "last_activity"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.course}: {self.percent}%"


class QuizGrade(models.Model):
    """A student's grade on a quiz by its grading method, stored when an attempt is graded."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_grades"
    )
    quiz = models.ForeignKey("quizzes.Quiz", on_delete=models.CASCADE, related_name="grades")
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.CASCADE, related_name="quiz_grades"
    )
    grade = models.FloatField(help_text="0..1")
    attempts = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InvalidatingQuerySet["QuizGrade"].as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "quiz"], name="quiz_grade_once")]
        indexes = [models.Index(fields=["course", "user"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz}: {self.grade:.0%}"

    @property
    def passed(self) -> bool:
        """Against the quiz's pass mark as it is now: an instructor may change it later."""
        return self.grade * 100 >= self.quiz.pass_mark


class ConceptMastery(models.Model):
    """How well a student knows one concept; rules in README ("Mastery")."""

    class Level(models.IntegerChoices):
        NOT_STARTED = 0, "Not started"
        ATTEMPTED = 1, "Attempted"
        FAMILIAR = 2, "Familiar"
        PROFICIENT = 3, "Proficient"
        MASTERED = 4, "Mastered"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mastery"
    )
    concept = models.ForeignKey("catalog.Concept", on_delete=models.CASCADE, related_name="mastery")
    course = models.ForeignKey("catalog.Course", on_delete=models.CASCADE, related_name="mastery")
    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.NOT_STARTED)
    answers = models.PositiveIntegerField(default=0)
    correct = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InvalidatingQuerySet["ConceptMastery"].as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "concept"], name="concept_mastery_once"),
        ]
        indexes = [models.Index(fields=["course", "user"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.concept}: {self.get_level_display()}"
