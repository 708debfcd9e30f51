"""Strategic developments by the ACLED codebook's kinds (real English model).

The codebook's 'Change to group/activity' covers groups created, merged, split or re-led, forces moved
and weapons or drugs destroyed in public; 'Other' covers coups and captives freed by those who held them
(where no violence is told with them); a force that withdraws and hands a place over is a
non-violent transfer. Every sentence here is written for a country and wording the dev notes never used,
and each kind has a near-miss that must stay no event (plans, companies, courts, weather, markets).
"""
from __future__ import annotations

import pytest

import spacy

from helpers import first_sub_event, sub_events


pytestmark = pytest.mark.model

CHANGE = "Change to group/activity"


@pytest.mark.parametrize("text", [
    # a group founded, launched or set up
    "On 9 July 2021, former police officers founded a new militia, the Guardians of Tanna, in Guria.",
    "On 9 July 2021, dissident officers launched a new rebel movement in the Anglophone region.",
    "On 9 July 2021, jihadists announced the establishment of a new faction in Tahoua.",
    # groups uniting and breaking away
    "On 9 July 2021, two armed factions in Darfur agreed to unite under one command.",
    "On 9 July 2021, a breakaway faction of the Mai-Mai group was formed in Fizi.",
    # forces moved, flown in, advancing
    "On 9 July 2021, the army sent a convoy of armoured vehicles to Palma.",
    "On 9 July 2021, hundreds of mercenaries were flown into Bangui, diplomats said.",
    "On 9 July 2021, Kenyan troops moved into the border town of Mandera.",
    "On 9 July 2021, a column of rebel fighters advanced towards Gondar without meeting resistance.",
    # weapons and drugs destroyed in public; disarmament
    "On 9 July 2021, police publicly burned 3,000 illicit guns in Kampala.",
    "On 9 July 2021, authorities destroyed two tonnes of seized heroin in Peshawar.",
    "On 9 July 2021, ex-combatants handed in their rifles at a disarmament ceremony in Kaga-Bandoro.",
    # blockades, attacks suspended, positions taken, heavy weapons brought in (not fired)
    "On 9 July 2021, jihadists imposed a blockade on the town of Boulkessi.",
    "On 9 July 2021, the FARC dissidents announced they were suspending their attacks during the vote.",
    "On 9 July 2021, Rwandan troops crossed into Cabo Delgado and took positions near Mocimboa.",
    "On 9 July 2021, the army brought more troops and heavy weapons into Tigray.",
    # ranks filled and trained, forces relocated or massed, a military convoy moving, a group outlawed
    "On 9 July 2021, the militia recruited 300 youths in Bunia.",
    "On 9 July 2021, some 500 police commandos graduated from a training camp in Awash.",
    "On 9 July 2021, ADF fighters relocated to the Rwenzori foothills, local sources said.",
    "On 9 July 2021, hundreds of Taliban fighters massed near Lashkar Gah.",
    "On 9 July 2021, a military convoy of 40 armoured vehicles was seen heading towards Misrata.",
    "On 9 July 2021, the government outlawed the separatist movement in Buea.",
    # weapons and troops withdrawn, deployed or delivered are moved, not fired
    "On 9 July 2021, Britain withdrew its missile batteries from Estonia.",
    "On 9 July 2021, Iran deployed new missile systems to the island of Abu Musa.",
    "On 9 July 2021, Turkey delivered armoured vehicles and heavy weapons to its allies in Tripoli.",
    "On 9 July 2021, France withdrew 400 troops from Menaka.",
    # forces stationed or positioned; a force's own exercises held (a show of force near a border)
    "On 9 July 2021, Pakistan stationed additional troops along the Line of Control.",
    "On 9 July 2021, Armenia positioned tanks near the border village of Tegh.",
    "On 9 July 2021, Egyptian troops conducted live-fire exercises near the Libyan border.",
])
def test_changes_to_groups_and_their_activity(events_nlp, text):
    assert first_sub_event(events_nlp, text) == CHANGE


