"""Politeness towards each host: requests in flight, pauses after a 429, and retry delays."""

from __future__ import annotations

import datetime as dt
import email.utils
import random
import threading
import time


class HostGate:
    """The requests one host has in flight, and when it may be asked again.

    After a rate-limit answer the host is paused as a whole (every thread waits) and from then on
    gets one request at a time: a server that said "slow down" once is likely to say it again.
    """

    def __init__(self, limit: int) -> None:
        self._limit = max(1, limit)
        self._in_flight = 0
        self._not_before = 0.0
        self._slowed = False
        self._changed = threading.Condition()

    @property
    def slowed(self) -> bool:
        return self._slowed

    def enter(self) -> None:
        """Wait until the host may take one more request, then count it as in flight."""
        with self._changed:
            while True:
                limit = 1 if self._slowed else self._limit
                wait = self._not_before - time.monotonic()
                if wait <= 0 and self._in_flight < limit:
                    self._in_flight += 1
                    return
                self._changed.wait(wait if wait > 0 else None)

    def leave(self) -> None:
        with self._changed:
            self._in_flight -= 1
            self._changed.notify_all()

    def pause(self, seconds: float) -> None:
        """No new request to this host for `seconds`; then one at a time."""
        with self._changed:
            self._not_before = max(self._not_before, time.monotonic() + max(0.0, seconds))
            self._slowed = True
            self._changed.notify_all()


class HostGates:
    """One gate per host name, created on first use."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()

    def gate(self, host: str) -> HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = HostGate(self._limit)
            return gate


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP date), None if absent
    or unreadable. A date in the past means no wait."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(retry: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with jitter for the `retry`-th retry (1-based): half the step fixed,
    half random, so threads that failed together do not come back together."""
    step = min(cap, base * (2 ** (retry - 1)))
    return step / 2 + (rng or random).uniform(0, step / 2)
