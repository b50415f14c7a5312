"""One URL's chain of requests: the one place that decides whether to follow a redirect or to
ask again, and how long to wait first. It sends nothing: `Client.request` (enrich, inspect, new,
the archive look-up) drives it with blocking sends and sleeps, the link checker's scheduler with
single requests and timed queues, so both behave alike by construction.

The rules, each written once (two copies had drifted apart; issue 18):
- A redirect (301, 302, 303, 307, 308 with a Location) is followed hop by hop, at most
  `max_redirects` of them; a URL may be visited twice (sites set a cookie and send you back), a
  third visit is a loop. A 303 turns anything but HEAD into GET. Following is not a retry.
- Asked again: 429, a 5xx that says "not now" (not 501, 505, ...), a timeout and a reset. Nothing
  else: a 404, a refused connection or a bad certificate will not change in a few seconds.
- A bot challenge (a challenge header or page marker) is never asked again, whatever its status:
  the same wall comes back, and each try costs the host a request.
- Retry-After is read on 429 and on every 5xx asked again, as seconds or an HTTP date. A wait
  longer than `max_retry_after` ends the chain at once rather than hold the run. A 429's wait
  pauses its whole host (`Wait.host_pause`), as the server asked.
- A 5xx without Retry-After is asked again over the outage window: the waits grow by half each
  time and add up to `outage_window`, so a deploy or restart that long is not called broken.
- A 429 without Retry-After and a reset back off exponentially with jitter.
- A timeout is asked again at most `timeout_attempts` - 1 times: a hang is strong evidence
  already, three full timeouts made one hanging URL the run's floor, and the scheduled check's
  two-run rule confirms a dead host the next week.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from pmgenome.net.answer import NO_HEADERS, Answer, ErrorKind, Redirect
from pmgenome.net.challenge import challenge_sign
from pmgenome.net.headers import retry_after_seconds
from pmgenome.net.status import REDIRECT_STATUSES, is_server_trouble

ATTEMPTS = 3  # tries of one URL in all, for the answers that are asked again
TIMEOUT_ATTEMPTS = 2  # of those, tries that may end in a timeout
OUTAGE_WINDOW = 10.0  # seconds over which a server in trouble (5xx) is asked again
BACKOFF_BASE = 0.5  # seconds before the first retry of a reset or a 429 without Retry-After
BACKOFF_MAX = 30.0
MAX_RETRY_AFTER = 120.0  # a server asking for a longer wait is not waited for
MAX_REDIRECTS = 10

RETRYABLE_ERRORS = frozenset({ErrorKind.TIMEOUT, ErrorKind.RESET})


@dataclass(frozen=True)
class RetryPolicy:
    """How long one URL is given; see the module docstring for what each number means."""

    attempts: int = ATTEMPTS
    outage_window: float = OUTAGE_WINDOW
    backoff_base: float = BACKOFF_BASE
    backoff_max: float = BACKOFF_MAX
    max_retry_after: float = MAX_RETRY_AFTER
    max_redirects: int = MAX_REDIRECTS
    timeout_attempts: int = TIMEOUT_ATTEMPTS


@dataclass(frozen=True)
class Wait:
    """Ask again (or follow the redirect) after `delay` seconds; `host_pause`: the server asked
    its whole host to wait this long."""

    delay: float
    host_pause: float = 0.0


@dataclass(frozen=True)
class End:
    """The chain is over: its last answer (or the failure that stopped it), where it ended, the
    hops on the way, the tries (1 + retries) and the requests sent (every hop and retry)."""

    answer: Answer
    final_url: str
    redirects: tuple[Redirect, ...]
    tries: int
    sent: int


def backoff_delay(retry: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with jitter for the `retry`-th retry (1-based): half the step fixed,
    half random, so threads that failed together do not come back together."""
    step: float = min(cap, base * (2 ** min(retry - 1, 30)))  # (int ** int is typed Any)
    return step / 2 + (rng or random).uniform(0, step / 2)


