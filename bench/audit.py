"""Lighthouse (mobile) and axe-core on five pages of the shipped catalog's site.

The site is built from the repository's mkdocs.yml and catalog and served on loopback, gzipped
as GitHub Pages serves it. Lighthouse 12.8.2 and axe-core come from npm (`npm ci`); Lighthouse
drives Debian's Chromium with its default mobile settings (a mid-range phone, simulated slow
4G and a 4x slower CPU). Performance is the median of three runs, as Lighthouse's own docs
advise for a score that moves with the machine's load; accessibility does not move.

Goals on home, a segment, Explore, path/ and a resource page: accessibility at least 0.95,
performance at least 0.90, and no serious or critical axe-core violation.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from pmgenome.catalog.load import load_catalog

from bench.browser import CHROMIUM, CHROMIUM_ARGS, serve
from bench.site import build

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
RUNS = 3
GOAL_A11Y = 0.95
GOAL_PERF = 0.90
SERIOUS = ("serious", "critical")
LIGHTHOUSE_TIMEOUT = 300


def pages(catalog: Path) -> dict[str, str]:
    loaded, _ = load_catalog(catalog)
    first = sorted(entry.id for entry in loaded.entries)[0]
    return {"home": "", "segment": "segments/b2b/", "explore": "explore/", "path": "path/",
            "resource": f"resources/{first}/"}


def lighthouse(url: str) -> dict:
    command = ["node", str(LIGHTHOUSE), url, "--only-categories=accessibility,performance",
               "--output=json", "--output-path=stdout", "--quiet",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=LIGHTHOUSE_TIMEOUT,
                         env={**os.environ, "CHROME_PATH": CHROMIUM})
    if run.returncode != 0:
        raise SystemExit(f"bench audit: Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


def failing(report: dict, category: str) -> list[str]:
    """The audits of a category that lost points, for the reader of the bench."""
    audits = report["audits"]
    refs = report["categories"][category]["auditRefs"]
    return [ref["id"] for ref in refs if ref["weight"] and (audits[ref["id"]].get("score") or 0) < 0.9
            and audits[ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "informative", "manual")]


def axe_violations(browser, url: str, source: str) -> list[tuple[str, str, int]]:
    context = browser.new_context(viewport={"width": 412, "height": 823}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=source)
        found = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
        return [(item["id"], item["impact"], len(item["nodes"])) for item in found]
    finally:
        context.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not LIGHTHOUSE.is_file() or not AXE.is_file():
        print("bench audit: Lighthouse and axe-core come from npm: run `npm ci` first")
        return 1
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as tmp:
        site = Path(tmp) / "site"
        build(REPO / "mkdocs.yml", site)
        served = serve(site)
        source = AXE.read_text(encoding="utf-8")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    print(f"{'page':<10}{'a11y':>6}{'perf':>6}  {'perf runs':<18}{'axe serious+':>13}  lost points")
                    for name, path in pages(REPO / "catalog").items():
                        url = served.base + path
                        reports = [lighthouse(url) for _ in range(RUNS)]
                        accessibility = min(r["categories"]["accessibility"]["score"] for r in reports)
                        runs = [r["categories"]["performance"]["score"] for r in reports]
                        performance = statistics.median(runs)
                        median_report = sorted(reports,
                                               key=lambda r: r["categories"]["performance"]["score"])[RUNS // 2]
                        found = axe_violations(browser, url, source)
                        serious = [item for item in found if item[1] in SERIOUS]
                        lost = failing(reports[0], "accessibility") + failing(median_report, "performance")
                        print(f"{name:<10}{accessibility:>6.2f}{performance:>6.2f}  "
                              f"{' '.join(f'{run:.2f}' for run in runs):<18}{len(serious):>13}  "
                              f"{', '.join(lost) or '-'}")
                        for rule, impact, nodes in found:
                            print(f"{'':<10}axe: {rule} ({impact}, {nodes} nodes)")
                        ok &= accessibility >= GOAL_A11Y and performance >= GOAL_PERF and not serious
                finally:
                    browser.close()
        finally:
            served.close()
    print(f"goals: accessibility >= {GOAL_A11Y}, performance >= {GOAL_PERF} (median of {RUNS}), "
          "no serious or critical axe-core violation")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
