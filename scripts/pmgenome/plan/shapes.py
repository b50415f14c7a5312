"""The nearest named T shape: which of shapes.yaml's shapes a reader's ratings sit closest to.

The distance between a reader and a shape is the sum, over the skills the reader rated, of the
square of the difference between their rating and the level the shape expects (0 for a skill the
shape leaves out). Unrated skills are left out: nobody is judged on what they did not say. The
square makes one gap of three levels (9) weigh more than three gaps of one (3), and keeps the
distance a whole number, so the page's port finds exactly the same one. Shapes are ordered by
distance, then by id (ASCII, the same order in Python and JavaScript): the first is the reader's
shape, the next NEIGHBOURS its neighbours. A reader who rated nothing has no shape.

To move towards a neighbour, the plan names up to GROW_COUNT skills the reader rated below what
the neighbour expects, the largest gap first (then taxonomy order), and for each the best article
or talk the plan's rule finds for it (`planner.Planner._towards`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pmgenome.catalog.model import Shape

NEIGHBOURS = 2
GROW_COUNT = 3
SHAPE_COUNTS = {"neighbours": NEIGHBOURS, "grow": GROW_COUNT}  # what the page's port reads (rule.port_data)


def distance(ratings: Mapping[str, int], shape: Shape) -> int:
    """How far the reader's rated skills are from what the shape expects (see the module)."""
    return sum((rating - shape.expected(skill)) ** 2 for skill, rating in ratings.items())


def nearest(ratings: Mapping[str, int], shapes: Sequence[Shape]) -> list[tuple[Shape, int]]:
    """Every shape with its distance, nearest first (ties: the smaller id); none without ratings."""
    if not ratings:
        return []
    return sorted(((shape, distance(ratings, shape)) for shape in shapes), key=lambda pair: (pair[1], pair[0].id))


def to_grow(ratings: Mapping[str, int], shape: Shape, skill_order: Sequence[str]) -> list[str]:
    """The rated skills the shape expects more of, the largest gap first, then in taxonomy order."""
    gaps = [(shape.expected(skill) - ratings[skill], position, skill) for position, skill in enumerate(skill_order)
            if skill in ratings and shape.expected(skill) > ratings[skill]]
    return [skill for _, _, skill in sorted(gaps, key=lambda gap: (-gap[0], gap[1]))][:GROW_COUNT]
