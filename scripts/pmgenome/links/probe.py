"""One URL's check as a series of single requests: redirects followed hop by hop, retries
decided here and waited out by the scheduler, so a waiting URL holds no thread and no slot.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from pmgenome.links.challenge import challenge
from pmgenome.links.page import PageSummary, summarize
from pmgenome.links.verdict import Fetched
from pmgenome.net.client import (
    RETRYABLE_ERRORS,
    Answer,
    ClientConfig,
    ErrorKind,
    Redirect,
)
from pmgenome.net.headers import retry_after_seconds
from pmgenome.net.limits import backoff_delay, outage_delays
from pmgenome.net.status import REDIRECT_STATUSES, is_server_trouble


@dataclass(frozen=True)
class RetryPolicy:
    """How long one URL is given: `attempts` tries in all (redirect hops are not tries); a
    server in trouble (a 5xx) is asked again over `outage_window` seconds, so a deploy or a
    restart of that length is not called broken; timeouts and resets back off exponentially."""

    # The client's own defaults (net.client.ClientConfig), so a check and a fetch agree.
    attempts: int = ClientConfig.max_attempts
    outage_window: float = 10.0
    backoff_base: float = ClientConfig.backoff_base
    backoff_max: float = ClientConfig.backoff_max
    max_retry_after: float = ClientConfig.max_retry_after
    max_redirects: int = ClientConfig.max_redirects


@dataclass(frozen=True)
class Wait:
    """Ask again after `delay` seconds; `host_pause`: the server asked its whole host to wait."""

    delay: float
    host_pause: float = 0.0


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class Probe:
    """The state of one URL's check. Not thread-safe: the scheduler runs one step at a time."""

    def __init__(self, url: str, policy: RetryPolicy, rng: random.Random | None = None) -> None:
        self.url = url
        self.current = url  # what the next request asks for
        self.policy = policy
        self.tries = 1
        self.sent = 0
        self.started: float | None = None
        self._rng = rng or random.Random()
        self._redirects: list[Redirect] = []
        self._visits = {url.split("#", 1)[0]: 1}
        self._outage = outage_delays(policy.attempts, policy.outage_window)
        self._troubles = 0

    @property
    def host(self) -> str:
        return host_of(self.current)

    def answered(self, answer: Answer, sent_at: float, now: float) -> Wait | Fetched:
        """Take the answer to the current request: what to do next, or what was found."""
        self.sent += 1
        if self.started is None:
            self.started = sent_at
        location = answer.headers.get("Location") if answer.error is None else None
        if answer.status in REDIRECT_STATUSES and location:
            return self._follow(answer, location.strip(), now)
        delay = self._retry_delay(answer)
        if delay is None or self.tries >= self.policy.attempts:
            return self._fetched(answer, now)
        self.tries += 1
        return Wait(delay[0], delay[1])

    def _follow(self, answer: Answer, location: str, now: float) -> Wait | Fetched:
        target = urljoin(self.current, location)
        self._redirects.append(Redirect(self.current, answer.status or 0, location))
        key = target.split("#", 1)[0]
        if self._visits.get(key, 0) >= 2:
            # One revisit is allowed: sites set a cookie and send you back to the same page.
            return self._failed(answer, target, f"redirect loop: {target} was reached twice already",
                                ErrorKind.REDIRECT_LOOP, now)
        if len(self._redirects) > self.policy.max_redirects:
            return self._failed(answer, target, f"more than {self.policy.max_redirects} redirects",
                                ErrorKind.TOO_MANY_REDIRECTS, now)
        self._visits[key] = self._visits.get(key, 0) + 1
        self.current = target
        return Wait(0.0)

    def _retry_delay(self, answer: Answer) -> tuple[float, float] | None:
        """(seconds before the next try, seconds the whole host should wait), or None."""
        policy = self.policy
        if answer.error_kind is not None:
            if answer.error_kind not in RETRYABLE_ERRORS:
                return None
            return backoff_delay(self.tries, policy.backoff_base, policy.backoff_max, self._rng), 0.0
        if challenge(answer.headers, answer.body, PageSummary()) is not None:
            return None  # a bot challenge will not go away by asking again
        asked = retry_after_seconds(answer.headers.get("Retry-After"))
        if asked is not None and asked > policy.max_retry_after:
            return None  # told to come back much later: give up now rather than hold the run
        if answer.status == 429:
            if asked is None:
                return backoff_delay(self.tries, policy.backoff_base, policy.backoff_max, self._rng), 0.0
            return asked, asked
        if is_server_trouble(answer.status):
            scheduled = self._outage[min(self._troubles, len(self._outage) - 1)] if self._outage else 0.0
            self._troubles += 1
            jitter = self._rng.uniform(0, 0.05 * scheduled)
            return (asked if asked is not None else scheduled + jitter), 0.0
        return None

    def _failed(self, answer: Answer, target: str, error: str, kind: ErrorKind, now: float) -> Fetched:
        failed = Answer(status=answer.status, headers=answer.headers, error=error, error_kind=kind)
        return Fetched(self.url, target, failed, tuple(self._redirects), self.tries, self._seconds(now))

    def _fetched(self, answer: Answer, now: float) -> Fetched:
        page = summarize(answer.body, answer.headers.get("Content-Type", "")) if answer.body else PageSummary()
        return Fetched(self.url, self.current, answer, tuple(self._redirects), self.tries, self._seconds(now), page)

    def _seconds(self, now: float) -> float:
        return 0.0 if self.started is None else max(0.0, now - self.started)
