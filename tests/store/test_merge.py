"""Repeated reports of one event become one event (every backend)."""
from __future__ import annotations

from datetime import date, timedelta

from sitrep.model import Event
from sitrep.store import EventStore
from sitrep.store.merge import (Report, actors_compatible, candidate_window, match_score,
                                reconcile_reports)
from store_factory import article, event, killed

CLASH = dict(event_type="Battles", sub_event_type="Armed clash",
             actor1="Military Forces of Nigeria (2010-2015)", inter1=1,
             actor2="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", inter2=2,
             interaction=12, location="Bama", admin2="Bama", latitude=11.5221,
             longitude=13.6856, event_date="2014-09-01")


def all_events(store: EventStore) -> list[Event]:
    return list(store.events())


def test_three_reports_of_one_event_become_one(store: EventStore) -> None:
    first = event(**CLASH, source="Reuters", fatalities=20, claims=[killed(20, "army")])
    # worded differently: a vaguer actor, a place 3 km off, other tolls
    second = event(**{**CLASH, "actor1": "Military Forces of Nigeria (2010-2015)",
                      "actor2": None, "inter2": None, "latitude": 11.54, "longitude": 13.70},
                   source="AFP", fatalities=35,
                   claims=[killed(35, "residents")])
    third = event(**{**CLASH, "actor1": "Boko Haram", "actor2": "Nigerian Military"},
                  source="Vanguard", fatalities=0)
    assert store.add_article(article("r1", source="Reuters"), [first])
    assert store.add_article(article("r2", source="AFP"), [second])
    assert store.add_article(article("r3", source="Vanguard"), [third])
    [merged] = all_events(store)
    assert merged.event_id_cnty == first.event_id_cnty  # the id stays stable
    assert merged.article_ids == ["r1", "r2", "r3"]
    assert merged.source == "Reuters; AFP; Vanguard"
    # army 20, residents 35: different sources, the most conservative is coded
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (20, 20, 35)
    assert [c.value for c in merged.claims] == [20, 35]
    detail = store.get_event(first.event_id_cnty)  # type: ignore[arg-type]
    assert detail is not None
    assert [s.article_id for s in detail.sources] == ["r1", "r2", "r3"]
    assert [s.source for s in detail.sources] == ["Reuters", "AFP", "Vanguard"]
    assert [r.number for r in detail.revisions] == [1, 2, 3]
    assert [r.article_id for r in detail.revisions] == ["r1", "r2", "r3"]
    assert store.count(store_filter()) == 1


def test_a_two_day_battle_is_two_events(store: EventStore) -> None:
    """ACLED splits by day: a report of the next day's fighting is a new event."""
    assert store.add_article(article("d1"), [event(**CLASH)])
    assert store.add_article(article("d2"), [event(**{**CLASH, "event_date": "2014-09-02"})])
    assert store.count(store_filter()) == 2


def store_filter():  # noqa: ANN201 - the EventFilter matching everything
    from sitrep.store import EventFilter

    return EventFilter()


def test_different_events_in_one_town_on_one_day_stay_apart(store: EventStore) -> None:
    clash = event(**CLASH)
    strike = event(**{**CLASH, "event_type": "Explosions/Remote violence",
                      "sub_event_type": "Air/drone strike", "actor2": None})
    other_pair = event(**{**CLASH, "actor1": "Civilian JTF", "inter1": 3,
                          "actor2": "Islamic State West Africa Province", "inter2": 2})
    abduction = event(**{**CLASH, "event_type": "Violence against civilians",
                         "sub_event_type": "Abduction/forced disappearance",
                         "actor1": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                         "actor2": "Civilians (Nigeria)"})
    for n, e in enumerate([clash, strike, other_pair, abduction]):
        assert store.add_article(article(f"t{n}"), [e])
    assert len(all_events(store)) == 4
    # and a report of the clash in the next town (40 km off) or a week later stays apart too
    far = event(**{**CLASH, "location": "Gwoza", "latitude": 11.0833, "longitude": 13.6953})
    late = event(**{**CLASH, "event_date": "2014-09-08"})
    store.add_article(article("far"), [far])
    store.add_article(article("late"), [late])
    assert len(all_events(store)) == 6


def test_events_of_one_article_are_not_merged_with_each_other(store: EventStore) -> None:
    one, two = event(**CLASH), event(**CLASH)
    store.add_article(article("same"), [one, two])  # the extractor already split them
    assert len(all_events(store)) == 2
    # a later report of the clash merges into one of them, not both
    store.add_article(article("again"), [event(**CLASH)])
    assert sorted(len(e.article_ids) for e in all_events(store)) == [1, 2]


