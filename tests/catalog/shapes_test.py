"""catalog/shapes.yaml: the shipped shapes, and every way a shapes file can be wrong, located."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import SHAPES_FILE, TAXONOMY_FILE
from pmgenome.catalog.shapes import load_shapes
from pmgenome.catalog.taxonomy import load_taxonomy

REPO = Path(__file__).resolve().parents[2]
TAXONOMY, _ = load_taxonomy(REPO / "catalog" / TAXONOMY_FILE)


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / SHAPES_FILE
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    _, problems = load_shapes(path, TAXONOMY)
    return [f"{problem.line}:{problem.col}: {problem.message}" for problem in problems]


def test_the_shipped_shapes_cover_every_flavour_and_cross_them():
    catalog, problems = load_catalog(REPO / "catalog")
    assert problems == []
    shapes = catalog.shapes
    assert len(shapes) >= 6
    covered = {segment for shape in shapes for segment in shape.segments}
    assert covered == set(catalog.taxonomy.ids("segments"))
    assert len([shape for shape in shapes if len(shape.segments) >= 2]) >= 2
    assert all(shape.url.startswith("https://") and shape.model and shape.author for shape in shapes)
    assert all(len(shape.description.split("\n")) == 2 for shape in shapes)
    # No two shapes expect the same T, so each is its own nearest shape.
    assert len({shape.ratings for shape in shapes}) == len(shapes)


GOOD = """\
    shapes:
      - id: growth
        name: Growth PM
        description: |-
          One line.
          Two lines.
        segments: [b2c]
        source: {model: A model, author: Someone, url: https://example.com/model}
        ratings: {growth: 3, metrics: 2}
"""


def test_a_good_file_reads_in_taxonomy_order(tmp_path):
    path = tmp_path / SHAPES_FILE
    path.write_text(textwrap.dedent(GOOD), encoding="utf-8")
    shapes, problems = load_shapes(path, TAXONOMY)
    assert problems == []
    assert [(shape.id, shape.ratings, shape.expected("strategy")) for shape in shapes] == [
        ("growth", (("metrics", 2), ("growth", 3)), 0)]


def test_unknown_skills_and_segments_bad_levels_and_fields_are_located(tmp_path):
    assert _problems(tmp_path, """\
        shapes:
          - id: growth
            name: Growth PM
            description: Fine.
            segments: [b2c, saas]
            source: {model: A model, author: Someone, url: https://example.com/model}
            ratings: {growht: 3, metrics: 2}
          - id: craft
            name: Craft
            description: Fine.
            segments: [design]
            source: {model: A model, author: Someone, url: ftp://example.com/model, email: a@example.com}
            ratings: {ux-design: 4}
            colour: blue
          - id: growth
            name: Again
            description: |-
              One.
              Two.
              Three.
            segments: [b2c]
            source: {model: A model, author: Someone, url: https://example.com/model}
            ratings: {growth: 3}
        """) == [
        "5:21: unknown segment 'saas' for shape 'growth'",
        "7:15: unknown skill 'growht' in the ratings of shape 'growth' (did you mean 'growth'?)",
        "12:52: the source's url must be a web address (http or https)",
        "12:77: unknown field 'email' in a source; use model, author and url",
        "13:26: the expected level for 'ux-design' must be 0, 1, 2 or 3 (0 not expected, 1 aware, 2 practised, "
        "3 could teach it)",
        "14:5: unknown field 'colour' in a shape; a shape has id, name, description, segments, source and ratings",
        "15:9: duplicate shape id 'growth'",
        "17:18: the description of shape 'growth' must be one or two lines of text",
    ]


def test_a_shape_missing_fields_and_a_file_without_the_list(tmp_path):
    assert _problems(tmp_path, """\
        shapes:
          - id: lonely
            name: Lonely
        """) == ["2:5: a shape needs description, segments, source, ratings"]
    assert _problems(tmp_path, "shape: []\n") == [
        "1:1: unknown key 'shape'; shapes.yaml holds one list, shapes",
        "1:1: shapes.yaml must hold 'shapes:', a list of shapes"]
