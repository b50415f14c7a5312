"""Reading a catalog file of rules (exclusions.yaml, hosts.yaml): one key holding a list of
mappings, each with a mandatory reason and an optional expiry. The shape is checked by the
file's JSON Schema (schema/<key>.schema.json); each file's loader checks what a schema cannot
say. Every mistake is a located problem; a rule with a mistake is left out, and the others
still apply."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pmgenome.catalog.files import read_yaml
from pmgenome.catalog.fileschema import FileError, Said, file_schema, said, schema_errors
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Document, Location, Path_
from pmgenome.text.paths import display_path

DATE_MESSAGE = "expires must be a date written as YYYY-MM-DD"


@dataclass(frozen=True)
class Wording:
    """How a kind of rule is named in messages."""

    file: str  # "the exclusions file"
    plural: str  # "exclusions"
    one: str  # "an exclusion"
    mapping: str  # what one rule must be: "a mapping with url or pattern, and reason"
    why: str  # what its reason explains: "say why the link cannot be checked"


@dataclass
class RuleFile:
    """One rules file being read: where things are, what is wrong so far, and which parts the
    schema found at fault (a loader's own checks leave those alone: they have been said)."""

    shown: str
    document: Document | None
    rule: str  # the problems' rule name
    key: str  # the file's one key, which is also its schema's name
    problems: list[Problem] = field(default_factory=list)
    faulty: frozenset[Path_] = frozenset()  # each part at fault, and every part holding one

    def at(self, *where: Any) -> Location:
        if self.document is None:
            return Location(1, 1)
        return self.document.values.get(where) or self.document.keys.get(where) or Location(1, 1)

    def key_at(self, *where: Any) -> Location:
        if self.document is None:
            return Location(1, 1)
        return self.document.keys.get(where) or self.at(*where)

    def problem(self, where: Location, message: str) -> None:
        self.problems.append(Problem(self.shown, where.line, where.col, message, self.rule))

    def sound(self, *where: Any) -> bool:
        """Whether the schema (or the loader) found nothing wrong at or inside the part at `where`."""
        return where not in self.faulty

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=lambda item: (item.line, item.col))


def rule_fields(key: str) -> tuple[str, ...]:
    """The fields a rule may have, in the order its schema lists them."""
    rule = file_schema(key)["properties"][key]["items"]["$ref"].rsplit("/", 1)[1]
    return tuple(file_schema(key)["$defs"][rule]["properties"])


def read_rules(path: Path, key: str, rule: str, words: Wording,
               explain: Callable[[FileError], Said | None]) -> tuple[RuleFile, list[tuple[int, dict[str, Any]]]]:
    """The file's rules as (index, mapping), checked against its schema; a missing file holds
    none. `explain` says a schema error about one rule's own fields in the file's words (None
    for the words every rules file shares)."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_symlink() and not path.exists():  # a link is refused by read_yaml, dangling or not
        return RuleFile(shown, None, rule, key), []
    document, problems = read_yaml(path)
    rules = RuleFile(shown, document, rule, key, list(problems))
    if document is None:
        return rules, []
    errors = schema_errors(document, key)
    # A value the loader could not read (an impossible date) is None to the schema: its rule is
    # at fault all the same.
    unread = {(problem.line, problem.col) for problem in problems}
    at_fault = [error.about for error in errors] + [
        path for path, where in document.values.items() if path[:1] == (key,) and where in unread]
    rules.faulty = frozenset(path[:end] for path in at_fault for end in range(len(path) + 1))
    rules.problems += said(errors, lambda error: _words(error, explain, key, words), shown, rule)
    items = document.value.get(key) if isinstance(document.value, dict) else None
    if not isinstance(items, tuple) or any(len(error.path) < 2 for error in errors):
        return rules, []
    return rules, [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _words(found: FileError, explain: Callable[[FileError], Said | None], key: str, words: Wording) -> Said | None:
    """The file's own words for an error, else the shared ones; a rule missing several fields
    hears of each (the file's words for its own fields, the shared ones for the reason)."""
    own = explain(found)
    if found.keyword == "required" and len(found.path) == 2:
        return (own or []) + (_explain(found, key, words) or [])
    return own if own is not None else _explain(found, key, words)


def _explain(found: FileError, key: str, words: Wording) -> Said | None:
    """A schema error in the words every rules file shares (None: fileschema's generic words)."""
    path, keyword = found.path, found.keyword
    whole = f"{words.file} must hold one key, '{key}', with a list of {words.plural}"
    if not path:
        if keyword == "additionalProperties" and isinstance(found.value, dict):
            return [(found.key_at(name), whole) for name in found.unexpected()]
        return [(found.at(), whole)]
    if len(path) == 1:
        return [(found.at(*path), f"'{key}' must be a list")]
    item = found.document.value[key][path[1]]
    if len(path) == 2:
        if keyword == "type":
            return [(found.at(*path), f"each {words.one.split(' ', 1)[1]} must be {words.mapping}")]
        if keyword == "additionalProperties":
            known = ", ".join(rule_fields(key))
            return [(found.key_at(*path, name), f"unknown field '{name}'; {words.one} has {known}")
                    for name in found.unexpected()]
        if keyword == "required":
            missing = "reason" not in item  # the file's own words name the other fields
            return [(found.at(*path), f"{words.one} needs a 'reason': {words.why}")] if missing else []
        return None
    if path[2] == "reason":
        return [(found.at(*path[:3]), f"{words.one} needs a 'reason': {words.why}")]
    if path[2] == "expires":
        return [(found.at(*path[:3]), DATE_MESSAGE)]
    return None


def reason_and_expiry(rules: RuleFile, index: int, item: dict[str, Any]) -> tuple[str, dt.date | None]:
    """The rule's reason, trimmed, and its expiry. The schema has checked both as JSON, where a
    date is text: a date in quotes, which YAML reads as text, is refused here."""
    expires = item.get("expires")
    if isinstance(expires, str) and rules.sound(rules.key, index, "expires"):
        rules.problem(rules.at(rules.key, index, "expires"), DATE_MESSAGE)
    reason = item.get("reason")
    return (reason.strip() if isinstance(reason, str) else ""), (expires if isinstance(expires, dt.date) else None)


class Dated(Protocol):
    """What every rule of a rules file carries: where it is written, why, and until when."""

    @property
    def reason(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def location(self) -> Location: ...
    @property
    def expires(self) -> dt.date | None: ...


D = TypeVar("D", bound=Dated)


def expired(rule: Dated, today: dt.date) -> bool:
    """Whether the rule's date has passed: it applies on its expiry day, not after."""
    return rule.expires is not None and rule.expires < today


def in_force(rules: Iterable[D], today: dt.date) -> tuple[D, ...]:
    return tuple(rule for rule in rules if not expired(rule, today))


def expiry_problems(rules: Iterable[D], today: dt.date, name: Callable[[D], str], then: str,
                    code: str) -> list[Problem]:
    """A rule past its date no longer applies: one problem where each such rule is written,
    naming it, its date and reason, and `then` (what follows, and what to do)."""
    return [Problem(rule.path, rule.location.line, rule.location.col,
                    f"{name(rule)} expired on {rule.expires.isoformat()} ({rule.reason}); {then}", code)
            for rule in rules if expired(rule, today) and rule.expires is not None]
