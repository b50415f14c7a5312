"""HTTP status codes: their text for people, and what each means for fetching again."""

from __future__ import annotations

from http import HTTPStatus

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
# 5xx answers that say "not now" rather than "never": 501 and friends will not change on a retry.
FINAL_5XX = frozenset({501, 505, 506, 508, 510, 511})


def status_text(status: int | None) -> str:
    """'HTTP 404 Not Found' (the reason phrase only when the code is a known one)."""
    if status is None:
        return "no HTTP answer"
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def is_server_trouble(status: int | None) -> bool:
    """A 5xx answer that a later try may not give (a deploy, a restart, an overloaded server)."""
    return status is not None and 500 <= status < 600 and status not in FINAL_5XX


def is_retryable_status(status: int | None) -> bool:
    return status == 429 or is_server_trouble(status)
