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
