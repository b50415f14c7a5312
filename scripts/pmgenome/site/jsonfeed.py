"""feed.json: a JSON Feed 1.1 (jsonfeed.org/version/1.1) of the same items as the Atom feed.

Feed readers that prefer JSON take this one; each item has the Atom entry's id, dates, links and
categories (as tags), so a reader following both sees one resource once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pmgenome.site.feed import (
    FEED_AUTHOR,
    FEED_SUBTITLE,
    FEED_TITLE,
    categories,
    entry_urn,
    feed_base,
    stamp,
)
from pmgenome.site.hrefs import page_url
from pmgenome.site.views import EntryView
from pmgenome.text.clean import one_line

JSON_FEED_SRC_URI = "feed.json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# The media type the format asks publishers to serve it with (pages link it with this type).
JSON_FEED_TYPE = "application/feed+json"


def _item(view: EntryView, base: str, use_directory_urls: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry_urn(view),
        "url": base + page_url(view.src_uri, use_directory_urls),
        "title": view.title,
        "content_text": view.summary,
        "date_published": stamp(view.entry.added),
        "tags": [term for term, _ in categories(view)],
    }
    if view.url:
        item["external_url"] = view.url  # the resource itself; `url` is its page here
    if view.entry.language:
        item["language"] = one_line(view.entry.language)
    return item


def json_feed(views: Sequence[EntryView], site_url: str | None, use_directory_urls: bool) -> str:
    """The JSON Feed document for `views`, newest first as given (the Atom feed's items)."""
    base = feed_base(site_url)
    document: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": FEED_TITLE}
    if base:  # both must be full addresses; without a site_url the build cannot know them
        document["home_page_url"] = base
        document["feed_url"] = base + JSON_FEED_SRC_URI
    document.update({
        "description": FEED_SUBTITLE,
        "authors": [{"name": FEED_AUTHOR}],
        "language": "en",
        "items": [_item(view, base, use_directory_urls) for view in views],
    })
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
