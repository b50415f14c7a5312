"""The plan from the rule and nothing else: score every entry, sort, pick greedily, in the rule's order.

Small on purpose: this is what "the rule" (`pmgenome.plan.rule`) means in code. It plans one reader
at a time, which is all the CLI needs; the site's page runs the same steps in JavaScript
(site/assets/plan-rule.js), held equal to this module by tests/site/plan_port_test.py.
"""

from __future__ import annotations

from dataclasses import replace

from pmgenome.catalog.model import Catalog, Kind
from pmgenome.plan.answers import Answers, Goal
from pmgenome.plan.model import Comparison, MeetupPick, Neighbour, Peer, Plan, PlanItem, ShapeFit, SkillRow
from pmgenome.plan.names import Names
from pmgenome.plan.peers import teachers
from pmgenome.plan.rule import (
    BROAD_FIRST_COUNTS,
    COMPARE_COUNT,
    DEEP_FIRST_COUNTS,
    MEETUP_COUNT,
    SLOT_KINDS,
    TOP_RATING,
    Candidate,
    Facts,
    Part,
    Reader,
    Vocabulary,
    facts,
    greedy,
    rank,
    reader,
    rescorer,
)
from pmgenome.plan.shapes import NEIGHBOURS, nearest, to_grow
from pmgenome.plan.wording import Words
from pmgenome.text.clean import one_line


