"""A schema error, said in a contributor's terms: where, what is wrong, and the likely fix.

jsonschema reports "'publisher' was unexpected"; a contributor needs "unknown field 'publisher'
for an article (did you mean 'publication'?)", or, when every field fits another kind, "move it
to books/".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import ValidationError

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.model import Entry, Kind, Taxonomy
from pmgenome.catalog.usetime import MINUTES_PER_UNIT, TIME_FIELD, UNITS, TimeSource, example, to_minutes
from pmgenome.catalog.yamlload import Location, Path_
from pmgenome.text.clean import character_name, shortened
from pmgenome.text.hints import did_you_mean
from pmgenome.urls import url_problem

_FRACTION = re.compile(r"[0-9]+\.[0-9]+")
# Fields holding an address, checked alike: an entry's page, and a podcast's or newsletter's feed.
URL_FIELDS = frozenset(("url", "feed"))


def url_message(field: str, reason: str) -> str:
    """What is wrong with the address in `field`: the page's URL is "URL", the feed's says so."""
    return f"the feed's {reason}" if field == "feed" else reason


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


Explained = list[tuple[Location, str, str, Path_]]


@dataclass(frozen=True)
class _Failure(entry_schema.SchemaFailure):
    """One schema error of one entry, with what every explanation needs."""

    entry: Entry
    taxonomy: Taxonomy

    @property
    def field(self) -> Any:
        return self.path[0] if self.path else None

    @property
    def where(self) -> Location:
        return self.entry.location(*self.path) if self.path else self.entry.location()


def explain(error: ValidationError, entry: Entry, taxonomy: Taxonomy) -> Explained:
    """Turn one jsonschema error into (where, message, rule, field path) in the contributor's terms."""
    failure = _Failure(error, entry, taxonomy)
    if failure.field == TIME_FIELD and (said := _time(failure)) is not None:
        return said
    explained = _FIRST.get(str(error.validator), _none)(failure)
    if explained is None and failure.value is None and failure.field is not None:
        required = len(failure.path) == 1 and failure.field in entry_schema.required_fields(entry.kind)
        explained = [(failure.where, f"'{dotted(failure.path)}' is empty; "
                      f"fill it in{'' if required else ' or remove the line'}", "type", failure.path)]
    if explained is None:
        explained = _BY_VALIDATOR.get(str(error.validator), _none)(failure)
    if explained is None:
        path = failure.path
        explained = [(failure.where, f"'{dotted(path) or 'entry'}': {error.message}", "schema", path)]
    return explained


def _none(failure: _Failure) -> None:
    return None


def _unknown_fields(failure: _Failure) -> Explained | None:
    entry, path, value = failure.entry, failure.path, failure.value
    if not path:
        allowed = entry_schema.field_names(entry.kind)
        found: Explained = []
        for key in entry.fields:
            if key not in allowed:
                hidden = _hidden_character(str(key))
                if hidden is not None:
                    shown = str(key).encode("ascii", "backslashreplace").decode()
                    message = (f"field name '{shown}' holds an invisible character ({hidden}), often pasted from "
                               "a web page: delete the name and type it again")
                elif key == TIME_FIELD and entry.kind not in UNITS:
                    message = (f"{article(entry.kind.value)} has no 'time': it meets rather than being read or "
                               "watched once; remove the line")
                else:
                    message = (f"unknown field '{key}' for {article(entry.kind.value)}"
                               f"{field_hint(str(key), entry.kind)}")
                found.append((entry.key_location(key), message, "unknown-field", (key,)))
        return found
    if not isinstance(value, dict):
        return None
    schema: Any = failure.error.schema
    names = list(schema.get("properties", {}))  # an episode's or an issue's
    return [(entry.key_locations.get((*path, key), failure.where),
             f"unknown field '{key}' in '{dotted(path)}'{did_you_mean(str(key), names)}; "
             f"use only {_listed(names)}", "unknown-field", (*path, key))
            for key in value if key not in names]


