"""Violence told as the reason or background of a strategic development (events/strategic.py)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy

from helpers import first_sub_event, parsed_doc
from sitrep.events.strategic import StrategicReasons

CHANGE = "Change to group/activity"
TYPES = {CHANGE: "Strategic developments", "Armed clash": "Battles"}
REASONS = StrategicReasons(frozenset({CHANGE}), frozenset({"Battles"}), frozenset({"after", "following"}),
                           frozenset({"response"}))


def cue(doc, i: int, sub: str) -> SimpleNamespace:  # noqa: ANN001
    return SimpleNamespace(head=doc[i], row=SimpleNamespace(sub_event_type=sub))


def test_a_clash_after_which_troops_deployed_is_their_reason():
    nlp = spacy.blank("en")
    # Troops deployed to Aguililla after clashes .
    doc = parsed_doc(nlp, ["Troops", "deployed", "to", "Aguililla", "after", "clashes", "."],
                     [1, 1, 1, 2, 1, 4, 1], ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
                     ["troop", "deploy", "to", "Aguililla", "after", "clash", "."],
                     ["NOUN", "VERB", "ADP", "PROPN", "ADP", "NOUN", "PUNCT"])
    group = [cue(doc, 1, CHANGE), cue(doc, 5, "Armed clash")]
    assert [c.row.sub_event_type for c in REASONS.drop_reasons(group, TYPES)] == [CHANGE]


def test_a_clause_with_its_own_doers_is_an_event_of_its_own():
    nlp = spacy.blank("en")
    # Troops deployed after gunmen attacked .
    doc = parsed_doc(nlp, ["Troops", "deployed", "after", "gunmen", "attacked", "."],
                     [1, 1, 4, 4, 1, 1], ["nsubj", "ROOT", "mark", "nsubj", "advcl", "punct"],
                     ["troop", "deploy", "after", "gunman", "attack", "."],
                     ["NOUN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"])
    group = [cue(doc, 1, CHANGE), cue(doc, 4, "Armed clash")]
    assert len(REASONS.drop_reasons(group, TYPES)) == 2


def test_a_clash_in_the_main_clause_stays():
    nlp = spacy.blank("en")
    # Troops deployed and clashed with rebels .
    doc = parsed_doc(nlp, ["Troops", "deployed", "and", "clashed", "with", "rebels", "."],
                     [1, 1, 1, 1, 3, 4, 1], ["nsubj", "ROOT", "cc", "conj", "prep", "pobj", "punct"],
                     ["troop", "deploy", "and", "clash", "with", "rebel", "."])
    group = [cue(doc, 1, CHANGE), cue(doc, 3, "Armed clash")]
    assert len(REASONS.drop_reasons(group, TYPES)) == 2


def test_a_development_that_is_itself_a_reason_drops_nothing():
    nlp = spacy.blank("en")
    # Rebels clashed with troops after reinforcements deployed .
    doc = parsed_doc(nlp, ["Rebels", "clashed", "with", "troops", "after", "reinforcements", "deployed", "."],
                     [1, 1, 1, 2, 6, 6, 1, 1], ["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "advcl", "punct"],
                     ["rebel", "clash", "with", "troop", "after", "reinforcement", "deploy", "."])
    group = [cue(doc, 1, "Armed clash"), cue(doc, 6, CHANGE)]
    assert len(REASONS.drop_reasons(group, TYPES)) == 2


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("On 12 March 2021, the Mexican army deployed 600 soldiers to Aguililla after clashes between rival cartels.",
     CHANGE),
    ("On 10 April 2022, Thai rangers stepped up patrols in Narathiwat following a series of bombings.", CHANGE),
    ("On 4 May 2020, Turkish forces sent reinforcements to Idlib in response to the attack on their post.", CHANGE),
    ("On 4 May 2020, two gangs that had been fighting for the Artibonite region announced they were joining "
     "forces.", CHANGE),
    # the violence is the event where it is told as such
    ("On 4 May 2020, troops were deployed to Beni and clashed with ADF militants.", "Armed clash"),
    ("On 4 May 2020, soldiers who were deployed to Beni clashed with ADF militants.", "Armed clash"),
])
def test_violence_as_the_reason_of_a_development(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
