"""The protest family: live fire on a gathered crowd is excessive force."""
from __future__ import annotations

import pytest

from helpers import first_sub_event, sub_events


def subs(nlp, text: str, lemmas: dict[str, str]) -> list[str]:
    return sub_events(nlp, text, lemmas)


def test_live_rounds_fired_at_a_gathered_crowd_are_excessive_force(blank_nlp):
    lemmas = {"fired": "fire", "rounds": "round", "gathered": "gather", "killing": "kill"}
    text = "Police fired live rounds at supporters gathered in the square, killing two."
    assert subs(blank_nlp, text, lemmas)[0] == "Excessive force against protesters"
    # live rounds at a patrol are not fired on a crowd
    assert "Excessive force against protesters" not in subs(
        blank_nlp, "Rebels fired live rounds at a patrol in the square, killing two.", lemmas)


# -- what a protest is about, told in its prepositional phrases (protests.py, real English model)

@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, residents held a demonstration in Byblos in rejection of the burning of a bank "
    "branch by unknown people. [size=no report]",
    "Residents held a rally in Bogor against the burning of a mosque on Sunday.",
    "On 2 May 2020, shop owners gathered in Tripoli to protest the vandalism and looting of their "
    "shops during the previous night's riots. [size=no report]",
])
def test_a_riot_word_in_a_protests_phrase_is_its_grievance(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Peaceful protest"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, residents held a demonstration in Byblos with burning tyres on the main road. [size=no report]",
    "On 3 May 2020, residents held a demonstration in Byblos amid clashes with the army. [size=no report]",
])
def test_the_crowds_own_means_stay_its_act(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Violent demonstration"


def test_grievance_phrase_walks_noun_phrases_only(blank_nlp):
    from helpers import parsed_doc
    from sitrep.events.protests import GrievancePhrase

    phrase = GrievancePhrase(frozenset({"protest", "rally"}), frozenset({"hold"}), frozenset({"with"}), frozenset())
    # protested against the burning ; protested with burning ; protested , burning (a clause of its own)
    against = parsed_doc(blank_nlp, ["they", "protested", "against", "the", "burning"], [1, 1, 1, 4, 2],
                         ["nsubj", "ROOT", "prep", "det", "pobj"], ["they", "protest", "against", "the", "burning"])
    assert phrase.holds(against[4])
    means = parsed_doc(blank_nlp, ["they", "protested", "with", "burning", "tyres"], [1, 1, 1, 4, 2],
                       ["nsubj", "ROOT", "prep", "amod", "pobj"], ["they", "protest", "with", "burn", "tyre"])
    assert not phrase.holds(means[4])
    clause = parsed_doc(blank_nlp, ["they", "protested", ",", "burning", "tyres"], [1, 1, 1, 1, 3],
                        ["nsubj", "ROOT", "punct", "advcl", "dobj"], ["they", "protest", ",", "burn", "tyre"])
    assert not phrase.holds(clause[3])
    staged = parsed_doc(blank_nlp, ["they", "held", "a", "rally", "over", "the", "killing"], [1, 1, 3, 1, 1, 6, 4],
                        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj"],
                        ["they", "hold", "a", "rally", "over", "the", "killing"])
    assert phrase.holds(staged[6])
    assert not phrase.holds(staged[3])   # the rally itself is no grievance of its own


# -- a crowd-tagged note: who the crowd speaks for is not what it did (protests.describes_named)

@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, relatives of a young man killed by police demanded justice in front of the "
    "prosecutor's office in Leon (Guanajuato). [size=no report]",
    "On 3 May 2020, relatives of a murdered journalist demanded justice in Mogadishu. [size=no report]",
    "On 3 May 2020, supporters of a detained activist demanded his release outside the police station "
    "in Minsk. [size=no report]",
    "On 7 May 2020, relatives of the victims lit candles and released balloons in Tecoman (Colima) in "
    "memory of a family killed by gunmen. [size=no report]",
])
def test_a_person_described_by_what_was_done_to_them_is_the_cause(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Peaceful protest"


@pytest.mark.model
def test_the_crowds_own_violence_and_arrest_still_count(events_nlp):
    assert first_sub_event(events_nlp, "On 3 May 2020, relatives of a young man attacked the police officers "
                           "in front of the prosecutor's office in Leon (Guanajuato). [size=no report]") in (
        "Violent demonstration", "Mob violence")
    assert first_sub_event(events_nlp, "On 3 May 2020, protesters who were detained by police demanded their "
                           "release in Minsk. [size=no report]") == "Protest with intervention"


# -- a burnt symbol in a crowd-tagged note without any other cue

@pytest.mark.model
def test_burning_a_symbol_is_no_violence_of_the_crowd(events_nlp):
    assert first_sub_event(events_nlp, "On 11 March 2019, students burnt copies of the bill outside the "
                           "legislative assembly in Guwahati. [size=no report]") == "Peaceful protest"
    assert first_sub_event(events_nlp, "On 5 May 2020, unemployed workers burned a puppet representing the "
                           "governor in front of the government house in Jujuy. [size=no report]") == "Peaceful protest"
    assert first_sub_event(events_nlp, "On 11 March 2019, students burnt two buses outside the legislative "
                           "assembly in Guwahati. [size=no report]") in ("Violent demonstration", "Mob violence")


# -- a protest called off, and a crowd that breaks up by itself

@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Doctors suspended their strike on Monday after the government agreed to pay their allowances.",
    "The planned demonstration in Harare was postponed indefinitely by the organisers.",
    "The strike at the port was suspended on Friday.",
])
def test_a_protest_called_off_is_no_event(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "NONE"


@pytest.mark.model
def test_a_protest_held_is_still_an_event(events_nlp):
    assert first_sub_event(events_nlp, "Suspended doctors went on strike on Monday and marched to the "
                           "ministry of health.") == "Peaceful protest"


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a cancelling verb is no blocker: the violence told after it is still news
    ("Police in Nairobi suspended two officers after they beat protesters who were demanding water "
     "on Monday.", "Protest with intervention"),
    ("The army suspended its operations in Bamako after gunmen killed three soldiers at a checkpoint "
     "on Sunday.", "Armed clash"),
    ("Opposition leaders called off the march planned for Saturday in Harare, citing the lockdown.", "NONE"),
])
def test_only_the_protest_a_verb_cancels_is_called_off(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


def test_called_off_needs_the_event_as_passive_subject_or_object(blank_nlp):
    from helpers import parsed_doc
    from sitrep.events.protests import called_off

    passive = parsed_doc(blank_nlp, ["the", "strike", "was", "suspended"], [1, 3, 3, 3],
                         ["det", "nsubjpass", "auxpass", "ROOT"], ["the", "strike", "be", "suspend"])
    assert called_off(passive[1], frozenset({"suspend"}))
    active = parsed_doc(blank_nlp, ["the", "strike", "was", "suspended"], [1, 3, 3, 3],
                        ["det", "nsubj", "aux", "ROOT"], ["the", "strike", "be", "suspend"])
    assert not called_off(active[1], frozenset({"suspend"}))
    cancelled = parsed_doc(blank_nlp, ["unions", "suspended", "the", "strike"], [1, 1, 3, 1],
                           ["nsubj", "ROOT", "det", "dobj"], ["union", "suspend", "the", "strike"])
    assert called_off(cancelled[3], frozenset({"suspend"}))
    called = parsed_doc(blank_nlp, ["unions", "called", "a", "strike"], [1, 1, 3, 1],
                        ["nsubj", "ROOT", "det", "dobj"], ["union", "call", "a", "strike"])
    assert not called_off(called[3], frozenset({"call"}))  # "call" cancels only as "call off"


@pytest.mark.model
def test_a_crowd_dispersing_by_itself_met_no_intervention(events_nlp):
    assert first_sub_event(events_nlp, "Students protested in Peshawar on Monday against the shooting of a "
                           "classmate, and later dispersed peacefully.") == "Peaceful protest"
    assert first_sub_event(events_nlp, "Students protested in Peshawar on Monday against the shooting of a "
                           "classmate, and police dispersed them.") == "Protest with intervention"
    assert first_sub_event(events_nlp, "Students protested in Peshawar on Monday against the shooting of a "
                           "classmate, and were dispersed by police.") == "Protest with intervention"


@pytest.mark.model
def test_teargassing_and_shooting_at_peaceful_protesters(events_nlp):
    assert first_sub_event(events_nlp, "On 23 May 2021, police teargassed students protesting against the "
                           "killing of a classmate in Nyeri. [size=no report]") == "Protest with intervention"
    assert first_sub_event(events_nlp, "On 1 October 2019, snipers shot at peaceful protesters in Baghdad, "
                           "killing one and wounding many. [size=thousands]") == "Excessive force against protesters"


@pytest.mark.model
def test_burning_official_papers_is_destruction_not_a_symbol(events_nlp):
    assert first_sub_event(events_nlp, "On 27 April 2020, inmates demonstrated at the prison over a ban on "
                           "visits. The inmates burnt official documents. [size=at least 5]") in (
        "Violent demonstration", "Mob violence")


# -- a crowd-tagged note with no protest cue: the crowd's cause is not its act (protests.crowds_cause)

@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, residents carried out a march in Celaya because of the murder of a young woman. [size=no report]",
    "On 3 May 2020, students marched in Morelia, two days after a student was shot and killed by police. "
    "[size=no report]",
])
def test_a_tagged_crowds_cause_is_not_its_violence(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Peaceful protest"


@pytest.mark.model
def test_a_tagged_crowds_own_clash_stays_violence(events_nlp):
    # the parser reads "clashed" as a clause of "nationals": no doer of its own, so still the crowd's act
    text = ("On 4 May 2020, Indian nationals clashed with Nepal Armed Police personnel in Jhapa Rural "
            "Municipality (Jhapa district), when the latter prevented them from entering into Nepal. [size=no report]")
    assert first_sub_event(events_nlp, text) in ("Mob violence", "Violent demonstration")


# -- a crowd-tagged note's noise and camps are no violence (rules.json symbolic, harmless_particles)

@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, residents set up tents in front of the municipal palace in Zacatecas to demand water. [size=no report]",
    "On 3 May 2020, residents of Valparaiso hit pots and pans from their windows against the government. [size=no report]",
    "On 3 May 2020, drummers beat drums in front of the congress in Lima to demand support for artists. [size=no report]",
])
def test_noise_and_tents_of_a_tagged_crowd_are_peaceful(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Peaceful protest"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, residents set fire to the municipal palace in Zacatecas to demand water. [size=no report]",
    "On 3 May 2020, residents of Valparaiso hit police officers with sticks. [size=no report]",
])
def test_a_tagged_crowds_fire_and_blows_stay_violence(events_nlp, text):
    assert first_sub_event(events_nlp, text) in ("Violent demonstration", "Mob violence")


