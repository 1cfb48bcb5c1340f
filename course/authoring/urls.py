"""The review workspace's pages. Their names stay in the "catalog" namespace, as before the
workspace left the catalog: `course/urls.py` puts them there, first (see its comment)."""

from __future__ import annotations

from django.urls import path

from course.authoring import views

COURSE = "courses/<slug:slug>/"
REVIEW = COURSE + "review/"

urlpatterns = [
    path("courses/new/", views.course_new, name="new"),
    path(REVIEW, views.course_review, name="review"),
    path(REVIEW + "lessons/<int:lesson_id>/", views.lesson_update, name="lesson-update"),
    path(REVIEW + "lessons/<int:lesson_id>/move/", views.lesson_move, name="lesson-move"),
    path(REVIEW + "lessons/<int:lesson_id>/merge/", views.lesson_merge, name="lesson-merge"),
    path(REVIEW + "lessons/<int:lesson_id>/split/", views.lesson_split, name="lesson-split"),
    path(REVIEW + "concepts/", views.concept_add, name="concept-add"),
    path(REVIEW + "source/restore/", views.removed_restore, name="removed-restore"),
    path(REVIEW + "questions/more/", views.questions_more, name="questions-more"),
    path(REVIEW + "questions/<int:question_id>/", views.question_update, name="question-update"),
    path(
        REVIEW + "questions/<int:question_id>/accept/",
        views.question_accept,
        name="question-accept",
    ),
    path(
        REVIEW + "questions/<int:question_id>/delete/",
        views.question_delete,
        name="question-delete",
    ),
    path(
        REVIEW + "questions/<int:question_id>/regenerate/",
        views.question_regenerate,
        name="question-regenerate",
    ),
    path(REVIEW + "prompts/<int:prompt_id>/", views.prompt_update, name="prompt-update"),
    path(REVIEW + "prompts/<int:prompt_id>/delete/", views.prompt_delete, name="prompt-delete"),
    path(
        REVIEW + "prompts/<int:prompt_id>/regenerate/",
        views.prompt_regenerate,
        name="prompt-regenerate",
    ),
]
