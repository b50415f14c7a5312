"""podcasts.opml and newsletters.opml: subscription lists (OPML 2.0) of every show's or
newsletter's feed, so a reader adds them all to a podcast app or feed reader in one import.

Only entries with a `feed` are listed: a podcast app cannot subscribe to a web page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast
from xml.etree import ElementTree as ET

from pmgenome.catalog.model import Kind
from pmgenome.site.views import EntryView

OPML_SRC_URIS = {Kind.PODCAST: "podcasts.opml", Kind.NEWSLETTER: "newsletters.opml"}
OPML_TITLES = {Kind.PODCAST: "PM Genome: podcasts for product managers",
               Kind.NEWSLETTER: "PM Genome: newsletters for product managers"}
OPML_OWNER = "PM Genome contributors"


def with_feed(views: Iterable[EntryView]) -> list[EntryView]:
    """The views a subscription list holds: those with a feed, by title."""
    return sorted((view for view in views if view.feed), key=lambda view: (view.title.casefold(), view.id))


def subscription_list(kind: Kind, views: Iterable[EntryView]) -> bytes:
    """The OPML document for `kind`: one `rss` outline per entry with a feed, by title."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = OPML_TITLES[kind]
    ET.SubElement(head, "ownerName").text = OPML_OWNER
    body = ET.SubElement(opml, "body")
    for view in with_feed(views):
        # `type="rss"` is how subscription lists mark a feed, Atom ones included; `text` is required.
        outline = {"type": "rss", "text": view.title, "title": view.title, "xmlUrl": view.feed or ""}
        if view.url:
            outline["htmlUrl"] = view.url
        outline["description"] = view.summary
        ET.SubElement(body, "outline", outline)
    ET.indent(opml, space=" ")
    # typeshed types tostring as Any for a named encoding; any encoding but "unicode" gives bytes.
    return cast(bytes, ET.tostring(opml, encoding="utf-8", xml_declaration=True)) + b"\n"
