"""Turning strangers' text into safe output: plain text for HTML, Markdown and XML, and links.

Contributors and the pages we enrich from are strangers. Their text is shown as text,
whatever characters it holds, and only http(s) addresses ever become links.
"""

from __future__ import annotations

import html
import re

from pmgenome.text.clean import one_line
from pmgenome.urls import is_web_url

# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS) that can
# start markup; `<` and `&` are left to html.escape so that they become entities.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def clean(text: object) -> str:
    """One line of text: whitespace runs collapsed, characters no document may hold removed."""
    return one_line(text)


def html_text(text: object) -> str:
    """Text for an HTML element or a quoted attribute."""
    return html.escape(clean(text), quote=True)


def markdown_text(text: object) -> str:
    """Text for a Markdown line (a heading, a list item): no Markdown or HTML survives."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", clean(text))
    # quote=False: an entity like &#x27; would carry a '#' we did not escape; quotes are
    # harmless in Markdown text.
    return html.escape(escaped, quote=False)


def safe_url(url: object) -> str | None:
    """The address when it is an absolute http(s) URL we may link to, else None."""
    return url if is_web_url(url) else None
