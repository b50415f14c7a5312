"""Reading a catalog file of rules (exclusions.yaml, hosts.yaml): one key holding a list of
mappings, each with a mandatory reason and an optional expiry. Every mistake is a located
problem; a rule with a mistake is left out, and the others still apply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmgenome.catalog.files import read_yaml
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Document, Location
from pmgenome.text.paths import display_path


@dataclass
class RuleFile:
    """One rules file being read: where things are, and what is wrong so far."""

    shown: str
    document: Document | None
    rule: str  # the problems' rule name
    problems: list[Problem] = field(default_factory=list)

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

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=lambda item: (item.line, item.col))


@dataclass(frozen=True)
class Wording:
    """How a kind of rule is named in messages."""

    file: str  # "the exclusions file"
    plural: str  # "exclusions"
    one: str  # "an exclusion"
    mapping: str  # what one rule must be: "a mapping with url or pattern, and reason"


def read_rules(path: Path, key: str, rule: str, words: Wording) -> tuple[RuleFile, list[tuple[int, dict[str, Any]]]]:
    """The file's rules as (index, mapping); a missing file holds none."""
    path = Path(path)
    shown = display_path(path)
    if not path.exists():
        return RuleFile(shown, None, rule), []
    document, problems = read_yaml(path)
    rules = RuleFile(shown, document, rule, [Problem(p.path, p.line, p.col, p.message, p.rule) for p in problems])
    if document is None:
        return rules, []
    data = document.value
    if not isinstance(data, dict) or set(data) != {key}:
        rules.problem(rules.at(), f"{words.file} must hold one key, '{key}', with a list of {words.plural}")
        return rules, []
    items = data[key]
    if items is None:
        return rules, []
    if not isinstance(items, tuple):
        rules.problem(rules.at(key), f"'{key}' must be a list")
        return rules, []
    found = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            rules.problem(rules.at(key, index), f"each {words.one.split(' ', 1)[1]} must be {words.mapping}")
            continue
        found.append((index, item))
    return rules, found


def check_keys(rules: RuleFile, key: str, index: int, item: dict[str, Any], fields: tuple[str, ...],
               words: Wording) -> None:
    for name in item:
        if name not in fields:
            rules.problem(rules.key_at(key, index, name),
                          f"unknown field '{name}'; {words.one} has {', '.join(fields)}")


def reason_and_expiry(rules: RuleFile, key: str, index: int, item: dict[str, Any], words: Wording,
                      why: str) -> tuple[str | None, dt.date | None]:
    """The rule's reason (mandatory; `why` says what it should explain) and expiry (optional)."""
    reason, expires = item.get("reason"), item.get("expires")
    if not isinstance(reason, str) or not reason.strip():
        rules.problem(rules.at(key, index), f"{words.one} needs a 'reason': {why}")
        reason = None
    if expires is not None and not isinstance(expires, dt.date):
        rules.problem(rules.at(key, index, "expires"), "expires must be a date written as YYYY-MM-DD")
        expires = None
    return (reason.strip() if isinstance(reason, str) else None), expires


