"""The build's today: the one place the site build reads the clock.

SOURCE_DATE_EPOCH (the reproducible-builds convention: whole seconds since 1970-01-01 UTC) wins
when set, so two builds with one epoch give the same pages and calendars; else today in UTC.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but names no moment."""


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """The day the build speaks of: SOURCE_DATE_EPOCH's day in UTC when set, else today in UTC."""
    value = (os.environ if environ is None else environ).get(EPOCH_VARIABLE, "").strip()
    if not value:
        return dt.datetime.now(dt.timezone.utc).date()
    try:
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise BuildDateError(f"{EPOCH_VARIABLE} must be a whole number of seconds since 1970-01-01 UTC, "
                             f"not {value[:40]!r}") from None
