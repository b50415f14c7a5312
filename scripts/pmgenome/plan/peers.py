"""Peers who can teach a reader's gaps: who in the people directory (community/people/) to show on
path/, and in which order.

A reader's gaps are the skills they rated below "could teach it". A person qualifies when they can
teach at least one of them. People are ordered by the lowest rating among the gaps they teach
(the reader's weakest skill first), then by how near they are to the place the reader gave
(same city, same country, online, elsewhere; an "online" reader: online first), then by handle
(case-insensitively); the first PEOPLE_COUNT (plan/rule.py) are shown. Without ratings nobody is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pmgenome.catalog.model import Person
from pmgenome.plan.answers import Near
from pmgenome.plan.rule import PEOPLE_COUNT, TOP_RATING, same_city


def nearness(person: Person, place: Near | None) -> int:
    """How near a person is: the first of the steps that holds (the reader's city, their country,
    online; for an "online" reader only online), or past the last; all equal without a place."""
    if place is None:
        return 0
    if place.online:
        steps = [person.online]
    else:
        steps = [same_city(place.city, person.city) and (place.country is None or place.country == person.country),
                 bool(place.country) and place.country == person.country, person.online]
    return steps.index(True) if True in steps else len(steps)


def teachers(ratings: Mapping[str, int], place: Near | None, people: Sequence[Person],
             skill_order: Sequence[str]) -> list[tuple[Person, tuple[str, ...]]]:
    """Up to PEOPLE_COUNT people with the reader's gaps each can teach (weakest first, then
    taxonomy order), in the order the module describes."""
    gaps = {skill: rating for skill, rating in ratings.items() if rating < TOP_RATING}
    found = []
    for person in people:
        taught = sorted((skill for skill in person.can_teach if skill in gaps),
                        key=lambda skill: (gaps[skill], skill_order.index(skill)))
        if taught:
            found.append(((gaps[taught[0]], nearness(person, place), person.github.lower()), person, tuple(taught)))
    return [(person, taught) for _, person, taught in sorted(found, key=lambda item: item[0])[:PEOPLE_COUNT]]
