"""Whatever bytes or YAML arrive, validate reports problems and never raises."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import CatalogDir

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
              st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=20,
)


def _check(root: Path) -> None:
    _, problems = validate_catalog(root)
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1 and problem.message


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(catalog_dir: CatalogDir, data: bytes) -> None:
    catalog_dir.write("articles/fuzz.yaml", data)
    catalog_dir.write("picks.yaml", data)
    _check(catalog_dir.root)


@SETTINGS
@given(value=yaml_values)
def test_arbitrary_yaml_never_raises(catalog_dir: CatalogDir, value: object) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    catalog_dir.write("meetups/fuzz.yaml", text)
    catalog_dir.write("picks.yaml", text)
    _check(catalog_dir.root)


@SETTINGS
@given(value=yaml_values)
def test_arbitrary_taxonomy_never_raises(catalog_dir: CatalogDir, value: object) -> None:
    catalog_dir.write("taxonomy.yaml", yaml.safe_dump({"segments": value, "skills": value}))
    _check(catalog_dir.root)
