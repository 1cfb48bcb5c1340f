"""manage.py export_questions --course SLUG --format gift"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from course.catalog.models import Course
from course.quizzes.bank import questions_export_gift


class Command(BaseCommand):
    help = "Print a course's question bank in GIFT."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--course", required=True, help="The course's slug.")
        parser.add_argument("--format", choices=["gift"], default="gift")

    def handle(self, *args: Any, **options: Any) -> None:
        course = Course.objects.filter(slug=options["course"]).first()
        if course is None:
            raise CommandError(f"No course with the slug {options['course']!r}.")
        text, skipped = questions_export_gift(course=course)
        self.stdout.write(text, ending="")
        for item in skipped:
            self.stderr.write(f"Not exported (GIFT cannot hold it): {item}")
