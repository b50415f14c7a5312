"""A small catalog written to disk for the plan rule's tests, through the real loader."""

from __future__ import annotations

import json
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Catalog

TAXONOMY = """\
segments:
  - {id: b2b, name: B2B, description: Sold to businesses.}
  - {id: b2c, name: B2C, description: Sold to consumers.}
  - {id: technical, name: Technical, description: Built for engineers.}
skills:
  - {id: strategy, name: Strategy and vision, description: Where to play., scope: general}
  - {id: discovery, name: Discovery and customer research, description: What customers need., scope: general}
  - {id: execution, name: Delivery and execution, description: Shipping., scope: general}
  - {id: communication, name: Communication and stakeholders, description: Aligning people., scope: general}
  - {id: go-to-market, name: Go-to-market and sales, description: Selling., scope: flavour, segments: [b2b]}
  - {id: growth, name: Growth and retention, description: Loops., scope: flavour, segments: [b2c]}
  - {id: technical-fluency, name: Technical fluency, description: APIs., scope: flavour, segments: [technical]}
levels:
  - {id: aspiring, name: Aspiring PM, description: Not yet a PM.}
  - {id: new, name: New PM, description: First two years.}
  - {id: experienced, name: Experienced PM, description: Owns an area.}
  - {id: leader, name: Product leader, description: Leads PMs.}
backgrounds:
  - {id: engineering, name: Software engineering, description: From building software.,
     gaps: [discovery, communication, strategy]}
  - {id: design, name: Design, description: From design., gaps: [strategy]}
  - {id: other, name: Another field, description: Anything else.}
"""

SUMMARY = "A summary written for the tests, long enough to read like a real one and say who it suits."


def write_entry(root: Path, kind: str, entry_id: str, **fields: object) -> None:
    """One entry file; strings and lists are written as JSON, which YAML reads as flow scalars."""
    values = {"title": entry_id.replace("-", " ").title(), "url": f"https://example.com/{entry_id}",
              "summary": SUMMARY, "added": "2026-01-01", **fields}
    lines = []
    for key, value in values.items():
        if key == "added" or isinstance(value, bool):
            lines.append(f"{key}: {json.dumps(value) if isinstance(value, bool) else value}")
        else:
            lines.append(f"{key}: {json.dumps(value)}")
    folder = root / f"{kind}s"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{entry_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_root(root: Path, picks: str | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "taxonomy.yaml").write_text(TAXONOMY, encoding="utf-8")
    if picks is not None:
        (root / "picks.yaml").write_text(picks, encoding="utf-8")
    for folder in ("articles", "courses", "meetups"):
        (root / folder).mkdir(exist_ok=True)
    return root


def load(root: Path) -> Catalog:
    catalog, problems = load_catalog(root)
    assert problems == []
    return catalog
