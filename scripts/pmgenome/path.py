"""Find your path: the rule that turns a reader's four answers into a T-shaped plan.

A product manager's next step depends on where they are (stage), where they come from
(background), how their company does product (segments, and how heavy the project-management
side is) and what they want now (broaden or deepen). General skills widen the top of the T;
the flavour skills of their company's segments deepen its stem.

The plan has four parts, filled in this order so the part the reader asked for gets first pick:

1. **Deepen** (articles): the entry shares a segment with the company. Each flavour skill of
   those segments it teaches adds FLAVOUR_SKILL, each company segment it covers SEGMENT_MATCH.
   An entry of the segments without a flavour skill still qualifies, lower down.
2. **Broaden** (articles): the entry teaches at least one general skill. Covering a skill that
   people from the reader's background usually lack (BACKGROUND_GAPS) adds BACKGROUND_GAP;
   being written with one of the company's segments in mind adds SEGMENT_CONTEXT.
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
segments; PM_LOAD_WEIGHT[load] when it teaches the project-management skill (PM_SKILL).

Parts are filled greedily: the best score wins, then the next, where a candidate that adds no
skill or segment the part has not already got loses REPEAT_PENALTY (so a part spans the T
instead of repeating one skill). Equal scores go to the smaller id, so the same catalog and
answers always give the same plan. When a part has fewer items than wanted, or leans on the
neighbouring stage, the plan's notes say so; a reader can then add what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations, product

from pmgenome.catalog import Catalog, Entry, Kind, Taxonomy, Term

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

# The skill that is "the project-management side of the job" in taxonomy.yaml.
PM_SKILL = "execution"

# General skills that people arriving from each background usually have least practice in.
# Backgrounds missing here (e.g. "other") simply get no gap bonus.
BACKGROUND_GAPS: Mapping[str, tuple[str, ...]] = {
    "engineering": ("discovery", "communication", "strategy"),
    "design": ("metrics", "prioritization", "strategy"),
    "sales-marketing": ("execution", "discovery", "prioritization"),
    "business": ("discovery", "execution", "communication"),
}

# (deepen, broaden) item counts by goal; the course and meetups are counted on their own.
DEEP_FIRST_COUNTS = (3, 2)
BROAD_FIRST_COUNTS = (2, 3)
MEETUP_COUNT = 2

CONTRIBUTE_HINT = "Know a resource that fits? CONTRIBUTING.md explains how to add it."
MAX_PLACE_LENGTH = 80


class PmLoad(StrEnum):
    """How much of the reader's week the project-management side takes."""

    LIGHT = "light"
    BALANCED = "balanced"
    HEAVY = "heavy"

    @property
    def label(self) -> str:
        return {
            "light": "light: others run delivery",
            "balanced": "balanced: delivery is shared",
            "heavy": "heavy: I run delivery",
        }[self.value]


PM_LOAD_WEIGHT: Mapping[PmLoad, int] = {PmLoad.LIGHT: -2, PmLoad.BALANCED: 0, PmLoad.HEAVY: 2}


class Goal(StrEnum):
    BROADEN = "broaden"
    DEEPEN = "deepen"

    @property
    def label(self) -> str:
        return {"broaden": "broaden: widen the top of my T",
                "deepen": "deepen: go deep in my company's flavour"}[self.value]


ONLINE = "online"


@dataclass(frozen=True)
class Place:
    """Where the reader wants meetups: online only, a country, or a city (optionally with its country)."""

    online: bool = False
    country: str | None = None
    city: str | None = None

    def __str__(self) -> str:
        if self.online:
            return ONLINE
        if self.city:
            return f"{self.city}, {self.country}" if self.country else self.city
        return self.country or ""


@dataclass(frozen=True)
class Answers:
    stage: str
    background: str
    company: tuple[str, ...]
    pm_load: PmLoad = PmLoad.BALANCED
    goal: Goal = Goal.DEEPEN
    place: Place | None = None

    @property
    def key(self) -> str:
        """The plan's key in the site's precomputed plans (the place is looked up apart)."""
        return plan_key(self.stage, self.background, self.company, self.pm_load, self.goal)


@dataclass(frozen=True)
class PlanItem:
    id: str
    kind: str
    title: str
    url: str
    reason: str
    score: int


PART_TITLES: Mapping[str, str] = {
    "deepen": "Deepen your company's flavour",
    "broaden": "Broaden the top of your T",
    "course": "One course",
    "meetups": "Meetups and communities",
}


