"""feed.xml: an Atom feed (RFC 4287) of the most recently added resources.

Built from the catalog alone (the `added` dates), so it needs neither git history nor a
feed plugin. Links are relative to the feed's own address unless the site has a site_url.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import cast
from xml.etree import ElementTree as ET

from pmgenome.site.hrefs import page_url
from pmgenome.site.views import EntryView
from pmgenome.text.clean import one_line

ATOM = "http://www.w3.org/2005/Atom"
FEED_SRC_URI = "feed.xml"
# Said alike by the Atom feed and the JSON Feed (site/jsonfeed.py), which carry the same items.
FEED_TITLE = "PM Genome: recently added resources"
FEED_SUBTITLE = ("Product management articles, books, courses, podcasts, newsletters, videos and meetups, "
                 "with who each one is for.")
FEED_AUTHOR = "PM Genome contributors"
# Stable ids that do not change when the site moves to another address.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://pmgenome/catalog")
_EPOCH = dt.date(1970, 1, 1)
ET.register_namespace("", ATOM)  # write <feed xmlns="..."> rather than ns0: prefixes


def stamp(day: dt.date | None) -> str:
    """A day as the feeds date an entry: midnight UTC (RFC 3339, which Atom and JSON Feed both use)."""
    return f"{(day or _EPOCH).isoformat()}T00:00:00Z"


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, name)}"


def entry_urn(view: EntryView) -> str:
    """An entry's id in every feed: the same in Atom and JSON Feed, whatever the site's address."""
    return _urn(f"entry:{view.id}")


def feed_base(site_url: str | None) -> str:
    """What the feeds put before a site path: the site's address, or nothing (relative links)."""
    return (site_url or "").rstrip("/") + "/" if site_url else ""


def categories(view: EntryView) -> list[tuple[str, str | None]]:
    """(term, scheme) of an entry in the feeds: its kind, its access, its segments."""
    terms: list[tuple[str, str | None]] = [(view.kind.value, None)]
    if view.entry.access:
        terms.append((one_line(view.entry.access), "access"))
    terms += [(one_line(segment), "segment") for segment in view.entry.segments]
    return terms


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(views: Sequence[EntryView], site_url: str | None, use_directory_urls: bool) -> bytes:
    """The feed document for `views`, newest first as given."""
    base = feed_base(site_url)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", _urn("feed"))
    _sub(feed, "title", FEED_TITLE)
    _sub(feed, "subtitle", FEED_SUBTITLE)
    _sub(feed, "updated", stamp(max((v.entry.added for v in views if v.entry.added), default=None)))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base + FEED_SRC_URI)
    _sub(feed, "link", rel="alternate", type="text/html", href=base or "./")
    author = _sub(feed, "author")
    _sub(author, "name", FEED_AUTHOR)
    _sub(feed, "generator", "pmgenome")
    for view in views:
        item = _sub(feed, "entry")
        _sub(item, "id", entry_urn(view))
        _sub(item, "title", view.title).set("type", "text")
        _sub(item, "updated", stamp(view.entry.added))
        _sub(item, "published", stamp(view.entry.added))
        _sub(item, "link", rel="alternate", type="text/html",
             href=base + page_url(view.src_uri, use_directory_urls))
        if view.url:
            _sub(item, "link", rel="related", href=view.url)
        for term, scheme in categories(view):
            if scheme is None:
                _sub(item, "category", term=term, label=view.kind.singular)
            else:
                _sub(item, "category", term=term, scheme=scheme)
        _sub(item, "summary", view.summary).set("type", "text")
    return cast(bytes, ET.tostring(feed, encoding="utf-8", xml_declaration=True)) + b"\n"  # bytes: an encoding given
