"""The review workspace's pages. Their names stay in the "catalog" namespace, as before the
workspace left the catalog: `course/urls.py` puts them there, first (see its comment)."""

from __future__ import annotations

from django.urls import path

from course.authoring.views import bulk, generation, items, settings, structure, workspace

COURSE = "courses/<slug:slug>/"
REVIEW = COURSE + "review/"
QUESTION = REVIEW + "questions/<int:question_id>/"
PROMPT = REVIEW + "prompts/<int:prompt_id>/"
SETTINGS = COURSE + "settings/"

urlpatterns = [
    # The form, and (for a long paste, made in the background) the page of its progress.
    path("courses/new/", generation.course_new, name="new"),
    path("courses/new/jobs/<int:job_id>/", generation.generation_job, name="generation-job"),
    path(REVIEW, workspace.course_review, name="review"),
    path(REVIEW + "lessons/<int:lesson_id>/", structure.lesson_update, name="lesson-update"),
    path(REVIEW + "lessons/<int:lesson_id>/move/", structure.lesson_move, name="lesson-move"),
    path(REVIEW + "lessons/<int:lesson_id>/merge/", structure.lesson_merge, name="lesson-merge"),
    path(REVIEW + "lessons/<int:lesson_id>/split/", structure.lesson_split, name="lesson-split"),
    path(REVIEW + "concepts/", structure.concept_add, name="concept-add"),
    # The question bank's bulk actions (the bank is the quizzes app's page; deleting keeps
    # the questions as the workspace does, which only this app may compose).
    path(COURSE + "questions/bulk/", bulk.bank_bulk, name="bank-bulk"),
    path(REVIEW + "source/restore/", structure.removed_restore, name="removed-restore"),
    path(REVIEW + "questions/more/", structure.questions_more, name="questions-more"),
    path(QUESTION, items.question_update, name="question-update"),
    path(QUESTION + "accept/", items.question_accept, name="question-accept"),
    # GET asks first (a dialog with htmx, a page without); POST does it, keeping the old one.
    path(QUESTION + "delete/", items.question_delete, name="question-delete"),
    path(QUESTION + "regenerate/", items.question_regenerate, name="question-regenerate"),
    path(
        QUESTION + "regenerate-copy/",
        items.question_regenerate_copy,
        name="question-regenerate-copy",
    ),
    path(PROMPT, items.prompt_update, name="prompt-update"),
    path(PROMPT + "delete/", items.prompt_delete, name="prompt-delete"),
    path(PROMPT + "regenerate/", items.prompt_regenerate, name="prompt-regenerate"),
    path(PROMPT + "regenerate-copy/", items.prompt_regenerate_copy, name="prompt-regenerate-copy"),
    # Undo: put back a deleted or replaced question or prompt.
    path(
        REVIEW + "removed/<int:removed_id>/restore/",
        items.removed_item_restore,
        name="removed-item-restore",
    ),
    # The course's settings (an instructor's, not the admin's), each action back to them.
    path(SETTINGS, settings.course_settings, name="settings"),
    # GET: the checklist of what is unfinished; POST publishes (past it only when asked).
    path(COURSE + "publish/", settings.course_publish, name="publish"),
    path(COURSE + "unpublish/", settings.course_unpublish, name="unpublish"),
    path(COURSE + "delete/", settings.course_delete, name="course-delete"),
    path(SETTINGS + "lessons/", settings.lesson_add, name="settings-lesson-add"),
    path(
        SETTINGS + "lessons/<int:lesson_id>/move/",
        settings.lesson_move,
        name="settings-lesson-move",
    ),
    path(
        SETTINGS + "lessons/<int:lesson_id>/delete/",
        settings.lesson_delete,
        name="settings-lesson-delete",
    ),
    # The concept is named in the form (or the query, to ask first).
    path(SETTINGS + "concepts/move/", settings.concept_move, name="settings-concept-move"),
    path(SETTINGS + "concepts/delete/", settings.concept_delete, name="settings-concept-delete"),
]
