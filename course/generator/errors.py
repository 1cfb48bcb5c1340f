"""The one error type the generator raises for bad input, and the size limit.

Everything the user can get wrong (an empty file, a binary upload, a huge paste,
a page that holds nothing but buttons) surfaces as :class:`InputError` whose
message is a complete sentence fit to be shown in a form, so the web layer
never has to translate internal failures.
"""

from __future__ import annotations

#: Largest input accepted, in UTF-8 bytes. An abstract is a few kilobytes; the
#: cap keeps a pasted book or a mis-selected file from tying up a worker.
MAX_INPUT_BYTES = 200_000


class InputError(ValueError):
    """The input cannot become a course draft; ``str(error)`` is user-facing."""


def too_long_message(size: int) -> str:
    """Word the size error the same way for bytes and for pasted text."""
    return f"The text is too long: {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}."
