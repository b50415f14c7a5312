"""Filling a plan's parts in the rule's order from a planner's rankings (see `rule`'s docstring).

Both planners, the naive one and the fast engine, fill plans here; they differ only in how they
rank candidates, so a plan's shape, counts, fallbacks and notes are written once.
"""

from __future__ import annotations

from collections.abc import Callable

from pmgenome.catalog.model import Kind
from pmgenome.plan.answers import Answers, Goal
from pmgenome.plan.model import MeetupPick, Plan, PlanItem
from pmgenome.plan.rule import BROAD_FIRST_COUNTS, DEEP_FIRST_COUNTS, MEETUP_COUNT, Candidate, Part
from pmgenome.plan.wording import Words
from pmgenome.text.clean import one_line

# pick(part, kind, count, taken ids) -> the greedy pick from that part's ranking
Pick = Callable[[Part, Kind, int, frozenset[str]], tuple[Candidate, ...]]
# own_stage(part, taken ids) -> how many articles for the part are written for the reader's stage
# (or any stage) and not taken: fewer than wanted is what makes borrowing worth a note
OwnStage = Callable[[Part, frozenset[str]], int]


def item(candidate: Candidate, reason: str) -> PlanItem:
    entry = candidate.facts.entry
    return PlanItem(entry.id, entry.kind.value, one_line(entry.title) or entry.id, one_line(entry.url),
                    reason, candidate.score)


def assemble(answers: Answers, pick: Pick, own_stage: OwnStage, words: Words, meetups: MeetupPick) -> Plan:
    """The plan: the goal's part first, then the other, one course, and the meetups."""
    notes: list[str] = []
    deep_first = answers.goal == Goal.DEEPEN
    deep_count, broad_count = DEEP_FIRST_COUNTS if deep_first else BROAD_FIRST_COUNTS
    order = [(Part.DEEPEN, deep_count), (Part.BROADEN, broad_count)]
    if not deep_first:
        order.reverse()
    taken: set[str] = set()
    parts: dict[str, tuple[PlanItem, ...]] = {}
    for part, count in order:
        chosen = pick(part, Kind.ARTICLE, count, frozenset(taken))
        parts[part] = tuple(item(candidate, words.reason(part, candidate)) for candidate in chosen)
        notes += words.part_notes(part, chosen, count, own_stage(part, frozenset(taken)))
        taken.update(candidate.id for candidate in chosen)

    (first, _), (second, _) = order
    course = None
    for part in (first, second):
        chosen = pick(part, Kind.COURSE, 1, frozenset())
        if chosen:
            course = item(chosen[0], words.course_reason(part, chosen[0]))
            if part == second:
                notes.append(words.course_fallback(first, second))
            break
    else:
        notes.append(words.no_course())
    return Plan(answers, parts[Part.DEEPEN], parts[Part.BROADEN], course, meetups.items, tuple(notes),
                meetups.notes)


def assemble_meetups(pick: Pick, words: Words) -> MeetupPick:
    """The meetups part alone; it depends on stage, company segments and place only."""
    chosen = pick(Part.MEETUPS, Kind.MEETUP, MEETUP_COUNT, frozenset())
    items = tuple(item(candidate, words.reason(Part.MEETUPS, candidate)) for candidate in chosen)
    return MeetupPick(items, tuple(words.meetup_notes(chosen)))
