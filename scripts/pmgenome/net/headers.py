"""Reading numbers and dates out of headers that any server may fill with anything.

`str.isdigit()` accepts '²' and other digits that `int()` and `float()` refuse, and an HTTP date
can name the year 99999999999999999999: every header number goes through here.
"""

from __future__ import annotations

import datetime as dt
import email.utils

_ASCII_DIGITS = frozenset("0123456789")
MAX_DIGITS = 18  # a 64-bit number; anything longer is not a length or a delay we would honour


def ascii_number(value: str | None, max_digits: int = MAX_DIGITS) -> int | None:
    """The whole number `value` holds, written with ASCII digits only (surrounding spaces
    allowed), or None for anything else: signs, other digits, decimals, too many digits."""
    if value is None:
        return None
    text = value.strip(" \t")
    if not text or len(text) > max_digits or not set(text) <= _ASCII_DIGITS:
        return None
    return int(text)


def http_date(value: str | None) -> dt.datetime | None:
    """An HTTP date (RFC 9110, with the older forms email.utils accepts) as an aware UTC
    datetime, or None when it is absent or unreadable, out-of-range years included."""
    if value is None or len(value) > 64 or not all(" " <= char <= "~" for char in value):
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.timezone.utc)


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP date), None if absent
    or unreadable. A date in the past means no wait."""
    if value is None:
        return None
    seconds = ascii_number(value)
    if seconds is not None:
        return float(seconds)
    when = http_date(value)
    if when is None:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    try:
        return max(0.0, (when - now).total_seconds())
    except OverflowError:
        return None
