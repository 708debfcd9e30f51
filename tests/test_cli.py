"""The `sitrep` command end to end, with the real model and a real SQLite file."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.model import ACLED_COLUMNS

pytestmark = pytest.mark.model
runner = CliRunner()

REPORT = ("On Sunday, Taliban fighters attacked a police checkpoint in Kunduz city, "
          "killing five policemen, officials said.\n")


def test_extract_sample_prints_jsonl_events():
    result = runner.invoke(app, ["extract", "--sample", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events, "the sample article yields events"
    assert all(e["article_id"] and e["event_type"] and e["sub_event_type"] for e in events)
    assert all(e["event_date"] is None or e["event_date"] <= "2023-03-14" for e in events)
    # "airstrikes near Lake Chad": a lake of four countries takes the article's country
    strike = next(e for e in events if e["sub_event_type"] == "Air/drone strike")
    assert strike["country"] == "Nigeria" and strike["actor1"].startswith("Military Forces of Nigeria")
    assert strike["geo_precision"] == 3 and strike["where_prec"] == 5


def test_bad_documents_are_named_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "good.txt").write_text(REPORT)
    lines = [json.dumps({"id": "ok-1", "text": REPORT, "published": "2021-06-14"}), "{not json", ""]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "2021-06-14", "-f", "jsonl"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert "batch.jsonl:2" in result.stderr
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines() if line.strip()}
    assert "ok-1" in ids and any(i.endswith("good.txt") for i in ids)


def test_relative_dates_are_not_guessed_without_publication_date(tmp_path):
    (tmp_path / "undated.txt").write_text(REPORT)
    result = runner.invoke(app, ["extract", str(tmp_path / "undated.txt"), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events and all(e["event_date"] is None for e in events)


def test_ingest_twice_adds_nothing_and_exports_acled_csv(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(REPORT)
    db = str(tmp_path / "events.db")
    first = runner.invoke(app, ["ingest", str(source), "--db", db, "--published", "2021-06-14"])
    assert first.exit_code == 0, first.output
    with sqlite3.connect(db) as connection:
        stored = connection.execute("select count(*) from events").fetchone()[0]
    assert stored >= 1
    again = runner.invoke(app, ["ingest", str(source), "--db", db, "--published", "2021-06-14"])
    assert again.exit_code == 0 and "already stored" in again.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from events").fetchone()[0] == stored
    exported = runner.invoke(app, ["export", "--db", db, "--format", "acled-csv"])
    rows = list(csv.reader(io.StringIO(exported.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == stored + 1


def test_geoparse_prints_the_contract_fields(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(REPORT)
    result = runner.invoke(app, ["geoparse", str(source)])
    assert result.exit_code == 0, result.output
    toponyms = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    keys = {"article_id", "start", "end", "text", "geonameid", "name", "country", "admin1",
            "admin2", "latitude", "longitude", "feature_code"}
    assert toponyms and all(keys <= set(t) for t in toponyms)
    kunduz = [t for t in toponyms if t["text"].startswith("Kunduz")]
    assert kunduz and kunduz[0]["country"] in ("Afghanistan", "AF")


def test_gazetteer_lookup_meets_spelling_variants():
    """Three spellings of the city (which is also a province's name) reach the same places."""
    found = []
    for spelling in ("Deir ez-Zor", "Dayr az-Zawr", "Deir Ezzor"):
        result = runner.invoke(app, ["gazetteer", "lookup", spelling, "--country", "SY"])
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        found.append({row["name"] for row in rows if row["feature_code"].startswith("PPL")})
    assert found[0] == found[1] == found[2] and "Deir ez-Zor" in found[0]
