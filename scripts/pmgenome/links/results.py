"""The link check's results for the site: the last verdict on each URL of the catalog, in the one
link file format (links/record.py), read by site/linkresults.py (the build's `catalog_link_results`,
or the PMGENOME_LINK_RESULTS variable). The weekly workflow keeps it on the `link-status` branch.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pmgenome.links.record import LinkFile, merged, read_link_file, save_link_file
from pmgenome.links.verdict import LinkResult


def save_results(path: Path, results: Iterable[LinkResult], checked_at: str, keep_others: bool) -> None:
    """Write this run's results; on a partial run (a pull request, a list) the other URLs' usable
    results are kept (a file that cannot be read keeps none: the run writes only its own)."""
    earlier = read_link_file(Path(path)) if keep_others else None
    kept = earlier.results if isinstance(earlier, LinkFile) else {}
    save_link_file(Path(path), merged(kept, results, keep_others), checked_at)
