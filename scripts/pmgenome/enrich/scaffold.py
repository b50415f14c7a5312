"""A new catalog entry drafted from its page, with clear placeholders for what a human must judge."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
import unicodedata
from collections.abc import Collection
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.model import Catalog, Entry, Kind, Taxonomy
from pmgenome.catalog.schema import schema_comment
from pmgenome.enrich.extract import PageMeta
from pmgenome.urls import normalise_url

MAX_ID_CHARS = 60
MAX_SHORT_TEXT = 200
MAX_SUFFIX = 1000
WRAP = 96
# The validator refuses any text starting with TODO: every placeholder starts so.
TODO = "TODO"

# Characters that mean something at the start of a YAML plain scalar.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def guess_kind(meta: PageMeta | None) -> Kind:
    """course for a schema.org Course, meetup for an Event, else article."""
    if meta is not None and meta.course is not None:
        return Kind.COURSE
    if meta is not None and meta.event is not None:
        return Kind.MEETUP
    return Kind.ARTICLE


def slugify(text: str) -> str:
    """An id from a title: ASCII lowercase words joined by single hyphens, cut at a word end."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_ID_CHARS:
        slug = slug[:MAX_ID_CHARS + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_ID_CHARS] else slug[:MAX_ID_CHARS]
    return slug.strip("-")


def _url_words(url: str) -> str:
    parts = urlsplit(url)
    segments = [unquote(part) for part in parts.path.split("/") if part]
    last = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", segments[-1]) if segments else ""
    host = (parts.hostname or "").removeprefix("www.")
    return last if slugify(last) else host


def choose_id(title: str | None, url: str, taken: Collection[str]) -> str:
    """An unused id from the title (else the URL); a -2, -3... suffix when it is taken."""
    base = slugify(title or "") or slugify(_url_words(url)) or "resource"
    if base not in taken:
        return base
    for number in range(2, MAX_SUFFIX):
        candidate = f"{base[:MAX_ID_CHARS - len(str(number)) - 1].rstrip('-')}-{number}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free id for {base!r}")


