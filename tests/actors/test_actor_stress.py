"""Actors on wordings of countries and years the ACLED dev split does not have: a hand-written
stress set (tests/actors/data/actor_stress.tsv, gold sides by the codebook) and single cases."""
from __future__ import annotations

import pytest

from sitrep.actors.fill import fill_actor
from sitrep.api import extract
from sitrep.mentions import ActorMention

from stress import read_cases, score

EVENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Protests",
               "Riots", "Strategic developments"}


def test_stress_set_covers_every_event_type_and_many_countries():
    cases = read_cases()
    assert len(cases) >= 120
    assert {c.event_type for c in cases} == EVENT_TYPES
    countries = {c.actor1.rsplit("(", 1)[-1] for c in cases if c.actor1.endswith(")")}
    assert len(countries) >= 30


def test_forces_facing_a_crowd_abroad_stay_the_army():
    forces = ActorMention(0, 14, "Israeli forces", "Police Forces of {country}", 1, "Israel", "forces")
    assert fill_actor(forces, "Palestine").startswith("Military Forces of Israel")
    # at home the crowd rule's police stand, and police named as police stay police abroad too
    assert fill_actor(forces, "Israel").startswith("Police Forces of Israel")
    police = ActorMention(0, 14, "Israeli police", "Police Forces of {country}", 1, "Israel", "police")
    assert fill_actor(police, "Palestine").startswith("Police Forces of Israel")


@pytest.mark.model
def test_whole_stress_set(nlp):
    scored = score(read_cases(), nlp=nlp)
    n = len(scored)
    # pinned at what the rules reach (0.847 / 0.778 on these 216 before this set was written)
    assert sum(s.actor1_ok for s in scored) / n >= 0.911
    assert sum(s.any_order_ok for s in scored) / n >= 0.874


def _sides(nlp, text: str, event_type: str) -> tuple[str | None, str | None]:
    events = [e for e in extract(text, "2021-06-01", nlp=nlp) if e.event_type == event_type]
    assert events, text
    return events[0].actor1, events[0].actor2


@pytest.mark.model
def test_suspected_is_no_gang_name(nlp):
    a1, _ = _sides(nlp, "Suspected gang members killed a bus driver in San Pedro Sula, Honduras, "
                        "on Wednesday, police said.", "Violence against civilians")
    assert a1 == "Unidentified Gang (Honduras)"


@pytest.mark.model
def test_members_of_a_named_group_are_the_group(nlp):
    _, a2 = _sides(nlp, "On 6 May 2021, military police clashed with drug traffickers of the Comando "
                        "Vermelho in the Jacarezinho favela in Rio de Janeiro.", "Battles")
    assert a2 == "CV: Red Command"


@pytest.mark.model
def test_israeli_forces_at_a_west_bank_protest_are_the_army(nlp):
    a1, a2 = _sides(nlp, "Israeli forces fired tear gas at Palestinians protesting against settlements "
                         "in Kafr Qaddum, near Qalqilya in the West Bank, on Friday.", "Protests")
    assert a1.startswith("Protesters") and a2.startswith("Military Forces of Israel")


@pytest.mark.model
def test_kenyan_forces_at_a_nairobi_protest_are_the_police(nlp):
    _, a2 = _sides(nlp, "Kenyan security forces fired tear gas at opposition supporters protesting "
                        "in Nairobi on Monday.", "Protests")
    assert a2.startswith("Police Forces of Kenya")


@pytest.mark.model
def test_a_states_positions_are_its_forces(nlp):
    a1, a2 = _sides(nlp, "Russian forces shelled Ukrainian positions near Avdiivka in Donetsk region "
                         "overnight, the general staff said.", "Explosions/Remote violence")
    assert a1.startswith("Military Forces of Russia") and a2.startswith("Military Forces of Ukraine")


@pytest.mark.model
def test_israeli_settlers_are_settlers(nlp):
    a1, a2 = _sides(nlp, "Israeli settlers attacked Palestinian farmers harvesting olives near the village "
                         "of Burin, south of Nablus, on Saturday.", "Violence against civilians")
    assert a1 == "Settlers (Israel)" and a2 == "Civilians (Palestine)"


@pytest.mark.model
def test_peoples_defense_force(nlp):
    a1, _ = _sides(nlp, "On 20 June 2021, the local People's Defence Force ambushed a military convoy near "
                        "Kalay (Sagaing), Myanmar.", "Battles")
    assert a1 == "PDF: People's Defense Force"