def test_higher_toll_later_revises_the_event_with_history(store: EventStore) -> None:
    first = event(**CLASH, source="Reuters", fatalities=10, claims=[killed(10)])
    store.add_article(article("day1", source="Reuters", published="2014-09-01"), [first])
    before = store.get_event(first.event_id_cnty)  # type: ignore[arg-type]
    # the same outlet two days on: "the death toll rose to 25"
    update = event(**CLASH, source="Reuters", fatalities=25, claims=[killed(25)])
    store.add_article(article("day3", source="Reuters", published="2014-09-03"), [update])
    after = store.get_event(first.event_id_cnty)  # type: ignore[arg-type]
    assert before is not None and after is not None
    assert after.event.fatalities == 25  # a source's latest figure supersedes its earlier one
    assert after.event.timestamp is not None and after.event.timestamp > before.event.timestamp  # type: ignore[operator]
    assert [(r.number, r.fatalities, r.article_id) for r in after.revisions] == [
        (1, 10, "day1"), (2, 25, "day3")]
    assert "fatalities: 10 -> 25" in after.revisions[1].changes
    assert after.revisions[1].timestamp == after.event.timestamp
    # another outlet's higher figure widens the range; the coded toll stays conservative
    store.add_article(article("afp", source="AFP"), [event(**CLASH, source="AFP", fatalities=60)])
    latest = store.get_event(first.event_id_cnty)  # type: ignore[arg-type]
    assert latest is not None
    assert (latest.event.fatalities, latest.event.fatalities_low,
            latest.event.fatalities_high) == (25, 25, 60)
    assert "fatalities_high: 25 -> 60" in latest.revisions[2].changes


def test_chibok_twenty_reports_over_a_week_are_one_event(store: EventStore) -> None:
    outlets = ["Reuters", "AFP", "BBC", "Premium Times", "Vanguard", "Punch", "AP", "Al Jazeera",
               "CNN", "The Guardian"]
    start = date(2014, 4, 15)
    for n in range(20):
        published = start + timedelta(days=n % 7)
        vague = n % 3 == 0  # some say only "in Borno, last week"
        abduction = event(
            source=outlets[n % 10], fatalities=0,
            claims=[], actor1=None if n % 4 == 1 else event().actor1,
            time_precision=2 if vague else 1, event_date="2014-04-16" if vague else "2014-04-14",
            geo_precision=3 if vague else 1, location="Maiduguri" if vague else "Chibok",
            latitude=11.8464 if vague else 10.8667, longitude=13.1603 if vague else 12.8456,
            sub_event_type="Attack" if n == 5 else "Abduction/forced disappearance")
        assert store.add_article(article(f"chibok{n}", source=outlets[n % 10],
                                         published=published.isoformat()), [abduction])
    [one] = all_events(store)
    assert len(one.article_ids) == 20
    assert one.sub_event_type == "Abduction/forced disappearance"
    assert one.location == "Chibok" and one.geo_precision == 1  # the precise place is kept
    detail = store.get_event(one.event_id_cnty)  # type: ignore[arg-type]
    assert detail is not None and len(detail.revisions) == 20


def test_coarse_reports_refine_and_precise_ones_refine_coarse_events(store: EventStore) -> None:
    vague = event(location="Borno", admin2=None, latitude=11.5, longitude=13.0, geo_precision=3,
                  time_precision=3, event_date="2014-04-15", sub_event_type="Attack", actor1=None)
    store.add_article(article("vague"), [vague])
    store.add_article(article("precise"), [event()])
    [one] = all_events(store)
    assert (one.location, one.geo_precision, one.event_date, one.time_precision) == (
        "Chibok", 1, "2014-04-14", 1)
    assert one.sub_event_type == "Abduction/forced disappearance"
    assert one.actor1 == event().actor1
    detail = store.get_event(vague.event_id_cnty)  # type: ignore[arg-type]
    assert detail is not None
    assert "location: Borno -> Chibok" in detail.revisions[1].changes


