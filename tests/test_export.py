"""Exports parse back: CSV headers, JSONL records, valid GeoJSON; the terminal table."""
from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from sitrep.export import CSV_COLUMNS, FORMATS, claims_summary, render_table, write_events
from sitrep.model import ACLED_COLUMNS, Article, Claim, Event, Evidence
from sitrep.store import open_store


def located() -> Event:
    return Event(
        event_id_cnty="SYR1", event_date="2016-01-16", year=2016, event_type="Violence against civilians",
        sub_event_type="Attack", actor1="Islamic State (Syria)", actor2="Civilians (Syria)",
        country="Syria", admin1="Deir ez-Zor", location="Al-Baghaliyeh", latitude=35.3614,
        longitude=40.1122, geo_precision=1, fatalities=85, fatalities_low=85, fatalities_high=300,
        notes='Said "at least 50", then, later, 85.', article_id="seed:1", article_ids=["seed:1", "x:2"],
        claims=[Claim(kind="killed", value=85, source="SOHR"),
                Claim(kind="killed", value=300, source="SANA",
                      evidence=Evidence(field="fatalities", start=3, end=6, text="300"))],
        evidence=[Evidence(field="location", start=10, end=23, text="Al-Baghaliyeh")])


def unlocated() -> Event:
    return Event(event_type="Protests", sub_event_type="Peaceful protest", country="Israel",
                 actor1="Protesters (Israel) [medical interns]")


def export(fmt: str, events: list[Event], **options) -> str:
    out = io.StringIO()
    write_events(events, fmt, out, **options)
    return out.getvalue()


def test_acled_csv_is_exactly_the_acled_columns() -> None:
    rows = list(csv.reader(io.StringIO(export("acled-csv", [located(), unlocated()]))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    record = dict(zip(rows[0], rows[1]))
    assert record["event_id_cnty"] == "SYR1" and record["latitude"] == "35.3614"
    assert record["notes"] == 'Said "at least 50", then, later, 85.'  # quoting survives
    assert dict(zip(rows[0], rows[2]))["latitude"] == ""  # None -> empty cell, as ACLED
    assert len(rows) == 3


def test_flat_csv_has_every_scalar_field() -> None:
    reader = csv.DictReader(io.StringIO(export("csv", [located()])))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    assert CSV_COLUMNS[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    [row] = list(reader)
    assert row["fatalities_high"] == "300" and row["article_id"] == "seed:1"
    assert row["article_ids"] == "seed:1;x:2"
    assert "claims" not in row and "evidence" not in row


def test_jsonl_round_trips_full_records() -> None:
    events = [located(), unlocated()]
    lines = export("jsonl", events).splitlines()
    assert [Event.model_validate_json(line) for line in lines] == events


def test_geojson_is_a_valid_feature_collection() -> None:
    data = json.loads(export("geojson", [located(), unlocated()]))
    assert data["type"] == "FeatureCollection"
    first, second = data["features"]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [40.1122, 35.3614]}  # lon, lat
    assert first["properties"]["claims"][1]["source"] == "SANA"
    assert second["geometry"] is None  # unlocated events stay, with null geometry (RFC 7946)
    located_only = json.loads(export("geojson", [located(), unlocated()], located_only=True))
    assert len(located_only["features"]) == 1


def test_empty_exports_are_still_valid() -> None:
    assert json.loads(export("geojson", [])) == {"type": "FeatureCollection", "features": []}
    assert export("acled-csv", []).strip() == ",".join(ACLED_COLUMNS)
    assert export("jsonl", []) == ""


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export("xlsx", [located()])
    assert set(FORMATS) == {"jsonl", "csv", "acled-csv", "geojson"}


def test_claims_summary() -> None:
    assert claims_summary(located().claims) == "SOHR: 85; SANA: 300"
    assert claims_summary([Claim(kind="abducted", value=400, qualifier="at_least")]) == "? ≥400 abducted"


def test_render_table() -> None:
    console = Console(record=True, width=200)
    assert render_table([located(), unlocated()], console) == 2
    text = console.export_text()
    for expected in ("2016-01-16", "Attack", "Islamic State (Syria)", "Al-Baghaliyeh, Deir ez-Zor, Syria",
                     "85 (85-300)", "SOHR: 85; SANA: 300", "[medical interns]"):
        assert expected in text
    empty = Console(record=True)
    render_table([], empty)
    assert "no events" in empty.export_text()


def test_export_from_a_store(tmp_path) -> None:
    with open_store(tmp_path / "sitrep.db") as store:
        store.add_article(Article(id="seed:1", text="Report text."), [located(), unlocated()])
        data = json.loads(export("geojson", store.events(country="Syria")))
    assert [f["properties"]["event_id_cnty"] for f in data["features"]] == ["SYR1"]
