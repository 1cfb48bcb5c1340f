"""manage.py generate_course PATH [--json] [--title T]: print a draft; write nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from course.authoring.management.commands.import_abstract import read_abstract_file
from course.generator import InputError, build_draft


class Command(BaseCommand):
    help = "Generate a course draft from an abstract file and print it. Stores nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A UTF-8 text file.")
        parser.add_argument("--title", help="Course title (default: taken from the text).")
        parser.add_argument("--json", action="store_true", help="Print the draft as JSON.")

    def handle(self, *args: Any, path: Path, title: str | None, **options: Any) -> None:
        text = read_abstract_file(path)
        try:
            draft = build_draft(text, title=title)
        except InputError as error:
            raise CommandError(f"{path}: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(draft.to_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{draft.title}: {len(draft.sentences)} sentences")
        for lesson in draft.lessons:
            self.stdout.write(f"  Lesson “{lesson.title}” — {lesson.objective}")
        self.stdout.write(f"  {len(draft.concepts)} concepts: " + ", ".join(
            c.term + ("*" if c.core else "") for c in draft.concepts
        ))  # fmt: skip
        self.stdout.write(f"  {len(draft.questions)} questions, {len(draft.prompts)} prompts")