def outage_delays(tries: int, window: float) -> tuple[float, ...]:
    """The waits before each retry of a server in trouble, growing by half each time and adding
    up to `window`: `tries` attempts spread over an outage of that length (first attempt at 0,
    last at `window`). 3 tries over 10 s wait 4 s, then 6 s."""
    if tries <= 1 or window <= 0:
        return ()
    weights = [1.5**n for n in range(tries - 1)]
    total = sum(weights)
    return tuple(window * weight / total for weight in weights)


class Chain:
    """The state of one URL's requests. Not thread-safe: one answer at a time."""

    def __init__(self, url: str, policy: RetryPolicy = RetryPolicy(), method: str = "GET",
                 rng: random.Random | None = None, now: Callable[[], dt.datetime] | None = None) -> None:
        self.url = url
        self.current = url  # what the next request asks for
        self.method = method.upper()
        self.policy = policy
        self.tries = 1
        self.sent = 0
        self._rng = rng or random.Random()
        self._now = now
        self._redirects: list[Redirect] = []
        self._visits = {url.split("#", 1)[0]: 1}
        self._outage = outage_delays(policy.attempts, policy.outage_window)
        self._troubles = 0
        self._timeouts = 0

    def answered(self, answer: Answer) -> Wait | End:
        """Take the answer to the current request: when to send the next one, or the end."""
        if answer.error_kind is not ErrorKind.INVALID_URL:
            self.sent += 1  # a URL refused before sending costs the host nothing
        location = answer.headers.get("Location") if answer.error is None else None
        if answer.status in REDIRECT_STATUSES and location:
            return self._follow(answer, location.strip())
        delay = self._retry_delay(answer)
        if delay is None or self.tries >= self.policy.attempts:
            return self._end(answer, self.current)
        self.tries += 1
        return delay

    def _follow(self, answer: Answer, location: str) -> Wait | End:
        target = urljoin(self.current, location)
        self._redirects.append(Redirect(self.current, answer.status or 0, location))
        key = target.split("#", 1)[0]
        if self._visits.get(key, 0) >= 2:
            return self._failed(answer, target, f"redirect loop: {target} was reached twice already",
                                ErrorKind.REDIRECT_LOOP)
        if len(self._redirects) > self.policy.max_redirects:
            return self._failed(answer, target, f"more than {self.policy.max_redirects} redirects",
                                ErrorKind.TOO_MANY_REDIRECTS)
        self._visits[key] = self._visits.get(key, 0) + 1
        if answer.status == 303 and self.method != "HEAD":
            self.method = "GET"
        self.current = target
        return Wait(0.0)

    def _retry_delay(self, answer: Answer) -> Wait | None:
        """When to ask again, or None when asking again would not help."""
        policy = self.policy
        if answer.error_kind is not None:
            if answer.error_kind not in RETRYABLE_ERRORS:
                return None
            if answer.error_kind is ErrorKind.TIMEOUT:
                self._timeouts += 1
                if self._timeouts >= policy.timeout_attempts:
                    return None
            return Wait(backoff_delay(self.tries, policy.backoff_base, policy.backoff_max, self._rng))
        if answer.status != 429 and not is_server_trouble(answer.status):
            return None
        if challenge_sign(answer.headers, answer.body) is not None:
            return None  # a bot challenge will not go away by asking again
        asked = retry_after_seconds(answer.headers.get("Retry-After"), self._now() if self._now else None)
        if asked is not None and asked > policy.max_retry_after:
            return None  # told to come back much later: give up now rather than hold the run
        if answer.status == 429:
            if asked is None:
                return Wait(backoff_delay(self.tries, policy.backoff_base, policy.backoff_max, self._rng))
            return Wait(asked, asked)
        scheduled = self._outage[min(self._troubles, len(self._outage) - 1)] if self._outage else 0.0
        self._troubles += 1
        return Wait(asked if asked is not None else scheduled + self._rng.uniform(0, 0.05 * scheduled))

    def _failed(self, answer: Answer, target: str, error: str, kind: ErrorKind) -> End:
        failed = Answer(status=answer.status, headers=answer.headers or NO_HEADERS, error=error, error_kind=kind)
        return self._end(failed, target)

    def _end(self, answer: Answer, final_url: str) -> End:
        return End(answer, final_url, tuple(self._redirects), self.tries, self.sent)
