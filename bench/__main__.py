"""`python -m bench [NAME...]`: run every benchmark, or only the named ones."""

from __future__ import annotations

import importlib
import sys
import time

# Each name is a module bench.<name> with main() -> int (0 when its goals are met).
BENCHMARKS = ("validate", "enrich", "links", "site", "path", "browser", "audit")


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}",
              file=sys.stderr)
        return 2
    failed = []
    for name in names:
        print(f"\n=== bench {name} ===", flush=True)
        started = time.perf_counter()
        code = importlib.import_module(f"bench.{name}").main()
        print(f"=== {name}: {'goals met' if code == 0 else 'GOALS MISSED'} "
              f"({time.perf_counter() - started:.1f}s) ===", flush=True)
        if code:
            failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
