"""Link verdicts: what a URL's answer means for a reader.

A redirect is a fact carried beside the verdict, not a verdict of its own, except that a
permanent first hop earns `redirected` so the report can suggest the new URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from http import HTTPStatus
from urllib.parse import urljoin

from pmgenome.net.client import Redirect, Response

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


def excluded(url: str, entries: tuple[str, ...], excluded_by: str) -> LinkResult:
    return LinkResult(url=url, verdict=Verdict.EXCLUDED, status=None, error=None, final_url=None,
                      redirects=(), entries=entries, attempts=0, excluded_by=excluded_by)
