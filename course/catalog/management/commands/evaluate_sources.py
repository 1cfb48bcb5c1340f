"""manage.py evaluate_sources DIR: how well the generator finds abstracts in raw pages.

DIR holds raw journal pages ``NN.raw.txt``, the abstract cut out of each (``NN.txt``) and
``titles.json`` (the article's title as the page shows it, or null), as
``../shared/corpus/raw`` does. For every page it prints the word precision and recall of
the sentences the generator kept against the true abstract, whether the course title is
the article's title, and the core concepts of the glossary; then the totals. Stores
nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from course.generator import InputError, build_draft
from course.generator.clean import collapse_spaces, normalize_chars

_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PageScore:
    name: str
    kept_words: int
    true_words: int
    shared_words: int
    title: str
    expected_title: str | None
    core: list[str]

    @property
    def precision(self) -> float:
        return self.shared_words / self.kept_words if self.kept_words else 0.0

    @property
    def recall(self) -> float:
        return self.shared_words / self.true_words if self.true_words else 0.0

    @property
    def title_ok(self) -> bool | None:
        """None where the page shows no title."""
        if self.expected_title is None:
            return None
        return _title_key(self.title) == _title_key(self.expected_title)


def _words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD_RE.findall(text))


def _title_key(title: str) -> str:
    return collapse_spaces(normalize_chars(title)).casefold()


def score_page(raw: Path, truth: Path, expected_title: str | None) -> PageScore:
    """Score one page: word multisets of the kept sentences against the true abstract."""
    draft = build_draft(raw.read_text(encoding="utf-8"))
    kept = _words(" ".join(draft.sentences))
    true = _words(truth.read_text(encoding="utf-8"))
    return PageScore(
        name=raw.name,
        kept_words=sum(kept.values()),
        true_words=sum(true.values()),
        shared_words=sum((kept & true).values()),
        title=draft.title,
        expected_title=expected_title,
        core=[c.term for c in draft.concepts if c.core],
    )


def score_folder(folder: Path) -> list[PageScore]:
    titles_file = folder / "titles.json"
    titles: dict[str, str | None] = (
        json.loads(titles_file.read_text(encoding="utf-8")) if titles_file.is_file() else {}
    )
    scores = []
    for raw in sorted(folder.glob("*.raw.txt")):
        truth = raw.with_name(raw.name.replace(".raw.txt", ".txt"))
        if truth.is_file():
            scores.append(score_page(raw, truth, titles.get(raw.name)))
    return scores


class Command(BaseCommand):
    help = "Score how well abstracts and titles are found in raw pages (NN.raw.txt + NN.txt)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="Folder of NN.raw.txt, NN.txt, titles.json.")

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        try:
            scores = score_folder(folder)
        except InputError as error:
            raise CommandError(str(error)) from error
        if not scores:
            raise CommandError(f"{folder} holds no NN.raw.txt with its NN.txt.")
        for s in scores:
            mark = {True: "yes", False: "NO", None: "n/a"}[s.title_ok]
            self.stdout.write(
                f"{s.name}: precision {s.precision:.2f} recall {s.recall:.2f} title {mark}: "
                f"{s.title}"
            )
            self.stdout.write(f"    core: {', '.join(s.core)}")
        kept = sum(s.kept_words for s in scores)
        true = sum(s.true_words for s in scores)
        shared = sum(s.shared_words for s in scores)
        shown = [s for s in scores if s.title_ok is not None]
        right = sum(1 for s in shown if s.title_ok)
        self.stdout.write(
            f"all {len(scores)} pages: precision {shared / kept:.3f} recall {shared / true:.3f}; "
            f"title right on {right} of {len(shown)} pages that show one"
        )
