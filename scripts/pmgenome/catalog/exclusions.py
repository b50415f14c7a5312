"""Links the checker skips (catalog/exclusions.yaml): each says why, and may say until when.

```yaml
exclusions:
  - url: https://www.example.com/members-only
    reason: needs a login; checked by hand on 2026-11-26
    expires: 2027-05-31          # optional: after this date the link is checked again
  - pattern: ^https://(www\\.)?linkedin\\.com/   # a regular expression, searched in the URL
    reason: LinkedIn answers 999 to every automated client
```

The file's shape is schema/exclusions.schema.json's to check (through catalog/rulefile); what a
schema cannot say is checked here: a url the catalog would accept, a pattern that compiles.

A pattern is a stranger's regular expression run against every URL, so it is bounded twice:
validation refuses the shapes that backtrack without end (a repeated group that can match in
more than one way, back-references), and each search is cut off after MATCH_SECONDS.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

# The standard library's parser (re._parser since Python 3.11), used only to look at a pattern's shape.
from re import _parser as _sre_parse  # type: ignore[attr-defined]

import regex

from pmgenome.catalog import rulefile
from pmgenome.catalog.fileschema import FileError, Said
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.rulefile import Wording, read_rules, reason_and_expiry
from pmgenome.catalog.yamlload import Location
from pmgenome.urls import url_problem

MATCH_SECONDS = 0.1
WORDS = Wording("the exclusions file", "exclusions", "an exclusion", "a mapping with url or pattern, and reason",
                "say why the link cannot be checked")


@dataclass(frozen=True)
class Exclusion:
    reason: str
    path: str
    location: Location
    url: str | None = None
    pattern: regex.Pattern[str] | None = None
    expires: dt.date | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.location.line}:{self.location.col}"

    def matches(self, url: str) -> bool:
        """Whether this exclusion covers `url`; raises TimeoutError when its pattern takes too long."""
        if self.url is not None:
            return url == self.url
        return self.pattern is not None and self.pattern.search(url, timeout=MATCH_SECONDS) is not None


_REPEATS = {_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT, getattr(_sre_parse, "POSSESSIVE_REPEAT", None)}


def _ambiguous(items: object, inside_repeat: bool) -> str | None:
    """The first construct that can make a search backtrack without end, or None."""
    for op, value in items:  # type: ignore[attr-defined]
        if op in (_sre_parse.GROUPREF, _sre_parse.GROUPREF_EXISTS):
            return "a back-reference"
        if op in _REPEATS:
            low, high, body = value
            many = high is _sre_parse.MAXREPEAT or high > 1
            if inside_repeat and many:
                return "a repetition inside a repeated group"
            found = _ambiguous(body, inside_repeat or many)
            if found:
                return found
        elif op is _sre_parse.SUBPATTERN:
            found = _ambiguous(value[-1], inside_repeat)
            if found:
                return found
        elif op is _sre_parse.BRANCH:
            if inside_repeat:
                return "alternatives inside a repeated group"
            for branch in value[1]:
                found = _ambiguous(branch, inside_repeat)
                if found:
                    return found
        elif op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            found = _ambiguous(value[1], inside_repeat)
            if found:
                return found
    return None


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be an exclusion pattern, or None (its length is the schema's to say)."""
    try:
        parsed = _sre_parse.parse(pattern)
        regex.compile(pattern)
    except (re.error, regex.error, RecursionError, OverflowError) as error:
        return f"pattern is not a valid regular expression: {error}"
    risky = _ambiguous(parsed, False)
    if risky:
        return (f"pattern has {risky}, which can make one search take minutes; write it without "
                "(for example ^https://(www\\.)?example\\.com/)")
    return None


def load_exclusions(path: Path) -> tuple[tuple[Exclusion, ...], list[Problem]]:
    """Read the exclusions file (its shape checked by schema/exclusions.schema.json); a missing
    file means no exclusions. Every mistake is a located problem, and an entry with a mistake is
    left out."""
    rules, items = read_rules(path, "exclusions", "exclusions", WORDS, _explain)
    found: list[Exclusion] = []
    for index, item in items:
        before = len(rules.problems)
        url, pattern, compiled = item.get("url"), item.get("pattern"), None
        if isinstance(url, str) and rules.sound("exclusions", index, "url") and url_problem(url):
            rules.problem(rules.at("exclusions", index, "url"), f"url: {url_problem(url)}")
        if isinstance(pattern, str) and rules.sound("exclusions", index, "pattern"):
            problem = pattern_problem(pattern)
            if problem:
                rules.problem(rules.at("exclusions", index, "pattern"), problem)
            else:
                compiled = regex.compile(pattern)
        reason, expires = reason_and_expiry(rules, index, item)
        if len(rules.problems) == before and rules.sound("exclusions", index):
            found.append(Exclusion(reason, rules.shown, rules.at("exclusions", index), url, compiled, expires))
    return tuple(found), rules.sorted_problems()


def _explain(found: FileError) -> Said | None:
    """A schema error about an exclusion's url or pattern, in the exclusions' words."""
    path = found.path
    if len(path) == 2 and found.keyword == "oneOf":
        # Said when both or neither are written (an empty value counts as not written); a url or
        # pattern of the wrong type, or a rule that is not a mapping, has a message of its own.
        item = found.value
        if not isinstance(item, dict) or (item.get("url") is None) != (item.get("pattern") is None):
            return []
        return [(found.at(*path), "an exclusion needs exactly one of 'url' or 'pattern'")]
    if len(path) == 3 and path[2] in ("url", "pattern"):
        if found.keyword == "maxLength":
            return [(found.at(*path), f"pattern is {len(found.value)} characters long; the limit is {found.limit}")]
        if found.keyword == "minLength":  # '' is found in every URL: it would exclude the whole catalog
            return [(found.at(*path), "pattern is empty, which every URL matches; write the part of the URLs "
                     "to leave out, or remove the rule")]
        return [(found.at(*path), "url: url must be a string" if path[2] == "url" else "pattern must be a string")]
    return None


def expired_problems(exclusions: tuple[Exclusion, ...], today: dt.date) -> list[Problem]:
    """An expired exclusion no longer applies; say so where it is written."""
    return rulefile.expiry_problems(exclusions, today, lambda _: "exclusion",
                                    "the link is checked again: remove the exclusion or move its date",
                                    "expired-exclusion")


def active(exclusions: tuple[Exclusion, ...], today: dt.date) -> tuple[Exclusion, ...]:
    return rulefile.in_force(exclusions, today)


def matching(exclusions: tuple[Exclusion, ...], url: str, slow: set[str] | None = None) -> Exclusion | None:
    """The first exclusion that covers `url`. A pattern that runs out of time is skipped, and
    its place added to `slow`, so it is tried on no other URL."""
    for exclusion in exclusions:
        if slow is not None and exclusion.where in slow:
            continue
        try:
            if exclusion.matches(url):
                return exclusion
        except TimeoutError:
            if slow is not None:
                slow.add(exclusion.where)
    return None
