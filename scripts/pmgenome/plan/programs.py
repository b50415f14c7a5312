"""Company PM programs as T's: what each program deepens against the T its flavour expects, the
programs nearest the T a reader wants, and what two flavours' programs share.

A program's T has the reader's T's cells (plan/picture.py draws both): the bar of general skills
and the stem of its flavour's skills. A cell is filled to the level the program's page says it
takes the skill to (empty when the page names the skill but no level), a "+" marks every skill
it deepens, and the dashed line is the level the flavour expects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pmgenome.catalog.model import Catalog, Entry, Kind
from pmgenome.catalog.programs import Window, next_window, skill_levels
from pmgenome.plan.model import SkillRow
from pmgenome.plan.rule import Vocabulary
from pmgenome.text.clean import one_line

NEAREST = 3  # programs offered per flavour on path/
# The stages path/ offers programs to: people who want to become PMs and those new to the job.
PROGRAM_STAGES = ("aspiring", "new")
# What a flavour match adds to a program's nearness: the weight of a skill expected at level 3.
SAME_FLAVOUR = 3


def _name(catalog: Catalog, group: str, term_id: str) -> str:
    term = catalog.taxonomy.term(group, term_id)
    return one_line(term.name) if term else term_id


def _rows(catalog: Catalog, vocabulary: Vocabulary, segment: str, levels: dict[str, int | None],
          grown_by: tuple[str, ...], deepened: Iterable[str]) -> tuple[SkillRow, ...]:
    deepened = set(deepened)
    stem = list(vocabulary.stem((segment,)))
    # A flavour skill of another segment that the program deepens joins the stem, expected at 0.
    stem += [skill for skill in vocabulary.flavour if skill in deepened and skill not in stem]
    expects = vocabulary.expects.get(segment, {})
    rows = [(skill, "general") for skill in vocabulary.general] + [(skill, "flavour") for skill in stem]
    return tuple(SkillRow(skill, _name(catalog, "skills", skill), scope, levels.get(skill),
                          expects.get(skill, 0), grown_by if skill in deepened else ())
                 for skill, scope in rows)


def program_profile(catalog: Catalog, entry: Entry, segment: str) -> tuple[SkillRow, ...]:
    """The program's T within `segment`'s flavour: its stated levels, "+" on what it deepens."""
    vocabulary = Vocabulary.of(catalog.taxonomy)
    return _rows(catalog, vocabulary, segment, dict(skill_levels(entry)), (entry.id,), entry.skills)


def flavour_profile(catalog: Catalog, segment: str) -> tuple[SkillRow, ...]:
    """The T a company of `segment` expects, filled to the expected levels."""
    vocabulary = Vocabulary.of(catalog.taxonomy)
    expects = vocabulary.expects.get(segment, {})
    return _rows(catalog, vocabulary, segment, {skill: level for skill, level in expects.items()}, (), ())


def nearness(entry: Entry, segment: str, vocabulary: Vocabulary) -> int:
    """How near a program's T is to the one a `segment` company expects: the expected level of every
    skill it deepens, and SAME_FLAVOUR when the program is of that flavour."""
    expects = vocabulary.expects.get(segment, {})
    return sum(expects.get(skill, 0) for skill in entry.skills) + (SAME_FLAVOUR if segment in entry.segments else 0)


@dataclass(frozen=True)
class NearProgram:
    entry: Entry
    nearness: int
    shared: tuple[str, ...]  # the flavour's expected skills it deepens, in taxonomy order
    window: Window | None  # open today or the next to open


def nearest_programs(catalog: Catalog, segment: str, today: dt.date, count: int = NEAREST) -> tuple[NearProgram, ...]:
    """The programs nearest the T a `segment` company expects, nearest first; among equals the one
    whose window opens first, then by title. Programs that could not be placed as running come
    after those that could, and one sharing nothing with the flavour is not offered."""
    vocabulary = Vocabulary.of(catalog.taxonomy)
    expects = vocabulary.expects.get(segment, {})
    found = []
    for entry in catalog.of_kind(Kind.PROGRAM):
        score = nearness(entry, segment, vocabulary)
        if score == 0:
            continue
        shared = tuple(skill for skill in catalog.taxonomy.ids("skills") if skill in expects and skill in entry.skills)
        found.append(NearProgram(entry, score, shared, next_window(entry, today)))

    def order(near: NearProgram) -> tuple[bool, int, dt.date, str, str]:
        opens = near.window.start if near.window else dt.date.max
        return (near.entry.not_placed_after is not None, -near.nearness, opens, one_line(near.entry.title).casefold(),
                near.entry.id)

    return tuple(sorted(found, key=order)[:count])


@dataclass(frozen=True)
class Transfer:
    """Two flavours' programs side by side, and the skills both sides' T's deepen."""

    first: str
    second: str
    first_programs: tuple[Entry, ...]
    second_programs: tuple[Entry, ...]
    shared: tuple[str, ...]  # skills deepened by a program on each side, in taxonomy order


def transfer(catalog: Catalog, first: str, second: str) -> Transfer:
    """What a reader moving between a `first` and a `second` company finds in their programs."""
    def side(segment: str) -> tuple[Entry, ...]:
        return tuple(sorted((entry for entry in catalog.of_kind(Kind.PROGRAM) if segment in entry.segments),
                            key=lambda entry: (one_line(entry.title).casefold(), entry.id)))

    ones, others = side(first), side(second)
    deepened_one = {skill for entry in ones for skill in entry.skills}
    deepened_other = {skill for entry in others for skill in entry.skills}
    shared = tuple(skill for skill in catalog.taxonomy.ids("skills") if skill in deepened_one & deepened_other)
    return Transfer(first, second, ones, others, shared)
