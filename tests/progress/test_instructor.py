"""Instructor views of a course: roster, a student, the mastery heatmap, item analysis and the
CSV exports; staff only; constant queries as the class grows."""

from __future__ import annotations

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.progress.analysis import item_analysis
from course.progress.models import ConceptMastery, CourseProgress
from course.progress.services import lesson_complete
from course.quizzes.attempts import attempt_answer, attempt_start, attempt_submit, item_grade
from course.quizzes.models import AttemptItem
from course.quizzes.overrides import quiz_override_set
from tests import factories
from tests.conftest import forget_cached_pages

pytestmark = pytest.mark.django_db


class Form(dict):
    def getlist(self, key: str) -> list:
        value = self.get(key)
        return [] if value is None else [value]


def url(name: str, course, **kwargs) -> str:
    return reverse(f"progress:{name}", kwargs={"slug": course.slug, **kwargs})


@pytest.fixture
def class_quiz(course):
    """A single-choice quiz; `take(user, option)` enrolls, answers and submits."""
    question = factories.QuestionFactory(course=course)
    question.concepts.add(course.concepts.get())
    quiz = factories.quiz_with(course, [question], title="Tomb quiz", shuffle_options=False)

    def take(user, option: str) -> None:
        if not course.enrollments.filter(user=user).exists():
            factories.EnrollmentFactory(user=user, course=course)
        attempt = attempt_start(quiz=quiz, user=user)
        index = str(question.options.index(option))
        attempt_answer(attempt=attempt, position=1, data=Form(choice=index), check=False)
        attempt_submit(attempt=attempt)

    return quiz, take


def test_it_lists_students_with_progress_searchable_and_sortable(
    as_user, instructor, student, course, lessons
):
    lesson_complete(user=student, lesson=lessons[0])
    other = factories.UserFactory(username="zed")
    factories.EnrollmentFactory(user=other, course=course)
    client = as_user(instructor)
    text = client.get(url("instructor", course)).text
    assert "2 students" in text and "student" in text and "zed" in text
    text = client.get(url("instructor", course), {"q": "zed"}).text
    assert "1 student" in text
    ranked = client.get(url("instructor", course), {"sort": "-progress"}).text
    assert ranked.index(">student<") < ranked.index(">zed<")


def test_it_answers_htmx_search_with_the_roster_only(
    as_user, instructor, student, course, htmx_headers
):
    response = as_user(instructor).get(url("instructor", course), {"q": "stu"}, **htmx_headers)
    assert response.text.strip().startswith('<div id="roster">')


def test_it_shows_a_students_detail(as_user, instructor, student, course, class_quiz):
    _, take = class_quiz
    take(student, "No one")
    text = as_user(instructor).get(url("student", course, user_id=student.pk)).text
    assert "Tomb quiz: 100% (passed)" in text
    assert "shock work" in text


def test_it_404s_a_student_not_in_the_course(as_user, instructor, course, other_student):
    assert (
        as_user(instructor).get(url("student", course, user_id=other_student.pk)).status_code == 404
    )


def test_it_maps_the_class_mastery(as_user, instructor, student, course, class_quiz):
    _, take = class_quiz
    take(student, "No one")
    course.concepts.update(core=True)
    text = as_user(instructor).get(url("heatmap", course)).text
    # One right answer: familiar, coloured as level 2 and said in words too.
    assert '<td class="cell-2">2<span class="visually-hidden"> familiar</span></td>' in text


def test_it_analyses_items_and_flags_a_misleading_distractor(
    as_user, instructor, course, class_quiz
):
    quiz, take = class_quiz
    for n in range(6):
        take(factories.UserFactory(), "Grant" if n < 4 else "No one")
    stats = item_analysis(quiz)
    (item,) = stats
    assert item.answers == 6 and item.facility == pytest.approx(2 / 6)
    assert dict((o, n) for o, n, _ in item.choices) == {
        "Grant": 4,
        "Jefferson": 0,
        "No one": 2,
        "Lincoln": 0,
    }
    assert any("“Grant” is chosen more often than the answer" in f for f in item.flags)
    text = as_user(instructor).get(url("analysis", course, quiz_id=quiz.pk)).text
    assert "Facility: <strong>0.33</strong>" in text


def test_it_exports_item_analysis_as_csv(as_user, instructor, course, class_quiz):
    quiz, take = class_quiz
    take(factories.UserFactory(), "No one")
    response = as_user(instructor).get(url("analysis-csv", course, quiz_id=quiz.pk))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["position", "type", "question", "answers"]
    assert rows[1][3] == "1"


