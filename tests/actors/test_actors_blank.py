"""The actors stage on hand-built Docs (spacy.blank, no parser): tables, mentions, rules."""
from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.actors.component import ActorsComponent
from sitrep.actors.table import load_aliases, load_contextual, load_demonyms, load_observers
from sitrep.mentions import EventMention


def event_at(doc, word: str, event_type: str, sub_event_type: str) -> EventMention:
    start = doc.text.index(word)
    sent = doc.char_span(start, start + len(word), alignment_mode="expand").sent
    return EventMention(start, start + len(word), word, sent.start_char, sent.end_char,
                        event_type, sub_event_type)


def run(nlp: Language, text: str, *events: tuple[str, str, str]):
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, *spec) for spec in events]
    ActorsComponent(nlp)(doc)
    return doc


def test_tables_are_well_formed():
    aliases = load_aliases()
    assert len(aliases) > 300
    for entry in aliases:
        assert entry.alias and entry.name, entry
        assert 0 <= entry.inter <= 8, entry
    names = {entry.alias for entry in aliases}
    assert {"soldier", "soldiers", "protesters", "ISIS", "Daesh"} <= names
    assert load_demonyms()["Syrian"] == "Syria"
    assert "*" in load_contextual()["@coalition"]
    assert "OSCE SMM" in load_observers()


def test_factory_declares_what_it_reads_and_writes(blank_nlp):
    meta = Language.get_factory_meta("sitrep_actors")
    assert meta.assigns == ["doc._.actor_mentions"]
    assert set(meta.requires) == {"doc._.event_mentions", "token.dep"}


def test_demonym_gives_country_and_fills_the_name(blank_nlp):
    doc = run(blank_nlp, "Nigerian army troops fought in Borno. Indian police arrived.")
    names = [(m.text, m.name, m.country) for m in doc._.actor_mentions]
    assert ("Nigerian army troops", "Military Forces of Nigeria (2015-)", "Nigeria") in names
    assert ("Indian police", "Police Forces of India (2014-)", "India") in names


def test_country_after_of(blank_nlp):
    doc = run(blank_nlp, "Military forces of Armenia fired on the positions of the military forces of Azerbaijan.")
    assert [m.name for m in doc._.actor_mentions] == ["Military Forces of Armenia (2018-)",
                                                      "Military Forces of Azerbaijan (2003-)"]


def test_acronyms_only_in_capitals(blank_nlp):
    doc = run(blank_nlp, "IS fighters attacked. The village is quiet.")
    assert [m.text for m in doc._.actor_mentions] == ["IS fighters"]


def test_vague_words_need_a_country(blank_nlp):
    doc = run(blank_nlp, "Forces advanced and drones flew. Turkish drones struck.")
    assert [m.name for m in doc._.actor_mentions] == ["Military Forces of Turkey (2016-)"]


def test_the_group_points_back_to_the_last_named_group(blank_nlp):
    doc = run(blank_nlp, "ISIL attacked the town. The terrorist group lost 42 militants.")
    names = [m.name for m in doc._.actor_mentions]
    assert names == ["Islamic State ({country})"] * 3


def test_foreign_state_forces_are_external(blank_nlp):
    doc = run(blank_nlp, "Russian warplanes struck Idlib in Syria. Syrian troops advanced.")
    inter = {m.country: m.inter for m in doc._.actor_mentions}
    assert inter == {"Russia": 8, "Syria": 1}


def test_protest_is_protesters_without_a_second_side(blank_nlp):
    doc = run(blank_nlp, "Hundreds of women protested in Lagos over fuel prices.",
              ("protested", "Protests", "Peaceful protest"))
    event = doc._.event_mentions[0]
    assert (event.actor1.name, event.actor1.inter, event.actor2) == ("Protesters ({country})", 6, None)


def test_protest_with_intervention_gets_the_police(blank_nlp):
    doc = run(blank_nlp, "Students protested and Kenyan police dispersed them.",
              ("protested", "Protests", "Protest with intervention"))
    event = doc._.event_mentions[0]
    assert event.actor1.name.startswith("Protesters") and event.actor2.name == "Police Forces of Kenya (2013-)"


def test_riot_is_rioters(blank_nlp):
    doc = run(blank_nlp, "A mob burned a police station.", ("burned", "Riots", "Violent demonstration"))
    assert doc._.event_mentions[0].actor1.name == "Rioters ({country})"