@dataclass(frozen=True)
class Plan:
    answers: Answers
    deepen: tuple[PlanItem, ...]
    broaden: tuple[PlanItem, ...]
    course: PlanItem | None
    meetups: tuple[PlanItem, ...]
    notes: tuple[str, ...] = ()

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


@dataclass(frozen=True)
class MeetupPick:
    items: tuple[PlanItem, ...]
    notes: tuple[str, ...]


def plan_key(stage: str, background: str, company: Sequence[str], pm_load: str, goal: str) -> str:
    return "|".join((stage, background, "+".join(company), str(pm_load), str(goal)))


def meetup_key(stage: str, company: Sequence[str], place: Place | None) -> str:
    return "|".join((stage, "+".join(company), str(place) if place else ""))


# --- reading the answers ------------------------------------------------------------------------

def _choices(ids: Iterable[str]) -> str:
    return ", ".join(ids)


_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def parse_place(text: str) -> tuple[Place | None, str | None]:
    """"online", a two-letter country code, "City" or "City, CC"; returns (place, error)."""
    value = " ".join(text.split())
    if not value:
        return None, "place is empty; use 'online', a two-letter country code like GB, or a city"
    if len(value) > MAX_PLACE_LENGTH or any(ord(ch) < 32 for ch in text):
        return None, f"place must be plain text of at most {MAX_PLACE_LENGTH} characters"
    if value.casefold() == ONLINE:
        return Place(online=True), None
    if _COUNTRY.match(value):
        return Place(country=value.upper()), None
    city, _, country = (part.strip() for part in value.rpartition(","))
    if city and _COUNTRY.match(country):
        return Place(city=city, country=country.upper()), None
    return Place(city=value), None


def parse_answers(taxonomy: Taxonomy, *, stage: str, background: str, company: str | Sequence[str],
                  pm_load: str = PmLoad.BALANCED, goal: str = Goal.DEEPEN,
                  place: str | None = None) -> tuple[Answers | None, list[str]]:
    """Check raw answers against the vocabulary; returns (answers, []) or (None, every error).

    Company segments may come as "b2b,technical" or a list; they are put in taxonomy order so
    that the same company always gives the same plan key.
    """
    errors: list[str] = []
    levels, backgrounds, segments = (taxonomy.ids(g) for g in ("levels", "backgrounds", "segments"))
    if stage not in levels:
        errors.append(f"unknown stage '{stage}'; choose one of: {_choices(levels)}")
    if background not in backgrounds:
        errors.append(f"unknown background '{background}'; choose one of: {_choices(backgrounds)}")
    raw = company.split(",") if isinstance(company, str) else list(company)
    wanted = [item.strip() for item in raw if item.strip()]
    unknown = [item for item in wanted if item not in segments]
    if not wanted:
        errors.append(f"company needs at least one segment; choose from: {_choices(segments)}")
    for item in unknown:
        errors.append(f"unknown company segment '{item}'; choose from: {_choices(segments)}")
    if pm_load not in {load.value for load in PmLoad}:
        errors.append(f"unknown pm-load '{pm_load}'; choose one of: {_choices(PmLoad)}")
    if goal not in {g.value for g in Goal}:
        errors.append(f"unknown goal '{goal}'; choose one of: {_choices(Goal)}")
    parsed_place = None
    if place is not None:
        parsed_place, error = parse_place(place)
        if error:
            errors.append(error)
    if errors:
        return None, errors
    ordered = tuple(segment for segment in segments if segment in wanted)
    return Answers(stage, background, ordered, PmLoad(pm_load), Goal(goal), parsed_place), []


def all_answers(taxonomy: Taxonomy) -> Iterator[Answers]:
    """Every combination of answers (without a place), in a stable order."""
    segments = taxonomy.ids("segments")
    companies = [combo for size in range(1, len(segments) + 1) for combo in combinations(segments, size)]
    for stage, background, company, load, goal in product(
            taxonomy.ids("levels"), taxonomy.ids("backgrounds"), companies, PmLoad, Goal):
        yield Answers(stage, background, company, load, goal)


def describe(answers: Answers, taxonomy: Taxonomy) -> str:
    """One line naming the reader the plan is for, in the vocabulary's words."""
    stage = _name(taxonomy, "levels", answers.stage)
    background = _name(taxonomy, "backgrounds", answers.background)
    company = _join_names(taxonomy, "segments", answers.company)
    return (f"{stage}, from {_lower_first(background)}, at a {company} company; "
            f"project-management side {answers.pm_load.label}; goal: {answers.goal.value}")


