"""Load benchmark of the REST API: `GET /events` with filters over a store of 100,000+ events.

    python benchmarks/api_load.py                      # 100,000 events, 200 requests a row
    python benchmarks/api_load.py --db /tmp/big.db     # keep (and reuse) the generated store

Fills a SQLite store with synthetic events (seeded, so every run builds the same store)
through `store.add_article` (100 events an article: the store has no bulk path), starts
uvicorn on 127.0.0.1, then for each scenario sends a bounded number of requests from a few
client threads and reports requests/s and latency percentiles. Prints Markdown rows to paste
into BENCHMARKS.md. Only 127.0.0.1 is ever contacted.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

from sitrep.model import Article, Claim, Event
from sitrep.store import EventFilter, open_store

# (country, iso, region, (min_lon, min_lat, max_lon, max_lat), actors)
COUNTRIES = [
    ("Syria", 760, "Middle East", (36.0, 32.5, 42.0, 37.0),
     ["Military Forces of Syria (2000-2024)", "Islamic State (Syria)", "Hayat Tahrir al-Sham"]),
    ("Iraq", 368, "Middle East", (39.0, 29.5, 48.0, 37.0),
     ["Military Forces of Iraq (2020-)", "Islamic State (Iraq)", "Protesters (Iraq)"]),
    ("Nigeria", 566, "Western Africa", (3.0, 5.0, 14.5, 13.5),
     ["Military Forces of Nigeria (2023-)", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
      "Unidentified Armed Group (Nigeria)"]),
    ("Yemen", 887, "Middle East", (42.5, 12.5, 53.0, 19.0),
     ["Military Forces of Yemen (2017-) Houthi", "Military Forces of Yemen (2012-)", "AQAP"]),
    ("Sudan", 729, "Northern Africa", (22.0, 9.0, 38.0, 22.0),
     ["Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces"]),
    ("Mali", 466, "Western Africa", (-12.0, 10.5, 4.0, 24.0),
     ["Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims"]),
    ("Somalia", 706, "Eastern Africa", (41.0, -1.5, 51.0, 11.5),
     ["Military Forces of Somalia (2022-)", "Al Shabaab"]),
    ("Myanmar", 104, "Southeast Asia", (92.5, 10.0, 101.0, 28.0),
     ["Military Forces of Myanmar (2021-)", "PDF: People's Defense Force"]),
]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
         ("Strategic developments", "Looting/property destruction")]
SOURCES = ["SOHR", "SANA", "Reuters", "AFP", "local media"]
WORDS = ["checkpoint", "market", "convoy", "village", "mosque", "school", "airstrike", "ambush"]
START = date(2015, 1, 1)
DAYS = 3650

SCENARIOS: list[tuple[str, str, dict[str, object]]] = [
    ("no filter, limit=100", "/events", {"limit": 100}),
    ("country", "/events", {"country": "Syria"}),
    ("date range (30 days)", "/events", {"event_date_from": "2020-01-01", "event_date_to": "2020-01-31"}),
    ("country + event_type + fatalities_min", "/events",
     {"country": "Nigeria", "event_type": "Battles", "fatalities_min": 5}),
    ("bbox", "/events", {"bbox": "36,33,38,35"}),
    ("actor substring", "/events", {"actor": "boko"}),
    ("q (text)", "/events", {"q": "market"}),
    ("deep page offset=50000", "/events", {"offset": 50_000, "limit": 100}),
    ("geojson, limit=1000", "/events", {"country": "Iraq", "format": "geojson", "limit": 1000}),
    ("csv, limit=1000", "/events", {"format": "csv", "limit": 1000}),
    # under the timeline's 10,000-event cap (a whole country of synthetic events is above it)
    ("timeline, one country and type (unpaged)", "/timeline", {"country": "Somalia", "event_type": "Battles"}),
]


def synthetic_event(rng: random.Random, n: int) -> Event:
    country, iso, region, (x0, y0, x1, y1), actors = rng.choice(COUNTRIES)
    event_type, sub_type = rng.choice(TYPES)
    day = START + timedelta(days=rng.randrange(DAYS))
    fatalities = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 20, 50])
    a1, a2 = rng.sample(actors, 2)
    source = rng.choice(SOURCES)
    claims = [Claim(kind="killed", value=fatalities, source=source)] if fatalities else []
    return Event(event_id_cnty=f"{country[:3].upper()}{n}", event_date=day.isoformat(),
                 year=day.year, time_precision=1, event_type=event_type, sub_event_type=sub_type,
                 actor1=a1, actor2=a2, country=country, iso=iso, region=region,
                 admin1=f"{country} province {rng.randrange(12)}", location=f"Place {n}",
                 latitude=round(rng.uniform(y0, y1), 4), longitude=round(rng.uniform(x0, x1), 4),
                 geo_precision=1, source=source, fatalities=fatalities, claims=claims,
                 notes=f"Synthetic event near a {rng.choice(WORDS)}.")


def fill(db: Path, events: int, per_article: int = 100, seed: int = 6) -> int:
    """Add synthetic articles until the store holds at least `events` events."""
    started = time.perf_counter()
    with open_store(db) as store:
        n = store.count(EventFilter())
        rng = random.Random(f"{seed}:{n}")  # resuming a store must not replay earlier events
        batch = 0
        analyzed = n >= 5_000
        while n < events:
            if not analyzed and n >= 5_000:
                # without table statistics SQLite answers the store's merge lookup from the
                # event_type index (a scan of a seventh of the store per insert, so filling
                # is quadratic); ANALYZE lets it use the date index: ~40 ms -> ~1 ms an event
                with sqlite3.connect(db) as stats:
                    stats.execute("ANALYZE")
                analyzed = True
            items = [synthetic_event(rng, n + i) for i in range(per_article)]
            article = Article(id=f"synthetic:{batch}:{n}", text=f"Synthetic report {batch} {n}.",
                              published=date(2025, 1, 1), source="benchmark")
            store.add_article(article, items)
            n = store.count(EventFilter())  # a few may merge into earlier events
            batch += 1
            if batch % 50 == 0:
                print(f"  {n:,} events ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        return n


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SITREP_DB": str(db)}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "sitrep.web:app_from_env",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/ui/config", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("uvicorn did not start within 60 s")


def run_scenario(base: str, path: str, params: dict[str, object], requests: int,
                 concurrency: int, budget_s: float) -> tuple[float, list[float], int]:
    """(requests/s, latencies in ms, total matches): `requests` requests, fewer if the
    scenario runs past `budget_s` seconds (each client thread stops starting new ones)."""
    local = threading.local()
    latencies: list[float] = []
    lock = threading.Lock()

    def one(_: int) -> str:
        if time.perf_counter() > deadline:
            return ""
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=120)
        t0 = time.perf_counter()
        response = client.get(path, params=params)  # type: ignore[arg-type]
        elapsed = (time.perf_counter() - t0) * 1000
        response.raise_for_status()
        with lock:
            latencies.append(elapsed)
        return response.headers.get("x-total-count", "")

    with httpx.Client(base_url=base, timeout=120) as warm:  # first query warms SQLite's cache
        total = warm.get(path, params=params).headers.get("x-total-count", "")  # type: ignore[arg-type]
    started = time.perf_counter()
    deadline = started + budget_s
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    return len(latencies) / wall, latencies, int(total) if total else -1


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="store to build or reuse (default: a temp file)")
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds per scenario at most (slow scenarios send fewer requests)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        t0 = time.perf_counter()
        stored = fill(db, args.events)
        fill_s = time.perf_counter() - t0
        print(f"store: {stored:,} events in {db} (filled in {fill_s:.0f} s)", file=sys.stderr)
        port = free_port()
        server = start_server(db, port)
        rows = []
        try:
            for name, path, params in SCENARIOS:
                count = args.requests
                rate, latencies, total = run_scenario(f"http://127.0.0.1:{port}", path, params,
                                                      count, args.concurrency, args.budget)
                row = (f"| GET {path} {name} | {total:,} | {len(latencies)} | {args.concurrency} | "
                       f"{rate:,.1f} | {statistics.median(latencies):,.1f} | "
                       f"{percentile(latencies, 0.99):,.1f} |")
                print(row, file=sys.stderr)
                rows.append(row)
        finally:
            server.terminate()
            server.wait(timeout=30)
    load = os.getloadavg()[0]  # a shared machine: say how busy it was
    print(f"\n### REST API load ({stored:,} synthetic events, SQLite, 1 uvicorn worker, "
          f"{os.cpu_count()} cores, load average {load:.1f}, 127.0.0.1)\n")
    print("| request | matches | requests | client threads | req/s | p50 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
