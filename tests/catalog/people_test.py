"""The people directory (community/people/<handle>.yaml): read beside the catalog, every contact
field and every mistake refused with its line."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from pmgenome.catalog.load import load_catalog
from pmgenome.catalog.model import Person

REPO = Path(__file__).resolve().parents[2]


def _root(tmp_path: Path, **files: str) -> Path:
    (tmp_path / "catalog").mkdir()
    shutil.copy(REPO / "catalog" / "taxonomy.yaml", tmp_path / "catalog" / "taxonomy.yaml")
    folder = tmp_path / "community" / "people"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "catalog"


def test_a_person_reads_with_skills_in_taxonomy_order(tmp_path):
    catalog, problems = load_catalog(_root(tmp_path, octocat="""\
        github: octocat
        name: Mona
        can_teach: [pricing, go-to-market]
        learning: [data-and-ai]
        city: London
        country: GB
        languages: [en, pt]
        """))
    assert problems == []
    assert catalog.people == (Person("octocat", "Mona", ("go-to-market", "pricing"), ("data-and-ai",), "London",
                                     "GB", False, ("en", "pt")),)


def test_a_file_with_an_email_is_refused_with_its_line(tmp_path):
    root = _root(tmp_path, someone="""\
        github: other
        name: Sam (sam@example.com)
        can_teach: [go-to-markt]
        email: sam@example.com
        website: https://sam.example
        favourite_colour: blue
        city: Paris
        languages: [EN]
        """)
    catalog, _ = load_catalog(root)
    assert catalog.people == ()
    done = subprocess.run([sys.executable, "-m", "pmgenome", "validate", "--catalog", "catalog"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    contact = "the directory keeps no contact details (people reach you through your GitHub profile); remove it"
    assert done.stdout.splitlines() == [
        "community/people/someone.yaml:1:1: say where you meet: country (and city), or online: true",
        "community/people/someone.yaml:1:9: github is 'other' but the file is named 'someone.yaml'; name the file "
        "after your GitHub handle",
        f"community/people/someone.yaml:2:7: 'name' looks like an email or web address: {contact}",
        "community/people/someone.yaml:3:13: unknown skill 'go-to-markt' in can_teach (did you mean 'go-to-market'?)",
        f"community/people/someone.yaml:4:1: 'email' is a contact field: {contact}",
        f"community/people/someone.yaml:5:1: 'website' is a contact field: {contact}",
        "community/people/someone.yaml:6:1: unknown field 'favourite_colour'; a person's file holds only github, "
        "name, can_teach, learning, city, country, online and languages",
        "community/people/someone.yaml:7:7: a city needs its country, as a two-letter code such as GB",
        "community/people/someone.yaml:8:13: languages must be a list of two-letter codes such as en, each once",
    ]


def test_phone_fields_and_stray_files_are_refused(tmp_path):
    root = _root(tmp_path, mona="""\
        github: mona
        name: Mona
        can_teach: [pricing]
        online: true
        languages: [en]
        phone: "+44 20 7946 0000"
        """)
    (root.parent / "community" / "people" / "notes.txt").write_text("hi", encoding="utf-8")
    _, problems = load_catalog(root)
    assert [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in problems] == [
        f"{root.parent / 'community/people/mona.yaml'}:6:1: 'phone' is a contact field: the directory keeps no "
        "contact details (people reach you through your GitHub profile); remove it",
        f"{root.parent / 'community/people/notes.txt'}:1:1: the people folder holds only <github handle>.yaml files",
    ]
