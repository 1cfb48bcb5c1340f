"""The per-person page cache (course/pagecache.py): a repeated visit is served from the cache,
and nothing that changes what the page shows is ever served stale, to anyone."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import HASH_SESSION_KEY
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import include, path, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers

from course import pagecache
from course.accounts.models import Enrollment
from course.catalog.services import lesson_move, lesson_update
from course.quizzes.attempts import attempt_answer, attempt_start
from course.quizzes.models import Quiz
from tests import factories

# Versions are set when a change commits: these tests commit, as a request does.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=["db", "cache"], autouse=True)
def session_engine(request, settings):
    """Both ways a hit finds the session: loaded on its own (database sessions), or fetched
    with the page in one round trip (sessions in the cache, as in production)."""
    settings.SESSION_ENGINE = f"django.contrib.sessions.backends.{request.param}"
    return request.param


def lesson_url(lesson) -> str:
    return reverse("catalog:lesson", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk})


def complete_url(lesson) -> str:
    return reverse(
        "progress:lesson-complete", kwargs={"slug": lesson.course.slug, "lesson_id": lesson.pk}
    )


def warm(client, url: str) -> bytes:
    """Visit until the page is stored: the first visit sets the CSRF cookie, the second
    renders and stores the page; the third must be a hit."""
    client.get(url)
    client.get(url)
    return client.get(url).content


@pytest.fixture
def reader(as_user, student, lessons):
    """The student with the first lesson's page cached: (client, url)."""
    client = as_user(student)
    url = lesson_url(lessons[0])
    warm(client, url)
    return client, url


def test_a_third_visit_is_a_hit_that_reads_no_page_data(
    as_user, student, lessons, session_engine, django_assert_max_num_queries
):
    client = as_user(student)
    url = lesson_url(lessons[0])
    page = warm(client, url)
    with django_assert_max_num_queries(1 if session_engine == "db" else 0):
        again = client.get(url)
    assert again.content == page
    assert "Cookie" in again["Vary"]


def test_completing_the_lesson_shows_on_the_next_visit(as_user, student, lessons):
    client = as_user(student)
    url = lesson_url(lessons[0])
    assert "You completed this lesson" not in warm(client, url).decode()
    client.post(complete_url(lessons[0]), headers={"HX-Request": "true"})  # no message
    assert "You completed this lesson" in client.get(url).content.decode()


def test_an_instructors_edit_shows_to_a_reader_who_has_the_page_cached(reader, lessons):
    client, url = reader
    lesson_update(lesson=lessons[0], title="Renamed origins", objective="", body="New words.")
    page = client.get(url).content.decode()
    assert "Renamed origins" in page
    assert "New words." in page


def test_a_bulk_reorder_shows_on_the_instructors_cached_draft(as_user, instructor, draft_course):
    second = factories.LessonFactory(course=draft_course, position=2, title="Second lesson")
    client = as_user(instructor)
    url = lesson_url(second)
    assert "Lesson 2 of 2" in warm(client, url).decode()
    lesson_move(lesson=second, direction="up")
    assert "Lesson 1 of 2" in client.get(url).content.decode()


def test_each_reader_gets_their_own_page(as_user, student, lessons, course):
    other = factories.UserFactory(username="second_reader")
    factories.EnrollmentFactory(user=other, course=course)
    url = lesson_url(lessons[0])
    warm(as_user(student), url)
    page = warm(as_user(other), url).decode()
    assert "second_reader" in page
    assert ">student<" not in page


def test_a_session_replayed_after_logout_gets_no_cached_page(reader):
    client, url = reader
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    client.post(reverse("logout"))
    replay = Client()
    for name, value in cookies.items():
        replay.cookies[name] = value
    page = replay.get(url).content.decode()
    assert ">student<" not in page
    assert "Log in" in page


def test_a_password_change_elsewhere_signs_this_session_out(reader, student):
    client, url = reader
    student.set_password("a-new-password-1")
    student.save()
    page = client.get(url).content.decode()
    assert ">student<" not in page


def test_leaving_the_course_shows_on_the_next_visit(as_user, student, lessons, course):
    client = as_user(student)
    url = lesson_url(lessons[0])
    assert "Mark lesson complete" in warm(client, url).decode()
    Enrollment.objects.filter(user=student, course=course).delete()
    page = client.get(url).content.decode()
    assert "Mark lesson complete" not in page
    assert "You are reading as a guest" in page


