"""Checking one URL in tests: the library checks many at once (links.check.check_urls)."""

from __future__ import annotations

from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.verdict import LinkResult
from pmgenome.net.client import Client


def check_one(client: Client, url: str, entries: tuple[str, ...] = (),
              options: CheckOptions | None = None) -> LinkResult:
    """The result of checking `url` alone."""
    return check_urls(client, {url: entries}, options=options)[0]
