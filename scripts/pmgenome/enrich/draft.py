"""The YAML text of a new entry: what its page tells, and TODO placeholders for what a person
must judge. Every placeholder starts with TODO, which the validator refuses, so a draft cannot be
merged unfinished; every value is written so that it reads back as the very same text."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
import unicodedata
from collections.abc import Callable

import yaml

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.model import Kind, Taxonomy
from pmgenome.catalog.usetime import UNITS, TimeSource, example
from pmgenome.enrich.extract import PageMeta

MAX_SHORT_TEXT = 200
WRAP = 96
TODO = "TODO"

# Characters that mean something at the start of a YAML plain scalar.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_COUNTRY = re.compile(r"[A-Z]{2}")


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when it reads back as the very same string (checked with
    YAML 1.1 rules, the stricter ones, so "no" or "1.0" get quotes), else double-quoted."""
    plain = (value and value == value.strip() and value[0] not in _INDICATORS and ": " not in value
             and " #" not in value and not value.endswith(":") and value.isprintable())
    if plain:
        try:
            if yaml.safe_load(f"key: {value}") == {"key": value}:
                return value
        except Exception:  # noqa: BLE001, S110 - PyYAML raises ValueError for "2026-13-45": then quote it
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _flow_scalar(value: str) -> str:
    """`value` as an item of a [a, b] list, where a comma or a bracket would end it."""
    written = yaml_scalar(value)
    return json.dumps(value, ensure_ascii=False) if written == value and any(c in value for c in ",[]{}") else written


def _printable(value: str) -> str:
    """Without control or format characters, which YAML refuses or hides."""
    return "".join(ch for ch in value if not unicodedata.category(ch).startswith("C"))


def short(value: str | None) -> str | None:
    """One line of page text, at most MAX_SHORT_TEXT characters, or None."""
    if not value:
        return None
    value = " ".join(_printable(value).split())
    if not value:
        return None
    return value if len(value) <= MAX_SHORT_TEXT else value[: MAX_SHORT_TEXT - 1].rstrip() + "…"


def _choices(taxonomy: Taxonomy, group: str) -> str:
    return ", ".join(taxonomy.ids(group))


def _summary(meta: PageMeta | None) -> list[str]:
    described = " ".join(_printable(meta.description).split()) if meta and meta.description else ""
    said = f" The page describes itself as: {described}" if described else ""
    text = (f"{TODO}: in your own words, 80 to 600 characters of plain text: what it is, what a reader "
            f"gets from it, and who it is for.{said}")
    return ["summary: >-"] + ["  " + line for line in textwrap.wrap(text, WRAP - 2, break_on_hyphens=False)]


def place(location: str | None) -> tuple[str | None, str | None]:
    """(city, country code) from an event's location as the extractor writes it ("The Tech Hub,
    Leeds, GB"): the country only when the last part is an ISO code the schema knows."""
    parts = [part.strip() for part in (location or "").split(",") if part.strip()]
    countries = entry_schema.raw_schema()["$defs"]["country"]["enum"]
    if len(parts) >= 2 and _COUNTRY.fullmatch(parts[-1]) and parts[-1] in countries:
        return short(parts[-2]), parts[-1]
    return None, None


class _Lines:
    """The lines of a draft, with the ways a value gets written."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self, name: str, value: str | None, todo: str | None = None) -> None:
        """`name: value` when the page told it; else a TODO placeholder (when `todo` says what
        to write) or nothing (an optional field)."""
        shown = short(value)
        if shown:
            self.lines.append(f"{name}: {yaml_scalar(shown)}")
        elif todo:
            self.lines.append(f"{name}: {TODO}  # {todo}")

    def names(self, name: str, values: tuple[str, ...], todo: str) -> None:
        shown = [found for value in values if (found := short(value))]
        if shown:
            self.lines.append(f"{name}: [{', '.join(_flow_scalar(value) for value in shown)}]")
        else:
            self.lines.append(f"{name}: [{yaml_scalar(f'{TODO}: {todo}')}]")


def _access(price: str | None) -> str:
    if price is None:
        return f"access: {TODO}  # how a reader gets it: {' | '.join(entry_schema.enum('access'))}"
    if price == "free":
        return "access: free  # or signup, when it needs an account or an email"
    return "access: paid  # the page gives a price"


def _article(lines: _Lines, meta: PageMeta | None) -> None:
    lines.text("author", meta.author if meta else None)
    if meta and meta.published:
        lines.add(f"published: {meta.published}")
    lines.text("publication", meta.site_name if meta else None)


def _book(lines: _Lines, meta: PageMeta | None) -> None:
    work = meta.work if meta else None
    byline = tuple(re.split(r",\s*|\s+and\s+", meta.author)) if meta and meta.author else ()
    lines.names("authors", work.creators if work and work.creators else byline, "who wrote it, as the cover gives")
    lines.add(f"year: {work.year}" if work and work.year else f"year: {TODO}  # the year of first publication")
    lines.text("publisher", work.publisher if work else None)
    if work and work.isbn:
        lines.add(f"isbn: {yaml_scalar(work.isbn)}")


def _podcast(lines: _Lines, meta: PageMeta | None) -> None:
    work = meta.work if meta else None
    hosts = work.creators if work and work.creators else ((meta.author,) if meta and meta.author else ())
    lines.text("host", " and ".join(hosts) if hosts else None, "who hosts it")
    lines.add(f"cadence: {TODO}  # how often it appears: {' | '.join(entry_schema.enum('cadence'))}")
    lines.add("# episodes:  # optional: one to five to start with, each - {title: ..., url: ...}")


def _newsletter(lines: _Lines, meta: PageMeta | None) -> None:
    lines.text("author", meta.author if meta else None, "who writes it")
    lines.add(f"cadence: {TODO}  # how often it appears: {' | '.join(entry_schema.enum('cadence'))}")
    lines.add("# issues:  # optional: one to five to start with, each - {title: ..., url: ...}")


def _stated_minutes(kind: Kind, meta: PageMeta | None) -> int | None:
    """A video's running time as its page states it (schema.org VideoObject duration), else None."""
    work = meta.work if meta and kind is Kind.VIDEO else None
    return work.minutes if work and work.minutes else None


