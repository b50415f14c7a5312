"""A schema error, said in a contributor's terms: where, what is wrong, and the likely fix.

jsonschema reports "'publisher' was unexpected"; a contributor needs "unknown field 'publisher'
for an article (did you mean 'publication'?)", or, when every field fits another kind, "move it
to books/".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from jsonschema.exceptions import ValidationError

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.model import Entry, Kind, Taxonomy
from pmgenome.catalog.yamlload import Location, Path_
from pmgenome.text.clean import character_name, shortened
from pmgenome.text.hints import did_you_mean
from pmgenome.urls import url_problem


def dotted(path: Sequence[str | int]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


_EXAMPLES = {"segments": "[b2b, design]", "skills": "[strategy, discovery]", "levels": "[new, experienced]",
             "backgrounds": "[engineering]", "authors": "[Teresa Torres]"}


def describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{shortened(value, 60)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return shortened(str(value), 60)


def explain(error: ValidationError, entry: Entry, taxonomy: Taxonomy
             ) -> Iterable[tuple[Location, str, str, Path_]]:
    """Turn one jsonschema error into (where, message, rule, field path) in the contributor's terms."""
    path = tuple(error.absolute_path)
    field = path[0] if path else None
    kind = entry.kind.value
    where = entry.location(*path) if path else entry.location()
    validator = error.validator
    value: Any = error.instance  # the entry's part the schema refused: any YAML value

    if validator == "additionalProperties" and not path:
        allowed = entry_schema.field_names(entry.kind)
        for key in entry.fields:
            if key not in allowed:
                hidden = _hidden_character(str(key))
                if hidden is not None:
                    shown = str(key).encode("ascii", "backslashreplace").decode()
                    message = (f"field name '{shown}' holds an invisible character ({hidden}), often pasted from "
                               "a web page: delete the name and type it again")
                else:
                    message = f"unknown field '{key}' for {article(kind)}{field_hint(str(key), entry.kind)}"
                yield entry.key_location(key), message, "unknown-field", (key,)
        return
    if validator == "additionalProperties" and isinstance(value, dict):  # an episode or an issue
        allowed = tuple(cast(Mapping[str, Any], error.schema).get("properties", {}))
        for key in value:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed)
                yield (entry.key_locations.get((*path, key), where),
                       f"unknown field '{key}' in '{dotted(path)}'{hint}; use only {' and '.join(allowed)}",
                       "unknown-field", (*path, key))
        return
    if validator == "required":
        missing = [name for name in cast(list[str], error.validator_value) if name not in (value or {})]
        in_person = "then" in error.schema_path
        for name in missing:
            if in_person:
                message = f"an in-person meetup (online: false) needs '{name}'; add it, or set online: true"
            elif path:
                message = f"'{dotted(path)}' needs a '{name}'"
            else:
                message = f"missing required field '{name}'"
            yield where if path else entry.location(), message, "required", (*path, name)
        return
    if value is None and field is not None:
        required = len(path) == 1 and field in entry_schema.required_fields(entry.kind)
        yield where, f"'{dotted(path)}' is empty; fill it in{'' if required else ' or remove the line'}", "type", path
        return
    if validator == "type":
        expected = error.validator_value
        if expected == "string":
            tip = "; put it in quotes" if isinstance(value, (int, bool)) else ""
            message = f"'{dotted(path)}' must be text, not {describe(value)}{tip}"
        elif expected == "array":
            message = f"'{dotted(path)}' must be a list, like {_EXAMPLES.get(str(field), '[a, b]')}"
        elif expected == "boolean":
            message = f"'{dotted(path)}' must be true or false, not {describe(value)}"
        elif expected == "object":
            message = "an entry must be a mapping of fields (name: value)"
        elif expected == "integer":  # a book's year
            tip = "; remove the quotes" if isinstance(value, str) and value.isascii() and value.isdigit() else ""
            message = f"'{dotted(path)}' must be a whole number, like 2021, not {describe(value)}{tip}"
        else:
            message = f"'{dotted(path)}' must be of type {expected}"
        yield where, message, "type", path
        return
    if validator == "enum":
        options = [str(option) for option in cast(list[object], error.validator_value)]
        hint = did_you_mean(str(value), options)
        if field in entry_schema.VOCABULARY_DEFS:
            group = entry_schema.VOCABULARY_DEFS[str(field)]
            joined = " - " in str(value)  # "- b2b\n - b2c": the second item, out of line, joined the first
            message = (f"'{value}' is not a {group} in catalog/taxonomy.yaml{'' if joined else hint}; "
                       f"choose from {', '.join(options)}")
            if joined:
                message += "; put each item of the list on its own line, every '- ' in the same column"
        elif field == "country":
            if str(value).upper() == "UK":
                hint = " (did you mean 'GB'?)"
            message = f"'{value}' is not an ISO 3166-1 alpha-2 country code{hint}; write two capital letters, like GB"
        else:
            message = f"'{value}' is not a valid {field}{hint}; choose from {', '.join(options)}"
        yield where, message, "vocabulary", path
        return
    if validator == "format" and error.validator_value == "date":
        yield where, f"'{dotted(path)}' must be a date written YYYY-MM-DD, like 2026-11-26", "date", path
        return
    if validator in ("minLength", "maxLength"):
        length = len(value)
        if field == "summary":
            if validator == "minLength":
                message = (f"summary is {length} characters; write at least {error.validator_value}: "
                           "what it is, what a reader gets from it, who it suits")
            else:
                message = f"summary is {length} characters; keep it to {error.validator_value}"
        elif validator == "minLength":
            message = f"'{dotted(path)}' is empty; fill it in or remove the line"
        else:
            message = f"'{dotted(path)}' is {length} characters; keep it to {error.validator_value}"
        yield where, message, "length", path
        return
    if validator in ("minimum", "maximum") and field == "year":
        yield where, f"'year' must be a year from 1900 to 2100, not {describe(value)}", "format", path
        return
    if validator == "maxItems":
        yield (where, f"'{dotted(path)}' lists {len(value)}; keep it to the {error.validator_value} best",
               "length", path)
        return
    if validator == "minItems":
        group = entry_schema.VOCABULARY_DEFS.get(str(field), "item")
        ids = ", ".join(taxonomy.ids(str(field))) if field in entry_schema.VOCABULARY_DEFS else ""
        message = f"'{field}' needs at least one {group}" + (f"; choose from {ids}" if ids else "")
        yield where, message, "required", path
        return
    if validator == "uniqueItems":
        seen: set[Any] = set()
        for index, item in enumerate(value):
            if item in seen:
                yield (entry.location(*path, index), f"'{field}' lists '{item}' twice", "duplicate", path)
            seen.add(item)
        return
    if validator == "pattern":
        if path and path[-1] == "url":  # an entry's url, or a recommended episode's
            message = url_problem(str(value)) or "URL must be absolute and start with https:// or http://"
        elif field == "language":
            message = f"'{value}' is not a language tag; write a BCP 47 tag like en, de or pt-BR"
        elif field == "isbn":
            message = f"'{value}' is not an ISBN; write its 10 or 13 digits, with or without hyphens"
        else:
            message = f"'{dotted(path)}' does not match the expected form"
        yield where, message, "url" if path[-1] == "url" else "format", path
        return
    yield where, f"'{dotted(path) or 'entry'}': {error.message}", "schema", path


