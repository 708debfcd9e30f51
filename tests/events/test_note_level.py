"""What a whole note says about its event (events/notes.py), with the real English model."""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


KILLING = "On 7 May 2020, in Manaus, a man was shot to death by two armed men. "


@pytest.mark.parametrize("after, expected", [
    ("The victim had charges against him for drug trafficking.", "Armed clash"),
    ("The victim was involved in a gang.", "Armed clash"),
    ("The victim was not a member of any gang.", "Attack"),
    ("The victim was a teacher.", "Attack"),
    ("Police said gang rivalry was the motive.", "Attack"),   # the victim is not said to be one
])
def test_a_victim_of_an_armed_group_makes_a_clash(events_nlp, after, expected):
    assert first_sub_event(events_nlp, KILLING + after) == expected


@pytest.mark.parametrize("victims, expected", [
    ("an army soldier", "Armed clash"),
    ("a shopkeeper", "Attack"),
])
def test_stabbing_an_armed_victim_is_a_clash(events_nlp, victims, expected):
    text = f"On 30 April 2020, herders stabbed and wounded {victims} near the market."
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "On 5 May 2020, federal police forces seized about a ton of marijuana hidden in a truck.",  # 'about' X
    "On 28 April 2020, military forces found and destroyed a clandestine airstrip used by traffickers.",
])
def test_seizing_drugs_and_destroying_their_infrastructure_is_property_destruction(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Looting/property destruction"


@pytest.mark.parametrize("text, expected", [
    ("On 8 May 2020, the army deployed troops to the town in the context of the fighting between two factions.",
     "Change to group/activity"),
    ("On 8 May 2020, the army deployed troops to the town after recent clashes between two factions.",
     "Change to group/activity"),
    ("On 8 May 2020, the army clashed with two factions in the town.", "Armed clash"),
])
def test_fighting_recalled_as_context_is_not_the_event(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
