"""Issue 23, item 6: the bidirectional controls (U+202E makes '/\u202efdp.exe' display as '/exe.pdf')
never reach a page, a report, an annotation or a terminal as they are: each escaper drops them or
shows them as an escape, and the URL rule refuses them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pmgenome.enrich.extract import extract
from pmgenome.site.text import html_text, safe_url
from pmgenome.text.clean import bidi_problem, one_line
from pmgenome.text.escape import (
    github_data,
    github_markdown_text,
    github_property,
    json_text,
    markdown_code,
    markdown_url,
    python_markdown_text,
    terminal,
    terminal_line,
)
from pmgenome.urls import is_web_url, url_problem

CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE = "/\u202efdp.exe"


@pytest.mark.parametrize("char", CONTROLS)
def test_every_bidirectional_control_is_named_as_a_problem(char: str) -> None:
    assert bidi_problem(f"a{char}b") is not None
    assert url_problem(f"https://example.org/a{char}b") is not None
    assert not is_web_url(f"https://example.org/a{char}b")  # never linked to, stored or read from a list
    assert one_line(f"a{char}b") == "ab"


def test_text_without_them_has_no_problem() -> None:
    assert bidi_problem("مرحبا بالعالم and English, \u200d joined") is None
    assert url_problem("https://example.org/%E2%80%AEfdp.exe") is None  # encoded, it shows as written


def test_one_line_drops_them_rather_than_splitting_the_word() -> None:
    assert one_line("report\u202efdp.exe \u2066x\u2069") == "reportfdp.exe x"


def test_terminals_and_annotations_show_them_as_escapes() -> None:
    assert terminal(HOSTILE + "\n") == "/\\u202efdp.exe\n"
    assert terminal_line(HOSTILE + "\n") == "/\\u202efdp.exe\\x0a"
    assert github_data(HOSTILE) == "/\\u202efdp.exe"
    assert github_property(f"x{HOSTILE}") == "x/\\u202efdp.exe"


def test_json_keeps_the_value_and_prints_no_raw_control() -> None:
    printed = json_text(json.dumps({"title": HOSTILE}, ensure_ascii=False))
    assert printed == '{"title": "/\\u202efdp.exe"}'
    assert json.loads(printed) == {"title": HOSTILE}


def test_markdown_reports_drop_them_and_urls_are_percent_encoded() -> None:
    assert github_markdown_text(HOSTILE) == "\\/fdp\\.exe"
    assert markdown_code(HOSTILE) == "`/fdp.exe`"
    assert markdown_url(f"https://example.org{HOSTILE}") == "<https://example.org/%E2%80%AEfdp.exe>"


def test_site_pages_drop_them_and_link_no_address_holding_one() -> None:
    assert html_text(f"<b>{HOSTILE}</b>") == "&lt;b&gt;/fdp.exe&lt;/b&gt;"
    assert safe_url(f"https://example.org{HOSTILE}") is None  # a redirect's end shown as "moved to" is one
    assert python_markdown_text(HOSTILE) == "/fdp\\.exe"


def test_text_scraped_from_a_page_is_cleaned_where_it_is_read() -> None:
    body = ('<html lang="en"><head><title>Roadmaps\u202e</title><meta name="author" content="Ada \u2067Lovelace">'
            '<meta name="description" content="Plans \u200fthat work"></head><body><p>Text</p></body></html>')
    meta = extract(body.encode(), {"Content-Type": "text/html; charset=utf-8"}, "https://example.org/a",
                   today=dt.date(2026, 12, 6))
    assert (meta.title, meta.author, meta.description) == ("Roadmaps", "Ada Lovelace", "Plans that work")
