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
expressions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgenome.catalog.problems import Problem
from pmgenome.catalog.rulefile import (
    RuleFile,
    Wording,
    check_keys,
    read_rules,
    reason_and_expiry,
)
from pmgenome.catalog.yamlload import Location
from pmgenome.net.limits import HostLimits
from pmgenome.text.clean import first_control

SETTINGS = ("concurrency", "min_interval", "accept", "headers")
FIELDS = ("host", "reason", "expires", *SETTINGS)
WORDS = Wording("the hosts file", "host rules", "a host rule", "a mapping with host, reason and settings")
_HOST = re.compile(r"(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_DECIMAL = re.compile(r"[0-9]{1,3}\.[0-9]{1,3}")
_HEADER_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}")
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

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


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


def _number(rules: RuleFile, index: int, item: dict[str, Any], name: str, low: float, high: float,
            whole: bool) -> float | None:
    value = item.get(name)
    if value is None:
        return None
    if not whole and isinstance(value, str) and _DECIMAL.fullmatch(value):
        value = float(value)  # the loader keeps decimals as written
    kind = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind) or not low <= value <= high:
        what = "a whole number" if whole else "a number of seconds"
        rules.problem(rules.at("hosts", index, name), f"{name} must be {what} from {low:g} to {high:g}")
        return None
    return value


def _accept(rules: RuleFile, index: int, item: dict[str, Any]) -> frozenset[int]:
    value = item.get("accept")
    if value is None:
        return frozenset()
    if not isinstance(value, tuple) or not value or not all(
            isinstance(code, int) and not isinstance(code, bool) and 100 <= code <= 999 for code in value):
        rules.problem(rules.at("hosts", index, "accept"), "accept must be a list of HTTP statuses, like [403, 999]")
        return frozenset()
    return frozenset(value)


def _headers(rules: RuleFile, index: int, item: dict[str, Any]) -> dict[str, str] | None:
    value = item.get("headers")
    if value is None:
        return None
    if not isinstance(value, dict) or not value:
        rules.problem(rules.at("hosts", index, "headers"), "headers must be a mapping of header names to values")
        return None
    found = {}
    for name, text in value.items():
        where = rules.key_at("hosts", index, "headers", name)
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            rules.problem(where, f"not a header name: {name!r}")
        elif name.lower() in RESERVED_HEADERS:
            rules.problem(where, f"the header {name} cannot be set here: the client sets it, or it would carry "
                                 "credentials in a public file")
        elif not isinstance(text, str) or first_control(text, allowed="\t") or len(text) > 1000:
            rules.problem(rules.at("hosts", index, "headers", name),
                          f"the value of {name} must be one line of text, at most 1000 characters")
        elif not text.isascii():
            # http.client would fail on every request to the host; a header carries bytes, not text.
            char = next(c for c in text if not c.isascii())
            rules.problem(rules.at("hosts", index, "headers", name),
                          f"the value of {name} must be ASCII: HTTP sends header values as bytes, and "
                          f"{char!r} (U+{ord(char):04X}) is not one; write the language tag, like ja"
                          if name.lower() == "accept-language" else
                          f"the value of {name} must be ASCII: HTTP sends header values as bytes, and "
                          f"{char!r} (U+{ord(char):04X}) is not one")
        else:
            found[name] = text
    return found


def load_host_rules(path: Path) -> tuple[tuple[HostRule, ...], list[Problem]]:
    """Read the hosts file; a missing file means no rules. Every mistake is a located problem,
    and a rule with a mistake is left out."""
    rules, items = read_rules(path, "hosts", "hosts", WORDS)
    found: list[HostRule] = []
    seen: dict[str, str] = {}
    for index, item in items:
        where = rules.at("hosts", index)
        before = len(rules.problems)
        check_keys(rules, "hosts", index, item, FIELDS, WORDS)
        host = item.get("host")
        if not isinstance(host, str) or not _HOST.fullmatch(host):
            rules.problem(rules.at("hosts", index, "host") if "host" in item else where,
                          "a host rule needs 'host': a host name in lower case, like www.example.com or "
                          "*.example.com")
            host = None
        elif host in seen:
            rules.problem(rules.at("hosts", index, "host"), f"{host} already has a rule at {seen[host]}")
        else:
            seen[host] = f"line {where.line}"
        concurrency = _number(rules, index, item, "concurrency", 1, 16, whole=True)
        interval = _number(rules, index, item, "min_interval", 0, 60, whole=False)
        accept, headers = _accept(rules, index, item), _headers(rules, index, item)
        if not any(name in item for name in SETTINGS):
            rules.problem(where, f"a host rule changes at least one of {', '.join(SETTINGS)}")
        reason, expires = reason_and_expiry(rules, "hosts", index, item, WORDS,
                                            "say why this host needs it, and when it was last seen to")
        if len(rules.problems) == before and host is not None and reason is not None:
            found.append(HostRule(host, reason, rules.shown, where, int(concurrency) if concurrency else None,
                                  float(interval) if interval is not None else None, accept, headers, expires))
    return tuple(found), rules.sorted_problems()


def expired_problems(rules: tuple[HostRule, ...], today: dt.date) -> list[Problem]:
    return [
        Problem(r.path, r.location.line, r.location.col,
                f"host rule for {r.host} expired on {r.expires.isoformat()} ({r.reason}); it no longer applies: "
                "remove it or move its date", "expired-host-rule")
        for r in rules if r.expired(today) and r.expires is not None
    ]


def in_force(rules: tuple[HostRule, ...], today: dt.date) -> HostPolicies:
    return HostPolicies(tuple(rule for rule in rules if not rule.expired(today)))
