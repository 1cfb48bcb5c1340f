"""Progress pages ("progress:" names), and the reader's course pages, which keep their
"catalog:" names: `course/urls.py` puts `course_pages` in that namespace."""

from __future__ import annotations

from django.urls import path

from course.progress import instructor, views

app_name = "progress"

COURSE = "courses/<slug:slug>/"
# A student's override of one quiz's rules (extra attempts, a later close date).
OVERRIDE = COURSE + "students/<int:user_id>/quizzes/<int:quiz_id>/override/"

urlpatterns = [
    path(COURSE + "students/", instructor.course_students, name="instructor"),
    path(COURSE + "students/<int:user_id>/", instructor.student_detail, name="student"),
    path(OVERRIDE, instructor.override_set, name="override"),
    path(OVERRIDE + "delete/", instructor.override_delete, name="override-delete"),
    path(COURSE + "mastery/", instructor.mastery_heatmap, name="heatmap"),
    path(COURSE + "gradebook.csv", instructor.gradebook_csv, name="gradebook"),
    path(COURSE + "quizzes/<int:quiz_id>/analysis/", instructor.quiz_analysis, name="analysis"),
    path(
        COURSE + "quizzes/<int:quiz_id>/analysis.csv",
        instructor.quiz_analysis_csv,
        name="analysis-csv",
    ),
    path("dashboard/", views.dashboard, name="dashboard"),
    path(
        "courses/<slug:slug>/lessons/<int:lesson_id>/complete/",
        views.lesson_complete_view,
        name="lesson-complete",
    ),
]

# Named in the "catalog" namespace (course/urls.py).
course_pages = [
    path("", views.index, name="index"),
    path(COURSE, views.course_detail, name="course"),
    path(COURSE + "lessons/<int:lesson_id>/", views.lesson_detail, name="lesson"),
]
