"""The picks under their JSON Schema (schema/picks.schema.json): every mistake of shape said in
the picks' words where it was written; what the picks name is validate's (validate_test)."""

from __future__ import annotations

from pathlib import Path

from pmgenome.catalog.fileschema import file_schema
from pmgenome.catalog.model import PICKS_FILE, Kind
from pmgenome.catalog.picks import PICK_SHAPE, load_picks

MISTAKES = """\
b2b:
  article:
    - id: a
      why: fine
    - id: b
      note: extra
    - just-an-id
  webinar:
    - id: c
  book: not a list
  podcast:
    - id: d
      why: fine too
b2c: [a, b]
design:
  video:
  course:
    - why: no id
    - id: 5
"""


def test_every_mistake_of_shape_is_said_where_it_is_written(tmp_path: Path) -> None:
    (tmp_path / PICKS_FILE).write_text(MISTAKES, encoding="utf-8")
    picks, reasons, _, problems = load_picks(tmp_path / PICKS_FILE)
    assert [f"{p.line}:{p.col}: {p.message}" for p in problems] == [
        f"6:7: unknown field 'note' in a pick; {PICK_SHAPE}",
        f"7:7: {PICK_SHAPE}",
        "8:3: unknown kind 'webinar'; use one of article, book, course, podcast, newsletter, video, meetup, program",
        f"10:3: picks must be a list: {PICK_SHAPE}",
        "14:1: picks for 'b2c' must map a kind (article, book, course, podcast, newsletter, video, meetup, program) to a "
        "list of picks",
        f"18:7: {PICK_SHAPE}",
        f"19:7: {PICK_SHAPE}",
    ]
    # A list with a malformed pick is left out whole; the others are read.
    assert picks == {"b2b": {Kind.PODCAST: ("d",)}, "design": {Kind.VIDEO: ()}}
    assert reasons == {("b2b", Kind.PODCAST, "d"): "fine too"}


def test_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    (tmp_path / PICKS_FILE).write_text("- a\n", encoding="utf-8")
    assert [str(p) for p in load_picks(tmp_path / PICKS_FILE)[3]] == [
        f"{tmp_path / PICKS_FILE}:1:1: picks must map segment -> kind -> list of picks"]


def test_the_schema_names_every_kind() -> None:
    assert file_schema("picks")["additionalProperties"]["propertyNames"]["enum"] == list(Kind)