def existing_entry(catalog: Catalog, *urls: str) -> Entry | None:
    """The entry already holding any of `urls`, compared in normal form."""
    wanted = {normalise_url(url) for url in urls if url}
    return next((entry for entry in catalog.entries if entry.url and normalise_url(entry.url) in wanted), None)


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when it reads back as the very same string (checked with
    YAML 1.1 rules, the stricter ones, so "no" or "1.0" get quotes), else double-quoted."""
    plain = (value and value == value.strip() and value[0] not in _INDICATORS and ": " not in value
             and " #" not in value and not value.endswith(":") and value.isprintable())
    if plain:
        try:
            if yaml.safe_load(f"key: {value}") == {"key": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _printable(value: str) -> str:
    """Without control or format characters, which YAML refuses or hides."""
    return "".join(ch for ch in value if not unicodedata.category(ch).startswith("C"))


def _short(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(_printable(value).split())
    return value if len(value) <= MAX_SHORT_TEXT else value[: MAX_SHORT_TEXT - 1].rstrip() + "…"


def _choices(taxonomy: Taxonomy, group: str) -> str:
    return ", ".join(taxonomy.ids(group))


def _summary(meta: PageMeta | None) -> list[str]:
    described = " ".join(_printable(meta.description).split()) if meta and meta.description else ""
    said = f" The page describes itself as: {described}" if described else ""
    text = (f"{TODO}: in your own words, 80 to 600 characters of plain text: what it is, what a reader "
            f"gets from it, and who it is for.{said}")
    return ["summary: >-"] + ["  " + line for line in textwrap.wrap(text, WRAP - 2, break_on_hyphens=False)]


def render_entry(kind: Kind, url: str, meta: PageMeta | None, taxonomy: Taxonomy, today: dt.date) -> str:
    """The YAML text of a new entry: what the page tells, and TODO placeholders for the rest."""
    title = _short(meta.title if meta else None) or f"{TODO}: the resource's name as its page shows it"
    lines = [schema_comment(kind), f"title: {yaml_scalar(title)}", f"url: {yaml_scalar(url)}"]
    lines += _summary(meta)
    lines += [
        f"segments: []  # {TODO} pick 1 or more: {_choices(taxonomy, 'segments')}",
        f"skills: []  # pick from: {_choices(taxonomy, 'skills')}",
        f"levels: []  # pick from: {_choices(taxonomy, 'levels')}",
        f"# backgrounds: []  # optional: {_choices(taxonomy, 'backgrounds')}",
        f"access:  # {TODO} how a reader gets it: {' | '.join(entry_schema.enum('access'))}",
    ]
    if meta and meta.language:
        lines.append(f"language: {yaml_scalar(meta.language)}")
    # Whoever adds an entry has just checked it against its page: that is its first review.
    lines += [f"added: {today.isoformat()}", f"reviewed: {today.isoformat()}"]

    def optional(name: str, value: str | None) -> None:
        if value:
            lines.append(f"{name}: {yaml_scalar(_short(value) or value)}")

    def todo(name: str, what: str) -> None:
        lines.append(f"{name}:  # {TODO} {what}")

    if kind is Kind.ARTICLE:
        optional("author", meta.author if meta else None)
        if meta and meta.published:
            lines.append(f"published: {meta.published}")
        optional("publication", meta.site_name if meta else None)
    elif kind is Kind.COURSE:
        course = meta.course if meta else None
        optional("provider", (course.provider if course else None) or (meta.site_name if meta else None))
        if course and course.mode:
            lines.append(f"format: {course.mode}")
        optional("price", course.price if course else None)
    elif kind is Kind.BOOK:
        author = _short(meta.author if meta else None)
        lines.append(f"authors: [{yaml_scalar(author)}]" if author else
                     f"authors: []  # {TODO} who wrote it, in the order the cover gives")
        todo("year", "the year of first publication, like 2017")
        lines += ["# publisher:  # optional: who publishes it", "# isbn:  # optional: ISBN-10 or ISBN-13"]
    elif kind in (Kind.PODCAST, Kind.NEWSLETTER):
        if kind is Kind.PODCAST:
            todo("host", "who hosts it")
        elif meta and _short(meta.author):
            optional("author", meta.author)
        else:
            todo("author", "who writes it")
        todo("cadence", f"how often it appears: {' | '.join(entry_schema.enum('cadence'))}")
        lines.append(f"# {'episodes' if kind is Kind.PODCAST else 'issues'}:  # optional: up to 5 to start with, "
                     "each '- {title: ..., url: https://...}'")
    elif kind is Kind.VIDEO:
        speaker = _short(meta.author if meta else None)
        lines.append(f"speaker: {yaml_scalar(speaker)}" if speaker else f"speaker:  # {TODO} who gives the talk")
        if meta and meta.published:
            lines.append(f"published: {meta.published}")
        lines += ["# event:  # optional: where it was given", "# duration:  # optional: like 38 min"]
    else:
        event = meta.event if meta else None
        optional("organizer", (event.organizer if event else None) or (meta.site_name if meta else None))
        online = event.online if event else None
        if online is None:
            lines.append(f"online: {TODO}  # true or false")
        else:
            lines.append(f"online: {'true' if online else 'false'}")
        if online is not True:
            prefix = "" if online is False else "# "
            lines.append(f"{prefix}city: {TODO}  # where it meets (in-person meetups)")
            lines.append(f"{prefix}country: {TODO}  # ISO 3166-1 alpha-2 code, e.g. GB")
    return "\n".join(lines) + "\n"


def create_entry(root: Path, kind: Kind, entry_id: str, text: str) -> Path:
    """Write a new entry file, never replacing one: FileExistsError if the name is taken."""
    folder = Path(root) / kind.folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{entry_id}.yaml"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path
