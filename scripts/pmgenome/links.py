"""Link verdicts: what a URL's answer means for a reader, and checking many URLs politely.

A redirect is a fact carried beside the verdict, not a verdict of its own, except that a
permanent first hop earns `redirected` so the report can suggest the new URL.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

from pmgenome.http import Client, Redirect, Response

PERMANENT_REDIRECTS = frozenset({301, 308})
# Answers that say "not for you" rather than "not here": the page most likely exists behind a bot
# wall, a login, a rate limit or a legal block, so a person should look, and CI should not fail.
BLOCKED_STATUSES = frozenset({401, 403, 405, 406, 429, 451, 999})
# Network failures that no second method or retry would change.
FINAL_ERRORS = frozenset({"dns", "refused", "private-address", "invalid-url", "tls"})


class Verdict(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    TIMEOUT = "timeout"
    BLOCKED = "blocked"
    EXCLUDED = "excluded"


@dataclass(frozen=True)
class LinkResult:
    """The verdict on one URL, with what led to it."""

    url: str
    verdict: Verdict
    status: int | None
    error: str | None
    final_url: str | None
    redirects: tuple[Redirect, ...]
    entries: tuple[str, ...]
    attempts: int
    suggestion: str | None = None  # the URL to write instead, after a permanent redirect
    archived: str | None = None  # an archived copy, offered for a broken link
    checked_at: str | None = None  # when it was fetched (UTC, ISO 8601)
    failures: int = 0  # consecutive runs in which it was broken, this one included
    confirmed: bool = True  # a broken link that fails the run (see linkcache.with_history)
    cached: bool = False  # taken from the cache rather than fetched in this run
    requests: int = 0  # HTTP requests sent in this run
    excluded_by: str | None = None  # the exclusion's reason and where it is written

    @property
    def failing(self) -> bool:
        """Broken and counted: this fails the run."""
        return self.verdict is Verdict.BROKEN and self.confirmed


def status_text(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def suggested_url(redirects: Sequence[Redirect]) -> str | None:
    """Where the leading run of permanent redirects ends: the URL to write instead."""
    target = None
    for hop in redirects:
        if hop.status not in PERMANENT_REDIRECTS:
            break
        target = urljoin(hop.url, hop.location)
    return target


def judge(response: Response, attempts: int | None = None) -> tuple[Verdict, str | None]:
    """The verdict on a URL from its final answer, and why, when it is not plainly fine.
    `attempts` is how many tries it took in all (default: the response's own count)."""
    attempts = response.attempts if attempts is None else attempts
    if response.error_kind == "timeout":
        return Verdict.TIMEOUT, response.error
    if response.error is not None:
        return Verdict.BROKEN, response.error
    status = response.status or 0
    after = f" (after redirects, at {response.final_url})" if response.redirects else ""
    if "cf-mitigated" in response.headers:  # Cloudflare's challenge page, whatever the status
        return Verdict.BLOCKED, f"{status_text(status)}{after} with a bot challenge: check by hand"
    if status in BLOCKED_STATUSES or status >= 600:
        return Verdict.BLOCKED, f"{status_text(status)}{after}: the site turns away automated checks; check by hand"
    if 200 <= status < 400:
        return (Verdict.REDIRECTED if suggested_url(response.redirects) else Verdict.OK), None
    if 500 <= status < 600 and attempts > 1:
        return Verdict.BROKEN, f"{status_text(status)}{after}, still after {attempts} attempts"
    return Verdict.BROKEN, f"{status_text(status)}{after}"


def _settled(head: Response) -> bool:
    """Whether HEAD's answer can stand, or GET must be asked: servers that refuse, mishandle or
    lie about HEAD are common, so anything but success or a final network failure is retried."""
    return head.ok or head.error_kind in FINAL_ERRORS


def check_url(client: Client, url: str, entries: tuple[str, ...] = ()) -> LinkResult:
    """Check one URL: HEAD first (one request, no body), GET when HEAD does not settle it."""
    head = client.request("HEAD", url, max_bytes=0, retry=False)
    response, attempts, sent = head, head.attempts, head.requests
    if not _settled(head):
        # A timed-out HEAD already used one of the attempts a slow server gets.
        left = client.config.max_attempts - 1 if head.error_kind == "timeout" else None
        response = client.request("GET", url, max_bytes=0, attempts=max(1, left) if left is not None else None)
        attempts, sent = attempts + response.attempts, sent + response.requests
    verdict, error = judge(response, attempts)
    return LinkResult(
        url=url, verdict=verdict, status=response.status, error=error, final_url=response.final_url,
        redirects=response.redirects, entries=entries, attempts=attempts,
        suggestion=suggested_url(response.redirects) if verdict is Verdict.REDIRECTED else None,
        requests=sent,
    )


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class _HostQueue:
    """Hands out URLs so that no worker waits on a busy host while another host has work:
    a URL is given out only when its host has fewer than `per_host` checks running."""

    def __init__(self, urls: Sequence[str], per_host: int) -> None:
        self._pending: dict[str, deque[str]] = {}
        for url in urls:
            self._pending.setdefault(host_of(url), deque()).append(url)
        self._order = deque(self._pending)
        self._busy = dict.fromkeys(self._pending, 0)
        self._per_host = max(1, per_host)
        self._changed = threading.Condition()

    def take(self) -> str | None:
        with self._changed:
            while self._order:
                for _ in range(len(self._order)):
                    host = self._order[0]
                    self._order.rotate(-1)
                    if self._busy[host] < self._per_host:
                        url = self._pending[host].popleft()
                        self._busy[host] += 1
                        if not self._pending[host]:
                            self._order.remove(host)
                        return url
                self._changed.wait()
            return None

    def done(self, url: str) -> None:
        with self._changed:
            self._busy[host_of(url)] -= 1
            self._changed.notify_all()


def check_urls(
    client: Client,
    targets: Mapping[str, tuple[str, ...]],
    *,
    check: Callable[[Client, str, tuple[str, ...]], LinkResult] = check_url,
    progress: Callable[[int, int], None] | None = None,
) -> list[LinkResult]:
    """Check every URL once (targets maps URL -> ids of the entries that hold it), in parallel
    within the client's limits; results come back in the order of `targets`."""
    urls = list(targets)
    queue = _HostQueue(urls, client.config.per_host)
    results: dict[str, LinkResult] = {}
    failures: list[BaseException] = []
    lock = threading.Lock()

    def work() -> None:
        while (url := queue.take()) is not None:
            try:
                result = check(client, url, targets[url])
            except BaseException as error:  # noqa: BLE001 - handed to the caller's thread below
                with lock:
                    failures.append(error)
                result = None
            finally:
                queue.done(url)
            if result is not None:
                with lock:
                    results[url] = result
                    count = len(results)
                if progress is not None:
                    progress(count, len(urls))

    # Daemon threads: Ctrl-C must end the run even while a server is hanging.
    threads = [threading.Thread(target=work, daemon=True, name=f"linkcheck-{n}")
               for n in range(min(max(1, client.config.concurrency), len(urls)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return [results[url] for url in urls]


def excluded(url: str, entries: tuple[str, ...], excluded_by: str) -> LinkResult:
    return LinkResult(url=url, verdict=Verdict.EXCLUDED, status=None, error=None, final_url=None,
                      redirects=(), entries=entries, attempts=0, excluded_by=excluded_by)
