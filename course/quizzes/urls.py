from __future__ import annotations

from django.urls import path

from course.quizzes.views import attempts, authoring, bank, results

app_name = "quizzes"

QUIZZES = "courses/<slug:slug>/quizzes/"
ATTEMPT = "attempts/<int:attempt_id>/"

BANK = "courses/<slug:slug>/questions/"

urlpatterns = [
    path(BANK, bank.bank, name="bank"),
    path(BANK + "export/", bank.bank_export, name="bank-export"),
    path(BANK + "import/", bank.bank_import, name="bank-import"),
    path(BANK + "new/", authoring.question_new, name="question-new"),
    path(BANK + "<int:question_id>/", authoring.question_edit, name="question-edit"),
    path(QUIZZES + "new/", authoring.quiz_edit, name="new"),
    path(QUIZZES + "<int:quiz_id>/", attempts.quiz_detail, name="quiz"),
    path(QUIZZES + "<int:quiz_id>/edit/", authoring.quiz_edit, name="edit"),
    path(QUIZZES + "<int:quiz_id>/slots/", authoring.quiz_slots_update, name="slots"),
    # A slot that draws questions at random from a concept (removed from "slots", as moved).
    path(QUIZZES + "<int:quiz_id>/slots/random/", authoring.random_slot_new, name="slot-random"),
    path(QUIZZES + "<int:quiz_id>/start/", attempts.attempt_start, name="start"),
    path(QUIZZES + "<int:quiz_id>/preview/", authoring.quiz_preview, name="preview"),
    path("courses/<slug:slug>/grading/", results.grading_queue, name="grading"),
    path("courses/<slug:slug>/grading/<int:item_id>/", results.grade_item, name="grade"),
    path(ATTEMPT, attempts.attempt_page, name="attempt"),
    path(ATTEMPT + "questions/<int:position>/", attempts.attempt_answer, name="answer"),
    path(ATTEMPT + "review/", attempts.attempt_review, name="review"),
    path(ATTEMPT + "submit/", attempts.attempt_submit, name="submit"),
    path(ATTEMPT + "results/", results.attempt_results, name="results"),
]