def test_violence_against_civilians_defaults(blank_nlp):
    doc = run(blank_nlp, "Unidentified gunmen shot dead two farmers. Elsewhere a man was killed.",
              ("shot", "Violence against civilians", "Attack"),
              ("killed", "Violence against civilians", "Attack"))
    first, second = doc._.event_mentions
    assert first.actor1.name == "Unidentified Armed Group ({country})" and first.actor1.inter == 3
    assert first.actor2.name == "Civilians ({country})" and first.actor2.inter == 7
    # nobody named in its sentence: the previous sentence's armed actor
    assert second.actor1.name == "Unidentified Armed Group ({country})"
    assert second.actor2.inter == 7


def test_air_strike_goes_to_the_air_force(blank_nlp):
    doc = run(blank_nlp, "Al-Shabaab fighters were hit when Kenyan jets bombed their camp.",
              ("bombed", "Explosions/Remote violence", "Air/drone strike"))
    event = doc._.event_mentions[0]
    assert event.actor1.name == "Military Forces of Kenya (2013-)"
    assert event.actor2.name == "Al Shabaab"


def test_clash_without_parse_keeps_text_order(blank_nlp):
    doc = run(blank_nlp, "Clashes erupted between the Taliban and Afghan forces in Helmand.",
              ("Clashes", "Battles", "Armed clash"))
    event = doc._.event_mentions[0]
    assert (event.actor1.name, event.actor2.name) == ("Taliban", "Military Forces of Afghanistan (2014-)")


def test_unnamed_shootout_is_unidentified_on_both_sides(blank_nlp):
    doc = run(blank_nlp, "A shoot-out took place in the neighbourhood.",
              ("shoot-out", "Battles", "Armed clash"))
    event = doc._.event_mentions[0]
    assert event.actor1.inter == event.actor2.inter == 3


def test_observer_reports_get_the_monitored_sides(blank_nlp):
    doc = run(blank_nlp, "The OSCE SMM observed 12 explosions in both directions near Zolote.",
              ("explosions", "Battles", "Armed clash"))
    event = doc._.event_mentions[0]
    assert event.actor1.name.startswith("Military Forces of Ukraine")
    assert event.actor2.name.startswith("NAF")


def test_existing_actors_are_kept(blank_nlp):
    doc = blank_nlp("Gunmen killed three villagers.")
    event = event_at(doc, "killed", "Violence against civilians", "Attack")
    from sitrep.mentions import ActorMention
    event.actor1 = ActorMention(0, 6, "Gunmen", "Taliban", 2)
    doc._.event_mentions = [event]
    ActorsComponent(blank_nlp)(doc)
    assert event.actor1.name == "Taliban"


def test_state_words_for_single_men_and_agents(blank_nlp):
    doc = run(blank_nlp, "A gendarme shot a driver. A trooper beat a trader. Intelligence officers abducted a man.")
    names = {m.text.lower(): m.name for m in doc._.actor_mentions}
    assert names["gendarme"] == "Military Forces of {country}"
    assert names["trooper"] == names["intelligence officers"] == "Police Forces of {country}"


def test_the_earlier_row_wins_between_aliases_of_the_same_words(blank_nlp):
    from sitrep.actors.find import Matchers
    from sitrep.actors.table import Alias

    matchers = Matchers(blank_nlp.vocab, blank_nlp.make_doc)
    listed = next(entry for entry in matchers.aliases if entry.alias == "military police")
    # the same words added again under many labels, after and before the listed row
    for number, key in enumerate((listed.key + 1000, listed.key + 2000, -5, listed.key + 3000)):
        label = blank_nlp.vocab.strings.add(f"test-duplicate-{number}")
        matchers.by_id[label] = Alias(key, "military police", f"Test {key}", 1, None, frozenset())
        matchers.lower.add(f"test-duplicate-{number}", [blank_nlp.make_doc("military police")])
    doc = blank_nlp("The military police arrived.")
    assert [alias.name for _, alias in matchers.actor_spans(doc)] == ["Test -5"]


def test_unnamed_armed_individuals_are_an_unidentified_group(blank_nlp):
    doc = run(blank_nlp, "Armed individuals attacked the pipeline. Hitmen shot a trader. A shooter fired at a bus.")
    names = {m.text.lower(): m.name for m in doc._.actor_mentions}
    assert names["armed individuals"] == names["hitmen"] == names["shooter"] == "Unidentified Armed Group ({country})"


def test_anti_x_forces_are_not_x(blank_nlp):
    doc = run(blank_nlp, "Anti-Houthi forces shelled Houthi positions.")
    assert [m.text for m in doc._.actor_mentions if m.name.startswith("Military Forces of Yemen (2016-)")] == ["Houthi"]
