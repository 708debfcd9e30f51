"""Protests interrupted by anyone, and attacks answered by armed defenders (real English model).

The authorities acting on people at a protest, however the people are named ('tailors', 'them',
'12 protesters into custody'), make a protest with intervention; so do counter-protesters or
supporters attacking the protesters. An attack that armed defenders answer ('clashed with the
local militia', 'before being repelled by soldiers') is a clash: both sides are armed (codebook).
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Dozens of tailors marched in the city to denounce the government. Police forces arrested tailors "
    "who did not have an ID during the demonstration.",
    "Workers protested over unpaid wages in Lagos. Police took 12 protesters into custody.",
    "Nurses protested at the hospital. Police removed them from the premises.",
    "Teachers demonstrated outside the ministry. Security forces detained the union secretary.",
    "Health workers protested in front of the court. The protesters were attacked by supporters "
    "of the president.",
    "Unknown men assaulted demonstrators at a rally against the new mining law.",
])
def test_a_protest_acted_on_is_a_protest_with_intervention(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Protest with intervention"


@pytest.mark.parametrize("text, expected", [
    # no protest nearby: the arrest stays an arrest, the removal is nothing
    ("Police arrested the tailors who sold fake uniforms in the market.", "Arrests"),
    ("Workers removed them from the premises after the flood.", "NONE"),
    # a protest with no one acting on it stays peaceful
    ("Workers protested over unpaid wages in Lagos for the third day.", "Peaceful protest"),
])
def test_look_alikes_are_not_interventions(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Suspected militants attacked a village near Koro and clashed with local militiamen.",
    "Armed herders attacked several villages, leading to clashes with members of a local militia.",
    "Suspected Islamic militants attacked a village and set fire to huts. They killed 15 livestock "
    "before being repelled by soldiers.",
])
def test_an_attack_answered_by_armed_defenders_is_a_clash(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Armed clash"


def test_an_unanswered_attack_stays_an_attack(events_nlp):
    assert first_sub_event(events_nlp, "Suspected militants attacked a village near Koro, killing two farmers.") == "Attack"
