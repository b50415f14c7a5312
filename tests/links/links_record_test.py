"""The one link-result record: the link files and the JSON report write it alike, the reader gives
back what was written, and both version 1 files (the old cache and the old results file) still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pmgenome.catalog.schema import output_schema
from pmgenome.links.record import LinkFile, read_link_file, save_link_file, to_record
from pmgenome.links.report import Report, format_json
from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.net.client import Redirect

from tests.support.schemas import output_errors

MOVED = LinkResult(url="https://a.org/old", verdict=Verdict.REDIRECTED, status=200, error=None,
                   final_url="https://a.org/new", redirects=(Redirect("https://a.org/old", 301, "/new"),),
                   entries=("moved",), attempts=2, suggestion="https://a.org/new", checked_at="2026-11-30T06:00:00Z",
                   requests=3)
GONE = LinkResult(url="https://a.org/gone", verdict=Verdict.BROKEN, status=404, error="HTTP 404 Not Found",
                  final_url="https://a.org/gone", redirects=(), entries=("gone",), attempts=1,
                  archived="http://web.archive.org/web/2020/https://a.org/gone", checked_at="2026-11-30T06:00:00Z",
                  failures=1, confirmed=False, requests=1)
SKIPPED = LinkResult(url="https://a.org/members", verdict=Verdict.EXCLUDED, status=None, error=None, final_url=None,
                     redirects=(), entries=("club",), attempts=0, excluded_by="members only (exclusions.yaml:2:5)")


def test_the_file_gives_back_what_was_written_and_matches_its_schema(tmp_path: Path) -> None:
    results = {r.url: r for r in (MOVED, GONE, SKIPPED)}
    save_link_file(tmp_path / "links.json", results, "2026-11-30T06:00:00Z")
    written = json.loads((tmp_path / "links.json").read_text(encoding="utf-8"))
    assert output_errors("link-status", written) == []
    assert written["results"]["https://a.org/members"] == {
        "verdict": "excluded", "checked_at": None, "status": None, "error": None,
        "excluded_by": "members only (exclusions.yaml:2:5)", "final_url": None, "redirects": [], "suggestion": None,
        "archived": None, "failures": 0, "confirmed": True, "entries": ["club"]}
    found = read_link_file(tmp_path / "links.json")
    # What only a run knows (attempts, requests, cached) is not a record's.
    assert found == LinkFile("2026-11-30T06:00:00Z", {
        url: LinkResult(**{**result.__dict__, "attempts": 0, "requests": 0}) for url, result in results.items()})


def test_the_json_report_writes_the_same_record_with_the_runs_counts() -> None:
    document = json.loads(format_json(Report((MOVED, GONE, SKIPPED))))
    assert output_errors("links", document) == []
    assert [(r.pop("url"), r.pop("attempts"), r.pop("requests"), r.pop("cached")) for r in document["results"]] == [
        ("https://a.org/old", 2, 3, False), ("https://a.org/gone", 1, 1, False), ("https://a.org/members", 0, 0, False)]
    assert document["results"] == [to_record(MOVED), to_record(GONE), to_record(SKIPPED)]


def test_a_url_field_that_is_not_a_web_url_is_written_as_null() -> None:
    odd = LinkResult(**{**MOVED.__dict__, "final_url": "ftp://a.org/new", "suggestion": "javascript:alert(1)"})
    assert (to_record(odd)["final_url"], to_record(odd)["suggestion"]) == (None, None)


def test_a_version_1_results_file_reads_with_its_detail_and_its_count(tmp_path: Path) -> None:
    old = {"version": 1, "checked_at": "2026-11-23T06:00:00Z", "results": {
        "https://a.org/gone": {"verdict": "broken", "checked_at": "2026-11-23T06:00:00Z", "status": 404,
                               "final_url": None, "archived": None, "confirmed": False, "entries": ["gone"],
                               "detail": "HTTP 404 Not Found", "suggestion": None},
        "https://a.org/dead": {"verdict": "soft-404", "checked_at": "2026-11-23T06:00:00Z", "status": 200,
                               "final_url": None, "archived": None, "confirmed": True, "entries": ["dead"],
                               "detail": "soft 404: the title says not found", "suggestion": None},
        "https://a.org/members": {"verdict": "excluded", "checked_at": None, "status": None, "final_url": None,
                                  "archived": None, "confirmed": True, "entries": ["club"],
                                  "detail": "members only (exclusions.yaml:2:5)", "suggestion": None}}}
    (tmp_path / "link-status.json").write_text(json.dumps(old), encoding="utf-8")
    found = read_link_file(tmp_path / "link-status.json")
    assert isinstance(found, LinkFile) and found.damaged == ()
    gone, dead, members = (found.results[f"https://a.org/{name}"] for name in ("gone", "dead", "members"))
    assert (gone.error, gone.failures, gone.confirmed, gone.excluded_by) == ("HTTP 404 Not Found", 1, False, None)
    assert (dead.error, dead.failures, dead.confirmed) == ("soft 404: the title says not found", 2, True)
    assert (members.error, members.excluded_by, members.failures) == (None, "members only (exclusions.yaml:2:5)", 0)


def test_a_version_1_cache_reads_with_its_redirects_and_failures(tmp_path: Path) -> None:
    old = {"version": 1, "results": {
        "https://a.org/old": {"checked_at": "2026-11-23T06:00:00Z", "verdict": "redirected", "status": 200,
                              "error": None, "final_url": "https://a.org/new",
                              "redirects": [{"url": "https://a.org/old", "status": 301, "location": "/new"}],
                              "suggestion": "https://a.org/new", "archived": None, "failures": 0},
        "https://a.org/gone": {"checked_at": "2026-11-23T06:00:00Z", "verdict": "broken", "status": 404,
                               "error": "HTTP 404 Not Found", "final_url": "https://a.org/gone", "redirects": [],
                               "suggestion": None, "archived": None, "failures": 3}}}
    (tmp_path / "links.json").write_text(json.dumps(old), encoding="utf-8")
    found = read_link_file(tmp_path / "links.json")
    assert isinstance(found, LinkFile) and found.checked_at is None and found.damaged == ()
    assert found.results["https://a.org/old"].redirects == (Redirect("https://a.org/old", 301, "/new"),)
    assert (found.results["https://a.org/gone"].failures, found.results["https://a.org/gone"].entries) == (3, ())


@pytest.mark.parametrize(("record", "message"), [
    ({"verdict": "ok", "confirmed": "yes"}, "'confirmed' of https://a.org/x must be true or false, not \"yes\""),
    ({"verdict": "broken", "failures": -1}, "'failures' of https://a.org/x must be a whole number from 0 to 10,000, "
                                            "not -1"),
    ({"verdict": "ok", "entries": "x"}, "'entries' of https://a.org/x must be a list of entry ids, not \"x\""),
    ({"verdict": "ok", "error": 404}, "'error' of https://a.org/x must be text or null, not 404"),
])
def test_a_damaged_record_is_set_apart_where_it_is(tmp_path: Path, record: dict, message: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    document = {"version": 2, "checked_at": "2026-11-30T06:00:00Z", "results": {"https://a.org/x": record}}
    Path("links.json").write_text(json.dumps(document, indent=1), encoding="utf-8")
    found = read_link_file(Path("links.json"))
    assert isinstance(found, LinkFile) and found.results == {}
    assert [str(problem) for problem in found.damaged] == [f"links.json:7:4: {message}"]


def test_the_schema_example_reads() -> None:
    (example,) = output_schema("link-status")["examples"]
    assert output_errors("link-status", example) == []


def test_the_reports_result_is_the_record_with_the_runs_counts_in_both_schemas() -> None:
    record = output_schema("link-status")["$defs"]["record"]
    result = output_schema("links")["$defs"]["result"]
    run_only = {"url", "attempts", "requests", "cached"}
    assert set(result["required"]) == set(record["required"]) | run_only
    assert set(result["properties"]) == set(record["properties"]) | run_only
