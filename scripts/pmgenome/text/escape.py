"""Escaping for each output we write: one function per syntax, so no output forgets a case."""

from __future__ import annotations

import re

from pmgenome.text.clean import CONTROL


def github_data(text: str) -> str:
    """The message part of a GitHub workflow command (`::error ...::message`): %, CR and LF
    would end or split the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command (`file=...,title=...`): also `:` and `,`."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def terminal(text: str) -> str:
    """Text for a terminal or a log: every control character but newline and tab is shown as an
    escape (`\\x1b`), so a page title or a redirect target cannot move the cursor, restyle the
    screen, set the window title (OSC) or ring the bell."""
    return CONTROL.sub(_visible, text)


def _visible(found: re.Match[str]) -> str:
    char = found.group(0)
    return char if char in "\n\t" else f"\\x{ord(char):02x}"
