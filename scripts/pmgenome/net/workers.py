"""Fetching several pages at once on daemon threads, so that Ctrl-C never waits for a slow page.

A ThreadPoolExecutor's threads are joined when the interpreter exits: after Ctrl-C, a run that had
saved its work still waited for every request in flight, up to minutes for a page that trickles,
and a second Ctrl-C during that wait printed a traceback from the interpreter's shutdown. Daemon
threads are not joined. A request abandoned this way only reads, and its result is dropped, so
leaving it behind is safe: the caller has already kept everything that was finished.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Sequence
from typing import TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

# How often the waiting thread wakes: only matters where a signal cannot interrupt a wait.
POLL_SECONDS = 0.2


def completed(work: Callable[[Item], Result], items: Sequence[Item], workers: int,
              name: str = "worker") -> Generator[tuple[Item, Result]]:
    """(item, work(item)) for every item, as each finishes, computed by up to `workers` daemon threads.

    An exception raised by `work` is raised here. Leaving the loop early (Ctrl-C, an error, a
    break) stops the threads from starting new items; those in flight finish unobserved.
    """
    pending: queue.SimpleQueue[Item] = queue.SimpleQueue()
    for item in items:
        pending.put(item)
    done: queue.SimpleQueue[tuple[Item, Result | None, BaseException | None]] = queue.SimpleQueue()
    stopping = threading.Event()

    def run() -> None:
        while not stopping.is_set():
            try:
                item = pending.get_nowait()
            except queue.Empty:
                return
            try:
                done.put((item, work(item), None))
            except BaseException as error:  # noqa: BLE001 - handed to the waiting thread, which raises it
                done.put((item, None, error))

    for index in range(max(1, min(workers, len(items)))):
        threading.Thread(target=run, name=f"{name}-{index}", daemon=True).start()
    try:
        for _ in items:
            while True:
                try:
                    item, result, error = done.get(timeout=POLL_SECONDS)
                    break
                except queue.Empty:
                    continue
            if error is not None:
                raise error
            yield item, cast(Result, result)  # no error: work returned a Result
    finally:
        stopping.set()
