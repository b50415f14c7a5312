"""`pmgenome links --format json` and the `--results` file, run for real against loopback servers
and checked against their schemas (links.schema.json, link-status.schema.json): every verdict,
a result reused from the cache, a dead link before and after it is confirmed, an archived copy,
an expired exclusion."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from pmgenome.catalog.schema import output_schema
from pmgenome.links.verdict import Verdict
from pmgenome.site.linkresults import read_link_results

from tests.support.catalogs import CatalogDir
from tests.support.cli import run_json
from tests.support.schemas import output_errors
from tests.support.servers import LocalServer, Reply, Request, html, redirect

NOT_FOUND_TITLE = "<!doctype html><title>Page Not Found | Acme</title><h1>Acme</h1><p>Try the search.</p>"
# One try per URL and a short timeout: the hanging page costs a second, not a minute.
FAST = ("--allow-private", "--timeout", "1", "--attempts", "1", "--outage-window", "0")


def snapshot(request: Request) -> Reply:
    """The Wayback Machine's availability answer: a snapshot of whatever URL was asked about."""
    asked = parse_qs(urlsplit(request.path).query)["url"][0]
    closest = {"available": True, "status": "200", "timestamp": "20200101000000",
               "url": f"http://web.archive.org/web/20200101000000/{asked}"}
    return Reply(200, {"Content-Type": "application/json"}, json.dumps({"archived_snapshots": {"closest": closest}}))


@pytest.fixture
def servers():
    routes = {
        "/ok": html(),
        "/old": redirect("/new", 301),
        "/new": html(),
        "/gone": Reply(404),
        "/removed": html(NOT_FOUND_TITLE),
        "/wall": Reply(403),
        "/members": html(),
        "/hang": Reply(action="hang"),
    }
    with LocalServer("127.0.0.1", routes) as site, \
            LocalServer("127.0.0.1", {"/wayback/available": snapshot}) as archive:
        yield site, archive


def write_catalog(catalog: CatalogDir, site: LocalServer) -> None:
    for name, path in (("fine", "/ok"), ("also-fine", "/ok#part"), ("moved", "/old"), ("dead", "/gone"),
                       ("died-politely", "/removed"), ("walled", "/wall"), ("members", "/members"),
                       ("slow", "/hang")):
        catalog.write(f"articles/{name}.yaml", f"title: {name}\nurl: {site.url(path)}\n")
    catalog.write("exclusions.yaml", f"""\
        exclusions:
          - url: {site.url('/members')}
            reason: members only
          - url: {site.url('/ok')}
            reason: was down for a migration
            expires: 2020-01-31
        """)


def links(archive: LocalServer, *args: str, cwd: Path) -> tuple[int, dict]:
    code, document = run_json("links", *FAST, "--wayback-url", archive.origin, "--cache", "cache.json",
                              "--format", "json", *args, cwd=cwd)
    assert isinstance(document, dict)
    return code, document


def facts(document: dict, origin: str) -> dict[str, tuple]:
    """Each result's path with its verdict, whether it was cached, failures and whether it is confirmed."""
    return {result["url"].removeprefix(origin): (result["verdict"], result["cached"], result["failures"],
                                                 result["confirmed"]) for result in document["results"]}


def by_url(document: dict, url: str) -> dict:
    return next(result for result in document["results"] if result["url"] == url)


