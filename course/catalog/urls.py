"""The catalog's own actions on a course. Their names are in the "catalog" namespace, which
`course/urls.py` makes of these and of the course pages the floors above serve."""

from __future__ import annotations

from django.urls import path

from course.catalog import views

COURSE = "courses/<slug:slug>/"

urlpatterns = [
    path(COURSE + "enroll/", views.course_enroll, name="enroll"),
]
