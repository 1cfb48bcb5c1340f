from __future__ import annotations

from django.apps import AppConfig


class AuthoringConfig(AppConfig):
    name = "course.authoring"
    label = "authoring"
    verbose_name = "Authoring"
