"""Peers who can teach a reader's gaps: who qualifies and in which order (plan/peers.py)."""

from __future__ import annotations

from pmgenome.catalog.model import Person
from pmgenome.plan.answers import Near
from pmgenome.plan.peers import teachers

ORDER = ("strategy", "discovery", "go-to-market", "pricing")


def person(handle: str, *skills: str, city: str | None = None, country: str | None = None,
           online: bool = False) -> Person:
    return Person(handle, handle.title(), skills, (), city, country, online, ("en",))


def handles(ratings, place, people):
    return [(found.github, taught) for found, taught in teachers(ratings, place, people, ORDER)]


def test_a_person_who_teaches_a_skill_rated_0_shows():
    seller = person("seller", "go-to-market", "pricing")
    assert handles({"go-to-market": 0, "pricing": 3}, None, [seller]) == [("seller", ("go-to-market",))]
    assert handles({"go-to-market": 3}, None, [seller]) == []  # no gap they teach
    assert handles({}, None, [seller]) == []  # no ratings, nobody


def test_weakest_gap_first_then_nearest_then_handle():
    people = [person("zed", "discovery", online=True), person("amy", "discovery", city="Paris", country="FR"),
              person("Bob", "discovery", city="London", country="GB"), person("cy", "discovery", country="GB"),
              person("dee", "strategy", city="London", country="GB")]
    ratings = {"discovery": 0, "strategy": 1}
    assert [handle for handle, _ in handles(ratings, Near(city="london", country="GB"), people)] == [
        "Bob", "cy", "zed", "amy", "dee"]
    assert [handle for handle, _ in handles(ratings, Near(online=True), people)] == ["zed", "amy", "Bob", "cy", "dee"]
    assert [handle for handle, _ in handles(ratings, None, people)] == ["amy", "Bob", "cy", "zed", "dee"]


def test_at_most_five_and_what_each_teaches_weakest_first():
    people = [person(f"p{n}", "strategy", "discovery") for n in range(7)]
    found = handles({"strategy": 2, "discovery": 1}, None, people)
    assert len(found) == 5 and found[0] == ("p0", ("discovery", "strategy"))
