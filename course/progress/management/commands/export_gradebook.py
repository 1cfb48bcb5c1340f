"""manage.py export_gradebook --course SLUG [--output FILE]: the gradebook as CSV, streamed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from course.catalog.models import Course
from course.progress.gradebook import gradebook_rows


class Command(BaseCommand):
    help = "Write a course's gradebook as CSV (a row per student, a column per quiz)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--course", required=True, help="The course's slug.")
        parser.add_argument("--output", type=Path, help="File to write (default: stdout).")

    def handle(self, *args: Any, **options: Any) -> None:
        course = Course.objects.filter(slug=options["course"]).first()
        if course is None:
            raise CommandError(f"No course with the slug {options['course']!r}.")
        output = options["output"]
        if output is None:
            for line in gradebook_rows(course):
                self.stdout.write(line, ending="")
            return
        with output.open("w", encoding="utf-8", newline="") as stream:
            for line in gradebook_rows(course):
                stream.write(line)
