"""stores.lock: one run at a time per store, released however the holder ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pmgenome.stores.errors import StoreError
from pmgenome.stores.lock import StoreBusy, lock_path, store_lock
from pmgenome.text.paths import display_path

# A second process that takes the lock, says so, and holds it until its stdin closes or it is killed.
HOLDER = textwrap.dedent("""\
    import sys
    from pathlib import Path
    from pmgenome.stores.lock import store_lock
    with store_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.read()
""")


def busy_message(path: Path, pid: int) -> str:
    return (f"{display_path(path)} is being updated by another run (process {pid}); nothing was read or "
            "written: wait for that run to finish, then run again (its lock ends with it, even if it crashes)")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "enrichment.json"


def hold(store: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "locked\n"
    return process


def test_a_second_run_is_refused_while_the_first_holds_the_store(store: Path) -> None:
    holder = hold(store)
    try:
        with pytest.raises(StoreBusy) as busy, store_lock(store):
            pytest.fail("the lock was taken twice")
        assert str(busy.value) == busy_message(store, holder.pid)
        assert isinstance(busy.value, StoreError)
    finally:
        holder.communicate("")
    with store_lock(store):  # released when the holder finished
        pass


def test_the_lock_ends_with_a_killed_holder(store: Path) -> None:
    holder = hold(store)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(10)
    with store_lock(store):
        assert lock_path(store).read_text(encoding="ascii") == str(os.getpid())


def test_the_same_process_cannot_take_it_twice(store: Path) -> None:
    with store_lock(store):
        with pytest.raises(StoreBusy) as busy, store_lock(store):
            pass
    assert str(busy.value) == busy_message(store, os.getpid())


def test_an_error_inside_releases_the_lock(store: Path) -> None:
    with pytest.raises(RuntimeError), store_lock(store):
        raise RuntimeError("boom")
    with store_lock(store):
        pass


def test_the_lock_file_sits_beside_the_store_and_stays(store: Path) -> None:
    with store_lock(store):
        pass
    assert lock_path(store) == store.parent / ".enrichment.json.lock"
    assert sorted(path.name for path in store.parent.iterdir()) == [".enrichment.json.lock"]


def test_a_symlink_planted_as_the_lock_file_is_not_followed(store: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    lock_path(store).symlink_to(precious)
    with pytest.raises(StoreError) as error, store_lock(store):
        pass
    assert str(error.value) == (f"{display_path(store)}: cannot open the lock file {display_path(lock_path(store))} "
                                "(Too many levels of symbolic links); nothing was read or written")
    assert precious.read_text(encoding="utf-8") == "keep me"


def test_a_folder_that_does_not_exist_is_a_store_error(tmp_path: Path) -> None:
    store = tmp_path / "missing" / "enrichment.json"
    with pytest.raises(StoreError) as error, store_lock(store):
        pass
    assert str(error.value) == (f"{display_path(store)}: cannot open the lock file {display_path(lock_path(store))} "
                                "(No such file or directory); nothing was read or written")
