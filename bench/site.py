"""The site build from 1,000 and 10,000 synthetic entries against a plain MkDocs + Material site.

The plain site has one ordinary Markdown page per entry (the same title, summary, facts and
skill tags), the same theme, Markdown extensions and tags plugin, Material's own search (plugin
and features), and the same small nav with every resource page left out of it; ours reads,
validates and ranks the catalog, adds the listings, Explore, the feed and the JSON export, and
indexes every page with Pagefind (its CPU time is the build's: a child's child is counted). Each
build is `mkdocs build --strict` in its own child process, measured by os.wait4: its CPU time
(user + system, which other people's work on this shared 2-core machine does not inflate the way
it does the wall clock; a build is single-threaded, so uncontended the two agree) and its own
peak RSS. The wall clock is printed beside it. The search index is measured as Pages serves it:
Material's JSON gzipped, Pagefind's files as written (they are compressed already).

Goals: our build at most 1.3x the plain one, peak memory under 1.5 GB at 10,000 entries, and
the search index under 2 KB gzipped per entry (also measured on the shipped catalog's real text).
Set PMGENOME_BENCH_SITE_SIZES=1000 to skip the 10,000 case while developing.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.validate import validate_catalog
from pmgenome.site import pages
from pmgenome.site.context import make_context

from bench.synthetic import write_catalog

REPO = Path(__file__).resolve().parent.parent
SIZES = tuple(int(size) for size in os.environ.get("PMGENOME_BENCH_SITE_SIZES", "1000,10000").split(","))
ROUNDS = {1_000: 5}  # best of five where a build takes seconds (this disk adds up to 2 s to one); one round at 10,000
GOAL_RATIO = 1.3
GOAL_MB = 1536
GOAL_INDEX_BYTES = 2048
NAV_PAGES = ("index.md", "segments/index.md", "articles/index.md", "courses/index.md",
             "meetups/index.md", "explore/index.md", "api.md")
# A plain Material site searches with Material's own plugin and its search features, as our
# site did before Pagefind.
MATERIAL_SEARCH = "  - search\n"
MATERIAL_FEATURES = "    - navigation.instant\n"
NOT_IN_NAV = "not_in_nav: |\n  /about.md\n"


@dataclass(frozen=True)
class Result:
    seconds: float  # CPU, user + system
    wall: float
    peak_mb: float
    pages: int
    index_gz: int


def _replace(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"bench site: mkdocs.yml no longer contains {old!r}")
    return text.replace(old, new)


def our_config(workdir: Path, catalog: Path) -> Path:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = _replace(text, "docs_dir: docs\n", f"docs_dir: {REPO / 'docs'}\n")
    text = _replace(text, "      catalog_dir: catalog\n", f"      catalog_dir: {catalog}\n")
    path = workdir / "ours.yml"
    path.write_text(text, encoding="utf-8")
    return path


def plain_site(workdir: Path, catalog: Path) -> Path:
    """Ordinary Markdown pages with the same content, and the same config without our plugin."""
    docs = workdir / "plain-docs"
    for page in NAV_PAGES:
        path = docs / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {Path(page).parent.name or Path(page).stem}\n\nA page of the nav.\n", encoding="utf-8")
    loaded, _ = load_catalog(catalog)
    names = {term.id: term.name for term in loaded.taxonomy.skills}
    (docs / "resources").mkdir()
    for entry in loaded.entries:
        facts = [f"- **Kind**: {entry.kind.label}", f"- **Segments**: {', '.join(entry.segments)}",
                 f"- **Levels**: {', '.join(entry.levels)}", f"- **Access**: {entry.access}",
                 f"- **Added**: {entry.added}"]
        facts += [f"- **{name}**: {value}" for name, value in
                  (("Author", entry.author), ("Provider", entry.provider), ("City", entry.city)) if value]
        tags = "".join(f"  - {names[skill]}\n" for skill in entry.skills)
        (docs / "resources" / f"{entry.id}.md").write_text(
            f"---\ntags:\n{tags}---\n\n# {entry.title}\n\n{entry.summary}\n\n"
            f"[Open the {entry.kind.value}]({entry.url})\n\n" + "\n".join(facts) + "\n", encoding="utf-8")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = _replace(text, "docs_dir: docs\n", f"docs_dir: {docs}\n")
    block = re.search(r"  - pmgenome:\n(?:      .*\n)+", text)
    if block is None:
        raise SystemExit("bench site: mkdocs.yml no longer lists the pmgenome plugin")
    text = text.replace(block.group(0), MATERIAL_SEARCH)
    text = _replace(text, MATERIAL_FEATURES, MATERIAL_FEATURES + "    - search.suggest\n    - search.highlight\n")
    text = _replace(text, NOT_IN_NAV, "not_in_nav: |\n  /resources/\n")
    path = workdir / "plain.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(config: Path, site: Path) -> Result:
    """One strict build in a child process: wall time, the child's peak RSS, what it wrote."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PMGENOME_SITE_URL": ""}
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                                  "-f", str(config), "-d", str(site)],
                                 stdout=log, stderr=subprocess.STDOUT, env=env, cwd=config.parent)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if child.returncode != 0 or output.strip():
        lines = output.splitlines()
        shown = "\n".join(lines[:30] + ([f"... ({len(lines) - 30} more lines)"] if len(lines) > 30 else []))
        raise SystemExit(f"bench site: building {config.name} failed or warned:\n{shown}")
    pages = sum(1 for _ in site.rglob("index.html"))  # use_directory_urls: one folder per page
    return Result(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, pages, index_bytes(site))


