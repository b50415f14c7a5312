"""Text that strangers wrote (contributors, the pages we read), made safe to show anywhere.

Control characters are the one thing no output wants: C0 and C1 controls restyle terminals
(ESC, CSI), XML cannot carry most of them, and YAML refuses them. This module is their one
definition; each output then escapes what its own syntax needs (see `escape`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# C0 controls, DEL and C1 controls, as a character-class range for patterns that add their own.
CONTROL_CHARS = "\x00-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROL_CHARS}]")
# What one line of shown text never holds: the controls, plus lone surrogates and the two
# non-characters that no encoder or XML document accepts.
_NOT_SHOWN = re.compile(f"[{CONTROL_CHARS}\ud800-\udfff\ufffe\uffff]")
ELLIPSIS = "…"


def one_line(text: object) -> str:
    """One line of text: control characters and runs of whitespace become single spaces ('' for None)."""
    if text is None:
        return ""
    return " ".join(_NOT_SHOWN.sub(" ", str(text)).split())


@functools.lru_cache(maxsize=8)
def _controls_except(allowed: str) -> re.Pattern[str]:
    # One search in C: a loop over CONTROL's matches would stop at every line break of a file.
    controls = [chr(code) for code in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(code) not in allowed]
    return re.compile(f"[{re.escape(''.join(controls))}]")


def first_control(text: str, allowed: str = "\t\n") -> str | None:
    """The first control character in `text` other than those `allowed`, or None."""
    found = _controls_except(allowed).search(text)
    return found.group(0) if found else None


def shortened(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def character_name(char: str) -> str:
    """'U+00A0 NO-BREAK SPACE': a character people cannot see, named so they can find it."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")
