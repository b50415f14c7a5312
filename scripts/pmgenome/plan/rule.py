"""The reading plan's rule: the named weights, one function that scores an entry, and the greedy pick.

A product manager's next step depends on where they are (stage), where they come from
(background), how their company does product (segments, and how heavy the project-management
side is) and what they want now (broaden or deepen). General skills widen the top of the T;
the flavour skills of their company's segments deepen its stem.

The plan has four parts, filled in this order so the part the reader asked for gets first pick
(`pmgenome.plan.assembly` fills them):

1. **Deepen** (articles): the entry is written for one of the company's segments. Each flavour
   skill it teaches that belongs to one of those segments adds FLAVOUR_SKILL; each company
   segment it covers adds SEGMENT_MATCH. An entry of the segments without such a skill still
   qualifies, lower down.
2. **Broaden** (articles): the entry teaches at least one general skill. Covering a skill that
   people from the reader's background usually lack (that background's `gaps` in taxonomy.yaml)
   adds BACKGROUND_GAP; being written with one of the company's segments in mind adds SEGMENT_CONTEXT.
   With goal "deepen" the deepen part comes first and takes DEEP_FIRST_COUNTS; with "broaden",
   broaden comes first (BROAD_FIRST_COUNTS). An entry appears in one part only.
3. **One course**, scored like the part the goal puts first; if no course qualifies there, like
   the other part (and the plan says so).
4. **Meetups and communities**: any meetup may qualify; each company segment it covers adds
   SEGMENT_MATCH, and the place adds PLACE_CITY / PLACE_COUNTRY / PLACE_ONLINE. When the reader
   names a place, in-person meetups elsewhere are left out; "online" keeps only online ones.
   Meetups depend on stage, segments and place only: background, goal and project-management
   load do not change which community suits someone.

Every candidate also scores its fit to the stage: LEVEL_EXACT when it lists the reader's level,
LEVEL_ANY when it lists none, LEVEL_NEIGHBOUR when it lists only the level next to it (levels are
ordered as in taxonomy.yaml); anything further away is left out. BACKGROUND_MATCH is added when
it lists the reader's background; CURATED_PICK when picks.yaml names it for one of the company's
segments; PM_LOAD_WEIGHT[load] when it teaches the project-management skill (PM_SKILL): a
reader whose delivery load is heavy needs it now, one whose load is light can leave it for later.

Parts are filled greedily: the best score wins, then the next, where a candidate that adds no
skill or segment the part has not already got loses REPEAT_PENALTY (so a part spans the T
instead of repeating one skill). Equal scores go to the smaller id, so the same catalog and
answers always give the same plan. When a part has fewer items than wanted, or leans on the
neighbouring stage, the plan's notes say so; a reader can then add what is missing.

Every factor is in `score`: a new factor is a new line there (and a weight here). `rank` and
`greedy` are the whole of the rest; `pmgenome.plan.naive` plans with nothing else, and the fast
`pmgenome.plan.engine` is held equal to it by a property test.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from pmgenome.catalog.model import Catalog, Entry, Taxonomy
from pmgenome.plan.answers import Answers, Near, PmLoad
from pmgenome.text.clean import one_line

# --- the weights: tune here -----------------------------------------------------------------
LEVEL_EXACT = 4
LEVEL_ANY = 2
LEVEL_NEIGHBOUR = 1
BACKGROUND_MATCH = 3
BACKGROUND_GAP = 2
FLAVOUR_SKILL = 3
SEGMENT_MATCH = 2
SEGMENT_CONTEXT = 1
CURATED_PICK = 1
REPEAT_PENALTY = 2
PLACE_CITY = 6
PLACE_COUNTRY = 4
PLACE_ONLINE = 3
PM_LOAD_WEIGHT: Mapping[PmLoad, int] = {PmLoad.LIGHT: -2, PmLoad.BALANCED: 0, PmLoad.HEAVY: 2}

# The skill that is "the project-management side of the job" in taxonomy.yaml.
PM_SKILL = "execution"

# (deepen, broaden) item counts by goal; the course and meetups are counted on their own.
DEEP_FIRST_COUNTS = (3, 2)
BROAD_FIRST_COUNTS = (2, 3)
MEETUP_COUNT = 2


class Part(StrEnum):
    """The parts an entry is scored for (the course is scored as deepen or broaden)."""

    DEEPEN = "deepen"
    BROADEN = "broaden"
    MEETUPS = "meetups"


@dataclass(frozen=True)
class Facts:
    """What the rule reads from one entry, read once per catalog."""

    entry: Entry
    levels: frozenset[int]  # positions of its levels in taxonomy order
    general: tuple[str, ...]
    flavour: tuple[tuple[str, frozenset[str]], ...]  # (skill, the segments it belongs to)
    segments: frozenset[str]
    backgrounds: frozenset[str]
    pm: bool
    online: bool
    city: str | None
    country: str | None

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class Vocabulary:
    """What the rule reads from taxonomy.yaml."""

    level_index: Mapping[str, int]
    general: frozenset[str]
    flavour: Mapping[str, frozenset[str]]  # flavour skill -> the segments it belongs to
    # A background without `gaps` in taxonomy.yaml (e.g. "other") simply gets no gap bonus.
    gaps: Mapping[str, frozenset[str]]

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> Vocabulary:
        return cls(level_index={level: index for index, level in enumerate(taxonomy.ids("levels"))},
                   general=frozenset(term.id for term in taxonomy.skills if term.scope == "general"),
                   flavour={term.id: frozenset(term.segments) for term in taxonomy.skills
                            if term.scope == "flavour"},
                   gaps={term.id: frozenset(term.gaps) for term in taxonomy.backgrounds})


@dataclass(frozen=True)
class Reader:
    """What the rule reads from one reader's answers."""

    stage: int  # position of their level in taxonomy order
    background: str
    gaps: frozenset[str]  # the general skills people from their background usually lack
    company: tuple[str, ...]
    load: PmLoad
    place: Near | None
    picked: frozenset[str]  # ids picks.yaml names for one of the company's segments