def test_it_streams_the_gradebook(as_user, instructor, student, course, class_quiz, lessons):
    _, take = class_quiz
    take(student, "No one")
    lesson_complete(user=student, lesson=lessons[0])
    response = as_user(instructor).get(url("gradebook", course))
    assert response.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    (row,) = rows
    assert row["username"] == "student" and row["lessons_done"] == "1"
    assert row["quiz: Tomb quiz (%)"] == "100.0" and row["quizzes_passed"] == "1"


def test_the_gradebook_command_writes_the_same_csv(student, course, class_quiz):
    _, take = class_quiz
    take(student, "Grant")
    out = StringIO()
    call_command("export_gradebook", "--course", course.slug, stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["quiz: Tomb quiz (%)"] == "0.0"


NAMES = ["instructor", "heatmap", "gradebook"]


@pytest.mark.parametrize(
    ("persona", "status"),
    [("student", 403), ("other_instructor", 403), ("anonymous", 302), ("admin", 200)],
)
def test_it_keeps_instructor_pages_to_staff(
    as_user, request, course, class_quiz, student, persona, status
):
    quiz, _ = class_quiz
    client = as_user(request.getfixturevalue(persona))
    for name, extra in [("instructor", {}), ("heatmap", {}), ("gradebook", {}),
                        ("analysis", {"quiz_id": quiz.pk}), ("analysis-csv", {"quiz_id": quiz.pk}),
                        ("student", {"user_id": student.pk})]:  # fmt: skip
        assert client.get(url(name, course, **extra)).status_code == status, name
        assert client.post(url(name, course, **extra)).status_code in {
            405,
            302 if status == 302 else 405,
        }, name


def test_instructor_pages_run_in_constant_queries(
    as_user, instructor, course, class_quiz, django_assert_max_num_queries
):
    quiz, take = class_quiz
    course.concepts.update(core=True)
    client = as_user(instructor)
    pages = [
        url("instructor", course),
        url("heatmap", course),
        url("analysis", course, quiz_id=quiz.pk),
    ]
    take(factories.UserFactory(), "No one")
    small = {}
    # Measured on a miss (the roster's table and the item counts are cached, and this test
    # commits nothing, so no write would make them miss): the most a page costs.
    for page in pages:
        client.get(page)
        forget_cached_pages(client, instructor)
        with CaptureQueriesContext(connection) as captured:
            client.get(page)
        small[page] = len(captured)
    for n in range(30):
        take(factories.UserFactory(), "No one" if n % 2 else "Grant")
    for user in factories.UserFactory.create_batch(30):
        factories.EnrollmentFactory(user=user, course=course)
        ConceptMastery.objects.create(
            user=user, concept=course.concepts.get(), course=course, level=3
        )
    # roster: session, user, the course if editable (one query), count, page, quizzes for the
    # analysis links; heatmap: session, user, course, editable?, concepts, page, mastery of
    # the page, class spread; analysis: session, user, course, editable?, quiz, slots, then
    # (counted on a miss) attempt totals, items
    for page in pages:
        forget_cached_pages(client, instructor)
        with django_assert_max_num_queries(small[page]):
            client.get(page)


# --- formulas in exported cells ----------------------------------------------------------

# What sign-up accepts (a username may hold "+-@.", an address's local part "=|'/!") and
# what an instructor may write; a spreadsheet would run each one as a formula.
FORMULAS = ["=cmd|'/Ccalc'!A0@example.org", "-2+3", "+SUM(1)", "@SUM(1)", "\tx", "\rx"]


def _csv_cells(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_it_neutralises_formulas_in_the_gradebook(as_user, instructor, course, class_quiz):
    _, take = class_quiz
    hostile = factories.UserFactory(username="-2+3", email=FORMULAS[0])
    take(hostile, "No one")
    course.quizzes.update(title="=1+1")  # the header names each quiz
    rows = _csv_cells(as_user(instructor).get(url("gradebook", course)))
    assert rows[0][-1] == "quiz: =1+1 (%)"  # not at the start of a cell: harmless
    (row,) = rows[1:]
    assert row[:2] == ["'-2+3", "'" + FORMULAS[0]]
    assert row[-1] == "100.0"  # numbers stay numbers


def test_it_neutralises_formulas_in_the_item_analysis(as_user, instructor, course):
    question = factories.QuestionFactory(
        course=course, prompt=FORMULAS[2], options=FORMULAS[2:], answer=FORMULAS[2]
    )
    quiz = factories.quiz_with(course, [question], shuffle_options=False)
    user = factories.UserFactory()
    factories.EnrollmentFactory(user=user, course=course)
    attempt = attempt_start(quiz=quiz, user=user)
    attempt_answer(attempt=attempt, position=1, data=Form(choice="1"), check=False)
    attempt_submit(attempt=attempt)
    rows = _csv_cells(as_user(instructor).get(url("analysis-csv", course, quiz_id=quiz.pk)))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["question"] == "'+SUM(1)"
    assert row["choices"].startswith("'+SUM(1) (key): 0; @SUM(1): 1")
    for cell in rows[1]:
        assert cell[:1] not in {"=", "+", "-", "@", "\t", "\r"}, cell


def test_the_gradebook_command_neutralises_formulas_too(course, class_quiz):
    _, take = class_quiz
    take(factories.UserFactory(username="@evil", email="+1@example.org"), "Grant")
    out = StringIO()
    call_command("export_gradebook", "--course", course.slug, stdout=out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["username"], row["email"]) == ("'@evil", "'+1@example.org")


def test_it_searches_the_roster_with_nul_and_control_characters_stripped(
    as_user, instructor, student, course
):
    # PostgreSQL refuses a NUL in a query: it was a 500.
    response = as_user(instructor).get(url("instructor", course), {"q": "stu\x00den\x07t"})
    assert response.status_code == 200
    assert 'value="student"' in response.text
    assert reverse("progress:student", kwargs={"slug": course.slug, "user_id": student.pk}) in (
        response.text
    )


# --- item statistics and the roster's table, cached until a write that changes them commits


def test_it_shows_new_item_statistics_after_a_regrade(
    as_user, instructor, course, class_quiz, django_capture_on_commit_callbacks
):
    quiz, take = class_quiz
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            take(factories.UserFactory(), "Grant" if n < 3 else "No one")
    client = as_user(instructor)
    assert (
        "Facility: <strong>0.25</strong>"
        in client.get(url("analysis", course, quiz_id=quiz.pk)).text
    )
    wrong = AttemptItem.objects.filter(attempt__quiz=quiz, score=0).first()
    with django_capture_on_commit_callbacks(execute=True):
        item_grade(item=wrong, fraction=1.0, comment="Accepted on appeal.", by=instructor)
    text = client.get(url("analysis", course, quiz_id=quiz.pk)).text
    assert "Facility: <strong>0.50</strong>" in text


def test_it_serves_item_statistics_from_the_cache_between_grading_writes(
    as_user, instructor, course, class_quiz
):
    quiz, take = class_quiz
    for _ in range(2):
        take(factories.UserFactory(), "No one")
    client = as_user(instructor)
    client.get(url("analysis", course, quiz_id=quiz.pk))
    # Behind grading's back: no version is set, so the stored counts still answer.
    AttemptItem.objects.filter(attempt__quiz=quiz).update(score=0.0)
    with CaptureQueriesContext(connection) as captured:
        text = client.get(url("analysis", course, quiz_id=quiz.pk)).text
    assert "Facility: <strong>1.00</strong>" in text
    assert not any("quizzes_attemptitem" in q["sql"] for q in captured.captured_queries)


def test_it_counts_item_statistics_afresh_when_attempts_are_deleted(
    as_user, instructor, course, class_quiz, django_capture_on_commit_callbacks
):
    quiz, take = class_quiz
    leaving = factories.UserFactory()
    take(leaving, "Grant")
    take(factories.UserFactory(), "No one")
    client = as_user(instructor)
    assert "2 answers" in client.get(url("analysis", course, quiz_id=quiz.pk)).text
    with django_capture_on_commit_callbacks(execute=True):
        leaving.delete()  # their attempts go with them
    text = client.get(url("analysis", course, quiz_id=quiz.pk)).text
    assert "1 answer" in text and "Facility: <strong>1.00</strong>" in text


def test_it_shows_new_progress_on_the_roster_once_it_commits(
    as_user, instructor, student, course, lessons, django_capture_on_commit_callbacks
):
    client = as_user(instructor)
    assert "<td>0%</td>" in client.get(url("instructor", course)).text
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=student, lesson=lessons[0])
    text = client.get(url("instructor", course)).text
    assert "<td>0%</td>" not in text and "<td>1</td>" in text


def test_it_serves_the_roster_table_from_the_cache_until_the_class_changes(
    as_user, instructor, student, course, class_quiz, django_capture_on_commit_callbacks
):
    quiz, _ = class_quiz
    client = as_user(instructor)
    client.get(url("instructor", course))
    # Behind the services' back: no version is set, so the stored table still answers.
    CourseProgress.objects.filter(course=course).bumped_by_caller().update(lessons_done=7)
    with CaptureQueriesContext(connection) as captured:
        assert "<td>7</td>" not in client.get(url("instructor", course)).text
    assert not any("progress_courseprogress" in q["sql"] for q in captured.captured_queries)
    # What the receivers catch: an enrollment, an override, a new username.
    with django_capture_on_commit_callbacks(execute=True):
        factories.EnrollmentFactory(user=factories.UserFactory(username="newcomer"), course=course)
    assert "newcomer" in client.get(url("instructor", course)).text
    with django_capture_on_commit_callbacks(execute=True):
        quiz_override_set(quiz=quiz, student=student, by=instructor, extra_attempts=1,
                          closes_at=None)  # fmt: skip
    assert "1 quiz override" in client.get(url("instructor", course)).text
    with django_capture_on_commit_callbacks(execute=True):
        student.username = "renamed"
        student.save()
    assert ">renamed<" in client.get(url("instructor", course)).text
    # The links to item analysis follow the course's quizzes.
    with django_capture_on_commit_callbacks(execute=True):
        factories.QuizFactory(course=course, title="Second quiz")
    assert ">Second quiz</a>" in client.get(url("instructor", course)).text


def test_it_keeps_each_page_of_the_roster_apart_in_the_cache(as_user, instructor, course):
    for user in factories.UserFactory.create_batch(51):
        factories.EnrollmentFactory(user=user, course=course)
    client = as_user(instructor)
    roster = url("instructor", course)
    # Each as the paginator reads it: a number, past the end or below it the last page,
    # anything else the first.
    for page, shown in [("", 1), ("2", 2), ("1", 1), ("-1", 2), ("99", 2), ("abc", 1), ("2", 2)]:
        text = client.get(roster, {"page": page} if page else {}).text
        assert f"Page {shown} of 2" in text, page


# --- the roster's plain address, kept whole per reader by the page cache --------------------


def visit_until_cached(client, page: str) -> str:
    """The first visit sets the CSRF cookie, the second renders and stores the page: the
    third is served from the page cache."""
    client.get(page)
    client.get(page)
    return client.get(page).text


def test_it_serves_the_roster_again_without_reading_a_row(
    as_user, instructor, student, course, django_assert_max_num_queries
):
    client = as_user(instructor)
    roster = url("instructor", course)
    page = visit_until_cached(client, roster)
    # The session only (database sessions in the tests; none with sessions in Redis, as in
    # production): not the user, not the course, not the class.
    with django_assert_max_num_queries(1):
        again = client.get(roster)
    assert again.text == page
    assert ">student<" in page and {"private", "no-store"} <= {
        part.strip() for part in again["Cache-Control"].split(",")
    }


def test_it_serves_other_sorts_and_pages_around_the_cached_table(
    as_user, instructor, course, django_assert_max_num_queries
):
    for user in factories.UserFactory.create_batch(51):
        factories.EnrollmentFactory(user=user, course=course)
    client = as_user(instructor)
    roster = url("instructor", course)
    for query, shown in (({"page": "2"}, "Page 2 of 2"), ({"sort": "-progress"}, "Page 1 of 2")):
        first = client.get(roster, query).text
        # session, user, the course if editable: no count, no rows, no quizzes (the table
        # and the links above it are cached; a query string is not a page-cached address)
        with django_assert_max_num_queries(3):
            again = client.get(roster, query).text
        assert shown in again
        assert table_of(again) == table_of(first)


def table_of(page: str) -> str:
    return page[page.index('<div id="roster">') :]


@pytest.mark.parametrize(
    "change",
    ["progress", "enrollment", "unenrollment", "override", "rename", "new quiz", "course title"],
)
def test_it_never_serves_a_cached_roster_the_class_has_moved_past(
    as_user, instructor, student, course, lessons, class_quiz, change,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    quiz, _ = class_quiz
    client = as_user(instructor)
    roster = url("instructor", course)
    page = visit_until_cached(client, roster)
    assert "<td>0%</td>" in page and ">student<" in page
    with django_capture_on_commit_callbacks(execute=True):
        if change == "progress":
            lesson_complete(user=student, lesson=lessons[0])
        elif change == "enrollment":
            factories.EnrollmentFactory(user=factories.UserFactory(username="late"), course=course)
        elif change == "unenrollment":
            course.enrollments.filter(user=student).delete()
        elif change == "override":
            quiz_override_set(quiz=quiz, student=student, by=instructor, extra_attempts=1,
                              closes_at=None)  # fmt: skip
        elif change == "rename":
            student.username = "renamed"
            student.save()
        elif change == "new quiz":
            factories.QuizFactory(course=course, title="Second quiz")
        else:
            course.title = "Unions, revised"
            course.save()
    text = client.get(roster).text
    shown = {
        "progress": "<td>0%</td>" not in text,
        "enrollment": ">late<" in text,
        "unenrollment": ">student<" not in text and "0 students" in text,
        "override": "1 quiz override" in text,
        "rename": ">renamed<" in text and ">student<" not in text,
        "new quiz": ">Second quiz</a>" in text,
        "course title": "Unions, revised" in text,
    }
    assert shown[change], text


def test_it_refuses_the_cached_roster_once_the_instructor_leaves_the_course(
    as_user, instructor, student, course, django_capture_on_commit_callbacks
):
    client = as_user(instructor)
    roster = url("instructor", course)
    assert ">student<" in visit_until_cached(client, roster)
    with django_capture_on_commit_callbacks(execute=True):
        course.staff.filter(user=instructor).delete()
    response = client.get(roster)
    assert response.status_code == 403
    assert ">student<" not in response.text


@pytest.mark.parametrize("change", ["no longer an admin", "deactivated"])
def test_it_refuses_the_cached_roster_once_an_admin_loses_the_right(
    as_user, admin, student, course, change, django_capture_on_commit_callbacks
):
    client = as_user(admin)
    roster = url("instructor", course)
    assert ">student<" in visit_until_cached(client, roster)
    with django_capture_on_commit_callbacks(execute=True):
        if change == "deactivated":
            admin.is_active = False
        else:
            admin.is_superuser = False
        admin.save()
    response = client.get(roster)
    assert response.status_code in {302, 403}  # deactivated: signed out, to the log-in page
    assert ">student<" not in response.text


def test_it_keeps_each_readers_cached_roster_their_own(
    as_user, instructor, student, other_instructor, course, admin
):
    co_teacher = factories.UserFactory(username="co_teacher")
    factories.CourseStaffFactory(user=co_teacher, course=course)
    roster = url("instructor", course)
    pages = {user.username: visit_until_cached(as_user(user), roster)
             for user in (instructor, co_teacher, admin)}  # fmt: skip
    for username, page in pages.items():
        # the header names the reader, and their own session's CSRF token is on the page
        assert f">{username}</a></li>" in page
        assert all(f">{other}</a></li>" not in page for other in pages if other != username)
    # Nobody else is served any of them, whatever is cached.
    for outsider in (student, other_instructor):
        client = as_user(outsider)
        for _ in range(3):
            response = client.get(roster)
            assert response.status_code == 403
            assert 'id="roster"' not in response.text


# --- the roster's rows ---------------------------------------------------------------------


def test_it_shows_each_student_once_with_this_courses_progress_only(
    as_user, instructor, student, course, other_course, lessons
):
    """A student with progress in another course only: one row here, at 0% and no activity
    (the progress read is this course's, or none)."""
    factories.EnrollmentFactory(user=student, course=other_course)
    lesson_complete(user=student, lesson=other_course.lessons.get())
    keen = factories.UserFactory(username="keen")
    factories.EnrollmentFactory(user=keen, course=course)
    lesson_complete(user=keen, lesson=lessons[0])
    client = as_user(instructor)
    text = client.get(url("instructor", course)).text
    assert "2 students" in text and text.count(">student</a>") == 1
    row = text[text.index(">student</a>") :]
    row = row[: row.index("</tr>")]
    assert "<td>0%</td>" in row and "<td>—</td>" in row
    # By progress: the student with none last going down, first going up.
    down = client.get(url("instructor", course), {"sort": "-progress"}).text
    assert down.index(">keen<") < down.index(">student<")
    up = client.get(url("instructor", course), {"sort": "progress"}).text
    assert up.index(">student<") < up.index(">keen<")
