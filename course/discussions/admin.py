from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from course.catalog.admin import ChangesCourseRequirements
from course.discussions.models import Post, Prompt

# Django's admin classes take no type arguments at run time; django-stubs' do.
if TYPE_CHECKING:
    _PostAdmin = admin.ModelAdmin[Post]
else:
    _PostAdmin = admin.ModelAdmin


@admin.register(Prompt)
class PromptAdmin(ChangesCourseRequirements):
    list_display = ["__str__", "course", "lesson", "position", "locked", "post_first"]
    list_filter = ["course", "locked", "post_first"]
    search_fields = ["text", "course__title"]
    list_select_related = ["course", "lesson"]
    autocomplete_fields = ["course"]
    raw_id_fields = ["lesson"]
    filter_horizontal = ["concepts", "sentences"]


@admin.register(Post)
class PostAdmin(_PostAdmin):
    list_display = ["__str__", "author", "prompt", "created_at", "hidden", "endorsed", "pinned"]
    list_filter = ["hidden", "endorsed", "pinned", "deleted", "prompt__course"]
    search_fields = ["body", "author__username"]
    list_select_related = ["author", "prompt"]
    raw_id_fields = ["prompt", "author", "parent"]
    date_hierarchy = "created_at"
