from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from course.quizzes.models import Question

# Django's admin classes take no type arguments at run time; django-stubs' do.
if TYPE_CHECKING:
    _QuestionAdmin = admin.ModelAdmin[Question]
else:
    _QuestionAdmin = admin.ModelAdmin


@admin.register(Question)
class QuestionAdmin(_QuestionAdmin):
    list_display = ["__str__", "course", "type", "status", "origin", "position"]
    list_filter = ["type", "status", "origin", "course"]
    search_fields = ["prompt", "explanation", "course__title"]
    list_select_related = ["course"]
    autocomplete_fields = ["course"]
    raw_id_fields = ["lesson"]
    filter_horizontal = ["concepts", "sentences"]
