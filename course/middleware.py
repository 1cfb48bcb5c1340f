"""Project middleware."""

from __future__ import annotations

from collections.abc import Callable

from csp.constants import UNSAFE_INLINE
from django.http import HttpRequest, HttpResponse


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
            response._csp_update = {"style-src": [UNSAFE_INLINE]}  # type: ignore[attr-defined]
        return response