def _video(lines: _Lines, meta: PageMeta | None) -> None:
    work = meta.work if meta else None
    speakers = work.creators if work and work.creators else ((meta.author,) if meta and meta.author else ())
    lines.text("speaker", " and ".join(speakers) if speakers else None, "who gives the talk")
    lines.add("# event: the conference or series it was given at (optional)")
    published = (work.published if work else None) or (meta.published if meta else None)
    if published:
        lines.add(f"published: {published}")
    if minutes := _stated_minutes(Kind.VIDEO, meta):
        lines.add(f"time: {{minutes: {minutes}, source: stated}}")


def _course(lines: _Lines, meta: PageMeta | None) -> None:
    course = meta.course if meta else None
    lines.text("provider", (course.provider if course else None) or (meta.site_name if meta else None))
    if course and course.mode:
        lines.add(f"format: {course.mode}")
    lines.text("price", course.price if course else None)


def _meetup(lines: _Lines, meta: PageMeta | None) -> None:
    event = meta.event if meta else None
    lines.text("organizer", (event.organizer if event else None) or (meta.site_name if meta else None))
    lines.add(f"cadence: {TODO}  # how often it meets: {' | '.join(entry_schema.enum('meetupCadence'))}")
    online = event.online if event else None
    lines.add(f"online: {TODO}  # true or false" if online is None else f"online: {'true' if online else 'false'}")
    if online is True:
        return
    city, country = place(event.location if event else None)
    said = f"; the page says: {short(event.location)}" if event and event.location and not country else ""
    prefix = "" if online is False else "# "
    lines.add(f"{prefix}city: {yaml_scalar(city)}" if city else f"{prefix}city: {TODO}  # where it meets{said}")
    lines.add(f"{prefix}country: {country}" if country else
              f"{prefix}country: {TODO}  # ISO 3166-1 alpha-2 code, e.g. GB")


def _program(lines: _Lines, meta: PageMeta | None) -> None:
    lines.text("company", meta.site_name if meta else None, "the company or institution that runs it")
    lines.add(f"audience: [{TODO}]  # who it takes: {' | '.join(entry_schema.enum('programAudience'))}")
    lines.add("# months: 24  # how long it lasts, when the page says")
    lines.add(f"# format: []  # how it teaches: {', '.join(entry_schema.enum('programFormat'))}")
    lines.add("# places:  # where it runs, each - {city: London, country: GB} or - {remote: true}")
    lines.add("# paid: true  # when the page says participants are paid")
    lines.add("# skill_levels: {}  # where the page says how far it takes a listed skill: skill: 0 to 3")
    lines.add("# windows:  # application windows with published dates, each - {start: YYYY-MM-DD, end: YYYY-MM-DD}")
    lines.add("# not_placed_after: 2023  # when no page shows it running now: the last year one did")


_KIND_FIELDS: dict[Kind, Callable[[_Lines, PageMeta | None], None]] = {
    Kind.ARTICLE: _article, Kind.BOOK: _book, Kind.COURSE: _course, Kind.PODCAST: _podcast,
    Kind.NEWSLETTER: _newsletter, Kind.VIDEO: _video, Kind.MEETUP: _meetup, Kind.PROGRAM: _program,
}


def render_entry(kind: Kind, url: str, meta: PageMeta | None, taxonomy: Taxonomy, today: dt.date) -> str:
    """The YAML text of a new entry of `kind`: what the page tells, and TODO placeholders for the rest."""
    lines = _Lines()
    title = short(meta.title if meta else None) or f"{TODO}: the resource's name as its page shows it"
    lines.add(entry_schema.schema_comment(kind))
    lines.add(f"title: {yaml_scalar(title)}")
    lines.add(f"url: {yaml_scalar(url)}")
    lines.lines += _summary(meta)
    lines.add(f"segments: []  # {TODO} pick 1 or more: {_choices(taxonomy, 'segments')}")
    lines.add(f"skills: []  # pick from: {_choices(taxonomy, 'skills')}")
    lines.add(f"levels: []  # pick from: {_choices(taxonomy, 'levels')}")
    lines.add(f"# backgrounds: []  # optional: {_choices(taxonomy, 'backgrounds')}")
    course = meta.course if meta and kind is Kind.COURSE else None
    if "access" in entry_schema.field_names(kind):  # a program is applied to, not accessed
        lines.add(_access(course.price if course else None))
    if meta and meta.language:
        lines.add(f"language: {yaml_scalar(meta.language)}")
    # Whoever adds an entry has just checked it against its page: that is its first review.
    lines.add(f"added: {today.isoformat()}")
    lines.add(f"reviewed: {today.isoformat()}")
    lines.add('# outcomes: ["You can ..."]  # 1 to 3 lines: what a reader can do after it (a pick needs them)')
    if kind in UNITS and _stated_minutes(kind, meta) is None:  # a stated time is written, not hinted
        lines.add(f"# {example(UNITS[kind][0])}  # how long it takes once, and where the figure comes from: "
                  f"{' | '.join(source.value for source in TimeSource)}")
    _KIND_FIELDS[kind](lines, meta)
    return "\n".join(lines.lines) + "\n"
