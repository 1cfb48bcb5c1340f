"""Old course addresses: a course whose slug changed answers its old slug's URLs with a
permanent redirect to the same page under the new slug.

Only a 404 costs a query here: every course page looks its course up by the current slug
first, and only when that finds nothing is the old slug looked for. A draft's old address
redirects only its editors: to anyone else the draft stays a 404.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from course.catalog.access import can_edit
from course.catalog.models import CourseSlugAlias

# "/courses/<slug>/…": the course's own pages and everything under them.
COURSE_PATH = re.compile(r"^/courses/(?P<slug>[-a-zA-Z0-9_]+)/(?P<rest>.*)$")


class CourseSlugRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        match = COURSE_PATH.match(request.path_info)
        if match is None:
            return response
        alias = CourseSlugAlias.objects.filter(slug=match["slug"]).select_related("course").first()
        if alias is None:
            return response
        # A draft's new address is for its editors only, as the draft is.
        user = getattr(request, "user", None)
        if not alias.course.is_published and (user is None or not can_edit(user, alias.course)):
            return response
        query = request.META.get("QUERY_STRING", "")
        location = (
            f"{request.META.get('SCRIPT_NAME', '')}/courses/{alias.course.slug}/{match['rest']}"
        )
        return HttpResponsePermanentRedirect(f"{location}?{query}" if query else location)
