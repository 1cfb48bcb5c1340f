"""CSV that is safe to open in a spreadsheet: every export writes through `csv_lines`.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula, and a formula can run commands or send the
sheet's data elsewhere (OWASP, "CSV Injection"). Usernames, e-mail addresses, quiz titles,
prompts and options are typed by people, so such a text cell gets a leading `'`, which
spreadsheets show as text and do not display. Numbers we compute are written as they are:
-0.25 is a number, not a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, cast

# OWASP's list, and the fullwidth forms some spreadsheets also read as the same signs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(cell: Any) -> Any:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class _Echo:
    def write(self, value: str) -> str:
        return value


class CsvLines:
    """`writerow(cells)` returns the CSV line for the cells, neutralised."""

    def __init__(self) -> None:
        self._writer = csv.writer(_Echo())

    def writerow(self, cells: Iterable[Any]) -> str:
        # csv's writer returns what the file's write() returned: _Echo's line.
        return cast("str", self._writer.writerow([neutralise(cell) for cell in cells]))


def csv_lines() -> CsvLines:
    return CsvLines()