def test_the_verdicts_of_two_scheduled_runs_match_the_schema(catalog_dir: CatalogDir, tmp_path: Path,
                                                             servers) -> None:
    site, archive = servers
    write_catalog(catalog_dir, site)
    first_code, first = links(archive, "--results", "status.json", cwd=tmp_path)
    first_file = json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))
    second_code, second = links(archive, "--results", "status.json", "--max-age", "1h", cwd=tmp_path)
    second_file = json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))

    assert (first_code, facts(first, site.origin)) == (0, {
        "/ok": ("ok", False, 0, True), "/old": ("redirected", False, 0, True), "/gone": ("broken", False, 1, False),
        "/removed": ("soft-404", False, 1, False), "/wall": ("blocked", False, 0, True),
        "/members": ("excluded", False, 0, True), "/hang": ("timeout", False, 0, True)})
    assert (second_code, facts(second, site.origin)) == (1, {
        "/ok": ("ok", True, 0, True), "/old": ("redirected", True, 0, True), "/gone": ("broken", False, 2, True),
        "/removed": ("soft-404", False, 2, True), "/wall": ("blocked", False, 0, True),
        "/members": ("excluded", False, 0, True), "/hang": ("timeout", False, 0, True)})
    assert {verdict for verdict, *_ in facts(first, site.origin).values()} == set(Verdict)  # every one of them
    assert (first["summary"]["pending"], second["summary"]["failing"]) == (2, 2)
    assert len(first["expired_exclusions"]) == 1
    assert by_url(second, site.url("/gone"))["archived"] == (
        f"http://web.archive.org/web/20200101000000/{site.url('/gone')}")
    assert [output_errors("links", first), output_errors("links", second)] == [[], []]
    assert [output_errors("link-status", first_file), output_errors("link-status", second_file)] == [[], []]
    assert second_file["results"][site.url("/ok")]["checked_at"] == by_url(first, site.url("/ok"))["checked_at"]
    assert site.hits("/members") == 0
    assert read_link_results(tmp_path / "status.json")[1] is None  # and the site reads it


def test_a_list_of_urls_matches_the_schema_and_keeps_the_other_results(catalog_dir: CatalogDir, tmp_path: Path,
                                                                        servers) -> None:
    site, archive = servers
    catalog_dir.write("articles/fine.yaml", f"title: fine\nurl: {site.url('/ok')}\n")
    assert links(archive, "--results", "status.json", cwd=tmp_path)[0] == 0
    (tmp_path / "urls.txt").write_text(f"{site.url('/gone')}\n{site.url('/old')}\n", encoding="utf-8")
    code, document = links(archive, "--results", "status.json", "--url-file", "urls.txt", cwd=tmp_path)
    written = json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))
    assert (code, facts(document, site.origin)) == (1, {"/gone": ("broken", False, 1, True),
                                                        "/old": ("redirected", False, 0, True)})
    assert [result["entries"] for result in document["results"]] == [[], []]
    assert sorted(written["results"]) == [site.url(path) for path in ("/gone", "/ok", "/old")]
    assert (output_errors("links", document), output_errors("link-status", written)) == ([], [])


def test_the_schemas_name_every_verdict_the_checker_and_the_site_know() -> None:
    links_schema, status_schema = output_schema("links"), output_schema("link-status")
    assert links_schema["$defs"]["verdict"]["enum"] == [verdict.value for verdict in Verdict]
    status_verdicts = status_schema["$defs"]["record"]["properties"]["verdict"]["enum"]
    assert status_verdicts == [verdict.value for verdict in Verdict]
    assert set(links_schema["properties"]["summary"]["required"]) == {*Verdict, "urls", "failing", "pending"}


def test_the_site_reads_the_link_status_example(tmp_path: Path) -> None:
    (example,) = output_schema("link-status")["examples"]
    (tmp_path / "status.json").write_text(json.dumps(example), encoding="utf-8")
    results, problem = read_link_results(tmp_path / "status.json")
    assert problem is None and results is not None
    assert {url: check.verdict.value for url, check in results.results.items()} == {
        url: check["verdict"] for url, check in example["results"].items()}


def test_a_link_result_that_breaks_the_schema_is_caught() -> None:
    (example,) = output_schema("links")["examples"]
    broken = json.loads(json.dumps(example))
    broken["results"][0].update(verdict="gone", failures=-1)
    broken["results"][1].update(cached=True, attempts=1)
    broken["results"][2].update(status=200, excluded_by=None, checked_at="yesterday")
    del broken["summary"]["pending"]
    assert output_errors("links", broken) == [
        "results/0/failures: -1 is less than the minimum of 0",
        "results/0/failures: 0 was expected",  # not dead, so no failures
        "results/0/verdict: 'gone' is not one of ['ok', 'redirected', 'broken', 'soft-404', 'timeout', 'blocked', "
        "'excluded']",
        "results/1/attempts: 0 was expected",  # a cached result was not fetched
        "results/1/requests: 0 was expected",
        "results/2/checked_at: 'yesterday' is not valid under any of the given schemas",
        "results/2/checked_at: 'yesterday' is not of type 'null'",  # an excluded URL is never fetched
        "results/2/excluded_by: None is not of type 'string'",
        "results/2/status: 200 is not of type 'null'",
        "summary: 'pending' is a required property",
    ]
