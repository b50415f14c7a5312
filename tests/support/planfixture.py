"""A small catalog written to disk for the plan rule's tests, through the real loader."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog, Kind

TAXONOMY = """\
segments:
  - {id: b2b, name: B2B, description: Sold to businesses., expects: {go-to-market: 3, communication: 2}}
  - {id: b2c, name: B2C, description: Sold to consumers., expects: {growth: 3, discovery: 2}}
  - {id: technical, name: Technical, description: Built for engineers., expects: {technical-fluency: 3, execution: 2}}
skills:
  - {id: strategy, name: Strategy and vision, description: Where to play., scope: general}
  - {id: discovery, name: Discovery and customer research, description: What customers need., scope: general}
  - {id: execution, name: Delivery and execution, description: Shipping., scope: general}
  - {id: communication, name: Communication and stakeholders, description: Aligning people., scope: general}
  - {id: go-to-market, name: Go-to-market and sales, description: Selling., scope: flavour, segments: [b2b]}
  - {id: growth, name: Growth and retention, description: Loops., scope: flavour, segments: [b2c]}
  - {id: technical-fluency, name: Technical fluency, description: APIs., scope: flavour, segments: [technical]}
levels:
  - {id: aspiring, name: Aspiring PM, description: Not yet a PM.}
  - {id: new, name: New PM, description: First two years.}
  - {id: experienced, name: Experienced PM, description: Owns an area.}
  - {id: leader, name: Product leader, description: Leads PMs.}
backgrounds:
  - {id: engineering, name: Software engineering, description: From building software.,
     gaps: [discovery, communication, strategy]}
  - {id: design, name: Design, description: From design., gaps: [strategy]}
  - {id: other, name: Another field, description: Anything else.}
"""

SUMMARY = "A summary written for the tests, long enough to read like a real one and say who it suits."


def write_entry(root: Path, kind: str, entry_id: str, **fields: object) -> None:
    """One entry file; strings and lists are written as JSON, which YAML reads as flow scalars."""
    values = {"title": entry_id.replace("-", " ").title(), "url": f"https://example.com/{entry_id}",
              "summary": SUMMARY, "added": "2026-01-01", **fields}
    lines = []
    for key, value in values.items():
        if key == "added" or isinstance(value, bool):
            lines.append(f"{key}: {json.dumps(value) if isinstance(value, bool) else value}")
        else:
            lines.append(f"{key}: {json.dumps(value)}")
    folder = root / f"{kind}s"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{entry_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_root(root: Path, picks: str | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "taxonomy.yaml").write_text(TAXONOMY, encoding="utf-8")
    if picks is not None:
        (root / "picks.yaml").write_text(picks, encoding="utf-8")
    for kind in Kind:
        (root / kind.folder).mkdir(exist_ok=True)
    return root


def load(root: Path) -> Catalog:
    catalog, problems = load_catalog(root)
    assert problems == []
    return catalog


# --- random catalogs and answers for the property tests ---------------------------------------

SEGMENTS = ("b2b", "b2c", "technical")
SKILLS = ("strategy", "discovery", "execution", "communication", "go-to-market", "growth", "technical-fluency")
GENERAL = ("strategy", "discovery", "execution", "communication")
LEVELS = ("aspiring", "new", "experienced", "leader")
BACKGROUNDS = ("engineering", "design", "other")
PLACES = (None, "online", "GB", "Leeds, GB", "london, gb", "Berlin")


def entry_fields():
    """A hypothesis strategy for one entry's fields, of any kind."""
    from hypothesis import strategies as st

    return st.fixed_dictionaries({
        "kind": st.sampled_from(list(Kind)),
        "segments": st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=2, unique=True),
        "skills": st.lists(st.sampled_from(SKILLS), max_size=3, unique=True),
        "levels": st.lists(st.sampled_from(LEVELS), max_size=2, unique=True),
        "backgrounds": st.lists(st.sampled_from(BACKGROUNDS), max_size=2, unique=True),
        "online": st.booleans(),
        "city": st.sampled_from(["London", "Leeds", "Berlin"]),
        "access": st.sampled_from([None, "free", "signup", "freemium", "paywalled", "paid", "odd"]),
        # Meetups' cadences phrase the reason; "constructor" must not find a sentence on either side.
        "cadence": st.sampled_from([None, "weekly", "monthly", "yearly", "irregular", "ongoing", "", "constructor"]),
        "pace": st.sampled_from([None, "self-paced"]),
        "format": st.sampled_from([None, "online", " "]),
        # The time to use it once, in any kind's unit (a unit the kind does not take counts as none).
        "time": st.one_of(st.none(), st.builds(lambda n: {"minutes": n, "source": "stated"}, st.integers(1, 600)),
                          st.builds(lambda n: {"hours": n, "source": "estimated"}, st.integers(1, 30)),
                          st.builds(lambda n: {"pages": n}, st.integers(1, 900))),
        # What it teaches: both sides must list them and escape Markdown's characters alike.
        "outcomes": st.one_of(st.none(), st.lists(st.sampled_from(
            ["You can price a SaaS product by value.", "You can run an A/B test *safely* [today] #1.",
             "You know <why> & how_to ship `fast` | well.", "You can say no\\ to a \\feature request."]),
            min_size=1, max_size=3, unique=True)),
    })


