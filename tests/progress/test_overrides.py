"""Quiz overrides on the instructor's pages: granted, changed and removed on a student's page
(a plain form, and htmx in place), marked on the roster; the course's staff and admins only;
constant queries however many quizzes and overrides."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from course.progress.models import CourseProgress
from course.progress.services import lesson_complete
from course.quizzes.models import Attempt, Quiz, QuizOverride
from course.quizzes.overrides import quiz_override_set
from tests import factories
from tests.conftest import forget_cached_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_tries(course) -> Quiz:
    question = factories.QuestionFactory(course=course)
    return factories.quiz_with(
        course, [question], title="Two tries", attempts_allowed=2, shuffle_options=False
    )


def student_url(course, student) -> str:
    return reverse("progress:student", kwargs={"slug": course.slug, "user_id": student.pk})


def override_url(quiz: Quiz, student, *, delete: bool = False) -> str:
    name = "progress:override-delete" if delete else "progress:override"
    kwargs = {"slug": quiz.course.slug, "user_id": student.pk, "quiz_id": quiz.pk}
    return reverse(name, kwargs=kwargs)


def field(quiz: Quiz, name: str) -> str:
    return f"quiz-{quiz.pk}-{name}"


def take(client, quiz: Quiz, option: str | None) -> Attempt:
    """As the student, through the pages: start, answer (or not), submit."""
    start = reverse("quizzes:start", kwargs={"slug": quiz.course.slug, "quiz_id": quiz.pk})
    response = client.post(start)
    assert response.status_code == 302
    attempt = Attempt.objects.filter(quiz=quiz).latest("pk")
    assert response["Location"] == reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})
    if option is not None:
        question = quiz.slots.get().question
        answer = reverse("quizzes:answer", kwargs={"attempt_id": attempt.pk, "position": 1})
        client.post(answer, {"choice": str(question.options.index(option)), "action": "save"})
    client.post(reverse("quizzes:submit", kwargs={"attempt_id": attempt.pk}))
    return Attempt.objects.get(pk=attempt.pk)


# --- the journey ---------------------------------------------------------------------------


def test_a_student_out_of_attempts_gets_one_more_and_completes_the_course(
    as_user, student, instructor, course, lessons, two_tries
):
    me = as_user(student)
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    take(me, two_tries, "Grant")
    take(me, two_tries, None)
    quiz_page = reverse("quizzes:quiz", kwargs={"slug": course.slug, "quiz_id": two_tries.pk})
    assert "You have used all your attempts" in me.get(quiz_page).text
    refused = me.post(
        reverse("quizzes:start", kwargs={"slug": course.slug, "quiz_id": two_tries.pk}),
        follow=True,
    )
    assert "used all 2 attempt" in refused.text

    # The instructor, without JavaScript: the form on the student's page, back to it.
    staff = as_user(instructor)
    response = staff.post(
        override_url(two_tries, student), {field(two_tries, "extra_attempts"): "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == student_url(course, student) + "#overrides"
    page = staff.get(student_url(course, student)).text
    assert "Saved the override of “Two tries” for student." in page
    assert "2 attempts used of 3 (2 + 1 extra), 1 left." in page
    assert "Granted by instructor on" in page

    third = take(me, two_tries, "No one")
    assert third.number == 3 and third.score == 1.0
    assert CourseProgress.objects.get(user=student, course=course).completed
    assert "completed" in me.get(reverse("progress:dashboard")).text


# --- the student's page --------------------------------------------------------------------


def test_it_shows_each_quiz_with_a_form_to_grant_an_override(
    as_user, instructor, student, course, two_tries
):
    text = as_user(instructor).get(student_url(course, student)).text
    assert 'id="overrides"' in text
    assert f'action="{override_url(two_tries, student)}"' in text
    assert f'hx-post="{override_url(two_tries, student)}"' in text  # htmx beside the real form
    assert f'name="{field(two_tries, "extra_attempts")}"' in text
    assert f'name="{field(two_tries, "closes_at")}"' in text and 'type="datetime-local"' in text
    assert "Grant the override" in text and "Remove the override" not in text


def test_an_htmx_grant_answers_with_the_overrides_region_only(
    as_user, instructor, student, course, two_tries, htmx_headers
):
    later = timezone.now() + timedelta(days=3)
    data = {field(two_tries, "closes_at"): later.strftime("%Y-%m-%dT%H:%M")}
    response = as_user(instructor).post(override_url(two_tries, student), data, **htmx_headers)
    assert response.status_code == 200
    text = response.text
    assert text.lstrip().startswith('<section id="overrides"')
    assert "<html" not in text and "Concept mastery" not in text
    assert "Saved the override of “Two tries” for student." in text and "autofocus" in text
    assert f"Closes for them {later:%Y-%m-%d %H:%M} UTC (the quiz: never)" in text
    assert "Remove the override" in text
    override = QuizOverride.objects.get()
    assert override.closes_at == later.replace(second=0, microsecond=0)
    assert override.extra_attempts == 0 and override.granted_by == instructor
    assert "HX-Request" in response["Vary"]


def test_an_empty_form_is_sent_back_with_its_errors(
    as_user, instructor, student, course, two_tries, htmx_headers
):
    client = as_user(instructor)
    plain = client.post(override_url(two_tries, student), {})
    assert plain.status_code == 400
    assert "Give extra attempts, a later close date, or both" in plain.text
    assert "Concept mastery" in plain.text  # the whole page again
    htmx = client.post(override_url(two_tries, student), {}, **htmx_headers)
    assert htmx.status_code == 200  # htmx swaps only a 200
    assert "Give extra attempts, a later close date, or both" in htmx.text
    assert "<html" not in htmx.text
    assert not QuizOverride.objects.exists()


def test_a_close_date_in_the_past_is_refused(as_user, instructor, student, two_tries):
    past = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = as_user(instructor).post(
        override_url(two_tries, student), {field(two_tries, "closes_at"): past}
    )
    assert response.status_code == 400
    assert "Give a time still to come" in response.text
    assert not QuizOverride.objects.exists()


def test_it_changes_and_removes_an_override(
    as_user, instructor, student, course, two_tries, htmx_headers
):
    client = as_user(instructor)
    client.post(override_url(two_tries, student), {field(two_tries, "extra_attempts"): "1"})
    client.post(override_url(two_tries, student), {field(two_tries, "extra_attempts"): "4"})
    assert QuizOverride.objects.get().extra_attempts == 4
    text = client.get(student_url(course, student)).text
    assert f'name="{field(two_tries, "extra_attempts")}" value="4"' in text
    assert "Change the override" in text
    response = client.post(override_url(two_tries, student, delete=True), **htmx_headers)
    assert response.status_code == 200
    assert "Removed the override of “Two tries” for student" in response.text
    assert not QuizOverride.objects.exists()
    again = client.post(override_url(two_tries, student, delete=True))
    assert again.status_code == 302
    assert "had no override" in client.get(again["Location"]).text


# --- the roster ----------------------------------------------------------------------------


def test_the_roster_marks_students_with_overrides(as_user, instructor, student, course, two_tries):
    classmate = factories.UserFactory(username="classmate")
    factories.EnrollmentFactory(user=classmate, course=course)
    quiz_override_set(
        quiz=two_tries, student=student, by=instructor, extra_attempts=1, closes_at=None
    )
    text = as_user(instructor).get(reverse("progress:instructor", kwargs={"slug": course.slug}))
    text = text.text
    marker = f'href="{student_url(course, student)}#overrides">1 quiz override'
    assert marker in text
    assert text.count("quiz override") == 1  # the classmate has none


# --- who may -------------------------------------------------------------------------------


@pytest.mark.parametrize("delete", [False, True])
@pytest.mark.parametrize(
    ("persona", "status"),
    [("student", 403), ("other_student", 403), ("other_instructor", 403), ("anonymous", 302)],
)
def test_only_the_courses_staff_may_grant_or_remove(
    as_user, request, student, instructor, two_tries, persona, status, delete
):
    quiz_override_set(
        quiz=two_tries, student=student, by=instructor, extra_attempts=1, closes_at=None
    )
    client = as_user(request.getfixturevalue(persona))
    data = {field(two_tries, "extra_attempts"): "9"}
    response = client.post(override_url(two_tries, student, delete=delete), data)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("login"))
    assert QuizOverride.objects.get().extra_attempts == 1


def test_an_admin_may_grant(as_user, admin, student, two_tries):
    data = {field(two_tries, "extra_attempts"): "2"}
    assert as_user(admin).post(override_url(two_tries, student), data).status_code == 302
    assert QuizOverride.objects.get().granted_by == admin


def test_it_404s_someone_not_enrolled_and_a_quiz_of_another_course(
    as_user, instructor, other_student, student, course, other_course, two_tries
):
    client = as_user(instructor)
    data = {field(two_tries, "extra_attempts"): "1"}
    assert client.post(override_url(two_tries, other_student), data).status_code == 404
    elsewhere = factories.quiz_with(other_course, [factories.QuestionFactory(course=other_course)])
    url = reverse(
        "progress:override",
        kwargs={"slug": course.slug, "user_id": student.pk, "quiz_id": elsewhere.pk},
    )
    assert client.post(url, {field(elsewhere, "extra_attempts"): "1"}).status_code == 404
    assert not QuizOverride.objects.exists()


@pytest.mark.parametrize("delete", [False, True])
def test_it_refuses_get(as_user, instructor, student, two_tries, delete):
    assert (
        as_user(instructor).get(override_url(two_tries, student, delete=delete)).status_code == 405
    )


# --- queries -------------------------------------------------------------------------------


def test_the_students_page_and_the_roster_run_in_constant_queries(
    as_user, instructor, student, course, two_tries, django_assert_max_num_queries
):
    client = as_user(instructor)
    pages = [
        student_url(course, student),
        reverse("progress:instructor", kwargs={"slug": course.slug}),
    ]
    small = {}
    # Measured on a miss: the roster's table is cached until a change to the class commits,
    # and this test commits nothing.
    for page in pages:
        client.get(page)
        forget_cached_pages(client, instructor)
        with CaptureQueriesContext(connection) as captured:
            client.get(page)
        small[page] = len(captured)
    for n in range(8):
        quiz = factories.quiz_with(
            course, [factories.QuestionFactory(course=course)], attempts_allowed=1, title=f"Q{n}"
        )
        quiz_override_set(quiz=quiz, student=student, by=instructor, extra_attempts=1,
                          closes_at=timezone.now() + timedelta(days=n + 1))  # fmt: skip
    for user in factories.UserFactory.create_batch(5):
        factories.EnrollmentFactory(user=user, course=course)
        quiz_override_set(
            quiz=two_tries, student=user, by=instructor, extra_attempts=1, closes_at=None
        )
    # The student's page: session, user, course, editable?, the enrollment with the student,
    # their mastery, their standing, grades, attempts, concepts, then the overrides: the
    # quizzes, the student's attempts counted per quiz, their overrides with who granted
    # them. The roster: session, user, the course if editable (one query), count, the page
    # (overrides counted in it), the quizzes for the analysis links.
    for page, most in zip(pages, (13, 6), strict=True):
        forget_cached_pages(client, instructor)
        with django_assert_max_num_queries(most), CaptureQueriesContext(connection) as captured:
            text = client.get(page).text
        assert len(captured) == small[page], page
        assert "override" in text
