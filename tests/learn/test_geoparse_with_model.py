"""`sitrep geoparse --model DIR`: the model directory's coded places join the gazetteer."""
from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.learn.tables import PLACE_COLUMNS, PLACES_FILE

runner = CliRunner()

# an invented village that no embedded index holds, as an analyst's export coded it
VILLAGE = {"location": "Qaryat Zibdiya", "admin1": "Aleppo", "admin2": "Al Bab", "admin3": "",
           "country": "Syria", "iso3": "SYR", "latitude": "36.41234", "longitude": "37.60321",
           "geo_precision": "1", "count": "3", "precision_counts": "1:3"}


def _toponyms(output: str) -> dict[str, dict]:
    rows = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return {row["text"]: row for row in rows}


def test_geoparse_with_a_model_finds_the_places_its_export_coded(small_model, tmp_path):
    model_dir = tmp_path / "model"
    shutil.copytree(small_model[0], model_dir)
    lines = ["# coded places", "\t".join(PLACE_COLUMNS), "\t".join(VILLAGE[c] for c in PLACE_COLUMNS)]
    (model_dir / PLACES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("Shelling hit Qaryat Zibdiya, a village east of Al-Bab in Aleppo province, "
                      "on Monday.", encoding="utf-8")

    plain = runner.invoke(app, ["geoparse", str(report)])
    learned = runner.invoke(app, ["geoparse", str(report), "--model", str(model_dir)])
    assert plain.exit_code == 0 and learned.exit_code == 0, plain.output + learned.output
    village = _toponyms(learned.output).get("Qaryat Zibdiya")
    assert village is not None and abs(village["latitude"] - 36.41234) < 0.001
    before = _toponyms(plain.output).get("Qaryat Zibdiya")
    assert before is None or before["latitude"] is None or abs(before["latitude"] - 36.41234) > 0.01


def test_geoparse_names_a_directory_that_is_no_model(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Shelling hit Aleppo on Monday.", encoding="utf-8")
    done = runner.invoke(app, ["geoparse", str(report), "--model", str(tmp_path)])
    assert done.exit_code != 0
    said = " ".join(done.output.replace("│", " ").split())  # the error box wraps lines
    assert "is not a model directory" in said
