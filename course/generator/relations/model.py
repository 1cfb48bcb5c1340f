"""The record a relation is reported as, and the names of its kinds and side forms.

Kept in a module of their own so that every detector and the package's public
face can share them without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["purpose", "cause", "result", "contrast", "sequence", "definition"]
Form = Literal["clause", "noun", "predicate"]


@dataclass(frozen=True)
class Relation:
    """One relation stated by a sentence, cut at its cue."""

    kind: Kind
    cue: str  # as written, with its auxiliary: "was intended to", "Thus", "due to"
    left: str
    right: str
    sentence: int  # index of the sentence holding the cue
    lemma: str = ""  # the cue's family: "intend to", "thus", "due to", "from-to"
    left_form: Form = "noun"
    right_form: Form = "clause"
    previous: bool = False  # ``left`` is the previous sentence (sentence - 1)
