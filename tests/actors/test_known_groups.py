"""Armed groups and missions of well-known conflicts the alias table names, and peacekeepers
named only as such (the mission of the country they serve in)."""
from __future__ import annotations

from helpers import event_at

from sitrep.actors.component import ActorsComponent


def names(nlp, text: str) -> list[str]:
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, text.split()[1])]
    ActorsComponent(nlp)(doc)
    return [m.name for m in doc._.actor_mentions]


def test_groups_of_well_known_conflicts(blank_nlp):
    assert names(blank_nlp, "The M23 seized Bunagana.") == ["M23: March 23 Movement"]
    assert names(blank_nlp, "Suspected anti-Balaka killed two traders.")[0] == "Anti-Balaka"
    assert names(blank_nlp, "The LRA abducted 12 people.")[0] == "LRA: Lord's Resistance Army"
    assert names(blank_nlp, "AQIM militants kidnapped a nun.")[0] == "AQIM: Al Qaeda in the Islamic Maghreb"
    assert "TPLF: Tigray People's Liberation Front" in names(blank_nlp, "The TPLF shelled Bahir Dar.")


def test_a_mission_by_its_acronym(blank_nlp):
    assert names(blank_nlp, "MINUSCA patrols were ambushed.")[0].startswith("MINUSCA: United Nations")


def test_peacekeepers_are_the_mission_of_the_country(blank_nlp):
    assert names(blank_nlp, "Rebels attacked peacekeepers near Bria in the Central African Republic.")[1] \
        .startswith("MINUSCA")
    assert names(blank_nlp, "Gunmen attacked UN peacekeepers near Kidal, Mali.")[1].startswith("MINUSMA")


def test_peacekeepers_of_an_unknown_mission_are_the_united_nations(blank_nlp):
    assert names(blank_nlp, "Protesters stoned peacekeepers.") == ["Protesters ({country})", "United Nations"]


def test_national_forces_known_by_their_acronyms(blank_nlp):
    assert names(blank_nlp, "The UPDF arrested four men.")[0] == "Military Forces of Uganda (1986-)"
    assert names(blank_nlp, "KDF troops repulsed an attack.")[0] == "Military Forces of Kenya (2013-)"
    assert names(blank_nlp, "Three FC personnel were killed.")[0] == "Police Forces of Pakistan (2018-) Frontier Corps"


def test_generic_acronyms_take_the_country_of_the_report(blank_nlp):
    # "FDS" (defence and security forces) serve in several countries, "PNP" is two national polices
    assert names(blank_nlp, "The FDS repelled an attack near Diffa.")[0] == "Military Forces of {country}"
    assert names(blank_nlp, "The PNP arrested him.")[0] == "Police Forces of {country}"
