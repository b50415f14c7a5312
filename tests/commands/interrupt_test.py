"""Ctrl-C in `enrich` and `inspect` while a page trickles in: out within a second, what was fetched
saved, and a second Ctrl-C no traceback. Real processes, real signals, a real trickling server."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.samples import make_catalog, page, write_entry
from tests.support.servers import LocalServer, Reply, html, wait_until

# One byte every 0.2 s: the client's read timeout never fires, the page takes minutes.
TRICKLE = Reply(200, {"Content-Type": "text/html"}, b"<!doctype html><title>slow</title>" + b"x" * 5000,
                action="trickle", interval=0.2)
PROMPT = 1.0  # seconds from Ctrl-C to the process's end


@pytest.fixture
def server():
    with LocalServer("127.0.0.2", {"/article": html(page("article.html")), "/course": html(page("course.html")),
                                   "/slow": TRICKLE}) as running:
        yield running


def interrupt(process: subprocess.Popen[str], twice: bool) -> tuple[float, str, str]:
    """Ctrl-C (and again 50 ms later when `twice`); the seconds until the process ended, its output."""
    process.send_signal(signal.SIGINT)
    start = time.monotonic()
    if twice:
        time.sleep(0.05)
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return time.monotonic() - start, out, err


@pytest.mark.parametrize("twice", [False, True], ids=["once", "twice"])
def test_ctrl_c_in_enrich_exits_at_once_and_saves_what_was_fetched(tmp_path: Path, server, twice: bool):
    root = make_catalog(tmp_path / "catalog")
    write_entry(root, "article", "good-pm", server.url("/article"))
    write_entry(root, "course", "strategy-course", server.url("/course"))
    write_entry(root, "article", "slow", server.url("/slow"))
    process = subprocess.Popen([sys.executable, "-m", "pmgenome", "enrich", "--catalog", "catalog", "--allow-private"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_until(lambda: server.hits() == 3, timeout=20)
        time.sleep(1.0)  # the two quick pages are answered and read well within this
        elapsed, out, err = interrupt(process, twice)
    finally:
        process.kill()
    assert (process.returncode, err) == (
        130, "pmgenome enrich: interrupted; what was fetched is saved, the next run goes on from there\n")
    assert out == "enrich: 2 entries: 2 fetched, 0 unchanged, 0 fresh, 0 failed; 2 requests; wrote catalog/enrichment.json\n"
    stored = json.loads((root / "enrichment.json").read_text(encoding="utf-8"))["entries"]
    assert sorted(stored) == ["good-pm", "strategy-course"]
    assert elapsed < PROMPT, f"exited {elapsed:.2f} s after Ctrl-C"


@pytest.mark.parametrize("twice", [False, True], ids=["once", "twice"])
def test_ctrl_c_in_inspect_exits_at_once(server, twice: bool):
    process = subprocess.Popen([sys.executable, "-m", "pmgenome", "inspect", "--allow-private",
                                server.url("/article"), server.url("/slow")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_until(lambda: server.hits() == 2, timeout=20)
        time.sleep(0.5)
        elapsed, out, err = interrupt(process, twice)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (130, "", "pmgenome: interrupted\n")
    assert elapsed < PROMPT, f"exited {elapsed:.2f} s after Ctrl-C"
