"""Holding a command's JSON output to its schema (scripts/pmgenome/schema/output/), in tests."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from pmgenome.catalog.schema import output_schema


def output_errors(name: str, document: Any) -> list[str]:
    """Where `document` (a command's parsed JSON output) breaks its schema: empty when it matches."""
    validator = Draft202012Validator(output_schema(name))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(document), key=lambda error: [str(part) for part in error.absolute_path])]
