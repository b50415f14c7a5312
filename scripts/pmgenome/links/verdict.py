"""Link verdicts: what a URL's answer means for a reader.

A redirect is a fact carried beside the verdict, not a verdict of its own, except that a
permanent first hop earns `redirected` so the report can suggest the new URL.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urljoin

from pmgenome.links.challenge import challenge
from pmgenome.links.page import PageSummary
from pmgenome.links.soft404 import parking_evidence, redirect_evidence, titled_not_found
from pmgenome.net.client import Answer, ErrorKind, Redirect
from pmgenome.net.status import PERMANENT_REDIRECTS, status_text

# Answers that say "not for you" rather than "not here": the page most likely exists behind a bot
# wall, a login, a rate limit or a legal block, so a person should look, and CI should not fail.
BLOCKED_STATUSES = frozenset({401, 403, 405, 406, 429, 451, 999})
# Network failures that no retry would change.
FINAL_ERRORS = frozenset({ErrorKind.DNS, ErrorKind.REFUSED, ErrorKind.PRIVATE_ADDRESS, ErrorKind.INVALID_URL,
                          ErrorKind.TLS, ErrorKind.REDIRECT_LOOP, ErrorKind.TOO_MANY_REDIRECTS})
_REDIRECT_ERRORS = frozenset({ErrorKind.REDIRECT_LOOP, ErrorKind.TOO_MANY_REDIRECTS})

__all__ = ["BLOCKED_STATUSES", "FINAL_ERRORS", "LinkResult", "Verdict", "excluded", "judge", "status_text",
           "suggested_url"]


class Verdict(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    SOFT_404 = "soft-404"
    TIMEOUT = "timeout"
    BLOCKED = "blocked"
    EXCLUDED = "excluded"


# Verdicts that fail a run: the link does not lead to the resource.
DEAD = frozenset({Verdict.BROKEN, Verdict.SOFT_404})


@dataclass(frozen=True)
class LinkResult:
    """The verdict on one URL, with what led to it."""

    url: str
    verdict: Verdict
    status: int | None
    error: str | None  # why, when the verdict is not plainly ok: the error or the evidence
    final_url: str | None
    redirects: tuple[Redirect, ...]
    entries: tuple[str, ...]
    attempts: int  # tries of this URL in this run (0 when not fetched)
    suggestion: str | None = None  # the URL to write instead, after a permanent redirect
    archived: str | None = None  # an archived copy, offered for a dead link
    checked_at: str | None = None  # when it was fetched (UTC, ISO 8601)
    failures: int = 0  # consecutive runs in which it was dead, this one included
    confirmed: bool = True  # a dead link that fails the run (see cache.with_history)
    cached: bool = False  # taken from the cache rather than fetched in this run
    requests: int = 0  # HTTP requests sent in this run
    excluded_by: str | None = None  # the exclusion's reason and where it is written

    @property
    def dead(self) -> bool:
        return self.verdict in DEAD

    @property
    def failing(self) -> bool:
        """Dead and counted: this fails the run."""
        return self.dead and self.confirmed


def suggested_url(redirects: Sequence[Redirect]) -> str | None:
    """Where the leading run of permanent redirects ends: the URL to write instead."""
    target = None
    for hop in redirects:
        if hop.status not in PERMANENT_REDIRECTS:
            break
        target = urljoin(hop.url, hop.location)
    return target


@dataclass(frozen=True)
class Fetched:
    """Everything one URL's check saw: its last answer, the hops before it, and the tries."""

    url: str
    final_url: str
    answer: Answer
    redirects: tuple[Redirect, ...]
    attempts: int
    seconds: float = 0.0  # from the first try to the last answer
    page: PageSummary = PageSummary()


def judge(fetched: Fetched, accepted: Collection[int] = ()) -> tuple[Verdict, str | None]:
    """The verdict on a URL from what its check saw, and why, when it is not plainly fine.
    `accepted` are statuses the host's policy counts as working. A soft 404 that needs the
    host's own 404 page to be told apart is left to the caller (see soft404.resembles)."""
    answer = fetched.answer
    after = f" (after redirects, at {fetched.final_url})" if fetched.redirects else ""
    if answer.error_kind is ErrorKind.TIMEOUT:
        return Verdict.TIMEOUT, _tries(f"{answer.error or 'timed out'}{after}", fetched)
    if answer.error is not None:
        # Where it failed, when that is not the URL itself (a loop's message names the place already).
        text = answer.error + ("" if answer.error_kind in _REDIRECT_ERRORS else after)
        return Verdict.BROKEN, _tries(text, fetched) if answer.error_kind not in FINAL_ERRORS else text
    status = answer.status or 0
    wall = challenge(answer.headers, answer.body, fetched.page)
    if wall is not None:
        return Verdict.BLOCKED, f"{status_text(status)}{after} with a bot challenge ({wall}): check by hand"
    if status in accepted:
        return Verdict.OK, None
    if status in BLOCKED_STATUSES or status >= 600:
        text = f"{status_text(status)}{after}: the site turns away automated checks; check by hand"
        return Verdict.BLOCKED, _tries(text, fetched) if status == 429 else text
    if 200 <= status < 300:
        evidence = (redirect_evidence(fetched.url, fetched.final_url, fetched.redirects)
                    or parking_evidence(fetched.final_url, fetched.page) or titled_not_found(fetched.page))
        if evidence is not None:
            return Verdict.SOFT_404, f"soft 404: {evidence}"
    if 200 <= status < 400:
        return (Verdict.REDIRECTED if suggested_url(fetched.redirects) else Verdict.OK), None
    if 500 <= status < 600:
        return Verdict.BROKEN, _tries(f"{status_text(status)}{after}", fetched)
    return Verdict.BROKEN, f"{status_text(status)}{after}"


def _tries(text: str, fetched: Fetched) -> str:
    if fetched.attempts <= 1:
        return text
    spread = f" over {fetched.seconds:.0f}s" if fetched.seconds >= 1 else ""
    return f"{text}, still after {fetched.attempts} attempts{spread}"


def excluded(url: str, entries: tuple[str, ...], excluded_by: str) -> LinkResult:
    return LinkResult(url=url, verdict=Verdict.EXCLUDED, status=None, error=None, final_url=None,
                      redirects=(), entries=entries, attempts=0, excluded_by=excluded_by)
