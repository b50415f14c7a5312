"""Bot challenges: the answer of a wall between us and the page, whatever its status code.

A challenge says nothing about whether the page exists, so it is `blocked` (a person checks by
hand), even when it comes as 200 or 202 or as a 503 that a retry would not change. The headers
and body markers live in net/challenge.py, where the chain reads them to decide not to retry.
"""

from __future__ import annotations

from collections.abc import Mapping

from pmgenome.links.page import PageSummary
from pmgenome.net.challenge import challenge_sign

# Titles of pages that only ask a visitor to prove something.
CHALLENGE_TITLES = (
    "just a moment...",
    "attention required! | cloudflare",
    "verify you are human",
    "are you a robot?",
    "human verification",
    "checking your browser",
    "ddos-guard",
    "robot check",
)


def challenge(headers: Mapping[str, str], body: bytes, page: PageSummary) -> str | None:
    """What shows that this answer is a bot challenge, or None."""
    sign = challenge_sign(headers, body)
    if sign is not None:
        return sign
    title = page.title.strip().lower()
    if title in CHALLENGE_TITLES:
        return f"a challenge page titled {page.title!r}"
    return None
