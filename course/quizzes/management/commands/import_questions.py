"""manage.py import_questions FILE --format gift|aiken --course SLUG [--dry-run] [--json]"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from course.catalog.models import Course
from course.quizzes.bank import (
    FORMATS,
    ImportRefused,
    decode_import,
    parse_questions,
    questions_import,
)


class Command(BaseCommand):
    help = (
        "Import questions into a course's bank. A file with errors imports nothing unless "
        "--accept-valid is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=sorted(FORMATS), required=True)
        parser.add_argument("--course", required=True, help="The course's slug.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report only.")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--accept-valid",
            action="store_true",
            help="Import the valid questions of a file with errors.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        course = Course.objects.filter(slug=options["course"]).first()
        if course is None:
            raise CommandError(f"No course with the slug {options['course']!r}.")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = parse_questions(decode_import(path.read_bytes()), options["format"])
        except ValueError as error:
            raise CommandError(f"{path}: {error}") from error
        refused = None
        try:
            report = questions_import(
                course=course,
                result=result,
                accept_valid=options["accept_valid"],
                dry_run=options["dry_run"],
            )
        except ImportRefused as error:
            refused = error
            report = questions_import(course=course, result=result, dry_run=True)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        else:
            kinds = ", ".join(f"{n} {kind}" for kind, n in report.by_type.items()) or "none"
            self.stdout.write(f"{report.questions} valid question(s): {kinds}.")
            for problem in report.errors:
                self.stdout.write(f"  line {problem['line']}: {problem['message']}")
            for item in report.skipped:
                self.stdout.write(f"  line {item['line']} skipped: {item['message']}")
            if options["dry_run"]:
                self.stdout.write("Dry run: nothing imported.")
            elif refused is None:
                self.stdout.write(f"Imported {report.imported} question(s) into {course.slug}.")
        if refused is not None:
            raise CommandError(str(refused))
