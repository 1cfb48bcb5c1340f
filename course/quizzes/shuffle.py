"""Orders students see, drawn from a keyed hash with the server's secret.

An order seeded with something the student can see (the prompt, the attempt's id, their own
id, which the password-reset link shows) can be recomputed, and an ordering or matching
key read back from it. Every order here is a sort by HMAC-SHA256 under SECRET_KEY instead:
deterministic for the server (a page shows the same order every time), unpredictable for
anyone without the secret.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.crypto import salted_hmac

_SALT = "lectern.quizzes.shuffle"


def _rank(context: str, value: str) -> bytes:
    return salted_hmac(_SALT, f"{context}\x1f{value}", algorithm="sha256").digest()


def secret_order(size: int, *, context: str) -> list[int]:
    """A permutation of range(size), one per context (an attempt, an item of it)."""
    return sorted(range(size), key=lambda index: _rank(context, str(index)))


def secret_sample(keys: Sequence[str], count: int, *, context: str) -> list[str]:
    """`count` of the keys (all of them when there are fewer), drawn for one context (an
    attempt's random slot). Each key's rank depends on the key and the context alone, so
    the same pool gives the same draw every time, and a question added to the pool later
    moves no other question's rank."""
    return sorted(keys, key=lambda key: _rank(context, key))[: max(count, 0)]


def content_order(items: Sequence[str]) -> list[str]:
    """The items in an order that depends on the items alone, not on the order they came
    in: ordering items and matching pairs are written in the answer's order, so an order
    derived from that one would carry the answer."""
    return sorted(items, key=lambda item: _rank("stored options", item))


# Types whose options are written in the answer's order: ordering items, matching pairs'
# right sides.
ANSWER_ORDERED = frozenset({"ordering", "matching"})


def stored_options(kind: str, options: Sequence[str]) -> list[str]:
    """The options to store for a generated question: ordering and matching ones in
    `content_order` (the generator derives its order from the answer), the others as they
    came. An imported file keeps its own order, so an export gives the same file back;
    students never see a stored order of these types (`attempts.ALWAYS_SHUFFLED`)."""
    return content_order(options) if kind in ANSWER_ORDERED else list(options)
