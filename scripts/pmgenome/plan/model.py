"""A reader's plan as data: its parts and items, and the same as plain JSON-ready data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pmgenome.plan.answers import Answers, Goal

PART_TITLES: Mapping[str, str] = {
    "deepen": "Deepen your company's flavour",
    "broaden": "Broaden the top of your T",
    "course": "One course",
    "meetups": "Meetups and communities",
}
CONTRIBUTE_HINT = "Know a resource that fits? CONTRIBUTING.md explains how to add it."


@dataclass(frozen=True)
class PlanItem:
    id: str
    kind: str
    title: str
    url: str
    reason: str
    score: int


@dataclass(frozen=True)
class MeetupPick:
    items: tuple[PlanItem, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    answers: Answers
    deepen: tuple[PlanItem, ...]
    broaden: tuple[PlanItem, ...]
    course: PlanItem | None
    meetups: tuple[PlanItem, ...]
    part_notes: tuple[str, ...] = ()  # about the deepen, broaden and course parts
    meetup_notes: tuple[str, ...] = ()

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
                ("course", course), ("meetups", self.meetups))

    @property
    def thin(self) -> bool:
        """True when the catalog could not fill the plan as wanted (the notes say where)."""
        return bool(self.notes)


def plan_as_dict(plan: Plan) -> dict:
    """The plan as plain JSON-ready data (what `pmgenome path --json` prints)."""
    def item(value: PlanItem | None) -> dict | None:
        if value is None:
            return None
        return {"id": value.id, "kind": value.kind, "title": value.title, "url": value.url,
                "reason": value.reason, "score": value.score}

    answers = plan.answers
    return {
        "answers": {"stage": answers.stage, "background": answers.background, "company": list(answers.company),
                    "pm_load": answers.pm_load.value, "goal": answers.goal.value,
                    "place": str(answers.place) if answers.place else None},
        "deepen": [item(value) for value in plan.deepen],
        "broaden": [item(value) for value in plan.broaden],
        "course": item(plan.course),
        "meetups": [item(value) for value in plan.meetups],
        "notes": list(plan.notes),
    }
