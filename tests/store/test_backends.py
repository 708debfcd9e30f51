"""What every backend must do alike: migrations, dedup, all-or-nothing, round trips, stats."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep.model import Evidence
from sitrep.store import SCHEMA_VERSION, EventStore, StoreError, open_store
from sitrep.store.sql import SQLStore
from store_factory import article, event, killed, open_backend


@pytest.fixture()
def reopen(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], EventStore]:
    """Another connection to the same store as `store`."""
    return lambda: open_backend(backend, request, tmp_path)


def counts(store: EventStore) -> dict[str, int]:
    assert isinstance(store, SQLStore)
    return {t: store._run(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "events", "event_sources", "claims", "event_revisions")}


def test_migrations_run_once(store: EventStore, reopen: Callable[[], EventStore]) -> None:
    assert isinstance(store, SQLStore)
    assert store.schema_version == SCHEMA_VERSION
    store.add_article(article("x"), [event()])
    with reopen() as again:
        assert isinstance(again, SQLStore)
        versions = [v for (v,) in again._run("SELECT version FROM schema_version ORDER BY 1")]
        assert versions == list(range(1, SCHEMA_VERSION + 1))
        assert [e.article_id for e in again.events()] == ["x"]


def test_newer_schema_is_refused(store: EventStore, reopen: Callable[[], EventStore]) -> None:
    assert isinstance(store, SQLStore)
    store._run("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    with pytest.raises(StoreError, match="newer"):
        reopen()


def test_reingest_adds_nothing(store: EventStore) -> None:
    same = article("one")
    assert store.add_article(same, [event()]) is True
    before = counts(store)
    assert store.add_article(same, [event(), event()]) is False
    assert store.add_article(same.model_copy(update={"id": "other"}), [event()]) is False
    assert counts(store) == before == {"articles": 1, "events": 1, "event_sources": 1,
                                       "claims": 0, "event_revisions": 1}
    with pytest.raises(StoreError, match="one"):
        store.add_article(article("one", text="Another text."), [])


def test_refused_record_mid_article_writes_nothing(store: EventStore) -> None:
    store.add_article(article("first"), [event(fatalities=2, claims=[killed(2)])])
    before = counts(store)
    # the second event repeats the stored one (a merge) and the third breaks a CHECK:
    # the merge must be undone with the rest
    with pytest.raises(StoreError, match="bad"):
        store.add_article(article("bad"), [event(event_date="2015-01-01"), event(fatalities=9),
                                           event(latitude=535.0)])
    assert counts(store) == before
    [kept] = store.events()
    assert (kept.fatalities, kept.article_ids) == (2, ["first"])
    assert store.add_article(article("good"), [event(fatalities=9)]) is True  # still usable


def test_round_trip(store: EventStore) -> None:
    stored = event(claims=[killed(3, "police")], evidence=[Evidence(field="actor1", start=0, end=4,
                                                                    text="Boko")],
                   article_ids=["elsewhere:9"], fatalities_low=3, fatalities_high=5,
                   geonameid=2334802, confidence=0.75, assoc_actor_1="A; B", admin3="X",
                   tags="crowd size=no report", civilian_targeting="Civilian targeting")
    store.add_article(article("rt"), [stored])
    [back] = store.events()
    assert back == stored.model_copy(update={"article_id": "rt", "article_ids": ["rt", "elsewhere:9"]})
    assert store.get_article("rt") is not None and store.get_article("missing") is None
    assert [a.id for a in store.articles()] == ["rt"]


def test_stats(store: EventStore) -> None:
    store.add_article(article("s1"), [event(fatalities=5), event(
        event_type="Protests", sub_event_type="Peaceful protest", country=None,
        event_date=None, actor1="Protesters (Nigeria)", fatalities=0)])
    assert store.stats() == {
        "articles": 1, "events": 2, "fatalities": 5,
        "by_country": {"Nigeria": 1, "unknown": 1},
        "by_event_type": {"Protests": 1, "Violence against civilians": 1},
        "by_month": {"2014-04": 1, "unknown": 1},
    }


def test_unreachable_postgres_names_the_server_not_the_password() -> None:
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/x") as caught:
        open_store("postgresql://sitrep:secret@127.0.0.1:1/x")
    assert "secret" not in str(caught.value)
