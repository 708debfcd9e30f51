"""What a protest is about is not what it did, and a group's end or new head (real English model).

A violent word that a protest verb acts on ('protested the burning of a church', 'demonstrated over
the looting', 'protested the lynching of a man by a mob') is the grievance: the protest stays
peaceful. The crowd's own acts ('protested the tax and torched a police car') stay a riot.
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Demonstrators marched in Jos to protest the burning of a church.", "Peaceful protest"),
    ("Hundreds protested in Kasese the lynching of a young man by a mob.", "Peaceful protest"),
    ("Students in Makurdi demonstrated over the looting of their hostel.", "Peaceful protest"),
    # the crowd's own acts, conjoined with the protest, stay a violent demonstration
    ("Demonstrators protested the new tax in Accra and torched a police car.", "Violent demonstration"),
    ("Protesters burned tyres and blocked the road in Lagos.", "Violent demonstration"),
])
def test_the_grievance_of_a_protest_is_not_its_act(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The armed group announced its dissolution in a video.", "Change to group/activity"),
    ("The militia announced a change of leadership after its commander died.", "Change to group/activity"),
    ("The rebel movement elected a new leadership at its congress.", "Change to group/activity"),
    # a parliament dissolved or a company's leadership is no armed group's change
    ("The president announced the dissolution of parliament.", "NONE"),
])
def test_a_group_dissolved_or_newly_led(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 6 June 2021, people protested in Kano. The protest followed the burning of a mosque by a mob. "
     "[size=no report]", "Peaceful protest"),
    ("On 6 June 2021, a protest in Dhaka was triggered by the lynching of a man. [size=no report]",
     "Peaceful protest"),
    # the crowd's means ('by burning tyres') and what came after the protest stay its acts
    ("On 6 June 2021, residents protested in Jos by burning tyres on the main road. [size=no report]",
     "Violent demonstration"),
    ("On 6 June 2021, the protest was followed by the burning of several cars by the demonstrators. "
     "[size=no report]", "Violent demonstration"),
])
def test_what_a_protest_followed_or_was_sparked_by_is_its_grievance(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
