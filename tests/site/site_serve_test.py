"""`mkdocs serve` rebuilds when a catalog file changes (the plugin watches the catalog folder)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support.sitebuild import fixture_catalog, write_config


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_an_entry_changes(tmp_path: Path) -> None:
    catalog = fixture_catalog(tmp_path / "catalog")
    config = write_config(tmp_path / "mkdocs.yml", catalog)
    port = free_loopback_port()
    url = f"http://127.0.0.1:{port}/resources/b2b-tie-alpha/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: '<h1 id="tie-alpha">Tie Alpha' in fetch(url), 60)
        entry = catalog / "articles" / "b2b-tie-alpha.yaml"
        entry.write_text(entry.read_text(encoding="utf-8").replace("title: Tie Alpha\n", "title: Tie Alpha, renamed\n"),
                         encoding="utf-8")
        assert wait_for(lambda: '<h1 id="tie-alpha-renamed">Tie Alpha, renamed' in fetch(url), 60)
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    watching = next(line for line in stderr.splitlines() if "Watching paths for changes:" in line)
    assert watching.endswith(", 'catalog'")  # shown relative to the working folder
    assert "Detected file changes" in stderr
    assert "WARNING" not in stderr
