"""The actor columns of a record (sitrep.actors.fill): generic names by country and cue,
state forces at home or abroad, interaction, civilian targeting, disorder type."""
from __future__ import annotations

from sitrep.actors.component import ActorsComponent
from sitrep.actors.fill import (
    context_of, disorder_type, event_sides, fill_actor, generic_name, load_generics, state_inters,
)
from sitrep.actors.table import load_state_homes
from sitrep.mentions import ActorMention, EventMention



def run(nlp, text: str, word: str, event_type: str, sub_event_type: str):
    doc = nlp(text)
    start = doc.text.index(word)
    sent = doc.char_span(start, start + len(word), alignment_mode="expand").sent
    doc._.event_mentions = [EventMention(start, start + len(word), word, sent.start_char, sent.end_char,
                                         event_type, sub_event_type)]
    ActorsComponent(nlp)(doc)
    return doc


def actor(name: str, inter: int, country: str | None = None) -> ActorMention:
    return ActorMention(0, 1, "x", name, inter, country)


def event(etype: str, sub: str, a1: ActorMention | None = None, a2: ActorMention | None = None,
          **fields) -> EventMention:
    return EventMention(0, 5, "fight", 0, 10, etype, sub, actor1=a1, actor2=a2, **fields)


UNIDENTIFIED = "Unidentified Armed Group ({country})"


def test_generics_table_is_well_formed():
    rows = load_generics()
    assert rows and all(row.generic and row.country and row.name for row in rows)
    assert load_state_homes()["Artsakh"] == ("Azerbaijan",)


def test_gang_words_make_an_unidentified_group_a_gang_anywhere():
    text = "A man was shot dead by two armed men. Police believe in gang rivalry."
    assert generic_name(UNIDENTIFIED, "Honduras", text) == "Unidentified Gang ({country})"
    assert fill_actor(actor(UNIDENTIFIED, 3), "Honduras", text) == "Unidentified Gang (Honduras)"
    # "gangway" is not a gang, and without a cue the name stays
    assert generic_name(UNIDENTIFIED, "Honduras", "Gunmen fired from the gangway.") == UNIDENTIFIED
    assert fill_actor(actor(UNIDENTIFIED, 3), "Honduras", "Gunmen fired.") == "Unidentified Armed Group (Honduras)"


def test_country_specific_generic_names_need_their_country():
    text = "A man was killed in a drive-by shooting by two armed men on a motorcycle."
    assert fill_actor(actor(UNIDENTIFIED, 3), "Brazil", text) == "Unidentified Gang and/or Police Militia"
    assert fill_actor(actor(UNIDENTIFIED, 3), "Colombia", text) == "Unidentified Armed Group (Colombia)"
    # named actors are never rewritten
    assert fill_actor(actor("Taliban", 2), "Brazil", text) == "Taliban"


def test_state_forces_at_home_are_1_and_abroad_8():
    armenia = actor("Military Forces of {country}", 1, "Armenia")
    azerbaijan = actor("Military Forces of {country}", 1, "Azerbaijan")
    names = [(armenia, "Military Forces of Armenia (2018-)"), (azerbaijan, "Military Forces of Azerbaijan (2003-)")]
    assert state_inters(names, "Azerbaijan") == [8, 1]
    # two states fighting in a third: both are external forces there
    assert state_inters(names, "Georgia") == [8, 8]
    # no place: the actors stage's reading stands
    assert state_inters(names, None) == [1, 1]
    # one state named alone abroad is external, whatever the report's words made of it
    turkey = actor("Military Forces of {country}", 1, "Turkey")
    assert state_inters([(turkey, "Military Forces of Turkey (2016-)"), (None, None)], "Syria") == [8, None]
    assert state_inters([(turkey, "Military Forces of Turkey (2016-)"), (None, None)], "Turkey") == [1, None]


def test_a_de_facto_state_is_at_home_where_states_tsv_says():
    artsakh = actor("Military Forces of Artsakh (2007-)", 1, "Artsakh")
    azerbaijan = actor("Military Forces of {country}", 1, "Azerbaijan")
    sides = [(artsakh, artsakh.name), (azerbaijan, "Military Forces of Azerbaijan (2003-)")]
    assert state_inters(sides, "Azerbaijan") == [1, 1]


