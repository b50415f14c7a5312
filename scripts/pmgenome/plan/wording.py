"""The plan's wording: which sentence (plan/sentences.py) says why each item is there, and the notes
where the catalog is thin."""

from __future__ import annotations

from collections.abc import Sequence

from pmgenome.plan.answers import Answers, PmLoad
from pmgenome.plan.names import Names, lower_first
from pmgenome.plan.rule import (
    TOP_RATING,
    Candidate,
    Facts,
    Reader,
    StageFit,
    flavour_skills,
    same_city,
)
from pmgenome.plan.sentences import (
    ACCESS_LABELS,
    ACCESS_PHRASES,
    PART_NOUNS,
    SENTENCES,
    fill,
)
from pmgenome.text.clean import one_line


class Words:
    """The plan's sentences for one reader, written only for what was chosen."""

    def __init__(self, names: Names, answers: Answers, who: Reader) -> None:
        self.names = names
        self.stage, self.background, self.company = answers.stage, answers.background, who.company
        self.heavy, self.place = answers.pm_load == PmLoad.HEAVY, answers.place
        self.who_reads = who
        self.picked = who.picked
        self.gaps = who.gaps  # the general skills people from the reader's background usually lack
        self.company_name = names.join("segments", self.company)
        self.who = fill("who", stage=names("levels", self.stage), company=self.company_name)

    def _stage(self, candidate: Candidate) -> str:
        if candidate.fit is StageFit.ANY:
            return fill("stage_any")
        levels = self.names.levels
        here = levels.index(self.stage)
        step = {StageFit.EXACT: 0, StageFit.BACK: -1, StageFit.AHEAD: 1}[candidate.fit]
        return fill(f"stage_{candidate.fit.value}", level=self.names("levels", levels[here + step]))

    def _common(self, facts: Facts, access: bool = True) -> list[str]:
        phrases = []
        if self.background in facts.backgrounds:
            background = self.names("backgrounds", self.background)
            phrases.append(fill("background_match", background=lower_first(background)))
        if facts.pm and self.heavy:
            phrases.append(fill("heavy_load"))
        if facts.entry.id in self.picked:
            phrases.append(fill("curated"))
        if access and facts.access in ACCESS_PHRASES:
            phrases.append(ACCESS_LABELS[facts.access])
        return phrases

    def _rated(self, skill: str) -> str:
        who = self.who_reads
        return fill("assumed") if skill in who.assumed else fill("rated", rating=who.ratings[skill], top=TOP_RATING)

    def _gap(self, part: str, candidate: Candidate) -> list[str]:
        """The flavour gap a deepening candidate closes, as a phrase (see `rule.gap_target`)."""
        skill = candidate.target
        if skill is None:
            return []
        return [fill("closes_gap", skill=lower_first(self.names("skills", skill)), rated=self._rated(skill),
                     company=self.company_name, expected=self.who_reads.expected[skill])]

    def reason(self, part: str, candidate: Candidate, access: bool = True) -> str:
        """Why the candidate is in the part; `access`: whether to say how it is paid for."""
        facts = candidate.facts
        segments = [segment for segment in self.company if segment in facts.segments]
        if part == "deepen":
            where = self.names.join("segments", segments)
            skills = flavour_skills(facts, self.company)
            lead = (fill("deepens", segments=where, skills=self.names.skills(skills)) if skills
                    else fill("deepens_context", segments=where))
            phrases = self._gap(part, candidate) + self._common(facts, access)
        elif part == "broaden":
            gaps = [skill for skill in facts.general if skill in self.gaps]
            lead = fill("broadens", skills=self.names.skills((gaps or list(facts.general))[:2]))
            if candidate.target:
                lead = fill("broadens_gap", skill=lower_first(self.names("skills", candidate.target)),
                            rated=self._rated(candidate.target))
            phrases = self._common(facts, access)
            if gaps:
                background = self.names("backgrounds", self.background)
                phrases.insert(0, fill("often_new", background=lower_first(background)))
        else:
            lead = self._place(facts, candidate.near)
            phrases = []
            if segments and len(facts.segments) < len(self.names.segments):
                phrases.append(fill("focused", segments=self.names.join("segments", segments)))
            if facts.entry.id in self.picked:
                phrases.append(fill("curated"))
            rhythm = f"cadence_{facts.entry.cadence}"
            if rhythm in SENTENCES:
                phrases.append(fill(rhythm))
        return "; ".join([lead, *phrases, self._stage(candidate)]) + "."

    def _place(self, facts: Facts, near: bool) -> str:
        if facts.online:
            return fill("online")
        where = ", ".join(part for part in (facts.city, facts.country) if part)
        lead = fill("in_person_in", where=where) if where else fill("in_person")
        if not near:
            return lead
        city = self.place.city if self.place is not None else None
        return fill("your_city" if same_city(city, facts.city) else "your_country", lead=lead)

    def course_reason(self, part: str, candidate: Candidate) -> str:
        """The reason, then the details that help choose a course or book: pace, format, access."""
        entry = candidate.facts.entry
        details = [one_line(value) for value in (entry.pace, entry.format) if value is not None]
        details.append(ACCESS_LABELS.get(entry.access or "", one_line(entry.access)))
        return self._detailed(self.reason(part, candidate, access=False), details)

    def habit_reason(self, part: str, candidate: Candidate) -> str:
        """The reason, then how often it comes out."""
        cadence = candidate.facts.entry.cadence
        return self._detailed(self.reason(part, candidate), [one_line(cadence)] if cadence is not None else [])

    @staticmethod
    def _detailed(reason: str, details: list[str]) -> str:
        details = [detail for detail in details if detail]
        reason = reason.rstrip(".")
        return f"{reason}; {', '.join(details)}." if details else f"{reason}."

    def part_notes(self, part: str, chosen: Sequence[Candidate], wanted: int, own_stage: int) -> list[str]:
        """`own_stage`: how many candidates written for the reader's stage (or any) were free."""
        label = PART_NOUNS[part]
        notes = []
        if not chosen:
            notes.append(fill("part_none", part=label, who=self.who))
        elif len(chosen) < wanted:
            notes.append(fill("part_short_one" if len(chosen) == 1 else "part_short", count=len(chosen), part=label,
                              who=self.who, wanted=wanted))
        if own_stage < wanted and any(candidate.fit.borrowed for candidate in chosen):
            notes.append(fill("borrowed", part=label))
        return notes

    def course_fallback(self, first: str, second: str) -> str:
        return fill("course_fallback", first=first, second=second, who=self.who)

    def no_course(self) -> str:
        return fill("no_course", who=self.who)

    def no_habit(self) -> str:
        return fill("no_habit", who=self.who)

    def untaught(self, skill: str, scope: str) -> str:
        """The note for the reader's lowest-rated skill of a scope when nothing in the plan teaches it."""
        return fill("untaught", who=self.who, skill=lower_first(self.names("skills", skill)),
                    scope="general" if scope == "general" else "flavour")

    def no_compare(self) -> str:
        return fill("no_compare", company=self.company_name, stage=self.names("levels", self.stage))

    def meetup_notes(self, chosen: Sequence[Candidate]) -> list[str]:
        notes = []
        place = self.place
        if chosen and place is not None and not place.online and not any(c.near for c in chosen):
            notes.append(fill("meetups_elsewhere", place=place))
        if not chosen:
            notes.append(fill("no_meetup", who=self.who))
        return notes
