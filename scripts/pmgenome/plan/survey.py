"""The survey's published results: how many responses, the named shapes by company flavour and by
background, and each flavour's average T beside the T taxonomy.yaml says it expects.

Every count built from fewer than withhold.MIN_CELL responses is withheld (None here, "fewer than
5" on the page), and so is whatever would let one be worked out (plan/withhold.py): a flavour's
counts add up to its total, the totals to the number of responses, and one shape's counts by
flavour and by background describe the same people. An average is shown only when at least
MIN_CELL responses of the flavour rated that skill, and only for a flavour whose count is shown.
A response counts in every flavour its company has. Its shape is the nearest named shape
(plan/shapes.py) to its ratings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from pmgenome.catalog.model import Response, Shape, Taxonomy
from pmgenome.plan.shapes import nearest
from pmgenome.plan.withhold import MIN_CELL, Key, Sum, withheld

VERSION = 1


def survey_results(responses: Sequence[Response], taxonomy: Taxonomy, shapes: Sequence[Shape]) -> dict[str, Any]:
    """The published figures as JSON-ready data (api/survey.json); withheld counts are None."""
    shape_of = {}
    for response in responses:
        ranked = nearest(dict(response.ratings), shapes)
        shape_of[response.number] = ranked[0][0].id if ranked else None
    segments, backgrounds = taxonomy.ids("segments"), taxonomy.ids("backgrounds")
    shape_ids = [shape.id for shape in shapes]
    counts: dict[Key, int] = {("total",): len(responses)}
    tally: Counter[Key] = Counter()
    for response in responses:
        for segment in response.company:
            tally["flavour", segment] += 1
            tally["flavour", segment, shape_of[response.number]] += 1
        tally["background", response.background] += 1
        tally["background", response.background, shape_of[response.number]] += 1
    for group, ids in (("flavour", segments), ("background", backgrounds)):
        for one in ids:
            counts[group, one] = tally[group, one]
            for shape in shape_ids:
                counts[group, one, shape] = tally[group, one, shape]
    sums = [Sum(tuple(("flavour", one) for one in segments)), Sum(tuple(("background", one) for one in backgrounds))]
    sums += [Sum((("flavour", one), *(("flavour", one, shape) for shape in shape_ids))) for one in segments]
    sums += [Sum((("background", one), *(("background", one, shape) for shape in shape_ids))) for one in backgrounds]
    sums += [Sum((*(("flavour", one, shape) for one in segments), *(("background", one, shape) for one in backgrounds)))
             for shape in shape_ids]
    hidden = withheld(counts, sums)

    def shown(key: Key) -> int | None:
        return None if key in hidden else counts[key]

    names = {shape.id: shape.name for shape in shapes}
    flavours = []
    for term in taxonomy.segments:
        rated: defaultdict[str, list[int]] = defaultdict(list)
        for response in responses:
            if term.id in response.company:
                for skill, rating in response.ratings:
                    rated[skill].append(rating)
        expects = dict(term.expects)
        open_flavour = shown(("flavour", term.id)) is not None
        average = [{"skill": skill.id, "name": skill.name, "expected": expects.get(skill.id, 0),
                    "average": round(sum(rated[skill.id]) / len(rated[skill.id]), 1)
                    if open_flavour and len(rated[skill.id]) >= MIN_CELL else None}
                   for skill in taxonomy.skills]
        flavours.append({"segment": term.id, "name": term.name, "responses": shown(("flavour", term.id)),
                         "shapes": [{"shape": shape, "name": names[shape],
                                     "responses": shown(("flavour", term.id, shape))}
                                    for shape in shape_ids],
                         "average": average})
    by_background = [{"background": term.id, "name": term.name, "responses": shown(("background", term.id)),
                      "shapes": [{"shape": shape, "name": names[shape],
                                  "responses": shown(("background", term.id, shape))} for shape in shape_ids]}
                     for term in taxonomy.backgrounds]
    return {"version": VERSION, "min_cell": MIN_CELL, "responses": shown(("total",)) if responses else 0,
            "empty": not responses,
            "by_flavour": flavours, "by_background": by_background}
