"""shapes/: every named T shape (catalog/shapes.yaml) drawn as its own T, with its source and what
builds it: the resources in the catalog that teach most of the skills it expects at the top level."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from pmgenome.catalog.model import Catalog, Kind, Shape
from pmgenome.plan.model import SkillRow
from pmgenome.plan.names import Names
from pmgenome.plan.picture import t_svg
from pmgenome.plan.rule import TOP_RATING
from pmgenome.plan.sentences import fill
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render
from pmgenome.text.clean import one_line

SHAPES_SRC_URI = "shapes/index.md"
BUILDS_COUNT = 3
# What can build a shape: everything but meetups (a community is joined, not read).
BUILDING_KINDS = tuple(kind for kind in Kind if kind is not Kind.MEETUP)


@dataclass(frozen=True)
class Builder:
    title: str
    src_uri: str | None
    kind: str
    teaches: str


@dataclass(frozen=True)
class ShapeView:
    id: str
    name: str
    description: tuple[str, ...]
    segments: str
    model: str
    author: str
    url: str
    picture: Markup
    deepest: str
    builds: tuple[Builder, ...]


def _profile(shape: Shape, catalog: Catalog, names: Names) -> tuple[SkillRow, ...]:
    """The shape's T: every general skill (the bar), then every flavour skill it expects (the stem)."""
    rows = []
    for term in catalog.taxonomy.skills:
        level = shape.expected(term.id)
        if term.scope == "general" or (term.scope == "flavour" and level):
            rows.append(SkillRow(term.id, names("skills", term.id), term.scope or "", level, 0, ()))
    return tuple(rows)


def builders(shape: Shape, catalog: Catalog, context: SiteContext, names: Names) -> tuple[Builder, ...]:
    """The resources teaching most of the skills the shape expects at the top level (then the most
    of its other skills, then by id), BUILDS_COUNT at most."""
    deepest = {skill for skill, level in shape.ratings if level == TOP_RATING}
    expected = {skill for skill, level in shape.ratings if level}
    scored = []
    for entry in catalog.entries:
        if entry.kind not in BUILDING_KINDS:
            continue
        top = [skill for skill in entry.skills if skill in deepest]
        if top:
            scored.append((-len(top), -len(expected.intersection(entry.skills)), entry.id, entry, top))
    found = []
    for _, _, _, entry, top in sorted(scored, key=lambda item: item[:3])[:BUILDS_COUNT]:
        view = context.views.get(entry.id)
        found.append(Builder(one_line(entry.title) or entry.id, view.src_uri if view else None, entry.kind.singular,
                             names.skills(top)))
    return tuple(found)


def shape_views(catalog: Catalog, context: SiteContext) -> list[ShapeView]:
    names = Names(catalog.taxonomy)
    views = []
    for shape in catalog.shapes:
        picture = t_svg(_profile(shape, catalog, names), fill("shape_picture", shape=shape.name), standalone=False,
                        key=f"pmg-shape-{shape.id}", description=fill("shape_picture_description"))
        deepest = [skill for skill, level in shape.ratings if level == TOP_RATING]
        views.append(ShapeView(shape.id, shape.name, tuple(shape.description.split("\n")),
                               names.join("segments", shape.segments), shape.model, shape.author, shape.url,
                               Markup(picture),  # noqa: S704 - t_svg escapes every text it writes
                               names.skills(deepest), builders(shape, catalog, context, names)))
    return views


def build_shapes_page(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """shapes/: one T picture per named shape, its source and what builds it."""
    yield GeneratedPage(SHAPES_SRC_URI, render("shapes.md.j2", shapes=shape_views(catalog, context),
                                               link=context.link(SHAPES_SRC_URI)))
