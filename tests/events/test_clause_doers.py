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


@pytest.mark.parametrize("text, expected", [
    ("On 6 June 2021, traders staged a protest in Kumasi. Their shops were burnt down last week by suspected "
     "arsonists. [size=no report]", "Peaceful protest"),
    ("On 6 June 2021, Hindus protested in Sindh. A temple was vandalised by unknown people the previous night. "
     "[size=no report]", "Peaceful protest"),
    ("On 6 June 2021, farmers protested in Punjab. They said their crops had been set on fire by rival villagers. "
     "[size=no report]", "Peaceful protest"),
    ("On 6 June 2021, Christians protested in Jos. Several churches were attacked and burnt by gunmen last month. "
     "[size=no report]", "Peaceful protest"),
    # the crowd's own violence told after the protest, by 'they', the crowd's word or against it, stays a riot
    ("On 7 May 2020, workers staged a demonstration on the highway demanding unpaid wages. They also beat an "
     "official of the factory and burnt tires. [size=no report]", "Violent demonstration"),
    ("On 6 June 2021, students held a demonstration in Madurai against fees. Police clashed with the demonstrators. "
     "[size=no report]", "Violent demonstration"),
    ("On 6 June 2021, residents demonstrated in Goma after the killing of a trader. The demonstrators burned tyres "
     "and stoned passing cars. [size=no report]", "Violent demonstration"),
])
def test_violence_told_after_a_protest_is_the_crowds_only_when_it_did_it(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
