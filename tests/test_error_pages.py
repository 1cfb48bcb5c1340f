"""403, 404, 500 and an expired form: pages in the site's layout that say what happened and
offer a way on, never a bare line of text. The 500 page renders without the database or the
request, since either may be what failed."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import path, reverse
from django.views.defaults import server_error

from course import urls as project_urls

STYLESHEET = 'rel="stylesheet" href="/static/css/lectern.css"'


def _fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the view broke")


# The project's URLs and one view that fails (the 500 page links to the project's pages).
urlpatterns = [path("boom/", _fails), *project_urls.urlpatterns]


def in_layout(html: str) -> bool:
    return STYLESHEET in html and '<header class="site-header">' in html and 'id="main"' in html


@pytest.mark.django_db
def test_a_404_is_a_page_with_ways_on(as_user, student):
    response = as_user(student).get("/courses/no-such-course/")
    assert response.status_code == 404
    html = response.text
    assert in_layout(html)
    assert '<h1 id="error-heading">Page not found</h1>' in html
    assert f'href="{reverse("progress:dashboard")}">Your dashboard</a>' in html
    assert f'href="{reverse("catalog:index")}">All courses</a>' in html
    # "Back" needs the browser's history: offered by static/js/lectern.js, hidden without it.
    assert '<li hidden><a href="/" data-back>' in html
    assert "No such course." not in html  # what the code said is for the log, not the reader


@pytest.mark.django_db
def test_a_404_for_a_guest_offers_to_log_in(client, db):
    html = client.get("/no/such/page/").text
    assert in_layout(html)
    assert f'href="{reverse("login")}">Log in</a>' in html
    assert "Your dashboard" not in html


@pytest.mark.django_db
def test_a_403_says_why_in_the_words_of_the_refusal(as_user, student, course):
    response = as_user(student).get(reverse("catalog:review", kwargs={"slug": course.slug}))
    assert response.status_code == 403
    html = response.text
    assert in_layout(html)
    assert (
        '<h1 id="error-heading">You can\N{RIGHT SINGLE QUOTATION MARK}t open this page</h1>' in html
    )
    assert "Only the course&#x27;s instructors and admins can change it." in html
    assert "You are signed in as <strong>student</strong>" in html
    assert f'href="{reverse("progress:dashboard")}">Your dashboard</a>' in html


@pytest.mark.django_db
def test_an_expired_form_says_what_to_do(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    assert in_layout(response.text)
    assert "This form has expired" in response.text
    assert "reload the page" in response.text


def test_the_500_page_needs_neither_the_database_nor_the_request():
    """No `db` fixture: a query here would fail the test. Rendered as Django's handler
    renders it, without a request context: the header names no one."""
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert in_layout(html)
    assert "Something went wrong on our side" in html
    assert f'href="{reverse("progress:dashboard")}">Your dashboard</a>' in html
    assert "Log out" not in html and "Log in" not in html and "Sign up" not in html
    assert "data-always-fresh" not in html


@pytest.mark.urls(__name__)
def test_a_failing_view_answers_with_the_500_page_and_the_usual_headers():
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert "script-src 'self'" in response["Content-Security-Policy"]
