from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from course.catalog.models import Course
from course.progress.models import LessonCompletion
from course.progress.services import course_progress_recount

# Django's admin classes take no type arguments at run time; django-stubs' do.
# RecountsCourseProgress serves the admins of several models (course, lesson, prompt...).
if TYPE_CHECKING:
    _LessonCompletionAdmin = admin.ModelAdmin[LessonCompletion]
    _AnyModelAdmin = admin.ModelAdmin[Any]
else:
    _LessonCompletionAdmin = _AnyModelAdmin = admin.ModelAdmin


@admin.register(LessonCompletion)
class LessonCompletionAdmin(_LessonCompletionAdmin):
    list_display = ["user", "lesson", "course", "completed_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__email", "lesson__title"]
    list_select_related = ["user", "lesson", "course"]
    raw_id_fields = ["user", "lesson", "course"]


class RecountsCourseProgress(_AnyModelAdmin):
    """For the admins of what a course's completion counts (the course and its rule,
    lessons, prompts): after a save or delete here, the course's students' standing is
    recounted, as the instructors' own pages do through the services."""

    @staticmethod
    def _course_id(obj: Model) -> int:
        # every other model this mixin serves (lessons, prompts, the rule) has course_id
        return obj.pk if isinstance(obj, Course) else obj.course_id  # type: ignore[attr-defined]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # after the inlines too
        course_progress_recount(course_id=self._course_id(form.instance))

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        course_id = self._course_id(obj)
        super().delete_model(request, obj)
        if not isinstance(obj, Course):
            course_progress_recount(course_id=course_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        course_ids = {self._course_id(obj) for obj in queryset}
        super().delete_queryset(request, queryset)
        for course_id in sorted(course_ids):
            if Course.objects.filter(pk=course_id).exists():
                course_progress_recount(course_id=course_id)
