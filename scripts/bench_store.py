"""Merge throughput of a store holding N events: `python scripts/bench_store.py [N] [TARGET]`.

Loads N synthetic events (bulk, one transaction), then times `add_article` for 1000 new
reports, half of them repeats of stored events (merged), half new; prints articles/s and
the query plan of the candidate lookup. TARGET: a SQLite path (default a temp file) or a
postgresql:// URL (tables in a throwaway schema).
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.model import Article, Claim, Event
from sitrep.store import open_store
from sitrep.store.sql import SQLStore

REPORTS = 1000
SUB_TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
             ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
             ("Explosions/Remote violence", "Shelling/artillery/missile attack")]
ACTORS = ["Military Forces of Syria", "Islamic State (Syria)", "Hayat Tahrir al-Sham",
          "Civilians (Syria)", "Protesters (Syria)", "SDF: Syrian Democratic Forces"]


def synthetic(rng: random.Random, n: int) -> Event:
    event_type, sub = rng.choice(SUB_TYPES)
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(730))
    a1, a2 = rng.sample(ACTORS, 2)
    fatalities = rng.randrange(20)
    return Event(event_id_cnty=f"SYR{n}", event_date=day.isoformat(), year=day.year,
                 time_precision=rng.choice([1, 1, 1, 2, 3]), event_type=event_type,
                 sub_event_type=sub, actor1=a1, actor2=a2, country="Syria",
                 admin1=f"Region {rng.randrange(14)}", location=f"Place {rng.randrange(5000)}",
                 latitude=32.5 + rng.random() * 4.5, longitude=35.7 + rng.random() * 6.3,
                 geo_precision=rng.choice([1, 1, 2, 3]), source="Bench", fatalities=fatalities,
                 claims=[Claim(kind="killed", value=fatalities, source="Bench")])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    target = sys.argv[2] if len(sys.argv) > 2 else str(Path(tempfile.mkdtemp()) / "bench.db")
    schema = f"bench_{int(time.time())}" if target.startswith("postgres") else None
    rng = random.Random(6)
    store = open_store(target, schema=schema)
    assert isinstance(store, SQLStore)
    stored = [synthetic(rng, i) for i in range(n)]
    started = time.perf_counter()
    store._begin()
    store._run("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES (?, ?, ?, ?)",
               ("bulk", "bulk", "bulk", "now"))
    for position, e in enumerate(stored):
        store._insert_event("bulk", position, e)
    store._run("COMMIT")
    print(f"loaded {n} events in {time.perf_counter() - started:.1f}s")

    reports = []
    for i in range(REPORTS):
        if i % 2:
            again = rng.choice(stored)  # a repeat: same event, another outlet, a new toll
            reports.append(again.model_copy(update={
                "event_id_cnty": f"NEW{i}", "source": f"Outlet {i}", "fatalities": again.fatalities + 1,
                "claims": [Claim(kind="killed", value=again.fatalities + 1, source=f"Outlet {i}")]}))
        else:
            reports.append(synthetic(rng, n + i).model_copy(update={"event_id_cnty": f"NEW{i}"}))
    started = time.perf_counter()
    for i, e in enumerate(reports):
        store.add_article(Article(id=f"new{i}", text=f"report {i}", source=f"Outlet {i}"), [e])
    elapsed = time.perf_counter() - started
    events = store.count(__import__("sitrep.store", fromlist=["EventFilter"]).EventFilter())
    print(f"{REPORTS} articles in {elapsed:.2f}s ({REPORTS / elapsed:.0f} articles/s); "
          f"{n + REPORTS - events} merged of {REPORTS // 2} repeats; {events} events")
    # the bounding-box lookup of candidates (store._find_match)
    probe = (f"SELECT e.id FROM events e {store._indexed('events_when_where')} WHERE "
             "e.event_date BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ? "
             "AND e.longitude BETWEEN ? AND ? AND e.event_type = ?")
    params = ("2020-05-01", "2020-05-31", 33.0, 34.8, 36.0, 38.2, "Battles")
    explain = "EXPLAIN QUERY PLAN " if store.dialect == "sqlite" else "EXPLAIN "
    for row in store._run(explain + probe, params).fetchall():
        print("  plan:", row[-1])
    if schema:
        store._run(f"DROP SCHEMA {schema} CASCADE")
    store.close()


if __name__ == "__main__":
    main()
