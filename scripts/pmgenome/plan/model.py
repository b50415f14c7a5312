"""A reader's plan as data: its parts and items, the reader's T, and the same as JSON-ready data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pmgenome.plan.answers import Answers, Goal
from pmgenome.plan.sentences import fill

PART_TITLES: Mapping[str, str] = {
    "deepen": "Deepen your company's flavour",
    "broaden": "Broaden the top of your T",
    "course": "One course or book",
    "habits": "A habit: a podcast and a newsletter",
    "meetups": "Meetups and communities",
}
CONTRIBUTE_HINT = "Know a resource that fits? CONTRIBUTING.md explains how to add it."


def compare_title(segment_name: str) -> str:
    return fill("compare_title", segment=segment_name)


@dataclass(frozen=True)
class PlanItem:
    id: str
    kind: str
    title: str
    url: str
    reason: str
    score: int
    outcomes: tuple[str, ...] = ()  # what the reader can do after it, from the entry's `outcomes`


@dataclass(frozen=True)
class MeetupPick:
    items: tuple[PlanItem, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class SkillRow:
    """One cell of the reader's T: a general skill (the bar) or a flavour skill (the stem)."""

    skill: str
    name: str
    scope: str  # "general" or "flavour"
    rating: int | None
    expected: int  # the level the company expects; 0: not in particular
    grown_by: tuple[str, ...]  # ids of the plan's items that teach it


@dataclass(frozen=True)
class Comparison:
    """"What if I moved to a <segment> company": what carries over, what is new, what to read."""

    segment: str
    name: str
    carries: tuple[SkillRow, ...]  # flavour skills of both stems (expected: at the other company)
    new: tuple[SkillRow, ...]  # flavour skills only the other company's stem has
    items: tuple[PlanItem, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ShapeFit:
    """A named T shape as near as the reader's ratings put it (plan/shapes.py says how far)."""

    id: str
    name: str
    distance: int
    model: str
    author: str
    url: str


@dataclass(frozen=True)
class Neighbour:
    """A shape next to the reader's: the skills to grow towards it, and what to read for them."""

    id: str
    name: str
    distance: int
    grow: tuple[tuple[str, str], ...]  # (skill id, its name), the largest gap first
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class Peer:
    """Someone in the people directory who can teach some of the reader's gaps."""

    github: str
    name: str
    teaches: tuple[tuple[str, str], ...]  # (skill id, its name): the reader's gaps they teach, weakest first
    city: str | None
    country: str | None
    online: bool


@dataclass(frozen=True)
class Plan:
    answers: Answers
    deepen: tuple[PlanItem, ...]
    broaden: tuple[PlanItem, ...]
    course: PlanItem | None
    meetups: tuple[PlanItem, ...]
    part_notes: tuple[str, ...] = ()  # about the deepen, broaden, course and habit parts
    meetup_notes: tuple[str, ...] = ()
    habits: tuple[PlanItem, ...] = ()
    profile: tuple[SkillRow, ...] = ()  # the bar's skills, then the stem's
    comparison: Comparison | None = None
    shape: ShapeFit | None = None  # None: the reader rated no skill
    neighbours: tuple[Neighbour, ...] = ()
    people: tuple[Peer, ...] = ()  # who can teach the reader's gaps (plan/peers.py)

    @property
    def notes(self) -> tuple[str, ...]:
        """Where the catalog could not fill the plan as wanted, in reading order."""
        return self.part_notes + self.meetup_notes

    @property
    def parts(self) -> tuple[tuple[str, tuple[PlanItem, ...]], ...]:
        """(part name, items) in reading order: the part the goal asks for comes first."""
        course = (self.course,) if self.course else ()
        first, second = ("deepen", "broaden") if self.answers.goal == Goal.DEEPEN else ("broaden", "deepen")
        return ((first, getattr(self, first)), (second, getattr(self, second)),
                ("course", course), ("habits", self.habits), ("meetups", self.meetups))

    @property
    def thin(self) -> bool:
        """True when the catalog could not fill the plan as wanted (the notes say where)."""
        return bool(self.notes) or bool(self.comparison and self.comparison.notes)


def item_as_dict(value: PlanItem) -> dict[str, Any]:
    return {"id": value.id, "kind": value.kind, "title": value.title, "url": value.url,
            "reason": value.reason, "score": value.score, "outcomes": list(value.outcomes)}


def row_as_dict(row: SkillRow) -> dict[str, Any]:
    return {"skill": row.skill, "name": row.name, "scope": row.scope, "rating": row.rating,
            "expected": row.expected, "grown_by": list(row.grown_by)}


def plan_as_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON-ready data (what `pmgenome path --format json` prints; its JSON Schema
    is schema/output/path.schema.json)."""
    answers = plan.answers
    comparison = plan.comparison
    return {
        "answers": {"stage": answers.stage, "background": answers.background, "company": list(answers.company),
                    "pm_load": answers.pm_load.value, "goal": answers.goal.value,
                    "place": str(answers.place) if answers.place else None,
                    "ratings": dict(answers.ratings), "compare": answers.compare},
        "deepen": [item_as_dict(value) for value in plan.deepen],
        "broaden": [item_as_dict(value) for value in plan.broaden],
        "course": item_as_dict(plan.course) if plan.course else None,
        "habits": [item_as_dict(value) for value in plan.habits],
        "meetups": [item_as_dict(value) for value in plan.meetups],
        "notes": list(plan.notes),
        "profile": [row_as_dict(row) for row in plan.profile],
        "compare": None if comparison is None else {
            "segment": comparison.segment, "carries": [row_as_dict(row) for row in comparison.carries],
            "new": [row_as_dict(row) for row in comparison.new],
            "items": [item_as_dict(value) for value in comparison.items], "notes": list(comparison.notes)},
        "shape": None if plan.shape is None else {
            "id": plan.shape.id, "name": plan.shape.name, "distance": plan.shape.distance,
            "source": {"model": plan.shape.model, "author": plan.shape.author, "url": plan.shape.url}},
        "neighbours": [{"id": other.id, "name": other.name, "distance": other.distance,
                        "grow": [{"skill": skill, "name": name} for skill, name in other.grow],
                        "items": [item_as_dict(value) for value in other.items]} for other in plan.neighbours],
        "people": [{"github": peer.github, "name": peer.name,
                    "teaches": [{"skill": skill, "name": name} for skill, name in peer.teaches],
                    "city": peer.city, "country": peer.country, "online": peer.online} for peer in plan.people],
    }
