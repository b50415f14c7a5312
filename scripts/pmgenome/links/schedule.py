"""A fair scheduler for single requests to many hosts.

Each job is one request. A job that must wait (a back-off, a retry, a Retry-After) goes back to
a timed queue and gives its host's slot and its thread back, so the rest of the host's work goes
on meanwhile. Politeness stays: each host has its requests in flight and a minimum interval
between starts (HostGate), and a host is paused only as long as its server asked.

A request that has had no answer for `stall_after` seconds stops counting against its host's
and the run's limits: a hanging server costs a thread, not the others' turn. At most twice the
host's own limit of stalled requests per host, and the run's limit in all, so a host that hangs
everything never sees more than three times its limit. A limit a maintainer set for the host
(`concurrency` in hosts.yaml) is kept to the letter: its hung requests keep their slots.

Work in progress goes first: a retry or a redirect hop is queued before its host's new URLs,
so the long chains (the run's floor) start their next step as soon as they may.

Time is read from the clock handed in (net/clock.py): tests run the scheduler in virtual time and
assert the order of requests and the waits, not how long the machine took.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from pmgenome.net.clock import SYSTEM_CLOCK, Clock
from pmgenome.net.limits import HostGate, HostLimits

# A job runs one request and says what comes next: None when its work is done, or
# (delay, host, job, host_pause) to run `job` against `host` after `delay` seconds.
Job = Callable[[], "Later | None"]


@dataclass(frozen=True)
class Later:
    delay: float
    host: str
    job: Job
    host_pause: float = 0.0  # the server asked this host to wait this long before any new request


@dataclass
class _Running:
    host: str
    started: float
    stalled: bool = False


@dataclass
class _HostState:
    gate: HostGate
    ready: deque[Job] = field(default_factory=deque)
    stalled: int = 0


class Scheduler:
    """Runs jobs on `concurrency` threads (and as many more for stalled requests)."""

    def __init__(self, concurrency: int, limits: Callable[[str], HostLimits], stall_after: float,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self.concurrency = max(1, concurrency)
        self._clock = clock
        self._limits = limits
        self._stall_after = stall_after
        self._hosts: dict[str, _HostState] = {}
        self._order: deque[str] = deque()  # hosts with ready jobs, in turn
        self._delayed: list[tuple[float, int, str, Job]] = []
        self._running: dict[int, _Running] = {}
        self._counter = itertools.count()
        self._active = 0  # running jobs that count against the limits
        self._stalled = 0
        self._pending = 0  # jobs ready, delayed or running
        self._changed = threading.Condition()

    def add(self, host: str, job: Job, delay: float = 0.0) -> None:
        with self._changed:
            self._pending += 1
            self._queue(host, job, self._clock.monotonic() + delay, first=False)
            self._changed.notify()

    def run(self) -> None:
        """Run every job, and the jobs they lead to, until none is left."""
        threads = [threading.Thread(target=self._work, daemon=True, name=f"linkcheck-{n}")
                   for n in range(2 * self.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(0.2)  # short waits, so Ctrl-C reaches the main thread at once

    def _host(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _HostState(HostGate(self._limits(host), self._clock))
        return state

    def _queue(self, host: str, job: Job, at: float, first: bool = True) -> None:
        if at <= self._clock.monotonic():
            state = self._host(host)
            if not state.ready:
                self._order.append(host)
            if first:
                state.ready.appendleft(job)
            else:
                state.ready.append(job)
        else:
            heapq.heappush(self._delayed, (at, next(self._counter), host, job))

    def _work(self) -> None:
        while True:
            taken = self._take()
            if taken is None:
                return
            key, job = taken
            later = None
            try:
                later = job()
            finally:
                self._finish(key, later)

    def _take(self) -> tuple[int, Job] | None:
        with self._changed:
            while True:
                if self._pending == 0:
                    self._changed.notify_all()
                    return None
                now = self._clock.monotonic()
                while self._delayed and self._delayed[0][0] <= now:
                    _, _, host, job = heapq.heappop(self._delayed)
                    self._queue(host, job, now)
                wake = self._release_stalled(now)
                if self._active < self.concurrency:
                    for _ in range(len(self._order)):
                        host = self._order[0]
                        state = self._hosts[host]
                        wait = state.gate.wait_for_start(now)
                        if wait == 0:
                            taken = self._start(host, state, now)
                            if self._order and self._active < self.concurrency:
                                self._changed.notify()  # there may be more to start: pass it on
                            return taken
                        self._order.rotate(-1)
                        if wait is not None:
                            wake = min(wake, now + wait)
                if self._delayed:
                    wake = min(wake, self._delayed[0][0])
                self._clock.wait(self._changed, None if wake == float("inf") else max(0.001, wake - now),
                                 busy=bool(self._running))

    def _start(self, host: str, state: _HostState, now: float) -> tuple[int, Job]:
        job = state.ready.popleft()
        self._order.popleft()
        if state.ready:
            self._order.append(host)  # its next job waits for the other hosts' turn
        state.gate.start(now)
        self._active += 1
        key = next(self._counter)
        self._running[key] = _Running(host, now)
        return key, job

    def _release_stalled(self, now: float) -> float:
        """Stop counting requests that have hung for stall_after; returns when the next might."""
        wake = float("inf")
        for running in self._running.values():
            state = self._hosts[running.host]
            if running.stalled or state.gate.limits.strict:
                continue
            due = running.started + self._stall_after
            if due > now:
                wake = min(wake, due)
            elif state.stalled < 2 * state.gate.limits.in_flight and self._stalled < self.concurrency:
                running.stalled = True
                state.stalled += 1
                self._stalled += 1
                state.gate.finish()
                self._active -= 1
        return wake

    def _finish(self, key: int, later: Later | None) -> None:
        with self._changed:
            running = self._running.pop(key)
            state = self._hosts[running.host]
            if running.stalled:
                state.stalled -= 1
                self._stalled -= 1
            else:
                state.gate.finish()
                self._active -= 1
            if later is not None:
                if later.host_pause > 0:
                    self._host(later.host).gate.pause(later.host_pause)
                self._queue(later.host, later.job, self._clock.monotonic() + later.delay)
            else:
                self._pending -= 1
            if self._pending == 0:
                self._changed.notify_all()  # every thread may go
            else:
                self._changed.notify()  # a slot is free; whoever takes it passes the word on
