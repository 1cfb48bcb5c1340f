"""Notices of the review workspace: what an action did, shown in the card it acted on.

With htmx the notice is rendered into the fragment that replaces the card. Without
JavaScript it rides the messages framework across the redirect, tagged with the id of the
element it belongs to (and the removed item an Undo button restores), and the review page
puts it back in that card.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.db.models import Model
from django.http import HttpRequest

LEVELS = {
    "success": messages.SUCCESS,
    "info": messages.INFO,
    "warning": messages.WARNING,
    "error": messages.ERROR,
}
# The ids of the cards on the review page, by model.
PREFIXES = {
    "lesson": "lesson",
    "question": "question",
    "prompt": "prompt",
    "removeditem": "removed-item",
}


@dataclass(frozen=True)
class Notice:
    text: str
    level: str = "success"
    undo: int | None = None  # the RemovedItem an Undo button beside the text restores

    # As a message (base.html#messages) when its card is not on the page any more.
    @property
    def tags(self) -> str:
        return self.level

    def __str__(self) -> str:
        return self.text


def anchor_of(place: Model | str) -> str:
    """The id of the element on the review page that shows this object's notices."""
    if isinstance(place, str):
        return place
    return f"{PREFIXES[place._meta.model_name or '']}-{place.pk}"


def carry(request: HttpRequest, place: Model | str, notice: Notice) -> None:
    """Keep a notice for the page the redirect leads to."""
    tags = f"at:{anchor_of(place)}" + (f" undo:{notice.undo}" if notice.undo else "")
    messages.add_message(request, LEVELS[notice.level], notice.text, extra_tags=tags)


def pending(request: HttpRequest) -> tuple[list[Message], dict[str, list[Notice]]]:
    """The messages waiting for this page: those for no element, and notices by element."""
    general: list[Message] = []
    placed: dict[str, list[Notice]] = defaultdict(list)
    for message in messages.get_messages(request):
        tags = dict(part.split(":", 1) for part in message.extra_tags.split() if ":" in part)
        if "at" not in tags:
            general.append(message)
            continue
        undo = tags.get("undo", "")
        placed[tags["at"]].append(
            Notice(str(message.message), message.level_tag, int(undo) if undo.isdigit() else None)
        )
    return general, dict(placed)
