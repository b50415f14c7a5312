"""The clock the network code reads and waits on, so tests can run it in virtual time.

Nothing under net/ or links/ scheduling calls time.monotonic(), time.sleep() or a condition's
timed wait directly: a test hands in a clock that jumps instead of sleeping, and asserts order
and counts rather than wall time.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes back."""

    def now(self) -> dt.datetime:
        """The date and time in UTC (to read a Retry-After written as a date)."""

    def sleep(self, seconds: float) -> None:
        """Wait `seconds`."""

    def wait(self, condition: threading.Condition, seconds: float | None, busy: bool = False) -> None:
        """Wait on `condition` (held by the caller) until notified or `seconds` pass. `busy`: work
        in progress will notify when it ends (a virtual clock waits for that rather than jump)."""


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds))

    def wait(self, condition: threading.Condition, seconds: float | None, busy: bool = False) -> None:
        condition.wait(None if seconds is None else max(0.0, seconds))


SYSTEM_CLOCK = SystemClock()
