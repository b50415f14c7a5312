"""What the link checker reads of a page is decoded as the enrichment decodes it (net/decoding)."""

from __future__ import annotations

from pmgenome.links.page import summarize


def test_a_title_without_a_declared_charset_is_decoded_as_a_browser_would() -> None:
    page = "<html><head><title>Café pricing – a guide</title></head><body><h1>Pricing</h1></body></html>"
    assert summarize(page.encode("cp1252")).title == "Café pricing – a guide"
    assert summarize(page.encode("utf-8")).title == "Café pricing – a guide"


def test_a_meta_charset_is_read_and_a_bom_wins() -> None:
    page = '<html><head><meta charset="windows-1251"><title>Привет</title></head></html>'
    assert summarize(page.encode("cp1251")).title == "Привет"
    assert summarize(b"\xef\xbb\xbf<title>caf\xc3\xa9</title>", "text/html; charset=latin-1").title == "café"
