"""The vocabulary's names, as the plan's sentences use them."""

from __future__ import annotations

from collections.abc import Sequence

from pmgenome.catalog.model import GROUPS, Taxonomy
from pmgenome.plan.sentences import LISTS


class Names:
    """The vocabulary's names by group and id; an id the vocabulary lacks names itself."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._names = {(group, term.id): term.name for group in GROUPS for term in taxonomy.group(group)}
        self.levels = taxonomy.ids("levels")
        self.segments = taxonomy.ids("segments")

    def __call__(self, group: str, term_id: str) -> str:
        return self._names.get((group, term_id), term_id)

    def join(self, group: str, ids: Sequence[str]) -> str:
        names = [self(group, term_id) for term_id in ids]
        if len(names) <= 2:
            return LISTS["and"].join(names)
        return LISTS["comma"].join(names[:-1]) + LISTS["and"] + names[-1]

    def skills(self, ids: Sequence[str]) -> str:
        return LISTS["plus"].join(lower_first(self("skills", skill)) for skill in ids)


def lower_first(text: str) -> str:
    # "Strategy and vision" reads better mid-sentence as "strategy and vision"; "UX ..." stays.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