# --- scoring ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Scored:
    entry: Entry
    score: int
    tags: frozenset[str]  # what the candidate adds to a part: skills and segments
    reason: str
    neighbour: bool  # fits only through the neighbouring stage
    near: bool = False  # a meetup in the reader's city or country


@dataclass(frozen=True)
class _Context:
    catalog: Catalog
    answers: Answers
    level_index: Mapping[str, int]
    picked: frozenset[str]
    general: frozenset[str]
    flavour: Mapping[str, frozenset[str]] = field(default_factory=dict)  # skill -> its segments

    @property
    def taxonomy(self) -> Taxonomy:
        return self.catalog.taxonomy


def _context(catalog: Catalog, answers: Answers) -> _Context:
    taxonomy = catalog.taxonomy
    picks = catalog.picks
    picked = frozenset(
        entry_id for segment in answers.company for ids in picks.get(segment, {}).values() for entry_id in ids)
    return _Context(
        catalog=catalog,
        answers=answers,
        level_index={level: index for index, level in enumerate(taxonomy.ids("levels"))},
        picked=picked,
        general=frozenset(term.id for term in taxonomy.skills if term.scope == "general"),
        flavour={term.id: frozenset(term.segments) for term in taxonomy.skills if term.scope == "flavour"},
    )


def _level_fit(ctx: _Context, entry: Entry) -> tuple[int, str, bool] | None:
    """(points, reason phrase, neighbour) for the reader's stage; None when too far away."""
    stage = ctx.answers.stage
    known = [level for level in entry.levels if level in ctx.level_index]
    if not known:
        return LEVEL_ANY, "fits any stage", False
    if stage in known:
        return LEVEL_EXACT, f"matches your stage ({_name(ctx.taxonomy, 'levels', stage)})", False
    here = ctx.level_index[stage]
    nearest = min(known, key=lambda level: (abs(ctx.level_index[level] - here), ctx.level_index[level]))
    step = ctx.level_index[nearest] - here
    if abs(step) != 1:
        return None
    direction = "a stage ahead" if step > 0 else "a stage back"
    return LEVEL_NEIGHBOUR, f"{direction} ({_name(ctx.taxonomy, 'levels', nearest)})", True


def _common(ctx: _Context, entry: Entry) -> tuple[int, list[str]]:
    """Points and reason phrases every part shares: background, curated pick, delivery load."""
    points, phrases = 0, []
    answers = ctx.answers
    if answers.background in entry.backgrounds:
        points += BACKGROUND_MATCH
        phrases.append(f"written for those moving in from "
                       f"{_lower_first(_name(ctx.taxonomy, 'backgrounds', answers.background))}")
    if PM_SKILL in entry.skills:
        points += PM_LOAD_WEIGHT[answers.pm_load]
        if answers.pm_load == PmLoad.HEAVY:
            phrases.append("delivery is a big part of your week")
    if entry.id in ctx.picked:
        points += CURATED_PICK
        phrases.append("a curators' pick")
    return points, phrases


Scorer = Callable[[_Context, Entry], "_Scored | None"]


def _score_deepen(ctx: _Context, entry: Entry) -> _Scored | None:
    segments = [segment for segment in ctx.answers.company if segment in entry.segments]
    fit = _level_fit(ctx, entry)
    if not segments or fit is None:
        return None
    company = set(ctx.answers.company)
    skills = [skill for skill in entry.skills if ctx.flavour.get(skill, frozenset()) & company]
    points = fit[0] + FLAVOUR_SKILL * len(skills) + SEGMENT_MATCH * len(segments)
    common, phrases = _common(ctx, entry)
    where = _join_names(ctx.taxonomy, "segments", segments)
    if skills:
        lead = f"Deepens {where}: {_skill_list(ctx.taxonomy, skills)}"
    else:
        lead = f"Deepens your {where} context"
    reason = _sentence(lead, phrases, fit[1])
    tags = frozenset([f"skill:{s}" for s in skills] + [f"segment:{s}" for s in segments])
    return _Scored(entry, points + common, tags, reason, fit[2])


