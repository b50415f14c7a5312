"""validate on 10,000 synthetic entries against only parsing the same files with PyYAML's C loader.

Each side runs in a fresh child process (so its peak memory is its own), three times; the best
time counts, as timeit does, because noise on a shared machine only ever adds time.
Goals: validate costs at most 1.5x the bare parse and stays under 400 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synthetic import write_catalog

ENTRIES = 10_000
ROUNDS = 3
GOAL_RATIO = 1.5
GOAL_MB = 400

# Both children time only their work, after imports, and report their own peak RSS.
BASELINE = """
import json, resource, sys, time, yaml
from pathlib import Path
root = Path(sys.argv[1])
files = sorted(p for folder in ("articles", "courses", "meetups") for p in (root / folder).glob("*.yaml"))
start = time.perf_counter()
for path in files:
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "files": len(files),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
OURS = """
import json, resource, sys, time
from pathlib import Path
from pmgenome.catalog.validate import validate_catalog
start = time.perf_counter()
catalog, problems = validate_catalog(Path(sys.argv[1]))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "files": len(catalog.entries), "problems": len(problems),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(code: str, root: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        root = write_catalog(Path(tmp) / "catalog", ENTRIES)
        base_runs, our_runs = [], []
        for _ in range(ROUNDS):  # interleaved, so a noisy moment hits both sides
            base_runs.append(_run(BASELINE, root))
            our_runs.append(_run(OURS, root))
    base = min(run["seconds"] for run in base_runs)
    ours = min(run["seconds"] for run in our_runs)
    rss = max(run["rss_mb"] for run in our_runs)
    problems = our_runs[0]["problems"]
    ratio = ours / base
    print(f"{'':34}{'seconds':>9}{'peak MB':>9}")
    print(f"{'PyYAML CSafeLoader parse only':34}{base:9.2f}{max(r['rss_mb'] for r in base_runs):9.0f}")
    print(f"{'pmgenome validate':34}{ours:9.2f}{rss:9.0f}")
    print(f"entries: {our_runs[0]['files']:,}; problems found: {problems} (expected 0)")
    print(f"ratio validate/parse: {ratio:.2f}x (goal <= {GOAL_RATIO}x); "
          f"peak memory {rss:.0f} MB (goal < {GOAL_MB} MB)")
    return 0 if ratio <= GOAL_RATIO and rss < GOAL_MB and problems == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
