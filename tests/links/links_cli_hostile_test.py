"""`pmgenome links` facing hostile servers, files and arguments (issue 15), and the results file
the site reads. Nothing here may end in exit 70 or lose the run's work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pmgenome.cli import main
from pmgenome.links.verdict import Verdict
from pmgenome.site.linkresults import LinkCheck, read_link_results

from tests.support.catalogs import CatalogDir
from tests.support.servers import LocalServer, Reply, Request, html, wait_until

FAST = ["--timeout", "1", "--allow-private", "--outage-window", "0.3"]
YEAR_99999999999999999999 = "Thu, 26 Nov 99999999999999999999 07:00:30 GMT"


@pytest.fixture(autouse=True)
def no_real_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMGENOME_WAYBACK_URL", "off")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def entry(catalog: CatalogDir, name: str, url: str) -> Path:
    return catalog.write(f"articles/{name}.yaml", f"title: {name}\nurl: {url}\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["links", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_hostile_retry_after_headers_end_nothing_and_the_cache_is_saved(catalog_dir: CatalogDir, capsys) -> None:
    with LocalServer("127.0.0.1", {
        "/superscript": Reply(503, {"Retry-After": "\xb2"}),
        "/far-year": Reply(429, {"Retry-After": YEAR_99999999999999999999}),
        "/length": Reply(200, {"Content-Type": "text/html", "Content-Length": "\xb2"}, b""),
        "/ok": html(),
    }) as server:
        for name in ("superscript", "far-year", "length", "ok"):
            entry(catalog_dir, name, server.url(f"/{name}"))
        code, out, err = run(capsys, *FAST, "--cache", "cache.json", "--format", "json")
    assert code == 0  # the two-run rule: the 503 is failing for the first time
    verdicts = {r["entries"][0]: (r["verdict"], r["attempts"]) for r in json.loads(out)["results"]}
    assert verdicts["superscript"] == ("broken", 3)
    assert verdicts["far-year"] == ("blocked", 3)
    assert verdicts["ok"] == ("ok", 1)
    assert "internal error" not in err
    saved = json.loads(Path("cache.json").read_text())["results"]
    assert sorted(saved) == sorted(server.url(f"/{n}") for n in ("superscript", "far-year", "length", "ok"))


def test_an_age_too_large_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["links", "--max-age", "99999999999d"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        "pmgenome links: error: argument --max-age: an age of at most 3650 days, not 99999999999d\n")
    with pytest.raises(SystemExit):
        main(["links", "--max-age", "9" * 400 + "d"])
    assert capsys.readouterr().err.endswith(
        f"pmgenome links: error: argument --max-age: not an age: '{'9' * 400}d'; write a number with s, m, h, d "
        "or w, like 12h or 7d\n")


def test_an_endless_url_file_is_read_only_so_far(capsys) -> None:
    assert run(capsys, "--url-file", "/dev/zero") == (
        2, "", "pmgenome links: --url-file /dev/zero is larger than 10 MiB; split it\n")


def test_a_url_file_that_is_not_utf8(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("urls.txt").write_bytes(b"https://example.org/\n\xff\n")
    assert run(capsys, "--url-file", "urls.txt") == (
        2, "", "pmgenome links: --url-file urls.txt is not UTF-8 text (byte 21)\n")


def test_changed_since_with_a_file_name_that_is_not_utf8(catalog_dir: CatalogDir, capsys) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], check=True,
                       capture_output=True)

    with LocalServer("127.0.0.1", {"/ok": html()}) as server:
        entry(catalog_dir, "first", server.url("/ok"))
        git("init", "-q", "-b", "main")
        git("add", "catalog")
        git("commit", "-q", "-m", "start")
        odd = os.fsencode(catalog_dir.root / "articles") + b"/caf\xe9.yaml"
        with open(odd, "wb") as handle:
            handle.write(f"title: odd\nurl: {server.url('/ok')}\n".encode())
        git("add", "catalog")
        code, out, err = run(capsys, *FAST, "--no-cache", "--changed-since", "main")
    assert code in (0, 1) and "internal error" not in err
    assert "Traceback" not in err


def test_terminal_output_shows_control_characters_as_escapes(catalog_dir: CatalogDir, capsys) -> None:
    with LocalServer("127.0.0.1", {"/moved": Reply(301, {"Location": "/new\x1b]0;owned\x07\x1b[2J"}),
                                    "/new\x1b]0;owned\x07\x1b[2J": html()}) as server:
        entry(catalog_dir, "moved", server.url("/moved"))
        code, out, _ = run(capsys, *FAST, "--no-cache")
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07\\x1b[2J" in out


def test_the_results_file_is_what_the_site_reads(catalog_dir: CatalogDir, capsys) -> None:
    with LocalServer("127.0.0.1", {"/ok": html(), "/gone": Reply(404), "/wall": Reply(403),
                                    "/moved": Reply(302, {"Location": "/new page"}), "/new page": html()}) as server:
        entry(catalog_dir, "fine", server.url("/ok"))
        entry(catalog_dir, "dead", server.url("/gone"))
        entry(catalog_dir, "walled", server.url("/wall"))
        entry(catalog_dir, "spaced", server.url("/moved"))
        code, _, _ = run(capsys, *FAST, "--cache", "cache.json", "--results", "site/link-status.json")
    assert code == 0  # first failure of a scheduled run
    data = json.loads(Path("site/link-status.json").read_text())
    assert sorted(data) == ["checked_at", "results", "version"]
    dead = data["results"][server.url("/gone")]
    assert dead == {"verdict": "broken", "checked_at": data["checked_at"], "status": 404, "error": "HTTP 404 Not Found",
                    "excluded_by": None, "final_url": server.url("/gone"), "redirects": [], "suggestion": None,
                    "archived": None, "failures": 1, "confirmed": False, "entries": ["dead"]}
    assert json.loads(Path("cache.json").read_text()) == data  # one document: the memory is the results
    results, problem = read_link_results(Path("site/link-status.json"))
    assert problem is None and results is not None
    assert results.for_url(server.url("/ok")) == LinkCheck(server.url("/ok"), Verdict.OK, results.checked_at, 200)
    assert results.for_url(server.url("/wall")).verdict is Verdict.BLOCKED
    assert results.for_url(server.url("/moved")).final_url is None  # a URL with a space is not one the site shows


def test_a_partial_run_keeps_the_other_results(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with LocalServer("127.0.0.1", {"/a": html(), "/b": Reply(404)}) as server:
        for name in ("a", "b"):
            Path(f"{name}.txt").write_text(server.url(f"/{name}") + "\n")
            run(capsys, *FAST, "--url-file", f"{name}.txt", "--no-cache", "--results", "status.json")
    results, problem = read_link_results(Path("status.json"))
    assert problem is None and results is not None
    assert {url: check.verdict for url, check in results.results.items()} == {
        server.url("/a"): Verdict.OK, server.url("/b"): Verdict.BROKEN}


def test_two_runs_at_once_on_one_cache_the_second_stops_and_nothing_is_lost(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    # The first run's pages answer only once the second run is over: it surely holds the cache meanwhile.
    second_done = threading.Event()

    def held(request: Request) -> Reply:
        second_done.wait(60)
        return html()

    with LocalServer("127.0.0.1", default=held) as server:
        for name in ("a", "b"):
            Path(f"{name}.txt").write_text("\n".join(server.url(f"/{name}/{n}") for n in range(12)) + "\n")

        def start(name: str) -> subprocess.Popen[str]:
            return subprocess.Popen([sys.executable, "-m", "pmgenome", "links", "--url-file", f"{name}.txt",
                                     "--cache", "cache.json", *FAST, "--timeout", "90"], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, text=True)

        first = start("a")
        assert wait_until(lambda: server.hits() > 0, 30)  # the first run holds the cache
        second = start("b")
        try:
            second_error = second.communicate(timeout=60)[1]
        finally:
            second_done.set()
        errors = [first.communicate(timeout=60)[1], second_error]
    assert (first.returncode, second.returncode) == (0, 2), errors
    assert errors[1].startswith("pmgenome links: cache.json is being updated by another run (process ")
    assert errors[1].endswith("); nothing was read or written: wait for that run to finish, then run again (its "
                              "lock ends with it, even if it crashes)\n")
    saved = json.loads(Path("cache.json").read_text())["results"]
    assert sorted(saved) == sorted(server.url(f"/a/{n}") for n in range(12))


def test_a_catastrophic_exclusion_pattern_is_refused_before_any_request(catalog_dir: CatalogDir, capsys) -> None:
    catalog_dir.write("exclusions.yaml", "exclusions:\n  - pattern: (\\w+\\w+)+!\n    reason: hostile\n")
    entry(catalog_dir, "x", "https://example.org/" + "a" * 60)
    code, out, err = run(capsys, *FAST, "--no-cache")
    assert (code, out) == (2, "")
    assert err == ("catalog/exclusions.yaml:2:14: pattern has a repetition inside a repeated group, which can make "
                   "one search take minutes; write it without (for example ^https://(www\\.)?example\\.com/)\n"
                   "pmgenome links: fix catalog/exclusions.yaml first\n")


def test_github_annotations_carry_no_control_characters(catalog_dir: CatalogDir, capsys, monkeypatch) -> None:
    with LocalServer("127.0.0.1", {"/gone": Reply(301, {"Location": "/x\x1b[2J\r\n::stop-commands::a"}),
                                    "/x\x1b[2J\r\n::stop-commands::a": Reply(404)}) as server:
        entry(catalog_dir, "dead", server.url("/gone"))
        _, out, _ = run(capsys, *FAST, "--no-cache", "--format", "github")
    assert "\x1b" not in out and "\r" not in out
    assert not any(line.startswith("::stop-commands") for line in out.splitlines())


def test_ctrl_c_while_the_archive_is_asked_exits_at_once(tmp_path: Path) -> None:
    # The check is done and a dead link's archived copy is being asked for, of an archive that hangs.
    with LocalServer("127.0.0.1", {"/gone": Reply(404)}) as site, \
            LocalServer("127.0.0.1", default=Reply(action="hang")) as archive:
        (tmp_path / "urls.txt").write_text(site.url("/gone") + "\n")
        process = subprocess.Popen([sys.executable, "-m", "pmgenome", "links", "--url-file", "urls.txt", "--no-cache",
                                    "--allow-private", "--timeout", "30", "--wayback-url", archive.origin],
                                   cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert wait_until(lambda: archive.hits() > 0, 20)
            process.send_signal(signal.SIGINT)
            start = time.monotonic()
            out, err = process.communicate(timeout=60)
            elapsed = time.monotonic() - start
        finally:
            process.kill()
    assert (process.returncode, out, err) == (130, "", "pmgenome: interrupted\n")
    # Long before the hung archive's 30 s timeout (tried twice) would have ended the look-up on its own: a
    # 5 s timeout, asked again once, could end it before a loaded machine delivered the Ctrl-C.
    assert elapsed < 4.0, f"exited {elapsed:.2f} s after Ctrl-C"