def random_shapes(taxonomy, levels) -> tuple:
    """Named shapes from draws of one level per skill (0 leaves a skill out); ids sort apart from
    their position, and equal draws make ties, so ties are broken by id."""
    from pmgenome.catalog.model import Shape

    skills, segments = taxonomy.ids("skills"), taxonomy.ids("segments")
    shapes = []
    for index, drawn in enumerate(levels):
        ratings = tuple((skill, level) for skill, level in zip(skills, drawn, strict=True) if level)
        shapes.append(Shape(f"s{(index * 5) % 11:02d}", f"Shape {index}", "One.\nTwo.",
                            (segments[index % len(segments)],), "A model", "Someone", "https://example.com/m",
                            ratings))
    return tuple(shapes)


def random_people(taxonomy, draws) -> tuple:
    """People from draws of (skill positions, city, online); handles mix cases and sort apart from
    their position, so the order by handle is tested too."""
    from pmgenome.catalog.model import Person

    skills = taxonomy.ids("skills")
    people = []
    for index, (positions, city, online) in enumerate(draws):
        handle = f"{'pP'[index % 2]}{(index * 3) % 11}"
        if any(person.github.lower() == handle.lower() for person in people):
            continue
        country = {"London": "GB", "Berlin": "DE"}.get(city or "")
        people.append(Person(handle, f"Person {index}", tuple(skills[i] for i in sorted(positions)), (), city, country,
                             online, ("en",)))
    return tuple(people)


def random_catalog(taxonomy, fields, picks, shape_levels=(), people=()) -> Catalog:
    """A catalog in memory from `entry_fields` draws: ids sort apart from their position, so ties
    are broken by id and not by order."""
    from pmgenome.catalog.model import Entry

    entries = []
    for index, item in enumerate(fields):
        values = {key: (tuple(value) if isinstance(value, list) else value)
                  for key, value in item.items() if key != "kind" and value is not None}
        values["country"] = "DE" if values["city"] == "Berlin" else "GB"
        values["title"] = f"Entry {index}"
        values["url"] = f"https://example.com/{index}"
        entry_id = f"e{(index * 7) % 31:02d}"
        if any(entry.id == entry_id for entry in entries):
            continue
        entries.append(Entry(entry_id, item["kind"], Path(f"{entry_id}.yaml"), values))
    picked = {"b2b": {Kind.ARTICLE: tuple(f"e{i:02d}" for i in picks)}}
    return Catalog(Path("."), tuple(entries), taxonomy, picked, shapes=random_shapes(taxonomy, shape_levels),
                   people=random_people(taxonomy, people))


