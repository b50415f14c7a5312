"""The link cache: what is reused, how failures are counted, what is kept."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pmgenome.links.cache import load_cache, reusable, reused, with_history
from pmgenome.links.record import merged, save_link_file
from pmgenome.links.verdict import LinkResult, Verdict
from pmgenome.net.client import Redirect
from pmgenome.stores.errors import StoreDamaged

NOW = dt.datetime(2026, 11, 26, 7, 0, 0, tzinfo=dt.timezone.utc)


def result(url: str, verdict: Verdict, status: int | None = 200, **changes: object) -> LinkResult:
    base = LinkResult(url=url, verdict=verdict, status=status, error=None, final_url=url, redirects=(),
                      entries=("e",), attempts=1, checked_at="2026-11-26T07:00:00Z")
    return LinkResult(**{**base.__dict__, **changes})


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    moved = result("https://a.org/old", Verdict.REDIRECTED, redirects=(Redirect("https://a.org/old", 301, "/new"),),
                   suggestion="https://a.org/new", final_url="https://a.org/new")
    save_link_file(tmp_path / "deep" / "links.json", {moved.url: moved}, "2026-11-26T07:00:00Z")
    records, warning = load_cache(tmp_path / "deep" / "links.json")
    assert warning is None
    assert records == {moved.url: LinkResult(**{**moved.__dict__, "attempts": 0})}
    back = reused(records[moved.url], ("e",))
    assert back == LinkResult(**{**moved.__dict__, "attempts": 0, "cached": True})


def test_unusable_caches_are_ignored_with_a_located_reason(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("links.json")
    assert load_cache(path) == ({}, None)
    path.write_bytes(b"\xff\xfe")
    assert load_cache(path) == ({}, "ignoring the link cache, checked afresh: links.json:1:1: byte 0xff is not UTF-8: "
                                    "the file was saved in another encoding or is damaged")
    path.write_text('{"version": 1, "results": {"https://a.org/x": {"status": 1e999}}}')
    assert load_cache(path) == ({}, "ignoring the link cache, checked afresh: links.json:1:58: a number too large "
                                    "for a float")


def test_a_cache_of_a_version_this_pmgenome_cannot_read_stops_the_run_and_is_kept(tmp_path: Path,
                                                                                  monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("links.json").write_text(json.dumps({"version": 3, "results": {}}))
    with pytest.raises(StoreDamaged) as refused:
        load_cache(Path("links.json"))
    assert str(refused.value) == ("links.json:1:2: the link cache is version 3; this pmgenome reads versions 1 and 2: "
                                  "update pmgenome, or move the file away to start afresh")
    assert Path("links.json").read_text() == json.dumps({"version": 3, "results": {}})


def test_only_recent_good_news_is_reused() -> None:
    week = dt.timedelta(days=7)
    good = result("https://a.org/x", Verdict.OK, checked_at="2026-11-20T07:00:00Z")
    assert reusable(good, week, NOW)
    assert not reusable(replace(good, checked_at="2026-11-19T06:59:59Z"), week, NOW)  # too old
    assert not reusable(replace(good, verdict=Verdict.BROKEN), week, NOW)  # failures are always checked again
    assert not reusable(replace(good, verdict=Verdict.TIMEOUT), week, NOW)
    assert not reusable(replace(good, verdict=Verdict.EXCLUDED, checked_at=None), week, NOW)
    assert reusable(replace(good, verdict=Verdict.REDIRECTED), week, NOW)
    assert not reusable(good, dt.timedelta(0), NOW)  # no --max-age: check everything
    assert not reusable(replace(good, checked_at="2026-12-01T00:00:00Z"), week, NOW)  # from the future
    assert not reusable(None, week, NOW)


def test_consecutive_failures() -> None:
    broken = result("https://a.org/x", Verdict.BROKEN, 404)
    first = with_history(broken, None, two_runs=True)
    assert (first.failures, first.confirmed, first.failing) == (1, False, False)
    second = with_history(broken, first, two_runs=True)
    assert (second.failures, second.confirmed, second.failing) == (2, True, True)
    third = with_history(broken, second, two_runs=True)
    assert third.failures == 3
    healed = with_history(result("https://a.org/x", Verdict.OK), third, two_runs=True)
    assert (healed.failures, healed.confirmed) == (0, True)
    after_timeout = with_history(broken, result("https://a.org/x", Verdict.TIMEOUT, None), two_runs=True)
    assert after_timeout.failures == 1
    # A dead record without a count (hand-edited to 0) still counts as one failing run.
    assert with_history(broken, replace(broken, failures=0), two_runs=True).failures == 2
    right_now = with_history(broken, None, two_runs=False)
    assert (right_now.failures, right_now.failing) == (1, True)


def test_merging_keeps_other_records_only_on_partial_runs() -> None:
    gone = result("https://a.org/gone-from-catalog", Verdict.OK)
    old = {gone.url: gone, "https://a.org/x": result("https://a.org/x", Verdict.BROKEN, 404)}
    checked = result("https://a.org/x", Verdict.OK)
    skipped = result("https://a.org/skip", Verdict.EXCLUDED, None, checked_at=None, excluded_by="members only")
    assert merged(old, [checked, skipped], keep_others=True) == {gone.url: gone, checked.url: checked,
                                                                  skipped.url: skipped}
    assert merged(old, [checked, skipped], keep_others=False) == {checked.url: checked, skipped.url: skipped}


DAMAGED = {
    "https://a.org/list-verdict": {"verdict": [], "checked_at": "2026-11-26T06:00:00Z"},
    "https://a.org/text-status": {"verdict": "ok", "checked_at": "2026-11-26T06:00:00Z", "status": "abc"},
    "https://a.org/huge-status": {"verdict": "ok", "checked_at": "2026-11-26T06:00:00Z", "status": 10**30},
    "https://a.org/number-redirects": {"verdict": "redirected", "checked_at": "2026-11-26T06:00:00Z", "redirects": 5},
    "https://a.org/bad-hop": {"verdict": "redirected", "checked_at": "2026-11-26T06:00:00Z",
                              "redirects": [{"url": "x", "status": "301", "location": "/"}]},
    "https://a.org/no-time": {"verdict": "ok", "checked_at": 5},
    "https://a.org/text-failures": {"verdict": "broken", "checked_at": "2026-11-26T06:00:00Z", "failures": "2"},
    "https://a.org/list-record": [],
    "not a url": {"verdict": "ok", "checked_at": "2026-11-26T06:00:00Z"},
}


def test_hand_edited_records_of_the_wrong_type_are_dropped_with_a_located_warning(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = {"verdict": "ok", "checked_at": "2026-11-26T06:00:00Z", "status": 200, "redirects": []}
    path = Path("links.json")
    path.write_text(json.dumps({"version": 1, "results": {**DAMAGED, "https://a.org/fine": good}}, indent=1))
    records, warning = load_cache(path)
    assert records == {"https://a.org/fine": result("https://a.org/fine", Verdict.OK, 200, final_url=None,
                                                    entries=(), attempts=0, checked_at="2026-11-26T06:00:00Z")}
    assert warning == ("ignoring 9 damaged record(s) in the link cache, checked afresh (first: links.json:5:4: "
                       "the check of https://a.org/list-verdict has the verdict []; expected one of ok, redirected, "
                       "broken, soft-404, timeout, blocked, excluded)")


def test_a_cache_nested_too_deeply_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    records, warning = load_cache(path)
    assert records == {} and warning.startswith(f"ignoring the link cache, checked afresh: {path}:1:")


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
              st.sampled_from(["ok", "broken", "redirected", "2026-11-26T06:00:00Z", "https://a.org/"])),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children,
                                                                                max_size=6)),
    max_leaves=25,
)
record_values = st.fixed_dictionaries({}, optional={
    "verdict": json_values, "checked_at": json_values, "status": json_values, "failures": json_values,
    "redirects": json_values, "error": json_values, "final_url": json_values, "suggestion": json_values,
})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(results=st.dictionaries(st.sampled_from(["https://a.org/1", "https://a.org/2", "x"]),
                               st.one_of(json_values, record_values), max_size=3))
def test_any_cache_content_loads_without_raising(tmp_path: Path, results: dict) -> None:
    path = tmp_path / "links.json"
    path.write_text(json.dumps({"version": 1, "results": results}))
    records, _ = load_cache(path)
    for url, record in records.items():
        if reusable(record, dt.timedelta(days=3650), NOW):
            assert reused(record, ("e",)).cached
        with_history(result(url, Verdict.BROKEN, 404), record, two_runs=True)
    save_link_file(path, merged(records, [], keep_others=True), "2026-11-26T07:00:00Z")
    assert load_cache(path) == (records, None)
