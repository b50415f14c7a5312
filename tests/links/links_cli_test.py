"""`pmgenome links` end to end: catalog in a temporary folder, servers on loopback."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pytest
from pmgenome.cli import main
from pmgenome.commands.progress import ProgressBar
from pmgenome.enrich.feed import FeedCheck
from pmgenome.enrich.record import EnrichmentRecord
from pmgenome.enrich.store import save_store
from pmgenome.net.chain import ATTEMPTS, OUTAGE_WINDOW, TIMEOUT_ATTEMPTS
from pmgenome.net.client import CONCURRENCY, PER_HOST, READ_TIMEOUT, ClientConfig

from tests.support.catalogs import CatalogDir
from tests.support.servers import LocalServer, Reply, html, redirect

FAST = ["--timeout", "1", "--allow-private"]


@pytest.fixture(autouse=True)
def no_real_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never ask the real Wayback Machine; the ones about archived copies use a local fake.
    monkeypatch.setenv("PMGENOME_WAYBACK_URL", "off")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def site():
    with LocalServer("127.0.0.1", {
        "/ok": html(),
        "/gone": Reply(404),
        "/old": redirect("/new", 301),
        "/new": html(),
        "/wall": Reply(403),
    }) as server:
        yield server


def entry(catalog: CatalogDir, name: str, url: str, kind: str = "articles") -> Path:
    return catalog.write(f"{kind}/{name}.yaml", f"title: {name}\nurl: {url}\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["links", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_lists_what_needs_a_look(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "fine", site.url("/ok"))
    entry(catalog_dir, "also-fine", site.url("/ok#section"))
    entry(catalog_dir, "dead", site.url("/gone"))
    entry(catalog_dir, "moved", site.url("/old"))
    entry(catalog_dir, "walled", site.url("/wall"))
    code, out, err = run(capsys, *FAST, "--no-cache")
    o = site.origin
    assert (code, err) == (1, "")
    assert out == (
        f"broken      {o}/gone  HTTP 404 Not Found  [dead]\n"
        f"blocked     {o}/wall  HTTP 403 Forbidden: the site turns away automated checks; check by hand  [walled]\n"
        f"redirected  {o}/old  moved permanently (301) to {o}/new: update the URL  [moved]\n"
        "4 URLs: 1 broken, 0 soft-404, 0 timeout, 1 blocked, 1 redirected, 0 excluded, 1 ok\n"
    )
    assert site.hits("/ok") == 1  # two entries, one fetch


def test_nothing_broken_exits_zero(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "fine", site.url("/ok"))
    entry(catalog_dir, "walled", site.url("/wall"))
    code, out, _ = run(capsys, *FAST, "--no-cache")
    assert code == 0
    assert out.endswith("2 URLs: 0 broken, 0 soft-404, 0 timeout, 1 blocked, 0 redirected, 0 excluded, 1 ok\n")


def test_json_report(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "dead", site.url("/gone"))
    entry(catalog_dir, "moved", site.url("/old"))
    code, out, _ = run(capsys, *FAST, "--no-cache", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["summary"] == {"urls": 2, "broken": 1, "soft-404": 0, "timeout": 0, "blocked": 0, "redirected": 1, "excluded": 0,
                               "ok": 0, "failing": 1, "pending": 0}
    dead, moved = data["results"]
    checked_at = dead.pop("checked_at")
    assert checked_at.endswith("Z") and len(checked_at) == 20
    assert dead == {
        "url": site.url("/gone"), "verdict": "broken", "status": 404, "final_url": site.url("/gone"),
        "error": "HTTP 404 Not Found", "entries": ["dead"], "attempts": 1, "requests": 1, "redirects": [],
        "suggestion": None, "archived": None, "cached": False, "failures": 1, "confirmed": True,
        "excluded_by": None,
    }
    assert (moved["verdict"], moved["status"], moved["suggestion"], moved["redirects"]) == (
        "redirected", 200, site.url("/new"), [{"url": site.url("/old"), "status": 301, "location": "/new"}])
    assert data["expired_exclusions"] == []


def test_markdown_report(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "dead", site.url("/gone"))
    entry(catalog_dir, "moved", site.url("/old"))
    entry(catalog_dir, "walled", site.url("/wall"))
    _, out, _ = run(capsys, *FAST, "--no-cache", "--format", "markdown", "--source-url", "https://github.com/o/r/blob/c0")
    o = site.origin
    shown = o.replace(":", "\\:").replace("http", "http\u2060").replace("/", "\\/").replace(".", "\\.")
    blob = "https://github.com/o/r/blob/c0/catalog/articles"
    assert out == (
        "## Link check report\n\n"
        "3 URLs: 1 broken, 0 soft-404, 0 timeout, 1 blocked, 1 redirected, 0 excluded, 0 ok.\n\n"
        "### Dead links (1)\n\n"
        "| Entry | URL | What we found | What to do |\n|---|---|---|---|\n"
        f"| [catalog\\/articles\\/dead\\.yaml\\:2](<{blob}/dead.yaml#L2>) | [{shown}\\/gone](<{o}/gone>) "
        "| `HTTP 404 Not Found` | Find where the resource moved, or remove the entry. |\n\n"
        "### Blocked (1)\n\n"
        "| Entry | URL | What we found | What to do |\n|---|---|---|---|\n"
        f"| [catalog\\/articles\\/walled\\.yaml\\:2](<{blob}/walled.yaml#L2>) | [{shown}\\/wall](<{o}/wall>) "
        "| `HTTP 403 Forbidden: the site turns away automated checks; check by hand` | The page likely exists behind "
        "a wall: check by hand in a browser. If it works, accept the answer with a host rule in `catalog/hosts.yaml` "
        "(`accept: [...]`) or exclude it with a reason. |\n\n"
        "### Redirected (1)\n\n"
        "| Entry | URL | What we found | What to do |\n|---|---|---|---|\n"
        f"| [catalog\\/articles\\/moved\\.yaml\\:2](<{blob}/moved.yaml#L2>) | [{shown}\\/old](<{o}/old>) "
        f"| moved permanently (301) to `{o}/new` | Update the URL to `{o}/new`. |\n"
    )


def test_markdown_report_says_no_archived_copy_only_when_the_archive_was_asked(catalog_dir: CatalogDir,
                                                                             site: LocalServer, capsys) -> None:
    entry(catalog_dir, "dead", site.url("/gone"))
    with LocalServer("127.0.0.1", {"/wayback/available": Reply(200, {"Content-Type": "application/json"},
                                                                '{"archived_snapshots": {}}')}) as archive:
        _, out, _ = run(capsys, *FAST, "--no-cache", "--wayback-url", archive.origin, "--format", "markdown")
        assert len(archive.requests) == 1
    assert out.splitlines()[-1].endswith(
        "| `HTTP 404 Not Found` | Find where the resource moved, or remove the entry (no archived copy was found). |")


def test_markdown_report_when_all_is_well(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "fine", site.url("/ok"))
    code, out, _ = run(capsys, *FAST, "--no-cache", "--format", "markdown")
    assert (code, out) == (0, "## Link check report\n\n"
                              "All 1 links are fine (1 URL: 0 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, "
                              "0 excluded, 1 ok).\n")


def test_github_annotations_point_at_the_url_line(catalog_dir: CatalogDir, site: LocalServer, capsys,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # github is the default format there
    entry(catalog_dir, "dead", site.url("/gone"))
    entry(catalog_dir, "walled", site.url("/wall"), kind="courses")
    code, out, _ = run(capsys, *FAST, "--no-cache")
    assert code == 1
    assert out.splitlines()[-2:] == [
        f"::error file=catalog/articles/dead.yaml,line=2,col=6,title=broken link::{site.url('/gone')}: "
        "HTTP 404 Not Found",
        f"::warning file=catalog/courses/walled.yaml,line=2,col=6,title=blocked link::{site.url('/wall')}: "
        "HTTP 403 Forbidden: the site turns away automated checks; check by hand",
    ]


def test_scheduled_runs_call_a_link_broken_after_two_failures(catalog_dir: CatalogDir, capsys) -> None:
    answers = iter([404, 404, 200, 404])
    with LocalServer("127.0.0.1") as server:
        entry(catalog_dir, "flaky", server.url("/flaky"))

        def next_run() -> tuple[int, str, str]:
            server.routes["/flaky"] = Reply(next(answers))
            return run(capsys, *FAST, "--cache", "cache.json")

        first, second, recovered, again = (next_run() for _ in range(4))
    url = server.url("/flaky")
    pending = (f"failing     {url}  HTTP 404 Not Found (first failure: reported as broken if the next run fails "
               "too)  [flaky]\n1 URL: 0 broken, 0 soft-404, 1 failing for the first time, 0 timeout, 0 blocked, "
               "0 redirected, 0 excluded, 0 ok\n")
    assert first == (0, pending, "")
    assert second == (1, f"broken      {url}  HTTP 404 Not Found  [flaky]\n"
                         "1 URL: 1 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 0 excluded, 0 ok\n", "")
    assert recovered[0] == 0
    assert again == (0, pending, "")  # the count starts again after a good run
    record = json.loads(Path("cache.json").read_text())["results"][url]
    assert (record["verdict"], record["failures"], record["status"]) == ("broken", 1, 404)


def test_the_default_cache_works_in_a_fresh_checkout(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    # A fresh clone has no .cache/pmgenome/ yet: the first run makes it, rather than stopping at the lock file.
    entry(catalog_dir, "dead", site.url("/gone"))
    assert not Path(".cache").exists()
    first, second = (run(capsys, *FAST) for _ in range(2))
    assert first[0::2] == (0, "") and second[0::2] == (1, "")
    record = json.loads(Path(".cache/pmgenome/links.json").read_text())["results"][site.url("/gone")]
    assert (record["verdict"], record["failures"]) == ("broken", 2)


def test_a_list_of_urls_fails_at_once(tmp_path: Path, site: LocalServer, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("urls.txt").write_text(f"# to check\n{site.url('/gone')}\n\n{site.url('/ok')}\n{site.url('/ok')}\n")
    code, out, _ = run(capsys, *FAST, "--url-file", "urls.txt", "--cache", "cache.json")
    assert (code, out) == (1, f"broken      {site.url('/gone')}  HTTP 404 Not Found\n"
                              "2 URLs: 1 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 0 excluded, 1 ok\n")
    assert site.hits("/ok") == 1


def test_max_age_skips_recent_good_results(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "fine", site.url("/ok"))
    entry(catalog_dir, "dead", site.url("/gone"))
    run(capsys, *FAST, "--cache", "cache.json")
    before = (site.hits("/ok"), site.hits("/gone"))
    code, out, _ = run(capsys, *FAST, "--cache", "cache.json", "--max-age", "1h", "--format", "json")
    after = (site.hits("/ok"), site.hits("/gone"))
    assert code == 1  # failed twice in a row
    assert (after[0] - before[0], after[1] - before[1]) == (0, 1)  # ok reused; failures checked again
    fine = next(r for r in json.loads(out)["results"] if r["url"] == site.url("/ok"))
    assert (fine["verdict"], fine["cached"], fine["attempts"]) == ("ok", True, 0)


def test_a_damaged_cache_is_ignored_with_a_warning(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "fine", site.url("/ok"))
    Path("cache.json").write_text("{not json")
    code, _, err = run(capsys, *FAST, "--cache", "cache.json")
    assert (code, err) == (0, "pmgenome links: warning: ignoring the link cache, checked afresh: cache.json:1:2: not "
                              "valid JSON: expecting property name enclosed in double quotes\n")
    assert json.loads(Path("cache.json").read_text())["version"] == 2


def test_a_cache_a_newer_pmgenome_wrote_stops_the_run_and_is_kept(catalog_dir: CatalogDir, site: LocalServer,
                                                                   capsys) -> None:
    entry(catalog_dir, "fine", site.url("/ok"))
    newer = '{"version": 3, "results": {}}'
    Path("cache.json").write_text(newer)
    code, out, err = run(capsys, *FAST, "--cache", "cache.json")
    assert (code, out, err) == (2, "", "pmgenome links: cache.json:1:2: the link cache is version 3; this pmgenome "
                                       "reads versions 1 and 2: update pmgenome, or move the file away to start "
                                       "afresh\n")
    assert Path("cache.json").read_text() == newer and site.hits("/ok") == 0


def test_exclusions_skip_links_until_they_expire(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "dead", site.url("/gone"))
    entry(catalog_dir, "walled", site.url("/wall"))
    catalog_dir.write("exclusions.yaml", f"""\
        exclusions:
          - url: {site.url('/gone')}
            reason: the publisher is moving it; back in spring
            expires: 2020-01-31
          - pattern: /wall$
            reason: members only
        """)
    code, out, _ = run(capsys, *FAST, "--no-cache")
    assert (code, out) == (1, (
        f"broken      {site.url('/gone')}  HTTP 404 Not Found  [dead]\n"
        f"excluded    {site.url('/wall')}  excluded: members only (catalog/exclusions.yaml:5:5)  [walled]\n"
        "catalog/exclusions.yaml:2:5: exclusion expired on 2020-01-31 (the publisher is moving it; back in "
        "spring); the link is checked again: remove the exclusion or move its date\n"
        "2 URLs: 1 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 1 excluded, 0 ok\n"))
    assert site.hits("/wall") == 0


def test_a_bad_exclusions_file_is_reported_where_it_is_wrong(catalog_dir: CatalogDir, capsys) -> None:
    catalog_dir.write("exclusions.yaml", """\
        exclusions:
          - url: https://example.org/a
          - pattern: "("
            reason: broken regex
          - url: https://example.org/b
            pattern: b
            reason: both
            until: 2027-01-01
          - url: https://example.org/c
            reason: fine
            expires: soon
        """)
    code, out, err = run(capsys, *FAST, "--no-cache")
    assert (code, out) == (2, "")
    assert err == (
        "catalog/exclusions.yaml:2:5: an exclusion needs a 'reason': say why the link cannot be checked\n"
        "catalog/exclusions.yaml:3:14: pattern is not a valid regular expression: missing ), unterminated "
        "subpattern at position 0\n"
        "catalog/exclusions.yaml:5:5: an exclusion needs exactly one of 'url' or 'pattern'\n"
        "catalog/exclusions.yaml:8:5: unknown field 'until'; an exclusion has url, pattern, reason, expires\n"
        "catalog/exclusions.yaml:11:14: expires must be a date written as YYYY-MM-DD\n"
        "pmgenome links: fix catalog/exclusions.yaml first\n"
    )


def test_archived_copies_are_suggested_for_broken_links(catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    snapshot = "http://web.archive.org/web/20200101000000/" + site.url("/gone")
    answer = {"archived_snapshots": {"closest": {"available": True, "url": snapshot, "timestamp": "20200101000000",
                                                 "status": "200"}}}
    with LocalServer("127.0.0.1", {"/wayback/available": Reply(200, {"Content-Type": "application/json"},
                                                                json.dumps(answer))}) as archive:
        entry(catalog_dir, "dead", site.url("/gone"))
        entry(catalog_dir, "fine", site.url("/ok"))
        code, out, _ = run(capsys, *FAST, "--no-cache", "--wayback-url", archive.origin)
        assert [r.path for r in archive.requests] == [
            "/wayback/available?url=" + site.url("/gone").replace(":", "%3A").replace("/", "%2F")]
    assert (code, out) == (1, f"broken      {site.url('/gone')}  HTTP 404 Not Found  [dead]\n"
                              f"            archived copy: {snapshot}\n"
                              "2 URLs: 1 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 0 excluded, 1 ok\n")


def test_without_allow_private_loopback_urls_are_not_fetched(catalog_dir: CatalogDir, site: LocalServer,
                                                            capsys) -> None:
    entry(catalog_dir, "inside", site.url("/ok"))
    code, out, _ = run(capsys, "--timeout", "1", "--no-cache")
    assert (code, out) == (1, f"broken      {site.url('/ok')}  not fetched: 127.0.0.1 is a loopback address  "
                              "[inside]\n1 URL: 1 broken, 0 soft-404, 0 timeout, 0 blocked, 0 redirected, 0 excluded, 0 ok\n")
    assert site.hits() == 0


def _git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True)


def test_changed_since_checks_only_new_and_edited_entries(catalog_dir: CatalogDir, site: LocalServer,
                                                          capsys) -> None:
    entry(catalog_dir, "old-dead", site.url("/gone"))
    entry(catalog_dir, "edited", site.url("/ok"))
    _git("init", "-q", "-b", "main")
    _git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "catalog")
    _git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")
    entry(catalog_dir, "edited", site.url("/wall"))
    entry(catalog_dir, "brand-new", site.url("/old"), kind="courses")
    code, out, _ = run(capsys, *FAST, "--cache", "cache.json", "--changed-since", "main")
    assert (code, out) == (0, (
        f"blocked     {site.url('/wall')}  HTTP 403 Forbidden: the site turns away automated checks; check by hand"
        "  [edited]\n"
        f"redirected  {site.url('/old')}  moved permanently (301) to {site.url('/new')}: update the URL  [brand-new]\n"
        "2 URLs: 0 broken, 0 soft-404, 0 timeout, 1 blocked, 1 redirected, 0 excluded, 0 ok\n"))
    assert site.hits("/gone") == 0
    entry(catalog_dir, "new-dead", site.url("/gone"))
    code, out, _ = run(capsys, *FAST, "--cache", "cache.json", "--changed-since", "main")
    assert code == 1  # a pull request's broken link fails now, not on the second run
    assert f"broken      {site.url('/gone')}  HTTP 404 Not Found  [new-dead]\n" in out


def test_changed_since_an_unknown_ref(catalog_dir: CatalogDir, capsys) -> None:
    _git("init", "-q", "-b", "main")
    code, out, err = run(capsys, *FAST, "--changed-since", "origin/nope")
    assert (code, out, err) == (2, "", "pmgenome links: --changed-since: 'origin/nope' is not a commit this "
                                       "checkout knows (fetch it first, for example `git fetch origin main`, or "
                                       "check the spelling)\n")


def test_changed_since_outside_git(catalog_dir: CatalogDir, capsys) -> None:
    code, out, err = run(capsys, *FAST, "--changed-since", "main")
    assert (code, err) == (2, "pmgenome links: --changed-since: catalog is not inside a git checkout\n")


def test_url_file_problems(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--url-file", "missing.txt") == (
        2, "", "pmgenome links: cannot read --url-file missing.txt: No such file or directory\n")
    Path("urls.txt").write_text("https://example.org/\nftp://example.org/file\nnot a url\n")
    assert run(capsys, "--url-file", "urls.txt") == (
        2, "", "pmgenome links: urls.txt:2: not an http(s) URL: 'ftp://example.org/file'\n"
               "urls.txt:3: not an http(s) URL: 'not a url'\n")


def test_missing_catalog(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--catalog", "nowhere") == (2, "", "pmgenome links: catalog folder not found: nowhere\n")


@pytest.mark.parametrize(("flag", "value", "message"), [
    ("--timeout", "0", "argument --timeout: must be more than 0 and at most 3600 seconds, not 0"),
    ("--timeout", "soon", "argument --timeout: not a number of seconds: 'soon'"),
    ("--per-host", "0", "argument --per-host: must be a whole number from 1 to 256, not '0'"),
    ("--max-age", "a week", "argument --max-age: not an age: 'a week'; write a number with s, m, h, d or w, "
                            "like 12h or 7d"),
    ("--format", "xml", "argument --format: invalid choice: 'xml' (choose from 'text', 'markdown', 'json', 'github')"),
])
def test_bad_flags_are_usage_errors(capsys, flag: str, value: str, message: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["links", flag, value])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"pmgenome links: error: {message}"


def test_bad_wayback_url(catalog_dir: CatalogDir, capsys) -> None:
    assert run(capsys, "--wayback-url", "archive.org") == (
        2, "", "pmgenome links: the Wayback Machine URL must start with http:// or https://, not 'archive.org'\n")


def test_results_written_over_the_cache_are_refused(catalog_dir: CatalogDir, tmp_path: Path, capsys) -> None:
    cache = tmp_path / "links.json"
    cache.write_text('{"version": 1, "results": {}}')
    assert run(capsys, "--cache", str(cache), "--results", str(tmp_path / "." / "links.json")) == (
        2, "", "pmgenome links: --results links.json is the link cache; give the results a file of their own\n")
    assert cache.read_text() == '{"version": 1, "results": {}}'


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    log, terminal = io.StringIO(), _Terminal()
    for stream in (log, terminal):
        bar = ProgressBar(stream, "checking links", width=10)
        bar.update(1, 4)
        bar.update(4, 4)
        bar.close()
    assert log.getvalue() == ""
    assert terminal.getvalue() == ("\rchecking links [##........] 1/4\rchecking links [##########] 4/4"
                                   "\r\x1b[2K")


def test_help_shows_the_defaults_the_check_runs_with(capsys) -> None:
    # The options default to nothing and fall back to net/'s constants, which --help names.
    with pytest.raises(SystemExit) as stopped:
        main(["links", "--help"])
    assert stopped.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for text in (f"after this long (default: {READ_TIMEOUT:g})",
                 f"(default: {ATTEMPTS}; a timeout is tried {TIMEOUT_ATTEMPTS} times at most)",
                 f"is not called broken (default: {OUTAGE_WINDOW:g})", f"in all (default: {CONCURRENCY})",
                 f"to one host (default: {PER_HOST}; CATALOG/hosts.yaml can change it)"):
        assert text in shown
    assert "(default: 20)" in shown and "(default: 3; a timeout is tried 2 times at most)" in shown
    config = ClientConfig.from_options()
    assert (config.read_timeout, config.total_timeout, config.connect_timeout, config.concurrency, config.per_host,
            config.retry) == (20.0, 20.0, 10.0, 16, 2, ClientConfig().retry)
    given = ClientConfig.from_options(timeout=3, attempts=5, outage_window=0, per_host=1)
    assert (given.read_timeout, given.connect_timeout, given.retry.attempts, given.retry.outage_window,
            given.per_host) == (3, 3, 5, 0, 1)


def test_markdown_report_lists_silent_podcasts_and_newsletters_as_retirement_candidates(
        catalog_dir: CatalogDir, site: LocalServer, capsys) -> None:
    entry(catalog_dir, "fine", site.url("/ok"))
    live = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=20)).date()
    for name, kind in (("quiet-show", "podcasts"), ("live-show", "podcasts"), ("quiet-letter", "newsletters")):
        catalog_dir.write(f"{kind}/{name}.yaml", f"title: A <b>{name}</b>\nurl: {site.url('/ok')}\n"
                                                 f"feed: https://example.org/{name}.xml\ncadence: weekly\n")
    save_store(catalog_dir.root, {name: EnrichmentRecord(url=site.url("/ok"), feed=FeedCheck(
        f"https://example.org/{name}.xml", None, latest)) for name, latest in (
        ("quiet-show", dt.date(2024, 3, 1)), ("live-show", live), ("quiet-letter", dt.date(2025, 1, 9)))})
    code, out, err = run(capsys, *FAST, "--no-cache", "--format", "markdown", "--source-url",
                         "https://github.com/o/r/blob/c0")
    blob = "https://github.com/o/r/blob/c0/catalog"
    assert err == ""
    assert code == 0
    assert out.split("\n\n", 2)[2] == (
        "### Silent for more than 6 months: candidates for retirement (2)\n\n"
        "Their feed has published nothing since the date shown. Check the show or newsletter: if it has stopped, "
        "set its `cadence` to `ended` (its archive stays listed) or remove the entry.\n\n"
        "| Entry | Title | Last published |\n|---|---|---|\n"
        f"| [catalog\\/podcasts\\/quiet\\-show\\.yaml\\:3](<{blob}/podcasts/quiet-show.yaml#L3>) | "
        "A \\<b\\>quiet\\-show\\<\\/b\\> | 2024-03-01 |\n"
        f"| [catalog\\/newsletters\\/quiet\\-letter\\.yaml\\:3](<{blob}/newsletters/quiet-letter.yaml#L3>) | "
        "A \\<b\\>quiet\\-letter\\<\\/b\\> | 2025-01-09 |\n")
    # A run on a list of URLs or on changed files is no whole-catalog report: no candidates.
    (catalog_dir.root.parent / "urls.txt").write_text(site.url("/ok") + "\n", encoding="utf-8")
    _, out, _ = run(capsys, *FAST, "--no-cache", "--format", "markdown", "--url-file", "urls.txt")
    assert "Silent for more" not in out
