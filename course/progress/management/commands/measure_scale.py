"""manage.py measure_scale [--course SLUG]: queries and time of the instructor pages (warm:
after a first view; the roster also right after a change to the class, item analysis right
after a grading write), and the gradebook export's memory peak, on whatever data the
database holds (see seed_scale)."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from course.accounts.models import User
from course.catalog.models import Course
from course.progress.analysis import quiz_statistics_changed
from course.progress.gradebook import gradebook_rows
from course.progress.roster_cache import roster_changed


class Command(BaseCommand):
    help = "Measure the instructor pages and the gradebook export at the current data size."

    def _measure(
        self,
        client: Client,
        name: str,
        url: str,
        repeat: int,
        before: Callable[[], object] | None = None,
    ) -> None:
        """Time `repeat` views of `url` (each after `before`, when given) and print the
        queries of the last, the best and the median time."""
        timings: list[float] = []
        counts: list[int] = []
        for _ in range(repeat):
            if before is not None:
                before()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
            counts.append(len(queries))
            assert response.status_code == 200, (name, response.status_code)
        median = sorted(timings)[len(timings) // 2]
        self.stdout.write(
            f"measure: page={name} queries={counts[-1]} "
            f"best_ms={1000 * min(timings):.0f} median_ms={1000 * median:.0f}"
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--course", default="scale-test")
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args: Any, **options: Any) -> None:
        course = Course.objects.filter(slug=options["course"]).first()
        if course is None:
            raise CommandError(f"No course {options['course']!r}: run seed_scale first.")
        admin, _ = User.objects.get_or_create(
            username="measure-admin",
            defaults={"email": "measure-admin@example.org", "is_superuser": True, "is_staff": True},
        )
        quiz = course.quizzes.order_by("pk").first()
        if quiz is None:
            raise CommandError(f"Course {course.slug!r} has no quiz: run seed_scale first.")
        pages = {
            "roster": reverse("progress:instructor", kwargs={"slug": course.slug}),
            "roster_sorted": reverse("progress:instructor", kwargs={"slug": course.slug})
            + "?sort=-progress&page=100",
            "heatmap": reverse("progress:heatmap", kwargs={"slug": course.slug}),
            "item_analysis": reverse(
                "progress:analysis", kwargs={"slug": course.slug, "quiz_id": quiz.pk}
            ),
        }
        students = course.enrollments.count()
        self.stdout.write(f"measure: course={course.slug} students={students}")
        with override_settings(ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False):
            client = Client()
            client.force_login(admin)
            repeat = options["repeat"]
            for name, url in pages.items():
                client.get(url)  # warm caches and connections
                self._measure(client, name, url, repeat)
            # The roster right after a change to the class (here: its version set anew, as
            # a progress refresh's commit sets it): the page and its table rendered again.
            for name in ("roster", "roster_sorted"):
                self._measure(
                    client, f"{name}_after_change", pages[name], repeat,
                    before=lambda: roster_changed(course.pk),  # in autocommit: set at once
                )  # fmt: skip
            # Item analysis right after a grading write (here: its version set anew, as a
            # submit's commit sets it): the one view that counts the rows again.
            self._measure(
                client, "item_analysis_after_grading", pages["item_analysis"], repeat,
                before=lambda: quiz_statistics_changed(quiz.pk),
            )  # fmt: skip
        tracemalloc.start()
        started = time.perf_counter()
        lines = size = 0
        for line in gradebook_rows(course):
            lines += 1
            size += len(line)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.stdout.write(
            f"measure: export=gradebook rows={lines - 1} bytes={size} seconds={seconds:.1f} "
            f"peak_python_memory_mb={peak / 1e6:.1f}"
        )
