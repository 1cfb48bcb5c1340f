from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from course.accounts.admin import CourseStaffInline as _UserCourseStaffInline
from course.accounts.forms import EnrollEmailsForm
from course.catalog.models import Concept, Course, Lesson, SourceSentence
from course.catalog.services import enroll_emails
from course.catalog.signals import course_requirements_changed

# Django's admin classes take no type arguments at run time; django-stubs' do.
# ChangesCourseRequirements serves the admins of several models (course, lesson, prompt).
if TYPE_CHECKING:
    _AnyModelAdmin = admin.ModelAdmin[Any]
    _LessonInline = admin.TabularInline[Lesson, Course]
    _ConceptInline = admin.TabularInline[Concept, Course]
    _ConceptAdmin = admin.ModelAdmin[Concept]
    _SourceSentenceAdmin = admin.ModelAdmin[SourceSentence]
else:
    _AnyModelAdmin = admin.ModelAdmin
    _LessonInline = _ConceptInline = admin.TabularInline
    _ConceptAdmin = _SourceSentenceAdmin = admin.ModelAdmin


class ChangesCourseRequirements(_AnyModelAdmin):
    """For the admins of what a course asks of its students (the course and its rule,
    lessons, prompts): after a save or delete here, `course_requirements_changed` is sent,
    and the course's students' standing is recounted, as the instructors' own pages do
    through the services."""

    @staticmethod
    def _course_id(obj: Model) -> int:
        # every other model this mixin serves (lessons, prompts, the rule) has course_id
        return obj.pk if isinstance(obj, Course) else obj.course_id  # type: ignore[attr-defined]

    def _changed(self, course_id: int) -> None:
        course_requirements_changed.send(sender=self.model, course_id=course_id)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # after the inlines too
        self._changed(self._course_id(form.instance))

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        course_id = self._course_id(obj)
        super().delete_model(request, obj)
        if not isinstance(obj, Course):
            self._changed(course_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        course_ids = {self._course_id(obj) for obj in queryset}
        super().delete_queryset(request, queryset)
        for course_id in sorted(course_ids):
            if Course.objects.filter(pk=course_id).exists():
                self._changed(course_id)


class LessonInline(_LessonInline):
    model = Lesson
    extra = 0
    fields = ["position", "title", "objective"]
    show_change_link = True


class CourseStaffInline(_UserCourseStaffInline):
    autocomplete_fields = ["user"]
    verbose_name_plural = "Instructors"


class ConceptInline(_ConceptInline):
    model = Concept
    extra = 0
    fields = ["term", "core", "rank", "definition"]


@admin.register(Course)
class CourseAdmin(ChangesCourseRequirements):
    list_display = ["title", "slug", "status", "published_at", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "published_at", "cleaning_report"]
    # Enrollments are managed on their own admin page (filter by course) and by the bulk
    # action below: an inline would load every student of a large course.
    inlines = [LessonInline, ConceptInline, CourseStaffInline]
    actions = ["enroll_emails_action", "publish_action"]

    @admin.action(description="Enroll these emails in the selected course")
    def enroll_emails_action(
        self, request: HttpRequest, queryset: QuerySet[Course]
    ) -> HttpResponse | None:
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one course.", messages.WARNING)
            return None
        course = queryset.get()
        form = EnrollEmailsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            result = enroll_emails(course=course, emails=form.cleaned_data["emails"])
            self.message_user(
                request,
                f"Enrolled {len(result.enrolled)}; already enrolled {len(result.already)}.",
                messages.SUCCESS,
            )
            if result.unknown:
                self.message_user(
                    request,
                    "No account for: " + ", ".join(result.unknown),
                    messages.WARNING,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Enroll people in {course.title}",
            "course": course,
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/catalog/course/enroll_emails.html", context)

    @admin.action(description="Publish the selected courses")
    def publish_action(self, request: HttpRequest, queryset: QuerySet[Course]) -> None:
        drafts = list(queryset.filter(status=Course.Status.DRAFT))
        for course in drafts:
            course.publish()
        self.message_user(request, f"Published {len(drafts)} course(s).", messages.SUCCESS)


@admin.register(Lesson)
class LessonAdmin(ChangesCourseRequirements):
    list_display = ["title", "course", "position", "updated_at"]
    list_filter = ["course"]
    search_fields = ["title", "body", "course__title"]
    list_select_related = ["course"]
    autocomplete_fields = ["course"]


@admin.register(Concept)
class ConceptAdmin(_ConceptAdmin):
    list_display = ["term", "course", "core", "rank"]
    list_filter = ["core", "course"]
    search_fields = ["term", "definition", "course__title"]
    list_select_related = ["course"]
    autocomplete_fields = ["course"]
    filter_horizontal = ["sentences"]


@admin.register(SourceSentence)
class SourceSentenceAdmin(_SourceSentenceAdmin):
    list_display = ["position", "course", "lesson", "text"]
    list_filter = ["course"]
    search_fields = ["text"]
    list_select_related = ["course", "lesson"]
