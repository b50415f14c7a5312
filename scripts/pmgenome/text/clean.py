"""Text that strangers wrote (contributors, the pages we read), made safe to show anywhere.

Control characters are the one thing no output wants: C0 and C1 controls restyle terminals
(ESC, CSI), XML cannot carry most of them, and YAML refuses them. The bidirectional controls
are their invisible cousins: they reorder how the text after them is shown. This module is the
one definition of both; each output then escapes what its own syntax needs (see `escape`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# C0 controls, DEL and C1 controls, as a character-class range for patterns that add their own.
CONTROL_CHARS = "\x00-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROL_CHARS}]")
# The bidirectional controls (marks, embeddings, overrides, isolates), as a character-class range:
# invisible, they change the order the text around them is shown in, so that "/\u202efdp.exe"
# reads "/exe.pdf". Right-to-left text needs none of them to show right.
BIDI_CHARS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
BIDI = re.compile(f"[{BIDI_CHARS}]")
# What one line of shown text never holds: the controls, plus lone surrogates and the two
# non-characters that no encoder or XML document accepts (each becomes a space), and the
# bidirectional controls (dropped: a space would split the word they sat in).
_NOT_SHOWN = re.compile(f"[{CONTROL_CHARS}\ud800-\udfff\ufffe\uffff{BIDI_CHARS}]")
ELLIPSIS = "…"


def _not_shown(found: re.Match[str]) -> str:
    return "" if BIDI.match(found.group(0)) else " "


def one_line(text: object) -> str:
    """One line of text: control characters and runs of whitespace become single spaces, and
    bidirectional controls are dropped ('' for None)."""
    if text is None:
        return ""
    return " ".join(_NOT_SHOWN.sub(_not_shown, str(text)).split())


@functools.lru_cache(maxsize=8)
def _controls_except(allowed: str) -> re.Pattern[str]:
    # One search in C: a loop over CONTROL's matches would stop at every line break of a file.
    controls = [chr(code) for code in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(code) not in allowed]
    return re.compile(f"[{re.escape(''.join(controls))}]")


def first_control(text: str, allowed: str = "\t\n") -> str | None:
    """The first control character in `text` other than those `allowed`, or None."""
    found = _controls_except(allowed).search(text)
    return found.group(0) if found else None


def bidi_problem(text: str) -> str | None:
    """Why `text` may not be shown as written (it holds a bidirectional control), or None."""
    found = BIDI.search(text)
    if found is None:
        return None
    return (f"holds {character_name(found.group(0))}, an invisible character that changes the order text is "
            "shown in; delete it")


def shortened(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def character_name(char: str) -> str:
    """'U+00A0 NO-BREAK SPACE': a character people cannot see, named so they can find it."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")