def random_answers(taxonomy, data):
    """A hypothesis draw of answers, with ratings on any skills and sometimes a compare."""
    from hypothesis import strategies as st
    from pmgenome.plan.answers import parse_answers

    company = data.draw(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=3, unique=True))
    ratings = data.draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 3), max_size=7))
    others = [segment for segment in SEGMENTS if segment not in company]
    compare = data.draw(st.sampled_from([None, *others]))
    place = data.draw(st.sampled_from(PLACES))
    answers, errors = parse_answers(
        taxonomy, stage=data.draw(st.sampled_from(LEVELS)), background=data.draw(st.sampled_from(BACKGROUNDS)),
        company=company, pm_load=data.draw(st.sampled_from(["light", "balanced", "heavy"])),
        goal=data.draw(st.sampled_from(["broaden", "deepen"])), place=place, ratings=ratings, compare=compare)
    assert errors == []
    return answers


# --- ids that every JavaScript object already has ------------------------------------------------
# Issue 23 item 5: `constructor` is a valid entry id, and a port that looks ids up in a plain `{}`
# finds Object.prototype's members there. The loader refuses the others' characters, but the
# catalogs below are built in memory, so the port meets them as keys of every group.
OBJECT_PROPERTY_IDS: Mapping[str, Mapping[str, str]] = {
    "entries": {"e00": "constructor", "e07": "__proto__", "e14": "toString", "e21": "hasOwnProperty",
                "e28": "valueOf"},
    "skills": {"growth": "constructor", "discovery": "__proto__", "communication": "hasOwnProperty",
               "technical-fluency": "toString"},
    "segments": {"b2c": "constructor", "technical": "__proto__"},
    "backgrounds": {"design": "toString"},
    "levels": {"leader": "valueOf"},
}


def _renamed(group: str, ids):
    names = OBJECT_PROPERTY_IDS[group]
    return tuple(names.get(value, value) for value in ids)


def with_object_property_ids(catalog: Catalog) -> Catalog:
    """The same catalog with some ids of every group renamed to Object.prototype's members."""
    from dataclasses import replace

    taxonomy = catalog.taxonomy

    def term(group: str, value):
        return replace(value, id=_renamed(group, [value.id])[0], segments=_renamed("segments", value.segments),
                       gaps=_renamed("skills", value.gaps),
                       expects=tuple((_renamed("skills", [skill])[0], level) for skill, level in value.expects))

    renamed_taxonomy = replace(taxonomy, **{group: tuple(term(group, value) for value in taxonomy.group(group))
                                            for group in ("segments", "skills", "levels", "backgrounds")})
    entries = []
    for entry in catalog.entries:
        fields = dict(entry.fields)
        for group in ("skills", "segments", "backgrounds", "levels"):
            if group in fields:
                fields[group] = _renamed(group, fields[group])
        entries.append(replace(entry, id=_renamed("entries", [entry.id])[0], fields=fields))
    picks = {_renamed("segments", [segment])[0]: {kind: _renamed("entries", ids) for kind, ids in by_kind.items()}
             for segment, by_kind in catalog.picks.items()}
    shapes = tuple(replace(shape, segments=_renamed("segments", shape.segments),
                           ratings=tuple((_renamed("skills", [skill])[0], level) for skill, level in shape.ratings))
                   for shape in catalog.shapes)
    people = tuple(replace(person, can_teach=_renamed("skills", person.can_teach)) for person in catalog.people)
    return Catalog(catalog.root, tuple(entries), renamed_taxonomy, picks, shapes=shapes, people=people)


def answers_with_object_property_ids(answers):
    """The same answers in the renamed vocabulary of `with_object_property_ids`."""
    from dataclasses import replace

    def one(group: str, value):
        return None if value is None else _renamed(group, [value])[0]

    return replace(answers, stage=one("levels", answers.stage), background=one("backgrounds", answers.background),
                   company=_renamed("segments", answers.company), compare=one("segments", answers.compare),
                   ratings=tuple((one("skills", skill), level) for skill, level in answers.ratings))
