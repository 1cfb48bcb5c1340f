"""Project middleware."""

from __future__ import annotations

from collections.abc import Callable

from csp.constants import UNSAFE_INLINE
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class AdminStyleCSPMiddleware:
    """Let the Django admin's own markup use inline styles.

    The admin's templates and widgets set `style` attributes (collapsed fieldsets, the
    autocomplete widget), which the strict policy blocks. Only styles, only under the admin,
    which only staff reach; scripts stay origin-only everywhere. Sits after
    CSPMiddleware so its response hook runs first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            # django-csp reads this attribute of the response (its documented per-view hook)
            response._csp_update = {"style-src": [UNSAFE_INLINE]}  # type: ignore[attr-defined]
        return response


class PrivatePagesMiddleware:
    """Every response to a signed-in person says `Cache-Control: private, no-store`.

    Their pages are theirs alone (results with the answer keys, the gradebook, their
    progress): no shared cache may keep one, and no browser may keep one on disk for the
    next person at a shared computer. Guests' pages are left cacheable. Sits after the
    authentication middleware; the page cache marks the pages it serves itself, since it
    answers before authentication runs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            mark_private(response)
        return response


def mark_private(response: HttpResponse) -> None:
    patch_cache_control(response, private=True, no_store=True)
