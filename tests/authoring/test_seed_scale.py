"""seed_scale makes a course of the same shape as the 10,000-student one, at test size."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from course.catalog.models import Course
from course.progress.analysis import item_analysis
from course.progress.models import CourseProgress, QuizGrade
from course.quizzes.models import Attempt, AttemptItem

pytestmark = pytest.mark.django_db


def test_it_seeds_students_attempts_and_progress_and_can_run_again():
    for _ in range(2):
        out = StringIO()
        call_command("seed_scale", "--students", "40", "--quizzes", "3", stdout=out)
    course = Course.objects.get(slug="scale-test")
    assert course.enrollments.count() == 40
    assert Attempt.objects.filter(quiz__course=course).count() == 120
    assert AttemptItem.objects.filter(attempt__quiz__course=course).count() == 120 * 6
    assert QuizGrade.objects.filter(course=course).count() == 120
    assert CourseProgress.objects.filter(course=course).count() == 40
    assert "seed_scale: course=scale-test students=40 quizzes=3" in out.getvalue()
    # Stronger students do better, so items discriminate positively on the whole.
    stats = [s for quiz in course.quizzes.all() for s in item_analysis(quiz)]
    measured = [s.discrimination for s in stats if s.discrimination is not None]
    assert measured and sum(measured) / len(measured) > 0
