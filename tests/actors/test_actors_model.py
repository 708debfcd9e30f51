"""The actors stage with the real parser: seed sentences with hand-made event mentions."""
from __future__ import annotations

import pytest

from sitrep.actors.component import ActorsComponent
from sitrep.mentions import EventMention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parser():
    from sitrep.nlp import build_pipeline

    return build_pipeline(stages=[])


@pytest.fixture(scope="module")
def seed(parser, shared_dir):
    text = (shared_dir / "seed" / "deir-ez-zor-2016.txt").read_text(encoding="utf-8")
    return parser(text)


def events_at(doc, *specs: tuple[str, str, str]) -> list[EventMention]:
    out = []
    for word, event_type, sub_event_type in specs:
        start = doc.text.index(word)
        span = doc.char_span(start, start + len(word.split()[0]), alignment_mode="expand")
        sent = span.sent
        out.append(EventMention(span.start_char, span.end_char, span.text, sent.start_char,
                                sent.end_char, event_type, sub_event_type))
    return out


def run(parser, doc, *specs):
    doc._.event_mentions = events_at(doc, *specs)
    doc._.actor_mentions = []
    ActorsComponent(parser)(doc)
    return [(e.actor1.name if e.actor1 else None, e.actor1.inter if e.actor1 else None,
             e.actor2.name if e.actor2 else None) for e in doc._.event_mentions]


def test_seed_actors_come_from_general_rules(parser, seed):
    got = run(parser, seed,
              ("beheading", "Violence against civilians", "Attack"),
              ("killed “50", "Battles", "Non-state actor overtakes territory"),
              ("abducted", "Violence against civilians", "Abduction/forced disappearance"),
              ("fights between", "Battles", "Armed clash"),
              ("airstrikes", "Explosions/Remote violence", "Air/drone strike"),
              ("attacked the Syrian", "Battles", "Armed clash"),
              ("received help", "Explosions/Remote violence", "Air/drone strike"))
    islamic_state = "Islamic State ({country})"
    assert got[0] == (islamic_state, 2, "Civilians ({country})")
    assert got[1] == (islamic_state, 2, "Military Forces of Syria (2000-)")
    assert got[2] == (islamic_state, 2, "Civilians ({country})")
    assert set(got[3][::2]) == {islamic_state, "Military Forces of Syria (2000-)"}
    assert got[4] == ("Military Forces of Russia (2000-)", 8, islamic_state)
    assert got[5] == (islamic_state, 2, "QSD: Syrian Democratic Forces")
    assert got[6] == ("Military Forces of the United States", 8, islamic_state)


def test_helpers_are_associated_not_opponents(parser, seed):
    run(parser, seed, ("airstrikes", "Explosions/Remote violence", "Air/drone strike"))
    event = seed._.event_mentions[0]
    assert [a.name for a in event.assoc_actor_1] == ["Military Forces of Syria (2000-)"]


def test_they_takes_the_previous_subject(parser, seed):
    assert run(parser, seed, ("They attacked", "Battles", "Armed clash"))[0][0] == "Islamic State ({country})"


def test_the_terror_group_skips_the_speaker(parser, seed):
    run(parser, seed)
    names = [(m.text, m.name) for m in seed._.actor_mentions]
    assert ("The terror group", "Islamic State ({country})") in names


def test_passive_agent_and_victims(parser):
    doc = parser("On 29 April 2020, a former town councilor and his wife were shot dead by "
                 "unidentified assailants in Barangay Piacan.")
    got = run(parser, doc, ("shot", "Violence against civilians", "Attack"))
    assert got == [("Unidentified Armed Group ({country})", 3, "Civilians ({country})")]


def test_object_of_fire_at_is_the_second_side(parser):
    doc = parser("On 9 May 2020, the NAF rebel forces fired 82mm mortars at the positions of "
                 "Ukrainian forces near Kamianka, Donetsk.")
    got = run(parser, doc, ("fired", "Battles", "Armed clash"))
    assert got == [("NAF: United Armed Forces of Novorossiya", 2, "Military Forces of Ukraine (2019-)")]


def test_police_said_is_not_a_side(parser):
    doc = parser("Gunmen killed three farmers in Zamfara, police said.")
    got = run(parser, doc, ("killed", "Violence against civilians", "Attack"))
    assert got[0][0] == "Unidentified Armed Group ({country})"


