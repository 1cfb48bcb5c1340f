from __future__ import annotations

from django.contrib import admin

from course.progress.models import LessonCompletion


@admin.register(LessonCompletion)
class LessonCompletionAdmin(admin.ModelAdmin):
    list_display = ["user", "lesson", "course", "completed_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__email", "lesson__title"]
    list_select_related = ["user", "lesson", "course"]
    raw_id_fields = ["user", "lesson", "course"]
