"""stores.atomic: whole files or none, and the leftovers of a killed write cleared by the next run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from pmgenome.stores.atomic import remove_leftovers, write_atomic

# Writes a store but stops forever just before the rename, as a process killed at that moment would.
PAUSED_WRITER = textwrap.dedent("""\
    import os, sys, time
    from pathlib import Path
    from pmgenome.stores import atomic
    def stuck(fd):
        print("writing", flush=True)
        time.sleep(600)
    atomic.os.fsync = stuck
    atomic.write_atomic(Path(sys.argv[1]), "{}" * 100000)
""")


def test_a_write_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    write_atomic(path, "old")
    write_atomic(path, "new ✓")
    assert path.read_text(encoding="utf-8") == "new ✓"
    assert os.listdir(tmp_path) == ["store.json"]


def test_a_killed_write_leaves_the_old_file_and_the_next_run_clears_its_leftover(tmp_path: Path) -> None:
    path = tmp_path / "enrichment.json"
    path.write_text("old", encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", PAUSED_WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(10)
    leftovers = [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].startswith(".enrichment.json.")
    assert path.read_text(encoding="utf-8") == "old"
    assert remove_leftovers(path) == [tmp_path / leftovers[0]]
    assert sorted(os.listdir(tmp_path)) == ["enrichment.json"]


def test_only_this_files_temporary_files_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "enrichment.json"
    keep = [".enrichment.json.lock", ".links.json.abcd1234.tmp", "enrichment.json.abcd1234.tmp",
            ".enrichment.json.abcd123.tmp", ".enrichment.json.ABCD1234.tmp", ".enrichment.json.abcd1234.tmp.bak"]
    for name in keep:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".enrichment.json.dir_5678.tmp").mkdir()
    (tmp_path / ".enrichment.json.k2x_9abc.tmp").write_text("partial", encoding="utf-8")
    assert remove_leftovers(path) == [tmp_path / ".enrichment.json.k2x_9abc.tmp"]
    assert sorted(os.listdir(tmp_path)) == sorted(keep + [".enrichment.json.dir_5678.tmp"])


def test_no_folder_no_leftovers(tmp_path: Path) -> None:
    assert remove_leftovers(tmp_path / "nowhere" / "enrichment.json") == []

