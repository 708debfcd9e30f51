"""A stress set of political violence written by hand after the ACLED codebook (data/violence_stress.tsv),
in ACLED-note and news-wire styles of many countries: organised-crime and gang killings, bodies found,
targeted killings of officials, journalists, candidates and activists, exchanges of fire, lynchings,
kidnappings, sexual violence, arson and looting, grenades, bombs, shelling and air strikes, armed
robberies by political actors, beatings and executions; and no-events (domestic crime, accidents,
court cases, statistics, denials). Not fitted to any gold note, and written before reading the rules."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import first_sub_event, stress_misses, stress_rows

pytestmark = pytest.mark.model

STRESS = Path(__file__).parent / "data" / "violence_stress.tsv"
MIN_RIGHT = 0.95      # pinned at what the rules reach; raise it when they improve
KINDS = {"gang", "bodies", "targeted", "clash", "mob", "abduction", "sexual", "property", "grenade",
         "explosive", "remote", "robbery", "torture", "none"}


def rows() -> list[tuple[str, str, str]]:
    return stress_rows(STRESS)


def test_the_stress_set_is_broad():
    found = rows()
    assert len(found) >= 150
    assert {kind for kind, _, _ in found} == KINDS
    counts = Counter(kind for kind, _, _ in found)
    assert counts["gang"] >= 15 and counts["targeted"] >= 15 and counts["none"] >= 10


def test_the_rules_code_most_of_the_stress_set(events_nlp):
    share, misses = stress_misses(rows(), lambda text: first_sub_event(events_nlp, text))
    assert share >= MIN_RIGHT, misses


def test_killings_of_unarmed_people_are_rarely_read_as_clashes(events_nlp):
    """The error the held-out countries showed most: an attack on civilians taken for a clash."""
    attacks = [text for _, gold, text in rows() if gold == "Attack"]
    clashes = [text for text in attacks if first_sub_event(events_nlp, text) == "Armed clash"]
    assert len(clashes) <= 1, clashes


@pytest.mark.parametrize("text", [
    "On 3 May 2020, unidentified gunmen shot dead the wife of a police commander in Celaya.",
    "On 3 May 2020, gunmen killed the son of a soldier in Mogadishu.",
    "On 3 May 2020, unidentified men killed an intelligence official's brother in Quetta.",
    "On 3 May 2020, gunmen shot dead the owner of a private security company in Lagos.",
    "On 3 May 2020, gunmen attacked the home of a police officer in Celaya, killing his two children.",
])
def test_a_relative_of_an_armed_man_is_a_civilian(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Attack"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, unknown assailants shot dead a human rights defender in Cauca.",
    "On 3 May 2020, suspected NPA rebels shot dead a barangay captain in Masbate.",
    "On 3 May 2020, gunmen killed a municipal officer in Uruapan.",
    "On 3 May 2020, unknown assailants shot dead the secretary general of a trade union in Cali.",
])
def test_a_civilian_office_that_borrows_an_armed_word_is_a_civilian(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Attack"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, gunmen killed a municipal police officer in Uruapan.",
    "On 3 May 2020, gunmen killed the commander of a police unit in Celaya.",
    "On 3 May 2020, unidentified gunmen shot dead a police officer in Leon.",
])
def test_armed_victims_still_make_a_clash(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Armed clash"


def test_a_suicide_bomber_named_by_his_vehicle(events_nlp):
    text = "On 3 March 2020, a suicide car bomber rammed an army checkpoint in Diffa, killing four soldiers."
    assert first_sub_event(events_nlp, text) == "Suicide bomb"


@pytest.mark.parametrize("text", [
    "On 3 March 2019, residents burned alive a man accused of witchcraft in Kasai province.",
    "Community members hacked two suspected thieves to death with pangas in Limpopo on Friday.",
    "On 18 October 2020, angry villagers stoned a suspected kidnapper to death in Bamako.",
])
def test_a_crowds_killing_is_mob_violence(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Mob violence"


@pytest.mark.parametrize("text", [
    "On 3 March 2019, unidentified gunmen burned alive a man in Kasai province.",
    "On 3 March 2019, ADF rebels hacked two farmers to death in Beni territory.",
])
def test_armed_men_who_kill_that_way_make_an_attack(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Attack"


def test_the_participle_of_an_organised_groups_attack_is_no_mob(events_nlp):
    """"attacked a family, killing three": the killing's doers are the clause's (a criminal group)."""
    text = ("On 16 March 2021, an organised criminal group attacked a family in their home in Zamora "
            "(Michoacan), killing three.")
    assert first_sub_event(events_nlp, text) == "Attack"


@pytest.mark.parametrize("text", [
    "On 1 May 2020, a group of BJP workers assaulted and injured a DYFI activist in Khowai town.",
    "On 3 May 2020, Awami League activists attacked a BNP leader in Sylhet.",
    "On 3 May 2020, a journalist was attacked by supporters of the ruling party in Dhaka.",
    "On 3 May 2020, activists of the ruling party beat up opposition supporters in Narayanganj.",
])
def test_a_partys_people_harming_others_make_an_attack(events_nlp, text):
    """ACLED codes a party's one-sided violence as a political militia's attack, not a mob's."""
    assert first_sub_event(events_nlp, text) == "Attack"