@pytest.mark.parametrize("text", [
    "On 9 July 2021, soldiers seized power in a coup in Conakry and dissolved the government.",
    "On 9 July 2021, the ELN freed four soldiers it had held since April in Arauca.",
    "On 9 July 2021, the army took power in Niamey and detained the president.",
])
def test_other_strategic_developments(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Other"


@pytest.mark.parametrize("text, expected", [
    ("On 9 July 2021, Ugandan troops withdrew from the Bunia airport, transferring it to the Congolese army.",
     "Non-violent transfer of territory"),
    ("On 9 July 2021, rebels entered the town of Kalemie unopposed after the soldiers left.",
     "Non-violent transfer of territory"),
    ("On 9 July 2021, the separatists took over the town of Kidal after the army withdrew.",
     "Non-violent transfer of territory"),
    # taken 'without a fight': no battle, whoever took it (not 'Government regains territory')
    ("On 9 July 2021, government forces took control of the district of Nhamatanda without a fight.",
     "Non-violent transfer of territory"),
    ("On 9 July 2021, insurgents took over the town after soldiers abandoned their post under fire.",
     "Non-state actor overtakes territory"),
    ("On 9 July 2021, the militia turned a school in Djugu into a base.", "Headquarters or base established"),
    # a bombing foiled before it went off is disrupted; an armed attack 'thwarted' by those it hit is a clash
    ("On 9 July 2021, the Houthis fired a missile at Jizan.", "Shelling/artillery/missile attack"),
    ("On 9 July 2021, the soldiers withdrew from the town of Halgan, handing it over to the police.",
     "Non-violent transfer of territory"),
    ("On 9 July 2021, police foiled a bomb attack on a mosque in Quetta.", "Disrupted weapons use"),
    ("On 9 July 2021, soldiers thwarted an attack by rebels on their base in Rutshuru.", "Armed clash"),
    ("On 9 July 2021, 300 fighters and their families were evacuated to Jarabulus under a deal brokered by Turkey.",
     "Agreement"),
    # shots fired in the air to disperse protesters are the protest's intervention, not a second 'Other'
    ("On 9 July 2021, police fired warning shots in the air to disperse protesters in Conakry.",
     "Protest with intervention"),
])
def test_transfers_and_violence_first(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "On 9 July 2021, the health ministry launched a new vaccination campaign in Kano.",
    "On 9 July 2021, the company was founded in Accra by two engineers.",
    "On 9 July 2021, the two banks announced a merger.",
    "On 9 July 2021, the ruling party elected a new leader at its congress in Lusaka.",
    "On 9 July 2021, share prices advanced 3 percent in Nairobi.",
    "On 9 July 2021, a court freed the blogger on bail in Algiers.",
    "On 9 July 2021, opposition leaders accused the army of plotting a coup.",
    "On 9 July 2021, the army chief denied reports of a coup.",
    "On 9 July 2021, thousands fled their homes as floods hit Beira.",
    "On 9 July 2021, the bank transferred the funds to the ministry.",
    "On 9 July 2021, customs officers destroyed counterfeit goods in Mombasa.",
    "On 9 July 2021, the president flew to Addis Ababa for the summit.",
    "On 9 July 2021, the airline suspended its operations in Juba.",
    "On 9 July 2021, the candidate won the seat unopposed in Bauchi.",
    "On 9 July 2021, the stadium in Gao was turned into a hospital.",
    "On 9 July 2021, the bakery brought new vehicles into service in Kano.",
    "On 9 July 2021, the university graduated 2,000 students in Zaria.",
    "On 9 July 2021, the bank relocated its headquarters to Abidjan.",
    "On 9 July 2021, an aid convoy reached the town of Daraa.",
    "On 9 July 2021, storm clouds massed over Dhaka.",
    "On 9 July 2021, the president delivered a speech to soldiers in Kabul.",
    "On 9 July 2021, officers at the police station in Garissa said they were investigating.",
    "On 9 July 2021, the minister urged the army to exercise restraint in Rakhine.",
    # joint or annual exercises with partners are routine cooperation, no change in what a group does
    # (codebook: significant changes in the activity or structure of armed groups)
    "On 9 July 2021, Indian and French forces held joint naval manoeuvres off Goa.",
])
def test_near_misses_stay_no_event(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "NONE"


def test_violence_in_the_sentence_is_the_event_not_other(events):
    """Shots fired in the air beside a clash are the clash's, not a second event coded 'Other'."""
    nlp = spacy.blank("en")
    text = "Soldiers clashed with militants and fired warning shots in Gao ."
    found = sub_events(nlp, text, {"clashed": "clash", "fired": "fire", "shots": "shot", "Soldiers": "soldier",
                                   "militants": "militant"}, events)
    assert "Armed clash" in found and "Other" not in found
    alone = sub_events(nlp, "Soldiers fired warning shots in Gao .", {"fired": "fire", "shots": "shot"}, events)
    assert alone == ["Other"]


def test_a_month_of_a_date_is_no_march():
    """'On 4 March 2021' names a month: no protest cue or context (an arrest in March stays an arrest)."""
    from sitrep.events.lexicon import token_keys

    doc = spacy.blank("en")("On 4 March 2021 the march went on .")
    assert "march" not in token_keys(doc[2])
    assert "march" in token_keys(doc[5])


@pytest.mark.parametrize("text, expected", [
    ("On 4 March 2021, police arrested the opposition leader in Kampala.", "Arrests"),
    ("On 4 March 2021, a new armed group announced its formation in Idlib, calling itself the Popular Front.",
     CHANGE),
    ("On 8 March 2021, a march against violence was held in Lima.", "Peaceful protest"),
])
def test_events_dated_in_march(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
