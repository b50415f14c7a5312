"""Which files are catalog files (issue 15, items 6, 7, 8 and 10): links are refused, not followed;
odd names and places are located problems; ids match whole; ids the site needs are reserved."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pmgenome.catalog.validate import validate_catalog

from tests.support.catalogs import VALID_ARTICLE, CatalogDir

LINK = "is a symbolic link; catalog files must be plain files in the repository (links are not followed)"
KIND_FOLDERS = "articles/, books/, courses/, podcasts/, newsletters/, videos/, meetups/ or programs/"


def problems_of(catalog_dir: CatalogDir) -> list[str]:
    _, problems = validate_catalog(catalog_dir.root)
    return [str(problem) for problem in problems]


# -- 6: symbolic links, special files, unreadable folders ------------------------------------------

def test_a_link_that_loops_is_refused(catalog_dir: CatalogDir) -> None:
    os.symlink("loop.yaml", catalog_dir.root / "articles" / "loop.yaml")
    assert problems_of(catalog_dir) == [f"catalog/articles/loop.yaml:1:1: {LINK}"]


def test_a_link_to_the_root_of_the_disk_is_not_walked(catalog_dir: CatalogDir,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    os.symlink("/", catalog_dir.root / "articles" / "everything")
    os.symlink("/", catalog_dir.root / "blog")
    listed: list[str] = []  # every folder listed, os.walk's included (it lists with os.scandir)
    scandir = os.scandir

    def recorded(path: Any = ".") -> Any:
        listed.append(os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", recorded)
    assert problems_of(catalog_dir) == [f"catalog/articles/everything:1:1: {LINK}", f"catalog/blog:1:1: {LINK}"]
    # Whether the disk was walked is what was listed, not how long it took.
    inside = os.path.realpath(catalog_dir.root)
    assert listed and [path for path in listed if not os.path.realpath(path).startswith(inside + os.sep)
                       and os.path.realpath(path) != inside] == []


def test_a_link_to_a_file_outside_is_not_read(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("api_key: hunter2\ncost: hunter3\n")
    os.symlink(secret, catalog_dir.root / "articles" / "leak.yaml")
    os.symlink(secret, catalog_dir.root / "picks.yaml")
    (catalog_dir.root / "taxonomy.yaml").unlink()
    os.symlink(secret, catalog_dir.root / "taxonomy.yaml")
    found = problems_of(catalog_dir)
    assert found == [f"catalog/articles/leak.yaml:1:1: {LINK}", f"catalog/picks.yaml:1:1: {LINK}",
                     f"catalog/taxonomy.yaml:1:1: {LINK}"]
    assert "hunter" not in "".join(found) and "api_key" not in "".join(found)


def test_a_dangling_link_is_a_link_not_a_missing_file(catalog_dir: CatalogDir) -> None:
    (catalog_dir.root / "taxonomy.yaml").unlink()
    os.symlink("/nonexistent/taxonomy.yaml", catalog_dir.root / "taxonomy.yaml")
    os.symlink("/nonexistent/picks.yaml", catalog_dir.root / "picks.yaml")
    assert problems_of(catalog_dir) == [f"catalog/picks.yaml:1:1: {LINK}", f"catalog/taxonomy.yaml:1:1: {LINK}"]


def test_a_fifo_is_refused_without_waiting_on_it(catalog_dir: CatalogDir) -> None:
    os.mkfifo(catalog_dir.root / "articles" / "pipe.yaml")
    (catalog_dir.root / "taxonomy.yaml").unlink()
    os.mkfifo(catalog_dir.root / "taxonomy.yaml")
    assert problems_of(catalog_dir) == [
        "catalog/articles/pipe.yaml:1:1: is not a regular file; catalog files must be plain files",
        "catalog/taxonomy.yaml:1:1: is not a regular file; catalog files must be plain files"]


def test_a_link_to_stdin_does_not_hang_validate(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    os.symlink("/dev/stdin", catalog_dir.root / "articles" / "stdin.yaml")
    with subprocess.Popen([sys.executable, "-m", "pmgenome", "validate", "--catalog", "catalog"], cwd=tmp_path,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as run:
        try:
            out, err = run.communicate(timeout=30)  # stdin stays open: a read of it would wait for ever
        finally:
            run.kill()
    assert (run.returncode, out, err) == (1, f"catalog/articles/stdin.yaml:1:1: {LINK}\n", "1 problem in 1 file\n")


def _without_root_powers() -> list[str]:
    """A prefix that runs a command as this user but without the power to read any folder."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: every folder is readable")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--ambient-caps={caps}", f"--bounding-set={caps}"]


