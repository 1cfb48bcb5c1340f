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


def sign_up_link(client, email: str, **extra: str) -> str:
    """The first step, and the link it mailed: the path of the second."""
    response = client.post(reverse("signup"), {"email": email, **extra})
    assert response.status_code == 302
    assert response["Location"] == reverse("signup_sent")
    (link,) = re.findall(r"http://testserver(/accounts/signup/finish/\S+/)", mail.outbox[-1].body)
    return link


def finish(client, link: str, username: str = "newbie", password: str = NEW_PASSWORD):
    return client.post(link, {"username": username, "password1": password, "password2": password})


def test_it_signs_up_a_student_through_the_mailed_link_and_logs_them_in(client):
    link = sign_up_link(client, "newbie@example.org")
    assert mail.outbox[0].to == ["newbie@example.org"]
    assert not User.objects.exists()  # nothing until the link is used
    page = client.get(link)
    assert page.status_code == 200
    assert "newbie@example.org" in page.text and "Create account" in page.text
    response = finish(client, link)
    assert response.status_code == 302
    user = User.objects.get(username="newbie")
    assert user.email == "newbie@example.org" and user.check_password(NEW_PASSWORD)
    assert not user.is_staff and not user.is_superuser
    assert not user.staff_roles.exists()
    assert client.get(reverse("progress:dashboard")).status_code == 200


def test_it_answers_an_address_with_an_account_as_any_other(client, student):
    """No account enumeration: the same redirect and the same page for a new address and
    one in use (in any case); only the mail differs, and it goes to the address's owner."""
    new = client.post(reverse("signup"), {"email": "someone.new@example.org"})
    used = client.post(reverse("signup"), {"email": student.email.upper()})
    assert new.status_code == used.status_code == 302
    assert new["Location"] == used["Location"] == reverse("signup_sent")
    page = client.get(reverse("signup_sent")).text
    assert "Check your e-mail to finish" in page
    assert student.email not in page and student.username not in page
    invite, note = mail.outbox
    assert "/accounts/signup/finish/" in invite.body
    assert note.to == [student.email.upper()]
    assert f"Your username is: {student.username}" in note.body
    assert "/accounts/password_reset/" in note.body
    assert "/accounts/signup/finish/" not in note.body  # no second account for it
    assert User.objects.count() == 1


def test_it_keeps_the_form_for_an_address_that_is_not_one(client):
    response = client.post(reverse("signup"), {"email": "not an address"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert mail.outbox == []


def test_it_says_a_username_is_taken_only_on_the_linked_page(client, student):
    link = sign_up_link(client, "newbie@example.org")
    response = finish(client, link, username=student.username.upper())
    assert response.status_code == 200
    assert "A user with that username already exists." in response.text
    assert not User.objects.filter(email="newbie@example.org").exists()


def test_it_checks_the_password_against_the_address(client):
    link = sign_up_link(client, "plovdiv.reader@example.org")
    response = finish(client, link, password="plovdiv.reader")
    assert response.status_code == 200
    assert "too similar" in response.text
    assert not User.objects.exists()


def test_it_follows_a_safe_next_after_sign_up_only(client, course):
    link = sign_up_link(client, "a@example.org", next="https://evil.example/")
    assert finish(client, link, username="a")["Location"] == reverse("catalog:index")
    client.post(reverse("logout"))
    link = sign_up_link(client, "b@example.org", next=course.get_absolute_url())
    assert finish(client, link, username="b")["Location"] == course.get_absolute_url()


def test_a_link_used_twice_makes_no_second_account(client):
    link = sign_up_link(client, "twice@example.org")
    finish(client, link, username="twice")
    client.post(reverse("logout"))
    again = client.get(link)
    assert "You already have an account" in again.text
    response = finish(client, link, username="twice-again")
    assert response.status_code == 200
    assert "You already have an account" in response.text
    assert User.objects.filter(email="twice@example.org").count() == 1


@pytest.mark.parametrize("tamper", ["forged", "expired"])
def test_it_refuses_a_forged_or_expired_link(client, settings, tamper):
    link = sign_up_link(client, "late@example.org")
    if tamper == "forged":
        link = link.replace("finish/", "finish/x")
    else:
        settings.PASSWORD_RESET_TIMEOUT = -1  # every link already expired
    response = finish(client, link)
    assert response.status_code == 200
    assert "This link does not work" in response.text
    assert not User.objects.exists()


def test_it_refuses_other_methods_on_sign_up(client):
    assert client.put(reverse("signup")).status_code == 405
    assert client.post(reverse("signup_sent")).status_code == 405
    finish_url = reverse("signup_finish", kwargs={"token": "anything"})
    assert client.put(finish_url).status_code == 405


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
