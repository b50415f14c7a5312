"""`pmgenome enrich`: incremental runs counted at a real server, conditional requests, stale records
after failures, and the contributor's YAML left alone. (A damaged or busy store: enrich_store_test;
Ctrl-C: interrupt_test; the refresh and the store as a library: tests/enrich/.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pmgenome.cli import main
from pmgenome.enrich.store import store_path
from pmgenome.text.paths import display_path

from tests.support.samples import EMPTY_META, make_catalog, page, versioned, write_entry
from tests.support.servers import LocalServer, Reply


@pytest.fixture
def server():
    routes = {
        "/article": versioned('"a1"', page("article.html")),
        "/course": versioned('"c1"', page("course.html"), "Wed, 01 Jan 2025 00:00:00 GMT"),
        "/paper.pdf": Reply(200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n" + b"\x00" * 1000),
    }
    with LocalServer("127.0.0.1", routes) as running:
        yield running


@pytest.fixture
def root(tmp_path: Path, server) -> Path:
    root = make_catalog(tmp_path / "catalog")
    write_entry(root, "article", "good-pm", server.url("/article"))
    write_entry(root, "course", "strategy-course", server.url("/course"))
    return root


def enrich(capsys, root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["enrich", "--catalog", str(root), "--allow-private", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def load_store(root: Path) -> dict[str, dict[str, Any]]:
    """The records as the file holds them: what the tests here check is what is written."""
    return json.loads(store_path(root).read_text(encoding="utf-8"))["entries"]


def test_a_second_run_right_after_makes_no_requests(capsys, root, server):
    assert enrich(capsys, root) == (0, f"enrich: 2 entries: 2 fetched, 0 unchanged, 0 fresh, 0 failed; "
                                       f"2 requests; wrote {display_path(store_path(root))}\n", "")
    written = store_path(root).read_bytes()
    assert server.hits() == 2
    assert enrich(capsys, root) == (0, f"enrich: 2 entries: 0 fetched, 0 unchanged, 2 fresh, 0 failed; "
                                       f"0 requests; {display_path(store_path(root))} unchanged\n", "")
    assert server.hits() == 2
    assert store_path(root).read_bytes() == written


def test_older_records_are_checked_with_their_validators(capsys, root, server):
    enrich(capsys, root)
    before = load_store(root)
    code, out, _ = enrich(capsys, root, "--max-age", "0")
    assert (code, out.splitlines()[-1].split(";")[0]) == (0, "enrich: 2 entries: 0 fetched, 2 unchanged, 0 fresh, 0 failed")
    conditional = [request.headers for request in server.requests[2:]]
    assert sorted((h.get("If-None-Match"), h.get("If-Modified-Since")) for h in conditional) == \
        [('"a1"', None), ('"c1"', "Wed, 01 Jan 2025 00:00:00 GMT")]
    after = load_store(root)
    assert after["good-pm"]["meta"] == before["good-pm"]["meta"]
    assert after["good-pm"]["status"] == "ok"


def test_refresh_fetches_in_full_however_recent(capsys, root, server):
    enrich(capsys, root)
    code, out, _ = enrich(capsys, root, "--refresh")
    assert (code, out.split(";")[0]) == (0, "enrich: 2 entries: 2 fetched, 0 unchanged, 0 fresh, 0 failed")
    assert [("If-None-Match" in r.headers, "If-Modified-Since" in r.headers) for r in server.requests[2:]] == \
        [(False, False), (False, False)]


def test_a_failing_page_keeps_its_last_good_record_marked_stale(capsys, root, server):
    enrich(capsys, root)
    good = load_store(root)["good-pm"]
    server.routes["/article"] = Reply(410, {"Content-Type": "text/html"}, b"gone")
    code, out, err = enrich(capsys, root, "--max-age", "0")
    entry = display_path(root / "articles" / "good-pm.yaml")
    assert (code, err) == (1, "")
    assert out == (f"{entry}: {server.url('/article')}: HTTP 410 Gone; kept the record fetched "
                   f"{good['fetched_at']}, marked stale\n"
                   f"enrich: 2 entries: 0 fetched, 1 unchanged, 0 fresh, 1 failed; 2 requests; "
                   f"wrote {display_path(store_path(root))}\n")
    assert load_store(root)["good-pm"] == {**good, "status": "stale", "error": "HTTP 410 Gone"}


def test_a_stale_record_is_retried_and_recovers(capsys, root, server):
    enrich(capsys, root)
    server.routes["/article"] = Reply(503, {"Content-Type": "text/html", "Retry-After": "600"}, b"down")
    assert enrich(capsys, root, "--only", "good-pm", "--max-age", "0")[0] == 1
    server.routes["/article"] = versioned('"a1"', page("article.html"))
    code, out, _ = enrich(capsys, root)  # within max-age, but stale records are always retried
    assert (code, out.split(";")[0]) == (0, "enrich: 2 entries: 0 fetched, 1 unchanged, 1 fresh, 0 failed")
    assert load_store(root)["good-pm"]["status"] == "ok"


def test_a_new_entry_that_fails_is_recorded_as_stale_with_no_metadata(capsys, root, server):
    write_entry(root, "article", "missing", server.url("/missing"))
    code, out, _ = enrich(capsys, root)
    assert code == 1
    assert out.splitlines()[0] == (f"{display_path(root / 'articles' / 'missing.yaml')}: {server.url('/missing')}: "
                                   "HTTP 404 Not Found; nothing stored before, recorded as stale")
    assert load_store(root)["missing"] == {
        "url": server.url("/missing"), "final_url": server.url("/missing"), "fetched_at": None, "status": "stale",
        "error": "HTTP 404 Not Found", "etag": None, "last_modified": None, "content_type": None,
        "meta": EMPTY_META}


def test_a_pdf_entry_is_recorded_as_a_pdf(capsys, root, server):
    write_entry(root, "article", "paper", server.url("/paper.pdf"))
    assert enrich(capsys, root, "--only", "paper")[0] == 0
    record = load_store(root)["paper"]
    assert (record["status"], record["content_type"], record["meta"]) == ("ok", "application/pdf", EMPTY_META)


def test_a_changed_url_is_fetched_again_without_validators(capsys, root, server):
    enrich(capsys, root)
    write_entry(root, "article", "good-pm", server.url("/article?v=2"))
    code, out, _ = enrich(capsys, root)
    assert (code, out.split(";")[0]) == (0, "enrich: 2 entries: 1 fetched, 0 unchanged, 1 fresh, 0 failed")
    assert "If-None-Match" not in server.requests[-1].headers
    assert load_store(root)["good-pm"]["url"] == server.url("/article?v=2")


def test_only_limits_the_run_and_leaves_other_records_alone(capsys, root, server):
    enrich(capsys, root)
    before = load_store(root)
    code, out, _ = enrich(capsys, root, "--only", "good-pm", "--refresh")
    assert (code, out.split(";")[0]) == (0, "enrich: 1 entry: 1 fetched, 0 unchanged, 0 fresh, 0 failed")
    assert load_store(root)["strategy-course"] == before["strategy-course"]


def test_unknown_only_ids_are_a_usage_error(capsys, root, server):
    assert enrich(capsys, root, "--only", "good-p", "nope") == (
        2, "", "pmgenome enrich: unknown entry ids: 'good-p' (did you mean 'good-pm'?), 'nope'; an id is an "
               "entry's file name without .yaml\n")
    assert server.hits() == 0


def test_records_of_deleted_entries_are_dropped(capsys, root, server):
    enrich(capsys, root)
    (root / "courses" / "strategy-course.yaml").unlink()
    enrich(capsys, root)
    assert sorted(load_store(root)) == ["good-pm"]


def test_the_contributors_yaml_is_never_rewritten(capsys, root, server):
    files = sorted(root.rglob("*.yaml"))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
    enrich(capsys, root)
    enrich(capsys, root, "--refresh")
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files} == before


def test_private_addresses_are_refused_without_allow_private(capsys, root, server):
    code = main(["enrich", "--catalog", str(root)])
    out, _ = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[0] == (f"{display_path(root / 'articles' / 'good-pm.yaml')}: {server.url('/article')}: "
                                   "not fetched: 127.0.0.1 is a loopback address; nothing stored before, recorded as stale")
    assert server.hits() == 0


def test_a_missing_catalog_folder_is_a_usage_error(capsys, tmp_path):
    assert main(["enrich", "--catalog", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err == f"pmgenome enrich: catalog folder not found: {display_path(tmp_path / 'nowhere')}\n"


@pytest.mark.parametrize("value, message", [("-1", "expected 0 or more days, got -1"),
                                            ("soon", "expected a whole number of days, got 'soon'")])
def test_a_bad_max_age_is_a_usage_error(capsys, tmp_path, value, message):
    with pytest.raises(SystemExit) as exit_:
        main(["enrich", "--catalog", str(tmp_path), "--max-age", value])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"pmgenome enrich: error: argument --max-age: {message}"


def test_an_entry_with_an_unusable_url_is_reported_not_fetched(capsys, root, server):
    write_entry(root, "article", "local", "ftp://files.example.org/pm.pdf")
    code, out, _ = enrich(capsys, root, "--only", "local")
    assert (code, out) == (1, f"{display_path(root / 'articles' / 'local.yaml')}: ftp://files.example.org/pm.pdf: "
                              "not fetched: URL must be absolute and start with https:// or http:// (run pmgenome "
                              "validate); nothing stored before, recorded as stale\n"
                              "enrich: 1 entry: 0 fetched, 0 unchanged, 0 fresh, 1 failed; 0 requests; "
                              f"wrote {display_path(store_path(root))}\n")
    assert server.hits() == 0
