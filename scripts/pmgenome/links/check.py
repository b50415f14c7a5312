"""Checking URLs politely: HEAD first, GET when needed, many hosts in parallel, each within its limit."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlsplit

from pmgenome.links.verdict import (
    FINAL_ERRORS,
    LinkResult,
    Verdict,
    judge,
    suggested_url,
)
from pmgenome.net.client import Client, Response


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
