from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from course.accounts.models import CourseStaff, Enrollment, User


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    extra = 0
    autocomplete_fields = ["course"]
    readonly_fields = ["created_at"]


class CourseStaffInline(admin.TabularInline):
    model = CourseStaff
    extra = 0
    autocomplete_fields = ["course"]
    verbose_name_plural = "Courses taught (instructor of)"
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "display_name", "is_superuser", "is_active", "date_joined"]
    list_filter = ["is_superuser", "is_active", "staff_roles__course", "enrollments__course"]
    search_fields = ["username", "email", "first_name", "last_name", "display_name"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Lectern", {"fields": ("display_name",)}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),
    )
    inlines = [CourseStaffInline, EnrollmentInline]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "created_at"]
    list_filter = ["course", "created_at"]
    search_fields = ["user__username", "user__email", "course__title"]
    autocomplete_fields = ["user", "course"]
    list_select_related = ["user", "course"]


@admin.register(CourseStaff)
class CourseStaffAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "created_at"]
    list_filter = ["course"]
    search_fields = ["user__username", "user__email", "course__title"]
    autocomplete_fields = ["user", "course"]
    list_select_related = ["user", "course"]