def test_a_waiting_message_is_shown_not_a_cached_page(as_user, student, lessons):
    client = as_user(student)
    url = lesson_url(lessons[1])
    warm(client, url)
    client.post(complete_url(lessons[0]))  # without htmx: a message waits for the next page
    assert "marked complete" in client.get(url).content.decode()


def test_a_changed_session_auth_hash_is_not_served_the_cached_page(reader):
    client, url = reader
    session = client.session
    session[HASH_SESSION_KEY] = "forged"
    session.save()
    assert ">student<" not in client.get(url).content.decode()


def test_the_catalog_shows_a_newly_published_course_and_a_new_enrollment(
    as_user, student, other_course
):
    client = as_user(student)
    catalog = reverse("catalog:index")
    assert "Another course" in warm(client, catalog).decode()
    assert "0 of 1 lessons complete" not in client.get(catalog).content.decode()
    factories.EnrollmentFactory(user=student, course=other_course)
    assert "0 of 1 lessons complete" in client.get(catalog).content.decode()
    fresh = factories.CourseFactory(title="Freshly published", slug="fresh")
    factories.LessonFactory(course=fresh, position=1, title="Only lesson")
    assert "Freshly published" in client.get(catalog).content.decode()


def test_a_hit_carries_the_security_headers_and_its_length(reader):
    client, url = reader
    hit = client.get(url)
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in hit["Content-Security-Policy"]
    assert int(hit["Content-Length"]) == len(hit.content)


# Headers a hit may rightly differ from its miss in: each response's own. None is in a
# response's headers today (the test client, like Django, keeps cookies apart from them),
# and the pages stored set no cookie but the CSRF one, which a hit needs already.
PER_REQUEST_HEADERS = {
    "Set-Cookie",  # cookies belong to the response that set them, never replayed
    "Date",  # the time of the response, where a server adds one (the test client adds none)
}


@pagecache.per_person_page(course_kwarg=None)
def page_with_headers(request):
    """A cached page that sets headers of its own, as a view may."""
    get_token(request)  # a form on the page: the CSRF cookie the page cache needs
    response = HttpResponse(f"<p>{request.user.username}</p>", content_type="text/html")
    response["Content-Language"] = "en"
    response["X-Robots-Tag"] = "noindex"
    patch_vary_headers(response, ["Accept-Language"])
    patch_cache_control(response, max_age=0)
    return response


OWN_VERSION_KEY = "test:own-version"
renders: list[str] = []


@pagecache.per_person_page(course_kwarg=None)
def page_with_own_version(request):
    """A cached page that shows more than its course and its reader: it declares the version
    that covers the rest, as the roster declares the class's."""
    get_token(request)
    (version,) = pagecache.current_versions_of([OWN_VERSION_KEY])
    pagecache.page_depends_on(request, OWN_VERSION_KEY, version)
    renders.append(version)
    return HttpResponse(f"<p>{request.user.username} {version}</p>", content_type="text/html")


# This module is the URLconf of the tests below: the project's pages and the ones above.
urlpatterns = [
    path("headers-page/", page_with_headers, name="headers-page"),
    path("own-version-page/", page_with_own_version, name="own-version-page"),
    path("", include("course.urls")),
]


@pytest.mark.parametrize("name", ["headers-page", "catalog:index", "progress:dashboard"])
def test_a_hit_carries_the_headers_of_its_miss(
    as_user, student, settings, session_engine, django_assert_max_num_queries, name
):
    settings.ROOT_URLCONF = __name__
    client = as_user(student)
    url = reverse(name)
    client.get(url)  # sets the CSRF cookie
    miss = client.get(url)  # renders and stores the page
    with django_assert_max_num_queries(1 if session_engine == "db" else 0):  # a hit
        hit = client.get(url)
    assert hit.content == miss.content
    assert {k: v for k, v in hit.headers.items() if k not in PER_REQUEST_HEADERS} == {
        k: v for k, v in miss.headers.items() if k not in PER_REQUEST_HEADERS
    }
    if name == "headers-page":  # the view's own, on both
        assert hit["Content-Language"] == "en"
        assert hit["X-Robots-Tag"] == "noindex"
        assert "Accept-Language" in hit["Vary"]
        assert "max-age=0" in hit["Cache-Control"]


