"""records.py on hand-built Docs: merging mentions, reconciling claims, ACLED fields."""
from __future__ import annotations

from datetime import date

from sitrep.mentions import ActorMention, ClaimMention, DateMention, EventMention, PlaceMention
from sitrep.records import doc_to_events, interaction, merge_mentions, reconcile, write_notes


def claim(value: int, source: str | None, who: str | None = None, kind: str = "killed") -> ClaimMention:
    return ClaimMention(start=0, end=1, text=str(value), kind=kind, value=value, source=source, who=who)


def mention(sub: str = "Armed clash", etype: str = "Battles", **fields) -> EventMention:
    return EventMention(start=0, end=5, text="fight", sent_start=0, sent_end=10,
                        event_type=etype, sub_event_type=sub, **fields)


def test_reconcile_takes_most_conservative_source_and_sums_victim_groups():
    claims = [claim(50, "SOHR", "syrian forces"), claim(85, "SOHR", "family members"),
              claim(300, "SANA", "civilians"), claim(135, "activists")]
    assert reconcile(claims) == (135, 135, 300)


def test_reconcile_ignores_injured_and_repeated_figures():
    claims = [claim(300, "SANA", "civilians"), claim(300, "SANA", "civilians"), claim(40, "SANA", kind="injured")]
    assert reconcile(claims) == (300, 300, 300)
    assert reconcile([]) == (0, None, None)


def test_interaction_lower_code_first_and_one_sided():
    assert interaction(7, 2) == 27
    assert interaction(6, None) == 60
    assert interaction(1, 1) == 11
    assert interaction(None, None) is None


def test_merge_keeps_distinct_places_apart_and_joins_repeats():
    aleppo = PlaceMention(start=0, end=6, text="Aleppo", geonameid=1, name="Aleppo")
    bab = PlaceMention(start=0, end=6, text="Al-Bab", geonameid=2, name="Al-Bab")
    first = mention(place=aleppo, claims=[claim(5, None)])
    repeat = mention(place=None, claims=[claim(7, "SOHR")])
    elsewhere = mention(place=bab)
    merged = merge_mentions([first, repeat, elsewhere])
    assert len(merged) == 2
    assert merged[0].place is aleppo and len(merged[0].claims) == 2


def test_merge_keeps_different_days_and_subtypes_apart():
    d1 = DateMention(0, 1, "x", date(2020, 5, 1), 1)
    d2 = DateMention(0, 1, "y", date(2020, 5, 2), 1)
    merged = merge_mentions([mention(date=d1), mention(date=d2), mention("Air/drone strike", "Explosions/Remote violence")])
    assert len(merged) == 3


def test_doc_to_events_fills_acled_fields(blank_nlp):
    doc = blank_nlp("Islamic State fighters killed 12 villagers in Al-Bab on Sunday.")
    doc._.article_id = "a1"
    at = doc.text.index
    actor1 = ActorMention(0, 13, "Islamic State", "Islamic State (Syria)", 2)
    actor2 = ActorMention(at("villagers"), at("villagers") + 9, "villagers", "Civilians ({country})", 7)
    place = PlaceMention(at("Al-Bab"), at("Al-Bab") + 6, "Al-Bab", geonameid=172809, name="Al Bab", country="Syria",
                         country_code="SY", admin1="Aleppo", latitude=36.37, longitude=37.52)
    when = DateMention(at("Sunday"), at("Sunday") + 6, "Sunday", date(2016, 1, 17), 1)
    doc._.event_mentions = [EventMention(at("killed"), at("killed") + 6, "killed", 0, len(doc.text), "Violence against civilians",
                                         "Attack", actor1=actor1, actor2=actor2, place=place, date=when,
                                         claims=[claim(12, None, "villagers")])]
    [event] = doc_to_events(doc)
    assert event.actor2 == "Civilians (Syria)"
    assert event.interaction == 27 and event.civilian_targeting == "Civilian targeting"
    assert event.country == "Syria" and event.iso == 760 and event.event_id_cnty.startswith("SYR")
    assert event.disorder_type == "Political violence"
    assert event.event_date == "2016-01-17" and event.year == 2016
    assert event.fatalities == 12
    fields = {e.field: e.text for e in event.evidence}
    assert fields["location"] == "Al-Bab" and fields["event_date"] == "Sunday" and fields["actor1"] == "Islamic State"
    assert event.notes.startswith("On 17 January 2016, Islamic State (Syria)")


def test_protest_notes_end_with_size_tag():
    from sitrep.model import Event

    event = Event(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Chile)",
                  event_date="2020-05-01", time_precision=1, location="Santiago")
    assert write_notes(event).endswith("[size=no report]")


