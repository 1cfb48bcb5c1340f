"""Students' stored standing follows changes to the course itself (course_progress_recount):
a prompt deleted, a quiz published or given a new pass mark, the completion rule changed in
the admin. Before, the stored percentages kept counting what was gone. The apps below
progress announce such changes (course_requirements_changed); progress recounts."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from course.catalog.models import Course
from course.catalog.signals import course_requirements_changed
from course.discussions.models import Prompt
from course.discussions.services import post_create, prompt_delete
from course.progress.models import CourseProgress, QuizGrade
from course.progress.services import course_progress_recount, progress_refresh
from course.quizzes.forms import QuizForm
from course.quizzes.models import Quiz
from course.quizzes.services import quiz_save
from tests import factories


def standing(student, course) -> CourseProgress:
    return CourseProgress.objects.get(user=student, course=course)


@pytest.fixture
def finished_lessons(student, course, lessons):
    for lesson in lessons:
        factories.LessonCompletionFactory(user=student, lesson=lesson, course=course)
    progress_refresh(user_id=student.pk, course_id=course.pk)


def test_deleting_the_one_prompt_a_student_had_not_joined_completes_them(
    student, course, lessons, finished_lessons
):
    Course.objects.filter(pk=course.pk).update(completion_rule=Course.Completion.ALL)
    joined = Prompt.objects.create(course=course, lesson=lessons[0], text="Why?", position=1)
    other = Prompt.objects.create(course=course, lesson=lessons[0], text="How?", position=2)
    post_create(prompt=joined, author=student, body="Because.", as_staff=False)
    assert standing(student, course).percent == 80  # 3 lessons + 1 of 2 prompts
    prompt_delete(prompt=other)
    after = standing(student, course)
    assert (after.percent, after.completed, after.prompts_joined) == (100, True, 1)


def test_progress_recounts_whatever_announces_a_change(student, course, lessons, finished_lessons):
    # A lesson added behind the services' back (no recount yet), then announced.
    factories.LessonFactory(course=course, position=len(lessons) + 1)
    assert standing(student, course).completed
    course_requirements_changed.send(sender=Course, course_id=course.pk)
    after = standing(student, course)
    assert (after.completed, after.lessons_done, after.percent) == (False, 3, 75)


def test_publishing_a_quiz_lowers_standing_and_a_lower_pass_mark_raises_it(
    student, course, instructor, finished_lessons
):
    Course.objects.filter(pk=course.pk).update(completion_rule=Course.Completion.LESSONS_QUIZZES)
    course.refresh_from_db()
    quiz = factories.QuizFactory(course=course, status=Quiz.Status.DRAFT, pass_mark=80)
    question = factories.QuestionFactory(course=course)
    QuizGrade.objects.create(user=student, quiz=quiz, course=course, grade=0.6, attempts=1)
    progress_refresh(user_id=student.pk, course_id=course.pk)
    assert standing(student, course).completed

    def save(**changes) -> None:
        data = {**model_to_dict(quiz, fields=QuizForm._meta.fields), **changes}
        data["questions"] = [question.pk]
        data = {k: v for k, v in data.items() if v is not None}
        form = QuizForm(data, instance=quiz, course=course)
        assert form.is_valid(), form.errors
        quiz_save(form=form, course=course)

    save(status=Quiz.Status.PUBLISHED)
    assert (standing(student, course).percent, standing(student, course).completed) == (75, False)
    save(pass_mark=50)
    assert (standing(student, course).percent, standing(student, course).completed) == (100, True)


def test_changing_the_completion_rule_in_the_admin_recounts(
    as_user, admin, student, course, lessons, finished_lessons
):
    Prompt.objects.create(course=course, lesson=lessons[0], text="Why?", position=1)
    progress_refresh(user_id=student.pk, course_id=course.pk)
    assert standing(student, course).completed  # lessons only: the prompt does not count
    client = as_user(admin)
    page = client.get(reverse("admin:catalog_course_change", args=[course.pk]))
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    formsets = {}
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name, field in management.fields.items():
            formsets[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
        for form in inline.formset.forms:
            for name in form.fields:
                value = form.instance.pk if name == "id" else form.initial.get(name)
                if value is not None:
                    formsets[f"{form.prefix}-{name}"] = value
    data.update(formsets)
    data["completion_rule"] = Course.Completion.ALL
    response = client.post(reverse("admin:catalog_course_change", args=[course.pk]), data)
    assert response.status_code == 302, [
        (i.formset.prefix, i.formset.errors, i.formset.non_form_errors())
        for i in response.context["inline_admin_formsets"]
    ]
    after = standing(student, course)
    assert (after.percent, after.completed) == (75, False)  # 3 lessons + 0 of 1 prompt


def test_a_recount_costs_the_same_queries_for_many_students(
    course, lessons, django_assert_max_num_queries
):
    students = [factories.UserFactory() for _ in range(30)]
    for n, student in enumerate(students):
        factories.EnrollmentFactory(user=student, course=course)
        for lesson in lessons[: n % 3]:  # three standings: 0, 1 or 2 of 3 lessons
            factories.LessonCompletionFactory(user=student, lesson=lesson, course=course)
    # its savepoint and release, students, make rows, lock rows, course rule, 3 totals, 3
    # grouped counts, one UPDATE per changed standing (2: the rows start at 0), the slug
    with django_assert_max_num_queries(15):
        assert course_progress_recount(course_id=course.pk) == 30
    percents = dict(CourseProgress.objects.filter(course=course).values_list("user", "percent"))
    assert percents == {s.pk: round(100 * (n % 3) / 3) for n, s in enumerate(students)}
