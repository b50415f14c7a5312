"""Catalog files other than entries (taxonomy.yaml, picks.yaml, exclusions.yaml, hosts.yaml)
checked by their JSON Schema, as entries are, each error said in the file's own words where it
was written.

A file's loader supplies the schema's name (schema/<name>.schema.json) and an explainer: a
function from one schema error to the (where, message) pairs a contributor reads (none when
another message already covers it), or None for the generic message. Equal messages at one
place are said once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from jsonschema import Draft202012Validator

from pmgenome.catalog.problems import Problem
from pmgenome.catalog.schema import SCHEMA_DIR, SchemaFailure, inline_refs
from pmgenome.catalog.yamlload import Document, Location

Said = list[tuple[Location, str]]


@dataclass(frozen=True)
class FileError(SchemaFailure):
    """One schema error in a loaded file, with ways to find where its parts are written."""

    document: Document

    @property
    def about(self) -> tuple[Any, ...]:
        """The path of the part at fault: a key's own, when its name broke the rule (propertyNames)."""
        if "propertyNames" in self.error.schema_path:
            return (*self.path, self.value)
        return self.path

    def at(self, *path: Any) -> Location:
        """Where the value at `path` is written (its key's place when it has no value), else the
        nearest enclosing part's."""
        while True:
            found = self.document.values.get(path) or self.document.keys.get(path)
            if found is not None or not path:
                return found or Location(1, 1)
            path = path[:-1]

    def key_at(self, *path: Any) -> Location:
        """Where the key at `path` is written, else where its value is."""
        return self.document.keys.get(path) or self.at(*path)

    def unexpected(self) -> list[Any]:
        """The keys an additionalProperties error is about."""
        schema: Any = self.error.schema
        return [key for key in self.value if key not in schema.get("properties", {})]


Explainer = Callable[[FileError], "Said | None"]


@cache
def file_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a catalog file: schema/<name>.schema.json."""
    return cast(dict[str, Any], json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")))


@cache
def _validator(name: str) -> Draft202012Validator:
    # With its $defs written out in place, the check runs about twice as fast: every catalog load
    # pays it, and a second engine (fastjsonschema) would cost more to compile than it saves here.
    schema = file_schema(name)
    return Draft202012Validator(inline_refs(schema, schema.get("$defs", {})))


def as_json(value: Any) -> Any:
    """The JSON a schema speaks: dates as ISO strings, tuples as lists."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(document: Document, name: str) -> list[FileError]:
    """Every way the document breaks its schema, in the order of the parts they are about."""
    errors = _validator(name).iter_errors(as_json(document.value))
    return [FileError(error, document) for error in sorted(errors, key=lambda e: [str(p) for p in e.path])]


def said(errors: list[FileError], explain: Explainer, shown: str, rule: str) -> list[Problem]:
    """The errors as located problems in the file's words, each said once."""
    found: dict[tuple[int, int, str], None] = {}
    for error in errors:
        said_here = explain(error)
        for where, message in _generic(error) if said_here is None else said_here:
            found.setdefault((where.line, where.col, message), None)
    return [Problem(shown, line, col, message, rule) for line, col, message in found]


def schema_problems(document: Document, name: str, explain: Explainer, shown: str, rule: str) -> list[Problem]:
    """Every way the document breaks its schema, as located problems in the file's words."""
    return said(schema_errors(document, name), explain, shown, rule)


def _generic(found: FileError) -> Said:
    dotted = ".".join(str(part) for part in found.path)
    return [(found.at(*found.path), f"'{dotted or 'file'}': {found.error.message}")]
