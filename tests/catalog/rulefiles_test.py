"""The link checker's rule files (exclusions.yaml, hosts.yaml) under their JSON Schemas: a file
full of mistakes gets every one said where it is written, in the words the hand-written checks
used; the rules without a mistake still apply."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from pmgenome.catalog.exclusions import load_exclusions
from pmgenome.catalog.fileschema import file_schema
from pmgenome.catalog.hosts import load_host_rules

from tests.support.catalogs import CatalogDir

EXCLUSIONS = """\
exclusions:
  - url: https://example.org/a
  - url: https://example.org/b
    reason: '  '
  - url: https://example.org/b
    pattern: b
    reason: both
  - reason: neither
  - url:
    reason: an empty url is no url
  - https://example.org/c
  - url: ftp://example.org/f
    reason: old
  - url: 5
    reason: r
  - url: https://exa mple.org/
    reason: r
  - pattern: "("
    reason: r
  - pattern: [a, b]
    reason: r
  - pattern: LONG
    reason: r
  - pattern: (x)\\1
    reason: r
  - url: https://example.org/d
    reason: r
    until: 2027-01-01
  - url: https://example.org/e
    reason: r
    expires: soon
  - url: https://example.org/f
    reason: r
    expires: 2027-02-30
  - url: https://example.org/g
    reason: r
    expires: '2027-01-01'
  - until: x
    expires: 5
  - url: https://example.org/h
    reason: fine
    expires:
""".replace("LONG", "a" * 501)

HOSTS = """\
hosts:
  - host: Example.COM
    reason: upper case
    concurrency: 1
  - host: a.example
    concurrency: 0
    min_interval: fast
    accept: [200, "403"]
  - host: b.example
    reason: headers
    headers: {Cookie: "session=1", X-Fine: "a\\nb", "bad name": x}
  - host: c.example
    reason: nothing to change
    expire: 2027-01-01
  - host: b.example
    reason: twice
    concurrency: 2
  - reason: no host
    concurrency: 1
  - host: "*."
    reason: r
    concurrency: true
  - host: d.example
    reason: r
    concurrency: 1.5
    min_interval: 60.5
  - host: e.example
    reason: r
    min_interval: 0.25
  - host: f.example
    reason: r
    concurrency:
  - host: g.example
    reason: r
    accept: []
    headers: {}
  - host: h.example
    reason: r
    accept: [99, 1000]
    headers: [X-A]
  - host: i.example
    reason: r
    headers: {X-A: 5, X-B: LONG, host: h, X-C: "café", Accept-Language: "français", X-D: "a\\tb"}
  - host: j.example
    reason: '  '
    accept: [999]
    expires: '2027-01-01'
  - a.example
