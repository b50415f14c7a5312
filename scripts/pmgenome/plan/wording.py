"""The plan's sentences: one "why" line per item, and the notes where the catalog is thin."""

from __future__ import annotations

from collections.abc import Sequence

from pmgenome.plan.answers import Answers, PmLoad
from pmgenome.plan.names import Names, lower_first
from pmgenome.plan.rule import (
    LEVEL_ANY,
    LEVEL_EXACT,
    LEVEL_NEIGHBOUR,
    Candidate,
    Facts,
    Reader,
    flavour_skills,
    same_city,
)
from pmgenome.text.clean import one_line

# How each `access` reads: as a detail of a course or book, and (the last three) as a phrase of
# any other item's reason, where it explains a lower place (rule.ACCESS_BARRIER).
ACCESS_LABELS = {"free": "free", "signup": "free with a sign-up", "freemium": "freemium",
                 "paywalled": "behind a paywall", "paid": "paid"}
ACCESS_PHRASES = {name: ACCESS_LABELS[name] for name in ("signup", "paywalled", "paid")}


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
        self.who = f"{names('levels', self.stage)} at a {self.company_name} company"

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

    def _common(self, facts: Facts, access: bool = True) -> list[str]:
        phrases = []
        if self.background in facts.backgrounds:
            background = self.names("backgrounds", self.background)
            phrases.append(f"written for those moving in from {lower_first(background)}")
        if facts.pm and self.heavy:
            phrases.append("delivery is a big part of your week")
        if facts.entry.id in self.picked:
            phrases.append("a curators' pick")
        if access and facts.access in ACCESS_PHRASES:
            phrases.append(ACCESS_PHRASES[facts.access])
        return phrases

    def _rated(self, skill: str) -> str:
        who = self.who_reads
        return "new to you" if skill in who.assumed else f"you rated it {who.ratings[skill]} of 3"

    def _gap(self, part: str, candidate: Candidate) -> list[str]:
        """The flavour gap a deepening candidate closes, as a phrase (see `rule.gap_target`)."""
        skill = candidate.target
        if skill is None:
            return []
        expected = self.who_reads.expected[skill]
        return [f"closes your gap in {lower_first(self.names('skills', skill))} "
                f"({self._rated(skill)}; a {self.company_name} company expects {expected})"]

    def reason(self, part: str, candidate: Candidate, access: bool = True) -> str:
        """Why the candidate is in the part; `access`: whether to say how it is paid for."""
        facts = candidate.facts
        segments = [segment for segment in self.company if segment in facts.segments]
        if part == "deepen":
            where = self.names.join("segments", segments)
            skills = flavour_skills(facts, self.company)
            lead = f"Deepens {where}: {self.names.skills(skills)}" if skills else f"Deepens your {where} context"
            phrases = self._gap(part, candidate) + self._common(facts, access)
        elif part == "broaden":
            gaps = [skill for skill in facts.general if skill in self.gaps]
            lead = f"Broadens {self.names.skills((gaps or list(facts.general))[:2])}"
            if candidate.target:
                lead = (f"Broadens {lower_first(self.names('skills', candidate.target))}, "
                        f"your gap ({self._rated(candidate.target)})")
            phrases = self._common(facts, access)
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
            frequency = facts.entry.frequency
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
        city = self.place.city if self.place is not None else None
        return f"{lead}, your city" if same_city(city, facts.city) else f"{lead}, in your country"

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
        return f"No course or book that {first}s fits a {self.who} yet; this one {second}s instead."

    def no_course(self) -> str:
        return f"No course or book in the catalog fits a {self.who} yet."

    def no_habit(self) -> str:
        return f"No podcast or newsletter in the catalog fits a {self.who} yet."

    def untaught(self, skill: str, scope: str) -> str:
        """The note for the reader's lowest-rated skill of a scope when nothing in the plan teaches it."""
        name = lower_first(self.names("skills", skill))
        kind = "general" if scope == "general" else "flavour"
        return (f"Nothing in the catalog for a {self.who} teaches {name} yet, the {kind} skill you rated "
                "lowest; the plan aims at your next gaps.")

    def no_compare(self) -> str:
        return f"No article or talk in the catalog deepens a {self.company_name} company's flavour for a " \
               f"{self.names('levels', self.stage)} yet."

    def meetup_notes(self, chosen: Sequence[Candidate]) -> list[str]:
        notes = []
        place = self.place
        if chosen and place is not None and not place.online and not any(c.near for c in chosen):
            notes.append(f"No meetup in {place} is in the catalog yet; these are online.")
        if not chosen:
            notes.append(f"No meetup or community in the catalog fits a {self.who} yet.")
        return notes
