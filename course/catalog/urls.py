from __future__ import annotations

from django.urls import path

from course.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.index, name="index"),
    path("courses/<slug:slug>/", views.course_detail, name="course"),
    path("courses/<slug:slug>/enroll/", views.course_enroll, name="enroll"),
    path("courses/<slug:slug>/publish/", views.course_publish_view, name="publish"),
    path("courses/<slug:slug>/lessons/<int:lesson_id>/", views.lesson_detail, name="lesson"),
]
