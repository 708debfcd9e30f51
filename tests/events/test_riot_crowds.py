"""Protesters on the receiving end (crowds.py ProtestersHit), on Docs parsed by hand."""
from __future__ import annotations

import json

from sitrep.events.crowds import ProtestersHit
from sitrep.events.lexicon import RULES, Trigger

from helpers import parsed_doc

HIT = ProtestersHit.of(json.loads(RULES.read_text(encoding="utf-8")))
ATTACK = Trigger(words=("attack",), sub_event_type="Attack", weight=2.5)
KILL = Trigger(words=("kill",), sub_event_type="Attack", weight=2.5)


def youths_attacked(blank_nlp, clause_verb: str, clause_lemma: str, obj: str | None = None):
    """'Youths attacked supporters who were <clause_verb> [a <obj>]'."""
    words = ["Youths", "attacked", "supporters", "who", "were", clause_verb]
    heads = [1, 1, 1, 5, 5, 2]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "aux", "relcl"]
    lemmas = ["youth", "attack", "supporter", "who", "be", clause_lemma]
    pos = ["NOUN", "VERB", "NOUN", "PRON", "AUX", "VERB"]
    if obj:
        words += ["a", obj]
        heads += [7, 5]
        deps += ["det", "dobj"]
        lemmas += ["a", obj]
        pos += ["DET", "NOUN"]
    return parsed_doc(blank_nlp, words, heads, deps, lemmas, pos)


def test_an_attack_on_people_who_protest_is_an_intervention(blank_nlp):
    doc = youths_attacked(blank_nlp, "protesting", "protest")
    assert HIT(ATTACK, doc[1]).sub_event_type == "Protest with intervention"


def test_people_holding_a_rally_are_protesting(blank_nlp):
    doc = youths_attacked(blank_nlp, "holding", "hold", "rally")
    assert HIT(ATTACK, doc[1]).sub_event_type == "Protest with intervention"


def test_people_described_by_another_act_are_not_protesters(blank_nlp):
    doc = youths_attacked(blank_nlp, "holding", "hold", "meeting")
    assert HIT(ATTACK, doc[1]).sub_event_type == "Attack"
    doc = youths_attacked(blank_nlp, "working", "work")
    assert HIT(ATTACK, doc[1]).sub_event_type == "Attack"


def test_a_lethal_cue_on_protesters_is_excessive_force(blank_nlp):
    doc = youths_attacked(blank_nlp, "protesting", "protest")
    assert HIT(KILL, doc[1]).sub_event_type == "Excessive force against protesters"


def at_protest(blank_nlp, doer: str):
    """'<doer> killed two men during a protest'."""
    words = [doer, "killed", "two", "men", "during", "a", "protest"]
    heads = [1, 1, 3, 1, 1, 6, 4]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj"]
    lemmas = [doer.lower().rstrip("s"), "kill", "two", "man", "during", "a", "protest"]
    pos = ["NOUN", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN"]
    return parsed_doc(blank_nlp, words, heads, deps, lemmas, pos)


def test_armed_men_killing_during_a_protest_use_excessive_force(blank_nlp):
    assert HIT(KILL, at_protest(blank_nlp, "Soldiers")[1]).sub_event_type == "Excessive force against protesters"


def test_a_crowd_killing_during_a_protest_is_not_hit_by_anyone(blank_nlp):
    assert HIT(KILL, at_protest(blank_nlp, "Villagers")[1]).sub_event_type == "Attack"


def test_other_sub_types_stay(blank_nlp):
    doc = youths_attacked(blank_nlp, "protesting", "protest")
    stone = Trigger(words=("pelt",), sub_event_type="Violent demonstration", weight=4.0)
    assert HIT(stone, doc[1]).sub_event_type == "Violent demonstration"


def test_a_past_tense_clause_hung_on_the_victim_is_a_misparse_not_a_protest(blank_nlp):
    """'relatives protested after prisoners were killed': the parser may hang "protested" on the
    victim as an "acl"; only a participle ("residents protesting") describes the victims."""
    words = ["relatives", "protested", "after", "prisoners", "were", "killed"]
    doc = parsed_doc(blank_nlp, words, [5, 0, 1, 5, 5, 5], ["nsubjpass", "acl", "mark", "nsubjpass", "auxpass", "ROOT"],
                     ["relative", "protest", "after", "prisoner", "be", "kill"],
                     ["NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB"])
    doc[1].tag_ = "VBD"
    assert HIT(KILL, doc[5]).sub_event_type == "Attack"
    doc[1].tag_ = "VBG"
    assert HIT(KILL, doc[5]).sub_event_type == "Excessive force against protesters"
