"""The review workspace's pages. Their names stay in the "catalog" namespace, as before the
workspace left the catalog: `course/urls.py` puts them there, first (see its comment)."""

from __future__ import annotations

from django.urls import path

from course.authoring.views import items, structure, workspace

COURSE = "courses/<slug:slug>/"
REVIEW = COURSE + "review/"
QUESTION = REVIEW + "questions/<int:question_id>/"
PROMPT = REVIEW + "prompts/<int:prompt_id>/"

urlpatterns = [
    path("courses/new/", workspace.course_new, name="new"),
    path(REVIEW, workspace.course_review, name="review"),
    path(REVIEW + "lessons/<int:lesson_id>/", structure.lesson_update, name="lesson-update"),
    path(REVIEW + "lessons/<int:lesson_id>/move/", structure.lesson_move, name="lesson-move"),
    path(REVIEW + "lessons/<int:lesson_id>/merge/", structure.lesson_merge, name="lesson-merge"),
    path(REVIEW + "lessons/<int:lesson_id>/split/", structure.lesson_split, name="lesson-split"),
    path(REVIEW + "concepts/", structure.concept_add, name="concept-add"),
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
]
