"""Which published counts must be withheld so that no count under MIN_CELL can be seen or worked out.

A count built from fewer than MIN_CELL responses is withheld (shown as "fewer than 5"), zero
included. That is not enough on its own: where published counts add up to another published
count (a row of a table and its total, the totals and the number of responses), one withheld
count in such a sum is the total minus the others. So each sum (`Sum`: counts that add up to
another count, or to a constant everyone knows) must hold none or at least two withheld counts;
where it holds one, the smallest count shown beside it is withheld too (the first in key order
among equals), and the sums are checked again until none holds exactly one. The same steps on
the same counts always withhold the same cells.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

MIN_CELL = 5

Key = tuple[Hashable, ...]


@dataclass(frozen=True)
class Sum:
    """Counts whose sum anyone can find from other published figures (each key once)."""

    keys: tuple[Key, ...]


def withheld(counts: Mapping[Key, int], sums: Iterable[Sum], minimum: int = MIN_CELL) -> frozenset[Key]:
    """The keys of the counts to withhold: every count below `minimum`, and what else keeps each
    of those from being worked out of a `Sum`."""
    hidden = {key for key, count in counts.items() if count < minimum}
    order = {key: position for position, key in enumerate(counts)}
    groups = [tuple(key for key in group.keys if key in counts) for group in sums]
    changed = True
    while changed:
        changed = False
        for keys in groups:
            inside = [key for key in keys if key in hidden]
            shown = [key for key in keys if key not in hidden]
            if len(inside) == 1 and shown:
                hidden.add(min(shown, key=lambda key: (counts[key], order[key])))
                changed = True
    return frozenset(hidden)
