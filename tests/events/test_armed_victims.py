"""Killing a member of an armed group (police, intelligence agents, gangs) is a clash, not an attack
on civilians (rules.json lists.armed, used by the target column of triggers.tsv)."""
from __future__ import annotations

import pytest

from sitrep.events.component import EventsComponent
from helpers import sub_events
from sitrep.mentions import mentions


def first_sub(events: EventsComponent, nlp, text: str) -> str:
    lemmas = {"killed": "kill", "members": "member", "shot": "shoot", "bombers": "bomber"}
    return sub_events(nlp, text, lemmas, events)[0]


@pytest.mark.parametrize("victims, expected", [
    ("a policewoman", "Armed clash"),
    ("two NDS members", "Armed clash"),
    ("a gang member", "Armed clash"),
    ("a drug trafficker", "Armed clash"),
    ("a shopkeeper", "Attack"),
])
def test_armed_victims_make_a_clash(blank_nlp, events, victims, expected):
    assert first_sub(events, blank_nlp, f"Gunmen killed {victims} in the city.") == expected


def test_an_operation_against_drug_trafficking_is_fighting_an_armed_group(blank_nlp, events):
    text = "Police carried out an operation against drug trafficking in the district. Two suspects were shot."
    assert first_sub(events, blank_nlp, text) == "Armed clash"
    text = "Police carried out an operation against tax fraud in the district. Two suspects were shot."
    assert first_sub(events, blank_nlp, text) == "Attack"


def test_small_arms_fire_on_civilians_is_an_attack(blank_nlp, events):
    def sub(text: str) -> str:
        doc = blank_nlp(text)
        lemmas = {"shot": "shoot", "killed": "kill", "civilians": "civilian", "arms": "arm", "fired": "fire",
                  "positions": "position"}
        for token in doc:
            token.lemma_ = lemmas.get(token.text, token.lower_)
        return mentions(events(doc), "event_mentions")[0].sub_event_type

    assert sub("Gunmen shot and killed two civilians using small arms fire.") == "Attack"
    assert sub("Gunmen shot at army positions using small arms fire.") == "Armed clash"


def test_suicide_bombers_killed_by_forces_were_fought(blank_nlp, events):
    assert first_sub(events, blank_nlp, "Soldiers killed two suicide bombers near the market.") == "Armed clash"
    assert first_sub(events, blank_nlp, "A suicide bomber killed two soldiers near the market.") == "Suicide bomb"