def test_merge_joins_a_town_and_a_village_inside_it_and_keeps_the_finer_place():
    town = PlaceMention(start=0, end=6, text="Deir ez-Zor", geonameid=1, name="Deir ez-Zor",
                        latitude=35.336, longitude=40.141, feature_code="PPLA")
    village = PlaceMention(start=0, end=6, text="Al-Baghaliyeh", geonameid=2, name="Al Baghaliyah",
                           latitude=35.37, longitude=40.07, feature_code="PPL")
    far = PlaceMention(start=0, end=6, text="Al-Bab", geonameid=3, name="Al Bab",
                       latitude=36.37, longitude=37.52, feature_code="PPL")
    merged = merge_mentions([mention(place=town), mention(place=village), mention(place=far)])
    assert [m.place.name for m in merged] == ["Al Baghaliyah", "Al Bab"]


def test_headline_event_joins_the_body_event_of_its_sub_type():
    from sitrep.records import headline_end

    text = "Gunmen kill villagers in Borno\nBy a correspondent\nMilitants attacked Mafa, killing 12.\n"
    end = headline_end(text)
    assert end == len("Gunmen kill villagers in Borno")
    assert headline_end("One sentence only.\nAnother.") == 0
    title = mention("Attack", "Violence against civilians", place=PlaceMention(0, 5, "Borno", name="Borno"))
    title.start, title.end = 7, 11
    body = mention("Attack", "Violence against civilians",
                   place=PlaceMention(60, 64, "Mafa", name="Mafa"), claims=[claim(12, None)])
    body.start, body.end = 60, 68
    [event] = merge_mentions([title, body], headline=end)
    assert event is body and event.place.name == "Mafa"


def test_line_breaks_end_sentences(blank_nlp):
    from sitrep.nlp import line_breaks

    doc = line_breaks(blank_nlp.make_doc("Gunmen kill villagers in Borno\nMilitants attacked Mafa on Sunday."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Militants" in starts


def test_notes_name_the_action_and_keep_disputed_figures():
    from sitrep.model import Claim, Event

    event = Event(event_type="Violence against civilians", sub_event_type="Attack",
                  actor1="Islamic State (Syria)", actor2="Civilians (Syria)", event_date="2016-01-16",
                  time_precision=1, location="Al Baghaliyah", admin1="Deir ez-Zor", fatalities=85,
                  claims=[Claim(kind="killed", value=85, source="SOHR"), Claim(kind="killed", value=300, source="SANA"),
                          Claim(kind="abducted", value=400, qualifier="at_least")])
    note = write_notes(event)
    assert note.startswith("On 16 January 2016, Islamic State (Syria) attacked Civilians (Syria) in Al Baghaliyah (Deir ez-Zor).")
    assert "85 fatalities coded (SANA: 300; SOHR: 85)." in note and "At least 400 abducted." in note


def test_generic_state_names_take_the_event_country_and_its_regime_year(blank_nlp):
    doc = blank_nlp("Nigerian troops repelled an attack by the army in Monguno.")
    doc._.article_id = "n1"
    troops = ActorMention(0, 15, "Nigerian troops", "Military Forces of Nigeria (2015-)", 1, country="Nigeria")
    army = ActorMention(42, 46, "army", "Military Forces of {country}", 1)
    place = PlaceMention(50, 57, "Monguno", geonameid=2331140, name="Monguno", country="Nigeria",
                         country_code="NG", latitude=12.67, longitude=13.61)
    doc._.event_mentions = [EventMention(16, 24, "repelled", 0, len(doc.text), "Battles", "Armed clash",
                                         actor1=troops, actor2=army, place=place)]
    [event] = doc_to_events(doc)
    assert event.actor1 == "Military Forces of Nigeria (2015-)"
    assert event.actor2 is None and event.inter2 == 0 and event.interaction == 10


def test_events_a_month_older_than_the_news_are_background():
    from sitrep.records import drop_background

    news = mention(date=DateMention(0, 1, "Monday", date(2022, 8, 22), 1))
    last_week = mention("Attack", "Violence against civilians", date=DateMention(0, 1, "x", date(2022, 8, 15), 1))
    history = mention("Air/drone strike", "Explosions/Remote violence",
                      date=DateMention(0, 1, "in April", date(2022, 4, 9), 1))
    undated = mention("Grenade", "Explosions/Remote violence")
    kept = drop_background([news, last_week, history, undated])
    assert kept == [news, last_week, undated]
