"""Archived copies of broken pages, from the Wayback Machine's availability API."""

from __future__ import annotations

import json
import threading
from urllib.parse import quote

from pmgenome.net.client import Client
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
    """Archived copies for several URLs, asked in parallel within the client's limits.

    Daemon threads joined in short waits, not a thread pool: Ctrl-C while the archive is slow
    or hangs ends the run at once, where a pool's threads are waited for (minutes) at exit."""
    found: dict[str, str] = {}
    queue = list(reversed(urls))
    lock = threading.Lock()

    def work() -> None:
        while True:
            with lock:
                if not queue:
                    return
                url = queue.pop()
            try:
                copy = archived_copy(client, url, base)
            except Exception:  # noqa: BLE001 - a missing suggestion is never worth a traceback or the others
                copy = None
            if copy:
                with lock:
                    found[url] = copy

    threads = [threading.Thread(target=work, daemon=True, name=f"wayback-{n}") for n in range(min(4, len(urls)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)
    return {url: found[url] for url in urls if url in found}
