"""`--explain` on `sitrep geoparse` and `sitrep extract`: the chosen place and its score terms."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.gazetteer.explain import format_terms

pytestmark = pytest.mark.model
runner = CliRunner()

REPORT = ("Syrian government forces shelled the town of Tafas in Daraa province on Monday, "
          "killing two civilians, while clashes continued near Al-Bab.\n")


def test_format_terms_largest_effect_first():
    assert format_terms({"population": 0.64, "fuzzy": -0.8, "focus": 1.6, "total": 1.44}) == \
        "focus +1.60, fuzzy -0.80, population +0.64"


def test_geoparse_explain_keeps_stdout_and_explains_every_toponym(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT)
    plain = runner.invoke(app, ["geoparse", str(tmp_path / "report.txt")])
    explained = runner.invoke(app, ["geoparse", str(tmp_path / "report.txt"), "--explain"])
    assert plain.exit_code == explained.exit_code == 0, explained.output
    assert explained.stdout == plain.stdout  # JSON lines unchanged; the table goes to stderr
    toponyms = [json.loads(line) for line in plain.stdout.splitlines()]
    assert {"Tafas", "Al-Bab"} <= {t["text"] for t in toponyms}
    table = explained.stderr.splitlines()
    for toponym in toponyms:
        row = next(line for line in table if line.startswith(f"│ {toponym['text']} "))
        if toponym["name"]:
            assert f"{toponym['name']} ({toponym['geonameid']})" in row
            assert "focus +" in row or "population +" in row  # score terms are shown
    assert "score terms" in explained.stderr


def test_extract_explain_shows_each_events_place(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT)
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "2021-06-14",
                                 "-f", "jsonl", "--explain"])
    assert result.exit_code == 1  # the empty file is named; the report is still processed
    assert "empty.txt" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events
    for number, event in enumerate(events, 1):
        row = next(line for line in result.stderr.splitlines()
                   if line.startswith(f"│ {number}. {event['sub_event_type']} @ "))
        if event["location"]:
            assert f"{event['location']} ({event['geonameid']})" in row
            assert "+" in row.split("│")[-2]  # its score terms
