"""News-wire wording (triggers.tsv, 'news-wire wording' rows) with the real English model.

Agency reports say in their own words what ACLED notes say in the codebook's: "explosives vest",
"traded fire", "marched the passengers into the bush", "restored state control". Each case has a
look-alike that must not take the same sub-type.
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("A militant wearing an explosives vest blew apart a checkpoint queue in Mogadishu on Monday, "
     "killing six people, police said.", "Suicide bomb"),
    ("A woman with explosives strapped to her waist set them off at a bus stop in Maiduguri.", "Suicide bomb"),
    ("An attacker rammed an explosives-laden truck into the gate of a police station in Quetta.", "Suicide bomb"),
    ("Government troops said rebels fired shells carrying a blister agent at their trenches near Marib.",
     "Chemical weapon"),
    ("Army soldiers and ADF fighters traded fire for several hours near Beni, residents said.", "Armed clash"),
    ("Gunmen seized four aid workers from their vehicle near Bunia on Tuesday, the agency said.",
     "Abduction/forced disappearance"),
    ("Armed men led 12 villagers into the bush after raiding Kagara, a local official said.",
     "Abduction/forced disappearance"),
    ("The two factions signed a pact in Juba to stop attacking each other's bases, a mediator said.",
     "Agreement"),
    ("The warring sides completed a swap of 60 detainees in Aden, the ICRC said.", "Agreement"),
    ("The militia announced it was disbanding and handing its weapons to the army.",
     "Change to group/activity"),
    ("The Malian army said it had restored state control over the commune of Boni after jihadists held it "
     "for months.", "Government regains territory"),
    ("Gang members have driven rival fighters out of three villages along the river, residents said.",
     "Non-state actor overtakes territory"),
    ("The Nigerian army set up a new base at Mallam Fatori to secure the border, a spokesman said.",
     "Headquarters or base established"),
    ("Police installed a permanent camp outside Tibu, the governor said.", "Headquarters or base established"),
    ("The army abandoned its outpost near Paletwa without a fight and rebels moved in, residents said.",
     "Non-violent transfer of territory"),
    ("Soldiers stripped the clinic of its generators and drugs before leaving, aid workers said.",
     "Looting/property destruction"),
    ("Unidentified men lobbed an explosive into a police post in Yala, wounding two officers.", "Grenade"),
    ("Demonstrators hurled petrol bombs at riot police during a march in Santiago.", "Violent demonstration"),
    ("Police detained 14 people who held up placards reading 'No to war' outside parliament.",
     "Protest with intervention"),
    # the name of the Popular Mobilisation Forces is no mobilisation
    ("Iraqi troops and Popular Mobilisation units drove militants out of three villages near Tuz Khurmatu.",
     "Government regains territory"),
    # the grievance of a protest (a mob's looting) does not suppress the protest
    ("Traders whose shops were looted by a mob staged a protest in front of the governor's office.",
     "Peaceful protest"),
    # releases of hostages and prisoners are ACLED's "Other" (acled-2020 dev codes released prisoners so)
    ("Rebels released three hostages to the Red Cross near Tame on Friday, the agency said.", "Other"),
])
def test_news_wire_wording(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, not_expected", [
    # theft by thieves is crime, not looting by a conflict actor
    ("Thieves broke into a jewellery shop overnight and made off with cash, police said.",
     "Looting/property destruction"),
    # displaced families setting up camp are no armed base
    ("Families displaced by the floods set up a camp outside the town.", "Headquarters or base established"),
    # an exchange of fire is no prisoner exchange
    ("Soldiers and rebels exchanged fire near the bridge.", "Agreement"),
    # a trade agreement is no ACLED agreement
    ("The two governments signed a trade agreement in Nairobi.", "Agreement"),
    # shells lobbed are shelling, not grenades
    ("Fighters lobbed mortar shells into the market, killing four.", "Grenade"),
    # a suicide cue needs explosives in the vehicle
    ("A drunk driver drove his car into a crowd of shoppers.", "Suicide bomb"),
    # a release told with its arrest ends that arrest: no second event
    ("Two of the five villagers detained by soldiers have been released, their relatives said.", "Other"),
    # a released report or film is no release of people
    ("The army released a video of the operation on Friday.", "Other"),
    # accidents are no attacks
    ("A bus plunged into a ravine in Kohistan on Sunday, killing 22 passengers, rescue officials said.", "Attack"),
    ("A fire caused by an electrical short circuit killed five workers at a factory in Gazipur.", "Attack"),
    # arrests with no protest act in sight stay arrests
    ("Police detained 14 people suspected of smuggling fuel outside the port.", "Protest with intervention"),
])
def test_look_alikes_keep_their_own_type(events_nlp, text, not_expected):
    assert first_sub_event(events_nlp, text) != not_expected
