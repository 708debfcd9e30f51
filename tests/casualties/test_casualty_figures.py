"""Reported figures in one sentence (no spaCy)."""
from __future__ import annotations

import pytest

from sitrep.casualties.figures import find_figures, parse_number, victim_class


def figs(sentence: str) -> list[tuple[str, int, str]]:
    return [(f.kind, f.value, f.qualifier) for f in find_figures(sentence)]


@pytest.mark.parametrize("text, value", [
    ("16", 16), ("1,200", 1200), ("twenty", 20), ("twenty-five", 25), ("two dozen", 24),
    ("a dozen", 12), ("one hundred and twenty", 120), ("several", 10), ("many", 10),
    ("tens of", 10), ("dozens", 12), ("dozens of", 12), ("hundreds of", 100), ("2 to 4", 2),
])
def test_numbers_and_vague_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("sentence, expected", [
    ("One fight killed 16 jihadists.", [("killed", 16, "exact")]),
    ("16 were killed in the raid.", [("killed", 16, "exact")]),
    ("SANA reported 300 dead.", [("killed", 300, "exact")]),
    ("a massacre claiming the lives of around 300 civilians", [("killed", 300, "about")]),
    ("The terrorist group lost 42 militants.", [("killed", 42, "exact")]),
    ("a mass beheading that took more than 100 lives", [("killed", 100, "more_than")]),
    ("The blast left 5 dead.", [("killed", 5, "exact")]),
    ("Four people died in the fire.", [("killed", 4, "exact")]),
    ("The death toll rose to 25.", [("killed", 25, "exact")]),
    ("At least 15 people were killed and 7 wounded.", [("killed", 15, "at_least"), ("injured", 7, "exact")]),
    ("Nearly twenty soldiers were injured.", [("injured", 20, "about")]),
    ("ISIS abducted at least 400 civilians.", [("abducted", 400, "at_least")]),
    ("Police arrested up to 50 protesters.", [("arrested", 50, "up_to")]),
    ("Gunmen kidnapped two dozen students.", [("abducted", 24, "exact")]),
    ("The strike killed dozens of fighters.", [("killed", 12, "exact")]),
    ("killing several pro-Houthi elements", [("killed", 10, "exact")]),
    ("a drug suspect was shot dead while a bystander was wounded", [("killed", 1, "exact"), ("injured", 1, "exact")]),
    ("killing a woman and her son", [("killed", 1, "exact"), ("killed", 1, "exact")]),
    ("opened fire on a civilian, killing him.", [("killed", 1, "exact")]),
    ("a guard stabbed a man to death", [("killed", 1, "exact")]),
    ("killing between 2 to 4 QSD fighters", [("killed", 2, "exact")]),
    ("a gendarme shot and killed a taxi driver", [("killed", 1, "exact")]),  # the gendarme is no victim
    ("A 25-year-old man was arrested in 2012.", [("arrested", 1, "exact")]),  # neither 25 nor 2012
])
def test_figures(sentence, expected):
    assert figs(sentence) == expected


def test_sum_of_victim_groups_gives_one_figure_each():
    found = find_figures("the Islamic State killed “50 Syrian forces or loyal militia fighters and "
                         "85 family members of security forces from the village.”")
    assert [(f.value, f.who) for f in found] == [
        (50, "Syrian forces or loyal militia fighters"),
        (85, "family members of security forces from the village")]
    assert [victim_class(f.who) for f in found] == ["combatant", "civilian"]


@pytest.mark.parametrize("sentence", [
    "The regime is only six miles from the village.",
    "Rebels captured the town in 2013.",
    "The fighting lasted 3 hours and destroyed 12 houses.",
    "one of the largest attacks",
    "The soldiers were killed.",                  # "the soldiers": no count
    "the number of fatalities could not be identified",
    "threatened to kill a soldier",
    "On May 26, a convoy was ambushed.",
])
def test_not_figures(sentence):
    assert figs(sentence) == []


def test_ambiguous_figures():
    assert figs("3 PKK militants were killed, injured or captured.") == []
    # one figure for killed and wounded: half, rounded down, as ACLED codes it
    assert figs("7 Taliban militants were killed and wounded.") == [("killed", 3, "exact")]


def test_subsets_are_marked():
    found = find_figures("at least 21 militants including 2 commanders were killed")
    assert [(f.value, f.subset) for f in found] == [(21, False), (2, True)]


@pytest.mark.parametrize("sentence, value", [
    ("20 fatalities split up between 3 events.", 7),
    ("Fatalities are split across 2 events (3).", 3),
    ("Unknown fatalities coded as 10 and split between the two events with 5 coded to each.", 5),
    ("Fatalities coded as 0 (VoJ reported 1).", 0),
    ("Unknown number of fatalities coded as 10.", 10),
    ("2 fatalities.", 2),
    ("Due to the unclear nature of fatalities, fatalities reported as half, rounded down to 3.", 3),
])
def test_acled_coder_totals(sentence, value):
    totals = [f for f in find_figures(sentence) if f.total == "acled"]
    assert [f.value for f in totals] == [value]
