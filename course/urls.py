from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_GET

admin.site.site_header = "Lectern administration"
admin.site.site_title = "Lectern admin"


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    # Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says.
    return redirect(static("favicon.svg"), permanent=True)


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    # Liveness for load balancers, and the benchmark's ceiling: the same middleware as every
    # page, no database, no template.
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("favicon.ico", favicon),
    path("healthz", healthz, name="healthz"),
    path("", include("course.catalog.urls")),
    path("", include("course.progress.urls")),
    path("", include("course.quizzes.urls")),
    path("", include("course.discussions.urls")),
    path("accounts/", include("course.accounts.urls")),
    path("admin/", admin.site.urls),
]
