"""No dead end: a student who used both attempts at a required quiz and failed gets one more
from the instructor, on the student's page, and completes the course. With JavaScript (the
override form answers in place, through htmx) and without (a plain form and a redirect), on
a 390 px phone for the student."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from playwright.sync_api import expect

from course.progress.models import CourseProgress
from course.progress.services import lesson_complete
from course.quizzes.attempts import attempt_answer, attempt_start, attempt_submit
from course.quizzes.models import QuizOverride
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def failed_twice(course, lessons, student):
    """Every lesson done; the course's one quiz taken twice, both wrong: the course cannot
    be completed without another attempt."""
    question = factories.QuestionFactory(course=course)
    quiz = factories.quiz_with(
        course, [question], title="Required quiz", attempts_allowed=2, shuffle_options=False
    )
    for lesson in lessons:
        lesson_complete(user=student, lesson=lesson)
    for _ in range(2):
        attempt = attempt_start(quiz=quiz, user=student)
        data = QueryDict(f"choice={question.options.index('Grant')}")
        attempt_answer(attempt=attempt, position=1, data=data, check=False)
        attempt_submit(attempt=attempt)
    return quiz


def sign_in(browser, live_server, user, *, javascript: bool, width: int):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return context, page, errors


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_student_out_of_attempts_gets_another_and_completes_the_course(
    browser, live_server, course, student, instructor, failed_twice, javascript, axe
):
    quiz = failed_twice
    quiz_url = f"{live_server.url}/courses/{course.slug}/quizzes/{quiz.pk}/"

    learner, page, learner_errors = sign_in(
        browser, live_server, student, javascript=javascript, width=390
    )
    page.goto(quiz_url)
    expect(page.get_by_text("You have used all your attempts")).to_be_visible()
    expect(page.get_by_role("button", name="Start a new attempt")).to_have_count(0)

    teacher, desk, teacher_errors = sign_in(
        browser, live_server, instructor, javascript=javascript, width=1200
    )
    desk.goto(f"{live_server.url}/courses/{course.slug}/students/")
    desk.get_by_role("link", name=student.username, exact=True).click()
    card = desk.locator(f"#override-{quiz.pk}")
    expect(card).to_contain_text("2 attempts used of 2, 0 left.")
    card.get_by_label("Extra attempts").fill("1")
    card.get_by_role("button", name="Grant the override on Required quiz").click()
    notice = desk.get_by_text("Saved the override of “Required quiz” for student.")
    expect(notice).to_be_visible()
    expect(desk.locator(f"#override-{quiz.pk}")).to_contain_text("2 attempts used of 3")
    expect(desk.locator(f"#override-{quiz.pk}")).to_contain_text("Granted by instructor")
    assert QuizOverride.objects.get(quiz=quiz, student=student).extra_attempts == 1
    if javascript:  # axe runs in the page
        axe(desk)
    desk.goto(f"{live_server.url}/courses/{course.slug}/students/")
    expect(desk.get_by_role("link", name="1 quiz override for student")).to_be_visible()

    page.goto(quiz_url)
    expect(page.get_by_text("including 1 extra from your instructor")).to_be_visible()
    page.get_by_role("button", name="Start a new attempt").click()
    page.get_by_label("No one", exact=True).check()
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#q1 .feedback")).to_have_text("Correct")
    page.get_by_role("link", name="Review and submit").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Score: 100%")).to_be_visible()
    assert CourseProgress.objects.get(user=student, course=course).completed
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.locator(f"#course-{course.pk}")).to_contain_text("completed")
    if javascript:
        # A phone's width: the page fits it.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        axe(page)

    assert learner_errors == [] and teacher_errors == [], (learner_errors, teacher_errors)
    learner.close()
    teacher.close()
