from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import pre_delete

from course.catalog.signals import course_requirements_changed


class ProgressConfig(AppConfig):
    name = "course.progress"
    label = "progress"
    verbose_name = "Progress"

    def ready(self) -> None:
        # Imported here, not above: the services import models, which Django loads after
        # the app configs (its way to connect receivers; no import cycle is dodged).
        from course.accounts.models import User
        from course.progress import analysis, roster_cache, services

        course_requirements_changed.connect(
            services.on_course_requirements_changed, dispatch_uid="progress-recount"
        )
        roster_cache.connect()
        pre_delete.connect(analysis.on_student_deleted, sender=User, dispatch_uid="item-stats")
