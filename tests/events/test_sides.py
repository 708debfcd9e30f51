"""One-sided or two-sided violence by who the sides are, not by the verb (ACLED codebook).

An organised armed group against another (a guard, a soldier, a militant; even one caught unawares)
is an armed clash; against unarmed civilians it is an attack. A retired or off-duty officer, or a
civilian guard, is a civilian. What the cue acts on is read through the parse: the whole chain of
conjoined verbs, "at" whom fire was opened, and not the doers of "attempted to kill".
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("On 3 March 2021, militants shot dead a retired police officer at his home in Peshawar.", "Attack"),
    ("On 3 March 2021, militants shot dead a police officer at a checkpoint in Peshawar.", "Armed clash"),
    ("On 12 July 2022, gunmen shot at an off-duty soldier near his house in Kaduna.", "Attack"),
    ("On 12 July 2022, gunmen shot at a soldier near his house in Kaduna.", "Armed clash"),
    ("On 9 October 2021, suspected jihadists killed a former army colonel on the road to Gao.", "Attack"),
    ("On 9 October 2021, suspected jihadists shot dead a civilian guard of a school in Djibo.", "Attack"),
])
def test_former_and_off_duty_security_men_are_civilians(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 5 May 2021, unidentified gunmen attempted to assassinate a trader in a market in Mogadishu.", "Attack"),
    ("On 5 May 2021, unidentified gunmen attempted to assassinate a police commander in Mogadishu.",
     "Armed clash"),
])
def test_the_doers_of_an_attempt_are_not_its_victims(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 14 August 2022, Iraqi special forces carried out an operation in the Hamrin mountains, killing, "
     "injuring or capturing five Islamic State militants.", "Armed clash"),
    ("On 14 August 2022, Iraqi special forces carried out an operation in the Hamrin mountains, killing, "
     "injuring or beating five shepherds.", "Attack"),
])
def test_a_chain_of_conjoined_verbs_shares_its_object(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 20 June 2022, in Tegucigalpa, men in a pickup opened fire at a police patrol, wounding two.",
     "Armed clash"),
    ("On 20 June 2022, in Tegucigalpa, men in a pickup opened fire at a group of students, wounding two.",
     "Attack"),
])
def test_fire_opened_at_the_police_is_a_clash(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 11 May 2022, gunmen shot and wounded two bodyguards of a senator in Owerri.", "Armed clash"),
    ("On 11 May 2022, gunmen shot and wounded two relatives of a senator in Owerri.", "Attack"),
    ("On 11 May 2022, gunmen stabbed a prison guard on his way to work in Bauchi.", "Armed clash"),
    ("On 11 May 2022, gunmen stabbed a retired prison guard on his way to work in Bauchi.", "Attack"),
])
def test_guards_and_escorts_are_armed(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the Syrian "civilian police" and Nigeria's Civilian JTF are armed forces so named
    ("On 2 February 2021, gunmen opened fire on a civilian police patrol in Afrin, wounding two policemen.",
     "Armed clash"),
    ("On 2 February 2021, ISWAP fighters killed two members of the Civilian Joint Task Force near Monguno.",
     "Armed clash"),
])
def test_forces_called_civilian_stay_armed(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 19 September 2021, militants attacked a customs post near Tillaberi and wounded a gendarme.",
     "Armed clash"),
    ("On 19 September 2021, bandits raided a village near Tillaberi and wounded a farmer.", "Attack"),
    ("On 19 September 2021, bandits attacked a village near Zurmi and stole dozens of cattle.", "Attack"),
])
def test_a_conjoined_verb_tells_whom_the_attack_met(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 16 March 2022, a member of the state security was found killed near Deir ez-Zor city.",
     "Armed clash"),
    ("On 16 March 2022, a member of the local council was found killed near Deir ez-Zor city.", "Attack"),
])
def test_who_was_found_killed_is_the_victim(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 8 January 2022, gunmen opened fire on the car of a minister in Aden, wounding two of his bodyguards.",
     "Armed clash"),
    ("On 8 January 2022, gunmen opened fire on the car of a minister in Aden, wounding two of his children.",
     "Attack"),
])
def test_the_outcome_of_an_attack_tells_whom_it_met(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 4 July 2021, gunmen ambushed a judge's car near Culiacan and shot him dead. His escorts, two "
     "police officers, were also killed.", "Armed clash"),
    ("On 4 July 2021, gunmen ambushed a judge's car near Culiacan and shot him dead. His driver and his "
     "secretary were also killed.", "Attack"),
])
def test_an_elaboration_counting_armed_dead_makes_a_clash(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a named caste, clan or ethnic group acting as a group is an identity militia: organised
    ("On 2 June 2021, members of the Jat caste attacked a Dalit family with sticks in Karnal.", "Attack"),
    ("On 2 June 2021, youths from the Hawiye clan attacked herders from the Darod clan near Beledweyne.",
     "Attack"),
    ("On 2 June 2021, a group of Murle ethnic youths clashed with members of the Dinka community near Bor.",
     "Armed clash"),
    # a crowd of the community, no group named: a mob
    ("On 2 June 2021, community members stoned two police officers in Ndhiwa.", "Mob violence"),
])
def test_a_named_identity_group_is_organised(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # shots fired at a civilian are one-sided; at a soldier, or in a clash, two-sided
    ("On 21 June 2021, unknown men fired shots at a former MP in Nairobi as he left his office.", "Attack"),
    ("On 21 June 2021, unknown men fired shots at a soldier in Nairobi as he left his office.", "Armed clash"),
    ("On 21 June 2021, soldiers clashed with armed men in Beni, killed four and detained two people.",
     "Armed clash"),
])
def test_shots_at_civilians_are_an_attack(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


def all_sub_events(nlp, text: str) -> list[str]:  # noqa: ANN001
    from sitrep.mentions import mentions
    return sorted(m.sub_event_type for m in mentions(nlp(text), "event_mentions"))


@pytest.mark.parametrize("text, expected", [
    # the incursion is the frame of the harm done to civilians: one attack, no clash besides
    ("On 9 June 2021, Ansar al-Sunna fighters beheaded two farmers during an incursion near Macomia.",
     ["Attack"]),
    ("On 9 June 2021, Ansar al-Sunna fighters abducted four women during an incursion near Macomia.",
     ["Abduction/forced disappearance"]),
    # soldiers killed in an incursion were fought
    ("On 9 June 2021, two soldiers were killed during an incursion of Ansar al-Sunna fighters near Macomia.",
     ["Armed clash"]),
])
def test_an_incursion_framing_harm_to_civilians_is_no_clash(events_nlp, text, expected):
    assert all_sub_events(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 15 July 2021, a march against fuel prices turned violent in Kisumu and police used tear gas.",
     "Violent demonstration"),
    ("On 15 July 2021, residents who defied the curfew became violent and were dispersed with tear gas "
     "by police in Kisumu.", "Mob violence"),
    ("On 15 July 2021, a march against fuel prices took place in Kisumu and police used tear gas.",
     "Protest with intervention"),
])
def test_a_crowd_that_turned_violent_rioted(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a group of policemen is no mob: organised, armed
    ("On 3 June 2021, a group of soldiers beat a shopkeeper in Kumba.", "Attack"),
    ("On 3 June 2021, the commander of the local police and his men attacked a journalist in Kumba.", "Attack"),
    ("On 3 June 2021, a group of villagers beat a suspected thief in Kumba.", "Mob violence"),
])
def test_a_group_of_armed_men_is_no_mob(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # named groups fighting are organised; unnamed groups of youths are a mob
    ("On 3 June 2021, a clash between the Sinaloa and Jalisco groups took place in Culiacan.", "Armed clash"),
    ("On 3 June 2021, a clash between two groups of youths took place in Culiacan.", "Mob violence"),
])
def test_named_groups_clash(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("month", ["March", "June"])
def test_the_month_of_march_is_no_protest(events_nlp, month):
    text = f"On 3 {month} 2021, soldiers clashed with Al Shabaab militants near Afgoye."
    assert first_sub_event(events_nlp, text) == "Armed clash"


def test_the_month_of_march_is_no_protest_without_a_parse(blank_nlp):
    from helpers import sub_events
    lemmas = {"clashed": "clash", "soldiers": "soldier", "militants": "militant"}
    assert sub_events(blank_nlp, "On 3 March 2021, soldiers clashed with militants.", lemmas) == ["Armed clash"]
    # a march is still a protest word
    assert sub_events(blank_nlp, "During a march, soldiers clashed with marchers.", lemmas) == [
        "Violent demonstration"]


def test_an_attack_routed_by_armed_men_is_a_clash(events_nlp):
    routed = ("On 6 June 2021, bandits attacked the village of Kware and stole cattle. Vigilantes later "
              "routed the attackers.")
    assert all_sub_events(events_nlp, routed) == ["Armed clash"]
    arrested = ("On 6 June 2021, bandits attacked the village of Kware and stole cattle. Police later "
                "arrested the attackers.")
    assert first_sub_event(events_nlp, arrested) == "Attack"


def test_two_groups_of_one_community_are_a_feud(events_nlp):
    text = "On 8 June 2021, two groups of the Solangi community clashed over water rotation in Mirpurkhas."
    assert first_sub_event(events_nlp, text) == "Mob violence"


@pytest.mark.parametrize("text, expected", [
    ("Residents of the town heard heavy gunfire between the army and rebels on Sunday night.", "Armed clash"),
    ("There was an exchange of gunfire between soldiers and suspected militants near the border post.",
     "Armed clash"),
])
def test_gunfire_between_two_sides_is_a_clash(events_nlp, text, expected):
    assert first_sub_event(events_nlp, text) == expected
