"""Bot challenges as the wire shows them: a header or a marker in the body that only a wall
between us and the page carries. The chain never asks such an answer again (the same wall comes
back); links/challenge.py adds what a parsed page shows (its title) for the verdict."""

from __future__ import annotations

from collections.abc import Mapping

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


def challenge_sign(headers: Mapping[str, str], body: bytes) -> str | None:
    """The header or body marker that shows this answer is a bot challenge, or None."""
    for name in CHALLENGE_HEADERS:
        value = headers.get(name)
        if value is not None:
            return f"{name}: {value.strip()[:40]}"
    head = body[:65536].lower()
    for marker in CHALLENGE_MARKERS:
        if marker in head:
            return f"a challenge page ({marker.decode()})"
    return None
