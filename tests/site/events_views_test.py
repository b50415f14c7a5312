"""The page's own next event (enrichment's next_event) is offered only where the YAML dates none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pmgenome.catalog.validate import validate_catalog
from pmgenome.enrich.store import load_store
from pmgenome.site.context import make_context

from tests.support.sitebuild import fixture_catalog

TODAY = dt.date(2026, 12, 6)


def london_facts(root: Path) -> dict[str, tuple[str, bool]]:
    catalog, problems = validate_catalog(root)
    assert problems == []
    view = make_context(catalog, enrichment=load_store(root), today=TODAY).views["london-pm-meetup"]
    return {fact.label: (fact.value, fact.enriched) for fact in view.facts}


def test_the_pages_next_event_fills_in_only_where_the_yaml_has_no_coming_edition(tmp_path: Path) -> None:
    root = fixture_catalog(tmp_path / "catalog")
    facts = london_facts(root)
    assert facts["Next event"] == ("2099-01-15 (Shoreditch & <Hoxton>)", True)  # read from the page, marked so
    assert "Next edition" not in facts
    meetup = root / "meetups" / "london-pm-meetup.yaml"
    meetup.write_text(meetup.read_text(encoding="utf-8") + "events:\n  - start: 2027-01-20\n", encoding="utf-8")
    facts = london_facts(root)
    assert "Next event" not in facts
    assert facts["Next edition"] == ("20 January 2027, London, United Kingdom", False)
    meetup.write_text(meetup.read_text(encoding="utf-8").replace("2027-01-20", "2026-11-18"), encoding="utf-8")
    facts = london_facts(root)  # only a past edition in the YAML: the page's coming event is offered again
    assert (facts["Next event"], facts["Last held"]) == (("2099-01-15 (Shoreditch & <Hoxton>)", True),
                                                        ("18 November 2026, London, United Kingdom", False))