@pytest.mark.model
def test_jihadists_are_the_islamic_state_only_where_it_is_the_one(nlp):
    _, sahel = _sides(nlp, "On 8 March 2022, VDP members clashed with suspected jihadists near Titao "
                           "(Loroum, Nord), Burkina Faso.", "Battles")
    assert sahel == "Unidentified Armed Group (Burkina Faso)"
    _, syria = _sides(nlp, "On 8 March 2020, regime forces clashed with jihadists near Saraqib (Idleb), "
                           "Syria.", "Battles")
    assert syria == "Islamic State (Syria)"


@pytest.mark.model
def test_somali_abbreviations_in_an_acled_note(nlp):
    a1, a2 = _sides(nlp, "On 4 May 2020, AS militants attacked SNA positions in Awdheegle (Lower Shabelle). "
                         "The fighting resulted in 3 AS militants killed.", "Battles")
    assert a1 == "Al Shabaab" and a2.startswith("Military Forces of Somalia")
    # no other cue than the event's place: the fill step reads the acronym by the country
    a1, _ = _sides(nlp, "On 15 September 2020, an SNA soldier shot and killed a rickshaw driver at a "
                        "checkpoint in Hodan district (Mogadishu, Banadir).", "Violence against civilians")
    assert a1.startswith("Military Forces of Somalia")


@pytest.mark.model
def test_acronyms_keep_their_meaning_elsewhere(nlp):
    a1, a2 = _sides(nlp, "On 5 May 2020, Turkish-backed SNA factions clashed with the SDF near Ain Issa "
                         "(Raqqa), Syria.", "Battles")
    assert a1 == "JWS: Syrian National Army"
    events = extract("On 3 May 2020, Houthi forces fired AA guns at Saudi-led coalition jets over Sanaa, "
                     "Yemen.", "2021-06-01", nlp=nlp)
    assert not any("Arakan" in (e.actor1 or "") + (e.actor2 or "") for e in events)


@pytest.mark.model
def test_isf_in_lebanon_are_the_police(nlp):
    _, a2 = _sides(nlp, "On 8 August 2020, in Beirut, Lebanon, rioters threw stones at ISF members, and "
                        "the ISF responded with tear gas.", "Riots")
    assert a2.startswith("Police Forces of Lebanon")


@pytest.mark.model
def test_myanmar_armed_groups_by_acronym(nlp):
    a1, a2 = _sides(nlp, "On 14 May 2020, the KIA and the Tatmadaw clashed near Hpakant (Kachin). "
                         "No casualties were reported.", "Battles")
    assert {a1.split(" (")[0], a2.split(" (")[0]} == {"KIA: Kachin Independence Army", "Military Forces of Myanmar"}


@pytest.mark.model
def test_its_forces_are_the_subject_countrys(nlp):
    a1, a2 = _sides(nlp, "Turkey said on Monday its warplanes had destroyed PKK shelters in the Gara region "
                         "of northern Iraq.", "Explosions/Remote violence")
    assert a1.startswith("Military Forces of Turkey") and a2 == "PKK: Kurdistan Workers Party"


@pytest.mark.model
def test_members_of_a_criminal_group_are_a_gang(nlp):
    _, a2 = _sides(nlp, "A shootout between state police and suspected members of a criminal group in "
                        "Tepalcatepec, Michoacan, left three gunmen dead on Sunday.", "Battles")
    assert a2 == "Unidentified Gang (Mexico)"


@pytest.mark.model
def test_rebel_held_names_a_place_not_a_side(nlp):
    _, a2 = _sides(nlp, "Russian jets bombed a market in the rebel-held town of Maarat al-Numan in Syria's "
                        "Idlib province on Monday, killing at least 14 civilians.", "Explosions/Remote violence")
    assert a2 == "Civilians (Syria)"


@pytest.mark.model
def test_forces_backed_by_others_lead_and_the_helpers_are_associated(nlp):
    events = [e for e in extract("On 20 July 2020, SNA troops backed by AMISOM forces raided AS positions near "
                                 "Janaale (Marka, Lower Shabelle), killing 5 AS fighters.", "2021-06-01", nlp=nlp)
              if e.event_type == "Battles"]
    assert events[0].actor1.startswith("Military Forces of Somalia")
    assert "AMISOM" not in (events[0].actor2 or "")
