"""stores.jsonfile: every kind of damage found, located and named; a good file read; no file is None."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pmgenome.stores.jsonfile import Damage, JsonDamage, JsonDocument, read_json

LIMITS = {"max_bytes": 1_000_000, "max_depth": 32}
CONFLICT = b"""\
{
  "entries": {
<<<<<<< HEAD
    "a": {"url": "https://a.example/"}
=======
    "b": {"url": "https://b.example/"}
>>>>>>> enrich/monthly
  }
}
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # messages name the file relative to the working folder
    return tmp_path


def damage_of(here: Path, data: bytes, **limits: int) -> str:
    (here / "store.json").write_bytes(data)
    found = read_json(here / "store.json", **{**LIMITS, **limits})
    assert isinstance(found, JsonDamage), found
    return f"{found} [{found.kind}]"


@pytest.mark.parametrize(("data", "expected"), [
    (b'{"entries": {"a": {"url": "https://a.example/"}},\n  "version": 1',
     "store.json:2:15: the file ends in the middle of the JSON document: it is truncated [truncated]"),
    (b'{"entries": {"a": {"url": "https://a.exa',
     "store.json:1:41: the file ends in the middle of the JSON document: it is truncated [truncated]"),
    (CONFLICT, "store.json:3:1: merge-conflict marker '<<<<<<<': resolve the merge conflict [conflict]"),
    (b'{"version": 1}\n}garbage', "store.json:2:1: more text after the end of the JSON document [trailing]"),
    (b'{"title": "Caf\xe9"}', "store.json:1:15: byte 0xe9 is not UTF-8: the file was saved in another "
                             "encoding or is damaged [encoding]"),
    (b'{"a": 1,\n "b": \x00}', "store.json:2:7: a NUL byte: the file is binary or damaged [nul]"),
    (b"", "store.json:1:1: the file is empty [empty]"),
    (b" \n\t", "store.json:1:1: the file is empty [empty]"),
    (b'{"a": [1 2]}', "store.json:1:10: not valid JSON: expecting ',' delimiter [syntax]"),
    (b'{"a": "tab\there"}', "store.json:1:11: not valid JSON: invalid control character [syntax]"),
    (b"{'a': 1}", "store.json:1:2: not valid JSON: expecting property name enclosed in double quotes [syntax]"),
    (b'{"a": NaN}', "store.json:1:7: NaN is not a JSON number [number]"),
    (b'[1,\n -Infinity]', "store.json:2:2: -Infinity is not a JSON number [number]"),
    (b'{"a": 1e999}', "store.json:1:7: a number too large for a float [number]"),
    (b'{"a": ' + b"9" * 5000 + b"}", "store.json:1:7: a number of more than 4300 digits [number]"),
    (b'{"x": "[[[[", "a": "\\udc80"}', "store.json:1:20: a \\u escape of half a character (a lone "
                                     "surrogate) [text]"),
    (b'{"\\ud800": 1}', "store.json:1:2: a \\u escape of half a character (a lone surrogate) [text]"),
    (b"[" * 100_000 + b"]" * 100_000, "store.json:1:33: nesting deeper than 32 levels [too-deep]"),
    (b'{"a": "]]]", "b":\n' + b"[" * 40 + b"]" * 40 + b"}", "store.json:2:32: nesting deeper than 32 levels [too-deep]"),
])
def test_each_kind_of_damage_is_located_and_named(here: Path, data: bytes, expected: str) -> None:
    assert damage_of(here, data) == expected


def test_a_file_over_the_byte_limit(here: Path) -> None:
    assert damage_of(here, b'{"a": "' + b"x" * 100 + b'"}', max_bytes=100) == \
        "store.json:1:1: the file is 109 bytes; the limit is 100 [too-large]"


def test_a_folder_where_the_file_should_be(here: Path) -> None:
    (here / "store.json").mkdir()
    assert str(read_json(here / "store.json", **LIMITS)) == "store.json:1:1: a folder where the file should be"


def test_an_unreadable_file(here: Path) -> None:
    (here / "store.json").symlink_to("store.json")  # a loop: reading it fails however privileged we are
    found = read_json(here / "store.json", **LIMITS)
    assert isinstance(found, JsonDamage) and found.kind is Damage.UNREADABLE
    assert str(found) == "store.json:1:1: cannot read the file (Too many levels of symbolic links)"


def test_a_pipe_where_the_file_should_be_does_not_hang(here: Path) -> None:
    os.mkfifo(here / "store.json")
    assert str(read_json(here / "store.json", **LIMITS)) == \
        "store.json:1:1: not a regular file (a device, a pipe or a socket)"


def test_a_missing_file_is_not_damage(here: Path) -> None:
    assert read_json(here / "store.json", **LIMITS) is None


def test_a_good_file_is_read_with_its_text(here: Path) -> None:
    text = '{"version": 1, "entries": {"a": {"title": "Zoë 🚀", "n": [1, 2.5, null, true]}}}\n'
    (here / "store.json").write_text(text, encoding="utf-8")
    found = read_json(here / "store.json", **LIMITS)
    assert found == JsonDocument({"version": 1, "entries": {"a": {"title": "Zoë 🚀", "n": [1, 2.5, None, True]}}},
                                 text)
    assert found.position_of_key("a") == (1, 28)
    assert found.position_of_key("missing") == (1, 1)


def test_a_byte_order_mark_is_accepted(here: Path) -> None:
    (here / "store.json").write_bytes(b'\xef\xbb\xbf{"a": 1}')
    assert read_json(here / "store.json", **LIMITS) == JsonDocument({"a": 1}, '{"a": 1}')


def test_nesting_up_to_the_limit_is_fine(here: Path) -> None:
    (here / "store.json").write_bytes(b"[" * 32 + b"]" * 32)
    found = read_json(here / "store.json", **LIMITS)
    assert isinstance(found, JsonDocument)


def test_a_surrogate_pair_is_one_character(here: Path) -> None:
    (here / "store.json").write_bytes(b'["\\ud83d\\ude80"]')
    assert read_json(here / "store.json", **LIMITS) == JsonDocument(["🚀"], '["\\ud83d\\ude80"]')


def test_every_cut_of_a_store_reads_as_truncated(here: Path) -> None:
    # Cut inside a number, a literal, an escape, a key: the parser reports some of these where the
    # token starts; each must still be called truncated, located at the end.
    text = ('{\n  "entries": {"a": {"n": -12.5e-3, "ok": true, "no": false, "none": null,\n'
            '    "s": "caf\\u00e9 \\ud83d\\ude80 \\"q\\" \\\\ \\n"}},\n  "version": 1\n}\n')
    path = here / "store.json"
    for cut in range(1, len(text.rstrip())):
        path.write_text(text[:cut], encoding="utf-8")
        found = read_json(path, **LIMITS)
        assert isinstance(found, JsonDamage) and found.kind is Damage.TRUNCATED, (text[:cut], found)
        lines = text[:cut].rstrip().split("\n")
        assert (found.line, found.col) == (len(lines), len(lines[-1]) + 1)
