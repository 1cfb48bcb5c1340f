"""Request types for views, so type checkers know about `request.htmx` and our User."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_htmx.middleware import HtmxDetails

    from course.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
    user: User | AnonymousUser  # type: ignore[assignment]


class AuthedRequest(HtmxHttpRequest):
    user: User  # type: ignore[assignment]
