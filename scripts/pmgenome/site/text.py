"""Turning strangers' text into safe output for the site: plain text for HTML, and links (Markdown
is text/escape.python_markdown_text).

Contributors and the pages we enrich from are strangers. Their text is shown as text,
whatever characters it holds, and only http(s) addresses ever become links.
"""

from __future__ import annotations

import html

from pmgenome.text.clean import one_line
from pmgenome.urls import is_web_url


def html_text(text: object) -> str:
    """Text for an HTML element or a quoted attribute."""
    return html.escape(one_line(text), quote=True)


def safe_url(url: object) -> str | None:
    """The address when it is an absolute http(s) URL we may link to, else None."""
    return url if is_web_url(url) else None
