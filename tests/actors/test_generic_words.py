"""Generic words whose actor depends on the report: the political opposition, and a demonym
that qualifies state forces across one descriptive word."""
from __future__ import annotations

from helpers import event_at

from sitrep.actors.component import ActorsComponent


def run(nlp, text: str, *events: tuple[str, str, str]):
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, *spec) for spec in events]
    ActorsComponent(nlp)(doc)
    return doc


def test_political_opposition_outside_syria_is_civilians(blank_nlp):
    doc = run(blank_nlp, "Zimbabwean police detained three opposition activists in Harare.",
              ("detained", "Strategic developments", "Arrests"))
    event = doc._.event_mentions[0]
    assert event.actor1.name.startswith("Police Forces of Zimbabwe")
    assert (event.actor2.name, event.actor2.inter) == ("Civilians ({country})", 7)


def test_opposition_in_a_syria_report_is_the_armed_opposition(blank_nlp):
    doc = run(blank_nlp, "The opposition shelled Syrian army positions near Saraqib in Syria.",
              ("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"))
    names = [m.name for m in doc._.actor_mentions]
    assert "Opposition Rebels (Syria)" in names and not any(n.startswith("Civilians") for n in names)


def test_armed_opposition_stays_rebels_anywhere(blank_nlp):
    doc = run(blank_nlp, "Opposition fighters attacked a checkpoint in Chad.")
    assert [m.name for m in doc._.actor_mentions] == ["Rebel Group ({country})"]


def test_demonym_reaches_state_forces_across_a_modifier(blank_nlp):
    doc = run(blank_nlp, "Iranian border police fired at smugglers. Kenyan riot police arrived.")
    names = [(m.text, m.name, m.country) for m in doc._.actor_mentions]
    assert ("Iranian border police", "Police Forces of Iran (1989-)", "Iran") in names
    assert ("Kenyan riot police", "Police Forces of Kenya (2013-)", "Kenya") in names


def test_words_that_need_a_country_do_not_bridge(blank_nlp):
    # "forces" counts only beside its demonym: "police forces" stays the police of its demonym,
    # and "Turkish air drones" flown by another side name no Turkish actor
    doc = run(blank_nlp, "Malian police forces seized weapons. Turkish armed drones circled.")
    names = [m.name for m in doc._.actor_mentions]
    assert "Police Forces of Mali" in " ".join(names)
    assert not any(n.startswith("Military Forces of Mali") for n in names)
    assert not any("Turkey" in n for n in names)
