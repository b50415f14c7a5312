"""One run at a time per store: an exclusive advisory lock held while a run reads, changes and
writes a store, so two runs cannot each write their own copy and lose the other's records.

The lock is `flock` on a small file beside the store (`.enrichment.json.lock` beside
`enrichment.json`). The kernel releases it when the holder's file is closed, which includes the
process ending in any way (kill -9, a crash), so a lock is never left behind. The lock file itself
stays: removing it would let a third run lock a new file while a second still waits on the old one.
Readers that only read (the site build) need no lock: stores are replaced atomically.
"""

from __future__ import annotations

import fcntl
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pmgenome.stores.errors import StoreError
from pmgenome.text.paths import display_path

MAX_HOLDER_BYTES = 64  # what the lock file may say about its holder; it is only ever a pid


class StoreBusy(StoreError):
    """Another run holds the store's lock."""


def lock_path(path: Path) -> Path:
    """The lock file for the store at `path`: a hidden file beside it."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


def _holder(fd: int) -> str:
    # Informative only: the pid the holder wrote, if it has written it yet.
    try:
        text = os.pread(fd, MAX_HOLDER_BYTES, 0).decode("ascii", errors="replace").strip()
    except OSError:
        return ""
    return f" (process {text})" if text.isdigit() else ""


@contextmanager
def store_lock(path: Path) -> Iterator[None]:
    """Hold the store at `path` for this run; raise StoreBusy at once when another run holds it.

    Raises StoreError when the lock file cannot be opened (a missing or read-only folder).
    """
    path = Path(path)
    lock = lock_path(path)
    try:
        # O_NOFOLLOW: a symlink planted as the lock file must not make us truncate its target.
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        raise StoreError(f"{display_path(path)}: cannot open the lock file {display_path(lock)} "
                         f"({error.strerror or error}); nothing was read or written") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise StoreError(f"{display_path(path)}: the lock file {display_path(lock)} is not a regular "
                             "file; remove it, then run again; nothing was read or written")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreBusy(
                f"{display_path(path)} is being updated by another run{_holder(fd)}; nothing was read "
                "or written: wait for that run to finish, then run again (its lock ends with it, "
                "even if it crashes)") from None
        except OSError as error:
            raise StoreError(f"{display_path(path)}: cannot lock {display_path(lock)} "
                             f"({error.strerror or error}); nothing was read or written") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        except OSError:
            pass  # the pid only improves the other run's message
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
