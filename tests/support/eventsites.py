"""A site whose meetups have dated editions, built on a fixed day (SOURCE_DATE_EPOCH 2026-12-06):
one conference with a past and a coming edition, one meetup whose only edition is past, and one
online event still to come."""

from __future__ import annotations

from pathlib import Path

from tests.support.sitebuild import Build, build_site, fixture_catalog, write_config

EPOCH = "1796558400"  # 2026-12-06 12:00 UTC
KIGALI = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Kigali Product Summit
url: https://fixture.example.com/meetups/kigali
summary: >-
  A fixture yearly conference in Kigali with one edition held in 2026 and one announced for
  2027, whose call for speakers is still open on the build's day.
segments: [b2b, design]
access: paid
organizer: Fixture Organizers
city: Kigali
country: RW
online: false
cadence: yearly
added: 2026-11-01
reviewed: 2026-11-20
events:
  - start: 2026-06-09
    end: 2026-06-10
    name: Kigali Product Summit 2026
  - start: 2027-02-27
    end: 2027-03-01
    name: Kigali Product Summit 2027
    city: Nairobi
    country: KE
    url: https://fixture.example.com/meetups/kigali/2027
    cfp_until: 2026-12-31
"""
LAGOS = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Lagos Product Evenings
url: https://fixture.example.com/meetups/lagos
summary: >-
  A fixture monthly meetup in Lagos whose last dated evening was in September 2026 and whose
  next one has not been announced on the build's day.
segments: [b2c]
access: free
city: Lagos
country: NG
online: false
cadence: monthly
added: 2026-11-01
reviewed: 2026-11-20
events:
  - start: 2026-09-17
"""
GROWTH_CALL = """\
# yaml-language-server: $schema=../../scripts/pmgenome/schema/meetup.schema.json
title: Consumer Growth Call
url: https://fixture.example.com/meetups/growth-call
summary: >-
  A fixture online community for consumer product managers with a quarterly video call, the
  next of which falls in January 2027.
segments: [b2c]
access: free
online: true
cadence: quarterly
added: 2026-11-01
reviewed: 2026-11-20
events:
  - start: 2027-01-14
"""


def build_events_site(workdir: Path, *, epoch: str = EPOCH, site_url: str = "https://pm.example.org/") -> Build:
    """The fixture catalog plus the three meetups above, built under `workdir` on the day `epoch` names."""
    catalog = fixture_catalog(workdir / "catalog")
    for name, text in (("kigali-summit", KIGALI), ("lagos-evenings", LAGOS), ("growth-call", GROWTH_CALL)):
        (catalog / "meetups" / f"{name}.yaml").write_text(text, encoding="utf-8")
    config = write_config(workdir / "mkdocs.yml", catalog)
    return build_site(config, workdir / "site", site_url=site_url, link_results=None, epoch=epoch)
