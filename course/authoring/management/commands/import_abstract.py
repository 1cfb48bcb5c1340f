"""manage.py import_abstract PATH [--title T]: make a draft course from an abstract file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from course.authoring.services import course_import_abstract
from course.generator import MAX_INPUT_BYTES, InputError, decode_text

if TYPE_CHECKING:
    from course.accounts.models import User
    from course.catalog.models import Course
    from course.generator import Draft


class Command(BaseCommand):
    help = "Make a draft course from a text file holding an abstract. Writes nothing on bad input."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A UTF-8 text file.")
        parser.add_argument("--title", help="Course title (default: taken from the text).")

    def handle(self, *args: Any, path: Path, title: str | None, **options: Any) -> None:
        course, draft = import_file(path, title=title)
        self.stdout.write(
            f"Created draft course “{course.title}” (slug {course.slug}): "
            f"{len(draft.sentences)} sentences in {len(draft.lessons)} lessons, "
            f"{len(draft.concepts)} concepts, {len(draft.questions)} questions, "
            f"{len(draft.prompts)} discussion prompts."
        )
        if draft.removed:
            self.stdout.write(f"Removed {len(draft.removed)} item(s) from the source:")
            for item in draft.removed:
                text = item.text if len(item.text) <= 80 else item.text[:77] + "…"
                self.stdout.write(f"  - {item.kind}: {text}")
        else:
            self.stdout.write("Removed nothing from the source.")
        for lesson in draft.lessons:
            sentences = ", ".join(str(i) for i in lesson.sentences)
            self.stdout.write(f"  Lesson “{lesson.title}”: sentences {sentences}")


def read_abstract_file(path: Path) -> str:
    """The file's text, or a CommandError saying plainly what is wrong with it."""
    if not path.is_file():
        raise CommandError(f"No such file: {path}")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise CommandError(
            f"{path} is too large: {size:,} bytes; an abstract may be at most "
            f"{MAX_INPUT_BYTES:,} bytes."
        )
    try:
        return decode_text(path.read_bytes())
    except InputError as error:
        raise CommandError(f"{path}: {error}") from error


def import_file(
    path: Path, *, title: str | None = None, instructors: list[User] | None = None
) -> tuple[Course, Draft]:
    text = read_abstract_file(path)
    try:
        return course_import_abstract(text=text, title=title, instructors=instructors)
    except InputError as error:
        raise CommandError(f"{path}: {error}") from error
