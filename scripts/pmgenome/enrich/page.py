"""Fetching one page through the shared client and reading its metadata: what inspect, new and
enrich have in common."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pmgenome.enrich.extract import PageMeta, extract
from pmgenome.net.client import Client, media_type
from pmgenome.net.status import status_text

HTML_TYPES = ("text/html", "application/xhtml+xml")
# "" is a response without Content-Type: read it and look at the bytes, as browsers do.
READ_TYPES = HTML_TYPES + ("",)
SNIFF_BYTES = 1024
# Enough for the largest real article pages (with inline scripts) while bounding a hostile one.
MAX_PAGE_BYTES = 3_000_000


@dataclass(frozen=True)
class PageResult:
    """The outcome of fetching one URL. `meta` is None when nothing could be read as HTML."""

    url: str
    final_url: str
    status: int | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    meta: PageMeta | None
    error: str | None
    not_modified: bool = False
    truncated: bool = False
    requests: int = 0
    error_kind: str | None = None  # the client's ErrorKind when the page could not be fetched

    @property
    def ok(self) -> bool:
        return self.error is None


def looks_like_html(body: bytes) -> bool:
    """Whether an untyped body is markup rather than a binary file (PDF, image, archive)."""
    head = body[:SNIFF_BYTES]
    return b"\x00" not in head and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def fetch_page(client: Client, url: str, *, headers: Mapping[str, str] | None = None,
               today: dt.date | None = None) -> PageResult:
    """Fetch `url` and extract its metadata. Never raises for a network or page problem.

    A body that is not HTML (a PDF, an image) is not read: the result carries its content type and
    no metadata. A page cut at the byte cap is still read (its head holds the metadata) but its
    word count is dropped, since it would count only part of the text.
    """
    response = client.request("GET", url, headers=headers, max_bytes=MAX_PAGE_BYTES, body_types=READ_TYPES)
    kind = media_type(response.headers) or None
    common: dict[str, Any] = dict(url=url, final_url=response.final_url, status=response.status, content_type=kind,
                  etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                  truncated=response.truncated, requests=response.requests)
    if response.error is not None:
        return PageResult(**common, meta=None, error=response.error, error_kind=response.error_kind)
    if response.status == 304:
        return PageResult(**common, meta=None, error=None, not_modified=True)
    if response.status is None or not 200 <= response.status < 300:
        return PageResult(**common, meta=None, error=status_text(response.status))
    if response.body_skipped or (kind is None and not looks_like_html(response.body)):
        return PageResult(**common, meta=None, error=None)
    try:
        meta = extract(response.body, response.headers, response.final_url, today=today)
    except Exception as error:  # noqa: BLE001 - one page that trips a bug must not end a whole run
        return PageResult(**common, meta=None, error=f"could not read the page's metadata "
                                                    f"({type(error).__name__}: {error}); please report this page")
    if response.truncated:
        meta = dataclasses.replace(meta, word_count=None, reading_minutes=None)
    return PageResult(**common, meta=meta, error=None)
