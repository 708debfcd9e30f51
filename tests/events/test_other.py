"""Rarer sub-types: ACLED's "Other" (non-violent acts of armed groups and jailbreaks, used
only where nothing else is found), chemical weapons told by how the gas looks or smells, and devices
that went off before their use."""
from __future__ import annotations

import pytest

from helpers import sub_events

LEMMAS = {"escaped": "escape", "inmates": "inmate", "attacked": "attack", "paraded": "parade",
          "fighters": "fighter", "collected": "collect", "taxes": "tax", "preached": "preach",
          "landmines": "landmine", "exploded": "explode", "killed": "kill", "detonated": "detonate"}


def subs(nlp, text: str) -> list[str]:
    return sub_events(nlp, text, LEMMAS)


@pytest.mark.parametrize("text", [
    "Some 40 inmates escaped from a prison in the town after digging a tunnel.",
    "Armed men paraded through the town in pickups.",
    "Shabaab fighters collected taxes from farmers in the villages.",
    "Jihadist fighters preached in the mosque of the village.",
])
def test_non_violent_acts_are_other(blank_nlp, text):
    assert subs(blank_nlp, text) == ["Other"]


def test_other_gives_way_to_any_event(blank_nlp):
    assert subs(blank_nlp, "Gunmen attacked the prison and inmates escaped.")[0] == "Attack"
    assert subs(blank_nlp, "A band paraded through the town.") == []   # no armed group


def test_gas_described_by_its_look_or_smell_from_bombs_is_a_chemical_weapon(blank_nlp):
    text = "Aircraft dropped bombs that released a foul - smelling yellow gas over the village."
    assert subs(blank_nlp, text)[0] == "Chemical weapon"
    assert "Chemical weapon" not in subs(blank_nlp, "A foul - smelling leak closed the factory.")


def test_a_note_labelled_explosive_remnants_of_war_is_other(blank_nlp):
    text = "Explosive remnants of war: On 5 May, a civilian was injured by a landmine laid during the war."
    assert subs(blank_nlp, text)[0] == "Other"
    assert subs(blank_nlp, "On 5 May, a civilian was injured by a landmine.")[0] == "Remote explosive/landmine/IED"


def test_a_device_that_went_off_prematurely_is_disrupted_weapons_use(blank_nlp):
    text = "Two militants were killed when landmines they were planting exploded prematurely."
    assert subs(blank_nlp, text)[0] == "Disrupted weapons use"
    assert subs(blank_nlp, "Two soldiers were killed when landmines exploded.")[0] == "Remote explosive/landmine/IED"
    assert subs(blank_nlp, "Detonation: On 6 May, forces detonated a car bomb in the village.")[0] == \
        "Disrupted weapons use"