def test_coordinated_subjects_of_a_clash_fight_each_other(parser):
    doc = parser("On 9 May 2020, GNA and LNA forces reportedly clashed in Tripoli Airport Road (Tripoli).")
    got = run(parser, doc, ("clashed", "Battles", "Armed clash"))
    assert got == [("Military Forces of Libya (2016-) Government of National Accord", 1,
                    "Military Forces of Libya (2014-) Haftar Faction")]


def test_governmental_positions_are_the_state(parser):
    doc = parser("On 9 May 2020, the NAF rebel forces fired grenade launchers at the governmental "
                 "positions near Krasnohorivka, Donetsk.")
    got = run(parser, doc, ("fired", "Battles", "Armed clash"))
    # the country comes from the event's place in records.py
    assert got == [("NAF: United Armed Forces of Novorossiya", 2, "Military Forces of {country}")]


def test_one_named_side_of_a_shootout_comes_first(parser):
    doc = parser("On 7 May 2020, in Aracaju, Sergipe, a man was killed after exchanging fire with "
                 "military police forces during a patrol.")
    got = run(parser, doc, ("exchanging", "Battles", "Armed clash"))
    (name1, inter1, name2), = got
    assert name1.startswith("Military Forces of {country}") and inter1 == 1
    assert name2 == "Unidentified Armed Group ({country})"