def _required(failure: _Failure) -> Explained:
    path = failure.path
    in_person = "then" in failure.error.schema_path
    found: Explained = []
    for name in [name for name in failure.limit if name not in (failure.value or {})]:
        if in_person:
            message = f"an in-person meetup (online: false) needs '{name}'; add it, or set online: true"
        elif path:
            # 'an end', 'an online', but 'a url': the article follows the sound.
            message = f"'{dotted(path)}' needs {'an' if name[0] in 'aeio' else 'a'} '{name}'"
        else:
            message = f"missing required field '{name}'"
        found.append((failure.where if path else failure.entry.location(), message, "required", (*path, name)))
    return found


def _type(failure: _Failure) -> Explained:
    path, value, expected = failure.path, failure.value, failure.limit
    if expected == "string":
        tip = "; put it in quotes" if isinstance(value, (int, bool)) else ""
        message = f"'{dotted(path)}' must be text, not {describe(value)}{tip}"
    elif expected == "array":
        message = f"'{dotted(path)}' must be a list, like {_EXAMPLES.get(str(failure.field), '[a, b]')}"
    elif expected == "boolean":
        message = f"'{dotted(path)}' must be true or false, not {describe(value)}"
    elif expected == "object":
        message = "an entry must be a mapping of fields (name: value)"
    elif expected == "integer":  # a book's year
        tip = "; remove the quotes" if isinstance(value, str) and value.isascii() and value.isdigit() else ""
        message = f"'{dotted(path)}' must be a whole number, like 2021, not {describe(value)}{tip}"
    else:
        message = f"'{dotted(path)}' must be of type {expected}"
    return [(failure.where, message, "type", path)]


def _enum(failure: _Failure) -> Explained:
    field, value = failure.field, failure.value
    options = [str(option) for option in failure.limit]
    hint = did_you_mean(str(value), options)
    if field in entry_schema.VOCABULARY_DEFS:
        group = entry_schema.VOCABULARY_DEFS[str(field)]
        joined = " - " in str(value)  # "- b2b\n - b2c": the second item, out of line, joined the first
        message = (f"'{value}' is not a {group} in catalog/taxonomy.yaml{'' if joined else hint}; "
                   f"choose from {', '.join(options)}")
        if joined:
            message += "; put each item of the list on its own line, every '- ' in the same column"
    elif failure.path[-1] == "country":  # a meetup's, or one of its editions'
        if str(value).upper() == "UK":
            hint = " (did you mean 'GB'?)"
        message = f"'{value}' is not an ISO 3166-1 alpha-2 country code{hint}; write two capital letters, like GB"
    else:
        message = f"'{value}' is not a valid {field}{hint}; choose from {', '.join(options)}"
    return [(failure.where, message, "vocabulary", failure.path)]


def _format(failure: _Failure) -> Explained | None:
    if failure.limit != "date":
        return None
    return [(failure.where, f"'{dotted(failure.path)}' must be a date written YYYY-MM-DD, like 2026-11-26", "date",
             failure.path)]


def _length(failure: _Failure) -> Explained:
    path, length, limit = failure.path, len(failure.value), failure.limit
    too_short = failure.error.validator == "minLength"
    if failure.field == "summary":
        if too_short:
            message = (f"summary is {length} characters; write at least {limit}: "
                       "what it is, what a reader gets from it, who it suits")
        else:
            message = f"summary is {length} characters; keep it to {limit}"
    elif too_short and length:
        message = f"'{dotted(path)}' is {length} characters; write at least {limit}"
    elif too_short:
        message = f"'{dotted(path)}' is empty; fill it in or remove the line"
    else:
        message = f"'{dotted(path)}' is {length} characters; keep it to {limit}"
    return [(failure.where, message, "length", path)]


def _year(failure: _Failure) -> Explained | None:
    if failure.field != "year":
        return None
    return [(failure.where, f"'year' must be a year from 1900 to 2100, not {describe(failure.value)}", "format",
             failure.path)]


