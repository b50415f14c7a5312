"""What an entry's text must be beyond its schema, so that the site shows it as written: one line
(but the summary), not blank, free of bidirectional controls, and a date written as a date rather
than as quoted text. `validate` runs these over every text value of every entry."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.explain import dotted
from pmgenome.catalog.model import Entry
from pmgenome.catalog.yamlload import Location
from pmgenome.text.clean import BIDI_CHARS, bidi_problem, character_name

# The one text shown as a paragraph; every other one is shown on one line (a heading, a table row,
# an annotation, a feed title), where a line break would be lost or would break the line.
PARAGRAPH_FIELDS = frozenset(("summary",))
DATE_FIELDS = frozenset(("added", "published", "reviewed"))
# A meetup's dated editions (events: [{start, end, cfp_until}]): YAML reads their dates the same way.
EDITION_DATE_FIELDS = frozenset(("start", "end", "cfp_until"))
# The line breaks that are not control characters (those are refused as such): a YAML "\n" or
# block, and the two Unicode separators.
_LINE_BREAKS = "\n\u2028\u2029"
_SUSPECT = re.compile(f"[{_LINE_BREAKS}{BIDI_CHARS}]")
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
# Nothing a reader could see: whitespace, and the invisible characters pasted along with it.
_BLANK = re.compile(f"[\\s\\u00ad\\u180e\\u200b-\\u200d\\u2060-\\u2064\\ufeff{BIDI_CHARS}]*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Found = tuple[Location, str, str]  # where, message, rule


def line_break_problem(text: str) -> str | None:
    """Why `text` cannot be shown on one line as written (it holds a line break), or None."""
    found = _LINE_BREAK.search(text)
    if found is None:
        return None
    shown = "\\n" if found.group(0) == "\n" else character_name(found.group(0))
    return f"holds a line break ({shown}), but it is shown on one line"


def text_problems(entry: Entry, refused: Collection[tuple[Any, ...]]) -> list[Found]:
    """Problems of an entry's text values that its schema cannot see; paths in `refused` (the
    schema's errors) and URLs (`url_problem` judges them) are left alone."""
    found: list[Found] = []
    for path, value in _strings(entry.fields, ()):
        if not _SUSPECT.search(value) and not (value and _BLANK.fullmatch(value)) and not _date_field(path):
            continue  # the usual value: one search, no problem
        if path in refused or path[-1] == "url":
            continue
        found += _value_problems(entry, path, value)
    return found


def _value_problems(entry: Entry, path: tuple[Any, ...], value: str) -> Iterator[Found]:
    name = dotted(path)
    if value and _BLANK.fullmatch(value):
        required = len(path) == 1 and path[0] in entry_schema.required_fields(entry.kind)
        yield entry.location(*path), f"'{name}' is blank; fill it in{'' if required else ' or remove it'}", "blank"
        return
    if reason := bidi_problem(value):
        yield entry.location(*path), f"'{name}' {reason}", "plain-text"
    if path[0] not in PARAGRAPH_FIELDS and (reason := line_break_problem(value)):
        where = entry.location(*path)
        block = _block_indicator(entry, where)
        if block:
            reason = (f"is a '{block}' block, which keeps its line breaks, but it is shown on one line: write it "
                      f"on one line after '{path[-1] if isinstance(path[-1], str) else path[0]}:'")
        else:
            reason += ": write it on one line"
        yield where, f"'{name}' {reason}", "one-line"
    if _date_field(path) and _ISO_DATE.fullmatch(value):
        yield (entry.location(*path), f"'{name}' is a date in quotes, which YAML reads as text, so the site would "
               f"not show it: drop the quotes ({path[-1]}: {value})", "date")


def _date_field(path: tuple[Any, ...]) -> bool:
    """Whether the value at `path` must be a date: an entry's own, or one of its editions'."""
    return (len(path) == 1 and path[0] in DATE_FIELDS) or (
        len(path) == 3 and path[0] == "events" and path[2] in EDITION_DATE_FIELDS)


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text value under `value`, with its path of keys and indexes."""
    if type(value) is str:
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _block_indicator(entry: Entry, where: Location) -> str | None:
    """'|' or '>' when the value at `where` is written as a block scalar, else None."""
    text = entry.source.text if entry.source is not None else None
    lines = text.split("\n", where.line)[where.line - 1:where.line] if text else []
    char = lines[0][where.col - 1:where.col] if lines else ""
    return char if char in ("|", ">") else None
