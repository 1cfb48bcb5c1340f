"""Workflows about people: sign-up. Enrollment and course staff are a course's people: see
`course.catalog.services`, beside the Course they are about.

Sign-up takes two steps so that it never says whether an address has an account: the first
asks only for the address and answers every one alike ("check your e-mail"); what is sent
differs. A new address gets a signed link to choose a username and password; an address
with an account gets a note to its owner with their username and the way to log in or reset
the password (as Django's password reset says nothing of unknown addresses). Whoever opens
the link has shown they read that inbox, so the second step may say what is taken."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from course.accounts.models import User

_SIGNUP_SALT = "lectern.accounts.signup"


@dataclass(frozen=True)
class SignupInvitation:
    """What a sign-up link carries: the address it was sent to, and where to go after."""

    email: str
    next_url: str


def signup_token(*, email: str, next_url: str = "") -> str:
    # Signed, not stored: nothing waits in the database for a link nobody opens. It holds
    # no secret, only the address it was mailed to and a page of this site.
    return signing.dumps({"email": email, "next": next_url}, salt=_SIGNUP_SALT, compress=True)


def signup_invitation(token: str) -> SignupInvitation | None:
    """The invitation a link carries, or None for a forged or expired one (as long as a
    password reset link lasts)."""
    try:
        data = signing.loads(token, salt=_SIGNUP_SALT, max_age=settings.PASSWORD_RESET_TIMEOUT)
    except signing.BadSignature:  # expired ones too (SignatureExpired)
        return None
    if not isinstance(data, dict) or not isinstance(data.get("email"), str):
        return None
    return SignupInvitation(email=data["email"], next_url=str(data.get("next") or ""))


def email_has_account(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def signup_start(*, email: str, next_url: str, absolute_url: Callable[[str], str]) -> None:
    """Mail the address what it needs to go on: a link to finish signing up, or, when an
    account already uses it, a note saying so. The caller answers the same either way.
    `absolute_url` makes a link of a path (the request's `build_absolute_uri`)."""
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        link = absolute_url(
            reverse("signup_finish", kwargs={"token": signup_token(email=email, next_url=next_url)})
        )
        subject = "Finish signing up to Lectern"
        body = render_to_string(
            "registration/signup_email.txt",
            {"link": link, "days": settings.PASSWORD_RESET_TIMEOUT // 86_400},
        )
    else:
        login = reverse("login") + (f"?{urlencode({'next': next_url})}" if next_url else "")
        subject = "You already have a Lectern account"
        body = render_to_string(
            "registration/signup_existing_email.txt",
            {
                "username": existing.username,
                "login": absolute_url(login),
                "reset": absolute_url(reverse("password_reset")),
            },
        )
    send_mail(subject, body, None, [email])


def user_signup(*, username: str, email: str, password: str) -> User:
    """Everyone who signs up is a student; instructors are made by admins, per course."""
    return User.objects.create_user(username=username, email=email, password=password)
