from __future__ import annotations

from django.urls import path

from course.progress import views

app_name = "progress"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path(
        "courses/<slug:slug>/lessons/<int:lesson_id>/complete/",
        views.lesson_complete_view,
        name="lesson-complete",
    ),
]
