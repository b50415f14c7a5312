"""Links the checker skips (catalog/exclusions.yaml): each says why, and may say until when.

```yaml
exclusions:
  - url: https://www.example.com/members-only
    reason: needs a login; checked by hand on 2026-11-26
    expires: 2027-05-31          # optional: after this date the link is checked again
  - pattern: ^https://(www\\.)?linkedin\\.com/   # a regular expression, searched in the URL
    reason: LinkedIn answers 999 to every automated client
```
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.catalog.files import display_path, read_yaml
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.yamlload import Location
from pmgenome.urls import url_problem

EXCLUSIONS_FILE = "exclusions.yaml"
FIELDS = ("url", "pattern", "reason", "expires")


@dataclass(frozen=True)
class Exclusion:
    reason: str
    path: str
    location: Location
    url: str | None = None
    pattern: re.Pattern[str] | None = None
    expires: dt.date | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.location.line}:{self.location.col}"

    def matches(self, url: str) -> bool:
        if self.url is not None:
            return url == self.url
        return self.pattern is not None and self.pattern.search(url) is not None

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


def load_exclusions(path: Path) -> tuple[tuple[Exclusion, ...], list[Problem]]:
    """Read the exclusions file; a missing file means no exclusions. Every mistake is a located
    problem, and an entry with a mistake is left out."""
    path = Path(path)
    if not path.exists():
        return (), []
    document, problems = read_yaml(path)
    if document is None:
        return (), problems
    shown = display_path(path)

    def at(*where: Any) -> Location:
        return document.values.get(where) or document.keys.get(where) or Location(1, 1)

    def problem(where: Location, message: str) -> None:
        problems.append(Problem(shown, where.line, where.col, message, "exclusions"))

    data = document.value
    if not isinstance(data, dict) or set(data) != {"exclusions"}:
        problem(at(), "the exclusions file must hold one key, 'exclusions', with a list of exclusions")
        return (), problems
    items = data["exclusions"]
    if items is None:
        return (), problems
    if not isinstance(items, tuple):
        problem(at("exclusions"), "'exclusions' must be a list")
        return (), problems
    found: list[Exclusion] = []
    for index, item in enumerate(items):
        where = at("exclusions", index)
        if not isinstance(item, dict):
            problem(where, "each exclusion must be a mapping with url or pattern, and reason")
            continue
        before = len(problems)
        for key in item:
            if key not in FIELDS:
                problem(document.keys.get(("exclusions", index, key), where),
                        f"unknown field '{key}'; an exclusion has {', '.join(FIELDS)}")
        url, pattern, reason, expires = (item.get(name) for name in FIELDS)
        compiled = None
        if (url is None) == (pattern is None):
            problem(where, "an exclusion needs exactly one of 'url' or 'pattern'")
        elif url is not None and (not isinstance(url, str) or url_problem(url)):
            detail = url_problem(url) if isinstance(url, str) else "url must be a string"
            problem(at("exclusions", index, "url"), f"url: {detail}")
        elif pattern is not None:
            try:
                compiled = re.compile(pattern) if isinstance(pattern, str) else None
            except re.error as error:
                problem(at("exclusions", index, "pattern"), f"pattern is not a valid regular expression: {error}")
            else:
                if compiled is None:
                    problem(at("exclusions", index, "pattern"), "pattern must be a string")
        if not isinstance(reason, str) or not reason.strip():
            problem(where, "an exclusion needs a 'reason': say why the link cannot be checked")
        if expires is not None and not isinstance(expires, dt.date):
            problem(at("exclusions", index, "expires"), "expires must be a date written as YYYY-MM-DD")
        if len(problems) == before:
            found.append(Exclusion(reason.strip(), shown, where, url, compiled, expires))
    problems.sort(key=lambda item: (item.line, item.col))
    return tuple(found), problems


def expired_problems(exclusions: tuple[Exclusion, ...], today: dt.date) -> list[Problem]:
    """An expired exclusion no longer applies; say so where it is written."""
    return [
        Problem(e.path, e.location.line, e.location.col,
                f"exclusion expired on {e.expires.isoformat()} ({e.reason}); the link is checked again: "
                "remove the exclusion or move its date", "expired-exclusion")
        for e in exclusions if e.expired(today) and e.expires is not None
    ]


def active(exclusions: tuple[Exclusion, ...], today: dt.date) -> tuple[Exclusion, ...]:
    return tuple(e for e in exclusions if not e.expired(today))


def matching(exclusions: tuple[Exclusion, ...], url: str) -> Exclusion | None:
    return next((e for e in exclusions if e.matches(url)), None)
