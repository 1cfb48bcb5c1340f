from __future__ import annotations

from django.apps import AppConfig

from course.catalog.signals import course_requirements_changed


class ProgressConfig(AppConfig):
    name = "course.progress"
    label = "progress"
    verbose_name = "Progress"

    def ready(self) -> None:
        # Imported here, not above: the services import models, which Django loads after
        # the app configs (its way to connect receivers; no import cycle is dodged).
        from course.progress import services

        course_requirements_changed.connect(
            services.on_course_requirements_changed, dispatch_uid="progress-recount"
        )
