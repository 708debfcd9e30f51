"""The SQLite store on a real file in tmp_path: dedup, all-or-nothing writes, round trips."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sitrep.model import ACLED_COLUMNS, Article, Claim, Event, Evidence
from sitrep.store import SCHEMA_VERSION, Store, StoreError, open_store
from sitrep.store.sqlite import SQLiteStore

TEXT = ("Activists on the ground claim the attacks killed 135, but state run media SANA "
        "reported 300 dead. The Syrian Observatory said 85 family members were killed.")


def article(text: str = TEXT, article_id: str = "seed:1") -> Article:
    return Article(id=article_id, text=text, published=date(2016, 1, 18), title="Massacre",
                   url="https://example.org/1", source="Example")


def event(**fields) -> Event:
    base = dict(
        event_id_cnty="SYR1", event_date="2016-01-16", year=2016, time_precision=1,
        disorder_type="Political violence", event_type="Violence against civilians",
        sub_event_type="Attack", actor1="Islamic State (Syria)", inter1=2,
        actor2="Civilians (Syria)", inter2=7, interaction=27, civilian_targeting="Civilian targeting",
        iso=760, region="Middle East", country="Syria", admin1="Deir ez-Zor", admin2="Deir ez-Zor",
        location="Al-Baghaliyeh", latitude=35.3614, longitude=40.1122, geo_precision=1,
        source="SOHR; SANA", source_scale="National-International", notes="IS attacked.",
        fatalities=85, tags=None, timestamp=1453248000, fatalities_low=85, fatalities_high=300,
        geonameid=170794, confidence=0.8,
        claims=[
            Claim(kind="killed", value=85, source="SOHR",
                  evidence=Evidence(field="fatalities", start=150, end=152, text="85")),
            Claim(kind="killed", value=300, qualifier="about", source="SANA",
                  evidence=Evidence(field="fatalities", start=80, end=83, text="300")),
        ],
        evidence=[Evidence(field="actor1", start=0, end=9, text="Activists")],
    )
    base.update(fields)
    return Event(**base)


def stored(e: Event, article_id: str = "seed:1") -> Event:
    """What the store gives back: the event linked to its article."""
    return e.model_copy(update={"article_id": article_id,
                                "article_ids": list(dict.fromkeys([article_id, *e.article_ids]))})


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "event_sources", "claims")}


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sitrep.db"


@pytest.fixture()
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened


def test_open_creates_schema_in_wal_mode(db_path: Path, store: SQLiteStore) -> None:
    assert db_path.exists()
    assert store.schema_version == SCHEMA_VERSION
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        columns = [row[1] for row in db.execute("PRAGMA table_info(events)")]
        article_columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    assert set(ACLED_COLUMNS) <= set(columns)
    assert {"article_id", "fatalities_low", "fatalities_high", "geonameid", "confidence",
            "claims", "evidence"} <= set(columns)
    assert article_columns == {"id", "content_hash", "text", "title", "url", "source",
                               "published", "ingested_at"}


def test_reopen_keeps_data_and_does_not_migrate_again(db_path: Path) -> None:
    with open_store(db_path) as first:
        assert first.add_article(article(), [event()])
    with open_store(db_path) as second:
        assert [e.event_id_cnty for e in second.events()] == ["SYR1"]
    with sqlite3.connect(db_path) as db:
        versions = db.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as db:
        db.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path)


def test_reingest_adds_nothing(db_path: Path, store: SQLiteStore) -> None:
    assert store.add_article(article(), [event()]) is True
    before = table_counts(db_path)
    assert store.add_article(article(), [event(), event()]) is False
    assert store.add_article(article(article_id="other-id"), [event()]) is False  # same content
    assert table_counts(db_path) == before == {"articles": 1, "events": 1, "event_sources": 1,
                                               "claims": 2}


def test_same_id_with_other_text_is_refused(db_path: Path, store: SQLiteStore) -> None:
    store.add_article(article(), [event()])
    with pytest.raises(StoreError, match="seed:1"):
        store.add_article(article(text=TEXT + " Updated."), [event()])
    assert table_counts(db_path)["articles"] == 1


def test_constraint_failure_mid_article_writes_nothing(db_path: Path, store: SQLiteStore) -> None:
    bad = event(latitude=535.0)  # pydantic lets it through; the store's CHECK does not
    with pytest.raises(StoreError, match="seed:1.*CHECK constraint"):
        store.add_article(article(), [event(), bad])
    assert table_counts(db_path) == {"articles": 0, "events": 0, "event_sources": 0, "claims": 0}
    # the store is still usable, and the corrected article goes in
    assert store.add_article(article(), [event()]) is True
    assert table_counts(db_path)["events"] == 1


def test_exception_after_the_article_row_rolls_everything_back(
        db_path: Path, store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    original = SQLiteStore._insert_event
    calls = []

    def fail_on_second(self, article_id, position, e):
        calls.append(position)
        if position == 1:
            raise RuntimeError("disk on fire")
        original(self, article_id, position, e)

    monkeypatch.setattr(SQLiteStore, "_insert_event", fail_on_second)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add_article(article(), [event(), event(event_id_cnty="SYR2")])
    assert calls == [0, 1]
    assert table_counts(db_path) == {"articles": 0, "events": 0, "event_sources": 0, "claims": 0}
    # another connection sees nothing either (nothing was committed)
    with open_store(db_path) as other:
        assert list(other.articles()) == []


def test_events_round_trip_with_claims_and_evidence(store: SQLiteStore) -> None:
    events = [event(), event(event_id_cnty="SYR2", event_type="Battles", sub_event_type="Armed clash",
                             claims=[], evidence=[], latitude=None, longitude=None,
                             article_ids=["elsewhere:9"], confidence=None)]
    store.add_article(article(), events)
    back = list(store.events())
    assert back == [stored(events[0]), stored(events[1])]
    assert back[1].article_ids == ["seed:1", "elsewhere:9"]
    assert back[0].claims[1].evidence == Evidence(field="fatalities", start=80, end=83, text="300")


def test_claims_table_mirrors_the_claims(db_path: Path, store: SQLiteStore) -> None:
    store.add_article(article(), [event()])
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT kind, value, qualifier, source, evidence_text FROM claims "
                          "ORDER BY position").fetchall()
    assert rows == [("killed", 85, "exact", "SOHR", "85"), ("killed", 300, "about", "SANA", "300")]


def test_articles_round_trip(store: SQLiteStore) -> None:
    store.add_article(article(), [])
    undated = Article(id="plain", text="Another report about shelling.")
    store.add_article(undated, [])
    assert list(store.articles()) == [article(), undated]
    assert store.get_article("plain") == undated
    assert store.get_article("missing") is None


def test_filters_and_order(store: SQLiteStore) -> None:
    store.add_article(article(), [event(), event(event_id_cnty="SYR2", event_date="2016-01-20")])
    store.add_article(article(text="Clashes in Borno killed 12.", article_id="ng"), [
        event(event_id_cnty="NGA1", country="Nigeria", event_type="Battles",
              sub_event_type="Armed clash", event_date="2023-03-14")])
    ids = lambda **f: [e.event_id_cnty for e in store.events(**f)]  # noqa: E731
    assert ids() == ["SYR1", "SYR2", "NGA1"]  # ingestion order, primary event first
    assert ids(country="syria") == ["SYR1", "SYR2"]
    assert ids(event_type="Battles") == ["NGA1"]
    assert ids(since="2016-01-17") == ["SYR2", "NGA1"]
    assert ids(since=date(2016, 1, 1), until=date(2016, 1, 16)) == ["SYR1"]
    assert ids(article_id="ng") == ["NGA1"]
    assert ids(limit=1) == ["SYR1"]


def test_stats(store: SQLiteStore) -> None:
    store.add_article(article(), [event(), event(event_date="2016-02-01", fatalities=5)])
    store.add_article(article(text="Protest in Haifa.", article_id="il"), [
        event(country=None, event_type="Protests", sub_event_type="Peaceful protest",
              event_date=None, fatalities=0)])
    assert store.stats() == {
        "articles": 2, "events": 3, "fatalities": 90,
        "by_country": {"Syria": 2, "unknown": 1},
        "by_event_type": {"Violence against civilians": 2, "Protests": 1},
        "by_month": {"2016-01": 1, "2016-02": 1, "unknown": 1},
    }


def test_misspelt_filter_is_an_error(store: SQLiteStore) -> None:
    with pytest.raises(TypeError):
        store.events(countri="Syria")  # type: ignore[call-arg]
    with pytest.raises(ValueError):
        list(store.events(since="last week"))


def test_a_version_1_store_is_migrated_and_merges(db_path: Path) -> None:
    """A store written before merging existed: backfilled sources, claims and history."""
    from sitrep.store.schema import MIGRATIONS, statements_for

    with sqlite3.connect(db_path) as db:
        db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                   "description TEXT NOT NULL, applied_at TEXT NOT NULL)")
        for statement in statements_for(MIGRATIONS[0][2], "sqlite"):
            db.execute(statement)
        db.execute("INSERT INTO schema_version VALUES (1, 'v1', 'then')")
    # what the version 1 store wrote, through its own SQL
    with sqlite3.connect(db_path) as db:
        db.execute("INSERT INTO articles (id, content_hash, text, ingested_at) "
                   "VALUES ('old', 'h', 't', 'then')")
        db.execute("INSERT INTO events (id, article_id, position, event_id_cnty, event_date, "
                   "event_type, sub_event_type, country, location, latitude, longitude, "
                   "geo_precision, time_precision, fatalities, timestamp) VALUES (7, 'old', 0, "
                   "'SYR1', '2016-01-16', 'Violence against civilians', 'Attack', 'Syria', "
                   "'Al-Baghaliyeh', 35.3614, 40.1122, 1, 1, 85, 1453248000)")
        db.execute("INSERT INTO event_sources (event_id, article_id) VALUES (7, 'old')")
        db.execute("INSERT INTO claims (event_id, position, kind, value, qualifier, source) "
                   "VALUES (7, 0, 'killed', 85, 'exact', 'SOHR')")
    with open_store(db_path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        before = migrated.get_event("SYR1")
        assert before is not None
        assert [(r.number, r.fatalities, r.changes) for r in before.revisions] == [
            (1, 85, ["created"])]
        update = event(claims=[Claim(kind="killed", value=120, source="SOHR")], fatalities=120,
                       actor1=None, actor2=None)
        assert migrated.add_article(article(article_id="new"), [update])
        after = migrated.get_event("SYR1")
    assert after is not None
    assert after.event.article_ids == ["old", "new"]
    assert after.event.fatalities == 120  # SOHR's later figure supersedes its first
    assert [r.number for r in after.revisions] == [1, 2]
