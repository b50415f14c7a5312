"""The vocabulary's names, as the plan's sentences use them."""

from __future__ import annotations

from collections.abc import Sequence

from pmgenome.catalog.model import GROUPS, Taxonomy


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
            return " and ".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def skills(self, ids: Sequence[str]) -> str:
        # Skill names hold "and" themselves ("Strategy and vision"), so they are joined with "plus".
        return ", plus ".join(lower_first(self("skills", skill)) for skill in ids)


def lower_first(text: str) -> str:
    # "Strategy and vision" reads better mid-sentence as "strategy and vision"; "UX ..." stays.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
