"""The fixes of the clash boundary (ACLED codebook): soldiers or police abducted on duty were
fought (violence against civilians needs unarmed victims); a blast followed by gunfire opened a
ground attack; air or artillery that backs a ground side is that side's fight (events/clash.py)."""
from __future__ import annotations

import json

import pytest
import spacy

from helpers import first_sub_event, parsed_doc
from sitrep.events.clash import RemoteSupport
from sitrep.events.lexicon import RULES

SUPPORT = RemoteSupport.of(json.loads(RULES.read_text(encoding="utf-8")))


def _backed_doc():
    """"forces , backed by airstrikes , killed militants" parsed by hand."""
    nlp = spacy.blank("en")
    words = ["forces", ",", "backed", "by", "airstrikes", ",", "killed", "militants"]
    heads = [6, 0, 0, 2, 3, 0, 6, 6]
    deps = ["nsubj", "punct", "acl", "agent", "pobj", "punct", "ROOT", "dobj"]
    lemmas = ["force", ",", "back", "by", "airstrike", ",", "kill", "militant"]
    return parsed_doc(nlp, words, heads, deps, lemmas)


def test_an_air_strike_that_backs_a_ground_side_is_support():
    doc = _backed_doc()
    assert SUPPORT.supports("Air/drone strike", doc[4])


def test_support_is_only_for_the_remote_types():
    doc = _backed_doc()
    assert not SUPPORT.supports("Attack", doc[4])


def test_air_backed_by_air_is_no_ground_fight():
    nlp = spacy.blank("en")
    words = ["airstrikes", "backed", "by", "drones", "hit", "the", "town"]
    heads = [4, 0, 1, 2, 4, 6, 4]
    deps = ["nsubj", "acl", "agent", "pobj", "ROOT", "det", "dobj"]
    lemmas = ["airstrike", "back", "by", "drone", "hit", "the", "town"]
    doc = parsed_doc(nlp, words, heads, deps, lemmas)
    assert not SUPPORT.supports("Air/drone strike", doc[3])


def test_an_air_strike_that_is_the_subject_is_no_support():
    nlp = spacy.blank("en")
    words = ["airstrikes", "killed", "militants"]
    doc = parsed_doc(nlp, words, [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["airstrike", "kill", "militant"])
    assert not SUPPORT.supports("Air/drone strike", doc[0])


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 4 May 2020, an operation by special forces, backed by airstrikes, killed 18 militants in Zabul.",
    "On 28 April 2020, the army, along with the helicopters of a private military company, attacked militants in Metuge.",
    "On 3 May 2020, troops supported by helicopter gunships attacked rebel positions near Kidal.",
])
def test_remote_support_of_ground_fighting_is_a_clash(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Armed clash"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 4 May 2020, US airstrikes killed 18 militants in Zabul.",
    "On 4 May 2020, airstrikes backed by drones hit Taliban positions in Zabul.",
    "On 3 May 2020, regime forces shelled Kafr Nabl with artillery.",
])
def test_remote_weapons_alone_stay_remote(events_nlp, text):
    assert first_sub_event(events_nlp, text) != "Armed clash"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 5 May 2020, unidentified gunmen abducted a female police officer in Ogun.",
    "On 4 May 2020, unidentified gunmen abducted nine soldiers from a building in Mzeireb.",
    "On 29 April 2020, two soldiers were kidnapped by Taliban militants in Kohsan district.",
])
def test_soldiers_or_police_abducted_make_a_clash(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Armed clash"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 5 May 2020, unidentified gunmen abducted a police officer's wife in Ogun.",
    "On 5 May 2020, unidentified gunmen abducted a retired soldier in Ogun.",
    "On 5 May 2020, bandits abducted 12 travellers at a police checkpoint on the Kaduna-Abuja highway.",
    "On 28 April 2020, gunmen kidnapped a member of the security forces after he left a mosque in Habban.",
    "Those abducted include women, children and family members of pro-regime fighters, the group said.",
])
def test_civilians_abducted_stay_abductions(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Abduction/forced disappearance"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 5 May 2020, an IED exploded in Rashad and was followed by gunshots which left three fighters dead.",
    "On 5 May 2020, a roadside bomb hit a police vehicle in Nad Ali. One policeman was killed during clashes with the militants after the bombing.",
])
def test_a_blast_that_opens_ground_fighting_is_a_clash(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Armed clash"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 5 May 2020, a roadside bomb hit a police vehicle in Nad Ali, killing two policemen.",
    "On 3 May 2020, a dozen civilians were injured by an explosion near an encounter site in Handwara.",
])
def test_a_blast_alone_stays_an_explosion(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Remote explosive/landmine/IED"


def test_a_participle_with_its_own_object_does_not_make_its_noun_the_victim():
    """"IS militants executed a man": the tagger reads "IS" as a verb and "executed" as a participle
    on "militants"; with an object of its own the noun is the doer, not the victim."""
    from sitrep.events.syntax import _target

    nlp = spacy.blank("en")
    words = ["IS", "militants", "executed", "a", "former", "police", "officer"]
    heads = [0, 0, 1, 6, 6, 6, 2]
    deps = ["ROOT", "attr", "acl", "det", "amod", "compound", "dobj"]
    lemmas = ["be", "militant", "execute", "a", "former", "police", "officer"]
    doc = parsed_doc(nlp, words, heads, deps, lemmas)
    assert "militants" not in [t.text for t in _target(doc[2])]


def test_a_participle_without_object_still_names_its_victim():
    from sitrep.events.syntax import _target

    nlp = spacy.blank("en")
    words = ["two", "soldiers", "killed", "in", "Borno"]
    doc = parsed_doc(nlp, words, [1, 1, 1, 2, 3], ["nummod", "ROOT", "acl", "prep", "pobj"],
                     ["two", "soldier", "kill", "in", "Borno"])
    assert "soldiers" in [t.text for t in _target(doc[2])]


@pytest.mark.model
@pytest.mark.parametrize("text, sub", [
    ("On 4 September 2020, IS militants executed a former police officer in Kirkuk.", "Attack"),
    ("On 30 October 2020, ISWAP fighters attacked troops in Damasak with gun trucks and RPGs, and the troops fought back.",
     "Armed clash"),
    ("On 10 June 2020, the Nigerian Air Force bombarded a Boko Haram hideout in the Sambisa forest.", "Air/drone strike"),
    ("On 10 June 2020, the army bombarded a Boko Haram hideout in the Sambisa forest.", "Shelling/artillery/missile attack"),
])
def test_doers_misread_fire_answered_and_an_air_force_bombarding(events_nlp, text, sub):
    assert first_sub_event(events_nlp, text) == sub


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, unidentified gunmen killed a soldier who was on leave in Bamenda.",
    "On 3 May 2020, gunmen shot dead a policeman on leave at his home in Pulwama.",
    "On 9 October 2020, NPA rebels abducted two soldiers who were on leave in Samar.",
])
def test_soldiers_on_leave_are_civilians(events_nlp, text):
    assert first_sub_event(events_nlp, text) in ("Attack", "Abduction/forced disappearance")


