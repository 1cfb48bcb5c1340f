"""`make bench`'s write floor: the least a signed-in, durable write can cost on this machine.

The view reads the session (who is asking), runs one primary-key UPDATE of that person's
own row in autocommit and answers "ok": no ORM, no template, no user lookup. Whatever a
real write such as checking a quiz answer adds (grading, locking, mastery, the feedback
partial) comes on top, so its ratio to the ceiling cannot be higher than this one's.
Served only by the benchmark's own gunicorn (tests/load/floor_settings.py), never by
Lectern.
"""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.http import require_POST


@require_POST
def write_floor(request: HttpRequest) -> HttpResponse:
    user_id = request.session.get(SESSION_KEY)
    if user_id is None:
        return HttpResponse("sign in", status=403)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_user SET last_login = %s WHERE id = %s", [timezone.now(), user_id]
        )
    return HttpResponse("ok")


urlpatterns = [path("bench/write-floor", write_floor), path("", include("course.urls"))]
