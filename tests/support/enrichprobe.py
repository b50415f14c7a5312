"""`python -m tests.support.enrichprobe ARGS` runs `pmgenome ARGS` as `python -m pmgenome` does, and
writes a line to the file named by $ENRICH_PROBE each time `enrich` has settled one fetched entry
(its loop body finished). A test waits for those lines instead of guessing how long the child needs,
then interrupts it: a readiness line the command itself has no reason to print."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator
from contextlib import closing
from typing import Any

from pmgenome.cli import main
from pmgenome.enrich import refresh

PROBE_VARIABLE = "ENRICH_PROBE"


def _announcing(completed: Callable[..., Generator[Any]], path: str) -> Callable[..., Generator[Any]]:
    def announced(*args: Any, **kwargs: Any) -> Generator[Any]:
        settled = 0
        with closing(completed(*args, **kwargs)) as inner, open(path, "a", encoding="utf-8") as probe:
            for item in inner:
                yield item
                # Back here only once the caller's loop body for `item` has run to its end.
                settled += 1
                probe.write(f"settled {settled}\n")
                probe.flush()

    return announced


if __name__ == "__main__":
    refresh.completed = _announcing(refresh.completed, os.environ[PROBE_VARIABLE])
    raise SystemExit(main())
