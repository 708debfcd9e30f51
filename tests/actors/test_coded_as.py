"""ACLED notes that say how an actor is coded: "X (coded as Y)" names X as Y."""
from __future__ import annotations

from helpers import event_at

from sitrep.actors.component import ActorsComponent


def mentions_of(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, "arrived", "Strategic developments", "Change to group/activity")]
    ActorsComponent(nlp)(doc)
    return [(m.text, m.name) for m in doc._.actor_mentions]


def test_bracketed_coded_as_names_the_phrase_before_it(blank_nlp):
    found = mentions_of(blank_nlp, "Pro-STC forces (coded as Security Belt forces) arrived at the port.")
    assert found == [("STC", "Military Forces of Yemen (2012-) Security Belt Forces")]


def test_comma_coded_as_with_fillers(blank_nlp):
    found = mentions_of(blank_nlp, "Pro-STC forces, coded as Security Belt forces by default, arrived at the port.")
    assert [name for _, name in found] == ["Military Forces of Yemen (2012-) Security Belt Forces"]


def test_coded_as_after_a_coordination_names_only_the_last_conjunct(blank_nlp):
    # "pro-Hadi forces and affiliates (coded as ...)": the affiliates are coded, not the forces
    found = mentions_of(blank_nlp, "Pro-Hadi forces and affiliates (coded as Popular Resistance) arrived.")
    names = [name for _, name in found]
    assert names[0].startswith("Military Forces of Yemen") and "Popular Resistance" in names


def test_without_coded_as_both_actors_stay(blank_nlp):
    found = mentions_of(blank_nlp, "Pro-STC forces and Security Belt forces arrived at the port.")
    assert [name for _, name in found] == ["STC: Southern Transitional Council",
                                          "Military Forces of Yemen (2012-) Security Belt Forces"]
