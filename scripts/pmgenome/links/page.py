"""What the link checker reads of a page: its title, main headings and the start of its text.

Enough to tell a "page not found" or a parking page served with 200 from a real page, without
the enrichment's full extraction: the body is already capped by the client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import lxml.etree
import lxml.html

from pmgenome.net.decoding import decode_html
from pmgenome.text.clean import one_line

TEXT_CHARS = 3000  # of visible text kept: the start of a page says whether it is a real one
_UNSEEN = ("script", "style", "noscript", "template", "svg", "head")


@dataclass(frozen=True)
class PageSummary:
    title: str = ""
    headings: tuple[str, ...] = ()  # h1 then h2 texts, the first few
    text: str = ""  # visible text, one line, at most TEXT_CHARS
    text_length: int = 0  # all of the visible text, in characters
    size: int = 0  # bytes of the body as read


def _elements(root: lxml.html.HtmlElement, query: str) -> list[lxml.html.HtmlElement]:
    # lxml types xpath's result as any XPath value; a query for elements returns a list of them.
    return cast(list[lxml.html.HtmlElement], root.xpath(query))


def summarize(body: bytes, content_type: str = "") -> PageSummary:
    """The title, headings and visible text of an HTML body (empty parts when it is not HTML
    or cannot be parsed: a checker never fails on a page)."""
    if not body.strip():
        return PageSummary(size=len(body))
    try:
        root = lxml.html.document_fromstring(decode_html(body, {"Content-Type": content_type}).text)
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return PageSummary(size=len(body))
    title = one_line(" ".join(cast(list[str], root.xpath("//title//text()"))[:50]))[:300]
    headings = tuple(
        one_line(element.text_content())[:300]
        for element in (_elements(root, "//h1")[:3] + _elements(root, "//h2")[:3])
    )
    for element in _elements(root, "|".join(f"//{tag}" for tag in _UNSEEN)):
        element.drop_tree()
    body_element = cast(lxml.html.HtmlElement | None, root.find("body"))
    text = one_line(body_element.text_content() if body_element is not None else "")
    return PageSummary(title, tuple(h for h in headings if h), text[:TEXT_CHARS], len(text), len(body))
