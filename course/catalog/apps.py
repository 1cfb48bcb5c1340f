from __future__ import annotations

from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "course.catalog"
    label = "catalog"
    verbose_name = "Catalog"

    def ready(self) -> None:
        from course import pagecache

        pagecache.connect()
