"""Training a model directory, loading it, and its manifest."""
from __future__ import annotations

import csv
import json
import time

import pytest

from sitrep.evaluate.splits import country_split
from sitrep.learn import LearnedModel, Manifest, run_train, train_from_acled
from sitrep.learn.acled import file_sha256
from sitrep.learn.tables import read_tsv


def test_manifest_describes_the_training(small_model, csv_2020, composed_rows):
    out, manifest = small_model
    assert Manifest.load(out) == manifest
    assert manifest.training_data["sha256"] == file_sha256(csv_2020)
    assert manifest.training_data["rows"] == len(composed_rows)
    held = manifest.holdout
    assert held["kind"] == "country" and held["split_seed"]
    assert set(held["test_countries"]) == {"Mexico", "Lebanon"}
    assert all(country_split(c) == "dev" for c in held["train_countries"])
    assert held["train_rows"] + held["test_rows"] == len(composed_rows)
    scores = manifest.scores
    for key in ("event_type_accuracy", "sub_event_weighted_f1", "sub_event_accuracy"):
        assert 0.0 <= scores[key] <= 1.0
    assert scores["rows"] == held["test_rows"]
    assert {p for p in ("classifier.npz", "classifier.json", "actors.tsv", "gazetteer.tsv",
                        "manifest.json")} <= set(manifest.files)
    assert json.loads((out / "manifest.json").read_text())["sitrep_version"]


def test_load_and_predict(small_model):
    out, manifest = small_model
    model = LearnedModel.load(out)
    texts = ["Hundreds of teachers protested peacefully in the capital demanding unpaid salaries.",
             "Warplanes carried out air strikes on the outskirts of the town.",
             "Gunmen kidnapped a trader and demanded a ransom."]
    predicted = model.predict(texts)
    assert [p[0] for p in predicted] == ["Peaceful protest", "Air/drone strike",
                                         "Abduction/forced disappearance"]
    assert [p[1] for p in predicted] == ["Protests", "Explosions/Remote violence",
                                         "Violence against civilians"]
    assert all(0.0 < p[2] <= 1.0 for p in predicted)
    assert model.predict([]) == []
    # held-out countries' notes use the same wording here, so they are classified right
    assert manifest.scores["sub_event_weighted_f1"] >= 0.9


def test_tables_are_editable_tsv(small_model):
    out, _ = small_model
    actors = {row["name"]: row for row in read_tsv(out / "actors.tsv")}
    assert actors["Military Forces of Yemen"]["inter"] == "1"
    assert actors["Protesters (India)"]["inter_label"] == "Protesters"
    assert "Military Forces of Mexico" not in actors  # test countries are held back from tables too
    places = read_tsv(out / "gazetteer.tsv")
    taiz = next(row for row in places if row["location"] == "Taiz")
    assert taiz["country"] == "Yemen" and taiz["geo_precision"] in {"1", "2"}
    assert int(taiz["count"]) >= 1 and float(taiz["latitude"]) == 10.0


def test_post_2023_export_trains_too(tmp_path, csv_2023):
    manifest = train_from_acled(csv_2023, tmp_path / "m", holdout="none")
    assert manifest.scores is None and manifest.holdout["test_rows"] == 0
    assert LearnedModel.load(tmp_path / "m").predict(["Students marched peacefully."])[0][0] == \
        "Peaceful protest"


def test_bad_input(tmp_path, csv_2020):
    with pytest.raises(ValueError):
        train_from_acled(csv_2020, tmp_path / "m", holdout="random")
    with pytest.raises(FileNotFoundError):
        LearnedModel.load(tmp_path / "absent")
    assert run_train(tmp_path / "absent.csv", tmp_path / "m") == 2


def test_run_train_hides_heldout_scores_unless_asked(tmp_path, csv_2020, capsys):
    assert run_train(csv_2020, tmp_path / "m", holdout="country") == 0
    quiet = capsys.readouterr().err
    assert "held-out countries" not in quiet and "event_type acc" not in quiet
    assert "--show-heldout" in quiet
    assert Manifest.load(tmp_path / "m").scores["rows"] > 0   # still stored
    assert run_train(csv_2020, tmp_path / "m2", holdout="country", show_heldout=True) == 0
    assert "held-out countries" in capsys.readouterr().err


def test_cli_train_learns_every_country_and_holds_back_the_latest_rows_by_default(tmp_path, csv_2020):
    """An analyst's own export: by default nothing is lost to sitrep's country split."""
    from typer.testing import CliRunner

    from sitrep.cli import app

    done = CliRunner().invoke(app, ["train", "--acled", str(csv_2020), "--out", str(tmp_path / "d"),
                                    "--show-heldout"])
    assert done.exit_code == 0, done.output
    held = Manifest.load(tmp_path / "d").holdout
    everyone = {row["country"] for row in csv.DictReader(csv_2020.open(encoding="utf-8"))}
    assert held["kind"] == "date" and held["before"]
    assert held["train_countries"] == sorted(everyone)
    assert "held-out rows dated" in done.output


def test_cli_train_flag_shows_heldout(tmp_path, csv_2020):
    from typer.testing import CliRunner

    from sitrep.cli import app

    runner = CliRunner()
    country = ["--holdout", "country"]
    quiet = runner.invoke(app, ["train", "--acled", str(csv_2020), "--out", str(tmp_path / "a"), *country])
    loud = runner.invoke(app, ["train", "--acled", str(csv_2020), "--out", str(tmp_path / "b"),
                               *country, "--show-heldout"])
    assert quiet.exit_code == 0 and loud.exit_code == 0
    assert "held-out countries" not in quiet.output and "held-out countries" in loud.output


def test_gold_acled_export_beats_majority_baseline(shared_dir, tmp_path):
    """The real 2020 export (read in place): held-out countries, far above the majority class."""
    export = shared_dir / "gold" / "raw" / "acled-2020.csv"
    if not export.exists():
        pytest.skip(f"{export} is missing")
    started = time.monotonic()
    manifest = train_from_acled(export, tmp_path / "acled")
    scores = manifest.scores
    assert time.monotonic() - started < 90
    assert scores["sub_event_weighted_f1"] >= scores["majority_baseline"]["sub_event_weighted_f1"] + 0.4
    assert scores["sub_event_weighted_f1"] >= 0.75
    assert scores["event_type_accuracy"] >= 0.8
    assert manifest.holdout["test_rows"] > 500
