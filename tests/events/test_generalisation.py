"""Wordings the rules met badly on countries they were not written on (issue 5), real English model.

Each case pairs a wording with a look-alike that must keep its old sub-type: symbolic burning at a
protest, the dead found after the event, and violence recalled from an earlier occasion.
"""
from __future__ import annotations

import pytest

from helpers import first_sub_event


pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    # an effigy, a flag or a portrait burnt is the protest's symbol
    ("On 4 May 2020, activists burned an effigy of the chief minister in Patna during a protest "
     "over fuel prices. [size=no report]", "Peaceful protest"),
    ("On 4 May 2020, protesters burned the national flag outside the embassy in Manila. "
     "[size=around 20]", "Peaceful protest"),
    ("On 4 May 2020, students torched portraits of the president at a rally in Bamako.",
     "Peaceful protest"),
    # burning property, or tyres beside an effigy, is still the crowd's violence
    ("On 4 May 2020, protesters burned a police vehicle in Patna during a protest over fuel prices.",
     "Violent demonstration"),
    ("On 4 May 2020, protesters burned tyres and an effigy of the minister on the highway in Patna.",
     "Violent demonstration"),
])
def test_symbolic_burning_is_a_protest_act(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2020, a pastor was kidnapped and later found dead in Kaduna.", "Attack"),
    ("On 3 May 2020, an indigenous leader was found dead in Cauca.", "Attack"),
    ("On 3 May 2020, the corpse of a woman was found on a road in Chiapas.", "Attack"),
    ("On 3 May 2020, the remains of a man were discovered in a clandestine grave in Sonora.", "Attack"),
    ("On 3 May 2020, a civilian died after being hit by a stray bullet fired by soldiers in Bamenda.",
     "Attack"),
    # a kidnapping with nobody found dead stays an abduction; the dead of a flood are no event
    ("On 3 May 2020, a pastor was kidnapped by gunmen in Kaduna.", "Abduction/forced disappearance"),
    ("On 3 May 2020, a fisherman was found dead after he drowned in the flood in Kaduna.", "NONE"),
    ("On 3 May 2020, the situation remains tense in Kaduna.", "NONE"),
])
def test_the_dead_found_after_the_event(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


def test_violence_at_an_earlier_occasion_is_recalled(events_nlp) -> None:
    text = ("On 4 May 2020, farmers protested in Lahore. The protest was peaceful, although organisers "
            "said police had clashed with farmers at an earlier rally in March. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Peaceful protest"
    # the same clash set at this rally is the news
    text = ("On 4 May 2020, farmers protested in Lahore. Organisers said police had clashed with "
            "farmers at the rally. [size=no report]")
    assert first_sub_event(events_nlp, text) != "Peaceful protest"


def test_a_burning_effigy_named_as_a_noun_phrase(events_nlp) -> None:
    text = ("On 7 May 2020, police intervened to stop protestors from burning effigies of the government "
            "in Jammu. Two leaders were detained. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Protest with intervention"
    text = ("On 7 May 2020, police intervened to stop protestors from burning vehicles of the government "
            "in Jammu. Two leaders were detained. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Violent demonstration"


@pytest.mark.parametrize("text, expected", [
    # no protest word the rules know; the killing is what the crowd wants tried, not what it did
    ("On 2 May 2020, residents came out in Nairobi to demand that police officers who killed a boy be "
     "prosecuted. [size=no report]", "Peaceful protest"),
    # the same tag where the crowd itself killed is the crowd's violence
    ("On 2 May 2020, residents in Nairobi killed a suspected thief. [size=no report]", "Mob violence"),
])
def test_a_crowd_tag_reads_violence_only_where_the_crowd_did_it(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


def test_demonstrating_while_saying_that_is_still_demonstrating(events_nlp) -> None:
    text = "On 1 May 2020, members of the union demonstrated in Madrid, saying that workers were being attacked by employers."
    assert first_sub_event(events_nlp, text) == "Peaceful protest"
    assert first_sub_event(events_nlp, "On 1 May 2020, the army demonstrated its capability in a drill near Madrid.") == "NONE"


def test_a_flash_mob_is_a_gathering(events_nlp) -> None:
    assert first_sub_event(events_nlp, "On 2 May 2020, students staged a flash mob in Seoul against sexual violence.") == "Peaceful protest"
    assert first_sub_event(events_nlp, "On 2 May 2020, a mob beat a suspected thief to death in Kampala.") == "Mob violence"


@pytest.mark.parametrize("text, expected", [
    # ACLED codes killings by unknown perpetrators as an unidentified armed group's attack
    ("On 2 May 2020, supporters of the opposition were assaulted by unknown people in Mulanje.", "Attack"),
    ("On 3 May 2020, a Rohingya refugee was killed by an unidentified group in Cox's Bazar.", "Attack"),
    # a crowd of villagers is still a mob
    ("On 3 May 2020, a group of villagers killed a suspected thief in Cox's Bazar.", "Mob violence"),
])
def test_unidentified_doers_are_not_a_mob(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a victim named in full or by age is a person: the killing is an attack, not a passing word
    ("On 3 May 2020, police killed a 24-year-old in Kisumu for violating the coronavirus curfew.", "Attack"),
    ("On 3 May 2020, police officers killed Juan Perez in Monterrey during a COVID-19 checkpoint.", "Attack"),
    ("On 3 May 2020, the lifeless body of a man was located in Acapulco.", "Attack"),
    # a place in brackets that the tagger takes for a person is not a victim
    ("On 28 April 2020, unidentified gunmen attacked Musawa (Musawa LGA, Katsina) and abducted a woman "
     "and her children.", "Abduction/forced disappearance"),
])
def test_victims_named_or_aged(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 8 May 2020, residents marched in San Pedro to demand the resignation of the mayor. Police "
     "officers tried to control the crowd. [size=no report]", "Protest with intervention"),
    ("On 2 May 2020, consumers staged a protest in Siliguri against a ration dealer. Police reached the "
     "spot and controlled the situation. [size=no report]", "Protest with intervention"),
    ("On 29 April 2020, at least 12 committee members demonstrated in Gereida. Police arrested 12. "
     "[size=at least 12]", "Protest with intervention"),
    ("On 3 May 2020, nurses gathered outside the hospital in Lima to protest unpaid wages. Police ordered "
     "them to disperse. [size=no report]", "Protest with intervention"),
    # control of a situation or arrests with no protest about are not an intervention on one
    ("On 3 May 2020, firefighters controlled the situation after a blaze in Lima.", "NONE"),
    ("On 3 May 2020, police arrested 12 suspected robbers in Lima.", "NONE"),
])
def test_police_bringing_a_protest_under_control(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the wounded of the clause are the attack's victims: soldiers wounded in an attack were fought
    ("On 30 April 2020, three soldiers were wounded in an attack by militants near Gao.", "Armed clash"),
    ("On 30 April 2020, three policemen were killed during an attack by gunmen in Kunduz.", "Armed clash"),
    ("On 30 April 2020, three villagers were wounded in an attack by militants near Gao.", "Attack"),
])
def test_victims_of_the_clause_around_an_attack(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2020, a new armed group calling itself the Front for Liberation announced its creation in Kasai.",
     "Change to group/activity"),
    ("On 3 May 2020, local leaders created a self-defence militia in Michoacan.", "Change to group/activity"),
    # creating a committee or a job is no change to an armed group
    ("On 3 May 2020, the governor announced the creation of a committee on water in Kasai.", "NONE"),
])
def test_a_group_created(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 4 May 2020, police removed protesters blocking the road in Lima. [size=no report]",
     "Protest with intervention"),
    ("On 4 May 2020, police pushed back protesters in Santiago. [size=no report]", "Protest with intervention"),
    ("On 4 May 2020, a protest by traders in Accra was stopped by police. [size=no report]",
     "Protest with intervention"),
    ("On 4 May 2020, protesters were evicted by police from the square in Tunis. [size=no report]",
     "Protest with intervention"),
    ("On 4 May 2020, police prevented opposition supporters from holding a rally in Kampala. [size=no report]",
     "Protest with intervention"),
    ("On 4 May 2020, police shot dead a protester in Conakry. [size=no report]",
     "Excessive force against protesters"),
    # police present but acting on nothing, or stopping what is no protest
    ("On 4 May 2020, residents protested in Lagos; police monitored the protest. [size=no report]",
     "Peaceful protest"),
    ("On 4 May 2020, police forces occupied the parliament in Bissau to prevent the entry of deputies and "
     "other people.", "NONE"),
])
def test_police_acting_on_a_protest_in_other_words(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


def test_herders_and_their_camps_are_civilians(events_nlp) -> None:
    text = ("On 6 May 2020, unknown raiders attacked a cattle camp near Wanglei, killing one pastoralist, "
            "and looting cattle.")
    assert first_sub_event(events_nlp, text) == "Attack"
    text = "On 6 May 2020, unknown raiders looted cattle near Wanglei."
    assert first_sub_event(events_nlp, text) == "Looting/property destruction"


def test_a_riot_word_describing_the_grievance(events_nlp) -> None:
    text = ("On 30 April 2020, residents held a protest in Tando Jam for the replacement of a burnt "
            "transformer. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Peaceful protest"
    # the crowd's own act in a relative clause is still its violence
    text = ("On 7 May 2020, police fired on demonstrators who pelted stones at the security forces in "
            "Pulwama. [size=no report]")
    assert first_sub_event(events_nlp, text) == "Violent demonstration"


@pytest.mark.parametrize("text, expected", [
    # police force on a crowd that was violent, told before or after its violence, is the crowd's riot
    ("On 8 May 2020, police baton charged people praying at a mosque in Nawabshah. Locals retaliated by "
     "pelting them with stones. [size=no report]", "Mob violence"),
    ("On 9 May 2020, a group of youths attacked police officers with stones in Kypseli. Riot police responded "
     "with tear gas. [size=no report]", "Mob violence"),
    # without the crowd's violence the police action stays an intervention
    ("On 8 May 2020, residents protested at a mosque in Nawabshah. Police responded with tear gas. "
     "[size=no report]", "Protest with intervention"),
])
def test_force_on_a_violent_crowd_stays_its_riot(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 28 April 2020, security forces arrested and beat an opposition leader in Warder.", "Attack"),
    ("On 3 May 2020, police arrested a man for breaking the curfew in Mubende. The police tortured the "
     "man in their custody, and he died.", "Attack"),
    # an arrest with no harm done to the detained stays an arrest
    ("On 28 April 2020, security forces arrested an opposition leader in Warder.", "Arrests"),
])
def test_violence_to_the_detained_is_the_event(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # violent words about policies, bills, code, prices, deals and debates are not violence
    ("The opposition leader attacked the government's economic policy in a speech in Nairobi on Monday.", "NONE"),
    ("Lawmakers killed the bill in a late-night vote on Thursday.", "NONE"),
    ("Hackers attacked the ministry's computer systems, officials said.", "NONE"),
    ("The two candidates clashed over tax policy during a televised debate on Tuesday.", "NONE"),
    ("Doctors are battling a cholera outbreak in the north of the country.", "NONE"),
    ("Prices exploded after the central bank devalued the currency.", "NONE"),
    ("The government and the unions struck a deal on wages after weeks of talks.", "NONE"),
    # history and denials
    ("The film depicts the 1994 massacre in Rwanda.", "NONE"),
    ("The memorial service honoured the victims of last year's bombing.", "NONE"),
    ("Police searched the airport in Nairobi after a call; no explosive device was found.", "NONE"),
    # the same words used of violence
    ("On 4 May 2020, gunmen attacked the minister's house in Nairobi.", "Attack"),
    ("On 4 May 2020, a bomb exploded at a market in Maiduguri, killing three people.",
     "Remote explosive/landmine/IED"),
    ("On 4 May 2020, an explosive device was found and defused near the airport in Nairobi.",
     "Disrupted weapons use"),
    ("On 4 May 2020, a roadside bomb exploded in Kandahar; no one was hurt in the attack.",
     "Remote explosive/landmine/IED"),
])
def test_words_of_violence_that_are_not_violence(events_nlp, text: str, expected: str) -> None:
    assert first_sub_event(events_nlp, text) == expected
