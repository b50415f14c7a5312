"""A clock in virtual time for the network code (pmgenome.net.clock.Clock): sleeps and timed
waits move it forward at once and are recorded, so tests assert what was waited, not how long
the machine took."""

from __future__ import annotations

import datetime as dt
import threading

EPOCH = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone.utc)


class FakeClock:
    def __init__(self, start: float = 1000.0, wall: dt.datetime = EPOCH) -> None:
        self.time = start
        self.slept: list[float] = []  # every sleep and timed wait, in order
        self._start, self._wall = start, wall
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self.time

    def now(self) -> dt.datetime:
        with self._lock:
            return self._wall + dt.timedelta(seconds=self.time - self._start)

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.slept.append(seconds)
            self.time += max(0.0, seconds)

    def wait(self, condition: threading.Condition, seconds: float | None, busy: bool = False) -> None:
        if seconds is None or busy:
            # Only another thread can end this wait: work in flight takes no virtual time, so its
            # end comes before any timer does.
            condition.wait()
        else:
            self.sleep(seconds)
