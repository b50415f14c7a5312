"""Per-host rules (catalog/hosts.yaml): validated like every catalog file, and applied."""

from __future__ import annotations

import datetime as dt

from pmgenome.catalog.hosts import expired_problems, in_force, load_host_rules
from pmgenome.catalog.validate import validate_catalog
from pmgenome.links.check import CheckOptions, check_urls
from pmgenome.links.verdict import Verdict
from pmgenome.net.client import Client, ClientConfig
from pmgenome.net.limits import HostLimits

from tests.support.catalogs import CatalogDir
from tests.support.servers import LocalServer, Reply, loopback_names

CONFIG = ClientConfig(connect_timeout=1.0, read_timeout=1.0, total_timeout=2.0, allow_private=True)

GOOD = """\
hosts:
  - host: www.linkedin.com
    reason: answers 999 to every automated client; the pages open in a browser
    accept: [999]
  - host: "*.slow.example"
    reason: its 429s asked for one request at a time (2026-11-02)
    concurrency: 1
    min_interval: 1.5
    headers: {Accept-Language: en}
    expires: 2027-05-31
"""


def test_a_missing_file_means_no_rules(catalog_dir: CatalogDir) -> None:
    assert load_host_rules(catalog_dir.root / "hosts.yaml") == ((), [])


def test_rules_are_read_and_the_most_specific_applies(catalog_dir: CatalogDir) -> None:
    rules, problems = load_host_rules(catalog_dir.write("hosts.yaml", GOOD))
    assert problems == []
    linkedin, slow = rules
    assert (linkedin.host, linkedin.accept, linkedin.where) == ("www.linkedin.com", frozenset({999}),
                                                                "catalog/hosts.yaml:2:5")
    policies = in_force(rules, dt.date(2027, 5, 31))
    default = HostLimits(4, 0.0)
    assert policies.limits("api.slow.example", default) == HostLimits(1, 1.5, strict=True)  # its own limit holds while it hangs
    assert policies.limits("slow.example", default) == default  # *. covers subdomains only
    assert policies.headers("api.slow.example") == {"Accept-Language": "en"}
    assert (policies.accepted("www.linkedin.com"), policies.accepted("linkedin.com")) == (frozenset({999}), ())
    assert in_force(rules, dt.date(2027, 6, 1)).limits("api.slow.example", default) == default
    assert [str(p) for p in expired_problems(rules, dt.date(2027, 6, 1))] == [
        "catalog/hosts.yaml:5:5: host rule for *.slow.example expired on 2027-05-31 (its 429s asked for one "
        "request at a time (2026-11-02)); it no longer applies: remove it or move its date"]


def test_validate_checks_the_hosts_file(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("hosts.yaml", "hosts:\n  - host: a.example\n    concurrency: 2\n")
    _, problems = validate_catalog(catalog_dir.root)
    assert [str(p) for p in problems] == [
        "catalog/hosts.yaml:2:5: a host rule needs a 'reason': say why this host needs it, and when it was last "
        "seen to"]


def test_rules_are_applied_to_requests(catalog_dir: CatalogDir) -> None:
    with LocalServer("h61.test", {"/walled": Reply(999), "/403": Reply(403)},
                     default=Reply(200, {"Content-Type": "text/html"}, b"ok", delay=0.05)) as server:
        catalog_dir.write("hosts.yaml", f"""\
            hosts:
              - host: {server.host}
                reason: a test host that answers 999 to robots
                accept: [999]
                concurrency: 1
                headers: {{X-Checked-By: pmgenome}}
            """)
        rules, problems = load_host_rules(catalog_dir.root / "hosts.yaml")
        assert problems == []
        options = CheckOptions.from_client(CONFIG, rules=in_force(rules, dt.date(2026, 11, 30)),
                                           host_limits=HostLimits(4))
        targets = {server.url("/walled"): (), server.url("/403"): (), **{server.url(f"/{n}"): () for n in range(4)}}
        with Client(CONFIG, resolver=loopback_names) as client:
            results = check_urls(client, targets, options=options)
        assert [r.verdict for r in results] == [Verdict.OK, Verdict.BLOCKED] + [Verdict.OK] * 4
        assert server.max_in_flight == 1
        assert {r.headers.get("X-Checked-By") for r in server.requests} == {"pmgenome"}


def test_a_header_value_http_cannot_carry_is_located(catalog_dir: CatalogDir) -> None:
    # Issue 18, case 7: it passed validate, then every URL on the host was 'broken' with a codec error.
    catalog_dir.write("hosts.yaml", """\
        hosts:
          - host: news.example.jp
            reason: answers in Japanese only when asked
            headers: {Accept-Language: "日本語, en;q=0.5"}
        """)
    _, problems = validate_catalog(catalog_dir.root)
    assert [str(p) for p in problems] == [
        "catalog/hosts.yaml:4:32: the value of Accept-Language must be ASCII: HTTP sends header values as bytes, "
        "and '日' (U+65E5) is not one; write the language tag, like ja"]
