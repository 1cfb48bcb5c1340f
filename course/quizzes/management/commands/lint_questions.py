"""manage.py lint_questions FILE --format gift|aiken [--json]

Reads a question file, stores nothing, and prints each question's item-writing flaws. The exit
status is 0 whatever it finds; non-zero only when the file cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from course.quizzes.bank import FORMATS, decode_import, parse_questions
from course.quizzes.lint import lint_file


class Command(BaseCommand):
    help = "Check a GIFT or Aiken question file for item-writing flaws; stores nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=sorted(FORMATS), required=True)
        parser.add_argument("--json", action="store_true", help="Print the findings as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = parse_questions(decode_import(path.read_bytes()), options["format"])
        except (ValueError, OSError) as error:
            raise CommandError(f"{path}: {error}") from error
        linted = lint_file(result)
        if options["json"]:
            report = {
                "questions": [q.as_json() for q in linted],
                "errors": [{"line": e.line, "message": e.message} for e in result.errors],
            }
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        flagged = sum(1 for q in linted if q.flaws)
        self.stdout.write(f"{len(linted)} question(s), {flagged} with findings.")
        for q in linted:
            if not q.flaws:
                continue
            self.stdout.write(f"\n{q.index}. line {q.line} ({q.type}): {q.prompt[:70]}")
            for flaw in q.flaws:
                self.stdout.write(f"   [{flaw.code}] {flaw.message} {flaw.suggestion}")
        for problem in result.errors:
            self.stdout.write(f"\nline {problem.line}: not read: {problem.message}")
