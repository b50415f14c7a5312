"""A large catalog whose text varies as real text does, for the search and Explore benchmarks.

bench/synthetic.py repeats 26 words, which flatters any search index: every shard holds the
same few words. Here titles and summaries come from a word-level Markov chain (order 2) trained
on the shipped catalog's own titles and summaries, so the vocabulary, word lengths and phrasing
are those of the real catalog, spread over 10,000 entries. Titles are unique and none is
a shipped title (a title a benchmark types should lead to its entry); kinds, segments, skills, levels and access vary.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Kind
from pmgenome.catalog.schema import schema_comment

REPO = Path(__file__).resolve().parent.parent
KINDS = (Kind.ARTICLE, Kind.ARTICLE, Kind.COURSE, Kind.MEETUP)
ACCESS = ("free", "signup", "freemium", "paywalled", "paid")
CITIES = (("London", "GB"), ("Berlin", "DE"), ("Paris", "FR"), ("New York", "US"), ("Toronto", "CA"),
          ("Bangalore", "IN"), ("Sydney", "AU"), ("Lisbon", "PT"))
_WORD = re.compile(r"[^\s]+")


@dataclass(frozen=True)
class Written:
    id: str
    kind: Kind
    title: str


class Chain:
    """A word chain: the next word given the `order` words before it ("" before a text starts)."""

    def __init__(self, texts: list[str], order: int = 2) -> None:
        self.order = order
        self.next: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for text in texts:
            words = [""] * order + _WORD.findall(text) + [""]
            for at in range(order, len(words)):
                self.next[tuple(words[at - order:at])].append(words[at])

    def text(self, rng: random.Random, least: int, most: int) -> str:
        start = ("",) * self.order
        words: list[str] = []
        state = start
        while len(words) < most:
            word = rng.choice(self.next.get(state) or self.next[start])
            if not word:  # the text ended here
                if len(words) >= least:
                    break
                state = start
                continue
            words.append(word)
            state = (*state[1:], word)
        return " ".join(words)


def _yaml_text(text: str) -> str:
    """A double-quoted YAML scalar (JSON's escaping is YAML's)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def write_varied_catalog(root: Path, count: int, seed: int = 11) -> list[Written]:
    """Write `count` valid entries (with the shipped taxonomy) under `root`; returns what was written."""
    rng = random.Random(seed)
    shipped, _ = load_catalog(REPO / "catalog")
    real_titles = [entry.title or "" for entry in shipped.entries]
    # Order 1 for titles: order 2 on a few hundred short titles mostly repeats them whole.
    titles = Chain(real_titles, order=1)
    summaries = Chain([" ".join((entry.summary or "").split()) for entry in shipped.entries])
    segments = shipped.taxonomy.ids("segments")
    skills = shipped.taxonomy.ids("skills")
    levels = shipped.taxonomy.ids("levels")
    if root.exists():
        shutil.rmtree(root)
    for kind in set(KINDS):
        (root / kind.folder).mkdir(parents=True)
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", root / "taxonomy.yaml")
    seen = {title.casefold() for title in real_titles}
    written = []
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        title = titles.text(rng, 4, 10).rstrip(".,;:")
        while title.casefold() in seen or len(title) < 12:
            title = f"{title} {titles.text(rng, 1, 3)}".rstrip(".,;:")
        seen.add(title.casefold())
        summary = summaries.text(rng, 25, 70)[:590]
        entry_id = f"varied-{index:05d}"
        lines = [
            schema_comment(kind),
            f"title: {_yaml_text(title)}",
            f"url: https://example{index % 97}.org/{kind.value}/{index}/",
            f"summary: {_yaml_text(summary)}",
            f"segments: [{', '.join(rng.sample(segments, rng.randint(1, 2)))}]",
            f"skills: [{', '.join(rng.sample(skills, rng.randint(1, 3)))}]",
            f"levels: [{', '.join(sorted(rng.sample(levels, rng.randint(1, 2)), key=levels.index))}]",
            f"access: {rng.choice(ACCESS)}",
            "language: en",
            f"added: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
            "reviewed: 2026-11-01",
        ]
        if kind == Kind.ARTICLE:
            lines += [f"author: {_yaml_text(titles.text(rng, 2, 3))}", "published: 2024-05-17"]
        elif kind == Kind.COURSE:
            lines += [f"provider: {_yaml_text(titles.text(rng, 1, 3))}", "format: online", "pace: self-paced"]
        elif rng.random() < 0.3:
            lines += ["organizer: A product community", "online: true", "cadence: ongoing"]
        else:
            city, country = rng.choice(CITIES)
            lines += ["organizer: A product community", f"city: {city}", f"country: {country}", "online: false",
                      "cadence: monthly"]
        (root / kind.folder / f"{entry_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(Written(entry_id, kind, title))
    return written
