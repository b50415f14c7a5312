"""Every rule an entry, the picks and the vocabulary must follow, reported as located problems."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import fastjsonschema
from jsonschema import FormatChecker
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator as SchemaValidator

from pmgenome.catalog import schema as entry_schema
from pmgenome.catalog.editions import EVENTS_FIELD, edition_problems
from pmgenome.catalog.exclusions import load_exclusions
from pmgenome.catalog.explain import (
    URL_FIELDS,
    article,
    dotted,
    explain,
    kind_that_fits,
    url_message,
)
from pmgenome.catalog.fieldtext import DATE_FIELDS, line_break_problem, text_problems
from pmgenome.catalog.fileschema import as_json
from pmgenome.catalog.hosts import load_host_rules
from pmgenome.catalog.isbn import isbn_problem
from pmgenome.catalog.load import gc_paused, load_catalog
from pmgenome.catalog.model import (
    EXCLUSIONS_FILE,
    HOSTS_FILE,
    Catalog,
    Entry,
    Kind,
    Taxonomy,
)
from pmgenome.catalog.problems import Problem, sort_problems
from pmgenome.catalog.programs import PLACES_FIELD, WINDOWS_FIELD, program_problems
from pmgenome.catalog.yamlhints import comment_cuts, swallowed_keys
from pmgenome.catalog.yamlload import Location, Path_
from pmgenome.text.clean import CONTROL_CHARS, bidi_problem, first_control, shortened
from pmgenome.text.hints import did_you_mean
from pmgenome.text.paths import display_path
from pmgenome.urls import (
    normalise_url,
    tracking_parameters,
    url_problem,
    without_tracking,
)

MAX_PICKS = 5
MAX_WHY = 200
# Issue 26: a pick of one kind in every segment makes the top fives one list; two is the most a
# resource can truly be best for (say B2B and technical).
MAX_SEGMENTS_PER_PICK = 2
TEXT_FIELDS = frozenset(("title", "summary", "author", "publication", "provider", "price",
                         "organizer", "city", "publisher", "host", "speaker", "event"))
TEXT_LISTS = frozenset(("authors",))  # lists of plain text
RECOMMENDED = frozenset(("episodes", "issues"))  # lists of {title, url}

_HTML_TAG = re.compile(
    r"<\s*/?\s*(a|abbr|b|blockquote|br|button|code|div|em|embed|font|form|h[1-6]|hr|i|iframe|img|"
    r"input|li|link|meta|object|ol|p|pre|script|small|source|span|strong|style|sub|sup|svg|table|"
    r"td|th|tr|u|ul|video|audio)\b[^>]*>|<!--",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_MARKDOWN = (
    (re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)"), "a Markdown link"),
    (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), "Markdown emphasis"),
    (re.compile(r"`[^`\n]+`"), "Markdown code"),
    (re.compile(r"^\s{0,3}#{1,6}\s", re.MULTILINE), "a Markdown heading"),
)
_PLACEHOLDER = re.compile(r"\s*todo", re.IGNORECASE)
_LOADER_VALUE_RULES = frozenset({"date", "type", "alias", "tag", "key", "size"})
# Every kind of markup above needs one of these characters: one cheap pass clears clean text.
_MARKUP_CHARS = re.compile(f"[<&\\[*_`#{CONTROL_CHARS}]")

# Lists of mappings holding dates: a meetup's editions, a program's application windows.
DATED_LISTS = frozenset({EVENTS_FIELD, WINDOWS_FIELD})
# Text inside list items that pages and calendars show: plain text, as a title is.
ITEM_TEXT = {EVENTS_FIELD: ("name", "city"), WINDOWS_FIELD: ("name",), PLACES_FIELD: ("city",)}


def validate_catalog(root: Path) -> tuple[Catalog, list[Problem]]:
    """Load the catalog and apply every rule; problems come sorted by file and position."""
    with gc_paused():
        return _validate_catalog(root)


def _validate_catalog(root: Path) -> tuple[Catalog, list[Problem]]:
    catalog, problems = load_catalog(root)
    if not Path(root).is_dir():
        return catalog, problems
    # A value the loader could not read (impossible date, alias, tag) is None to the schema:
    # its "must be a date" would only repeat the loader's clearer message.
    already = {(p.path, p.line, p.col) for p in problems if p.rule in _LOADER_VALUE_RULES}
    today = dt.datetime.now(dt.timezone.utc).date()
    schemas = {kind: EntrySchema(kind, catalog.taxonomy) for kind in Kind}
    for entry in catalog.entries:
        for problem in check_entry(entry, schemas[entry.kind], today):
            if (problem.path, problem.line, problem.col) not in already:
                problems.append(problem)
    problems += check_unique_ids(catalog.entries)
    problems += check_duplicate_urls(catalog.entries)
    problems += check_picks(catalog)
    _, exclusion_problems = load_exclusions(catalog.root / EXCLUSIONS_FILE)
    problems += exclusion_problems
    _, host_rule_problems = load_host_rules(catalog.root / HOSTS_FILE)
    problems += host_rule_problems
    taxonomy_path = display_path(catalog.taxonomy_path)
    if not any(problem.path == taxonomy_path for problem in problems):
        problems += check_schema_drift(catalog)  # a broken vocabulary is fixed first
    return catalog, sort_problems(problems)


@lru_cache(maxsize=16)
def _fast_check(kind: Kind, taxonomy: Taxonomy) -> Any:
    """The same schema compiled to Python: a cheap yes/no for the common, valid entry."""
    schema = entry_schema.kind_schema(kind, taxonomy)
    return fastjsonschema.compile(entry_schema.inline_refs(schema, schema["$defs"]))


@lru_cache(maxsize=16)
def _validator(kind: Kind, taxonomy: Taxonomy) -> SchemaValidator:
    checker = FormatChecker(formats=("date",))
    return entry_schema.Validator(entry_schema.kind_schema(kind, taxonomy), format_checker=checker)


class EntrySchema:
    """The schema of one kind under one vocabulary, looked up once per run, not once per entry."""

    def __init__(self, kind: Kind, taxonomy: Taxonomy) -> None:
        self.kind = kind
        self.taxonomy = taxonomy
        self.comment = entry_schema.schema_comment(kind)
        self._fast = _fast_check(kind, taxonomy)

    def errors(self, fields: Mapping[str, Any]) -> list[ValidationError]:
        """Every schema error of one entry. jsonschema explains errors best but costs ~30x
        more, so it runs only once the compiled check has said the entry is invalid."""
        try:
            # Entries are flat but for a meetup's editions and a program's windows: only their
            # dates and top-level ones need to become strings for this check.
            self._fast({key: value.isoformat() if isinstance(value, dt.date)
                        else as_json(value) if key in DATED_LISTS else value
                        for key, value in fields.items()})
        except fastjsonschema.JsonSchemaException:
            return list(_validator(self.kind, self.taxonomy).iter_errors(as_json(fields)))
        return []


def check_entry(entry: Entry, schema: EntrySchema, today: dt.date) -> list[Problem]:
    """Schema rules, then the rules a schema cannot say well, for one entry.

    This runs for every entry on every validation, so the clean path is kept to one pass
    over the fields with cheap tests; the detailed checks run only on a suspicious value."""
    found: list[tuple[Location, str, str]] = []
    errors = schema.errors(entry.fields)
    moved_to = kind_that_fits(entry) if errors else None
    if moved_to is not None:
        folder = display_path(entry.path.parent.parent / moved_to.folder)
        allowed = entry_schema.field_names(entry.kind)
        extra = [name for name in entry.fields if name not in allowed]
        found.append((Location(1, 1), f"{', '.join(extra)} {'are fields' if len(extra) > 1 else 'is a field'} of "
                      f"{article(moved_to.value)}, not {article(entry.kind.value)}: move the file to {folder}/",
                      "kind"))
    elif entry.first_line.strip() != schema.comment:
        found.append((Location(1, 1), f"the first line must be '{schema.comment}' "
                      "so editors can check the fields as you type", "schema-comment"))

    swallowed = _swallowed(entry) if errors else {}
    schema_paths: set[Path_] = set()
    choices: dict[Path_, str] = {}  # what a placeholder in a closed set is to be replaced with
    for error in errors:
        for where, message, rule, path in explain(error, entry, schema.taxonomy):
            schema_paths.add(path)
            if moved_to is not None and rule in ("unknown-field", "required"):
                continue  # said once, by the move above; the right kind's rules apply after it
            if path and path[0] in swallowed and rule == "required":
                continue  # the field is there, indented into the block above: said below
            if _is_placeholder(entry, path):
                choices[path] = _choice(error, path)
                continue  # a TODO is reported as such, not as a wrong value ("did you mean 'TO'?")
            found.append((where, message, rule))
    found += swallowed.values()
    found += _cut_by_comment(entry)
    found += text_problems(entry, schema_paths)
    found += edition_problems(entry)
    found += program_problems(entry)
    added, reviewed = entry.fields.get("added"), entry.fields.get("reviewed")
    if type(added) is dt.date and type(reviewed) is dt.date and reviewed < added <= today:
        # A file copied from another entry keeps its 'reviewed': the page would claim a review
        # of this resource from before it was added.
        found.append((entry.location("reviewed"), f"'reviewed' ({reviewed.isoformat()}) is before 'added' "
                      f"({added.isoformat()}); set it to the day you last checked the resource, {added.isoformat()} "
                      "or later", "date"))

    for name, value in entry.fields.items():
        if type(value) is str:
            if name in URL_FIELDS and (name,) not in schema_paths:
                found += _url_problems(entry, (name,), value)
            if name == "isbn" and ("isbn",) not in schema_paths and (reason := isbn_problem(value)):
                found.append((entry.location(name), reason, "format"))
            if name in TEXT_FIELDS and _MARKUP_CHARS.search(value) and (reason := markup_problem(value)):
                found.append((entry.location(name), f"'{name}' {reason}", "plain-text"))
            if _PLACEHOLDER.match(value):
                found.append((entry.location(name), _placeholder_message((name,), choices.get((name,))),
                              "placeholder"))
        elif type(value) is tuple:
            for index, item in enumerate(value):
                if type(item) is str and _PLACEHOLDER.match(item):
                    found.append((entry.location(name, index),
                                  _placeholder_message((name, index), choices.get((name, index))),
                                  "placeholder"))
                elif type(item) is dict and type(item.get("url")) is str and (name, index, "url") not in schema_paths:
                    found += _url_problems(entry, (name, index, "url"), item["url"])
                if name in ITEM_TEXT and type(item) is dict:
                    found += _item_text_problems(entry, name, index, item)
                if name in TEXT_LISTS and type(item) is str and (reason := markup_problem(item)):
                    found.append((entry.location(name, index), f"'{dotted((name, index))}' {reason}",
                                  "plain-text"))
                if name in RECOMMENDED and type(item) is dict and type(title := item.get("title")) is str:
                    path = (name, index, "title")
                    if reason := markup_problem(title):
                        found.append((entry.location(*path), f"'{dotted(path)}' {reason}", "plain-text"))
                    if _PLACEHOLDER.match(title):
                        found.append((entry.location(*path), _placeholder_message(path), "placeholder"))
        elif type(value) is dt.date and name in DATE_FIELDS and value > today:
            found.append((entry.location(name), f"'{name}' is in the future ({value.isoformat()})", "date"))

    if not found:
        return []
    shown = display_path(entry.path)
    return [Problem(shown, where.line, where.col, message, rule) for where, message, rule in found]


def _item_text_problems(entry: Entry, name: str, index: int,
                        item: Mapping[str, Any]) -> list[tuple[Location, str, str]]:
    """An edition's name and city, a window's name, a program place's city: shown on pages and in
    calendars, so plain text, as a title is."""
    return [(entry.location(name, index, key), f"'{dotted((name, index, key))}' {reason}", "plain-text")
            for key in ITEM_TEXT[name] if type(text := item.get(key)) is str and (reason := markup_problem(text))]


def _url_problems(entry: Entry, path: Path_, url: str) -> list[tuple[Location, str, str]]:
    reason = url_problem(url)
    if reason is None and "?" in url and (tracking := tracking_parameters(url)):
        reason = (f"URL carries tracking parameters ({', '.join(tracking)}); write it without them: "
                  f"{without_tracking(url)}")
    return [(entry.location(*path), url_message(str(path[-1]), reason), "url")] if reason else []


def _is_placeholder(entry: Entry, path: Path_) -> bool:
    value: Any = entry.fields
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return False
    return type(value) is str and _PLACEHOLDER.match(value) is not None


def _swallowed(entry: Entry) -> dict[str, tuple[Location, str, str]]:
    """Fields indented into a block scalar above them (`summary: >-`), by name."""
    text = entry.source.text if entry.source is not None else None
    if not text:
        return {}
    missing = frozenset(entry_schema.field_names(entry.kind)) - set(entry.fields)
    return {name: (Location(line, col), f"'{name}' is indented, so YAML reads it as more of the {block} above; "
                   "start it in column 1, like the other fields", "indentation")
            for line, col, name, block in swallowed_keys(text, missing)}


def _choice(error: ValidationError, path: Path_) -> str:
    """What replaces a placeholder the schema refused: one of a closed set, or words of your own."""
    if error.validator == "enum" and path[-1] == "country":
        return "write the two-letter country code, like GB"
    if error.validator == "enum":
        return f"choose from {', '.join(str(option) for option in cast(list[object], error.validator_value))}"
    if error.validator == "type" and error.validator_value == "boolean":
        return "write true or false"
    return "replace it with your own words"


def _cut_by_comment(entry: Entry) -> list[tuple[Location, str, str]]:
    """Text values that YAML silently cut short at a ' #' (`title: C# for PMs #1` reads 'C# for PMs')."""
    text = entry.source.text if entry.source is not None else None
    if not text or "#" not in text:  # the cheap look first; a tab before the '#' cuts a value too
        return []
    return [(Location(line, col), f"'{name}' ends before ' #', which starts a YAML comment, so it reads "
             f"'{shortened(read, 60)}'; put the whole value in quotes: {quoted}", "comment")
            for line, col, name, read, quoted in comment_cuts(text, TEXT_FIELDS)]


def _placeholder_message(path: Path_, choice: str | None = None) -> str:
    return f"'{dotted(path)}' still holds a placeholder: {choice or 'replace it with your own words'}"


def markup_problem(text: str) -> str | None:
    """Why `text` is not plain text (it holds HTML, an entity or Markdown), or None."""
    if not _MARKUP_CHARS.search(text):
        return None  # every kind of markup needs one of these characters
    if found := _HTML_TAG.search(text):
        return f"contains HTML ({found.group(0)}); write plain text"
    if found := _ENTITY.search(text):
        return f"contains an HTML entity ({found.group(0)}); write the character itself"
    for pattern, what in _MARKDOWN:
        if found := pattern.search(text):
            return f"contains {what} ({found.group(0).strip()}); write plain text"
    if control := first_control(text):  # C1 too: U+009B starts a terminal escape sequence
        return f"contains a control character (U+{ord(control):04X}); remove it"
    return None


def check_unique_ids(entries: Sequence[Entry]) -> Iterator[Problem]:
    first: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in first:
            other = display_path(first[entry.id].path)
            yield Problem(display_path(entry.path), 1, 1,
                          f"id '{entry.id}' is already used by {other}; ids are unique across kinds", "duplicate")
        else:
            first[entry.id] = entry


def check_duplicate_urls(entries: Sequence[Entry]) -> Iterator[Problem]:
    """Two entries for the same page, however their URLs are dressed up."""
    first: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: (e.added or dt.date.max, str(e.path))):
        url = entry.fields.get("url")
        if not isinstance(url, str) or url_problem(url):
            continue
        key = normalise_url(url)
        if key in first:
            other = first[key]
            where = entry.location("url")
            yield Problem(display_path(entry.path), where.line, where.col,
                          f"same page as {display_path(other.path)} ({other.url}); one entry per resource",
                          "duplicate")
        else:
            first[key] = entry


def check_picks(catalog: Catalog) -> Iterator[Problem]:
    shown = display_path(catalog.picks_path)
    segments = catalog.taxonomy.ids("segments")
    by_id = catalog.by_id
    picked_in: dict[tuple[Kind, str], list[str]] = {}  # the segments that pick an entry, in file order

    def at(*path: Any) -> Location:
        return catalog.picks_locations.get(path, Location(1, 1))

    for segment, kinds in catalog.picks.items():
        if segment not in segments:
            where = at(segment)
            yield Problem(shown, where.line, where.col,
                          f"unknown segment '{segment}'{did_you_mean(segment, segments)}; "
                          f"choose from {', '.join(segments)}", "picks")
            continue
        for kind, ids in kinds.items():
            seen: set[str] = set()
            for index, entry_id in enumerate(ids):
                where = at(segment, kind.value, index)
                entry = by_id.get(entry_id)
                if index == MAX_PICKS:
                    yield Problem(shown, where.line, where.col,
                                  f"at most {MAX_PICKS} picks per segment and kind; "
                                  f"{segment}/{kind.value} lists {len(ids)}", "picks")
                if entry_id in seen:
                    yield Problem(shown, where.line, where.col, f"'{entry_id}' is picked twice here", "picks")
                    continue
                seen.add(entry_id)
                if entry is None:
                    same_kind = [e.id for e in catalog.of_kind(kind)]
                    yield Problem(shown, where.line, where.col,
                                  f"no entry with id '{entry_id}'{did_you_mean(entry_id, same_kind)}", "picks")
                elif entry.kind != kind:
                    yield Problem(shown, where.line, where.col,
                                  f"'{entry_id}' is {article(entry.kind.value)}, not {article(kind.value)}; "
                                  f"list it under {entry.kind.value}", "picks")
                elif segment not in entry.segments:
                    yield Problem(shown, where.line, where.col,
                                  f"'{entry_id}' is not tagged with segment '{segment}' "
                                  f"(its segments: {', '.join(entry.segments) or 'none'})", "picks")
                elif not entry.outcomes:
                    yield Problem(shown, where.line, where.col,
                                  f"pick '{entry_id}' says nothing of what it teaches: add 'outcomes:' (one to "
                                  f"three lines) to {display_path(entry.path)}", "picks")
                segments_so_far = picked_in.setdefault((kind, entry_id), [])
                segments_so_far.append(segment)
                if len(segments_so_far) > MAX_SEGMENTS_PER_PICK:
                    yield Problem(shown, where.line, where.col,
                                  f"'{entry_id}' is already {article(kind.value)} pick in "
                                  f"{' and '.join(segments_so_far[:-1])}; a resource is a pick of its kind in at most "
                                  f"{MAX_SEGMENTS_PER_PICK} segments, so that each top five is a choice", "picks")
                yield from _check_why(catalog, shown, (segment, kind, entry_id), at(segment, kind.value, index, "why"),
                                      where)


def _check_why(catalog: Catalog, shown: str, pick: tuple[str, Kind, str], where: Location,
               item: Location) -> Iterator[Problem]:
    """A pick's `why`: present, one line of plain text a reader can take in at a glance."""
    why = catalog.pick_reasons.get(pick)
    entry_id = pick[2]
    if why is None or not why.strip():
        yield Problem(shown, item.line, item.col, f"pick '{entry_id}' needs a 'why': one line on why it is in "
                      "the top five, in your own words", "picks")
    elif len(why) > MAX_WHY:
        yield Problem(shown, where.line, where.col, f"'why' of '{entry_id}' is {len(why)} characters; keep it to "
                      f"{MAX_WHY}", "picks")
    elif reason := markup_problem(why) or bidi_problem(why) or line_break_problem(why):
        yield Problem(shown, where.line, where.col, f"'why' of '{entry_id}' {reason}", "picks")


def check_schema_drift(catalog: Catalog) -> Iterator[Problem]:
    for group, (missing, extra) in entry_schema.drift(catalog.taxonomy).items():
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if extra:
            parts.append(f"still lists {', '.join(extra)}")
        if not parts:
            parts.append("lists them in another order")
        yield Problem(display_path(catalog.taxonomy_path), 1, 1,
                      f"the schema's {group} are out of step with this file ({'; '.join(parts)}); "
                      "run `pmgenome schema --sync`", "schema-drift")
