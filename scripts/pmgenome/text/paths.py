"""Naming files the way people read them: the lowest layer, so every other one can name a file."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def _cwd_prefix(cwd: str) -> str:
    return cwd.rstrip(os.sep) + os.sep


def display_path(path: Path | str) -> str:
    """A path as people and GitHub annotations want it: relative to here when inside it."""
    text = str(path)
    if not os.path.isabs(text):
        return text
    prefix = _cwd_prefix(os.getcwd())
    return text[len(prefix):] if text.startswith(prefix) else text
