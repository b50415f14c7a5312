"""The schema file: in step with the vocabulary, and the compiled gate agrees with jsonschema."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import fastjsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.model import Kind
from pmgenome.catalog.taxonomy import load_taxonomy
from pmgenome.catalog.validate import _fast_check, _validator

from tests.support.schemas import output_errors

REPO = Path(__file__).resolve().parents[2]
TAXONOMY, _ = load_taxonomy(REPO / "catalog" / "taxonomy.yaml")


def test_committed_schema_matches_the_vocabulary() -> None:
    assert entry_schema.drift(TAXONOMY) == {}


def test_every_kind_wrapper_points_into_the_schema() -> None:
    import json

    for kind in Kind:
        wrapper = json.loads((entry_schema.SCHEMA_DIR / f"{kind.value}.schema.json").read_text())
        assert wrapper["$ref"] == f"entry.schema.json#/$defs/{kind.value}"


values = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.text(max_size=8),
    st.sampled_from(["b2b", "design", "free", "signup", "paywalled", "weekly", "online", "GB", "UK", "en",
                     "2026-11-01", "2026-02-30", "https://example.org/x", "ftp://x", "x" * 90]),
    st.lists(st.sampled_from(["b2b", "b2c", "strategy", "new", "nope", "b2b"]), max_size=3),
)
FIELDS = sorted({name for kind in Kind for name in entry_schema.field_names(kind)} | {"other"})


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(list(Kind)), fields=st.dictionaries(st.sampled_from(FIELDS), values, max_size=12),
       base=st.booleans())
def test_fast_gate_agrees_with_jsonschema(kind: Kind, fields: dict, base: bool) -> None:
    instance = {}
    if base:
        instance = {"title": "T", "url": "https://example.org/a", "summary": "s" * 90, "segments": ["b2b"],
                    "access": "free", "added": dt.date(2026, 11, 1).isoformat(), "reviewed": "2026-11-02",
                    "online": True}
    instance.update(fields)
    fast_ok = True
    try:
        _fast_check(kind, TAXONOMY)(instance)
    except fastjsonschema.JsonSchemaException:  # what validate catches: anything else is a crash
        fast_ok = False
    assert fast_ok == _validator(kind, TAXONOMY).is_valid(instance)


def test_inline_refs_writes_local_references_out() -> None:
    defs = {"name": {"type": "string", "minLength": 1}, "loop": {"items": {"$ref": "#/$defs/loop"}}}
    schema = {"properties": {"a": {"$ref": "#/$defs/name", "description": "kept"},
                             "b": {"$ref": "#/$defs/name", "minLength": 3},
                             "c": {"$ref": "#/$defs/loop"},
                             "d": {"$ref": "other.json#/x"}}}
    assert entry_schema.inline_refs(schema, defs) == {"properties": {
        "a": {"type": "string", "minLength": 1, "description": "kept"},
        "b": {"allOf": [{"type": "string", "minLength": 1}, {"minLength": 3}]},
        "c": {"items": {"$ref": "#/$defs/loop"}},
        "d": {"$ref": "other.json#/x"}}}


def _patterns(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


SCHEMA_PATTERNS = sorted({pattern for path in entry_schema.SCHEMA_DIR.rglob("*.schema.json")
                          for pattern in _patterns(json.loads(path.read_text(encoding="utf-8")))})


def test_the_schemas_have_patterns_to_check() -> None:
    assert len(SCHEMA_PATTERNS) >= 6


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_both_engines_read_every_schema_pattern_alike_and_its_end_is_the_end_of_the_text(pattern: str,
                                                                                         data: st.DataObject) -> None:
    """Issue 23, item 7: `$` ends the text in a JSON Schema (ECMA-262), but jsonschema searched with
    Python's `re`, where it also matches before a final newline: 'en\\n' passed as a language tag."""
    schema = {"type": "string", "pattern": pattern}
    fast, explaining = fastjsonschema.compile(schema), entry_schema.Validator(schema)
    whole = data.draw(st.from_regex(pattern.replace("$", r"\Z"), fullmatch=True))
    for value in (whole, whole + "\n", data.draw(st.from_regex(pattern))):
        try:
            fast(value)
            fast_ok = True
        except fastjsonschema.JsonSchemaException:
            fast_ok = False
        assert fast_ok == explaining.is_valid(value), repr(value)
    if pattern.endswith("$"):
        assert not explaining.is_valid(whole + "\n")


def test_output_documents_are_checked_with_the_same_reading_of_patterns() -> None:
    problem = {"path": "catalog/articles/x.yaml", "line": 1, "col": 1, "message": "m", "rule": "plain-text"}
    assert output_errors("validate", {"problems": [problem], "count": 1}) == []
    assert output_errors("validate", {"problems": [{**problem, "rule": "plain-text\n"}], "count": 1}) == [
        "problems/0/rule: 'plain-text\\n' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'"]
