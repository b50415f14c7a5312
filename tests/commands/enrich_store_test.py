"""`pmgenome enrich` and its store when things go wrong: a damaged store is refused and left as it
is, a folder where the store should be, two runs at once, a killed run's leftovers, absurd --max-age."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pmgenome.cli import main

from tests.support.samples import make_catalog, page, write_entry
from tests.support.servers import LocalServer, Reply, html, wait_until

IDS = ("good-pm", "second", "third", "fourth", "fifth", "sixth")
WAY_OUT = ("The enrichment store is left untouched: restore it from git (`git checkout -- catalog/enrichment.json`) "
           "or start a new one with `pmgenome enrich --rebuild-store`, which fetches every entry again")


@pytest.fixture
def server():
    routes = {f"/{entry_id}": html(page("article.html")) for entry_id in IDS}
    with LocalServer("127.0.0.1", routes) as running:
        yield running


@pytest.fixture
def root(tmp_path: Path, server: LocalServer, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> Path:
    """A catalog of six articles whose store holds six records, run from its parent folder."""
    monkeypatch.chdir(tmp_path)
    root = make_catalog(tmp_path / "catalog")
    for entry_id in IDS:
        write_entry(root, "article", entry_id, server.url(f"/{entry_id}"))
    assert main(["enrich", "--catalog", "catalog", "--allow-private"]) == 0
    capsys.readouterr()
    assert sorted(json.loads((root / "enrichment.json").read_text(encoding="utf-8"))["entries"]) == sorted(IDS)
    return root


def enrich(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["enrich", "--catalog", "catalog", "--allow-private", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def conflicted(text: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(lines[:3] + ["<<<<<<< HEAD\n"] + lines[3:6] + ["=======\n", ">>>>>>> enrich/monthly\n"] + lines[6:])


DAMAGES = {
    "truncated": (lambda text: text[: len(text) // 2],
                  None),  # the position depends on the records; checked by its start below
    "conflict": (conflicted, "catalog/enrichment.json:4:1: merge-conflict marker '<<<<<<<': resolve the merge conflict"),
    "trailing": (lambda text: text + "}\n", "catalog/enrichment.json:{end}:1: more text after the end of the JSON document"),
    "latin-1": (lambda text: text.replace('"version"', '"versi\udce9n"'), None),
    "nul": (lambda text: "\x00" + text, "catalog/enrichment.json:1:1: a NUL byte: the file is binary or damaged"),
    "top-level list": (lambda text: f"[{text}]",
                       'catalog/enrichment.json:1:1: expected an object with "version" and "entries", found an array'),
    "deep": (lambda text: text.replace('"version": 1', '"version": 1, "x": ' + "[" * 100_000 + "]" * 100_000),
             None),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_store_is_refused_and_left_untouched(capsys, root, server, damage):
    store = root / "enrichment.json"
    change, expected = DAMAGES[damage]
    text = change(store.read_text(encoding="utf-8"))
    store.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    before, hits = store.read_bytes(), server.hits()
    code, out, err = enrich(capsys, "--only", "good-pm")
    assert (code, out) == (2, "")
    assert err.startswith("pmgenome enrich: catalog/enrichment.json:") and err.endswith(f". {WAY_OUT}\n")
    if expected is not None:
        end = text.count("\n")
        assert err == f"pmgenome enrich: {expected.format(end=end)}. {WAY_OUT}\n"
    assert store.read_bytes() == before
    assert server.hits() == hits


def test_each_damage_says_what_it_is(capsys, root):
    store = root / "enrichment.json"
    good = store.read_text(encoding="utf-8")
    found = {}
    for damage in ("truncated", "latin-1", "deep"):
        store.write_bytes(DAMAGES[damage][0](good).encode("utf-8", errors="surrogateescape"))
        found[damage] = enrich(capsys)[2].split(": ", 2)[2].split(". The enrichment store")[0]
    assert found == {
        "truncated": "the file ends in the middle of the JSON document: it is truncated",
        "latin-1": "byte 0xe9 is not UTF-8: the file was saved in another encoding or is damaged",
        "deep": "nesting deeper than 16 levels",
    }


@pytest.mark.parametrize(("document", "message"), [
    ({"version": 1, "entries": []}, 'catalog/enrichment.json:1:16: "entries" must be an object of records by entry id, '
                                    'found an array'),
    ({"entries": {}}, 'catalog/enrichment.json:1:1: "version" is missing: this is not an enrichment store'),
    ({"version": "1", "entries": {}}, 'catalog/enrichment.json:1:2: "version" must be 1, found "1"'),
    ({"version": 1, "entries": {"good-pm": "fetched"}},
     'catalog/enrichment.json:1:28: the record for "good-pm" must be an object, found a string'),
])
def test_a_store_of_the_wrong_shape_is_refused(capsys, root, document, message):
    store = root / "enrichment.json"
    store.write_text(json.dumps(document), encoding="utf-8")
    before = store.read_bytes()
    assert enrich(capsys, "--only", "good-pm") == (2, "", f"pmgenome enrich: {message}. {WAY_OUT}\n")
    assert store.read_bytes() == before


def test_a_store_from_a_newer_pmgenome_is_refused_without_suggesting_a_rebuild(capsys, root):
    store = root / "enrichment.json"
    store.write_text('{"version": 2, "entries": {}}', encoding="utf-8")
    assert enrich(capsys) == (2, "", "pmgenome enrich: catalog/enrichment.json:1:2: store version 2 is newer than "
                                     "this pmgenome reads (1). The enrichment store is left untouched: update "
                                     "pmgenome, then run again\n")


def test_rebuild_store_starts_afresh_explicitly(capsys, root, server):
    store = root / "enrichment.json"
    store.write_text(conflicted(store.read_text(encoding="utf-8")), encoding="utf-8")
    hits = server.hits()
    code, out, err = enrich(capsys, "--rebuild-store")
    assert (code, err) == (0, "")
    assert out == "enrich: 6 entries: 6 fetched, 0 unchanged, 0 fresh, 0 failed; 6 requests; wrote catalog/enrichment.json\n"
    assert sorted(json.loads(store.read_text(encoding="utf-8"))["entries"]) == sorted(IDS)
    assert server.hits() == hits + 6


def test_rebuild_store_does_not_go_with_only(capsys, root, server):
    before = (root / "enrichment.json").read_bytes()
    assert enrich(capsys, "--rebuild-store", "--only", "good-pm") == (
        2, "", "pmgenome enrich: --rebuild-store fetches every entry into a new store; it cannot be limited "
               "with --only\n")
    assert (root / "enrichment.json").read_bytes() == before


def test_a_folder_where_the_store_should_be(capsys, root, server):
    store = root / "enrichment.json"
    store.unlink()
    store.mkdir()
    hits = server.hits()
    assert enrich(capsys) == (2, "", "pmgenome enrich: catalog/enrichment.json:1:1: a folder where the file should "
                                     "be. The enrichment store is left untouched: move the folder away, then run "
                                     "again\n")
    assert server.hits() == hits  # refused before fetching, so no fetched record is dropped
    assert store.is_dir() and list(store.iterdir()) == []


def test_rebuild_store_does_not_fetch_into_a_folder(capsys, root, server):
    store = root / "enrichment.json"
    store.unlink()
    store.mkdir()
    hits = server.hits()
    assert enrich(capsys, "--rebuild-store") == (
        2, "", "pmgenome enrich: catalog/enrichment.json:1:1: a folder where the file should be. The enrichment "
               "store is left untouched: move the folder away, then run again\n")
    assert server.hits() == hits


def test_a_second_run_while_the_first_holds_the_store_is_refused(capsys, root, server):
    server.routes["/slow"] = Reply(action="hang")
    write_entry(root, "article", "slow", server.url("/slow"))
    first = subprocess.Popen([sys.executable, "-m", "pmgenome", "enrich", "--catalog", "catalog", "--allow-private",
                              "--only", "slow"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_until(lambda: server.hits("/slow") == 1, timeout=20)
        code, out, err = enrich(capsys, "--only", "good-pm", "--refresh")
        assert (code, out) == (2, "")
        assert err == (f"pmgenome enrich: catalog/enrichment.json is being updated by another run (process "
                       f"{first.pid}); nothing was read or written: wait for that run to finish, then run again "
                       "(its lock ends with it, even if it crashes)\n")
        server.stop()  # ends the hanging answer: the first run records the failure and saves
        first.communicate(timeout=60)
    finally:
        first.kill()
    assert first.returncode == 1
    assert sorted(json.loads((root / "enrichment.json").read_text(encoding="utf-8"))["entries"]) == sorted(IDS + ("slow",))


def test_a_killed_runs_leftover_is_cleared_by_the_next_run(capsys, root):
    leftover = root / ".enrichment.json.x7_k2m9q.tmp"
    leftover.write_text('{"version": 1, "entr', encoding="utf-8")
    other = root / ".enrichment.json.lock.bak"
    other.write_text("not ours", encoding="utf-8")
    assert enrich(capsys)[0] == 0
    assert not leftover.exists() and other.exists()


@pytest.mark.parametrize("value", ["1000000000", "99999999999999999999", "36501"])
def test_an_absurd_max_age_is_a_usage_error(capsys, root, value):
    with pytest.raises(SystemExit) as exit_:
        main(["enrich", "--catalog", "catalog", "--max-age", value])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"pmgenome enrich: error: argument --max-age: expected at most 36500 days (100 years), got {value}")


def test_the_longest_max_age_works(capsys, root):
    assert enrich(capsys, "--max-age", "36500")[:2] == (
        0, "enrich: 6 entries: 0 fetched, 0 unchanged, 6 fresh, 0 failed; 0 requests; catalog/enrichment.json "
           "unchanged\n")


def test_a_second_run_reads_the_first_runs_store_unchanged(capsys, root):
    before = (root / "enrichment.json").read_bytes()
    assert enrich(capsys) == (0, "enrich: 6 entries: 0 fetched, 0 unchanged, 6 fresh, 0 failed; 0 requests; "
                                 "catalog/enrichment.json unchanged\n", "")
    assert (root / "enrichment.json").read_bytes() == before
    assert sorted(os.listdir(root)) == [".enrichment.json.lock", "articles", "books", "courses", "enrichment.json",
                                        "meetups", "newsletters", "podcasts", "programs", "taxonomy.yaml", "videos"]