""".replace("LONG", "x" * 1001)

REASON = "an exclusion needs a 'reason': say why the link cannot be checked"
ONE_OF = "an exclusion needs exactly one of 'url' or 'pattern'"
FIELDS = "an exclusion has url, pattern, reason, expires"
DATE = "expires must be a date written as YYYY-MM-DD"
HOST = "a host rule needs 'host': a host name in lower case, like www.example.com or *.example.com"
HOST_REASON = "a host rule needs a 'reason': say why this host needs it, and when it was last seen to"
CONCURRENCY = "concurrency must be a whole number from 1 to 16"
INTERVAL = "min_interval must be a number of seconds from 0 to 60"
ACCEPT = "accept must be a list of HTTP statuses, like [403, 999]"
HEADERS = "headers must be a mapping of header names to values"
RESERVED = "cannot be set here: the client sets it, or it would carry credentials in a public file"
ASCII = "must be ASCII: HTTP sends header values as bytes, and"


def test_every_mistake_in_the_exclusions_is_said_where_it_is_written(catalog_dir: CatalogDir) -> None:
    exclusions, problems = load_exclusions(catalog_dir.write("exclusions.yaml", EXCLUSIONS))
    assert [f"{p.line}:{p.col}: {p.message}" for p in problems] == [
        f"2:5: {REASON}",
        f"4:13: {REASON}",  # was 3:5, the rule, before the schema: now the blank reason itself
        f"5:5: {ONE_OF}",
        f"8:5: {ONE_OF}",
        f"9:5: {ONE_OF}",
        "11:5: each exclusion must be a mapping with url or pattern, and reason",
        "12:10: url: URL must be absolute and start with https:// or http://",
        "14:10: url: url must be a string",
        "16:10: url: URL must not contain spaces; encode them as %20",
        "18:14: pattern is not a valid regular expression: missing ), unterminated subpattern at position 0",
        "20:14: pattern must be a string",
        "22:14: pattern is 501 characters long; the limit is 500",
        "24:14: pattern has a back-reference, which can make one search take minutes; write it without "
        "(for example ^https://(www\\.)?example\\.com/)",
        f"28:5: unknown field 'until'; {FIELDS}",
        f"31:14: {DATE}",
        "34:14: impossible date 2027-02-30 (use a real day, YYYY-MM-DD)",
        f"37:14: {DATE}",  # a date in quotes is text to YAML
        f"38:5: unknown field 'until'; {FIELDS}",
        f"38:5: {ONE_OF}",
        f"38:5: {REASON}",
        f"39:14: {DATE}",
    ]
    assert {p.rule for p in problems} == {"exclusions", "date"}
    assert [e.where for e in exclusions] == ["catalog/exclusions.yaml:40:5"]  # an empty expires is no expiry


def test_every_mistake_in_the_host_rules_is_said_where_it_is_written(catalog_dir: CatalogDir) -> None:
    rules, problems = load_host_rules(catalog_dir.write("hosts.yaml", HOSTS))
    assert [f"{p.line}:{p.col}: {p.message}" for p in problems] == [
        f"2:11: {HOST}",
        f"5:5: {HOST_REASON}",
        f"6:18: {CONCURRENCY}",
        f"7:19: {INTERVAL}",
        f"8:13: {ACCEPT}",
        f"11:15: the header Cookie {RESERVED}",
        "11:44: the value of X-Fine must be one line of text, at most 1000 characters",
        "11:52: not a header name: 'bad name'",
        "12:5: a host rule changes at least one of concurrency, min_interval, accept, headers",
        "14:5: unknown field 'expire'; a host rule has host, reason, expires, concurrency, min_interval, accept, "
        "headers",
        "15:11: b.example already has a rule at line 9",
        f"18:5: {HOST}",
        f"20:11: {HOST}",
        f"22:18: {CONCURRENCY}",
        f"25:18: {CONCURRENCY}",
        f"26:19: {INTERVAL}",
        f"32:17: {CONCURRENCY}",  # an empty setting was once a rule that changed nothing
        f"35:13: {ACCEPT}",
        f"36:14: {HEADERS}",
        f"39:13: {ACCEPT}",
        f"40:14: {HEADERS}",
        "43:20: the value of X-A must be one line of text, at most 1000 characters",
        "43:28: the value of X-B must be one line of text, at most 1000 characters",
        f"43:1031: the header host {RESERVED}",
        f"43:1045: the value of X-C {ASCII} 'é' (U+00E9) is not one",
        f"43:1070: the value of Accept-Language {ASCII} 'ç' (U+00E7) is not one; write the language tag, like ja",
        f"45:13: {HOST_REASON}",  # was 44:5, the rule, before the schema: now the blank reason itself
        f"47:14: {DATE}",
        "48:5: each host rule must be a mapping with host, reason and settings",
    ]
    assert [(rule.host, rule.min_interval, rule.where) for rule in rules] == [
        ("e.example", 0.25, "catalog/hosts.yaml:27:5")]


@pytest.mark.parametrize(("name", "text", "said"), [
    ("exclusions.yaml", "exclusions: []\nhosts: []\n",
     "2:1: the exclusions file must hold one key, 'exclusions', with a list of exclusions"),
    ("exclusions.yaml", "# skipped links\nskip:\n  - url: https://example.org/\n",
     "2:1: the exclusions file must hold one key, 'exclusions', with a list of exclusions"),
    ("exclusions.yaml", "- url: https://example.org/\n  reason: r\n",
     "1:1: the exclusions file must hold one key, 'exclusions', with a list of exclusions"),
    ("exclusions.yaml", "exclusions:\n  url: https://example.org/\n", "2:3: 'exclusions' must be a list"),
    ("hosts.yaml", "rules:\n  - host: a.example\n", "1:1: the hosts file must hold one key, 'hosts', with a list of "
                                                       "host rules"),
    ("hosts.yaml", "hosts: {a.example: 1}\n", "1:8: 'hosts' must be a list"),
])
def test_a_file_of_the_wrong_shape_is_said_once(catalog_dir: CatalogDir, name: str, text: str, said: str) -> None:
    load = load_exclusions if name == "exclusions.yaml" else load_host_rules
    assert [f"{p.line}:{p.col}: {p.message}" for p in load(catalog_dir.write(name, text))[1]] == [said]


def test_a_decimal_interval_reads_as_seconds_and_an_empty_setting_is_refused(catalog_dir: CatalogDir) -> None:
    rules, problems = load_host_rules(catalog_dir.write("hosts.yaml", """\
        hosts:
          - host: a.example
            reason: slow
            min_interval: 60.0
          - host: b.example
            reason: an empty value changes nothing, so it is no setting
            headers:
        """))
    assert [rule.min_interval for rule in rules] == [60.0]
    assert [str(p) for p in problems] == ["catalog/hosts.yaml:7:13: " + HEADERS]


@pytest.mark.parametrize("name", ["exclusions", "hosts"])
def test_the_rule_files_schemas_are_valid_schemas(name: str) -> None:
    Draft202012Validator.check_schema(file_schema(name))


@pytest.mark.parametrize("name", ["exclusions.yaml", "hosts.yaml"])
def test_a_dangling_link_is_refused_not_taken_for_no_file(catalog_dir: CatalogDir, name: str) -> None:
    (catalog_dir.root / name).symlink_to(catalog_dir.root / "nowhere.yaml")
    load = load_exclusions if name == "exclusions.yaml" else load_host_rules
    assert [str(p) for p in load(catalog_dir.root / name)[1]] == [
        f"catalog/{name}:1:1: is a symbolic link; catalog files must be plain files in the repository "
        "(links are not followed)"]


def test_an_empty_pattern_is_refused_as_it_would_exclude_every_link(catalog_dir: CatalogDir) -> None:
    # '' is found in every URL: the one rule would silently switch the link check off.
    exclusions, problems = load_exclusions(catalog_dir.write("exclusions.yaml", """\
        exclusions:
          - pattern: ''
            reason: a slip of the keyboard
        """))
    assert exclusions == () and [str(p) for p in problems] == [
        "catalog/exclusions.yaml:2:14: pattern is empty, which every URL matches; write the part of the URLs to "
        "leave out, or remove the rule"]
