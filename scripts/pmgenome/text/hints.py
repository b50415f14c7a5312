"""Hints for people: the near miss they probably meant."""

from __future__ import annotations

import difflib


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    """' (did you mean 'x'?)' for a near miss, or ''."""
    lowered = {option.lower(): option for option in options}
    match = lowered.get(word.lower().strip())
    if match is None:
        close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
        match = lowered[close[0]] if close else None
    return f" (did you mean '{match}'?)" if match else ""
