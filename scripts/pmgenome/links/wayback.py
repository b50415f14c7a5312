"""Archived copies of broken pages, from the Wayback Machine's availability API."""

from __future__ import annotations

import json
from urllib.parse import quote

from pmgenome.net.client import Client
from pmgenome.net.workers import completed
from pmgenome.urls import is_web_url

DEFAULT_WAYBACK_URL = "https://archive.org"
WAYBACK_ENV = "PMGENOME_WAYBACK_URL"  # a base URL, or "off" to ask nobody


def archived_copy(client: Client, url: str, base: str = DEFAULT_WAYBACK_URL) -> str | None:
    """The URL of the closest archived snapshot of `url`, or None when there is none or the
    archive cannot be asked (a missing suggestion is never worth failing for)."""
    query = f"{base.rstrip('/')}/wayback/available?url={quote(url, safe='')}"
    response = client.request("GET", query, max_bytes=100_000)
    if not response.ok:
        return None
    try:
        closest = json.loads(response.body)["archived_snapshots"]["closest"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(closest, dict) or closest.get("available") is not True:
        return None
    snapshot, status = closest.get("url"), str(closest.get("status", "200"))
    return snapshot if is_web_url(snapshot) and status.startswith("2") else None


def archived_copies(client: Client, urls: list[str], base: str) -> dict[str, str]:
    """Archived copies for several URLs, asked in parallel within the client's limits, on the
    daemon threads of net.workers: Ctrl-C while the archive is slow or hangs ends the run at once."""

    def look_up(url: str) -> str | None:
        try:
            return archived_copy(client, url, base)
        except Exception:  # noqa: BLE001 - a missing suggestion is never worth a traceback or the others
            return None

    found = dict(completed(look_up, urls, workers=4, name="wayback"))
    return {url: copy for url in urls if (copy := found.get(url))}
