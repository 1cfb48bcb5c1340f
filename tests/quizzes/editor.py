"""What the new-question editor posts."""

from __future__ import annotations

from typing import Any

from course.quizzes.forms import ROW_FIELDS


def as_rows(data: dict[str, Any]) -> dict[str, Any]:
    """The editor's post of `data`: its `options` and `answer` (a list, or lines) become the
    rows of their formsets, as the page posts them."""
    posted = {key: value for key, value in data.items() if key not in ROW_FIELDS}
    for name in ROW_FIELDS.keys() & data.keys():
        value = data[name]
        rows = (value.splitlines() if isinstance(value, str) else list(value)) or [""]
        posted |= {f"{name}-TOTAL_FORMS": len(rows), f"{name}-INITIAL_FORMS": len(rows)}
        posted |= {f"{name}-{i}-text": row for i, row in enumerate(rows)}
    return posted
