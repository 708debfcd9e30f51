"""Mob violence is an unorganised crowd's: not state agents', and not a fight with firearms."""
from __future__ import annotations

import pytest

from sitrep.events.component import EventsComponent
from helpers import sub_events

LEMMAS = {"shot": "shoot", "killed": "kill", "clashed": "clash", "firearms": "firearm", "villagers": "villager"}


def first_sub(events: EventsComponent, nlp, text: str) -> str:
    return sub_events(nlp, text, LEMMAS, events)[0]


@pytest.mark.parametrize("doer, expected", [
    ("A trader", "Mob violence"),
    ("A gendarme", "Attack"),
    ("A security guard", "Attack"),
])
def test_a_killing_after_a_dispute_is_mob_violence_unless_a_state_agent_did_it(blank_nlp, events, doer, expected):
    assert first_sub(events, blank_nlp, f"{doer} shot and killed a driver after a dispute.") == expected


def test_villagers_fighting_with_firearms_are_armed_groups(blank_nlp, events):
    assert first_sub(events, blank_nlp, "Villagers clashed near the border.") == "Mob violence"
    assert first_sub(events, blank_nlp, "Villagers clashed near the border with firearms.") == "Armed clash"
