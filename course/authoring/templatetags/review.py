from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import template
from django.db.models import Model

from course.authoring.notices import Notice, anchor_of

register = template.Library()


@register.filter
def notices_at(
    notices: Mapping[str, Sequence[Notice]] | None, place: Model | str
) -> Sequence[Notice]:
    """The notices for one card or region: `{% for n in notices|notices_at:question %}`."""
    return (notices or {}).get(anchor_of(place), ())


@register.filter
def anchor(place: Model | str) -> str:
    """The id of a card on the review page: `question|anchor` is "question-12"."""
    return anchor_of(place)
