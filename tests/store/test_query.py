"""Filters, counts and event detail, as the REST API uses them (every backend)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.store import EventDetail, EventFilter, EventStore
from store_factory import article, event, killed


@pytest.fixture()
def filled(store: EventStore) -> EventStore:
    store.add_article(article("ng1", source="Premium Times"), [
        event(event_id_cnty="NGA1", fatalities=3, claims=[killed(3, "police")]),
        event(event_id_cnty="NGA2", event_date="2014-05-02", event_type="Battles",
              sub_event_type="Armed clash", actor1="Military Forces of Nigeria (2010-2015)",
              inter1=1, actor2="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
              inter2=2, interaction=12, location="Maiduguri", admin2="Maiduguri",
              latitude=11.8464, longitude=13.1603, fatalities=40,
              notes="Soldiers repelled an attack on the barracks."),
    ])
    store.add_article(article("sy1", source="SOHR"), [
        event(event_id_cnty="SYR1", country="Syria", iso=760, admin1="Deir ez-Zor", admin2=None,
              location="Al-Baghaliyeh", latitude=35.3614, longitude=40.1122,
              event_date="2016-01-16", actor1="Islamic State (Syria)",
              assoc_actor_1="Tribal Militia (Syria)", actor2="Civilians (Syria)",
              sub_event_type="Attack", fatalities=85, notes="IS attacked the village."),
    ])
    return store


def ids(store: EventStore, **fields: object) -> list[str | None]:
    return [e.event_id_cnty for e in store.select(EventFilter(**fields))]


def test_filters(filled: EventStore) -> None:
    assert ids(filled) == ["NGA1", "NGA2", "SYR1"]
    assert ids(filled, event_date_from=date(2014, 5, 1)) == ["NGA2", "SYR1"]
    assert ids(filled, event_date_to=date(2014, 5, 2)) == ["NGA1", "NGA2"]
    assert ids(filled, country="NIGERIA") == ["NGA1", "NGA2"]
    assert ids(filled, admin1="deir ez-zor") == ["SYR1"]
    assert ids(filled, event_type="Battles") == ["NGA2"]
    assert ids(filled, sub_event_type="Attack") == ["SYR1"]
    assert ids(filled, actor="boko haram") == ["NGA1", "NGA2"]
    assert ids(filled, actor="tribal") == ["SYR1"]  # associated actors count
    assert ids(filled, actor="100%") == []  # LIKE wildcards are literal
    assert ids(filled, bbox=(12.0, 10.0, 13.0, 11.0)) == ["NGA1"]
    assert ids(filled, bbox=(-180.0, -90.0, 180.0, 90.0)) == ["NGA1", "NGA2", "SYR1"]
    assert ids(filled, fatalities_min=40) == ["NGA2", "SYR1"]
    assert ids(filled, q="barracks") == ["NGA2"]
    assert ids(filled, q="maiduguri soldiers") == ["NGA2"]  # every word, anywhere
    assert ids(filled, q="chibok") == ["NGA1"]
    assert ids(filled, country="Nigeria", fatalities_min=1, q="abducted") == ["NGA1"]


def test_limit_offset_and_count(filled: EventStore) -> None:
    assert ids(filled, limit=2) == ["NGA1", "NGA2"]
    assert ids(filled, limit=2, offset=2) == ["SYR1"]
    assert ids(filled, offset=1) == ["NGA2", "SYR1"]
    assert filled.count(EventFilter()) == 3
    assert filled.count(EventFilter(country="Nigeria", limit=1, offset=1)) == 2  # page ignored
    assert filled.count(EventFilter(q="nothing-like-this")) == 0


def test_get_event(filled: EventStore) -> None:
    assert filled.get_event("missing") is None
    detail = filled.get_event("NGA1")
    assert isinstance(detail, EventDetail)
    assert detail.event.event_id_cnty == "NGA1"
    assert detail.event.article_ids == ["ng1"]
    assert [s.article_id for s in detail.sources] == ["ng1"]
    assert detail.sources[0].source == "Premium Times"
    assert detail.sources[0].url == "https://example.org/ng1"
    assert detail.sources[0].published == date(2014, 4, 15)
    [created] = detail.revisions
    assert (created.number, created.fatalities, created.article_id) == (1, 3, "ng1")
    assert created.changes == ["created"]
