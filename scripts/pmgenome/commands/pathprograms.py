"""`pmgenome path`'s company PM programs: for an aspiring or new PM, per flavour of their company,
the programs whose T is nearest the one it expects (plan/programs.py's rule, the one path/ uses),
each with its next application window, in the plan's text, Markdown and JSON."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pmgenome.catalog.model import Catalog
from pmgenome.plan.answers import Answers
from pmgenome.plan.document import markdown_link, markdown_text
from pmgenome.plan.programs import PROGRAM_STAGES, NearProgram, nearest_programs
from pmgenome.site.when import program_status, program_when
from pmgenome.text.clean import one_line


@dataclass(frozen=True)
class FlavourPrograms:
    segment: str
    name: str  # the flavour's display name
    programs: tuple[NearProgram, ...]


def plan_programs(catalog: Catalog, answers: Answers, today: dt.date) -> tuple[FlavourPrograms, ...]:
    """The nearest programs per flavour of the reader's company; none past the new-PM stage."""
    if answers.stage not in PROGRAM_STAGES:
        return ()
    names = {term.id: one_line(term.name) for term in catalog.taxonomy.segments}
    found = (FlavourPrograms(segment, names.get(segment, segment), nearest_programs(catalog, segment, today))
             for segment in answers.company)
    return tuple(flavour for flavour in found if flavour.programs)


def _title(flavour: FlavourPrograms) -> str:
    return f"Company PM programs nearest a {flavour.name} company's T"


def _lines(catalog: Catalog, near: NearProgram, flavour: FlavourPrograms, today: dt.date) -> list[str]:
    """What is said of a program under its title: the expected skills it deepens, its window."""
    skills = {term.id: one_line(term.name) for term in catalog.taxonomy.skills}
    said = []
    if near.shared:
        said.append(f"Deepens what {flavour.name} companies expect: "
                    f"{', '.join(skills.get(skill, skill) for skill in near.shared)}.")
    when = program_when(near.entry, today) or program_status(near.entry)
    if when:
        said.append(when if when.endswith(".") else when + ".")
    return said


def programs_text(catalog: Catalog, found: tuple[FlavourPrograms, ...], today: dt.date) -> str:
    lines: list[str] = []
    for flavour in found:
        lines += ["", _title(flavour)]
        for number, near in enumerate(flavour.programs, 1):
            entry = near.entry
            lines += [f"  {number}. {one_line(entry.title)} ({one_line(entry.company or '')})",
                      f"     {one_line(entry.url)}"]
            lines += [f"     {line}" for line in _lines(catalog, near, flavour, today)]
    return "\n".join(lines) + ("\n" if lines else "")


def programs_markdown(catalog: Catalog, found: tuple[FlavourPrograms, ...], today: dt.date) -> str:
    lines: list[str] = []
    for flavour in found:
        lines += [f"## {markdown_text(_title(flavour))}", ""]
        for near in flavour.programs:
            entry = near.entry
            said = " ".join(_lines(catalog, near, flavour, today))
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
        for near in flavour.programs]} for flavour in found]
