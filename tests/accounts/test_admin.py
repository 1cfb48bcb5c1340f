"""The Django admin for admins: managing courses, people, enrollments and course staff."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:catalog_course_changelist",
        "admin:catalog_lesson_changelist",
        "admin:catalog_concept_changelist",
        "admin:accounts_user_changelist",
        "admin:accounts_enrollment_changelist",
        "admin:accounts_coursestaff_changelist",
        "admin:progress_lessoncompletion_changelist",
    ],
)
def test_it_lets_admins_manage_everything_with_search(as_user, admin, student, name):
    response = as_user(admin).get(reverse(name), {"q": "a"})
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["student", "instructor"])
def test_it_keeps_everyone_else_out_of_the_admin(as_user, request, persona):
    response = as_user(request.getfixturevalue(persona)).get(reverse("admin:index"))
    assert response.status_code == 302


def test_it_enrolls_a_list_of_emails_in_bulk(as_user, admin, course, other_student):
    existing = factories.UserFactory(username="Mixed", email="Mixed.Case@Example.org")
    client = as_user(admin)
    url = reverse("admin:catalog_course_changelist")
    data = {"action": "enroll_emails_action", ACTION_CHECKBOX_NAME: [course.pk]}
    form_page = client.post(url, data)
    assert form_page.status_code == 200
    assert "Enroll people in" in form_page.text
    emails = f"{other_student.email}\nmixed.case@example.org, nobody@example.org"
    response = client.post(url, {**data, "apply": "1", "emails": emails}, follow=True)
    assert response.status_code == 200
    assert "Enrolled 2; already enrolled 0." in response.text
    assert "No account for: nobody@example.org" in response.text
    enrolled = set(course.enrollments.values_list("user__username", flat=True))
    assert {other_student.username, existing.username} <= enrolled


def test_it_rejects_malformed_emails_in_the_bulk_action(as_user, admin, course):
    client = as_user(admin)
    url = reverse("admin:catalog_course_changelist")
    data = {"action": "enroll_emails_action", ACTION_CHECKBOX_NAME: [course.pk], "apply": "1"}
    response = client.post(url, {**data, "emails": "not-an-email"})
    assert response.status_code == 200
    assert "Not email addresses: not-an-email" in response.text
    assert not course.enrollments.exists()


def test_it_makes_someone_an_instructor_of_a_course(as_user, admin, course, other_student):
    client = as_user(admin)
    response = client.post(
        reverse("admin:accounts_coursestaff_add"), {"user": other_student.pk, "course": course.pk}
    )
    assert response.status_code == 302
    assert course.staff.filter(user=other_student).exists()
