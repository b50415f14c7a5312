"""programs/: company PM programs grouped by their company's flavour, each drawn as the T it builds
beside the T its flavour expects, with its application window; and, for a reader weighing a move
between two flavours, each side's programs and the skills their T's share.

The T's are plan/picture.py's, from plan/programs.py's rows; the window and status sentences are
site/when.py's, so a program's page, this page and path/ say them alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations

from markupsafe import Markup

from pmgenome.catalog.model import Catalog, Kind
from pmgenome.plan.model import SkillRow
from pmgenome.plan.picture import t_svg
from pmgenome.plan.programs import (
    NearProgram,
    flavour_profile,
    nearest_programs,
    program_profile,
    transfer,
)
from pmgenome.site.context import GeneratedPage, SiteContext
from pmgenome.site.render import render
from pmgenome.site.views import EntryView
from pmgenome.site.when import program_status, program_when
from pmgenome.text.clean import one_line

PROGRAMS_SRC_URI = f"{Kind.PROGRAM.folder}/index.md"
NO_FLAVOUR = "Flavour not stated"
PROGRAM_T = ("Cells filled to the level the program's page says it reaches (empty where it names a skill "
             "but no level), + on every skill it deepens, a dashed line at the level the flavour expects.")
FLAVOUR_T = "Cells filled to the level a company of this flavour expects; the dashed line marks the same level."


@dataclass(frozen=True)
class ProgramCard:
    view: EntryView
    when: str
    status: str
    picture: Markup  # the program's T within the group's flavour; empty when it names no skill


@dataclass(frozen=True)
class FlavourGroup:
    id: str  # the segment's id, or "" for programs that state none
    heading: str
    picture: Markup  # the T this flavour expects
    cards: tuple[ProgramCard, ...]


@dataclass(frozen=True)
class Side:
    heading: str
    views: tuple[EntryView, ...]


@dataclass(frozen=True)
class Comparison:
    anchor: str
    heading: str
    sides: tuple[Side, Side]
    shared: str  # the shared skills by name, or ""


def _svg(rows: tuple[SkillRow, ...], title: str, ident: str, description: str) -> Markup:
    picture = t_svg(rows, title, standalone=False, key=ident, description=description)
    return Markup(picture)  # noqa: S704 - t_svg escapes every text it writes into the picture


def flavour_groups(catalog: Catalog, context: SiteContext) -> list[FlavourGroup]:
    """One group per segment with programs (a program of two flavours is in both), then those that
    state none; programs by title."""
    programs = sorted(catalog.of_kind(Kind.PROGRAM), key=lambda e: (context.views[e.id].title.casefold(), e.id))
    groups = []
    for term in catalog.taxonomy.segments:
        members = [entry for entry in programs if term.id in entry.segments]
        if not members:
            continue
        cards = tuple(ProgramCard(
            context.views[entry.id], program_when(entry, context.today), program_status(entry),
            _svg(program_profile(catalog, entry, term.id), f"The T {one_line(entry.title)} builds, "
                 f"beside what {one_line(term.name)} companies expect", f"pmg-t-{term.id}-{entry.id}", PROGRAM_T)
            if entry.skills else Markup(""))
            for entry in members)
        groups.append(FlavourGroup(term.id, one_line(term.name), _svg(
            flavour_profile(catalog, term.id), f"The T {one_line(term.name)} companies expect",
            f"pmg-t-{term.id}", FLAVOUR_T), cards))
    stateless = [entry for entry in programs if not entry.segments]
    if stateless:
        groups.append(FlavourGroup("", NO_FLAVOUR, Markup(""), tuple(
            ProgramCard(context.views[entry.id], program_when(entry, context.today), program_status(entry),
                        Markup("")) for entry in stateless)))
    return groups


def comparisons(catalog: Catalog, context: SiteContext) -> list[Comparison]:
    """Every pair of flavours that both have programs: each side's programs and the skills both
    sides' T's deepen (the founding question: does what one company teaches carry over?)."""
    names = {term.id: one_line(term.name) for term in catalog.taxonomy.segments}
    skill_names = {term.id: one_line(term.name) for term in catalog.taxonomy.skills}
    found = []
    for first, second in combinations(catalog.taxonomy.ids("segments"), 2):
        moved = transfer(catalog, first, second)
        if not moved.first_programs or not moved.second_programs:
            continue
        found.append(Comparison(
            f"compare-{first}-{second}", f"{names[first]} and {names[second]}",
            (Side(names[first], tuple(context.views[e.id] for e in moved.first_programs)),
             Side(names[second], tuple(context.views[e.id] for e in moved.second_programs))),
            ", ".join(skill_names.get(skill, skill) for skill in moved.shared)))
    return found


@dataclass(frozen=True)
class PathProgram:
    view: EntryView
    shares: str  # "Deepens what B2B companies expect: Go-to-market and sales, Communication...", or ""
    when: str  # its open or next window, or when the last closed; or its status


@dataclass(frozen=True)
class PathFlavour:
    id: str
    name: str
    anchor: str  # its group on programs/
    programs: tuple[PathProgram, ...]


def near_program_said(near: NearProgram, flavour_name: str, skill_names: Mapping[str, str],
                      today: dt.date) -> tuple[str, str]:
    """What path/ and `pmgenome path` say of a program offered for a flavour: the expected skills it
    deepens ('' when none), and its window or else its status ('' when neither is known)."""
    deepens = (f"Deepens what {flavour_name} companies expect: "
               f"{', '.join(skill_names.get(skill, skill) for skill in near.shared)}" if near.shared else "")
    return deepens, program_when(near.entry, today) or program_status(near.entry)


def path_programs(catalog: Catalog, context: SiteContext) -> list[PathFlavour]:
    """For path/: per flavour, the programs nearest the T it expects, for an aspiring or new PM."""
    skill_names = {term.id: one_line(term.name) for term in catalog.taxonomy.skills}
    found = []
    for term in catalog.taxonomy.segments:
        near = nearest_programs(catalog, term.id, context.today)
        if not near:
            continue
        name = one_line(term.name)
        found.append(PathFlavour(term.id, name, f"flavour-{term.id}", tuple(
            PathProgram(context.views[item.entry.id], *near_program_said(item, name, skill_names, context.today))
            for item in near)))
    return found


def build_programs(catalog: Catalog, context: SiteContext) -> Iterator[GeneratedPage]:
    """programs/: by flavour, each program's T beside the flavour's, its window; then flavours compared."""
    link = context.link(PROGRAMS_SRC_URI)
    yield GeneratedPage(PROGRAMS_SRC_URI, render(
        "programs.md.j2", link=link, groups=flavour_groups(catalog, context),
        comparisons=comparisons(catalog, context), count=len(catalog.of_kind(Kind.PROGRAM)),
        explore="explore/index.md"))
