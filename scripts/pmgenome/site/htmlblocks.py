"""HTML blocks of our generated Markdown that skip the Markdown parser, with the same result.

Python-Markdown hands a raw HTML block back verbatim, but first feeds every tag of it through
its HTML parser: at 10,000 entries that parsing was a large share of the whole build. Our
templates mark such blocks with HTML comments; the plugin sets each marked block aside before
Markdown runs, leaves an empty placeholder block, and puts the block back into the HTML
afterwards. Any other engine reads the same Markdown and just sees two comments.
"""

from __future__ import annotations

START = "<!-- pmgenome:html -->"
END = "<!-- /pmgenome:html -->"
SLOT = '<div data-pmgenome-slot="{}"></div>'


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each marked block replaced by a placeholder, and the blocks in order."""
    parts: list[str] = []
    blocks: list[str] = []
    position = 0
    while (start := markdown.find(START, position)) != -1:
        end = markdown.find(END, start)
        if end == -1:
            break
        parts.append(markdown[position:start])
        parts.append(SLOT.format(len(blocks)))
        blocks.append(markdown[start + len(START):end].strip("\n"))
        position = end + len(END)
    parts.append(markdown[position:])
    return "".join(parts), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The HTML with every placeholder replaced by its block."""
    for index, block in enumerate(blocks):
        html = html.replace(SLOT.format(index), block, 1)
    return html
