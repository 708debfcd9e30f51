"""The events stage with the real English model: parses drive the filters and targets."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.mentions import mentions
from sitrep.model import Article
from sitrep.nlp import build_pipeline, make_doc

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def events_nlp():
    return build_pipeline(stages=["events"])


def run(nlp, text: str, published: str | None = None) -> list[str]:
    article = Article(id="t", text=text, published=date.fromisoformat(published) if published else None)
    doc = nlp(make_doc(nlp, article))
    return [m.sub_event_type for m in mentions(doc, "event_mentions")]


@pytest.mark.parametrize("text, expected", [
    ("On 5 May 2020, police fired tear gas to disperse protesters demanding wages in Lagos.",
     "Protest with intervention"),
    ("On 5 May 2020, soldiers opened fire on protesters in Conakry, killing two.",
     "Excessive force against protesters"),
    ("On 3 May 2020, Taliban militants attacked a police checkpoint in Kunduz, killing 4 policemen.",
     "Armed clash"),
    ("On 3 May 2020, gunmen shot dead two farmers in Plateau state.", "Attack"),
    ("On 2 May 2020, Al Shabaab fighters took control of the town of Bardere.",
     "Non-state actor overtakes territory"),
    ("On 1 May 2020, the army recaptured Quissanga from Islamist militants.",
     "Government regains territory"),
    ("On 1 May 2020, security forces arrested 28 opposition activists in Minsk.", "Arrests"),
    ("On 4 May 2020, Russian warplanes struck villages in southern Idlib.", "Air/drone strike"),
])
def test_primary_sub_event(events_nlp, text, expected):
    assert run(events_nlp, text)[0] == expected


def test_statements_plans_and_negations_are_not_events(events_nlp):
    assert run(events_nlp, "The minister condemned the massacre of villagers.") == []
    assert run(events_nlp, "The rebels threatened to attack the capital.") == []
    assert run(events_nlp, "Officials said the group plans to stage protests next week.") == []
    assert run(events_nlp, "Police did not arrest anyone.") == []


def test_background_is_not_news(events_nlp):
    text = ("Syrian forces shelled Al-Bab on Monday. The town has been held since 2012 when rebels "
            "captured it. The Islamic State then occupied Al-Bab in 2013.")
    assert run(events_nlp, text, "2016-01-18") == ["Shelling/artillery/missile attack"]


def test_seed_sub_types(events_nlp, shared_dir):
    text = (shared_dir / "seed" / "deir-ez-zor-2016.txt").read_text(encoding="utf-8")
    found = run(events_nlp, text, "2016-01-18")
    assert set(found) == {"Attack", "Non-state actor overtakes territory",
                          "Abduction/forced disappearance", "Armed clash", "Air/drone strike"}
    assert found.count("Air/drone strike") == 2   # Russian and coalition warplanes, two sentences
    condemned = text.index("condemned")
    doc = events_nlp(make_doc(events_nlp, Article(id="s", text=text)))
    assert not any(m.sent_start <= condemned < m.sent_end for m in mentions(doc, "event_mentions"))


@pytest.mark.parametrize("text", [
    "A man stabbed his neighbour to death over a land dispute in the village on Sunday.",
    "A woman was killed by her husband, police said.",
    "A 35-year-old man hacked his wife to death with a machete on Tuesday.",
    "A woman was killed in a domestic violence incident in the township.",
])
def test_violence_between_private_people_is_not_an_event(events_nlp, text):
    assert run(events_nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("A man was shot dead by unidentified gunmen in Kano.", "Attack"),
    ("A gunman shot dead a journalist outside his home.", "Attack"),
    ("A man shot dead a village chief in Kasai.", "Attack"),
    ("A man was lynched by a mob after he was accused of theft.", "Mob violence"),
    ("Two brothers were killed by their neighbours over a land dispute.", "Mob violence"),
])
def test_armed_men_groups_and_public_victims_stay_events(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == [expected]


@pytest.mark.parametrize("text", [
    "The court sentenced five men to death for the bombing.",
    "Prosecutors accused the former commander of ordering the massacre of civilians.",
    "The two governments signed a trade agreement in Beijing.",
])
def test_court_cases_and_trade_deals_are_not_events(events_nlp, text):
    assert run(events_nlp, text) == []


def test_a_baton_charge_is_still_police_action(events_nlp):
    text = ("Villagers staged a demonstration in front of the health centre. Police resorted to "
            "baton charge to bring the situation under control.")
    assert run(events_nlp, text)[:1] == ["Protest with intervention"]


@pytest.mark.parametrize("text, expected", [
    ("Police lobbed gas grenades at the students protesting outside parliament.",
     "Protest with intervention"),
    ("Government troops arrived in the town on Monday.", "Change to group/activity"),
    ("The militia conducted military exercises near the border.", "Change to group/activity"),
    ("Rebel forces besieged the provincial capital and gave the army hours to surrender.",
     "Change to group/activity"),
    ("The governor imposed a ban on all travel from the capital.", "Change to group/activity"),
    ("The faction ended its affiliation with the operations room.", "Change to group/activity"),
])
def test_intervention_grenades_and_changes_to_armed_activity(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == [expected]


def test_tear_gas_grenades_are_one_police_action_not_a_grenade_attack(events_nlp):
    found = run(events_nlp, "Police fired tear gas grenades at students marching on parliament.")
    assert found == ["Protest with intervention"]


def test_a_place_close_to_a_border_is_no_border_closure(events_nlp):
    text = "Militiamen stole cattle from a camp close to the border with Mayom county."
    assert "Change to group/activity" not in run(events_nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Villagers clashed with soldiers in the district on Monday.", "Mob violence"),
    ("A group of local young men beat up a soldier following a dispute.", "Mob violence"),
    ("Traders demonstrated over the demolition of their market and attacked the task force.",
     "Violent demonstration"),
    ("Soldiers beat a group of villagers at a checkpoint.", "Attack"),
    ("Rebels clashed with soldiers near the town.", "Armed clash"),
])
def test_a_crowd_against_state_forces_is_mob_violence_not_a_battle(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == [expected]


def test_the_parties_of_a_fight_are_the_sides_named_not_who_reported_it(events_nlp):
    text = "The human rights group reported fights between the Islamic State and Syrian forces."
    assert run(events_nlp, text) == ["Armed clash"]


def test_a_protests_grievance_in_a_subordinate_clause_is_not_a_second_event(events_nlp):
    text = "The family of a constable who was shot dead held a protest outside the hospital."
    assert run(events_nlp, text) == ["Peaceful protest"]


@pytest.mark.parametrize("text, expected", [
    ("Workers barricaded roads in front of the airport to denounce wage cuts.", "Violent demonstration"),
    ("Prisoners rioted at the central prison, calling for their release.", "Violent demonstration"),
    ("Police fired live rounds on demonstrators who pelted stones at security forces, killing one.",
     "Violent demonstration"),
    ("Soldiers opened fire on peaceful protesters, killing three.", "Excessive force against protesters"),
    ("Teachers went on strike and barricaded themselves into an office of the ministry.",
     "Peaceful protest"),
])
def test_what_the_crowd_did_decides_the_protest_type(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Taliban militants ambushed and killed 4 local policemen, and injured their commander.", "Armed clash"),
    ("Gunmen ambushed and killed two farmers on their way to the market.", "Attack"),
])
def test_an_ambush_on_police_is_fighting_on_farmers_an_attack(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == [expected]


def test_sentences_judged_not_events_are_recorded_for_later_stages(events_nlp):
    text = "A man stabbed his neighbour to death over a land dispute. Floods hit the town."
    doc = events_nlp(make_doc(events_nlp, Article(id="t", text=text)))
    assert mentions(doc, "event_mentions") == []
    first = text.index(".") + 1
    assert [(s, e) for s, e in doc.user_data["sitrep_not_events"]] == [(0, first)]


def test_a_crowd_of_2000_is_not_the_year_2000(events_nlp):
    text = "On 6 May 2020, more than 2000 workers held a protest in the town demanding wages."
    assert run(events_nlp, text, "2020-05-07") == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "A political prisoner was beaten several times by prison guards.",
    "Pro-Houthi forces assaulted a qat seller after he refused to pay them taxes.",
    "Paramilitaries beat and extorted a civilian in Gulu town.",
])
def test_armed_men_beating_civilians_is_an_attack(events_nlp, text):
    assert run(events_nlp, text)[:1] == ["Attack"]


@pytest.mark.parametrize("text", [
    "A migrant helped stop a thief until police arrived at the station.",
    "Security officers have moved into an apartment next to the family's home.",
])
def test_police_arriving_or_moving_house_is_no_change_to_armed_activity(events_nlp, text):
    assert run(events_nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Gunmen fired at a bus carrying passengers near the town, wounding three.", ["Attack"]),
    ("Militants flogged two men in the market for smoking.", ["Attack"]),
    ("Attackers set a man on fire in the village.", ["Attack"]),
    ("The company fired 200 workers last week.", []),
])
def test_other_bodily_violence_against_civilians(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == expected


def test_a_herder_killing_a_farmer_may_be_communal_and_stays_an_event(events_nlp):
    assert run(events_nlp, "A herder killed a farmer in his field in Benue state.") != []


@pytest.mark.parametrize("text, expected", [
    ("The government dispatched troops to the restive province on Friday.", ["Change to group/activity"]),
    ("Authorities prohibited all gatherings in the capital ahead of the vote.", ["Change to group/activity"]),
    ("The interior ministry suspended the activities of the opposition party.",
     ["Change to group/activity"]),
    ("The school suspended two students for cheating.", []),
    ("The governor said there had been no request to send troops.", []),
])
def test_troops_sent_and_bans_are_changes_to_activity_requests_are_not(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Militants armed with rifles and grenades attacked a police post, killing two officers.", "Armed clash"),
    ("Unidentified men threw a grenade at a police station.", "Grenade"),
])
def test_grenades_carried_are_not_a_grenade_attack(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Members of an anarchist group smashed the glass front of a phone company with sledgehammers.",
     ["Looting/property destruction"]),
    ("Unidentified actors sabotaged the water scheme in Owerri.", ["Looting/property destruction"]),
    ("Police raided and damaged the home of an opposition leader.", ["Looting/property destruction"]),
    ("The two suspects smashed a glass door to gain entry to the home.", []),
])
def test_property_smashed_damaged_or_sabotaged(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == expected


def test_damage_counted_after_a_shelling_is_not_a_second_event(events_nlp):
    text = ("Rebel forces fired mortars at army positions near the village. "
            "One residential house was damaged.")
    assert run(events_nlp, text) == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text, expected", [
    ("A militant wearing an explosives vest detonated himself inside a tea shop, killing five.",
     ["Suicide bomb"]),
    ("Fighters said militants fired mortar rounds carrying a mustard agent at their positions.",
     ["Chemical weapon"]),
    ("Gang members seized five nurses as they left a clinic and are demanding ransom.",
     ["Abduction/forced disappearance"]),
    ("Government and rebel negotiators completed a swap of 48 detainees in Taiz.", ["Agreement"]),
    ("The army installed a permanent base in Argelia on Saturday.", ["Headquarters or base established"]),
    ("The army said it had restored state control over the rural commune after an operation.",
     ["Government regains territory"]),
    ("Riot police used water cannon to break up a protest by street vendors.",
     ["Protest with intervention"]),
    ("Police arrested a man on suspicion of beating his wife at their home.", []),
    ("Pakistan summoned the Afghan envoy to protest against remarks by a senior official.", []),
])
def test_news_wording_of_sub_event_types(events_nlp, text, expected):
    assert run(events_nlp, text)[:1] == expected
