"""Strangers' text stays text: in Markdown, in HTML, and as links only when http(s)."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from pmgenome.site.hrefs import href, page_url, root_href
from pmgenome.site.text import html_text, safe_url
from pmgenome.text.clean import one_line
from pmgenome.text.escape import python_markdown_text

# The extensions mkdocs.yml enables.
EXTENSIONS = ["toc", "attr_list", "tables", "fenced_code"]
HOSTILE = [
    "Pricing & <Packaging>",
    "1. Not a list *nor emphasis* [nor a link] #hash {: .attr} \\ back",
    "# heading", "- item", "+ item", "> quote", "Title ###", "<http://example.com>",
    "[text](https://example.com) ![image](x.png) `code` **bold** __bold__ _em_",
    "&amp; &#x27; &copy; <!-- comment --> <script>alert(1)</script>",
    "a | b | c", "~~strike~~ ==mark== :smile:",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_python_markdown_text_renders_as_the_same_text(text: str) -> None:
    for source in (f"# {python_markdown_text(text)}", python_markdown_text(text), f"- {python_markdown_text(text)}"):
        soup = BeautifulSoup(markdown.markdown(source, extensions=EXTENSIONS), "html.parser")
        element = soup.find(["h1", "p", "li"])
        assert element.get_text() == text
        assert [child.name for child in element.find_all(True)] == []


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_renders_as_the_same_text(text: str) -> None:
    soup = BeautifulSoup(f'<p title="{html_text(text)}">{html_text(text)}</p>', "html.parser")
    assert soup.p.get_text() == text
    assert soup.p["title"] == text
    assert soup.p.find_all(True) == []


def test_one_line_makes_one_line_without_characters_xml_refuses() -> None:
    assert one_line("  two\n\nlines\tand\x01 a\x0bbell\x07  ") == "two lines and a bell"
    assert one_line(None) == ""
    assert one_line(42) == "42"


@pytest.mark.parametrize("url", [
    "https://example.com/a?b=c&d=e", "http://example.com", "HTTPS://EXAMPLE.COM/x",
])
def test_http_urls_are_links(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "//example.com/x",
    "/relative", "ftp://example.com/", "https://", "https://exa mple.com/", "https://example.com/\nx",
    "mailto:someone@example.com", "", None, 42,
])
def test_anything_else_is_not_a_link(url: object) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(("source", "target", "directory_urls", "expected"), [
    ("index.md", "segments/b2b.md", True, "segments/b2b/"),
    ("resources/x.md", "segments/b2b.md", True, "../../segments/b2b/"),
    ("segments/b2b.md", "segments/index.md", True, "../"),
    ("resources/x.md", "index.md", True, "../../"),
    ("explore/index.md", "api/catalog.json", True, "../api/catalog.json"),
    ("index.md", "index.md", True, "./"),
    ("index.md", "segments/b2b.md", False, "segments/b2b.html"),
    ("resources/x.md", "segments/b2b.md", False, "../segments/b2b.html"),
    ("segments/b2b.md", "segments/index.md", False, "index.html"),
    ("explore/index.md", "api/catalog.json", False, "../api/catalog.json"),
])
def test_links_are_relative_as_mkdocs_names_pages(source: str, target: str, directory_urls: bool,
                                                  expected: str) -> None:
    assert href(source, target, directory_urls) == expected


def test_page_urls_and_roots() -> None:
    assert [page_url(uri) for uri in ("index.md", "segments/index.md", "resources/a.md", "feed.xml")] == [
        "", "segments/", "resources/a/", "feed.xml"]
    assert page_url("resources/a.md", use_directory_urls=False) == "resources/a.html"
    assert [root_href(uri) for uri in ("index.md", "explore/index.md", "resources/a.md")] == ["./", "../", "../../"]
    assert root_href("resources/a.md", use_directory_urls=False) == "../"
    assert href("segments/b2b.md", "segments/index.md", fragment="rule") == "../#rule"
