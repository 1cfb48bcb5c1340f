from __future__ import annotations

from django.urls import path

from course.discussions import views

app_name = "discussions"

DISCUSSIONS = "courses/<slug:slug>/discussions/"
THREAD = DISCUSSIONS + "<int:prompt_id>/"
POST = THREAD + "posts/<int:post_id>/"

urlpatterns = [
    path(DISCUSSIONS, views.course_discussions, name="index"),
    path(THREAD, views.thread, name="thread"),
    path(THREAD + "posts/", views.post_create, name="post-create"),
    path(THREAD + "lock/", views.prompt_flag, {"flag": "locked"}, name="prompt-lock"),
    path(
        THREAD + "post-first/", views.prompt_flag, {"flag": "post_first"}, name="prompt-post-first"
    ),
    path(POST + "reply/", views.reply_create, name="reply-create"),
    path(POST + "edit/", views.post_edit, name="post-edit"),
    path(POST + "delete/", views.post_delete, name="post-delete"),
    path(POST + "pin/", views.post_flag, {"flag": "pinned"}, name="post-pin"),
    path(POST + "endorse/", views.post_flag, {"flag": "endorsed"}, name="post-endorse"),
    path(POST + "hide/", views.post_flag, {"flag": "hidden"}, name="post-hide"),
]
