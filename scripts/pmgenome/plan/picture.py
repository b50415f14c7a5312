"""The reader's T as an SVG picture: the bar (general skills) above the stem (the company's flavour skills).

Each skill is a cell. Its fill shows the reader's rating (a third of the cell per level, bottom-up in
the bar, left to right in the stem; an unrated cell is only outlined), a line across it shows the
level the company expects, and a "+" marks a skill the plan's resources grow. The page's script
draws the same cells with the same data attributes (site/assets/path.js), from GEOMETRY shipped in
api/plan-index.json; tests compare them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from pmgenome.plan.model import SkillRow
from pmgenome.plan.rule import TOP_RATING
from pmgenome.plan.sentences import NONE, SENTENCES

CELL_W, CELL_H = 124, 72  # a bar cell's slot (the cell is BAR_GAP narrower)
BAR_GAP = 2
STEM_W, STEM_H = 240, 44  # a stem cell
GAP = 6  # between the bar and the stem, and between stem cells
TOP = TOP_RATING  # a third of the cell per level
LABEL_CHARS = 18  # characters per label line in a bar cell
RADIUS = 4  # the cells' rounded corners
INSET = 6  # text from a cell's left edge
LABEL_TOP, LABEL_LINE = 16, 14  # a bar cell's label: first baseline, then line height
STEM_LABEL_TOP = 18  # a stem cell's label baseline
BASELINE = 8  # the rating's and the "+"'s baseline above a cell's bottom
GROWN_INSET = 16  # the "+" from a cell's right edge
# The numbers above by name, as the page's script draws the same cells.
GEOMETRY: Mapping[str, int] = {
    "cell_w": CELL_W, "cell_h": CELL_H, "bar_gap": BAR_GAP, "stem_w": STEM_W, "stem_h": STEM_H, "gap": GAP, "top": TOP,
    "label_chars": LABEL_CHARS, "radius": RADIUS, "inset": INSET, "label_top": LABEL_TOP, "label_line": LABEL_LINE,
    "stem_label_top": STEM_LABEL_TOP, "baseline": BASELINE, "grown_inset": GROWN_INSET}

STYLE = """\
.pmg-t__cell{fill:#fff;stroke:#5c6bc0;stroke-width:1.5}
.pmg-t__fill{fill:#3f51b5;fill-opacity:.55}
.pmg-t__progress{fill:#ff6e40;fill-opacity:.45}
.pmg-t__expected{stroke:#d84315;stroke-width:3;stroke-dasharray:6 3}
.pmg-t__label,.pmg-t__rating{fill:#1a1a1a;font:11px sans-serif;paint-order:stroke;stroke:#fff;\
stroke-width:3px;stroke-linejoin:round}
.pmg-t__rating{font-weight:bold}
.pmg-t__grown{fill:#2e7d32;font:bold 16px sans-serif}
@media (prefers-color-scheme:dark){.pmg-t__cell{fill:#1e2129;stroke:#9fa8da}
.pmg-t__label,.pmg-t__rating{fill:#e8e8e8;stroke:#1e2129}.pmg-t__fill{fill:#7986cb}.pmg-t__grown{fill:#81c784}}"""


def label_lines(name: str, limit: int = LABEL_CHARS) -> list[str]:
    """A skill's name in at most two lines of about `limit` characters (words are not split)."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return lines


def size(profile: Sequence[SkillRow]) -> tuple[int, int]:
    bar = [row for row in profile if row.scope == "general"]
    stem = [row for row in profile if row.scope != "general"]
    width = max(len(bar) * CELL_W, STEM_W)
    return width, CELL_H + GAP + len(stem) * (STEM_H + GAP)


def _cell(row: SkillRow, x: int, y: int, w: int, h: int, vertical: bool) -> str:
    rating = "" if row.rating is None else str(row.rating)
    parts = [f'<g class="pmg-t__skill" data-skill="{escape(row.skill)}" data-rating="{rating}" '
             f'data-expected="{row.expected}" data-grown="{"true" if row.grown_by else "false"}" '
             f'data-scope="{escape(row.scope)}">',
             f'<rect class="pmg-t__cell" x="{x}" y="{y}" width="{w}" height="{h}" rx="{RADIUS}"/>']
    level = row.rating or 0
    if vertical:
        filled = h * level // TOP
        parts.append(f'<rect class="pmg-t__fill" x="{x}" y="{y + h - filled}" width="{w}" height="{filled}" '
                     f'rx="{RADIUS}"/>')
        if row.expected:
            at = y + h - h * row.expected // TOP
            parts.append(f'<line class="pmg-t__expected" x1="{x}" y1="{at}" x2="{x + w}" y2="{at}"/>')
        for number, line in enumerate(label_lines(row.name)):
            parts.append(f'<text class="pmg-t__label" x="{x + INSET}" y="{y + LABEL_TOP + LABEL_LINE * number}">'
                         f'{escape(line)}</text>')
    else:
        filled = w * level // TOP
        parts.append(f'<rect class="pmg-t__fill" x="{x}" y="{y}" width="{filled}" height="{h}" rx="{RADIUS}"/>')
        if row.expected:
            at = x + w * row.expected // TOP
            parts.append(f'<line class="pmg-t__expected" x1="{at}" y1="{y}" x2="{at}" y2="{y + h}"/>')
        parts.append(f'<text class="pmg-t__label" x="{x + INSET}" y="{y + STEM_LABEL_TOP}">{escape(row.name)}</text>')
    parts.append(f'<text class="pmg-t__rating" x="{x + INSET}" y="{y + h - BASELINE}">{rating or NONE}/{TOP}</text>')
    if row.grown_by:
        parts.append(f'<text class="pmg-t__grown" x="{x + w - GROWN_INSET}" y="{y + h - BASELINE}">+</text>')
    parts.append("</g>")
    return "".join(parts)


def t_svg(profile: Sequence[SkillRow], title: str, *, standalone: bool = True, key: str = "pmg-t",
          description: str | None = None) -> str:
    """The T as one SVG element; `standalone` adds the XML namespace and a small stylesheet; `key`
    names its title and description (unique when a page shows several Ts)."""
    width, height = size(profile)
    bar = [row for row in profile if row.scope == "general"]
    stem = [row for row in profile if row.scope != "general"]
    left = (width - len(bar) * CELL_W) // 2
    cells = [_cell(row, left + index * CELL_W, 0, CELL_W - BAR_GAP, CELL_H, True) for index, row in enumerate(bar)]
    stem_x = (width - STEM_W) // 2
    cells += [_cell(row, stem_x, CELL_H + GAP + index * (STEM_H + GAP), STEM_W, STEM_H, False)
              for index, row in enumerate(stem)]
    description = SENTENCES["picture_description"] if description is None else description
    head = '<svg xmlns="http://www.w3.org/2000/svg"' if standalone else "<svg"
    style = f"<style>{STYLE}</style>" if standalone else ""
    return (f'{head} class="pmg-t" data-t-profile="" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby="{key}-title {key}-desc">'
            f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape(description)}</desc>'
            f'{style}{"".join(cells)}</svg>')
