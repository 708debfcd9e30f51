"""Who did what a subordinate clause tells (real English model).

A clause with a doer of its own ('after a bombing killed 30 people') does not borrow the protest's
subject: the protest stays peaceful. A pronoun ('after they had killed') still points at the crowd.
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Protesters rallied peacefully in the capital a week after a deadly bombing killed 30 people.",
     "Peaceful protest"),
    ("Hundreds of residents held a protest outside the plant, demanding action after a gas leak killed 11 workers.",
     "Peaceful protest"),
    ("Demonstrators gathered in Kano after gunmen killed a village head.", "Peaceful protest"),
    # the crowd's own act, told with a pronoun, stays the crowd's
    ("Angry protesters blocked the highway after they had killed a police officer.", "Violent demonstration"),
])
def test_a_clause_with_its_own_doer_is_not_the_crowds_act(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Farmers protested in Multan after their crops were burnt by unknown people.", "Peaceful protest"),
    ("Traders protested in Abuja because thugs had vandalised their shops.", "Peaceful protest"),
    ("Christians demonstrated in Kaduna after a church was torched by suspected herdsmen.", "Peaceful protest"),
    ("Doctors protested in Lahore, saying that a colleague had been assaulted by the relatives of a patient.",
     "Peaceful protest"),
    ("Residents protested in Kasai, alleging that soldiers had burned several houses.", "Peaceful protest"),
    # the crowd's own acts, told in the main clause or of 'they', stay a violent demonstration
    ("Traders protested in Lagos after they had torched a tax office.", "Violent demonstration"),
    ("Residents protested and torched a police post after a man was killed by police.", "Violent demonstration"),
    ("Protesters in Lyon burnt cars after police had killed a teenager.", "Violent demonstration"),
])
def test_someone_elses_violence_told_under_a_protest_is_its_grievance(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
