"""Small event-rule fixes: withdrawals "without a fight", ransom demands after an abduction,
protests held on social media, police charging a crowd (not a legal charge), shoot-outs, and an
armed post that came under attack."""
from __future__ import annotations

import pytest

from helpers import first_sub_event, parsed_doc
from sitrep.events.component import _under_without
from sitrep.events.syntax import _online

TRANSFER = "Non-violent transfer of territory"
ABDUCTION = "Abduction/forced disappearance"


# --- 1. "without a fight" denies the fight, not the withdrawal

def test_a_shot_inside_a_without_clause_is_denied(blank_nlp):
    # "handed over the base without a shot being fired": shot <- fired <- without
    words = ["Rebels", "handed", "over", "the", "base", "without", "a", "shot", "being", "fired", "."]
    heads = [1, 1, 1, 4, 1, 1, 7, 9, 9, 5, 1]
    deps = ["nsubj", "ROOT", "prt", "det", "dobj", "prep", "det", "nsubjpass", "auxpass", "pcomp", "punct"]
    doc = parsed_doc(blank_nlp, words, heads, deps, [w.lower() for w in words])
    assert _under_without(doc[7])
    assert not _under_without(doc[4])          # the base was handed over
    # "without clashes being reported": no clashes told of, none coded
    doc = parsed_doc(blank_nlp, ["without", "clashes", "being", "reported"], [0, 3, 3, 0],
                     ["ROOT", "nsubjpass", "auxpass", "pcomp"], ["without", "clash", "be", "report"])
    assert _under_without(doc[1])


def test_withdrawals_without_fighting_are_transfers(events_nlp):
    for text in ("The militia withdrew from the town without a fight.",
                 "The army withdrew from Kidal without any fighting.",
                 "Rebels handed over the base without a shot being fired.",
                 "Al-Shabaab fighters abandoned the village without firing a shot."):
        assert first_sub_event(events_nlp, text) == TRANSFER, text


def test_withdrawals_that_are_not_territory_or_not_peaceful_stay_as_they_were(events_nlp):
    assert first_sub_event(events_nlp, "The opposition party withdrew from the election without explanation.") == "NONE"
    assert first_sub_event(events_nlp, "Soldiers withdrew from the town after clashes with militants.") == "Armed clash"
    # the police not firing is no armed clash; the dispersal stays
    assert first_sub_event(events_nlp, "Police dispersed the protesters without firing a shot.") == \
        "Protest with intervention"


# --- 2. a ransom demand is the captors' act, not a demand that something happen

def test_a_ransom_demand_keeps_the_abduction(events_nlp):
    for text in ("Gunmen demanded a ransom for the abducted travellers.",
                 "The kidnappers demanded a ransom of 10 million naira for the kidnapped pupils."):
        assert first_sub_event(events_nlp, text) == ABDUCTION, text


def test_other_demands_still_block_what_they_demand(events_nlp):
    assert first_sub_event(events_nlp, "Families demanded that the government rescue the kidnapped schoolgirls.") == "NONE"
    assert first_sub_event(events_nlp,
                           "The opposition demanded an investigation into the killing of the journalist.") == "NONE"


# --- 3. protests on social media are no street event

def test_online_is_read_from_the_trigger_and_the_noun_it_fills(blank_nlp):
    places, modifiers = frozenset({"media", "twitter"}), frozenset({"online"})
    # "a storm of protests on social media"
    words = ["a", "storm", "of", "protests", "on", "social", "media"]
    doc = parsed_doc(blank_nlp, words, [1, 1, 1, 2, 3, 6, 4],
                     ["det", "ROOT", "prep", "pobj", "prep", "amod", "pobj"], words)
    assert _online(doc[3], places, modifiers)
    # "protests after calls on social media": the calls were online, the protest not
    words = ["protests", "after", "calls", "on", "social", "media"]
    doc = parsed_doc(blank_nlp, words, [0, 0, 1, 2, 5, 3], ["ROOT", "prep", "pobj", "prep", "amod", "pobj"], words)
    assert not _online(doc[0], places, modifiers)


def test_protests_on_social_media_are_not_protests(events_nlp):
    for text in ("The decision sparked a storm of protests on social media.",
                 "Thousands protested on Facebook against the ban.",
                 "Users protested online against the new tax."):
        assert first_sub_event(events_nlp, text) == "NONE", text


def test_street_protests_called_online_stay_protests(events_nlp):
    for text in ("Protesters gathered outside parliament after calls on social media.",
                 "The protest, organised on Twitter, drew 500 people to the square.",
                 "Hundreds protested in the capital against the new tax."):
        assert first_sub_event(events_nlp, text) == "Peaceful protest", text


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Police charged at the protesters with batons outside parliament in Kampala.", "Protest with intervention"),
    ("Police charged the organisers of the march with unlawful assembly.", "NONE"),   # a legal charge
    ("Police charged five men with murder on Monday.", "NONE"),
    ("Two suspected drug pushers were killed after they allegedly shot it out with police during a "
     "buy-bust operation in Quezon City, police said.", "Armed clash"),
    ("A Cameroonian army post in Mozogo came under attack from Boko Haram fighters on Sunday night, "
     "the army said.", "Armed clash"),
    ("The village of Kukawa came under attack from Boko Haram fighters on Sunday night, residents said.",
     "Attack"),
])
def test_charges_shoot_outs_and_armed_posts_under_attack(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("A drone flew over the presidential palace on Monday night, witnesses said.", "NONE"),
    ("Residents reported a drone circling over the town for hours.", "NONE"),
    ("A Turkish drone targeted a car near Qamishli, killing two SDF members.", "Air/drone strike"),
    ("A drone struck a vehicle in Marib.", "Air/drone strike"),
])
def test_a_drone_strikes_only_when_the_sentence_tells_of_a_strike(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The peace agreement signed in 2016 remains fragile, analysts said.", "NONE"),
    ("The massacre committed by soldiers in 1994 is still remembered in the village.", "NONE"),
    ("In 2014, rebels captured the town.", "NONE"),
    # a year that dates something else, or compares, dates no event
    ("On 4 May 2020, rebels attacked the village, the worst attack since the ceasefire of 2016.", "Attack"),
    ("The deadliest attack since 2015 killed 30 people on Monday.", "Attack"),
    ("Gunmen killed a former rebel who had been released in 2015, police said.", "Attack"),
])
def test_an_old_year_dates_only_the_event_it_hangs_on(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


def test_dates_walks_from_the_year_to_the_trigger(blank_nlp):
    from sitrep.events.syntax import _dates

    # "the deal signed in 2016": deal <- signed (acl) <- in <- 2016
    words = ["the", "deal", "signed", "in", "2016"]
    doc = parsed_doc(blank_nlp, words, [1, 1, 1, 2, 3], ["det", "ROOT", "acl", "prep", "pobj"],
                     ["the", "deal", "sign", "in", "2016"], pos=["DET", "NOUN", "VERB", "ADP", "NUM"])
    assert _dates(doc[4], doc[1])
    # "the worst attack since 2016": since compares
    words = ["the", "worst", "attack", "since", "2016"]
    doc = parsed_doc(blank_nlp, words, [2, 2, 2, 2, 3], ["det", "amod", "ROOT", "prep", "pobj"],
                     ["the", "bad", "attack", "since", "2016"], pos=["DET", "ADJ", "NOUN", "ADP", "NUM"])
    assert not _dates(doc[4], doc[2])
