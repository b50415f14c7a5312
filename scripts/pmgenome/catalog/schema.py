"""The JSON Schema of an entry: loading it, and keeping its vocabulary in step with taxonomy.yaml.

The schema file is the one definition of an entry's fields. Its vocabulary enums are copies
of taxonomy.yaml (so editors can complete them); the validator always checks entries against
the taxonomy's current terms and reports when the copies have drifted.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator as SchemaValidator

from pmgenome.catalog.model import GROUPS, Kind, Taxonomy
from pmgenome.stores.atomic import write_atomic

SCHEMA_DIR = Path(__file__).parent.parent / "schema"
SCHEMA_PATH = SCHEMA_DIR / "entry.schema.json"
# The JSON that commands print (`validate --format json`, `inspect --json`, `links --format json`,
# `path --format json`) and the file `links --cache` and `--results` write (link-status): one
# schema file each, named <command>.schema.json (link-status.schema.json for the file). Adding a
# file is all it takes: `pmgenome schema --output NAME` prints it and the test suite checks it
# and its examples.
OUTPUT_SCHEMA_DIR = SCHEMA_DIR / "output"
# taxonomy group -> the $defs name holding its enum, which is also the word for one of its terms
VOCABULARY_DEFS = {"segments": "segment", "skills": "skill", "levels": "level", "backgrounds": "background"}
assert set(VOCABULARY_DEFS) == set(GROUPS)


@dataclass(frozen=True)
class SchemaFailure:
    """One jsonschema error, read the same way by every file's explainer (entries in explain.py,
    the other catalog files in fileschema.py): its path, the keyword that failed, the value that
    broke it and the rule's own value."""

    error: ValidationError

    @property
    def path(self) -> tuple[Any, ...]:
        return tuple(self.error.absolute_path)

    @property
    def keyword(self) -> str:
        return str(self.error.validator)

    @property
    def value(self) -> Any:
        """The part of the document that broke the rule."""
        return self.error.instance

    @property
    def limit(self) -> Any:
        """The rule's own value: the required names, the type expected..."""
        return self.error.validator_value


def schema_comment(kind: Kind) -> str:
    """The first line of every entry file, pointing editors at the schema for its kind."""
    return f"# yaml-language-server: $schema=../../scripts/pmgenome/schema/{kind.value}.schema.json"


@cache
def raw_schema() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def kind_schema(kind: Kind, taxonomy: Taxonomy) -> dict[str, Any]:
    """A self-contained schema for one kind, its enums taken from the live vocabulary."""
    schema = copy.deepcopy(raw_schema())
    for group, name in VOCABULARY_DEFS.items():
        ids = list(taxonomy.ids(group))
        # An empty vocabulary (missing taxonomy) is already reported; don't add an error per entry.
        if ids:
            schema["$defs"][name]["enum"] = ids
    schema["$ref"] = f"#/$defs/{kind.value}"
    return schema


_ANNOTATIONS = frozenset({"title", "description", "$comment", "examples", "default"})


def inline_refs(node: Any, defs: dict[str, Any], expanding: tuple[str, ...] = ()) -> Any:
    """The schema with its local `#/$defs/...` references written out in place.

    Same meaning, for a compiler that turns each reference into a function call with costly
    bookkeeping per list item: inlined, the compiled check runs 2.5x faster. A recursive
    reference is left as it is (with $defs still there to resolve it)."""
    if isinstance(node, list):
        return [inline_refs(item, defs, expanding) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    name = ref[len("#/$defs/"):] if isinstance(ref, str) and ref.startswith("#/$defs/") else None
    if name is None or name not in defs or name in expanding:
        return {key: inline_refs(value, defs, expanding) for key, value in node.items()}
    target = inline_refs(defs[name], defs, (*expanding, name))
    rest = {key: inline_refs(value, defs, expanding) for key, value in node.items() if key != "$ref"}
    if (set(rest) - _ANNOTATIONS) & set(target):
        return {"allOf": [target, rest]}  # both constrain the same keyword: keep both
    return {**target, **rest}


def field_names(kind: Kind) -> tuple[str, ...]:
    return tuple(raw_schema()["$defs"][kind.value]["properties"])


def required_fields(kind: Kind) -> tuple[str, ...]:
    return tuple(raw_schema()["$defs"][kind.value]["required"])


def enum(name: str) -> tuple[str, ...]:
    """The values of a closed set the schema defines once for every kind: `access`, `cadence`."""
    return tuple(raw_schema()["$defs"][name]["enum"])



def drift(taxonomy: Taxonomy, schema: dict[str, Any] | None = None) -> dict[str, tuple[list[str], list[str]]]:
    """Per group, (ids in the taxonomy missing from the schema, ids in the schema no longer in the taxonomy)."""
    schema = schema or raw_schema()
    result = {}
    for group, name in VOCABULARY_DEFS.items():
        wanted = list(taxonomy.ids(group))
        written = list(schema["$defs"][name]["enum"])
        if wanted != written:
            result[group] = ([i for i in wanted if i not in written], [i for i in written if i not in wanted])
    return result


def synced_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    schema = copy.deepcopy(raw_schema())
    for group, name in VOCABULARY_DEFS.items():
        schema["$defs"][name]["enum"] = list(taxonomy.ids(group))
    return schema


def write_schema(schema: dict[str, Any], path: Path | None = None) -> None:
    write_atomic(path or SCHEMA_PATH, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    raw_schema.cache_clear()


# A schema's `pattern` is an ECMA-262 regular expression, where `$` is the end of the text. In Python
# `$` also matches before a final newline, so jsonschema, which searches with `re`, would take
# "en\n" for a language tag; fastjsonschema reads every unescaped `$` as `\Z`. Read the same way
# here, the two engines (the quick gate and the explaining one) give one verdict.
_DOLLAR = re.compile(r"(?<!\\)\$")


@lru_cache(maxsize=256)
def _end_of_text(pattern: str) -> re.Pattern[str]:
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _end_of_text(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# The stubs leave extend unannotated; it returns a validator class, as the annotation says.
Validator: type[SchemaValidator] = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _pattern})


def output_schema_names() -> tuple[str, ...]:
    """The outputs that have a schema, by name: commands', and link-status (the file `links --cache` and
    `--results` write)."""
    return tuple(sorted(path.name.removesuffix(".schema.json") for path in OUTPUT_SCHEMA_DIR.glob("*.schema.json")))


def output_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a command's JSON output (or of the link-status file)."""
    text = (OUTPUT_SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    return cast(dict[str, Any], json.loads(text))

