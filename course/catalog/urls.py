from __future__ import annotations

from django.urls import path

from course.catalog.views import pages, review

app_name = "catalog"

COURSE = "courses/<slug:slug>/"
REVIEW = COURSE + "review/"

urlpatterns = [
    path("", pages.index, name="index"),
    path("courses/new/", review.course_new, name="new"),
    path(COURSE, pages.course_detail, name="course"),
    path(COURSE + "enroll/", pages.course_enroll, name="enroll"),
    path(COURSE + "publish/", pages.course_publish_view, name="publish"),
    path(COURSE + "lessons/<int:lesson_id>/", pages.lesson_detail, name="lesson"),
    path(REVIEW, review.course_review, name="review"),
    path(REVIEW + "lessons/<int:lesson_id>/", review.lesson_update, name="lesson-update"),
    path(REVIEW + "lessons/<int:lesson_id>/move/", review.lesson_move, name="lesson-move"),
    path(REVIEW + "lessons/<int:lesson_id>/merge/", review.lesson_merge, name="lesson-merge"),
    path(REVIEW + "lessons/<int:lesson_id>/split/", review.lesson_split, name="lesson-split"),
    path(REVIEW + "concepts/", review.concept_add, name="concept-add"),
    path(REVIEW + "source/restore/", review.removed_restore, name="removed-restore"),
    path(REVIEW + "questions/more/", review.questions_more, name="questions-more"),
    path(REVIEW + "questions/<int:question_id>/", review.question_update, name="question-update"),
    path(
        REVIEW + "questions/<int:question_id>/accept/",
        review.question_accept,
        name="question-accept",
    ),
    path(
        REVIEW + "questions/<int:question_id>/delete/",
        review.question_delete,
        name="question-delete",
    ),
    path(
        REVIEW + "questions/<int:question_id>/regenerate/",
        review.question_regenerate,
        name="question-regenerate",
    ),
    path(REVIEW + "prompts/<int:prompt_id>/", review.prompt_update, name="prompt-update"),
    path(REVIEW + "prompts/<int:prompt_id>/delete/", review.prompt_delete, name="prompt-delete"),
    path(
        REVIEW + "prompts/<int:prompt_id>/regenerate/",
        review.prompt_regenerate,
        name="prompt-regenerate",
    ),
]
