"""ACLED notes tag a crowd's size ('[size=no report]') only on protests and riots (rules.json crowd_tag)."""
from __future__ import annotations

from sitrep.events.component import EventsComponent
from helpers import sub_events


def subs(events: EventsComponent, nlp, text: str, lemmas: dict[str, str]) -> list[str]:
    return sub_events(nlp, text, lemmas, events)


CLASH = "Men clashed with police in the town."


def test_a_tagged_crowd_clashing_with_police_is_mob_violence(blank_nlp, events):
    lemmas = {"clashed": "clash"}
    assert subs(events, blank_nlp, CLASH, lemmas)[0] == "Armed clash"   # untagged: organised sides
    assert subs(events, blank_nlp, CLASH + " [size=no report]", lemmas) == ["Mob violence"]


def test_a_tagged_crowd_making_demands_is_a_violent_demonstration(blank_nlp, events):
    text = "Workers clashed with police, demanding unpaid wages. [size=200]"
    assert subs(events, blank_nlp, text, {"clashed": "clash", "demanding": "demand"}) == ["Violent demonstration"]


def test_a_tagged_protest_drops_its_grievance(blank_nlp, events):
    text = "Relatives protested in the town after gunmen kidnapped a trader."
    lemmas = {"protested": "protest", "kidnapped": "kidnap"}
    found = subs(events, blank_nlp, text + " [size=about 50]", lemmas)
    assert found == ["Peaceful protest"]


def test_a_tagged_note_with_no_other_cue_is_a_peaceful_protest(blank_nlp, events):
    assert subs(events, blank_nlp, "Teachers gathered outside the ministry. [size=30]", {}) == ["Peaceful protest"]


def test_a_tagged_note_telling_of_violence_without_a_cue_is_mob_violence(blank_nlp, events):
    text = "Residents hit a man suspected of theft in the market. [size=no report]"
    assert subs(events, blank_nlp, text, {}) == ["Mob violence"]
    text = "Residents hit a police van, demanding water. [size=no report]"
    assert subs(events, blank_nlp, text, {"demanding": "demand"}) == ["Violent demonstration"]