def test_event_sides_fill_every_actor_column():
    sides = event_sides(event("Violence against civilians", "Attack", actor(UNIDENTIFIED, 3),
                              actor("Civilians ({country})", 7)), "Mexico", "Gang members shot a man.")
    assert (sides.actor1, sides.actor2) == ("Unidentified Gang (Mexico)", "Civilians (Mexico)")
    assert (sides.inter1, sides.inter2, sides.interaction) == (3, 7, 37)
    assert sides.civilian_targeting == "Civilian targeting"
    assert sides.disorder_type == "Political violence"
    protest = event_sides(event("Protests", "Peaceful protest", actor("Protesters ({country})", 6)), "Chile")
    assert (protest.actor1, protest.actor2, protest.inter2, protest.interaction) == ("Protesters (Chile)", None, 0, 60)
    assert protest.civilian_targeting is None and protest.disorder_type == "Demonstrations"
    twice = event_sides(event("Battles", "Armed clash", actor("Taliban", 2), actor("Taliban", 2)), "Afghanistan")
    assert (twice.actor2, twice.inter2, twice.interaction) == (None, 0, 20)


def test_disorder_type_follows_the_codebook():
    assert disorder_type("Battles") == "Political violence"
    assert disorder_type("Protests", "Peaceful protest", (6,)) == "Demonstrations"
    assert disorder_type("Protests", "Protest with intervention", (6, 1)) == "Demonstrations"
    assert disorder_type("Protests", "Excessive force against protesters", (6, 1)) == "Political violence; Demonstrations"
    assert disorder_type("Riots", "Violent demonstration", (5, 1)) == "Demonstrations"
    assert disorder_type("Riots", "Mob violence", (5, 7, 4)) == "Political violence; Demonstrations"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def test_context_is_the_event_sentence_and_the_two_after(blank_nlp):
    doc = blank_nlp("Two armed men shot a man. He died. Police suspect gangs. The town mourned.")
    start = 0
    end = doc.text.index(".") + 1
    mention = EventMention(5, 10, "shot", start, end, "Violence against civilians", "Attack")
    assert context_of(doc, mention) == "Two armed men shot a man. He died. Police suspect gangs."


def test_clash_with_one_named_side_puts_it_first(blank_nlp):
    doc = run(blank_nlp, "A man was killed after exchanging fire with police.",
              "exchanging", "Battles", "Armed clash")
    ev = doc._.event_mentions[0]
    assert ev.actor1.name == "Police Forces of {country}"
    assert ev.actor2.name == UNIDENTIFIED


