"""One measure of progress: every page that shows a student's progress in a course (the
course page, its lessons, the catalog, the dashboard, and the instructor's view of the
student) shows the stored row, under the course's completion rule, with the parts it counts
beside it. None computes a figure of its own."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from course.catalog.models import Course
from course.discussions.models import Prompt
from course.progress.models import CourseProgress
from course.progress.services import lesson_complete
from course.quizzes.attempts import attempt_start, attempt_submit
from course.quizzes.models import Attempt
from tests import factories

pytestmark = pytest.mark.django_db

STUDENT_PAGES = ["course", "lesson", "catalog", "dashboard"]


def page_url(page: str, course: Course) -> str:
    lesson = course.lessons.in_order().first()
    return {
        "course": reverse("catalog:course", kwargs={"slug": course.slug}),
        "lesson": reverse("catalog:lesson", kwargs={"slug": course.slug, "lesson_id": lesson.pk}),
        "catalog": reverse("catalog:index"),
        "dashboard": reverse("progress:dashboard"),
    }[page]


def percentages_shown(text: str, course: Course) -> set[int]:
    """Every figure a page gives as this course's progress: its bar and its label."""
    bars = re.findall(rf'<progress id="progress-{course.pk}" max="100" value="(\d+)">', text)
    labels = re.findall(r"Course progress: (\d+)%", text)
    return {int(n) for n in [*bars, *labels]}


@pytest.fixture
def required_quiz(course: Course) -> object:
    """A published quiz, which the course's rule (lessons and quizzes, the default) counts."""
    assert course.completion_rule == Course.Completion.LESSONS_QUIZZES
    question = factories.QuestionFactory(course=course)
    return factories.quiz_with(course, [question], title="Required quiz", pass_mark=50)


@pytest.fixture
def lessons_done_quiz_failed(student, course, lessons, required_quiz) -> CourseProgress:
    """Every lesson done, the required quiz taken and failed (nothing answered: 0%)."""
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    attempt = attempt_submit(attempt=attempt_start(quiz=required_quiz, user=student))
    assert attempt.state == Attempt.State.SUBMITTED and not attempt.score
    return CourseProgress.objects.get(user=student, course=course)


@pytest.mark.parametrize("page", STUDENT_PAGES)
def test_it_shows_the_stored_percentage_under_the_rule_on_every_page(
    as_user, student, course, lessons_done_quiz_failed, page
):
    # 3 of 3 lessons and 0 of 1 quiz: 3 of 4 parts. A lessons-only figure would say 100%.
    assert lessons_done_quiz_failed.percent == 75
    text = as_user(student).get(page_url(page, course)).text
    assert percentages_shown(text, course) == {75}
    assert "(every lesson done and every quiz passed)" in text
    assert "3 of 3 lessons complete" in text
    assert "0 of 1 quizzes passed" in text
    assert "discussions joined" not in text  # the rule does not count them


@pytest.mark.parametrize("page", STUDENT_PAGES)
def test_no_page_computes_a_figure_of_its_own(as_user, student, course, lessons, page):
    """A stored row no count of the source rows would give (nothing is completed): every
    page must show it as it is, so any page that recounts, lessons only or otherwise, fails."""
    CourseProgress.objects.create(
        user=student, course=course, percent=42, lessons_done=2, quizzes_passed=0
    )
    text = as_user(student).get(page_url(page, course)).text
    assert percentages_shown(text, course) == {42}
    assert "2 of 3 lessons complete" in text


def test_the_instructor_sees_the_students_stored_percentage_too(
    as_user, instructor, student, course, lessons_done_quiz_failed
):
    url = reverse("progress:student", kwargs={"slug": course.slug, "user_id": student.pk})
    text = as_user(instructor).get(url).text
    assert percentages_shown(text, course) == {75}
    assert "3 of 3 lessons complete" in text
    assert "0 of 1 quizzes passed" in text


@pytest.mark.parametrize("page", STUDENT_PAGES)
def test_a_student_just_enrolled_sees_the_rules_value_for_no_work(
    as_user, other_student, course, required_quiz, page
):
    factories.EnrollmentFactory(user=other_student, course=course)
    assert not CourseProgress.objects.filter(user=other_student).exists()
    text = as_user(other_student).get(page_url(page, course)).text
    assert percentages_shown(text, course) == {0}
    assert "0 of 3 lessons complete" in text
    assert "0 of 1 quizzes passed" in text


@pytest.mark.parametrize(
    ("rule", "parts"),
    [
        (Course.Completion.LESSONS, []),
        (Course.Completion.LESSONS_QUIZZES, ["0 of 1 quizzes passed"]),
        (Course.Completion.ALL, ["0 of 1 quizzes passed", "0 of 1 discussions joined"]),
    ],
)
@pytest.mark.parametrize("page", STUDENT_PAGES)
def test_it_shows_beside_the_percentage_the_parts_the_rule_counts(
    as_user, student, course, lessons, required_quiz, rule, parts, page
):
    Course.objects.filter(pk=course.pk).update(completion_rule=rule)
    Prompt.objects.create(course=course, lesson=lessons[0], text="Why?", position=1)
    text = as_user(student).get(page_url(page, course)).text
    assert "0 of 3 lessons complete" in text
    for part in ["0 of 1 quizzes passed", "0 of 1 discussions joined"]:
        assert (part in text) == (part in parts), part


def test_completing_a_lesson_shows_the_refreshed_stored_row_in_the_htmx_partial(
    as_user, student, course, lessons, required_quiz, htmx_headers
):
    url = reverse(
        "progress:lesson-complete", kwargs={"slug": course.slug, "lesson_id": lessons[0].pk}
    )
    text = as_user(student).post(url, **htmx_headers).text
    stored = CourseProgress.objects.get(user=student, course=course)
    # 1 of 3 lessons and 0 of 1 quiz: 1 of 4 parts (lessons only would be 33%).
    assert stored.percent == 25
    assert percentages_shown(text, course) == {25}
    assert "1 of 3 lessons complete" in text
    assert "0 of 1 quizzes passed" in text
