from __future__ import annotations

from django.apps import AppConfig

from course import pagecache


class CatalogConfig(AppConfig):
    name = "course.catalog"
    label = "catalog"
    verbose_name = "Catalog"

    def ready(self) -> None:
        pagecache.connect()
