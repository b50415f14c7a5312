"""Where a character is in a text, as people count it: line and column, from 1."""

from __future__ import annotations


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index` in `text`."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1
