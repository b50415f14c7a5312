"""Whatever bytes a store or cache file holds, read_json returns the document or one located
JsonDamage, never raises, and never turns a good document into anything but itself."""

from __future__ import annotations

import json
import math
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pmgenome.stores.jsonfile import (
    CONFLICT_MARKERS,
    Damage,
    JsonDamage,
    JsonDocument,
    read_json,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MAX_DEPTH = 8

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children,
                                                                                max_size=4)),
    max_leaves=25,
)


def depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


def only_json(value: object) -> bool:
    """Dicts with string keys, lists, strings, ints, finite floats, booleans and None, nothing else."""
    if isinstance(value, dict):
        return all(isinstance(key, str) and only_json(item) for key, item in value.items())
    if isinstance(value, list):
        return all(map(only_json, value))
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, (bool, int, str))


def read(tmp_path: Path, data: bytes) -> JsonDocument | JsonDamage | None:
    path = tmp_path / "store.json"
    path.write_bytes(data)
    found = read_json(path, max_bytes=100_000, max_depth=MAX_DEPTH)
    assert path.read_bytes() == data  # reading never changes the file
    return found


def located(damage: JsonDamage, data: bytes) -> None:
    assert damage.kind in Damage and damage.message
    assert 1 <= damage.line <= data.count(b"\n") + 1 and damage.col >= 1
    assert str(damage).startswith(f"{damage.path}:{damage.line}:{damage.col}: ")


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_give_a_document_or_a_located_damage(tmp_path: Path, data: bytes) -> None:
    found = read(tmp_path, data)
    assert isinstance(found, (JsonDocument, JsonDamage))
    if isinstance(found, JsonDamage):
        located(found, data)
    else:
        assert only_json(found.value) and depth(found.value) <= MAX_DEPTH


@SETTINGS
@given(value=json_values, indent=st.sampled_from([None, 1, 2]), ascii_only=st.booleans())
def test_a_good_document_is_read_as_itself(tmp_path: Path, value: object, indent: int | None,
                                          ascii_only: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    found = read(tmp_path, text.encode("utf-8"))
    if depth(value) > MAX_DEPTH:
        assert isinstance(found, JsonDamage) and found.kind is Damage.TOO_DEEP
    else:
        assert found == JsonDocument(value, text)


@SETTINGS
@given(value=json_values.filter(lambda value: isinstance(value, (dict, list))), data=st.data())
def test_a_damaged_document_is_never_read_as_data(tmp_path: Path, value: object, data: st.DataObject) -> None:
    text = json.dumps(value, indent=2) + "\n"
    lines = text.splitlines(keepends=True)
    damages = {
        # A strict prefix of an array or object is never a whole document.
        Damage.TRUNCATED: lambda: text[: data.draw(st.integers(0, len(text.rstrip()) - 1))],
        Damage.CONFLICT: lambda: "".join(lines[:(at := data.draw(st.integers(0, len(lines))))]
                                         + [data.draw(st.sampled_from(CONFLICT_MARKERS)) + " theirs\n"] + lines[at:]),
        Damage.TRAILING: lambda: text + data.draw(st.sampled_from(["}", "x", "[]", "1", '"'])),
    }
    kind = data.draw(st.sampled_from(sorted(damages)))
    damaged = damages[kind]().encode("utf-8")
    found = read(tmp_path, damaged)
    assert isinstance(found, JsonDamage), found
    located(found, damaged)
    if kind is Damage.CONFLICT:
        assert found.kind is Damage.CONFLICT and found.message.endswith(": resolve the merge conflict")
    elif kind is Damage.TRAILING:
        assert found.kind in (Damage.TRAILING, Damage.TRUNCATED)  # an opening quote leaves a string open
    else:
        assert found.kind in (Damage.TRUNCATED, Damage.EMPTY)


@SETTINGS
@given(value=json_values, offset=st.integers(min_value=0), byte=st.sampled_from([b"\x00", b"\xff", b"\xc3"]))
def test_a_bad_byte_anywhere_is_found_where_it_is(tmp_path: Path, value: object, offset: int, byte: bytes) -> None:
    data = json.dumps(value, indent=1).encode("utf-8")
    at = offset % (len(data) + 1)
    damaged = data[:at] + byte + data[at:]
    found = read(tmp_path, damaged)
    assert isinstance(found, JsonDamage)
    located(found, damaged)
    if byte == b"\x00":
        assert found.kind is Damage.NUL
        assert (found.line, found.col) == (damaged.count(b"\n", 0, at) + 1,
                                           len(damaged[damaged.rfind(b"\n", 0, at) + 1:at].decode()) + 1)
    elif byte == b"\xff":  # never valid in UTF-8
        assert found.kind is Damage.ENCODING
