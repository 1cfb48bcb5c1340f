"""Turn uploaded bytes into text, and vet text before any processing.

Both entry points funnel into :func:`check_text`, so an upload and a paste are
held to the same rules and produce the same user-facing messages.
"""

from __future__ import annotations

import codecs
import re

from .errors import MAX_INPUT_BYTES, InputError, too_long_message

#: C0/C1 control characters except tab and line ends, plus lone surrogates.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

#: Share of bytes >= 0x80 above which a non-UTF-8 file is not believed to be
#: Windows-1252 prose: Western text is overwhelmingly ASCII with a few accents.
_MAX_CP1252_HIGH_SHARE = 0.3


def decode_text(data: bytes) -> str:
    """Decode an uploaded file to text or raise :class:`InputError`.

    UTF-8 (with or without BOM) is the norm; UTF-16 is accepted only with a BOM
    (Windows Notepad writes one), because without it UTF-16 is indistinguishable
    from binary. Windows-1252 is a last resort for old Western files that are
    plainly text.
    """
    if not data:
        raise InputError("The file is empty.")
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(too_long_message(len(data)))
    text = _decode_bytes(data)
    return check_text(text, source="file")


def _decode_bytes(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        raise InputError("This looks like a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for byte in data if byte >= 0x80)
    if high / len(data) <= _MAX_CP1252_HIGH_SHARE:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise InputError("This file is not readable as text: it is not valid UTF-8.")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            f"This file is not readable as text: it is not valid {encoding.upper()}."
        ) from None


def check_text(text: str, *, source: str = "text") -> str:
    """Return ``text`` unchanged if it is acceptable input, else raise.

    Control characters other than tab and line ends mean binary data was
    pasted or decoded as if it were text; processing it would only produce
    garbage sentences, so it is refused outright.
    """
    if not isinstance(text, str):
        raise InputError("The input must be text.")
    if not text:
        raise InputError(f"The {source} is empty.")
    if not text.strip():
        raise InputError(f"The {source} contains only whitespace.")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_INPUT_BYTES:
        raise InputError(too_long_message(size))
    if _CONTROL_RE.search(text):
        raise InputError(
            f"This looks like binary data, not text: the {source} contains control characters."
        )
    return text
