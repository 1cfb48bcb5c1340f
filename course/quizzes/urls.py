from __future__ import annotations

from django.urls import path

from course.quizzes import views

app_name = "quizzes"

QUIZZES = "courses/<slug:slug>/quizzes/"
ATTEMPT = "attempts/<int:attempt_id>/"

BANK = "courses/<slug:slug>/questions/"

urlpatterns = [
    path(BANK, views.bank, name="bank"),
    path(BANK + "export/", views.bank_export, name="bank-export"),
    path(BANK + "import/", views.bank_import, name="bank-import"),
    path(BANK + "new/", views.question_new, name="question-new"),
    path(QUIZZES + "new/", views.quiz_edit, name="new"),
    path(QUIZZES + "<int:quiz_id>/", views.quiz_detail, name="quiz"),
    path(QUIZZES + "<int:quiz_id>/edit/", views.quiz_edit, name="edit"),
    path(QUIZZES + "<int:quiz_id>/start/", views.attempt_start, name="start"),
    path(QUIZZES + "<int:quiz_id>/preview/", views.quiz_preview, name="preview"),
    path("courses/<slug:slug>/grading/", views.grading_queue, name="grading"),
    path("courses/<slug:slug>/grading/<int:item_id>/", views.grade_item, name="grade"),
    path(ATTEMPT, views.attempt_page, name="attempt"),
    path(ATTEMPT + "questions/<int:position>/", views.attempt_answer, name="answer"),
    path(ATTEMPT + "review/", views.attempt_review, name="review"),
    path(ATTEMPT + "submit/", views.attempt_submit, name="submit"),
    path(ATTEMPT + "results/", views.attempt_results, name="results"),
]
