from __future__ import annotations

from django.contrib import admin

from course.quizzes.models import Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "course", "type", "status", "origin", "position"]
    list_filter = ["type", "status", "origin", "course"]
    search_fields = ["prompt", "explanation", "course__title"]
    list_select_related = ["course"]
    autocomplete_fields = ["course"]
    raw_id_fields = ["lesson"]
    filter_horizontal = ["concepts", "sentences"]
