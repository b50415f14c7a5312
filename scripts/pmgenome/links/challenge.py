"""Bot challenges: the answer of a wall between us and the page, whatever its status code.

A challenge says nothing about whether the page exists, so it is `blocked` (a person checks by
hand), even when it comes as 200 or 202 or as a 503 that a retry would not change.
"""

from __future__ import annotations

from collections.abc import Mapping

from pmgenome.links.page import PageSummary

# Headers that only a challenge or a block carries (their values vary: challenge, captcha, block).
CHALLENGE_HEADERS = ("cf-mitigated", "x-amzn-waf-action", "x-sucuri-block")
# Bytes found only on challenge or block pages, never on the pages behind them.
CHALLENGE_MARKERS = (
    b"window._cf_chl_opt",  # Cloudflare's managed challenge
    b"cf-chl-widget",
    b"awswafintegration",  # AWS WAF's challenge script
    b"awswafcookiedomainlist",
    b"captcha-delivery.com",  # DataDome's block page
    b"_incapsula_resource",  # Imperva
    b"px-captcha",  # HUMAN (PerimeterX)
    b"sucuri website firewall",
    b"/errors/validatecaptcha",  # Amazon's robot check (a 503 that no retry changes)
)
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
    for name in CHALLENGE_HEADERS:
        value = headers.get(name)
        if value is not None:
            return f"{name}: {value.strip()[:40]}"
    head = body[:65536].lower()
    for marker in CHALLENGE_MARKERS:
        if marker in head:
            return f"a challenge page ({marker.decode()})"
    title = page.title.strip().lower()
    if title in CHALLENGE_TITLES:
        return f"a challenge page titled {page.title!r}"
    return None