class Planner:
    """The rule bound to one catalog: each entry's facts are read once."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.vocabulary = Vocabulary.of(catalog.taxonomy)
        self.names = Names(catalog.taxonomy)
        self.entries = {kind: [facts(entry, self.vocabulary) for entry in catalog.of_kind(kind)] for kind in Kind}

    def _of(self, kinds: tuple[Kind, ...]) -> list[Facts]:
        return [entry for kind in kinds for entry in self.entries[kind]]

    def pick(self, who: Reader, part: Part, kinds: tuple[Kind, ...], count: int,
             taken: frozenset[str] = frozenset()) -> list[Candidate]:
        """The greedy pick (`rule.greedy`) of `count` entries of these kinds for one part."""
        return greedy(rank(self._of(kinds), part, who), count, taken, rescorer(part, who))

    def _own_stage(self, who: Reader, part: Part, taken: set[str]) -> int:
        """How many reading entries for the part are written for the reader's stage (or any stage)
        and not already in the plan: fewer than wanted is what makes borrowing worth a note."""
        return sum(1 for found in rank(self._of(SLOT_KINDS["reading"]), part, who)
                   if not found.fit.borrowed and found.id not in taken)

    def plan(self, answers: Answers) -> Plan:
        """Apply the rule (see `rule`) to one reader's answers."""
        who = reader(answers, self.vocabulary, self.catalog)
        words = Words(self.names, answers, who)
        notes: list[str] = []
        deep_first = answers.goal == Goal.DEEPEN
        deep_count, broad_count = DEEP_FIRST_COUNTS if deep_first else BROAD_FIRST_COUNTS
        order = [(Part.DEEPEN, deep_count), (Part.BROADEN, broad_count)]
        if not deep_first:
            order.reverse()
        taken: set[str] = set()
        parts: dict[str, list[Candidate]] = {}
        for part, count in order:
            chosen = self.pick(who, part, SLOT_KINDS["reading"], count, frozenset(taken))
            parts[part] = chosen
            notes += words.part_notes(part, chosen, count, self._own_stage(who, part, taken))
            taken.update(candidate.id for candidate in chosen)
        (first, _), (second, _) = order

        course = None
        for part in (first, second):
            chosen = self.pick(who, part, SLOT_KINDS["course"], 1)
            if chosen:
                course = item(chosen[0], words.course_reason(part, chosen[0]))
                if part == second:
                    notes.append(words.course_fallback(first, second))
                break
        else:
            notes.append(words.no_course())

        habits = []
        for kind in SLOT_KINDS["habits"]:  # one of each, scored like the course
            for part in (first, second):
                chosen = self.pick(who, part, (kind,), 1)
                if chosen:
                    habits.append(item(chosen[0], words.habit_reason(part, chosen[0])))
                    break
        if not habits:
            notes.append(words.no_habit())

        reading = {part: [item(found, words.reason(part, found)) for found in chosen]
                   for part, chosen in parts.items()}
        grown = [*reading[Part.DEEPEN], *reading[Part.BROADEN], *([course] if course else []), *habits]
        profile = self._profile(answers, who, grown)
        notes += self._untaught(who, words, profile, parts[Part.DEEPEN] + parts[Part.BROADEN])
        meetups = self.meetups(answers)
        comparison = self._compare(answers, who, grown, taken) if answers.compare else None
        used = taken | {found.id for found in grown} | {found.id for found in (comparison.items if comparison else ())}
        shape, neighbours = self._shape(answers, used)
        skills = self.catalog.taxonomy.ids("skills")
        people = tuple(Peer(person.github, person.name, tuple((skill, self.names("skills", skill)) for skill in taught),
                            person.city, person.country, person.online)
                       for person, taught in teachers(dict(answers.ratings), answers.place, self.catalog.people,
                                                      skills))
        return Plan(answers, tuple(reading[Part.DEEPEN]), tuple(reading[Part.BROADEN]), course, meetups.items,
                    tuple(notes), meetups.notes, tuple(habits), profile, comparison, shape, neighbours, people)

    def meetups(self, answers: Answers) -> MeetupPick:
        """The meetups part alone; it depends on stage, company segments and place only."""
        who = reader(answers, self.vocabulary, self.catalog)
        words = Words(self.names, answers, who)
        chosen = self.pick(who, Part.MEETUPS, SLOT_KINDS["meetups"], MEETUP_COUNT)
        items = tuple(item(found, words.reason(Part.MEETUPS, found)) for found in chosen)
        return MeetupPick(items, tuple(words.meetup_notes(chosen)))

    # The reader's T.

    def _row(self, skill: str, scope: str, rating: int | None, expected: int, grown: list[PlanItem]) -> SkillRow:
        teaches = tuple(found.id for found in grown if skill in self.catalog.by_id[found.id].skills)
        return SkillRow(skill, self.names("skills", skill), scope, rating, expected, teaches)

    def _profile(self, answers: Answers, who: Reader, grown: list[PlanItem]) -> tuple[SkillRow, ...]:
        """The bar (every general skill) and the stem (the company's flavour skills), in taxonomy order."""
        rows = [(skill, "general") for skill in self.vocabulary.general]
        rows += [(skill, "flavour") for skill in self.vocabulary.stem(answers.company)]
        return tuple(self._row(skill, scope, answers.rating(skill), who.expected.get(skill, 0), grown)
                     for skill, scope in rows)

    def _untaught(self, who: Reader, words: Words, profile: tuple[SkillRow, ...],
                  reading: list[Candidate]) -> list[str]:
        """A note for the lowest-rated general skill, and for the lowest-rated flavour skill the
        company expects, when no article or talk in the plan teaches it (ties: the background's
        gaps, then what the company expects more, then taxonomy order)."""
        notes = []
        for scope in ("general", "flavour"):
            rated = [row for row in profile if row.scope == scope and row.rating is not None
                     and row.rating < TOP_RATING and (scope == "general" or row.expected)]
            if not rated:
                continue
            lowest = min(rated, key=lambda row: (row.rating, row.skill not in who.gaps, -row.expected))
            if not any(lowest.skill in found.facts.entry.skills for found in reading):
                notes.append(words.untaught(lowest.skill, scope))
        return notes

    # The reader's shape.

    def _shape(self, answers: Answers, used: set[str]) -> tuple[ShapeFit | None, tuple[Neighbour, ...]]:
        """The nearest named shape and its neighbours (plan/shapes.py), each neighbour with the skills to
        grow towards it and, for each, the best article or talk the rule finds for a reader at a company
        of that shape's flavours (not one the plan already holds)."""
        ranked = nearest(dict(answers.ratings), self.catalog.shapes)
        if not ranked:
            return None, ()
        (shape, distance), *others = ranked
        fit = ShapeFit(shape.id, shape.name, distance, shape.model, shape.author, shape.url)
        skills = self.catalog.taxonomy.ids("skills")
        taken = set(used)
        neighbours = []
        for other, away in others[:NEIGHBOURS]:
            grow = to_grow(dict(answers.ratings), other, skills)
            company = tuple(segment for segment in self.catalog.taxonomy.ids("segments") if segment in other.segments)
            moved = replace(answers, company=company, compare=None)
            there = reader(moved, self.vocabulary, self.catalog)
            words = Words(self.names, moved, there)
            items = []
            for skill in grow:
                part = Part.BROADEN if skill in self.vocabulary.general else Part.DEEPEN
                for found in rank(self._of(SLOT_KINDS["reading"]), part, there):
                    if found.id not in taken and skill in found.facts.entry.skills:
                        items.append(item(found, words.reason(part, found)))
                        taken.add(found.id)
                        break
            named = tuple((skill, self.names("skills", skill)) for skill in grow)
            neighbours.append(Neighbour(other.id, other.name, away, named, tuple(items)))
        return fit, tuple(neighbours)

    # Another flavour.

    def _compare(self, answers: Answers, who: Reader, grown: list[PlanItem], taken: set[str]) -> Comparison:
        """What carries over to a company of `answers.compare`, what is new, and what to read for it."""
        segment = answers.compare or ""
        here = set(self.vocabulary.stem(answers.company))
        there = self.vocabulary.stem((segment,))
        new = [skill for skill in there if skill not in here]
        assumed = frozenset(skill for skill in new if skill not in who.ratings)
        moved = replace(answers, company=(segment,), compare=None)
        other = replace(reader(moved, self.vocabulary, self.catalog),
                        ratings={**who.ratings, **{skill: 0 for skill in assumed}}, assumed=assumed)
        words = Words(self.names, moved, other)
        used = taken | {found.id for found in grown}
        chosen = self.pick(other, Part.DEEPEN, SLOT_KINDS["reading"], COMPARE_COUNT, frozenset(used))
        items = tuple(item(found, words.reason(Part.DEEPEN, found)) for found in chosen)

        def rows(skills: list[str]) -> tuple[SkillRow, ...]:
            return tuple(self._row(skill, "flavour", answers.rating(skill), other.expected.get(skill, 0), list(items))
                         for skill in skills)

        return Comparison(segment, self.names("segments", segment), rows([s for s in there if s in here]),
                          rows(new), items, () if items else (words.no_compare(),))


def item(candidate: Candidate, reason: str) -> PlanItem:
    entry = candidate.facts.entry
    return PlanItem(entry.id, entry.kind.value, one_line(entry.title) or entry.id, one_line(entry.url),
                    reason, candidate.score, tuple(one_line(outcome) for outcome in entry.outcomes))


def make_plan(catalog: Catalog, answers: Answers) -> Plan:
    """Apply the rule (see `rule`) to one reader's answers."""
    return Planner(catalog).plan(answers)

