"""A site with company programs, built on a fixed day (SOURCE_DATE_EPOCH 2026-12-06): a B2B
program whose application window closed before that day, one whose window opens after it, and a
B2C program no page shows running now."""

from __future__ import annotations

from pathlib import Path

from tests.support.eventsites import EPOCH
from tests.support.sitebuild import Build, build_site, fixture_catalog, write_config

HEAD = "# yaml-language-server: $schema=../../scripts/pmgenome/schema/program.schema.json\n"
PROGRAMS = {
    "closed-apm": HEAD + """\
title: Closed APM Program
url: https://fixture.example.com/programs/closed
summary: >-
  A fixture two-year B2B program whose only application window closed in September 2026,
  before the build's day, so no page may call it open.
company: Closed Corp
audience: [new-graduates]
months: 24
format: [rotations]
places:
  - {city: Lagos, country: NG}
paid: true
segments: [b2b]
skills: [go-to-market, communication]
skill_levels: {go-to-market: 2}
levels: [aspiring]
added: 2026-11-01
reviewed: 2026-11-20
windows:
  - {start: 2026-09-01, end: 2026-09-14, name: 2027 intake}
""",
    "coming-rpm": HEAD + """\
title: Coming RPM Program
url: https://fixture.example.com/programs/coming
summary: >-
  A fixture B2B rotational program whose next application window opens in February 2027,
  after the build's day, for career changers and new graduates alike.
company: Coming Corp
audience: [new-graduates, career-changers]
places:
  - {remote: true}
segments: [b2b]
skills: [go-to-market, discovery]
levels: [aspiring, new]
added: 2026-11-01
reviewed: 2026-11-20
windows:
  - {start: 2027-02-01, end: 2027-02-28}
""",
    "faded-apm": HEAD + """\
title: Faded APM Program
url: https://fixture.example.com/programs/faded
summary: >-
  A fixture consumer program that no stored page shows running after 2020, so it says so
  instead of guessing whether it still takes people.
company: Faded Corp
audience: [new-graduates]
segments: [b2c]
skills: [growth, metrics]
levels: [aspiring]
added: 2026-11-01
reviewed: 2026-11-20
not_placed_after: 2020
""",
}


def build_programs_site(workdir: Path, *, epoch: str = EPOCH, site_url: str = "https://pm.example.org/") -> Build:
    """The fixture catalog plus the programs above, built under `workdir` on the day `epoch` names."""
    catalog = fixture_catalog(workdir / "catalog")
    (catalog / "programs").mkdir(exist_ok=True)
    for name, text in PROGRAMS.items():
        (catalog / "programs" / f"{name}.yaml").write_text(text, encoding="utf-8")
    config = write_config(workdir / "mkdocs.yml", catalog)
    return build_site(config, workdir / "site", site_url=site_url, link_results=None, epoch=epoch)
