"""Synthetic catalogs for benchmarks: realistic entries of every kind, deterministic."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from pmgenome.catalog.model import Kind
from pmgenome.catalog.schema import schema_comment

REPO = Path(__file__).resolve().parent.parent
WORDS = ("product discovery roadmap pricing growth retention onboarding metrics strategy design "
         "research interviews experiments platform api developers enterprise sales launch "
         "positioning churn activation funnel vision teams leadership hiring").split()


def write_catalog(root: Path, count: int, seed: int = 7) -> Path:
    """Write `count` valid entries (plus the shipped taxonomy) under `root`; returns root."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    for kind in Kind:
        (root / kind.folder).mkdir(parents=True)
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", root / "taxonomy.yaml")
    segments = ["b2b", "b2c", "technical", "design"]
    skills = ["strategy", "discovery", "prioritization", "execution", "metrics", "growth", "pricing"]
    for index in range(count):
        kind = (Kind.ARTICLE, Kind.ARTICLE, Kind.COURSE, Kind.MEETUP)[index % 4]
        words = " ".join(rng.choice(WORDS) for _ in range(28))
        lines = [
            schema_comment(kind),
            f"title: Synthetic {kind.value} number {index} on {rng.choice(WORDS)}",
            f"url: https://example{index % 97}.org/{kind.value}/{index}/",
            "summary: >-",
            f"  A synthetic resource for benchmarks about {words}.",
            f"segments: [{', '.join(rng.sample(segments, rng.randint(1, 2)))}]",
            f"skills: [{', '.join(rng.sample(skills, 2))}]",
            "levels: [new, experienced]",
            "access: free",
            "language: en",
            f"added: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
            "reviewed: 2026-11-01",
        ]
        if kind == Kind.ARTICLE:
            lines += [f"author: Author {index % 50}", "published: 2024-05-17", "publication: Bench Weekly"]
        elif kind == Kind.COURSE:
            lines += ["provider: Bench Academy", "format: online", "pace: self-paced", "duration: 6 weeks"]
        else:
            lines += ["organizer: Bench Group", "city: London", "country: GB", "online: false",
                      "cadence: monthly"]
        (root / kind.folder / f"synthetic-{index:05d}.yaml").write_text("\n".join(lines) + "\n")
    return root
