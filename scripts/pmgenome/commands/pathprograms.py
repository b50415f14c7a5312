"""`pmgenome path`'s company PM programs: for an aspiring or new PM, per flavour of their company,
the programs whose T is nearest the one it expects (plan/programs.py's rule, the one path/ uses),
each with path/'s sentences (site/programs.near_program_said), in the plan's text, Markdown and JSON."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pmgenome.catalog.model import Catalog
from pmgenome.plan.answers import Answers
from pmgenome.plan.document import markdown_link, markdown_text
from pmgenome.plan.programs import PROGRAM_STAGES, NearProgram, nearest_programs
from pmgenome.site.programs import near_program_said
from pmgenome.text.clean import one_line


@dataclass(frozen=True)
class OfferedProgram:
    near: NearProgram
    said: tuple[str, ...]  # what is said under its title (path/'s sentences), each ending in a full stop


@dataclass(frozen=True)
class FlavourPrograms:
    segment: str
    name: str  # the flavour's display name
    programs: tuple[OfferedProgram, ...]


def plan_programs(catalog: Catalog, answers: Answers, today: dt.date) -> tuple[FlavourPrograms, ...]:
    """The nearest programs per flavour of the reader's company; none past the new-PM stage."""
    if answers.stage not in PROGRAM_STAGES:
        return ()
    names = {term.id: one_line(term.name) for term in catalog.taxonomy.segments}
    skill_names = {term.id: one_line(term.name) for term in catalog.taxonomy.skills}
    found = []
    for segment in answers.company:
        name = names.get(segment, segment)
        offered = tuple(
            OfferedProgram(near, tuple(line if line.endswith(".") else line + "."
                                       for line in near_program_said(near, name, skill_names, today) if line))
            for near in nearest_programs(catalog, segment, today))
        if offered:
            found.append(FlavourPrograms(segment, name, offered))
    return tuple(found)


def _title(flavour: FlavourPrograms) -> str:
    return f"Company PM programs nearest a {flavour.name} company's T"


def programs_text(found: tuple[FlavourPrograms, ...]) -> str:
    lines: list[str] = []
    for flavour in found:
        lines += ["", _title(flavour)]
        for number, offered in enumerate(flavour.programs, 1):
            entry = offered.near.entry
            lines += [f"  {number}. {one_line(entry.title)} ({one_line(entry.company or '')})",
                      f"     {one_line(entry.url)}"]
            lines += [f"     {line}" for line in offered.said]
    return "\n".join(lines) + ("\n" if lines else "")


def programs_markdown(found: tuple[FlavourPrograms, ...]) -> str:
    lines: list[str] = []
    for flavour in found:
        lines += [f"## {markdown_text(_title(flavour))}", ""]
        for offered in flavour.programs:
            entry = offered.near.entry
            said = " ".join(offered.said)
            company = markdown_text(one_line(entry.company or ""))
            lines.append(f"- {markdown_link(one_line(entry.title), one_line(entry.url))} ({company})"
                         + (f": {markdown_text(said)}" if said else ""))
        lines.append("")
    return "\n".join(lines)


def programs_as_dict(found: tuple[FlavourPrograms, ...], today: dt.date) -> list[dict[str, Any]]:
    """The `programs` of `pmgenome path --format json` (schema/output/path.schema.json)."""
    return [{"segment": flavour.segment, "items": [
        {"id": near.entry.id, "title": one_line(near.entry.title), "company": one_line(near.entry.company or ""),
         "url": one_line(near.entry.url), "nearness": near.nearness, "shared": list(near.shared),
         "window": None if near.window is None else {
             "start": near.window.start.isoformat(), "end": near.window.end.isoformat(),
             "state": near.window.state(today).value},
         "not_placed_after": near.entry.not_placed_after}
        for near in (offered.near for offered in flavour.programs)]} for flavour in found]
