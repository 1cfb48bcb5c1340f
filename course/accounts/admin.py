from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from course.accounts.models import CourseStaff, Enrollment, User

# Django's admin classes take no type arguments at run time; django-stubs' do.
if TYPE_CHECKING:
    _EnrollmentInline = admin.TabularInline[Enrollment, User]
    _CourseStaffInline = admin.TabularInline[CourseStaff, User]
    _UserAdmin = BaseUserAdmin[User]
    _EnrollmentAdmin = admin.ModelAdmin[Enrollment]
    _CourseStaffAdmin = admin.ModelAdmin[CourseStaff]
else:
    _EnrollmentInline = _CourseStaffInline = admin.TabularInline
    _UserAdmin = BaseUserAdmin
    _EnrollmentAdmin = _CourseStaffAdmin = admin.ModelAdmin


class EnrollmentInline(_EnrollmentInline):
    model = Enrollment
    extra = 0
    autocomplete_fields = ["course"]
    readonly_fields = ["created_at"]


class CourseStaffInline(_CourseStaffInline):
    model = CourseStaff
    extra = 0
    autocomplete_fields = ["course"]
    verbose_name_plural = "Courses taught (instructor of)"
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(_UserAdmin):
    list_display = ["username", "email", "display_name", "is_superuser", "is_active", "date_joined"]
    list_filter = ["is_superuser", "is_active", "staff_roles__course", "enrollments__course"]
    search_fields = ["username", "email", "first_name", "last_name", "display_name"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Lectern", {"fields": ("display_name",)}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),
    )
    inlines = [CourseStaffInline, EnrollmentInline]


@admin.register(Enrollment)
class EnrollmentAdmin(_EnrollmentAdmin):
    list_display = ["user", "course", "created_at"]
    list_filter = ["course", "created_at"]
    search_fields = ["user__username", "user__email", "course__title"]
    autocomplete_fields = ["user", "course"]
    list_select_related = ["user", "course"]


@admin.register(CourseStaff)
class CourseStaffAdmin(_CourseStaffAdmin):
    list_display = ["user", "course", "created_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__email", "course__title"]
    autocomplete_fields = ["user", "course"]
    list_select_related = ["user", "course"]
