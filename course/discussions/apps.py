from __future__ import annotations

from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "course.discussions"
    label = "discussions"
    verbose_name = "Discussions"
