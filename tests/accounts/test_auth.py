"""Sign up, log in, log out, change and reset a password."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from course.accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a much longer passphrase 42"


def test_it_signs_up_a_student_and_logs_them_in(client):
    response = client.post(
        reverse("signup"),
        {
            "username": "newbie",
            "email": "newbie@example.org",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="newbie")
    assert not user.is_staff and not user.is_superuser
    assert not user.staff_roles.exists()
    assert client.get(reverse("progress:dashboard")).status_code == 200


def test_it_follows_a_safe_next_after_sign_up_only(client, course):
    data = {
        "username": "a",
        "email": "a@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    response = client.post(reverse("signup") + "?next=https://evil.example/", data)
    assert response["Location"] == reverse("catalog:index")
    client.post(reverse("logout"))
    data |= {"username": "b", "email": "b@example.org", "next": course.get_absolute_url()}
    response = client.post(reverse("signup"), data)
    assert response["Location"] == course.get_absolute_url()


def test_it_rejects_an_email_already_used_in_any_case(client, student):
    response = client.post(
        reverse("signup"),
        {
            "username": "copycat",
            "email": student.email.upper(),
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "already exists" in response.text
    assert not User.objects.filter(username="copycat").exists()


def test_it_rejects_a_double_submitted_sign_up_without_a_second_account(client):
    data = {
        "username": "twice",
        "email": "twice@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    client.post(reverse("signup"), data)
    client.post(reverse("logout"))
    response = client.post(reverse("signup"), data)
    assert response.status_code == 200
    assert User.objects.filter(username="twice").count() == 1


def test_it_refuses_other_methods_on_sign_up(client):
    assert client.put(reverse("signup")).status_code == 405


def test_it_logs_in_and_out(client, student):
    response = client.post(reverse("login"), {"username": "student", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("progress:dashboard")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("progress:dashboard")).status_code == 302


def test_it_refuses_logging_out_by_get(client, student):
    client.force_login(student)
    assert client.get(reverse("logout")).status_code == 405


def test_it_changes_a_password(client, student):
    client.force_login(student)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password(NEW_PASSWORD)


def test_it_resets_a_password_by_email(client, student):
    response = client.post(reverse("password_reset"), {"email": student.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password(NEW_PASSWORD)


def test_it_says_nothing_about_unknown_reset_addresses(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "If an account uses that address" in response.text
    assert mail.outbox == []
