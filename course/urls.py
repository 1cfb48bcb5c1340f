from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Lectern administration"
admin.site.site_title = "Lectern admin"

urlpatterns = [
    path("", include("course.catalog.urls")),
    path("", include("course.progress.urls")),
    path("accounts/", include("course.accounts.urls")),
    path("admin/", admin.site.urls),
]