def facts(entry: Entry, vocabulary: Vocabulary) -> Facts:
    city, country = entry.get("city"), entry.get("country")
    return Facts(
        entry=entry,
        levels=frozenset(vocabulary.level_index[level] for level in entry.levels if level in vocabulary.level_index),
        general=tuple(skill for skill in entry.skills if skill in vocabulary.general),
        flavour=tuple((skill, vocabulary.flavour[skill]) for skill in entry.skills if skill in vocabulary.flavour),
        segments=frozenset(entry.segments),
        backgrounds=frozenset(entry.backgrounds),
        pm=PM_SKILL in entry.skills,
        online=entry.get("online") is True,
        city=(one_line(city) or None) if isinstance(city, str) else None,
        country=(one_line(country).upper() or None) if isinstance(country, str) else None,
    )


def reader(answers: Answers, vocabulary: Vocabulary, catalog: Catalog) -> Reader:
    picked = frozenset(entry_id for segment in answers.company
                       for ids in catalog.picks.get(segment, {}).values() for entry_id in ids)
    return Reader(vocabulary.level_index[answers.stage], answers.background,
                  vocabulary.gaps.get(answers.background, frozenset()), answers.company, answers.pm_load,
                  answers.place, picked)


# --- the rule ------------------------------------------------------------------------------------

def score(entry: Facts, part: Part, who: Reader) -> int | None:
    """How well `entry` serves `part` of the plan for this reader; None when it does not belong there."""
    fit = stage_fit(entry.levels, who.stage)
    if fit is None:
        return None  # written for a stage too far from the reader's
    shared = entry.segments & set(who.company)
    points = fit
    if part is Part.DEEPEN:
        if not shared:
            return None  # not written for the reader's company
        points += FLAVOUR_SKILL * len(flavour_skills(entry, who.company))
        points += SEGMENT_MATCH * len(shared)
    elif part is Part.BROADEN:
        if not entry.general:
            return None  # teaches no general skill
        points += SEGMENT_CONTEXT if shared else 0
    else:
        place = place_points(entry, who.place)
        if place is None:
            return None  # out of the reader's reach
        points += place + SEGMENT_MATCH * len(shared)
    if part is not Part.MEETUPS:  # background and load do not change which community suits someone
        points += BACKGROUND_MATCH if who.background in entry.backgrounds else 0
        points += PM_LOAD_WEIGHT[who.load] if entry.pm else 0
        if part is Part.BROADEN and any(skill in who.gaps for skill in entry.general):
            points += BACKGROUND_GAP
    points += CURATED_PICK if entry.id in who.picked else 0
    return points