def _hidden_character(key: str) -> str | None:
    """'U+00A0 NO-BREAK SPACE' when `key` holds a space or a format character other than an
    ordinary space (a non-breaking or zero-width one, a byte-order mark), else None."""
    for char in key:
        if char != " " and unicodedata.category(char) in ("Zs", "Cf"):
            return character_name(char)
    return None


def article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# What people write for a field that each kind calls otherwise. A plain near-miss ('autor') is
# left to did_you_mean; these are the words it would get wrong ('publisher' is closest to
# 'published', but on an article it means the publication).
_ALIASES: dict[Kind, dict[str, str]] = {
    Kind.ARTICLE: {"publisher": "publication", "site": "publication", "website": "publication",
                   "authors": "author", "date": "published"},
    Kind.BOOK: {"author": "authors", "publication": "publisher", "published": "year"},
    Kind.COURSE: {"publisher": "provider", "platform": "provider", "school": "provider", "mode": "format",
                  "length": "duration"},
    Kind.PODCAST: {"author": "host", "hosts": "host", "publisher": "host", "frequency": "cadence"},
    Kind.NEWSLETTER: {"publisher": "author", "publication": "author", "host": "author", "frequency": "cadence"},
    Kind.VIDEO: {"author": "speaker", "speakers": "speaker", "conference": "event", "length": "duration"},
    Kind.MEETUP: {"organiser": "organizer", "host": "organizer", "publisher": "organizer", "location": "city",
                  "cadence": "frequency"},
}
_SCHEMA_KIND = re.compile(r"/schema/([a-z]+)\.schema\.json\s*$")


def field_hint(key: str, kind: Kind) -> str:
    """' (did you mean ...?)' for a field name this kind spells otherwise, or ''."""
    meant = _ALIASES[kind].get(key.lower().strip())
    if meant is not None:
        return f" (did you mean '{meant}'?)"
    return did_you_mean(key, entry_schema.field_names(kind))


def kind_named_by(first_line: str) -> Kind | None:
    """The kind whose schema an entry's first line points at, if any."""
    found = _SCHEMA_KIND.search(first_line)
    try:
        return Kind(found.group(1)) if found else None
    except ValueError:
        return None


def kind_that_fits(entry: Entry) -> Kind | None:
    """The kind an entry in the wrong folder belongs to: every field it has is one of that kind's,
    and its first line names that kind or names no kind at all and only that kind fits."""
    names = set(entry.fields)
    if names <= set(entry_schema.field_names(entry.kind)):
        return None
    fits = [kind for kind in Kind if kind is not entry.kind and names <= set(entry_schema.field_names(kind))]
    named = kind_named_by(entry.first_line)
    if named in fits:
        return named
    if named is None and len(fits) == 1:
        return fits[0]
    return None
