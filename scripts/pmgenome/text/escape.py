"""Escaping for each output we write: one function per syntax, so no output forgets a case."""

from __future__ import annotations


def github_data(text: str) -> str:
    """The message part of a GitHub workflow command (`::error ...::message`): %, CR and LF
    would end or split the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command (`file=...,title=...`): also `:` and `,`."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
