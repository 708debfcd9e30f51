"""The events component on hand-built Docs (no model): lexicon, resolution and filters."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from helpers import parsed_doc
from sitrep.mentions import mentions


def blank_doc(nlp, text: str, lemmas: dict[str, str] | None = None) -> Doc:
    """Sentencized text; lemmas set by hand where the test needs them (no lemmatizer)."""
    doc = nlp(text)
    for token in doc:
        token.lemma_ = (lemmas or {}).get(token.text, token.lower_)
    return doc


def subs(doc: Doc) -> list[str]:
    return [m.sub_event_type for m in mentions(doc, "event_mentions")]


@pytest.mark.parametrize("text, lemmas, expected", [
    ("Warplanes struck the town.", {"Warplanes": "warplane"}, "Air/drone strike"),
    ("A suicide bomber killed 5 soldiers.", {"killed": "kill"}, "Suicide bomb"),
    ("Rebels used chlorine gas on Tuesday.", {}, "Chemical weapon"),
    ("A roadside bomb exploded near the market.", {"exploded": "explode"}, "Remote explosive/landmine/IED"),
    ("Gunmen threw a grenade at the house.", {"threw": "throw"}, "Grenade"),
    ("Rebels fired mortars at the village.", {"mortars": "mortar", "fired": "fire"}, "Shelling/artillery/missile attack"),
    ("Heavy clashes erupted in the district.", {"clashes": "clash"}, "Armed clash"),
    ("Gunmen kidnapped three aid workers.", {"kidnapped": "kidnap"}, "Abduction/forced disappearance"),
    ("Hundreds of teachers protested in the capital.", {"protested": "protest"}, "Peaceful protest"),
    ("Protesters threw stones at the governor's office.", {"Protesters": "protester", "threw": "throw",
                                                          "stones": "stone"}, "Violent demonstration"),
    ("Villagers threw stones at the police.", {"threw": "throw", "stones": "stone"}, "Mob violence"),
    ("A mob lynched a suspected thief.", {"lynched": "lynch"}, "Mob violence"),
    ("The two factions signed a ceasefire.", {}, "Agreement"),
    ("Soldiers defused an IED on the road.", {"defused": "defuse"}, "Disrupted weapons use"),
    ("Militiamen looted shops in the town.", {"looted": "loot"}, "Looting/property destruction"),
    ("The army retook the town from the rebels.", {"retook": "retake"}, "Government regains territory"),
])
def test_distinctive_cues(blank_nlp, events, text, lemmas, expected):
    doc = events(blank_doc(blank_nlp, text, lemmas))
    assert subs(doc)[0] == expected
    mention = mentions(doc, "event_mentions")[0]
    assert doc.text[mention.start:mention.end] == mention.text
    assert mention.sent_start <= mention.start < mention.end <= mention.sent_end


def test_longest_cue_wins(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "A suicide car bomb hit the checkpoint."))
    assert subs(doc) == ["Suicide bomb"]
    doc = events(blank_doc(blank_nlp, "Rebels fired a grenade launcher at the base.",
                           {"fired": "fire"}))
    assert subs(doc)[0] == "Shelling/artillery/missile attack"


def test_police_action_turns_a_protest_into_a_protest_with_intervention(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "Workers protested outside the factory. Police dispersed them with tear gas.",
                           {"protested": "protest", "dispersed": "disperse"}))
    assert subs(doc) == ["Protest with intervention"]
    assert mentions(doc, "event_mentions")[0].text == "protested"  # the protest stays first


def test_strong_cue_absorbs_the_killing_it_caused(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "An airstrike killed 12 people in the village.", {"killed": "kill"}))
    assert subs(doc) == ["Air/drone strike"]


def test_clash_and_the_airstrikes_supporting_it_are_two_events(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "Clashes raged in the town, backed by airstrikes.",
                           {"Clashes": "clash", "airstrikes": "airstrike"}))
    assert subs(doc) == ["Armed clash", "Air/drone strike"]


def test_one_mention_per_sub_type_in_a_sentence(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "Gunmen attacked the village, killing and beheading villagers.",
                           {"attacked": "attack", "killing": "kill", "beheading": "behead"}))
    assert subs(doc) == ["Attack"]


def test_labelled_note_names_its_sub_type(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "Arrests: On 3 May, security forces arrested 28 managers.",
                           {"arrested": "arrest"}))
    assert subs(doc)[0] == "Arrests"


def test_natural_disaster_deaths_are_not_events(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "Floods killed 20 people in the region.",
                           {"Floods": "flood", "killed": "kill"}))
    assert subs(doc) == []


def test_negated_trigger_is_dropped(blank_nlp, events):
    # "Rebels did not shell the town ."
    doc = parsed_doc(blank_nlp, ["Rebels", "did", "not", "shell", "the", "town", "."],
                     [3, 3, 3, 3, 5, 3, 3], ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"],
                     ["rebel", "do", "not", "shell", "the", "town", "."],
                     ["NOUN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"])
    assert subs(events(doc)) == []


def test_threat_and_condemnation_are_not_events(blank_nlp, events):
    # "Militants threatened to attack the village ."
    doc = parsed_doc(blank_nlp, ["Militants", "threatened", "to", "attack", "the", "village", "."],
                     [1, 1, 3, 1, 5, 3, 1], ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "punct"],
                     ["militant", "threaten", "to", "attack", "the", "village", "."],
                     ["NOUN", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"])
    assert subs(events(doc)) == []
    # "The minister condemned the massacre ."
    doc = parsed_doc(blank_nlp, ["The", "minister", "condemned", "the", "massacre", "."],
                     [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "det", "dobj", "punct"],
                     ["the", "minister", "condemn", "the", "massacre", "."],
                     ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    assert subs(events(doc)) == []


def test_modal_makes_a_clause_hypothetical(blank_nlp, events):
    # "Protesters could march tomorrow ."  (march needs protest context: "protesters")
    doc = parsed_doc(blank_nlp, ["Protesters", "could", "riot", "tomorrow", "."],
                     [2, 2, 2, 2, 2], ["nsubj", "aux", "ROOT", "npadvmod", "punct"],
                     ["protester", "could", "riot", "tomorrow", "."],
                     ["NOUN", "AUX", "VERB", "NOUN", "PUNCT"])
    assert "Violent demonstration" not in subs(events(doc))


def test_background_years_before_publication_are_dropped(blank_nlp, events):
    # "Rebels captured the town in 2012 ." in a report published in 2016, then in 2016
    def captured(year: str):
        doc = parsed_doc(blank_nlp, ["Rebels", "captured", "the", "town", "in", year, "."],
                         [1, 1, 3, 1, 1, 4, 1], ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                         ["rebel", "capture", "the", "town", "in", year, "."],
                         ["NOUN", "VERB", "DET", "NOUN", "ADP", "NUM", "PUNCT"])
        doc._.published = date(2016, 1, 18)
        return doc

    assert subs(events(captured("2012"))) == []
    assert subs(events(captured("2016"))) == ["Non-state actor overtakes territory"]


def test_target_decides_attack_or_clash(blank_nlp, events):
    # "Gunmen killed two soldiers ." vs "Gunmen killed two farmers ."
    def killed(victims: str, lemma: str):
        return parsed_doc(blank_nlp, ["Gunmen", "killed", "two", victims, "."], [1, 1, 3, 1, 1],
                          ["nsubj", "ROOT", "nummod", "dobj", "punct"],
                          ["gunman", "kill", "two", lemma, "."], ["NOUN", "VERB", "NUM", "NOUN", "PUNCT"])
    assert subs(events(killed("soldiers", "soldier"))) == ["Armed clash"]
    assert subs(events(killed("farmers", "farmer"))) == ["Attack"]


def test_empty_doc(blank_nlp, events):
    assert subs(events(blank_nlp(""))) == []


@pytest.mark.parametrize("text, lemmas, expected", [
    # rare sub-event types: each has a cue in triggers.tsv (hand-written sentences)
    ("Soldiers raped two women in the village.", {}, "Sexual violence"),
    ("Gunmen sexually assaulted a girl near the camp.", {"sexually": "sexually", "assaulted": "assault"},
     "Sexual violence"),
    ("Air defences intercepted two missiles over the city.",
     {"intercepted": "intercept", "missiles": "missile"}, "Disrupted weapons use"),
    ("Police seized a weapons cache in the forest.", {"seized": "seize"}, "Disrupted weapons use"),
    ("The coalition established a new military base near the border.",
     {"established": "establish"}, "Headquarters or base established"),
    ("The rebels handed over the town to the army.", {"handed": "hand"},
     "Non-violent transfer of territory"),
    ("Militants captured the town after the army withdrew.", {"captured": "capture", "withdrew": "withdraw"},
     "Non-state actor overtakes territory"),
    ("The two factions signed a peace agreement in the capital.", {"signed": "sign"}, "Agreement"),
    ("A suicide bomber blew himself up at the checkpoint.", {"blew": "blow"}, "Suicide bomb"),
    ("Regime forces used chlorine against the town.", {"used": "use"}, "Chemical weapon"),
    ("An unidentified man lobbed a grenade at a police post.", {"lobbed": "lob"}, "Grenade"),
    ("Government troops recaptured the district from the insurgents.",
     {"recaptured": "recapture", "troops": "troop"}, "Government regains territory"),
])
def test_rare_sub_event_types(blank_nlp, events, text, lemmas, expected):
    assert subs(events(blank_doc(blank_nlp, text, lemmas)))[:1] == [expected]


def test_intercepting_a_car_is_not_disrupted_weapons_use(blank_nlp, events):
    doc = events(blank_doc(blank_nlp, "Armed men intercepted a car and shot the driver dead.",
                           {"intercepted": "intercept", "shot": "shoot"}))
    assert "Disrupted weapons use" not in subs(doc)


@pytest.mark.parametrize("text, lemmas", [
    # not an event: natural disasters, accidents (texts written for these tests)
    ("Floods destroyed hundreds of homes in the region.", {"Floods": "flood", "destroyed": "destroy",
                                                           "homes": "home"}),
    ("A storm burned power lines and houses in the valley.", {"burned": "burn", "houses": "house"}),
    ("An earthquake killed 12 people in the province.", {"earthquake": "earthquake", "killed": "kill"}),
    ("A bus crash on the highway killed 15 passengers.", {"crash": "crash", "killed": "kill"}),
])
def test_disasters_and_accidents_are_not_events(blank_nlp, events, text, lemmas):
    assert subs(events(blank_doc(blank_nlp, text, lemmas))) == []