def test_the_subject_of_suffer_is_hit(parser):
    doc = parser("Around 8 May 2020, ANDSF forces suffered casualties after being hit by a "
                 "Taliban-planted IED in Ahmadabad district, Paktia.")
    got = run(parser, doc, ("IED", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got == [("Taliban", 2, "Military Forces of Afghanistan (2014-)")]


def test_state_forces_named_with_a_bomb_are_its_target(parser):
    doc = parser("On 5 May 2020, a Malian army armored vehicle struck an IED near Dinangourou (Koro, Mopti).")
    got = run(parser, doc, ("IED", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got == [("Unidentified Armed Group ({country})", 3, "Military Forces of Mali (2013-)")]


def test_a_mine_planted_by_state_forces_is_theirs(parser):
    doc = parser("On 6 May 2020, a landmine planted by regime forces exploded in Sinjar area, injuring a child.")
    got = run(parser, doc, ("landmine", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got[0][:2] == ("Military Forces of Syria (2000-)", 1)


def test_who_claimed_responsibility_is_the_author(parser):
    doc = parser("On 5 May 2020, a Malian army armored vehicle struck an IED near Dinangourou (Koro, Mopti). "
                 "One soldier was severely wounded in the explosion. JNIM claimed responsibility.")
    got = run(parser, doc, ("IED", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got == [("JNIM: Group for Support of Islam and Muslims", 2, "Military Forces of Mali (2013-)")]


def test_the_side_killed_in_a_clash_comes_second(parser):
    doc = parser("On 3 June 2021, in Itabuna, Bahia, a drug trafficker was killed after exchanging fire "
                 "with military police forces during a patrol.")
    got = run(parser, doc, ("exchanging", "Battles", "Armed clash"))
    assert got == [("Military Forces of {country}", 1, "Unidentified Gang ({country})")]
    doc = parser("On 9 June 2021, three Kenyan soldiers were killed during clashes with Al Shabaab militants.")
    got = run(parser, doc, ("clashes", "Battles", "Armed clash"))
    assert got[0][0].startswith("Al Shabaab") and got[0][2] == "Military Forces of Kenya (2013-)"


def test_when_both_sides_were_killed_text_order_stands(parser):
    doc = parser("On 4 June 2021, one French soldier and two ISGS fighters were killed in fighting near Menaka.")
    got = run(parser, doc, ("fighting", "Battles", "Armed clash"))
    assert got[0][0] == "Military Forces of France (2017-)"


def test_a_group_named_as_the_suspected_author_is_actor1(parser):
    doc = parser("On 3 June 2021, a bus struck a landmine near Gossi, wounding four passengers. "
                 "The device was likely planted by JNIM militants.")
    got = run(parser, doc, ("landmine", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got[0][0] == "JNIM: Group for Support of Islam and Muslims"
    doc = parser("On 3 June 2021, helicopter gunships attacked Islamist militants near Mocimboa da Praia. "
                 "Dyck Advisory Group are the suspected attackers.")
    got = run(parser, doc, ("attacked", "Explosions/Remote violence", "Air/drone strike"))
    assert got[0][0] == "Dyck Advisory Group"


def test_a_group_merely_present_is_not_the_author(parser):
    doc = parser("On 3 June 2021, a bus struck a landmine near Gossi, wounding four passengers. "
                 "JNIM militants are active in the area.")
    got = run(parser, doc, ("landmine", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got[0][0] == "Unidentified Armed Group ({country})"


def test_a_group_in_coalition_with_another_acts_with_it(parser):
    doc = parser("On 5 June 2021, APCLS cadres in coalition with Nyatura combatants beat and injured "
                 "three civilians near Kahira.")
    got = run(parser, doc, ("injured", "Violence against civilians", "Attack"))
    assert got == [("APCLS: Alliance of Patriots for a Free and Sovereign Congo", 3, "Civilians ({country})")]
    assert doc._.event_mentions[0].assoc_actor_1 == [] or all(
        "Restoring Hope" not in a.name for a in doc._.event_mentions[0].assoc_actor_1)


def test_a_foreign_patrol_or_column_is_that_states_forces(parser):
    doc = parser("Movement of forces: On 5 June 2021, a Russian patrol took place near Ras Al Ain.")
    got = run(parser, doc, ("patrol", "Strategic developments", "Change to group/activity"))
    assert got[0][0] == "Military Forces of Russia (2000-)"


def test_forces_operating_under_an_operation_are_coded_as_it(parser):
    doc = parser("On 4 June 2021, Turkish forces and allied factions, operating under OPS, shelled the "
                 "village of Umm Shaifa.")
    got = run(parser, doc, ("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"))
    assert got[0][0] == "Operation Peace Spring"
    assert "Military Forces of Turkey (2016-)" in [a.name for a in doc._.event_mentions[0].assoc_actor_1]


def test_places_under_an_operations_control_do_not_make_it_the_actor(parser):
    doc = parser("On 4 June 2021, QSD fighters shelled villages under OPS control near Ain Issa.")
    got = run(parser, doc, ("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"))
    assert got[0][0] == "QSD: Syrian Democratic Forces"


def test_who_planted_a_device_is_its_author_and_who_ran_into_it_the_target(parser):
    doc = parser("On 6 June 2021, an IED planted in a QSD military vehicle by an unknown armed group "
                 "exploded near Hasakah.")
    got = run(parser, doc, ("IED", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got[0][0] == "Unidentified Armed Group ({country})"
    doc = parser("On 4 June 2021, an IED exploded near Basira when QSD fighters passed by it.")
    got = run(parser, doc, ("IED", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got[0][0] == "Unidentified Armed Group ({country})" and got[0][2] == "QSD: Syrian Democratic Forces"


def test_a_group_that_detonates_a_device_is_its_author(parser):
    doc = parser("On 3 June 2021, JNIM fighters detonated an IED against an army vehicle near Torodi.")
    got = run(parser, doc, ("IED", "Explosions/Remote violence", "Remote explosive/landmine/IED"))
    assert got[0][0] == "JNIM: Group for Support of Islam and Muslims"


def test_a_side_that_fought_and_repelled_an_attack_comes_second(parser):
    doc = parser("On 7 June 2021, the military forces engaged in a fire fight and repelled an attack of "
                 "Boko Haram in Kolofata town.")
    got = run(parser, doc, ("fire fight", "Battles", "Armed clash"))
    assert got[0][0].startswith("Boko Haram") and got[0][2].startswith("Military Forces of")


def test_an_unnamed_attacker_of_named_forces_comes_first(parser):
    doc = parser("On 2 June 2021, a man attacked a police officer with a machete in Nakuru town.")
    got = run(parser, doc, ("attacked", "Battles", "Armed clash"))
    assert got == [("Unidentified Armed Group ({country})", 3, "Police Forces of {country}")]


def test_a_group_the_unnamed_attackers_are_believed_to_belong_to_is_actor1(parser):
    doc = parser("On 30 May 2021, gunmen believed to belong to Al Shabaab shot and killed a man near Afgoye.")
    got = run(parser, doc, ("shot", "Violence against civilians", "Attack"))
    assert got[0][0] == "Al Shabaab"


def test_of_coordinated_forces_the_first_named_leads(parser):
    doc = parser("On 7 June 2021, a joint team of police and army arrested five militants and recovered "
                 "weapons near Kokrajhar.")
    got = run(parser, doc, ("recovered", "Strategic developments", "Disrupted weapons use"))
    assert got[0][0] == "Police Forces of {country}"


def test_two_sides_exchanging_prisoners_are_both_parties_to_the_agreement(parser):
    doc = parser("On 9 June 2021, GNA and LNA forces exchanged prisoners near Misrata.")
    got = run(parser, doc, ("exchanged", "Strategic developments", "Agreement"))
    assert got[0][0].endswith("Government of National Accord") and got[0][2].endswith("Haftar Faction")


def test_the_government_regains_territory(parser):
    doc = parser("On 5 June 2021, Palma, which Islamist militants had seized in March, was recaptured "
                 "by the Mozambican army.")
    got = run(parser, doc, ("recaptured", "Battles", "Government regains territory"))
    assert got[0][0] == "Military Forces of Mozambique (1990-)"


def test_an_event_cut_to_its_clause_takes_the_attacker_from_the_rest_of_the_sentence(parser):
    text = ("On 29 May 2021, 3 soldiers were killed, and 1 was taken hostage following an attack by "
            "Taliban militants on a base in Kunduz city.")
    doc = parser(text)
    start, end = text.index("killed"), text.index(", and 1")
    doc._.event_mentions = [EventMention(start, start + 6, "killed", 0, end, "Battles", "Armed clash")]
    doc._.actor_mentions = []
    ActorsComponent(parser)(doc)
    event = doc._.event_mentions[0]
    assert (event.actor1.name, event.actor2.name) == ("Taliban", "Military Forces of {country}")


def test_an_official_who_acts_is_no_speaker(parser):
    doc = parser("On 8 June 2021, a journalist was assaulted by a police official at a railway station in Dimapur.")
    got = run(parser, doc, ("assaulted", "Violence against civilians", "Attack"))
    assert got[0][0] == "Police Forces of {country}"
    doc = parser("On 8 June 2021, a police official said that gunmen shot dead a trader in Dimapur.")
    got = run(parser, doc, ("shot", "Violence against civilians", "Attack"))
    assert got[0][0] == "Unidentified Armed Group ({country})"


def test_strategic_move_is_the_movers_not_a_background_pair(parser):
    # "as tensions between tribesmen and Houthis grow": the reinforcements that arrived act
    doc = parser("On 3 May 2020, Houthi reinforcements reportedly arrived in Radman district as "
                 "tensions between tribesmen and Houthi forces are increasing.")
    got = run(parser, doc, ("arrived", "Strategic developments", "Change to group/activity"))
    assert got[0][0].startswith("Military Forces of Yemen (2016-)")


def test_agreement_between_two_sides_is_theirs_not_the_brokers(parser):
    doc = parser("On 2 May 2020, Saudi forces brokered an agreement between Security Belt forces "
                 "and Houthi forces in Aden.")
    got = run(parser, doc, ("agreement", "Strategic developments", "Agreement"))
    assert got[0][0] == "Military Forces of Yemen (2012-) Security Belt Forces"


def test_state_forces_lead_a_mutual_fight_with_an_unnamed_group(parser):
    # "exchanged fire with": neither side acted more, the state's forces come first
    doc = parser("On 8 May 2021, in Leon, four armed men exchanged fire with police officers "
                 "during a patrol. No fatalities.")
    got = run(parser, doc, ("exchanged", "Battles", "Armed clash"))
    assert got[0][0] == "Police Forces of {country}"
    assert got[0][2] == "Unidentified Armed Group ({country})"
    # gunmen who attacked the police acted: they stay first
    doc = parser("On 8 May 2021, in Leon, unidentified gunmen attacked a police patrol and wounded two officers.")
    got = run(parser, doc, ("attacked", "Battles", "Armed clash"))
    assert got[0][0] == "Unidentified Armed Group ({country})"


def test_drugs_the_police_seize_belong_to_a_gang(parser):
    doc = parser("On 5 May 2021, federal police forces seized 2 tons of marijuana hidden in a truck in Leon.")
    got = run(parser, doc, ("seized", "Strategic developments", "Looting/property destruction"))
    assert got[0][0].startswith("Police Forces of") and got[0][2] == "Unidentified Gang ({country})"
    # other property the state's forces destroy stays the civilians'
    doc = parser("On 5 May 2021, police forces destroyed the market stalls of traders in Leon.")
    got = run(parser, doc, ("destroyed", "Strategic developments", "Looting/property destruction"))
    assert got[0][2] == "Civilians ({country})"


def test_the_side_that_fired_back_comes_second(parser):
    # "the police shot back": the men who started shooting opened the fight, as with a repelled attack
    doc = parser("On 4 May 2021, in Leon, police officers were patrolling when members of the Zeta "
                 "gang approached and started shooting. The police shot back.")
    got = run(parser, doc, ("shooting", "Battles", "Armed clash"))
    assert got[0][0] != "Police Forces of {country}" and got[0][2] == "Police Forces of {country}"
    # without a response the police on patrol keep leading the exchange of fire
    doc = parser("On 4 May 2021, in Leon, police officers exchanged fire with unidentified gunmen.")
    got = run(parser, doc, ("exchanged", "Battles", "Armed clash"))
    assert got[0][0] == "Police Forces of {country}"


def test_a_weapon_that_went_off_in_its_own_sides_hands_is_theirs(parser):
    doc = parser("On 29 April 2020, 2 Taliban militants were killed when landmines they were planting "
                 "exploded prematurely in Maidan Shar city.")
    got = run(parser, doc, ("exploded", "Strategic developments", "Disrupted weapons use"))
    assert got[0][:2] == ("Taliban", 2) and got[0][2] is None
    # a bomb the police defused stays the police's act
    doc = parser("On 29 April 2020, police defused a bomb planted by Taliban militants in Maidan Shar city.")
    got = run(parser, doc, ("defused", "Strategic developments", "Disrupted weapons use"))
    assert got[0][0].startswith("Police Forces of")


def test_forces_that_responded_to_an_attack_come_second(parser):
    doc = parser("On 2 May 2020, Taliban militants attacked an Afghan military APC, Afghan military forces "
                 "responded to the attack and killed 2 Taliban militants in Chimtal district.")
    got = run(parser, doc, ("attacked", "Battles", "Armed clash"))
    assert got[0][0] == "Taliban"


def test_only_state_forces_arrest(parser):
    # the armed men read first were the ones arrested
    doc = parser("On 4 May 2020, a group of armed men tried to land. Security forces detained 13 people.")
    got = run(parser, doc, ("detained", "Strategic developments", "Arrests"))
    assert got[0][1] == 1 and got[0][0] != "Unidentified Armed Group ({country})"
    # no one named: the police
    doc = parser("On 4 May 2020, 13 people were detained in Aden for breaking the curfew.")
    got = run(parser, doc, ("detained", "Strategic developments", "Arrests"))
    assert got[0][:2] == ("Police Forces of {country}", 1)


def test_a_mobs_victims_are_civilians_not_the_police_who_came_later(parser):
    doc = parser("On 2 May 2020, a lynch mob attacked a suspected thief in Kakiri, beating him. "
                 "Police intervened to rescue the victim.")
    got = run(parser, doc, ("attacked", "Riots", "Mob violence"))
    assert got[0][2] == "Civilians ({country})"
    doc = parser("On 1 May 2020, villagers assaulted three persons under Koya police station limits in Hajo.")
    got = run(parser, doc, ("assaulted", "Riots", "Mob violence"))
    assert got[0][2] == "Civilians ({country})"
    # police the mob attacked are its target
    doc = parser("On 29 April 2020, a mob attacked health workers in Kanpur. The mob also beat two policemen.")
    got = run(parser, doc, ("attacked", "Riots", "Mob violence"))
    assert got[0][2] == "Police Forces of {country}"


def test_weapons_the_state_disrupts_belong_to_the_group_named(parser):
    doc = parser("On 3 May 2020, police defused three IEDs in Koleshwari forest, suspected to be planted by Naxalites.")
    got = run(parser, doc, ("defused", "Strategic developments", "Disrupted weapons use"))
    assert got[0][0].startswith("Police Forces of") and got[0][2] == "Naxal-Maoist Rebels (India)"
    doc = parser("On 3 May 2020, police seized two rifles in a house in Leon.")
    got = run(parser, doc, ("seized", "Strategic developments", "Disrupted weapons use"))
    assert got[0][2] == "Unidentified Armed Group ({country})"