@pytest.mark.parametrize("text", [
    "On 7 May 2020, two groups of BJP supporters clashed with each other in Belonia.",
    "On 4 May 2020, Imbonerakure and CNL supporters fought one another in Kigamba commune.",
    "On 3 May 2020, residents attacked a suspected thief in Kisumu.",
])
def test_parties_fighting_each_other_and_crowds_stay_mobs(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Mob violence"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, a man was deprived of life by armed subjects in Celaya (Guanajuato).",
    "On 3 May 2020, a young man was riddled with bullets by hitmen in Leon (Guanajuato).",
    "On 3 May 2020, a man was liquidated by unknown persons in Daraa.",
    "On 3 May 2020, a man was hacked by suspected Maoists in Bijapur.",
    "On 3 May 2020, a man died after being beaten by police in custody in Chennai.",
    "On 3 May 2020, a Palestinian was injured by Israeli forces' fire near Gaza's border fence.",
])
def test_killings_and_wounds_in_translated_wordings(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Attack"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, hackers hacked the website of the ministry.",
    "On 3 May 2020, the company was liquidated by its creditors.",
    "On 3 March 2021, a fire caused by an electrical fault destroyed part of a market in Lagos.",
    "On 3 May 2020, three people were injured in a road accident in Kano.",
])
def test_the_same_words_for_no_violence(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "NONE"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, militants dropped a grenade from a drone on a village in Sagaing.",
    "On 3 May 2020, NAF forces dropped a grenade from a drone on Ukrainian positions near Avdiivka.",
])
def test_a_grenade_dropped_from_a_drone_is_a_drone_strike(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Air/drone strike"


def test_a_thrown_grenade_stays_a_grenade(events_nlp):
    text = "On 3 May 2020, unknown persons threw a hand grenade at a house in Bujumbura."
    assert first_sub_event(events_nlp, text) == "Grenade"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, a man was found with his throat slit in Tillaberi.",
    "On 3 May 2020, an attack by suspected cattle rustlers left two herders dead in Turkana.",
])
def test_cut_throats_and_attacks_by_armed_raiders(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Attack"


def test_a_building_set_on_fire_by_unknown_rioters_stays_a_riot(events_nlp):
    """The noun's own modifiers ("unknown rioters") are no 'by X' doer: only 'an attack by X' is read so."""
    text = "On 29 April 2020, a tax office was set on fire by unknown rioters in Holon. [size=no report]"
    assert first_sub_event(events_nlp, text) in ("Violent demonstration", "Mob violence")


def test_arson_that_kills_is_an_attack(events_nlp):
    text = "On 3 May 2020, unidentified attackers set fire to a bus with passengers inside in Cap-Haitien, killing 7."
    assert first_sub_event(events_nlp, text) == "Attack"


def test_arson_alone_is_property_destruction(events_nlp):
    text = "On 3 May 2020, unidentified attackers set fire to a bus in Cap-Haitien; no one was hurt."
    assert first_sub_event(events_nlp, text) == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "On 3 May 2020, armed men deprived a businessman of his liberty in Tampico.",
    "On 3 May 2020, a journalist was forcibly taken from his home by men in plain clothes in Harare.",
    "On 3 May 2020, gunmen intercepted a vehicle and took away its four occupants in Zacatecas.",
    "On 3 May 2020, security forces disappeared an activist in Balochistan.",
])
def test_abductions_in_translated_wordings(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Abduction/forced disappearance"


@pytest.mark.parametrize("text", [
    "Ten years after the end of the civil war, many Tamil families in Jaffna still do not know what happened to relatives who disappeared.",
    "On 3 May 2020, a court deprived the former mayor of his liberty for eight years in Tampico.",
])
def test_disappearances_and_deprivations_that_are_no_abduction(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "NONE"
