"""Reading the link check's results file: the fixture as typed values, a tolerant reading of what
a newer writer may add, and every kind of damage refused with a located, whole message."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pmgenome.links.record import MAX_BYTES
from pmgenome.links.verdict import Verdict
from pmgenome.site.linkresults import LinkCheck, LinkResults, read_link_results

from tests.support.sitebuild import LINK_RESULTS

UTC = dt.timezone.utc


def test_the_fixture_reads_as_typed_checks() -> None:
    results, problem = read_link_results(LINK_RESULTS)
    assert problem is None
    assert results.checked_at == dt.datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
    assert len(results.results) == 9
    assert results.results["https://fixture.example.com/articles/tie-alpha"] == LinkCheck(
        "https://fixture.example.com/articles/tie-alpha", Verdict.BROKEN,
        dt.datetime(2026, 11, 30, 5, 0, 3, tzinfo=UTC), 404, None,
        "https://web.archive.org/web/2025/https://fixture.example.com/articles/tie-alpha")
    # No checked_at of its own: the run's. No final_url or archived keys at all: None.
    assert results.results["https://fixture.example.com/podcasts/fixture"] == LinkCheck(
        "https://fixture.example.com/podcasts/fixture", Verdict.TIMEOUT, results.checked_at)
    assert results.results["https://fixture.example.com/meetups/london"].verdict is Verdict.EXCLUDED


def test_a_url_is_found_however_it_is_written() -> None:
    results, _ = read_link_results(LINK_RESULTS)
    talk = results.for_url("https://fixture.example.com/videos/fixture-talk")
    assert talk is not None and talk.url == "https://www.fixture.example.com/videos/fixture-talk/"
    assert results.for_url("https://fixture.example.com/not-checked") is None
    assert results.for_url("not a url") is None
    assert LinkResults().for_url("https://fixture.example.com/videos/fixture-talk") is None


def test_every_verdict_the_checker_gives_can_be_read() -> None:
    assert {verdict.value for verdict in Verdict} <= {verdict.value for verdict in Verdict}


def test_a_newer_writers_additions_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text(json.dumps({"version": 1, "tool": {"name": "x"}, "results": {
        "https://example.org/a": {"verdict": "ok", "attempts": 3, "hops": [{"status": 301}]}}}))
    results, problem = read_link_results(path)
    assert problem is None
    assert results == LinkResults(None, {"https://example.org/a": LinkCheck("https://example.org/a", Verdict.OK)})


GOOD = {"verdict": "ok", "checked_at": "2026-11-30T05:00:00Z", "status": 200, "final_url": None, "archived": None}


def written(tmp_path: Path, payload: object) -> Path:
    path = tmp_path / "links.json"
    path.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return path


def one(**changes: object) -> dict:
    return {"version": 1, "checked_at": "2026-11-30T05:00:00Z",
            "results": {"https://example.org/fine": GOOD, "https://example.org/a": {**GOOD, **changes}}}


@pytest.mark.parametrize(("payload", "message"), [
    ([], "1:1: the link results file must be a JSON object with 'version', 'checked_at' and 'results'"),
    ({"results": {}}, "1:1: the link results file has no 'version'; this pmgenome reads versions 1 and 2"),
    ({"version": 3, "results": {}}, "2:2: the link results file is version 3; this pmgenome reads versions 1 and 2: "
                                    "update pmgenome, or move the file away to start afresh"),
    ({"version": True, "results": {}}, "2:2: the link results file is version true; this pmgenome reads versions 1 "
                                       "and 2: update pmgenome, or move the file away to start afresh"),
    ({"version": 1, "checked_at": "yesterday", "results": {}},
     "3:2: 'checked_at' must be a UTC time like 2026-11-30T05:00:00Z, not \"yesterday\""),
    ({"version": 1, "results": ["https://example.org/a"]},
     "3:2: 'results' must map each URL to its check, not [\"https://example.org/a\"]"),
    ({"version": 1, "results": {"javascript:alert(1)": GOOD}},
     "4:3: results must be keyed by http(s) URLs, not \"javascript:alert(1)\""),
    ({"version": 1, "results": {"https://example.org/a": "ok"}},
     "4:3: the check of https://example.org/a must be an object with a 'verdict', not \"ok\""),
    ({"version": 1, "results": {"https://example.org/a": {"status": 200}}},
     "4:3: the check of https://example.org/a has no 'verdict'; "
     "expected one of ok, redirected, broken, soft-404, timeout, blocked, excluded"),
    (one(verdict="fine"), "13:4: the check of https://example.org/a has the verdict \"fine\"; "
                          "expected one of ok, redirected, broken, soft-404, timeout, blocked, excluded"),
    (one(status="200"), "15:4: 'status' of https://example.org/a must be an HTTP status (100 to 999) or null, "
                        "not \"200\""),
    (one(status=42), "15:4: 'status' of https://example.org/a must be an HTTP status (100 to 999) or null, not 42"),
    (one(checked_at="2026-13-01"), "14:4: 'checked_at' of https://example.org/a must be a UTC time like "
                                   "2026-11-30T05:00:00Z, not \"2026-13-01\""),
    (one(final_url="/relative"), "16:4: 'final_url' of https://example.org/a must be an http(s) URL or null, "
                                 "not \"/relative\""),
    (one(archived="javascript:alert(1)"), "17:4: 'archived' of https://example.org/a must be an http(s) URL or "
                                          "null, not \"javascript:alert(1)\""),
])
def test_damage_is_refused_where_it_is(tmp_path: Path, payload: object, message: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    results, problem = read_link_results(written(tmp_path, payload))
    assert results is None
    assert str(problem) == f"links.json:{message}"
    # A version this pmgenome cannot read has a rule of its own: the link cache refuses to overwrite it.
    assert problem.rule == ("link-results-version" if " is version " in message else "link-results")


@pytest.mark.parametrize(("data", "message"), [
    (b'{"version": 1,\n "results": {\n  "https://example.org/a": {"verdict": "ok",}\n }\n}',
     "links.json:3:45: not valid JSON: expecting property name enclosed in double quotes"),
    (b'{"version": 1, "results": {"https://example.org/a": {"verdict": "ok",\n "status": NaN}}}',
     "links.json:2:12: NaN is not a JSON number"),
    (b'{"version": 1,\n "checked_at": "\xff"}',
     "links.json:2:17: byte 0xff is not UTF-8: the file was saved in another encoding or is damaged"),
    (b"", "links.json:1:1: the file is empty"),
    (b"[" * 100_000 + b"]" * 100_000, "links.json:1:33: nesting deeper than 32 levels"),
    (b'{"version": 1,\n<<<<<<< HEAD\n "results": {}\n=======\n "results": {"https://example.org/a": {}}\n'
     b'>>>>>>> link-status\n}', "links.json:2:1: merge-conflict marker '<<<<<<<': resolve the merge conflict"),
])
def test_a_file_that_is_not_json_is_refused_where_it_breaks(tmp_path: Path, data: bytes, message: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "links.json").write_bytes(data)
    assert str(read_link_results(tmp_path / "links.json")[1]) == message


def test_a_missing_or_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert str(read_link_results(tmp_path / "nowhere.json")[1]) == (
        "nowhere.json:1:1: the link results file does not exist")
    with open(tmp_path / "huge.json", "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert str(read_link_results(tmp_path / "huge.json")[1]) == (
        f"huge.json:1:1: the file is {MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,}")
