"""Workflows about people: sign-up. Enrollment and course staff are a course's people: see
`course.catalog.services`, beside the Course they are about."""

from __future__ import annotations

from course.accounts.models import User


def user_signup(*, username: str, email: str, password: str) -> User:
    """Everyone who signs up is a student; instructors are made by admins, per course."""
    return User.objects.create_user(username=username, email=email, password=password)
