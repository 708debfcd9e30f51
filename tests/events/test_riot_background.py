"""Riots the note sets before its protest are the protest's background (crowds.py ProtestBackground)."""
from __future__ import annotations

import pytest

from helpers import first_sub_event

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "On 29 April 2020, protesters gathered in Al Nour square in Tripoli to protest against the economic "
    "situation. The protest comes a day after clashes between protesters and the army, during which "
    "protesters set fire to several banks. [size=no report]",
    "On 2 May 2020, residents of Saida protested against the rise in prices. Protests in the city have "
    "turned violent in recent days. [size=no report]",
    "On 1 May 2020, protesters marched in Beirut on Labour Day against the economic crisis. Clashes between "
    "protesters and the army in Tripoli killed one protester on 27 April. [size=no report]",
    "On 7 May 2020, women protested in Ecatepec against femicides. In March, feminist protesters vandalised "
    "the municipal palace. [size=no report]",
    "On 4 May 2020, neighbours protested in Petare by banging pots and pans. The protest took place after "
    "several days of clashes in the sector between rival gangs. [size=no report]",
])
def test_a_riot_set_before_the_protest_leaves_it_peaceful(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 29 April 2020, protesters gathered in Tripoli. They set fire to two banks after the army fired "
    "tear gas. [size=no report]",
    "On 29 April 2020, protesters gathered in Tripoli after Friday prayers and set fire to tyres on the "
    "main road. [size=no report]",
    "On 2 May 2020, residents of Saida protested against the rise in prices. Protesters threw stones at "
    "the army on the same day. [size=no report]",
    "On 2 May 2020, residents of Saida protested against the rise in prices. On 2 May, protesters also "
    "threw stones at the army. [size=no report]",
])
def test_the_crowds_own_riot_stays(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Violent demonstration"


def test_without_a_protest_a_riot_after_another_event_stays(events_nlp):
    """Nothing to be the background of: a riot "after the match" is the event itself."""
    text = "On 12 May 2019, football fans rioted in Algiers after the match, setting cars on fire. [size=no report]"
    assert first_sub_event(events_nlp, text) in ("Mob violence", "Violent demonstration")