def test_an_unreadable_folder_is_a_clear_problem(catalog_dir: CatalogDir, tmp_path: Path) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    catalog_dir.write("courses/hidden/x.yaml", VALID_ARTICLE)
    (catalog_dir.root / "meetups").chmod(0)
    (catalog_dir.root / "courses" / "hidden").chmod(0)
    try:
        result = subprocess.run([*_without_root_powers(), sys.executable, "-m", "pmgenome", "validate",
                                 "--catalog", "catalog"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    finally:
        (catalog_dir.root / "meetups").chmod(0o755)
        (catalog_dir.root / "courses" / "hidden").chmod(0o755)
    assert (result.returncode, result.stdout, result.stderr) == (
        1, "catalog/courses/hidden:1:1: cannot read folder: Permission denied\n"
           "catalog/meetups:1:1: cannot read folder: Permission denied\n", "2 problems in 2 files\n")


# -- 7: ids match whole ----------------------------------------------------------------------------

def test_a_file_name_ending_with_a_newline_is_not_an_id(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm\n.yaml", VALID_ARTICLE)
    assert problems_of(catalog_dir) == [
        "catalog/articles/good-pm\n.yaml:1:1: file name 'good-pm\n.yaml' is not a valid id: use lowercase letters, "
        "digits and single hyphens, like 'good-pm-bad-pm.yaml'"]


def test_a_taxonomy_id_ending_with_a_newline_is_refused(catalog_dir: CatalogDir) -> None:
    text = (catalog_dir.root / "taxonomy.yaml").read_text()
    catalog_dir.write("taxonomy.yaml", text.replace("  - id: b2c\n", '  - id: "b2c\\n"\n', 1))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == "  - id: b2c")
    assert f"catalog/taxonomy.yaml:{line}:9: term id must be lowercase letters, digits and hyphens" in \
        problems_of(catalog_dir)


# -- 8: every file that is not read says why -------------------------------------------------------

@pytest.mark.parametrize(("relative", "expected"), [
    ("articles/good-pm.YAML", "rename to good-pm.yaml: entries use the .yaml extension, in lowercase"),
    ("articles/good-pm.Yaml", "rename to good-pm.yaml: entries use the .yaml extension, in lowercase"),
    ("articles/good-pm.YML", "rename to good-pm.yaml: entries use the .yaml extension, in lowercase"),
    ("articles/good-pm", "rename to good-pm.yaml: entries are .yaml files, or this one is never read"),
    ("articles/good-pm.txt", "not an entry: articles/ holds only entries, one .yaml file each"),
    ("good-pm.yaml", f"entries go in the folder of their kind ({KIND_FOLDERS}); move it to one of them"),
    ("Good-PM.YML", f"entries go in the folder of their kind ({KIND_FOLDERS}); move it to one of them"),
    ("articles/2026/good-pm.yaml", f"entries go directly in a kind folder: {KIND_FOLDERS}"),
])
def test_files_that_would_be_skipped_are_named(catalog_dir: CatalogDir, relative: str, expected: str) -> None:
    catalog_dir.write(relative, VALID_ARTICLE)
    assert problems_of(catalog_dir) == [f"catalog/{relative}:1:1: {expected}"]


def test_the_catalogs_own_files_and_hidden_files_are_not_entries(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/good-pm.yaml", VALID_ARTICLE)
    catalog_dir.write("articles/.gitkeep", "")
    catalog_dir.write(".enrichment.json.lock", "123")
    catalog_dir.write("enrichment.json", "{}")
    catalog_dir.write("README.md", "notes")
    catalog_dir.write("exclusions.yaml", "exclusions: []\n")
    assert problems_of(catalog_dir) == []


# -- 10: ids the site needs ------------------------------------------------------------------------

def test_a_segment_called_index_is_refused(catalog_dir: CatalogDir) -> None:
    text = (catalog_dir.root / "taxonomy.yaml").read_text()
    catalog_dir.write("taxonomy.yaml", text.replace("  - id: design\n", "  - id: index\n", 1))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == "  - id: design")
    assert f"catalog/taxonomy.yaml:{line}:9: term id 'index' is reserved: the site has a page called 'index'; " \
        "choose another id" in problems_of(catalog_dir)


def test_an_entry_called_index_is_refused(catalog_dir: CatalogDir) -> None:
    catalog_dir.write("articles/index.yaml", VALID_ARTICLE)
    assert problems_of(catalog_dir) == [
        "catalog/articles/index.yaml:1:1: file name 'index.yaml' is reserved: the site has a page called 'index'; "
        "choose another name"]


def test_the_reserved_ids_are_the_site_pages_they_would_collide_with() -> None:
    from pmgenome.catalog.model import RESERVED_IDS
    from pmgenome.site.pages import SEGMENTS_SRC_URI
    from pmgenome.site.views import segment_src_uri

    assert {segment_src_uri(name) for name in RESERVED_IDS} == {SEGMENTS_SRC_URI}