def test_on_leave_said_after_the_noun_unarms_it():
    from sitrep.events.lexicon import WordSet
    from sitrep.events.syntax import _unarmed

    nlp = spacy.blank("en")
    words = ["a", "soldier", "on", "leave"]
    doc = parsed_doc(nlp, words, [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"], ["a", "soldier", "on", "leave"])
    armed = WordSet.parse("soldier")
    assert _unarmed([doc[1]], armed, [], [], [("on", "leave")]) == []
    assert _unarmed([doc[1]], armed, [], [], []) == [doc[1]]


@pytest.mark.model
@pytest.mark.parametrize("text, sub", [
    ("On 3 May 2020, bandits killed two members of the Civilian JTF in Borno.", "Armed clash"),
    ("On 3 May 2020, soldiers manhandled residents of Goma during a search operation.", "Attack"),
    ("On 3 May 2020, police roughed up two journalists in Harare.", "Attack"),
    ("On 3 May 2020, armed men set ablaze a house with its occupants inside in Djugu.", "Attack"),
    ("On 3 May 2020, armed men set ablaze a house in Djugu.", "Looting/property destruction"),
])
def test_vigilante_forces_rough_handling_and_burning_people_inside(events_nlp, text, sub):
    assert first_sub_event(events_nlp, text) == sub


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, IS militants killed a member of the PMF in Diyala.",
    "On 3 May 2020, Taliban militants killed three ALP members in Kunduz.",
    "On 3 May 2020, gunmen killed a Mai-Mai chief in Fizi.",
    "On 3 May 2020, a member of the Anti-Balaka was killed by UPC fighters in Bambari.",
    "On 3 May 2020, suspected NPA rebels killed a CAFGU member in Samar.",
    "On 3 May 2020, two Koglweogo members were killed by JNIM militants in Sanmatenga.",
])
def test_members_of_armed_organisations_named_short_are_armed(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Armed clash"


@pytest.mark.model
def test_a_former_member_is_still_a_civilian(events_nlp):
    text = "On 3 May 2020, gunmen killed a former PMF member in his home in Diyala."
    assert first_sub_event(events_nlp, text) == "Attack"


@pytest.mark.model
@pytest.mark.parametrize("text, sub", [
    ("On 3 May 2020, bandits ambushed vehicles on the Kaduna-Abuja highway, killing two travellers.", "Attack"),
    ("On 30 April 2020, dahalo attacked and killed one person while ambushing and looting vehicles near Bekily.", "Attack"),
    ("On 3 May 2020, militants ambushed a military vehicle near Gao, killing two soldiers.", "Armed clash"),
    ("On 3 May 2020, gunmen attacked a police vehicle in Guerrero.", "Armed clash"),
])
def test_vehicles_ambushed_are_civilian_unless_armed(events_nlp, text, sub):
    assert first_sub_event(events_nlp, text) == sub
