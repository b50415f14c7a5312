"""Ctrl-C in `enrich` and `inspect` while a page trickles in: out at once rather than when the page
ends, what was fetched saved, and a second Ctrl-C no traceback. Real processes, real signals, a real
trickling server; the child is interrupted when it says (or the server shows) it has got that far."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.enrichprobe import PROBE_VARIABLE
from tests.support.samples import make_catalog, page, write_entry
from tests.support.servers import LocalServer, Reply, html, wait_until

ROOT = Path(__file__).resolve().parents[2]  # the repository, where the tests package is

# One byte every 0.2 s: the client's read timeout never fires, the page takes about 17 minutes.
TRICKLE = Reply(200, {"Content-Type": "text/html"}, b"<!doctype html><title>slow</title>" + b"x" * 5000,
                action="trickle", interval=0.2)
# Seconds from Ctrl-C to the process's end: real time, as a signal is, so a generous bound. Waiting
# for the trickle would take minutes; a start-up and a save on a loaded machine take a second or two.
PROMPT = 10.0


@pytest.fixture
def server():
    # One host: the command runs in a child process, which cannot take the test resolver's names.
    with LocalServer("127.0.0.1", {"/article": html(page("article.html")), "/course": html(page("course.html")),
                                   "/slow": TRICKLE}) as running:
        yield running


def interrupt(process: subprocess.Popen[str], twice: bool) -> tuple[float, str, str]:
    """Ctrl-C (and again 50 ms later when `twice`, as a person pressing it twice would, while the
    first is being handled); the seconds until the process ended, its output."""
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
    probe = tmp_path / "settled.txt"
    probe.touch()
    # The real command, run by a module that writes a line each time an entry is settled.
    environment = {**os.environ, PROBE_VARIABLE: str(probe),
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-m", "tests.support.enrichprobe", "enrich", "--catalog", "catalog",
                                "--allow-private"],
                               cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The two quick pages fetched and settled, the slow one trickling: now Ctrl-C.
        assert wait_until(lambda: probe.read_text(encoding="utf-8") == "settled 1\nsettled 2\n"
                          and server.hits("/slow") == 1, timeout=60)
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
        # Both requests in flight (the command catches Ctrl-C before it sends any): now Ctrl-C.
        assert wait_until(lambda: server.hits() == 2, timeout=60)
        elapsed, out, err = interrupt(process, twice)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (130, "", "pmgenome: interrupted\n")
    assert elapsed < PROMPT, f"exited {elapsed:.2f} s after Ctrl-C"