def _too_many(failure: _Failure) -> Explained:
    return [(failure.where, f"'{dotted(failure.path)}' lists {len(failure.value)}; keep it to the {failure.limit} "
             "best", "length", failure.path)]


def _too_few(failure: _Failure) -> Explained:
    field = failure.field
    group = entry_schema.VOCABULARY_DEFS.get(str(field), "item")
    options = ", ".join(failure.taxonomy.ids(str(field))) if field in entry_schema.VOCABULARY_DEFS else ""
    message = f"'{field}' needs at least one {group}" + (f"; choose from {options}" if options else "")
    return [(failure.where, message, "required", failure.path)]


def _repeated(failure: _Failure) -> Explained:
    found: Explained = []
    seen: set[Any] = set()
    for index, item in enumerate(failure.value):
        if item in seen:
            found.append((failure.entry.location(*failure.path, index), f"'{failure.field}' lists '{item}' twice",
                          "duplicate", failure.path))
        seen.add(item)
    return found


def _pattern(failure: _Failure) -> Explained:
    path, field, value = failure.path, failure.field, failure.value
    if path and path[-1] in URL_FIELDS:  # an entry's url or feed, or a recommended episode's url
        message = url_message(str(path[-1]), url_problem(str(value))
                              or "URL must be absolute and start with https:// or http://")
    elif field == "language":
        message = f"'{value}' is not a language tag; write a BCP 47 tag like en, de or pt-BR"
    elif field == "isbn":
        message = f"'{value}' is not an ISBN; write its 10 or 13 digits, with or without hyphens"
    else:
        message = f"'{dotted(path)}' does not match the expected form"
    return [(failure.where, message, "url" if path[-1] in URL_FIELDS else "format", path)]


Explainer = Callable[[_Failure], Explained | None]
# Asked before an empty value is explained as empty: these name what is missing or unknown.
_FIRST: dict[str, Explainer] = {"additionalProperties": _unknown_fields, "required": _required}
# The rest, by the JSON Schema keyword that failed; None from one means the generic message.
_BY_VALIDATOR: dict[str, Explainer] = {
    "type": _type, "enum": _enum, "format": _format, "minLength": _length, "maxLength": _length,
    "minimum": _year, "maximum": _year, "maxItems": _too_many, "minItems": _too_few, "uniqueItems": _repeated,
    "pattern": _pattern,
}


