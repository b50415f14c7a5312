"""Holding a command's JSON output to its schema (scripts/pmgenome/schema/output/), in tests."""

from __future__ import annotations

from typing import Any

from pmgenome.catalog.schema import Validator, output_schema


def output_errors(name: str, document: Any) -> list[str]:
    """Where `document` (a command's parsed JSON output) breaks its schema: empty when it matches."""
    # The project's validator reads '$' as the end of the text, as the schemas mean it.
    validator = Validator(output_schema(name))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(document), key=lambda error: [str(part) for part in error.absolute_path])]
