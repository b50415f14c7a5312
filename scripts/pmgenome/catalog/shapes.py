"""Reading the named T shapes (shapes.yaml): their shape checked by schema/shapes.schema.json, what
a schema cannot say (unique ids, the skills and segments the vocabulary has, two lines of
description, one line of everything else) checked here, every problem where it was written.

    shapes:
      - id: growth
        name: Growth PM
        description: |-
          Moves the numbers of a consumer product through loops, activation and retention.
          Lives in metrics and experiments, and asks for data before opinions.
        segments: [b2c]
        source: {model: The five PM archetypes, author: Peter Deng, url: https://...}
        ratings: {metrics: 3, growth: 3, experimentation: 3, ...}   # 0-3; a skill left out expects 0
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pmgenome.catalog.fieldtext import line_break_problem
from pmgenome.catalog.files import read_yaml
from pmgenome.catalog.fileschema import FileError, Said, schema_problems
from pmgenome.catalog.model import Shape, Taxonomy
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Document, Location
from pmgenome.text.clean import bidi_problem
from pmgenome.text.hints import did_you_mean
from pmgenome.text.paths import display_path

SCHEMA = "shapes"
RULE = "shapes"
SHAPE_FIELDS = "id, name, description, segments, source and ratings"
DESCRIPTION_LINES = 2
LEVELS = "0, 1, 2 or 3 (0 not expected, 1 aware, 2 practised, 3 could teach it)"


def load_shapes(path: Path, taxonomy: Taxonomy) -> tuple[tuple[Shape, ...], list[Problem]]:
    """The shapes that can be used and every problem of the file; no file: no shapes."""
    shown = display_path(path)
    if not path.is_symlink() and not path.exists():
        return (), []
    document, problems = read_yaml(path)
    if document is None:
        return (), problems
    problems += schema_problems(document, SCHEMA, _explain, shown, RULE)
    items = document.value.get("shapes") if isinstance(document.value, dict) else None
    shapes: list[Shape] = []
    seen: set[str] = set()
    skills, segments = list(taxonomy.ids("skills")), list(taxonomy.ids("segments"))
    for index, item in enumerate(items if isinstance(items, tuple) else ()):
        if not _usable(item):
            continue  # the schema's problems say what is wrong with it
        said = _item_problems(document, index, item, skills, segments, seen)
        problems += [Problem(shown, where.line, where.col, message, RULE) for where, message in said]
        seen.add(item["id"])
        if not said:
            ratings = item["ratings"]
            source = item["source"]
            shapes.append(Shape(item["id"], item["name"], item["description"].strip(), tuple(item["segments"]),
                                source["model"], source["author"], source["url"],
                                tuple((skill, ratings[skill]) for skill in skills if skill in ratings)))
    return tuple(shapes), sorted(problems, key=lambda problem: (problem.line, problem.col))


def _usable(item: Any) -> bool:
    """Whether the schema found the item well formed enough to read (its own problems aside)."""
    if not isinstance(item, dict) or not all(isinstance(item.get(name), str) for name in ("id", "name", "description")):
        return False
    source, ratings, segments = item.get("source"), item.get("ratings"), item.get("segments")
    return (isinstance(source, dict) and all(isinstance(source.get(name), str) for name in ("model", "author", "url"))
            and isinstance(ratings, dict) and all(type(level) is int and 0 <= level <= 3 for level in ratings.values())
            and isinstance(segments, tuple) and all(isinstance(segment, str) for segment in segments))


def _item_problems(document: Document, index: int, item: dict[str, Any], skills: list[str], segments: list[str],
                   seen: set[str]) -> list[tuple[Location, str]]:
    def at(*path: Any) -> Location:
        return document.values.get(("shapes", index, *path)) or Location(1, 1)

    said: list[tuple[Location, str]] = []
    if item["id"] in seen:
        said.append((at("id"), f"duplicate shape id '{item['id']}'"))
    for skill in item["ratings"]:
        if skill not in skills:
            where = document.keys.get(("shapes", index, "ratings", skill)) or at("ratings")
            said.append((where, f"unknown skill '{skill}' in the ratings of shape '{item['id']}'"
                                f"{did_you_mean(str(skill), skills)}"))
    for position, segment in enumerate(item["segments"]):
        if segment not in segments:
            said.append((at("segments", position), f"unknown segment '{segment}' for shape '{item['id']}'"
                                                   f"{did_you_mean(segment, segments)}"))
    lines = item["description"].strip().split("\n")
    if len(lines) > DESCRIPTION_LINES or any(not line.strip() for line in lines):
        said.append((at("description"), f"the description of shape '{item['id']}' must be one or two lines of text"))
    texts = [(("name",), item["name"]), (("source", "model"), item["source"]["model"]),
             (("source", "author"), item["source"]["author"])]
    for path, text in texts:
        problem = line_break_problem(text) or bidi_problem(text)
        if problem or not text.strip():
            said.append((at(*path), f"'{'.'.join(path)}' of shape '{item['id']}' {problem or 'is blank'}"))
    problem = bidi_problem(item["description"])
    if problem:
        said.append((at("description"), f"'description' of shape '{item['id']}' {problem}"))
    return said


def _explain(found: FileError) -> Said | None:
    """A schema error in the shapes' words."""
    path, keyword = found.path, found.keyword
    if not path:
        if keyword == "additionalProperties":
            return [(found.key_at(key), f"unknown key '{key}'; shapes.yaml holds one list, shapes")
                    for key in found.unexpected()]
        return [(Location(1, 1), "shapes.yaml must hold 'shapes:', a list of shapes")]
    if len(path) == 1:
        return [(found.at("shapes"), "'shapes' must be a list of shapes")]
    where = found.at(*path[:2])
    if len(path) == 2:
        if keyword == "additionalProperties":
            return [(found.key_at(*path, key), f"unknown field '{key}' in a shape; a shape has {SHAPE_FIELDS}")
                    for key in found.unexpected()]
        if keyword == "required":
            return [(where, f"a shape needs {', '.join(name for name in found.limit if name not in found.value)}")]
        return [(where, f"each shape must be a mapping with {SHAPE_FIELDS}")]
    field, field_at = path[2], found.at(*path[:3])
    if field == "source":
        if len(path) > 3 and path[3] == "url":
            return [(found.at(*path), "the source's url must be a web address (http or https)")]
        if keyword == "additionalProperties" and len(path) == 3:
            return [(found.key_at(*path, key), f"unknown field '{key}' in a source; use model, author and url")
                    for key in found.unexpected()]
        return [(field_at, "source must be a mapping with model, author and url (each text)")]
    if field == "ratings":
        if len(path) == 4:
            return [(found.at(*path), f"the expected level for '{path[3]}' must be {LEVELS}")]
        return [(field_at, f"ratings must map skill ids to levels: {LEVELS}")]
    return {
        "id": [(field_at, "a shape id must be lowercase letters, digits and single hyphens")],
        "name": [(field_at, "name must be text")],
        "description": [(field_at, "description must be text: one or two lines")],
        "segments": [(field_at, "segments must be a list of segment ids")],
    }.get(field)
