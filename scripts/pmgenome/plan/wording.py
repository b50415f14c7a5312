"""The plan's sentences: one "why" line per item, and the notes where the catalog is thin."""

from __future__ import annotations

from collections.abc import Sequence

from pmgenome.catalog.model import Kind
from pmgenome.plan.answers import Answers, Near, PmLoad
from pmgenome.plan.names import Names, lower_first
from pmgenome.plan.rule import LEVEL_ANY, LEVEL_EXACT, LEVEL_NEIGHBOUR, Candidate, Facts, flavour_skills
from pmgenome.text.clean import one_line


class Words:
    """The plan's sentences, written only for what was chosen. They read only what `reads`
    returns of the answers, so plans that differ in nothing else (in goal, or in a light or
    balanced load) can share one `Words` and the sentences it has written."""

    def __init__(self, names: Names, answers: Answers, picked: frozenset[str], gaps: frozenset[str]) -> None:
        self.names = names
        self.stage, self.background, self.company, self.heavy, self.place = self.reads(answers)
        self.picked = picked
        self.gaps = gaps  # the general skills people from the reader's background usually lack
        self.who = f"{names('levels', self.stage)} at a {names.join('segments', self.company)} company"
        self._written: dict[tuple[str, bool, Kind, str], str] = {}

    @staticmethod
    def reads(answers: Answers) -> tuple[str, str, tuple[str, ...], bool, Near | None]:
        """Stage, background, company segments, whether delivery is heavy, and place."""
        return answers.stage, answers.background, answers.company, answers.pm_load == PmLoad.HEAVY, answers.place

    def _stage(self, candidate: Candidate) -> str:
        if candidate.fit == LEVEL_ANY:
            return "fits any stage"
        levels = self.names.levels
        here = levels.index(self.stage)
        if candidate.fit == LEVEL_EXACT:
            return f"matches your stage ({self.names('levels', levels[here])})"
        if here - 1 in candidate.facts.levels:
            return f"a stage back ({self.names('levels', levels[here - 1])})"
        return f"a stage ahead ({self.names('levels', levels[here + 1])})"

    def _common(self, facts: Facts) -> list[str]:
        phrases = []
        if self.background in facts.backgrounds:
            background = self.names("backgrounds", self.background)
            phrases.append(f"written for those moving in from {lower_first(background)}")
        if facts.pm and self.heavy:
            phrases.append("delivery is a big part of your week")
        if facts.entry.id in self.picked:
            phrases.append("a curators' pick")
        return phrases

    def reason(self, part: str, candidate: Candidate) -> str:
        return self._kept(part, False, candidate)

    def course_reason(self, part: str, candidate: Candidate) -> str:
        return self._kept(part, True, candidate)

    def _kept(self, part: str, course: bool, candidate: Candidate) -> str:
        # A candidate's fit and nearness follow from its entry, the stage and the place.
        key = (part, course, candidate.facts.entry.kind, candidate.id)
        if key not in self._written:
            self._written[key] = self._course_reason(part, candidate) if course else self._reason(part, candidate)
        return self._written[key]

    def _reason(self, part: str, candidate: Candidate) -> str:
        facts = candidate.facts
        segments = [segment for segment in self.company if segment in facts.segments]
        if part == "deepen":
            where = self.names.join("segments", segments)
            skills = flavour_skills(facts, self.company)
            lead = f"Deepens {where}: {self.names.skills(skills)}" if skills else f"Deepens your {where} context"
            phrases = self._common(facts)
        elif part == "broaden":
            gaps = [skill for skill in facts.general if skill in self.gaps]
            lead = f"Broadens {self.names.skills((gaps or list(facts.general))[:2])}"
            phrases = self._common(facts)
            if gaps:
                background = self.names("backgrounds", self.background)
                phrases.insert(0, f"often new to people from {lower_first(background)}")
        else:
            lead = self._place(facts, candidate.near)
            phrases = []
            if segments and len(facts.segments) < len(self.names.segments):
                phrases.append(f"focused on {self.names.join('segments', segments)} product work")
            if facts.entry.id in self.picked:
                phrases.append("a curators' pick")
            frequency = facts.entry.get("frequency")
            if isinstance(frequency, str) and one_line(frequency):
                phrases.append(f"meets {one_line(frequency)}")
        return "; ".join([lead, *phrases, self._stage(candidate)]) + "."

    def _place(self, facts: Facts, near: bool) -> str:
        if facts.online:
            return "Online, so you can join from anywhere"
        where = ", ".join(part for part in (facts.city, facts.country) if part)
        lead = f"In person in {where}" if where else "In person"
        if not near:
            return lead
        place = self.place
        same_city = place is not None and place.city and facts.city and \
            place.city.casefold() == facts.city.casefold()
        return f"{lead}, your city" if same_city else f"{lead}, in your country"

    def _course_reason(self, part: str, candidate: Candidate) -> str:
        entry = candidate.facts.entry
        details = [one_line(entry.get(name)) for name in ("pace", "format") if isinstance(entry.get(name), str)]
        if entry.cost:
            details.append(one_line(entry.cost))
        reason = self.reason(part, candidate).rstrip(".")
        details = [detail for detail in details if detail]
        return f"{reason}; {', '.join(details)}." if details else f"{reason}."

    def part_notes(self, part: str, chosen: Sequence[Candidate], wanted: int, own_stage: int) -> list[str]:
        """`own_stage`: how many candidates written for the reader's stage (or any) were free."""
        label = {"deepen": "deepening", "broaden": "broadening"}[part]
        notes = []
        if not chosen:
            notes.append(f"No {label} resource in the catalog fits a {self.who} yet.")
        elif len(chosen) < wanted:
            plural = len(chosen) != 1
            notes.append(f"Only {len(chosen)} {label} resource{'s' if plural else ''} in the catalog "
                         f"fit{'' if plural else 's'} a {self.who} so far; {wanted} were wanted.")
        if own_stage < wanted and any(candidate.fit == LEVEL_NEIGHBOUR for candidate in chosen):
            notes.append(f"Few {label} resources are written for your stage yet, so the plan "
                         "borrows from the neighbouring stage.")
        return notes

    def course_fallback(self, first: str, second: str) -> str:
        return f"No course that {first}s fits a {self.who} yet; this one {second}s instead."

    def no_course(self) -> str:
        return f"No course in the catalog fits a {self.who} yet."

    def meetup_notes(self, chosen: Sequence[Candidate]) -> list[str]:
        notes = []
        place = self.place
        if chosen and place is not None and not place.online and not any(c.near for c in chosen):
            notes.append(f"No meetup in {place} is in the catalog yet; these are online.")
        if not chosen:
            notes.append(f"No meetup or community in the catalog fits a {self.who} yet.")
        return notes
