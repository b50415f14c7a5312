"""What a program's page says about it: who it takes, how long, how it teaches, where, whether it
pays, its application window and its status; the words Explore's program filters show."""

from __future__ import annotations

import datetime as dt

from pmgenome.catalog.model import Entry
from pmgenome.catalog.programs import formats, places
from pmgenome.site.when import program_place, program_status, program_when
from pmgenome.text.clean import one_line

# Who a program takes, and how it teaches (the schema's `audience` and a program's `format`).
AUDIENCE_LABELS = {"new-graduates": "New graduates", "career-changers": "Career changers",
                   "internal-transfers": "Internal transfers",
                   "practitioners": "Working practitioners"}
TRAINING_LABELS = {"rotations": "Rotations", "cohort": "Cohort", "mentoring": "Mentoring",
                   "apprenticeship": "Apprenticeship"}


def program_facts(entry: Entry, today: dt.date) -> list[tuple[str, str]]:
    """(label, value) for each fact the contributor gave, in the page's order."""
    where = ", ".join(program_place(place) for place in places(entry))
    facts = [
        ("Run by", one_line(entry.company or "")),
        ("Who it takes", ", ".join(AUDIENCE_LABELS[value] for value in entry.audience if value in AUDIENCE_LABELS)),
        ("Length", f"{entry.months} month{'s' if entry.months != 1 else ''}" if entry.months else ""),
        ("How it teaches", ", ".join(TRAINING_LABELS[value] for value in formats(entry) if value in TRAINING_LABELS)),
        ("Where", where),
        ("Paid", "" if entry.paid is None else "Yes: participants are paid" if entry.paid else "No"),
        ("Applications", program_when(entry, today)),
        ("Status", program_status(entry)),
    ]
    return [(label, value) for label, value in facts if value]