def test_rules() -> None:
    base = event(**CLASH)
    assert match_score(base, event(**CLASH)) == (0, 0, 0.0)
    # generic "Armed clash" against a specific Battles sub-type merges, other types do not
    assert match_score(base, event(**{**CLASH, "sub_event_type": "Government regains territory"}))
    assert match_score(base, event(**{**CLASH, "event_type": "Violence against civilians",
                                      "sub_event_type": "Attack"})) is None
    # geo_precision sets the radius: 20 km apart is too far at 1, fine at 2
    moved = dict(latitude=CLASH["latitude"] + 0.18)  # ~20 km north
    assert match_score(base, event(**{**CLASH, **moved})) is None
    assert match_score(base, event(**{**CLASH, **moved, "geo_precision": 2})) is not None
    # precision 3: anywhere in the same admin1
    far = dict(latitude=9.0, longitude=12.0, geo_precision=3)
    assert match_score(base, event(**{**CLASH, **far})) is not None
    assert match_score(base, event(**{**CLASH, **far, "admin1": "Yobe"})) is None
    # time_precision sets the window: 1 -> a day, 2 -> a week, 3 -> the month
    assert match_score(base, event(**{**CLASH, "event_date": "2014-09-03"})) is None
    assert match_score(base, event(**{**CLASH, "event_date": "2014-09-06", "time_precision": 2}))
    assert match_score(base, event(**{**CLASH, "event_date": "2014-09-25", "time_precision": 3}))
    assert match_score(base, event(**{**CLASH, "event_date": "2014-08-31", "time_precision": 3})) is None
    assert match_score(base, event(**{**CLASH, "country": "Cameroon"})) is None
    # actors: word overlap after brackets, country names and generic words go
    assert actors_compatible(base, event(**{**CLASH, "actor1": "Boko Haram",
                                            "actor2": "Nigerian Military"}))
    assert actors_compatible(base, event(**{**CLASH, "actor1": "Unidentified Armed Group (Nigeria)"}))
    assert not actors_compatible(base, event(**{**CLASH, "actor1": "Police Forces of Nigeria (2010-2015)"}))
    assert candidate_window(event(latitude=None, longitude=None, location=None, admin1=None)) is None
    assert candidate_window(event(event_date=None)) is None


def test_reconcile_reports() -> None:
    # one source's figures for different victims add up; sources are alternatives
    sohr = Report("a", "SOHR", 135, "2016-01-17", [killed(50, "SOHR"), killed(85, "SOHR")])
    sana = Report("b", "SANA", 300, "2016-01-17", [killed(300, "SANA", "about")])
    assert reconcile_reports([sohr, sana]) == (135, 135, 300)
    # a later report of the same source supersedes; one without claims counts its toll
    later = Report("c", "SOHR", 150, "2016-01-19", [killed(150, "SOHR")])
    bare = Report("d", "Reuters", 140, "2016-01-18")
    assert reconcile_reports([later, sohr, sana, bare]) == (140, 140, 300)
    assert reconcile_reports([Report("e", "X", 0)]) == (0, None, None)


def test_generated_notes_are_rewritten_a_coders_are_kept(store: EventStore) -> None:
    from sitrep.records import write_notes

    first = event(**CLASH, fatalities=20, claims=[killed(20, "army")])
    first.notes = write_notes(first)
    coded = event(**{**CLASH, "location": "Gwoza", "latitude": 11.0833, "longitude": 13.6953},
                  notes="Coded by hand.")
    store.add_article(article("n1"), [first, coded])
    store.add_article(article("n2"), [event(**CLASH, fatalities=35, claims=[killed(35, "residents")])])
    store.add_article(article("n3"), [event(**{**CLASH, "location": "Gwoza", "latitude": 11.0833,
                                                "longitude": 13.6953})])
    notes = [e.notes for e in store.events()]
    assert notes[0] is not None and "army: 20; residents: 35" in notes[0]
    assert notes[1] == "Coded by hand."


def test_missing_timestamp_is_stamped(store: EventStore) -> None:
    store.add_article(article("ts"), [event(timestamp=None)])
    [stored] = store.events()
    assert stored.timestamp is not None and stored.timestamp > 1_700_000_000


def test_places_without_coordinates_match_by_name(store: EventStore) -> None:
    # SQLite's lower() folds ASCII only: the name lookup must still find "ÁGADEZ"
    where = dict(country="Niger", admin1="Agadez", location="Ágadez", latitude=None,
                 longitude=None, admin2=None)
    store.add_article(article("n1"), [event(**where)])
    store.add_article(article("n2"), [event(**{**where, "location": "ÁGADEZ"})])
    store.add_article(article("n3"), [event(**{**where, "location": "Arlit"})])
    assert [len(e.article_ids) for e in store.events()] == [2, 1]


def test_a_coarse_report_needs_a_named_actor_in_common() -> None:
    base = event(**CLASH)
    vague = dict(geo_precision=3, latitude=9.0, longitude=12.0)
    assert match_score(base, event(**{**CLASH, **vague, "actor2": None})) is not None
    assert match_score(base, event(**{**CLASH, **vague, "actor1": None, "actor2": None})) is None
    assert match_score(base, event(**{**CLASH, "actor1": None, "actor2": None})) is not None