def test_unnamed_shelling_is_an_unidentified_group(blank_nlp):
    doc = run(blank_nlp, "Heavy artillery fire was reported in the south of the city.",
              "fire", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert doc._.event_mentions[0].actor1.name == UNIDENTIFIED


def test_riot_takes_the_police_of_the_next_sentence(blank_nlp):
    doc = run(blank_nlp, "Residents blocked the road with burning tires. The police dispersed them with teargas.",
              "blocked", "Riots", "Violent demonstration")
    ev = doc._.event_mentions[0]
    assert ev.actor1.name == "Rioters ({country})" and ev.actor2.name == "Police Forces of {country}"


def test_property_destruction_hits_civilians_unless_named(blank_nlp):
    doc = run(blank_nlp, "Unknown arsonists torched a telecommunications mast.",
              "torched", "Strategic developments", "Looting/property destruction")
    ev = doc._.event_mentions[0]
    assert ev.actor1.name == UNIDENTIFIED and ev.actor2.name == "Civilians ({country})"


def test_phrases_get_plurals_on_their_last_word():
    from sitrep.actors.table import _plural, load_aliases
    assert _plural("fulani militia") == "fulani militias"
    assert _plural("unknown party") == "unknown parties"
    assert _plural("armed men") is None and _plural("military police") is None and _plural("ISIS") is None
    aliases = {entry.alias for entry in load_aliases()}
    assert "fulani militias" in aliases and "the groups" not in aliases  # anaphors stay singular


def test_coordinated_countries_are_two_state_actors(blank_nlp):
    doc = run(blank_nlp, "Military forces of India and Pakistan exchanged fire across the LoC.",
              "exchanged", "Battles", "Armed clash")
    assert [(m.text, m.country) for m in doc._.actor_mentions] == [
        ("Military forces of India", "India"), ("Pakistan", "Pakistan")]
    doc = run(blank_nlp, "Burundian and Rwandan soldiers clashed on Lake Rweru.", "clashed", "Battles", "Armed clash")
    assert [m.name for m in doc._.actor_mentions] == ["Military Forces of Burundi (2005-)", "Military Forces of Rwanda (1994-)"]


def test_a_decree_with_no_one_named_is_the_government(blank_nlp):
    doc = run(blank_nlp, "A curfew was extended for two weeks in the province.",
              "extended", "Strategic developments", "Change to group/activity")
    assert doc._.event_mentions[0].actor1.name == "Government of {country}"
    doc = run(blank_nlp, "Hakkari Governor's Office extended the ban on protests.",
              "extended", "Strategic developments", "Change to group/activity")
    assert doc._.event_mentions[0].actor1.text == "Governor's Office"


def test_cartels_are_gangs():
    assert generic_name(UNIDENTIFIED, "Colombia", "Police blamed a drug cartel.") == "Unidentified Gang ({country})"


def test_security_forces_facing_a_crowd_are_the_police(blank_nlp):
    doc = run(blank_nlp, "Traders protested in Bamako and Malian security forces dispersed them.",
              "protested", "Protests", "Protest with intervention")
    assert doc._.event_mentions[0].actor2.name == "Police Forces of Mali (2013-)"
    doc = run(blank_nlp, "Youths burned tires and Malian soldiers dispersed them.",
              "burned", "Riots", "Violent demonstration")
    assert doc._.event_mentions[0].actor2.name == "Military Forces of Mali (2013-)"


def test_the_arrested_are_civilians_unless_named(blank_nlp):
    doc = run(blank_nlp, "Police arrested a journalist in Bujumbura.", "arrested", "Strategic developments", "Arrests")
    ev = doc._.event_mentions[0]
    assert ev.actor1.name == "Police Forces of {country}" and ev.actor2.name == "Civilians ({country})"


def test_names_before_an_identity_militia_name_it(blank_nlp):
    doc = run(blank_nlp, "Tiv and Ichen ethnic militias clashed over land.", "clashed", "Battles", "Armed clash")
    assert [m.name for m in doc._.actor_mentions] == ["Tiv Ethnic Militia ({country})", "Ichen Ethnic Militia ({country})"]
    ev = doc._.event_mentions[0]
    assert (ev.actor1.name, ev.actor2.name) == ("Tiv Ethnic Militia ({country})", "Ichen Ethnic Militia ({country})")
    doc = run(blank_nlp, "Clashes were reported between Al Awad tribesmen and the army.", "Clashes", "Battles", "Armed clash")
    assert doc._.actor_mentions[0].name == "Al Awad Tribal Militia ({country})"
    doc = run(blank_nlp, "On Monday tribal militias clashed.", "clashed", "Battles", "Armed clash")
    assert doc._.actor_mentions[0].name == "Unidentified Tribal Militia ({country})"


def test_hyphenated_words_are_not_cues():
    assert generic_name(UNIDENTIFIED, "Cameroon", "Soldiers gang-raped a woman.") == UNIDENTIFIED
    assert generic_name(UNIDENTIFIED, "Brazil", "He was killed in a drive-by shooting.") != UNIDENTIFIED


def test_a_states_fire_is_that_state_acting(blank_nlp):
    doc = run(blank_nlp, "Saudi rocket and artillery shelling was reported on villages in Razih.",
              "shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert doc._.event_mentions[0].actor1.name == "Military Forces of Saudi Arabia (2015-)"
    doc = run(blank_nlp, "Israeli airstrikes targeted positions near Daraa.",
              "airstrikes", "Explosions/Remote violence", "Air/drone strike")
    assert doc._.event_mentions[0].actor1.name == "Military Forces of Israel (2009-)"


def test_one_states_forces_are_one_side_outside_clashes(blank_nlp):
    doc = run(blank_nlp, "Indian police and the CRPF defused five IEDs planted by Maoists.",
              "defused", "Strategic developments", "Disrupted weapons use")
    ev = doc._.event_mentions[0]
    assert ev.actor1.name.startswith("Police Forces of India")
    assert ev.actor2.name == "Naxal-Maoist Rebels (India)"
    assert [a.name for a in ev.assoc_actor_1] == ["Police Forces of India (2014-) Central Reserve Police Force"]
    doc = run(blank_nlp, "Tunisian police seized munitions in a house.", "seized",
              "Strategic developments", "Disrupted weapons use")
    assert doc._.event_mentions[0].actor2.name == UNIDENTIFIED


def test_prison_guards_facing_rioting_inmates(blank_nlp):
    doc = run(blank_nlp, "Prisoners rioted in the detention centre. Seven prison guards were held hostage.",
              "rioted", "Riots", "Mob violence")
    assert doc._.event_mentions[0].actor2.name == "Police Forces of {country} Prison Guards"


def test_gang_related_is_a_gang_cue_and_inter_clan_clashes_are_clan_militias(blank_nlp):
    assert generic_name(UNIDENTIFIED, "Jamaica", "Police believe it was a gang-related shooting.") != UNIDENTIFIED
    assert generic_name(UNIDENTIFIED, "Jamaica", "An anti-gang unit patrolled.") == UNIDENTIFIED
    doc = run(blank_nlp, "One person was killed during inter-clan clashes in Fik zone.", "clashes", "Battles", "Armed clash")
    ev = doc._.event_mentions[0]
    assert ev.actor1.name == ev.actor2.name == "Unidentified Clan Militia ({country})"


def test_home_is_found_under_either_spelling_of_a_country():
    drc = actor("Military Forces of {country}", 8, "Democratic Republic of Congo")
    rwanda = actor("Military Forces of {country}", 1, "Rwanda")
    sides = [(drc, "Military Forces of the Democratic Republic of Congo (2019-)"), (rwanda, "Military Forces of Rwanda")]
    assert state_inters(sides, "Democratic Republic of the Congo") == [1, 8]


def test_foreign_forces_take_their_coalition_name_where_abroad_tsv_says():
    us = actor("Military Forces of the United States (2017-)", 8, "United States")
    iraq = event_sides(event("Battles", "Armed clash", us, actor("Islamic State ({country})", 2)), "Iraq")
    assert (iraq.actor1, iraq.inter1) == ("Global Coalition Against Daesh", 8)
    assert event_sides(event("Explosions/Remote violence", "Air/drone strike", us), "Afghanistan").actor1 \
        == "NATO: North Atlantic Treaty Organization"
    # elsewhere (no row) the state's own name stands
    somalia = event_sides(event("Explosions/Remote violence", "Air/drone strike", us), "Somalia")
    assert somalia.actor1 == "Military Forces of the United States (2017-)"
    saudi = actor("Military Forces of Saudi Arabia (2015-)", 8, "Saudi Arabia")
    assert event_sides(event("Battles", "Armed clash", None, saudi), "Yemen").actor2 == "Operation Restoring Hope"


def test_state_forces_of_an_unknown_country_are_named_without_one():
    police = actor("Police Forces of {country}", 1)
    assert fill_actor(police, None) == "Police Forces"
    assert fill_actor(police, "Kenya") == "Police Forces of Kenya (2013-)"
    assert fill_actor(actor("Civilians ({country})", 7), None) == "Civilians (Unknown)"


def test_clan_and_communal_cues_make_identity_militias_with_their_inter():
    text = "Fighting between two clans over grazing land left three dead."
    assert generic_name(UNIDENTIFIED, "Somalia", text) == "Unidentified Clan Militia ({country})"
    sides = event_sides(event("Battles", "Armed clash", actor(UNIDENTIFIED, 3)), "Somalia", text)
    assert (sides.actor1, sides.inter1) == ("Unidentified Clan Militia (Somalia)", 4)
    raid = "Unknown raiders attacked a cattle camp, killing a herder."
    assert generic_name(UNIDENTIFIED, "Kenya", raid) == "Unidentified Communal Militia ({country})"
    # a proper name is no cue; without a row the inter code stands
    council = "Gunmen shot dead the president of the Council of Communal Action."
    sides = event_sides(event("Violence against civilians", "Attack", actor(UNIDENTIFIED, 3)), "Colombia", council)
    assert (sides.actor1, sides.inter1) == ("Unidentified Armed Group (Colombia)", 3)


def test_militias_from_named_places_are_their_communal_militias(blank_nlp):
    doc = run(blank_nlp, "Militias from Umuleri and Aguleri clashed over farmland.", "clashed", "Battles", "Armed clash")
    assert [(m.name, m.inter) for m in doc._.actor_mentions] == [
        ("Umuleri Communal Militia ({country})", 4), ("Aguleri Communal Militia ({country})", 4)]
    doc = run(blank_nlp, "Militias attacked the village from the north.", "attacked", "Battles", "Armed clash")
    assert not any("Communal" in m.name for m in doc._.actor_mentions)


def test_gangland_and_cult_cues_name_the_unidentified_group():
    assert generic_name(UNIDENTIFIED, "Jamaica", "Police suspect a gangland reprisal.") == "Unidentified Gang ({country})"
    cult = "Unidentified cult militias clashed in Asaga village."
    sides = event_sides(event("Battles", "Armed clash", actor(UNIDENTIFIED, 3)), "Nigeria", cult)
    assert (sides.actor1, sides.inter1) == ("Unidentified Cult Militia (Nigeria)", 3)
    assert generic_name(UNIDENTIFIED, "Nigeria", "Gunmen attacked a church.") == UNIDENTIFIED


def test_unidentified_warplanes_are_unidentified_military_forces(blank_nlp):
    doc = run(blank_nlp, "Unidentified warplanes carried out airstrikes on a site near Al Bukamal.",
              "airstrikes", "Explosions/Remote violence", "Air/drone strike")
    assert doc._.event_mentions[0].actor1.name == "Unidentified Military Forces"


def test_named_groups_of_the_alias_table_are_found(blank_nlp):
    doc = run(blank_nlp, "HBDH militants carried out a remote explosive attack on a factory.",
              "attack", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert doc._.event_mentions[0].actor1.name == "HBDH: Peoples United Revolutionary Movement"
    doc = run(blank_nlp, "An Auxiliary Force officer assaulted two journalists in Tiflet.",
              "assaulted", "Violence against civilians", "Attack")
    assert doc._.event_mentions[0].actor1.name.startswith("Military Forces of Morocco")


def test_a_bracketed_name_after_an_actor_spells_it_out(blank_nlp):
    doc = run(blank_nlp, "EPP (Paraguayan People's Army) members burned a farm house near Yby Yau.",
              "burned", "Strategic developments", "Looting/property destruction")
    assert [m.name for m in doc._.actor_mentions] == ["EPP: Paraguayan People's Army"]
    # a generic word before the bracket is not spelled out by it
    doc = run(blank_nlp, "Soldiers (Nigerian Army) and ISWAP fighters clashed near Monguno.",
              "clashed", "Battles", "Armed clash")
    assert len(doc._.actor_mentions) >= 2


def test_a_gang_named_before_the_word_gang_is_that_gang(blank_nlp):
    doc = run(blank_nlp, "Two persons were killed by the Village de Dieu gang in Port-au-Prince.",
              "killed", "Violence against civilians", "Attack")
    assert doc._.event_mentions[0].actor1.name == "Village de Dieu Gang"
    doc = run(blank_nlp, "Two persons were killed by a local gang in Kingston.",
              "killed", "Violence against civilians", "Attack")
    assert doc._.event_mentions[0].actor1.name == "Unidentified Gang ({country})"


def test_drug_trade_words_are_gang_cues():
    text = "Armed men exchanged fire with police during an operation against drug trafficking."
    assert generic_name(UNIDENTIFIED, "Honduras", text) == "Unidentified Gang ({country})"
    assert generic_name(UNIDENTIFIED, "Mexico", "Sicarios shot dead a man in Celaya.") == "Unidentified Gang ({country})"
    assert generic_name(UNIDENTIFIED, "Mexico", "Gunmen shot dead a man in Celaya.") == UNIDENTIFIED


def test_in_a_mutual_fight_of_two_states_the_forces_at_home_come_first():
    india = actor("Military Forces of {country}", 1, "India")
    pakistan = actor("Military Forces of {country}", 1, "Pakistan")
    mutual = EventMention(0, 9, "exchanged", 0, 40, "Battles", "Armed clash", actor1=india, actor2=pakistan)
    sides = event_sides(mutual, "Pakistan", "Forces of India and Pakistan exchanged fire.")
    assert sides.actor1 == "Military Forces of Pakistan (2018-)" and sides.inter1 == 1
    assert sides.actor2 == "Military Forces of India (2014-)" and sides.inter2 == 8
    # one side attacked: the report's order stands
    attack = EventMention(0, 7, "shelled", 0, 40, "Battles", "Armed clash", actor1=india, actor2=pakistan)
    sides = event_sides(attack, "Pakistan", "Indian forces shelled Pakistani army posts.")
    assert sides.actor1 == "Military Forces of India (2014-)" and sides.inter1 == 8
