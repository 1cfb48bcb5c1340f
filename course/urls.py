from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_GET

from course.authoring import urls as authoring_urls
from course.catalog import urls as catalog_urls
from course.progress import urls as progress_urls

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


# "catalog:" names every page of a course in the catalog, whichever floor serves it (README,
# "Layout"): the review workspace (authoring), the reader's pages that show their progress
# (progress) and the catalog's own actions. One namespace, put together here above the apps.
# The workspace comes first: its "courses/new/" must win over the course page's
# "courses/<slug>/".
catalog_pages = [
    *authoring_urls.urlpatterns,
    *progress_urls.course_pages,
    *catalog_urls.urlpatterns,
]

urlpatterns = [
    path("favicon.ico", favicon),
    path("healthz", healthz, name="healthz"),
    path("", include((catalog_pages, "catalog"))),
    path("", include("course.progress.urls")),
    path("", include("course.quizzes.urls")),
    path("", include("course.discussions.urls")),
    path("accounts/", include("course.accounts.urls")),
    path("admin/", admin.site.urls),
]