def _time(failure: _Failure) -> Explained | None:
    """An entry's time in the contributor's terms: its kind's unit, whole minutes, a sane size."""
    path, value, limit, keyword = failure.path, failure.value, failure.limit, failure.keyword
    kind = failure.entry.kind
    units = UNITS.get(kind)
    if units is None:
        return None  # a meetup: 'time' is an unknown field, said as such
    unit = units[0]
    name = f"'{dotted(path)}'"
    message = None
    if keyword == "oneOf" and isinstance(value, dict):
        given = [key for key in units if key in value]
        message = (f"'time' gives both {' and '.join(given)}; keep one" if len(given) > 1 else
                   f"'time' needs {' or '.join(units)}, like {example(unit)}")
    elif keyword == "required" and isinstance(value, dict):
        if any(key in MINUTES_PER_UNIT and key not in units for key in value):
            return []  # a figure in another unit: said once, by the unknown-unit message
        missing = [name for name in limit if name not in value]
        message = (f"'time' needs a 'source': {', '.join(source.value for source in TimeSource)}"
                   if missing == ["source"] else f"'time' needs {' or '.join(units)}, like {example(unit)}")
    elif keyword == "type" and len(path) == 1:
        message = f"'time' must be a mapping, like {example(unit)}, not {describe(value)}"
    elif keyword == "additionalProperties" and isinstance(value, dict):
        others = [key for key in value if key not in (*units, "source")]
        wrong = next((key for key in others if key in MINUTES_PER_UNIT), None)
        if wrong is None:
            return None
        amount = value[wrong]
        usable = isinstance(amount, (int, float)) and not isinstance(amount, bool) and amount > 0
        if unit == "pages":
            message = (f"a book's time is in pages, not {wrong}: write {example(unit)}; "
                       "the site turns pages into minutes")
        elif usable and unit == "minutes" and wrong == "hours":
            message = (f"{article(kind.value)}'s time is in minutes, not {wrong}: "
                       f"{amount} {wrong} is {example(unit, to_minutes(amount, wrong))}")
        else:
            message = f"{article(kind.value)}'s time is in {unit}, not {wrong}: write {example(unit)}"
        return [(failure.entry.key_location(TIME_FIELD) if not path else
                 failure.entry.key_locations.get((*path, wrong), failure.where), message, "time", (*path, wrong))]
    elif path[-1] == "source" and keyword in ("enum", "type"):
        message = (f"{name} is {describe(value)}; choose from {', '.join(source.value for source in TimeSource)} "
                   "(said by the provider, counted, or estimated by you)")
    elif keyword == "type" and isinstance(value, str) and _FRACTION.fullmatch(value) and path[-1] in MINUTES_PER_UNIT:
        # The loader reads no floats: 1.5 arrives as text.
        fraction = float(value)
        hint = {"minutes": f"; if you meant {value} hours, write {example('minutes', to_minutes(fraction, 'hours'))}",
                "hours": f"; for {value} hours write {example('minutes', to_minutes(fraction, 'hours'))}"}
        message = f"{name} is {value}: write a whole number{hint.get(str(path[-1]), '')}"
    elif keyword == "type":
        whole = "a whole number" if limit == "integer" else "a number"
        like = {"minutes": "38", "hours": "1.5", "pages": "320"}.get(str(path[-1]), "1")
        message = f"{name} must be {whole} of {path[-1]}, like {like}, not {describe(value)}"
    elif keyword in ("exclusiveMinimum", "minimum"):
        message = f"{name} is {describe(value)}; write how long it takes to use once, more than 0"
    elif keyword == "maximum":
        said = f"{limit} ({limit // 60} hours)" if path[-1] == "minutes" else str(limit)
        one = {"minutes": "one reading, viewing, episode or issue", "hours": "the whole course once",
               "pages": "the whole book"}[str(path[-1])] if path[-1] in MINUTES_PER_UNIT else "one use"
        message = f"{name} is {describe(value)}, more than {said}: write the time {one} takes, or check the unit"
    if message is None:
        return None
    return [(failure.where, message, "time", path)]


def _listed(names: Sequence[str]) -> str:
    """'title and url'; 'start, end and url'."""
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


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
                   "authors": "author", "date": "published", "length": "time", "duration": "time"},
    Kind.BOOK: {"author": "authors", "publication": "publisher", "published": "year", "pages": "time",
                "length": "time"},
    Kind.COURSE: {"publisher": "provider", "platform": "provider", "school": "provider", "mode": "format",
                  "length": "time", "duration": "time"},
    Kind.PODCAST: {"author": "host", "hosts": "host", "publisher": "host", "frequency": "cadence",
                  "duration": "time", "length": "time"},
    Kind.NEWSLETTER: {"publisher": "author", "publication": "author", "host": "author", "frequency": "cadence",
                     "length": "time"},
    Kind.VIDEO: {"author": "speaker", "speakers": "speaker", "conference": "event", "length": "time",
                 "duration": "time"},
    Kind.MEETUP: {"organiser": "organizer", "host": "organizer", "publisher": "organizer", "location": "city",
                  "frequency": "cadence", "editions": "events", "dates": "events"},
    Kind.PROGRAM: {"organisation": "company", "organization": "company", "employer": "company",
                   "institution": "company", "for": "audience", "who": "audience", "duration": "months",
                   "length": "months", "location": "places", "locations": "places", "city": "places",
                   "country": "places", "online": "places", "dates": "windows", "deadline": "windows",
                   "applications": "windows", "events": "windows", "salary": "paid", "status": "not_placed_after"},
}
_SCHEMA_KIND = re.compile(r"/schema/([a-z]+)\.schema\.json\s*\Z")


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
