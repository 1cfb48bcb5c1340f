from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from course.progress.models import LessonCompletion

# Django's admin classes take no type arguments at run time; django-stubs' do.
if TYPE_CHECKING:
    _LessonCompletionAdmin = admin.ModelAdmin[LessonCompletion]
else:
    _LessonCompletionAdmin = admin.ModelAdmin


@admin.register(LessonCompletion)
class LessonCompletionAdmin(_LessonCompletionAdmin):
    list_display = ["user", "lesson", "course", "completed_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__email", "lesson__title"]
    list_select_related = ["user", "lesson", "course"]
    raw_id_fields = ["user", "lesson", "course"]
