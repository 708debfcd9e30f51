"""Actors on wordings of countries and years the ACLED dev split does not have: a hand-written
stress set (tests/actors/data/actor_stress.tsv, gold sides by the codebook) and single cases."""
from __future__ import annotations

from stress import read_cases

EVENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Protests",
               "Riots", "Strategic developments"}


def test_stress_set_covers_every_event_type_and_many_countries():
    cases = read_cases()
    assert len(cases) >= 120
    assert {c.event_type for c in cases} == EVENT_TYPES
    countries = {c.actor1.rsplit("(", 1)[-1] for c in cases if c.actor1.endswith(")")}
    assert len(countries) >= 30