def _score_broaden(ctx: _Context, entry: Entry) -> _Scored | None:
    skills = [skill for skill in entry.skills if skill in ctx.general]
    fit = _level_fit(ctx, entry)
    if not skills or fit is None:
        return None
    gaps = BACKGROUND_GAPS.get(ctx.answers.background, ())
    gap_skills = [skill for skill in skills if skill in gaps]
    points = fit[0] + (BACKGROUND_GAP if gap_skills else 0)
    if set(entry.segments) & set(ctx.answers.company):
        points += SEGMENT_CONTEXT
    common, phrases = _common(ctx, entry)
    shown = (gap_skills or skills)[:2]
    lead = f"Broadens {_skill_list(ctx.taxonomy, shown)}"
    if gap_skills:
        background = _lower_first(_name(ctx.taxonomy, "backgrounds", ctx.answers.background))
        phrases.insert(0, f"often new to people from {background}")
    reason = _sentence(lead, phrases, fit[1])
    return _Scored(entry, points + common, frozenset(f"skill:{s}" for s in skills), reason, fit[2])


def _pick(candidates: Iterable[_Scored], count: int) -> list[_Scored]:
    """Greedy, deterministic: best adjusted score first, the smaller id on a tie."""
    pool = list(candidates)
    chosen: list[_Scored] = []
    covered: set[str] = set()
    while pool and len(chosen) < count:
        def adjusted(item: _Scored) -> int:
            repeats = covered and item.tags <= covered
            return item.score - (REPEAT_PENALTY if repeats else 0)
        best = min(pool, key=lambda item: (-adjusted(item), item.entry.id))
        chosen.append(best if adjusted(best) == best.score else _rescore(best, adjusted(best)))
        covered |= best.tags
        pool.remove(best)
    return chosen


def _rescore(item: _Scored, score: int) -> _Scored:
    return _Scored(item.entry, score, item.tags, item.reason, item.neighbour, item.near)


def _rank(ctx: _Context, scorer: Scorer, kind: Kind, taken: set[str]) -> list[_Scored]:
    scored = (scorer(ctx, entry) for entry in ctx.catalog.of_kind(kind) if entry.id not in taken)
    return [item for item in scored if item is not None]


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    # Titles reach terminals and pages: no control characters (an ESC could restyle a terminal).
    return " ".join(_CONTROL.sub(" ", text).split())


def _item(scored: _Scored, reason: str | None = None) -> PlanItem:
    entry = scored.entry
    return PlanItem(entry.id, entry.kind.value, _plain(entry.title) or entry.id, _plain(entry.url),
                    reason or scored.reason, scored.score)


def _who(ctx: _Context) -> str:
    answers = ctx.answers
    stage = _name(ctx.taxonomy, "levels", answers.stage)
    return f"{stage} at a {_join_names(ctx.taxonomy, 'segments', answers.company)} company"


def _section_notes(ctx: _Context, label: str, chosen: list[_Scored], wanted: int) -> list[str]:
    notes = []
    if not chosen:
        notes.append(f"No {label} resource in the catalog fits a {_who(ctx)} yet.")
    elif len(chosen) < wanted:
        notes.append(f"Only {len(chosen)} {label} resource{'s' if len(chosen) != 1 else ''} in the "
                     f"catalog fit{'s' if len(chosen) == 1 else ''} a {_who(ctx)} so far; {wanted} were wanted.")
    if chosen and any(item.neighbour for item in chosen):
        notes.append(f"Few {label} resources are written for your stage yet, so the plan "
                     "borrows from the neighbouring stage.")
    return notes


def _course_reason(scored: _Scored) -> str:
    entry = scored.entry
    details = [str(entry.get(name)) for name in ("pace", "format") if isinstance(entry.get(name), str)]
    if entry.cost:
        details.append(entry.cost)
    reason = scored.reason.rstrip(".")
    return f"{reason}; {', '.join(details)}." if details else f"{reason}."


def _score_meetup(ctx: _Context, entry: Entry) -> _Scored | None:
    fit = _level_fit(ctx, entry)
    if fit is None:
        return None
    place = ctx.answers.place
    online = entry.get("online") is True
    city, country = entry.get("city"), entry.get("country")
    city = _plain(city) or None if isinstance(city, str) else None
    country = _plain(country).upper() or None if isinstance(country, str) else None
    where = f"{city}, {country}" if city and country else (city or country or "")
    if online:
        points, lead = PLACE_ONLINE, "Online, so you can join from anywhere"
    elif place is None:
        points, lead = 0, f"In person in {where}" if where else "In person"
    elif place.online:
        return None
    elif place.city and city and place.city.casefold() == city.casefold() and (
            place.country is None or place.country == country):
        points, lead = PLACE_CITY, f"In person in {where}, your city"
    elif place.country and place.country == country:
        points, lead = PLACE_COUNTRY, f"In person in {where}, in your country"
    else:
        return None
    segments = [segment for segment in ctx.answers.company if segment in entry.segments]
    points += fit[0] + SEGMENT_MATCH * len(segments)
    phrases = []
    if segments and len(entry.segments) < len(ctx.taxonomy.segments):
        phrases.append(f"focused on {_join_names(ctx.taxonomy, 'segments', segments)} product work")
    if entry.id in ctx.picked:
        points += CURATED_PICK
        phrases.append("a curators' pick")
    frequency = entry.get("frequency")
    if isinstance(frequency, str) and _plain(frequency):
        phrases.append(f"meets {_plain(frequency)}")
    tags = frozenset([f"segment:{s}" for s in segments] + [f"place:{'online' if online else where}"])
    near = place is not None and not online
    return _Scored(entry, points, tags, _sentence(lead, phrases, fit[1]), fit[2], near)