def stage_fit(levels: frozenset[int], here: int) -> int | None:
    """The stage points of an entry with these levels for the level at `here`; None: too far."""
    if not levels:
        return LEVEL_ANY
    if here in levels:
        return LEVEL_EXACT
    if here - 1 in levels or here + 1 in levels:
        return LEVEL_NEIGHBOUR
    return None


def flavour_skills(entry: Facts, company: Sequence[str]) -> list[str]:
    """Its flavour skills that belong to a company segment the entry is written for."""
    shared = entry.segments & set(company)
    return [skill for skill, owners in entry.flavour if owners & shared]


def place_points(entry: Facts, place: Near | None) -> int | None:
    """Points for where a meetup happens; None when it is out of the reader's reach."""
    if entry.online:
        return PLACE_ONLINE
    if place is None:
        return 0
    if place.online:
        return None
    if (place.city and entry.city and place.city.casefold() == entry.city.casefold()
            and place.country in (None, entry.country)):
        return PLACE_CITY
    if place.country and place.country == entry.country:
        return PLACE_COUNTRY
    return None


def adds(entry: Facts, part: Part, company: Sequence[str]) -> frozenset[str]:
    """What the entry adds to a part (skills, segments, a place): the greedy pick compares these."""
    segments = [f"segment:{segment}" for segment in company if segment in entry.segments]
    if part is Part.DEEPEN:
        return frozenset([f"skill:{skill}" for skill in flavour_skills(entry, company)] + segments)
    if part is Part.BROADEN:
        return frozenset(f"skill:{skill}" for skill in entry.general)
    where = "online" if entry.online else f"{entry.city}, {entry.country}"
    return frozenset(segments + [f"place:{where}"])


# --- ranking and the greedy pick --------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """A scored entry, with what the greedy pick and the wording read."""

    facts: Facts
    score: int
    tags: frozenset[str]  # what it adds to a part: skills, segments, a place
    fit: int  # its stage points
    near: bool = False  # a meetup in the reader's city or country

    @property
    def id(self) -> str:
        return self.facts.entry.id


def candidate(entry: Facts, part: Part, who: Reader) -> Candidate | None:
    points = score(entry, part, who)
    if points is None:
        return None
    fit = stage_fit(entry.levels, who.stage)
    near = part is Part.MEETUPS and who.place is not None and not entry.online
    return Candidate(entry, points, adds(entry, part, who.company), fit, near)


def rank(entries: Iterable[Facts], part: Part, who: Reader) -> list[Candidate]:
    """Every entry that belongs in the part, best score first, the smaller id on a tie."""
    found = (candidate(entry, part, who) for entry in entries)
    return sorted((found for found in found if found is not None), key=lambda c: (-c.score, c.id))


def greedy(ranked: Iterable[Candidate], count: int, taken: Iterable[str] = ()) -> list[Candidate]:
    """Best adjusted score first, the smaller id on a tie; a candidate adding nothing new to the
    part loses REPEAT_PENALTY. `ranked` is sorted best first, so the scan stops early."""
    chosen: list[Candidate] = []
    used = set(taken)
    covered: set[str] = set()
    while len(chosen) < count:
        best, best_score, best_id = None, 0, ""
        for found in ranked:
            found_id, points = found.id, found.score
            # Below: (-score, id) compared with the best's, spelled out as a plan reads many candidates.
            if best is not None and (points < best_score or points == best_score and found_id > best_id):
                break  # the ranking is sorted the same way and a penalty only lowers a score
            if found_id in used:
                continue
            if covered and found.tags <= covered:
                points -= REPEAT_PENALTY
            if best is None or points > best_score or points == best_score and found_id < best_id:
                best, best_score, best_id = found, points, found_id
        if best is None:
            break
        chosen.append(best if best_score == best.score else replace(best, score=best_score))
        used.add(best.id)
        covered |= best.tags
    return chosen
