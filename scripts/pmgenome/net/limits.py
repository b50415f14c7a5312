"""Politeness towards each host: requests in flight, a minimum interval between them, and pauses
a server asked for.

A host is paused only as long as its server asked (a 429's Retry-After) and never slowed for the
rest of the run: one busy minute should not cost the other hundred links on that host.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from pmgenome.net.clock import SYSTEM_CLOCK, Clock

PER_HOST = 2  # requests in flight to one host, unless the client or hosts.yaml says otherwise


@dataclass(frozen=True)
class HostLimits:
    """How hard one host may be asked: requests in flight, and seconds between two starts."""

    in_flight: int = PER_HOST
    min_interval: float = 0.0
    # A maintainer's own limit for the host (hosts.yaml): a request that hangs still holds its slot,
    # since the host asked for this many and no more; without it a hung request hands its slot on.
    strict: bool = False


class HostGate:
    """The requests one host has in flight, and when it may be asked again.

    `wait_for_start` and `start` are for a scheduler that holds its own lock and never blocks;
    `enter` and `leave` are the blocking pair for threads that simply wait their turn.
    """

    def __init__(self, limits: HostLimits, clock: Clock = SYSTEM_CLOCK) -> None:
        self.limits = HostLimits(max(1, limits.in_flight), max(0.0, limits.min_interval), limits.strict)
        self.in_flight = 0
        self.paused_until = 0.0  # on the clock's monotonic time; set by a server's Retry-After
        self._clock = clock
        self._last_start = float("-inf")
        self._changed = threading.Condition()

    def wait_for_start(self, now: float) -> float | None:
        """0 when a request may start now, the seconds until one may, or None while the host's
        requests in flight are at the limit (a finishing request makes room)."""
        if self.in_flight >= self.limits.in_flight:
            return None
        return max(0.0, self.paused_until - now, self._last_start + self.limits.min_interval - now)

    def start(self, now: float) -> None:
        self.in_flight += 1
        self._last_start = now

    def finish(self) -> None:
        self.in_flight -= 1

    def pause(self, seconds: float, now: float | None = None) -> None:
        """No new request to this host for `seconds` (what its server asked)."""
        now = self._clock.monotonic() if now is None else now
        self.paused_until = max(self.paused_until, now + max(0.0, seconds))
        with self._changed:
            self._changed.notify_all()

    def enter(self) -> None:
        """Wait until the host may take one more request, then count it as in flight."""
        with self._changed:
            while True:
                now = self._clock.monotonic()
                wait = self.wait_for_start(now)
                if wait == 0:
                    self.start(now)
                    return
                self._clock.wait(self._changed, wait)

    def leave(self) -> None:
        with self._changed:
            self.finish()
            self._changed.notify_all()


class HostGates:
    """One gate per host name, created on first use with the default limits."""

    def __init__(self, limits: HostLimits | int = HostLimits(), clock: Clock = SYSTEM_CLOCK) -> None:
        self._default = limits if isinstance(limits, HostLimits) else HostLimits(limits)
        self._clock = clock
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()

    def gate(self, host: str) -> HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = HostGate(self._default, self._clock)
            return gate
