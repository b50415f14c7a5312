"""Reading a JSON file that the tools keep (a store, a cache) and telling exactly how it is damaged.

A store is written atomically, but people edit, merge and copy it: a merge leaves conflict
markers, a copy is cut short, an editor saves it in Latin-1. `read_json` never guesses and never
raises for such a file: it returns the data, or one located problem (`file:line:col: message`)
naming the first damage it finds, so the caller can refuse the file and leave it untouched rather
than read it as empty and then overwrite it. A missing file is not damage: the result is None.

Damage is a value, not an exception, because callers differ in what they do with it: the
enrichment store refuses to run, a cache may choose to start afresh with a warning. The checks
come in the order that gives the most useful message: the file itself (a folder, unreadable, too
large, empty), its bytes (NUL, not UTF-8), merge-conflict markers, then JSON syntax, then the
limits on what a parsed document may hold (nesting depth, numbers a float cannot hold, strings
that cannot be written back as UTF-8). The top-level type is the caller's to check.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from pmgenome.text.paths import display_path
from pmgenome.text.position import position

BOM = "\ufeff"
# Lines a merge leaves in a file it could not merge (diff3 style adds the ||||||| one): the marker
# at the start of a line, then a space, a line break or the end.
CONFLICT_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")
# What the parsed document cannot carry safely: a lone UTF-16 surrogate (from a "\ud800" escape)
# cannot be encoded as UTF-8 when the file is written back.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_CONTAINERS = (dict, list)
# Tokens for locating a problem the parser reports without a position: strings as a whole (so
# brackets and digits inside them do not count), brackets, numbers, and the non-JSON constants.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]|-?[0-9][0-9.eE+-]*|NaN|-?Infinity')
# What the end of the text can cut off where the parser reports an error at the token's start,
# not at the end: by the parser's message, a value's start (a minus, true, false, null), a
# number's fraction or exponent, a \u escape.
_PARTIAL_TOKENS = {
    "Expecting value": re.compile(r"-|t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?"),
    "Expecting ',' delimiter": re.compile(r"[.eE][-+.eE0-9]*"),
    "Invalid \\uXXXX escape": re.compile(r"u[0-9a-fA-F]{0,4}"),
}
MAX_INT_DIGITS = 4300  # Python's own limit for turning digits into an int


class Damage(StrEnum):
    FOLDER = "folder"  # a folder where the file should be
    UNREADABLE = "unreadable"  # permissions, an I/O error, not a regular file
    TOO_LARGE = "too-large"  # over the caller's byte limit
    EMPTY = "empty"  # no JSON at all
    NUL = "nul"  # a NUL byte: binary or zero-filled after a crash
    ENCODING = "encoding"  # a byte sequence that is not UTF-8
    CONFLICT = "conflict"  # merge-conflict markers
    TRUNCATED = "truncated"  # the document stops before it is complete
    TRAILING = "trailing"  # more text after a complete document
    SYNTAX = "syntax"  # anything else the JSON grammar refuses
    TOO_DEEP = "too-deep"  # nesting deeper than the caller's limit
    NUMBER = "number"  # NaN, Infinity, or a number no float or int can hold
    TEXT = "text"  # a string holding a lone surrogate


@dataclass(frozen=True)
class JsonDamage:
    """Why a JSON file cannot be used, at the line and column (1-based, in characters) to look at."""

    path: str  # the file as people read it (relative to the working folder when inside it)
    line: int
    col: int
    message: str
    kind: Damage

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


# read_json's maker of a JsonDamage for its file: (line, col, message, kind) -> JsonDamage.
_DamageAt = Callable[[int, int, str, Damage], JsonDamage]


@dataclass(frozen=True)
class JsonDocument:
    """A file read as JSON: its value (dicts, lists, str, int, finite float, bool, None) and its text."""

    value: Any
    text: str

    def position_of_key(self, key: str) -> tuple[int, int]:
        """Line and column of the first `"key":` in the text (1, 1 when absent): where to look
        when a value under that key is wrong. The first occurrence is a good guess, not a proof."""
        found = re.search(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:", self.text)
        return position(self.text, found.start()) if found else (1, 1)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace"))
    return data.count(b"\n", 0, offset) + 1, column + 1


class _BadNumber(ValueError):
    """A number JSON cannot carry: NaN, Infinity or -Infinity (Python's parser accepts them, JSON
    does not), or one too large for a float (1e999 would be read as infinity)."""


def _refuse_constant(name: str) -> Any:
    raise _BadNumber(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber("a number too large for a float")
    return value


def read_json(path: Path, *, max_bytes: int, max_depth: int) -> JsonDocument | JsonDamage | None:
    """The JSON document in `path`, the first damage found in it, or None when there is no file.

    Never raises for anything in or about the file: every kind of damage is a JsonDamage.
    `max_bytes` bounds what is read, `max_depth` how deeply arrays and objects may nest
    (a bare value is depth 0, `[1]` is 1); keep it well under Python's recursion limit (about
    1,000), which the parser hits first on deeper files (reported as too deep all the same).
    """
    shown = display_path(path)

    def damage(line: int, col: int, message: str, kind: Damage) -> JsonDamage:
        return JsonDamage(shown, line, col, message, kind)

    data = _read_bytes(Path(path), max_bytes, damage)
    if data is None or isinstance(data, JsonDamage):
        return data
    text = _decoded(data, damage)
    if isinstance(text, JsonDamage):
        return text
    conflict = _conflict_marker(text)
    if conflict is not None:
        return damage(*position(text, conflict), f"merge-conflict marker '{text[conflict:conflict + 7]}': "
                      "resolve the merge conflict", Damage.CONFLICT)
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        return _syntax_damage(text, error, damage)
    except RecursionError:
        return damage(*_locate(text, max_depth), f"nesting deeper than {max_depth} levels", Damage.TOO_DEEP)
    except ValueError as error:  # see _BadNumber; else an integer of more than 4300 digits
        what = str(error) if isinstance(error, _BadNumber) else f"a number of more than {MAX_INT_DIGITS} digits"
        return damage(*_locate(text, max_depth), what, Damage.NUMBER)
    problem = _limits(value, text, max_depth)
    if problem is not None:
        line, col = _locate(text, max_depth)
        return damage(line, col, problem[0], problem[1])
    return JsonDocument(value, text)


def _read_bytes(path: Path, max_bytes: int, damage: _DamageAt) -> bytes | JsonDamage | None:
    try:
        # O_NONBLOCK: a FIFO where the file should be must not hang the run on open.
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return damage(1, 1, "a folder where the file should be", Damage.FOLDER)
    except OSError as error:
        return damage(1, 1, f"cannot read the file ({error.strerror or error})", Damage.UNREADABLE)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return damage(1, 1, "a folder where the file should be", Damage.FOLDER)
        if not stat.S_ISREG(info.st_mode):
            return damage(1, 1, "not a regular file (a device, a pipe or a socket)", Damage.UNREADABLE)
        if info.st_size > max_bytes:
            return damage(1, 1, f"the file is {info.st_size:,} bytes; the limit is {max_bytes:,}", Damage.TOO_LARGE)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return damage(1, 1, f"cannot read the file ({error.strerror or error})", Damage.UNREADABLE)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew while we read it
        return damage(1, 1, f"the file is over the limit of {max_bytes:,} bytes", Damage.TOO_LARGE)
    return data


def _decoded(data: bytes, damage: _DamageAt) -> str | JsonDamage:
    if not data.strip():
        return damage(1, 1, "the file is empty", Damage.EMPTY)
    nul = data.find(b"\x00")
    if nul >= 0:
        return damage(*_byte_position(data, nul), "a NUL byte: the file is binary or damaged", Damage.NUL)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        return damage(*_byte_position(data, error.start),
                      f"byte 0x{byte:02x} is not UTF-8: the file was saved in another encoding or is damaged",
                      Damage.ENCODING)
    return text[1:] if text.startswith(BOM) else text


def _conflict_marker(text: str) -> int | None:
    """Where the first merge-conflict marker line starts. str.find, not a MULTILINE regex: it is
    run on every read, and finding a literal is many times faster."""
    found = []
    for marker in CONFLICT_MARKERS:
        newline = -1  # the line break before the candidate; -1 stands for the start of the text
        while True:
            start = newline + 1
            if text.startswith(marker, start) and text[start + len(marker):][:1] in ("", " ", "\t", "\r", "\n"):
                found.append(start)
                break
            newline = text.find("\n" + marker, start)
            if newline < 0:
                break
    return min(found, default=None)


def _syntax_damage(text: str, error: json.JSONDecodeError, damage: _DamageAt) -> JsonDamage:
    end = len(text.rstrip())
    # Cut short: the parser stopped at the end, or in the last token, which is the start of a
    # number, a literal or an escape. A string left open always runs to the end: JSON strings
    # cannot hold a raw line break.
    if (error.pos >= end or error.msg.startswith("Unterminated string")
            or (error.msg in _PARTIAL_TOKENS and _PARTIAL_TOKENS[error.msg].fullmatch(text, error.pos, end))):
        return damage(*position(text, end), "the file ends in the middle of the JSON document: "
                      "it is truncated", Damage.TRUNCATED)
    if error.msg == "Extra data":
        return damage(error.lineno, error.colno, "more text after the end of the JSON document",
                      Damage.TRAILING)
    message = error.msg.removesuffix(" at")
    message = message[:1].lower() + message[1:]
    return damage(error.lineno, error.colno, f"not valid JSON: {message}", Damage.SYNTAX)


def _limits(value: Any, text: str, max_depth: int) -> tuple[str, Damage] | None:
    """Nesting deeper than `max_depth`, or a lone surrogate, in a parsed document; no recursion.

    A lone surrogate can only come from a \\u escape (strict UTF-8 decoding refuses encoded
    ones), so strings are looked at only when the text has such an escape; otherwise only the
    containers are walked. (Numbers were checked as they were parsed.)
    """
    strings = _SURROGATE_ESCAPE.search(text) is not None
    # Each container with its depth (`[1]` is 1). The document starts as the one child of a list
    # at depth 0, so that a bare value is checked like any other.
    pending: list[tuple[Any, int]] = [([value], 0)]
    while pending:
        item, depth = pending.pop()
        if depth > max_depth:
            return f"nesting deeper than {max_depth} levels", Damage.TOO_DEEP
        children = item.values() if type(item) is dict else item
        if strings and _has_surrogate(item.keys() if type(item) is dict else (), children):
            return "a \\u escape of half a character (a lone surrogate)", Damage.TEXT
        pending.extend((child, depth + 1) for child in children if type(child) in _CONTAINERS)
    return None


def _has_surrogate(keys: Any, values: Any) -> bool:
    return any(_SURROGATE.search(key) for key in keys) or \
        any(type(child) is str and _SURROGATE.search(child) for child in values)


def _locate(text: str, max_depth: int) -> tuple[int, int]:
    """Where the first limit is broken: a bracket past `max_depth`, a number that is not finite
    or too long, NaN or Infinity, or a string with a lone surrogate. Only run after a problem is
    known, so its cost is paid by damaged files alone."""
    depth = 0
    for token in _TOKEN.finditer(text):
        value = token.group()
        first = value[0]
        if first in "[{":
            depth += 1
            if depth > max_depth:
                return position(text, token.start())
        elif first in "]}":
            depth -= 1
        elif first == '"':
            if "\\u" in value and _SURROGATE.search(_string(value)):
                return position(text, token.start())
        elif value in ("NaN", "Infinity", "-Infinity") or not _finite(value):
            return position(text, token.start())
    return 1, 1


def _string(token: str) -> str:
    try:
        return cast(str, json.loads(token))  # a string token reads back as a str
    except ValueError:
        return ""


def _finite(number: str) -> bool:
    digits = sum(ch.isdigit() for ch in number)
    if digits > MAX_INT_DIGITS:
        return False
    try:
        return math.isfinite(float(number))
    except ValueError:
        return True  # not a number the parser took: some other problem