def test_a_new_csrf_cookie_gets_a_page_whose_forms_it_accepts(reader, lessons):
    """The cached page's forms carry tokens of the old CSRF secret: a session with another
    secret must get a page rendered for it, whose token its next POST passes with."""
    client, url = reader
    client.cookies["csrftoken"] = "x" * 32
    client.handler.enforce_csrf_checks = True
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    response = client.post(complete_url(lessons[0]), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_a_new_secret_key_serves_no_page_stored_under_the_old_one(reader, settings):
    client, url = reader
    pagecache._release.cache_clear()
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    try:
        page = client.get(url).content.decode()
    finally:
        pagecache._release.cache_clear()
    assert ">student<" not in page  # the session's auth hash no longer verifies


@pytest.fixture
def dashboard(as_user, student, course):
    """The student's dashboard, cached, with the course's concept core (shown there)."""
    course.concepts.update(core=True)
    client = as_user(student)
    url = reverse("progress:dashboard")
    warm(client, url)
    return client, url


def practice_quiz(course, **settings):
    question = factories.QuestionFactory(
        course=course, type="true_false", prompt="Claim.", options=["True", "False"], answer=True
    )
    question.concepts.add(course.concepts.get())
    return factories.quiz_with(course, [question], title="Practice me", **settings)


def test_the_dashboard_suggests_a_quiz_published_after_it_was_cached(dashboard, course):
    client, url = dashboard
    assert "Practice me" not in client.get(url).content.decode()
    practice_quiz(course)
    assert "Practice me" in client.get(url).content.decode()


def test_the_dashboard_shows_mastery_from_an_answer_checked_after_it_was_cached(
    dashboard, course, student
):
    quiz = practice_quiz(course, feedback_mode=Quiz.Feedback.IMMEDIATE)
    client, url = dashboard
    assert "Familiar" not in client.get(url).content.decode()
    attempt = attempt_start(quiz=quiz, user=student)
    attempt_answer(attempt=attempt, position=1, data=QueryDict("choice=true"), check=True)
    assert "Familiar" in client.get(url).content.decode()


def test_the_dashboard_offers_course_creation_once_permitted(dashboard, student):
    client, url = dashboard
    assert "New course from an abstract" not in client.get(url).content.decode()
    student.user_permissions.add(Permission.objects.get(codename="add_course"))
    assert "New course from an abstract" in client.get(url).content.decode()
    student.user_permissions.clear()
    assert "New course from an abstract" not in client.get(url).content.decode()


# --- a page that declares versions of its own (page_depends_on) -------------------------------


@pytest.fixture
def own_version_page(as_user, student, settings):
    """The student with `page_with_own_version` cached: (client, url)."""
    settings.ROOT_URLCONF = __name__
    client = as_user(student)
    url = reverse("own-version-page")
    warm(client, url)
    renders.clear()
    return client, url


def test_a_declared_version_is_fetched_with_the_page(
    own_version_page, session_engine, django_assert_max_num_queries
):
    client, url = own_version_page
    with django_assert_max_num_queries(1 if session_engine == "db" else 0):
        client.get(url)
    assert renders == []


def test_a_page_is_served_only_while_the_version_its_view_declared_holds(own_version_page):
    client, url = own_version_page
    before = client.get(url).content.decode()
    cache.set(OWN_VERSION_KEY, "changed", timeout=None)
    assert client.get(url).content.decode() == "<p>student changed</p>" != before
    assert renders == ["changed"]
    client.get(url)  # stored under the new version: a hit again
    assert renders == ["changed"]


def test_a_declared_version_gone_from_the_cache_is_a_miss(own_version_page):
    client, url = own_version_page
    cache.delete(OWN_VERSION_KEY)
    client.get(url)
    assert len(renders) == 1


def test_a_process_that_does_not_know_the_declared_keys_still_checks_them(
    own_version_page, monkeypatch
):
    """The keys a page declared are remembered per process to fetch them with the page; a
    worker that has not seen the page fetches them from what the page names."""
    client, url = own_version_page
    monkeypatch.setattr(pagecache, "_own_version_keys", {})
    client.get(url)
    assert renders == []  # still a hit: the version holds
    monkeypatch.setattr(pagecache, "_own_version_keys", {})
    cache.set(OWN_VERSION_KEY, "changed", timeout=None)
    assert client.get(url).content.decode() == "<p>student changed</p>"
