from __future__ import annotations

from django.contrib import admin

from course.discussions.models import Prompt


@admin.register(Prompt)
class PromptAdmin(admin.ModelAdmin):
    list_display = ["__str__", "course", "lesson", "position"]
    list_filter = ["course"]
    search_fields = ["text", "course__title"]
    list_select_related = ["course", "lesson"]
    autocomplete_fields = ["course"]
    raw_id_fields = ["lesson"]
    filter_horizontal = ["concepts", "sentences"]
