"""Logging filters (LOGGING in settings.py)."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied


class ExpectedRefusalFilter(logging.Filter):
    """A 403 is Lectern answering "you may not", as designed: Django logs it as a warning
    with the PermissionDenied's traceback, which buries real errors under pages of expected
    ones. Keep the warning line, drop the traceback. Server errors keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied):
            record.exc_info = None
            record.exc_text = None
        return True