def test_a_particle_makes_set_harmless(blank_nlp):
    from helpers import parsed_doc
    from sitrep.events.protests import harmless

    up = parsed_doc(blank_nlp, ["they", "set", "up", "tents"], [1, 1, 1, 1], ["nsubj", "ROOT", "prt", "dobj"],
                    ["they", "set", "up", "tent"])
    assert harmless(up[1], {"set": ["up"]})
    fire = parsed_doc(blank_nlp, ["they", "set", "fire", "there"], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "advmod"],
                      ["they", "set", "fire", "there"])
    assert not harmless(fire[1], {"set": ["up"]})


# -- a quarrel is no clash; a tagged crowd's cause stays its cause even when it is a riot word

@pytest.mark.model
def test_a_verbal_clash_is_no_violence(events_nlp):
    text = ("On 3 May 2020, a group of neighbours protested in Olivos against the release of prisoners, and "
            "clashed verbally with supporters of the government. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Peaceful protest"
    assert first_sub_event(events_nlp, text.replace("clashed verbally", "clashed")) == "Violent demonstration"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "On 3 May 2020, protesters held a car convoy from Tripoli to Beirut, in solidarity with the protester "
    "killed by the army last week. [size=no report]",
    "On 6 May 2020, farmers protested in Jhang, demanding the arrest of the men torching their crops. [size=no report]",
])
def test_a_tagged_crowds_cause_in_a_riot_or_force_word(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Peaceful protest"


# -- demonstrators' own violence is a violent demonstration

@pytest.mark.model
def test_a_protesting_crowds_looting_is_a_violent_demonstration(events_nlp):
    assert first_sub_event(events_nlp, "On 2 May 2020, residents protesting the lack of food aid looted a "
                           "supermarket in Santiago. [size=no report]") == "Violent demonstration"
    # without the participle the looters are just residents
    assert first_sub_event(events_nlp, "On 2 May 2020, residents looted a supermarket in Santiago. "
                           "[size=no report]") != "Violent demonstration"


# -- a plan in one clause does not block what a clause of its own tells

@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Unions called a strike and drivers parked their buses in protest.", "Peaceful protest"),
    ("On 3 May 2020, transport unions called a general strike in Lagos, and drivers parked their "
     "buses in protest at fuel prices.", "Peaceful protest"),
    ("Transport unions in Nairobi called a three-day strike over fuel prices.", "NONE"),
    ("Militants threatened to attack and burn the village.", "NONE"),
    ("The group vowed to attack police stations and bomb bridges.", "NONE"),
])
def test_a_coordinated_clause_with_its_own_subject_is_not_planned(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


def test_own_clause_needs_a_subject_of_its_own(blank_nlp):
    from helpers import parsed_doc
    from sitrep.events.syntax import _own_clause

    words = ["unions", "called", "a", "strike", "and", "drivers", "parked"]
    doc = parsed_doc(blank_nlp, words, [1, 1, 3, 1, 1, 6, 1],
                     ["nsubj", "ROOT", "det", "dobj", "cc", "nsubj", "conj"], words)
    assert _own_clause(doc[6])
    shared = parsed_doc(blank_nlp, ["they", "vowed", "to", "attack", "and", "burn"], [1, 1, 3, 1, 3, 3],
                        ["nsubj", "ROOT", "aux", "xcomp", "cc", "conj"],
                        ["they", "vow", "to", "attack", "and", "burn"])
    assert not _own_clause(shared[5])
