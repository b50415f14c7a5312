"""How the link checker treats particular hosts (catalog/hosts.yaml): each rule says why, and
may say until when.

```yaml
hosts:
  - host: www.linkedin.com         # one host name, or *.example.com for its subdomains
    reason: answers 999 to every automated client; the pages open in a browser
    accept: [999]                  # statuses that count as working for this host
  - host: api.slow.example
    reason: asks for one request at a time (its 429s said so on 2026-11-02)
    concurrency: 1                 # requests in flight (1 to 16)
    min_interval: 2                # seconds between two requests (0 to 60)
    headers: {Accept-Language: en} # sent with every request to this host
    expires: 2027-05-31            # optional: after this date the rule no longer applies
```

lychee's per-host settings are the model: a few named knobs per host, not a list of regular
expressions. The file's shape (names, ranges, one-line header values) is schema/hosts.schema.json's
to check (through catalog/rulefile); what a schema cannot say is checked here: one rule per host,
header names the client keeps whatever their case, header values in ASCII.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.catalog import rulefile
from pmgenome.catalog.fileschema import FileError, Said, file_schema
from pmgenome.catalog.problems import Problem
from pmgenome.catalog.rulefile import RuleFile, Wording, read_rules, reason_and_expiry
from pmgenome.catalog.yamlload import Location
from pmgenome.net.limits import HostLimits

WORDS = Wording("the hosts file", "host rules", "a host rule", "a mapping with host, reason and settings",
                "say why this host needs it, and when it was last seen to")
_NEEDS_HOST = "a host rule needs 'host': a host name in lower case, like www.example.com or *.example.com"
# Headers the client must set itself: framing, the target, and what would change whose request it is.
RESERVED_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection", "upgrade",
                              "te", "trailer", "proxy-authorization", "cookie", "authorization"})


class HostRules:
    """What the policy changes for a host: nothing, unless a hosts file says otherwise."""

    def limits(self, host: str, default: HostLimits) -> HostLimits:
        return default

    def accepted(self, host: str) -> Collection[int]:
        return ()

    def headers(self, host: str) -> Mapping[str, str]:
        return {}


@dataclass(frozen=True)
class HostRule:
    host: str  # a host name, or *.example.com
    reason: str
    path: str
    location: Location
    concurrency: int | None = None
    min_interval: float | None = None
    accept: frozenset[int] = frozenset()
    headers: Mapping[str, str] | None = None
    expires: dt.date | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.location.line}:{self.location.col}"

    def covers(self, host: str) -> bool:
        if self.host.startswith("*."):
            return host.endswith(self.host[1:])
        return host == self.host


class HostPolicies(HostRules):
    """The rules in force: the most specific rule for a host wins (an exact name over *.)."""

    def __init__(self, rules: tuple[HostRule, ...]) -> None:
        self.rules = tuple(sorted(rules, key=lambda rule: rule.host.startswith("*.")))

    def rule(self, host: str) -> HostRule | None:
        return next((rule for rule in self.rules if rule.covers(host)), None)

    def limits(self, host: str, default: HostLimits) -> HostLimits:
        rule = self.rule(host)
        if rule is None:
            return default
        return HostLimits(rule.concurrency if rule.concurrency is not None else default.in_flight,
                          rule.min_interval if rule.min_interval is not None else default.min_interval,
                          strict=rule.concurrency is not None)

    def accepted(self, host: str) -> Collection[int]:
        rule = self.rule(host)
        return rule.accept if rule else ()

    def headers(self, host: str) -> Mapping[str, str]:
        rule = self.rule(host)
        return dict(rule.headers or {}) if rule else {}


def _headers(rules: RuleFile, index: int, item: dict[str, Any]) -> dict[str, str] | None:
    """The rule's headers; the schema has checked the names' shape and the values' length and
    lines, and what it cannot say is checked here: names the client keeps (in any case), and
    values that are not ASCII."""
    value = item.get("headers")
    if not isinstance(value, dict):
        return None
    found = {}
    for name, text in value.items():
        if not rules.sound("hosts", index, "headers", name):
            continue
        if name.lower() in RESERVED_HEADERS:
            rules.problem(rules.key_at("hosts", index, "headers", name),
                          f"the header {name} cannot be set here: the client sets it, or it would carry "
                          "credentials in a public file")
        elif not text.isascii():
            # http.client would fail on every request to the host; a header carries bytes, not text.
            char = next(c for c in text if not c.isascii())
            tip = "; write the language tag, like ja" if name.lower() == "accept-language" else ""
            rules.problem(rules.at("hosts", index, "headers", name),
                          f"the value of {name} must be ASCII: HTTP sends header values as bytes, and "
                          f"{char!r} (U+{ord(char):04X}) is not one{tip}")
        else:
            found[name] = text
    return found


def load_host_rules(path: Path) -> tuple[tuple[HostRule, ...], list[Problem]]:
    """Read the hosts file (its shape checked by schema/hosts.schema.json); a missing file means
    no rules. Every mistake is a located problem, and a rule with a mistake is left out."""
    rules, items = read_rules(path, "hosts", "hosts", WORDS, _explain)
    found: list[HostRule] = []
    seen: dict[str, str] = {}
    for index, item in items:
        where = rules.at("hosts", index)
        before = len(rules.problems)
        host = item.get("host")
        if isinstance(host, str) and rules.sound("hosts", index, "host"):
            if host in seen:
                rules.problem(rules.at("hosts", index, "host"), f"{host} already has a rule at {seen[host]}")
            else:
                seen[host] = f"line {where.line}"
        headers = _headers(rules, index, item)
        reason, expires = reason_and_expiry(rules, index, item)
        if len(rules.problems) == before and rules.sound("hosts", index):  # the schema held every field's type
            interval = item.get("min_interval")
            found.append(HostRule(item["host"], reason, rules.shown, where, item.get("concurrency"),
                                  None if interval is None else float(interval),  # '1.5': the loader reads no floats
                                  frozenset(item.get("accept", ())), headers, expires))
    return tuple(found), rules.sorted_problems()


def _explain(found: FileError) -> Said | None:
    """A schema error about a host rule's own fields, in the host rules' words."""
    path, keyword = found.path, found.keyword
    if len(path) == 2:
        if keyword == "required":
            return [(found.at(*path), _NEEDS_HOST)] if "host" not in found.value else []
        if keyword == "anyOf":
            settings = [name for option in found.limit for name in option["required"]]
            return [(found.at(*path), f"a host rule changes at least one of {', '.join(settings)}")]
        return None
    if len(path) < 3:
        return None
    name, where = path[2], found.at(*path[:3])
    if name == "host":
        return [(where, _NEEDS_HOST)]
    if name in ("concurrency", "min_interval"):
        low, high = _bounds(name)
        what = "a whole number" if name == "concurrency" else "a number of seconds"
        return [(where, f"{name} must be {what} from {low:g} to {high:g}")]
    if name == "accept":
        return [(where, "accept must be a list of HTTP statuses, like [403, 999]")]
    if name == "headers":
        if len(path) == 4:
            return [(found.at(*path), f"the value of {path[3]} must be one line of text, at most "
                                      f"{_rule_schema()['properties']['headers']['additionalProperties']['maxLength']} "
                                      "characters")]
        if "propertyNames" in found.error.schema_path:
            return [(found.key_at(*found.about), f"not a header name: {found.value!r}")]
        return [(where, "headers must be a mapping of header names to values")]
    return None


def _rule_schema() -> dict[str, Any]:
    schema: dict[str, Any] = file_schema("hosts")["$defs"]["rule"]
    return schema


def _bounds(name: str) -> tuple[float, float]:
    """A number's range, as the schema says it (min_interval's first form is the number)."""
    spec = _rule_schema()["properties"][name]
    spec = spec["anyOf"][0] if "anyOf" in spec else spec
    return spec["minimum"], spec["maximum"]


def expired_problems(rules: tuple[HostRule, ...], today: dt.date) -> list[Problem]:
    return rulefile.expiry_problems(rules, today, lambda rule: f"host rule for {rule.host}",
                                    "it no longer applies: remove it or move its date", "expired-host-rule")


def in_force(rules: tuple[HostRule, ...], today: dt.date) -> HostPolicies:
    return HostPolicies(rulefile.in_force(rules, today))