def index_bytes(site: Path) -> int:
    """The search index as served: Material's one JSON gzipped, or Pagefind's files (compressed already)."""
    material = site / "search" / "search_index.json"
    if material.is_file():
        return len(gzip.compress(material.read_bytes(), compresslevel=6))
    return sum(path.stat().st_size for path in (site / "pagefind").rglob("*")
               if path.is_file() and not path.name.endswith(".js"))


def builder_seconds(catalog: Path) -> dict[str, float]:
    """CPU seconds of each step of our plugin's own work, in this process: where the extra goes."""
    spent: dict[str, float] = {}
    started = time.process_time()
    loaded, _ = validate_catalog(catalog)
    spent["validate"] = time.process_time() - started
    started = time.process_time()
    context = make_context(loaded)
    spent["context"] = time.process_time() - started
    for builder in pages.BUILDERS:
        started = time.process_time()
        for _ in builder(loaded, context):
            pass
        spent[builder.__name__] = time.process_time() - started
    return spent


def main() -> int:
    ok = True
    print(f"{'entries':>8}  {'site':<9}{'pages':>7}{'CPU s':>9}{'wall s':>9}{'peak MB':>9}{'index gz':>10}"
          f"{'B/entry':>9}")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        work = Path(tmp)
        for size in SIZES:
            catalog = write_catalog(work / f"catalog-{size}", size)
            (work / "plain-work").mkdir()
            configs = {"plain": plain_site(work / "plain-work", catalog), "pmgenome": our_config(work, catalog)}
            best: dict[str, Result] = {}
            for _ in range(ROUNDS.get(size, 1)):  # interleaved, so a noisy moment hits both sides
                for name, config in configs.items():
                    result = build(config, work / f"site-{name}")
                    if name not in best or result.seconds < best[name].seconds:
                        best[name] = result
            for name, result in best.items():
                print(f"{size:>8,}  {name:<9}{result.pages:>7,}{result.seconds:>9.2f}{result.wall:>9.2f}"
                      f"{result.peak_mb:>9.0f}"
                      f"{result.index_gz:>10,}{result.index_gz / size:>9.0f}")
            ratio = best["pmgenome"].seconds / best["plain"].seconds
            per_entry = best["pmgenome"].index_gz / size
            print(f"{size:>8,}  CPU ratio pmgenome/plain {ratio:.2f}x (goal <= {GOAL_RATIO}x); "
                  f"search index {per_entry:.0f} B/entry gzipped (goal < {GOAL_INDEX_BYTES})")
            ok &= ratio <= GOAL_RATIO and per_entry < GOAL_INDEX_BYTES
            spent = builder_seconds(catalog)
            print(f"{size:>8,}  plugin CPU s: " + ", ".join(
                f"{name.removeprefix('build_')} {seconds:.2f}" for name, seconds in spent.items()))
            if size >= 10_000:
                print(f"{size:>8,}  peak memory {best['pmgenome'].peak_mb:.0f} MB (goal < {GOAL_MB} MB)")
                ok &= best["pmgenome"].peak_mb < GOAL_MB
            shutil.rmtree(work / "plain-work")
            shutil.rmtree(catalog)
        shipped, _ = load_catalog(REPO / "catalog")
        real = build(our_config(work, REPO / "catalog"), work / "site-shipped")
        real_per_entry = real.index_gz / max(1, len(shipped.entries))
        print(f"shipped catalog ({len(shipped.entries)} entries, real text): search index "
              f"{real_per_entry:.0f} B/entry gzipped (goal < {GOAL_INDEX_BYTES})")
        ok &= real_per_entry < GOAL_INDEX_BYTES
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