def pick_meetups(catalog: Catalog, answers: Answers) -> MeetupPick:
    """The meetups part alone; it depends on stage, company segments and place only."""
    ctx = _context(catalog, answers)
    chosen = _pick(_rank(ctx, _score_meetup, Kind.MEETUP, set()), MEETUP_COUNT)
    notes = []
    place = answers.place
    if chosen and place is not None and not place.online and not any(item.near for item in chosen):
        notes.append(f"No meetup in {place} is in the catalog yet; these are online.")
    if not chosen:
        notes.append(f"No meetup or community in the catalog fits a {_who(ctx)} yet.")
    return MeetupPick(tuple(_item(item) for item in chosen), tuple(notes))


def make_plan(catalog: Catalog, answers: Answers) -> Plan:
    """Apply the rule (see the module docstring) to one reader's answers."""
    ctx = _context(catalog, answers)
    notes: list[str] = []
    deep_first = answers.goal == Goal.DEEPEN
    deep_count, broad_count = DEEP_FIRST_COUNTS if deep_first else BROAD_FIRST_COUNTS
    order = [("deepen", _score_deepen, deep_count), ("broaden", _score_broaden, broad_count)]
    if not deep_first:
        order.reverse()
    taken: set[str] = set()
    parts: dict[str, list[_Scored]] = {}
    for label, scorer, count in order:
        chosen = _pick(_rank(ctx, scorer, Kind.ARTICLE, taken), count)
        taken.update(item.entry.id for item in chosen)
        parts[label] = chosen
        notes += _section_notes(ctx, _gerund(label), chosen, count)

    course = None
    (first_label, first_scorer, _), (second_label, second_scorer, _) = order
    ranked = _pick(_rank(ctx, first_scorer, Kind.COURSE, set()), 1)
    if not ranked:
        ranked = _pick(_rank(ctx, second_scorer, Kind.COURSE, set()), 1)
        if ranked:
            notes.append(f"No course that {first_label}s fits a {_who(ctx)} yet; this one "
                         f"{second_label}s instead.")
    if ranked:
        course = _item(ranked[0], _course_reason(ranked[0]))
    else:
        notes.append(f"No course in the catalog fits a {_who(ctx)} yet.")

    meetups = pick_meetups(catalog, answers)
    return Plan(
        answers=answers,
        deepen=tuple(_item(item) for item in parts["deepen"]),
        broaden=tuple(_item(item) for item in parts["broaden"]),
        course=course,
        meetups=meetups.items,
        notes=tuple(notes) + meetups.notes,
    )


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


# --- wording ------------------------------------------------------------------------------------

def _gerund(label: str) -> str:
    return {"deepen": "deepening", "broaden": "broadening"}[label]


def _name(taxonomy: Taxonomy, group: str, term_id: str) -> str:
    term: Term | None = taxonomy.term(group, term_id)
    return term.name if term else term_id


def _join_names(taxonomy: Taxonomy, group: str, ids: Sequence[str]) -> str:
    names = [_name(taxonomy, group, term_id) for term_id in ids]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _skill_list(taxonomy: Taxonomy, ids: Sequence[str]) -> str:
    # Skill names hold "and" themselves ("Strategy and vision"), so they are joined with "plus".
    return ", plus ".join(_lower_first(_name(taxonomy, "skills", skill)) for skill in ids)


def _lower_first(text: str) -> str:
    # "Strategy and vision" reads better mid-sentence as "strategy and vision"; "UX ..." stays.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _sentence(lead: str, phrases: Sequence[str], level: str) -> str:
    return "; ".join([lead, *phrases, level]) + "."
