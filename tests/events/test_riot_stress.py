"""A second stress set of demonstrations written by hand after the ACLED codebook
(data/riot_stress.tsv), on the lines between the crowd's sub-types: "violent" or "brutally" said of
the police only; protests against violence; protesters attacked by others; roads blocked with or
without burning tyres and barricades; toll booths taken over; threats; damage by unknown people
near a protest; riots told as the background of a protest (before it, on another day); crowds dispersed by police or by themselves; mobs that are not demonstrating.
Not fitted to any gold note."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers import first_sub_event, stress_misses, stress_rows

pytestmark = pytest.mark.model

STRESS = Path(__file__).parent / "data" / "riot_stress.tsv"
MIN_RIGHT = 0.91      # pinned at what the rules reach; raise it when they improve
KINDS = {"police_word", "against", "attacked", "road", "tyres", "threat", "unknown", "dispersed",
         "violent", "mob", "excessive", "intervention", "none", "forms", "background"}


def rows() -> list[tuple[str, str, str]]:
    return stress_rows(STRESS)


def test_the_stress_set_is_broad():
    found = rows()
    assert len(found) >= 120
    assert {kind for kind, _, _ in found} == KINDS
    counts = Counter(gold for _, gold, _ in found)
    assert counts["Peaceful protest"] >= 40 and counts["Violent demonstration"] >= 30
    assert counts["Mob violence"] >= 10 and counts["Protest with intervention"] >= 25


def test_the_rules_code_most_of_the_stress_set(events_nlp):
    share, misses = stress_misses(rows(), lambda text: first_sub_event(events_nlp, text))
    assert share >= MIN_RIGHT, misses


def test_peaceful_protests_are_rarely_read_as_riots(events_nlp):
    """Police violence, threats, roads blocked without violence: the demonstrators stay peaceful."""
    peaceful = [text for kind, gold, text in rows() if gold == "Peaceful protest"]
    riots = [text for text in peaceful
             if first_sub_event(events_nlp, text) in ("Violent demonstration", "Mob violence")]
    assert len(riots) <= 3, riots


# -- one case for each fix (triggers.tsv "# riots", rules.json protesters_hit, crowds.py)

@pytest.mark.parametrize("text", [
    "Youths set tyres ablaze on the roads of Tripoli on Monday night over the collapse of the currency.",
    "On 3 May 2020, residents set fire to tyres on the main road in Saida, demanding electricity. [size=no report]",
    "On 4 May 2020, protesters torched tyres at the entrance of the town hall in Jiyeh. [size=no report]",
])
def test_tyres_set_alight_are_a_violent_demonstration(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Violent demonstration"


@pytest.mark.parametrize("text", [
    "Teachers occupied the toll booth on the highway near Oaxaca on Monday and let motorists pass without paying.",
    "On 4 May 2020, members of a student collective took over the toll plaza on the Mexico-Puebla highway "
    "and let cars through for free. [size=around 50]",
])
def test_a_toll_booth_taken_over_is_a_peaceful_protest(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Peaceful protest"


def test_militants_attacking_a_toll_booth_are_no_protest(events_nlp):
    text = "On 1 May 2020, presumed JNIM militants attacked a toll booth in Sienso and burned the facility."
    assert first_sub_event(events_nlp, text) not in ("Peaceful protest", "NONE")


@pytest.mark.parametrize("text", [
    "On 6 May 2020, ruling party youths attacked opposition supporters who were holding a peaceful rally "
    "in Lusaka, injuring two. [size=no report]",
    "On 12 May 2021, a group of unknown men armed with sticks attacked teachers protesting peacefully in "
    "front of the ministry in Bangui. [size=no report]",
])
def test_peaceful_protesters_attacked_by_others_met_an_intervention(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Protest with intervention"


@pytest.mark.parametrize("text", [
    "On 11 May 2020, soldiers shot dead two men during a peaceful protest against a lockdown in Mogadishu. "
    "[size=no report]",
    "Security forces killed four people when they opened fire on villagers protesting against a mining "
    "company in Kono on Wednesday.",
    "On 10 May 2020, police shot and seriously injured two students protesting peacefully in Lagos. "
    "[size=no report]",
])
def test_lethal_force_on_protesters_is_excessive_force(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Excessive force against protesters"


def test_protesters_who_attack_are_still_rioting(events_nlp):
    text = ("On 5 May 2020, demonstrators protesting the arrest of a local leader attacked the police "
            "station in Kindu with stones. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Violent demonstration"


def test_projectiles_thrown_at_police_are_a_crowds_not_shelling(events_nlp):
    text = ("On 1 May 2020, protesters in Paris threw projectiles at police and damaged bank fronts during "
            "the Labour Day march. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Violent demonstration"


def test_traders_rallying_over_their_market_protest(events_nlp):
    assert first_sub_event(events_nlp, "Hundreds of traders rallied in Lagos on Thursday against the "
                                       "demolition of the market.") == "Peaceful protest"
    assert first_sub_event(events_nlp, "Stocks rallied on Monday as the market welcomed the central "
                                       "bank's decision.") == "NONE"


@pytest.mark.parametrize("text", [
    "Soldiers shot dead two people taking part in a peaceful march in Conakry on Wednesday.",
    "On 15 September 2019, police shot and seriously wounded a student at a peaceful demonstration in "
    "Tegucigalpa. [size=no report]",
])
def test_lethal_force_at_a_protest_is_excessive_force(events_nlp, text):
    assert first_sub_event(events_nlp, text) == "Excessive force against protesters"


def test_a_protesting_crowds_violence_is_a_violent_demonstration_not_a_mob(events_nlp):
    """rules.json crowd_tag demands: a crowd that protests is demonstrating (codebook)."""
    text = ("On 2 May 2020, a crowd protesting the quarantine of their village attacked health workers with "
            "stones in Kebbi. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Violent demonstration"
    # without a protest or a demand the crowd is a mob
    text = "On 2 May 2020, a crowd attacked health workers with stones in Kebbi. [size=no report]"
    assert first_sub_event(events_nlp, text) == "Mob violence"


def test_force_used_on_people_gathered_and_chanting_is_an_intervention(events_nlp):
    text = ("On 30 April 2020, police used force against locals who had gathered in Pulwama and shouted "
            "slogans against the lockdown. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Protest with intervention"
    assert first_sub_event(events_nlp, "Security forces used force against militants hiding in a house "
                                       "in Shopian.") != "Protest with intervention"


def test_people_stopped_by_police_from_marching_met_an_intervention(events_nlp):
    text = ("On 4 May 2020, security forces prevented doctors from marching in Kabul and arrested two "
            "organisers. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Protest with intervention"
    assert first_sub_event(events_nlp, "The bridge collapse prevented farmers from marching to the capital.") == "NONE"
