"""A real SQLite store in tmp_path, filled with hand-built events, behind the web app."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from sitrep.model import Article, Claim, Event, Evidence
from sitrep.store import open_store
from sitrep.web import create_app

TOKEN = "test-token-123"

DEIR = ("Activists on the ground say Islamic State fighters killed 135 people in "
        "Al-Baghaliyeh on Saturday. State media SANA reported 300 dead. "
        "The Syrian Observatory (SOHR) said 135 civilians were executed.")
# an article that tries to run script in whoever displays it
HOSTILE = ('Boko Haram attacked Konduga <script>window.__pwned = "script";</script> and '
           '<img src=x onerror="window.__pwned = \'img\'"> killed 12 villagers, police said.')
BORNO_TEXT = "Clashes between the army and Boko Haram near Maiduguri left 7 dead."


def span(text: str, field: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence(field=field, start=start, end=start + len(words), text=words)


def make_event(**fields: object) -> Event:
    base: dict[str, object] = dict(
        event_type="Battles", sub_event_type="Armed clash", event_date="2016-01-16", year=2016,
        country="Nigeria", admin1="Borno", location="Maiduguri", latitude=11.85,
        longitude=13.16, actor1="Military Forces of Nigeria (2015-2023)",
        actor2="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", fatalities=7,
        iso=566, region="Western Africa")
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def deir_event() -> Event:
    return make_event(
        event_id_cnty="SYR1", event_type="Violence against civilians", sub_event_type="Attack",
        country="Syria", admin1="Deir ez-Zor", location="Al-Baghaliyeh", latitude=35.36,
        longitude=40.11, iso=760, region="Middle East", actor1="Islamic State (Syria)",
        actor2="Civilians (Syria)", fatalities=135, fatalities_low=135, fatalities_high=300,
        notes="IS fighters killed civilians in Al-Baghaliyeh.",
        claims=[Claim(kind="killed", value=135, source="SOHR", evidence=span(DEIR, "fatalities", "135 civilians")),
                Claim(kind="killed", value=300, source="SANA", evidence=span(DEIR, "fatalities", "300 dead"))],
        evidence=[span(DEIR, "actor1", "Islamic State fighters"),
                  span(DEIR, "location", "Al-Baghaliyeh"),
                  span(DEIR, "event_date", "on Saturday")])


def fill(db: Path) -> None:
    """5 hand-built articles, 34 events: Syria 1, Nigeria 31 (30 in a series), Iraq 2."""
    with open_store(db) as store:
        store.add_article(Article(id="deir", text=DEIR, published=date(2016, 1, 18),
                                  title="Massacre in Deir ez-Zor", source="Example News",
                                  url="https://example.org/deir"), [deir_event()])
        store.add_article(Article(id="hostile", text=HOSTILE, published=date(2016, 2, 2),
                                  title='<b onmouseover="x">Konduga</b>', source="Wire",
                                  url="javascript:alert(1)"),
                          [make_event(event_id_cnty="NIG1", event_type="Violence against civilians",
                                      sub_event_type="Attack", event_date="2016-02-01",
                                      location="Konduga", latitude=11.65, longitude=13.42,
                                      actor1="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
                                      actor2="Civilians (Nigeria)", fatalities=12,
                                      evidence=[span(HOSTILE, "location", "Konduga"),
                                                span(HOSTILE, "fatalities", "killed 12 villagers")])])
        series = [make_event(event_id_cnty=f"NIG{100 + n}",
                             event_date=(date(2016, 3, 1) + timedelta(days=n)).isoformat(),
                             fatalities=n % 4, latitude=11.8 + n / 100, longitude=13.1)
                  for n in range(30)]
        store.add_article(Article(id="borno", text=BORNO_TEXT, published=date(2016, 4, 1)), series)
        store.add_article(Article(id="iraq", text="Protesters gathered in Baghdad; Basra too."), [
            make_event(event_id_cnty="IRQ1", event_type="Protests", sub_event_type="Peaceful protest",
                       event_date="2019-10-01", country="Iraq", admin1="Baghdad", location="Baghdad",
                       latitude=33.34, longitude=44.4, actor1="Protesters (Iraq)", actor2=None,
                       fatalities=0, iso=368, region="Middle East"),
            make_event(event_id_cnty="IRQ2", event_type="Protests", sub_event_type="Peaceful protest",
                       event_date="2019-10-02", country="Iraq", admin1="Basra", location=None,
                       latitude=None, longitude=None, actor1="Protesters (Iraq)", actor2=None,
                       fatalities=0, iso=368, region="Middle East")])


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    fill(path)
    return path


@pytest.fixture()
def client(db: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.delenv("SITREP_API_TOKEN", raising=False)
    monkeypatch.delenv("SITREP_TILES", raising=False)
    return TestClient(create_app(str(db), token=TOKEN))


@pytest.fixture()
def samples() -> SimpleNamespace:
    """The token and builders above, for tests (test modules do not import conftest)."""
    return SimpleNamespace(token=TOKEN, deir_event=deir_event, span=span, deir_text=DEIR)
