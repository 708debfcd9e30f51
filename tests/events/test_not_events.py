"""Not an event (events/not_events.py, rules.json "not_events"): news that uses the words of
violence for nature, accidents, courts, figures of speech, aggregates of the past, ordinary crime
and ended measures gives no event; the close real event beside each still does.
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    # nature, disease and accidents as the doer
    "A measles epidemic has killed 40 children in northern Kasai since March, the health ministry said.",
    "Typhus has killed nine inmates at the Bamenda prison, a doctor said.",
    "A boiler explosion ripped through a textile factory in Faisalabad, killing seven workers and wounding 15.",
    "Four passengers were killed when their minibus skidded off a bridge near Mbale on Sunday, police said.",
    "Torrential rains caused flooding across Kerala, killing 27 people and displacing thousands.",
    "A ferry carrying traders capsized on the Niger river on Sunday, leaving 16 people dead.",
    "An explosion at a fireworks workshop in Sivakasi killed six workers on Monday.",
    "A farmer accidentally shot dead his cousin while hunting near Kitale.",
    "A fuel truck exploded on the Kano road after colliding with a minibus, killing nine people.",
    # courts: the attack is the charge
    "Three men went on trial in Paris for their part in the 2016 bombing of a church, which killed a priest.",
    "A court in Niamey convicted two men of attacking a military convoy, and sentenced them to 20 years.",
    "A court in Harare freed on bail an activist who had been detained for organising a strike.",
    "Two men were found guilty of helping the gunmen who killed 14 people at a nightclub in 2016.",
    # forecasts, briefings, wildlife
    "The army said its troops were ready to launch a major offensive against the rebels in the east.",
    "The UN envoy briefed the council on the fighting around Tripoli and called for restraint.",
    "A fisherman was killed by a crocodile on the banks of the Zambezi, local officials said.",
    # figures of speech
    "Nurses in Dhaka are fighting a desperate battle against malaria as the rains begin.",
    "The governor came under fire from legislators after he cancelled the local elections.",
    "Farmers in Turkana are battling locusts that have stripped their fields.",
    "The prime minister faced fierce attacks from opposition lawmakers over the fuel price rise.",
    # aggregates of the past
    "Amnesty said in a statement that soldiers killed at least 80 civilians in Tigray between March and July.",
    ("Militants killed more than 900 people in Burkina Faso in the first four months of the year, "
     "according to a new tally."),
    "A documentary recounts how militants stormed the town of Palma and the weeks of fighting that followed.",
    "At least 1,500 civilians were killed in Afghanistan in 2019, a UN mission said.",
    "Honduras recorded more than 3,000 murders last year, police data showed.",
    "Clashes have killed more than 400 people in the region since March, aid agencies said.",
    "Activists say 120 people have been killed by the police since the unrest began in June.",
    "A plaque was unveiled in Nairobi for the 67 shoppers killed in the 2013 mall siege.",
    # ordinary crime
    "Police in Lagos detained four men for running a fake loan scam.",
    "Police in Accra arrested a pharmacist for selling fake malaria drugs.",
    "A student was detained in Nairobi after knifing a schoolmate in a quarrel over a girlfriend.",
    "A shopkeeper was found dead in his store in Bishkek, and police said they suspected a burglary.",
    "A schoolgirl was raped by her stepfather in Mutare, police said.",
    # a measure ended
    "The Ethiopian government lifted the state of emergency in Amhara on Friday.",
])
def test_not_an_event(events_nlp, text: str) -> None:
    assert first_sub_event(events_nlp, text) == "NONE"


@pytest.mark.parametrize("text, expected", [
    # the same words, but armed men did it
    ("A suicide car bomb tore through a market in Mogadishu on Monday, killing 12 people.", "Suicide bomb"),
    ("Four passengers died when gunmen opened fire on their minibus near Mbale on Sunday.", "Attack"),
    ("Gunmen shot dead a trader during a robbery in Maiduguri, and Boko Haram was suspected.", "Attack"),
    ("Militants attacked a courthouse in Mogadishu, killing three guards.", "Armed clash"),
    ("An explosion at an army checkpoint in Quetta killed four soldiers on Monday.", "Remote explosive/landmine/IED"),
    ("Two soldiers were killed when their vehicle hit a landmine near Mopti.", "Remote explosive/landmine/IED"),
    ("Soldiers accidentally shot dead a civilian at a checkpoint near Goma, the army said.", "Attack"),
    ("A soldier raped a woman in a village near Uvira on Sunday, residents said.", "Sexual violence"),
    ("Security forces killed 12 villagers in Darfur on Thursday, medics said.", "Attack"),
    ("Police have arrested 30 opposition supporters in Conakry since Monday, their party said.", "Arrests"),
    ("Police in Kampala arrested an opposition MP for insulting the president.", "Arrests"),
    ("Police in Harare arrested a journalist for publishing fake news about the pandemic.", "Arrests"),
    ("Police in Kampala arrested a man after he stabbed an opposition MP outside his home.", "Attack"),
    ("Soldiers killed at least 8 civilians in Tigray on 3 March, residents said.", "Attack"),
    ("Fighting broke out between the army and rebels in Masisi on Tuesday, residents said.", "Armed clash"),
    ("The Ethiopian government declared a state of emergency in Amhara on Friday.", "Change to group/activity"),
])
def test_still_an_event(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected
