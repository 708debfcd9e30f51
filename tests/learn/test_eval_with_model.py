"""`sitrep eval --model DIR` scores the rules plus a learned model on gold data."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from sitrep.cli import app


def test_eval_with_a_model_directory(small_model, shared_dir, tmp_path):
    model_dir, _ = small_model
    runner = CliRunner()
    seed = str(shared_dir / "gold" / "seed.jsonl")
    done = runner.invoke(app, ["eval", seed, "--json", "--model", str(model_dir)])
    assert done.exit_code == 0, done.output
    figures = json.loads(done.stdout)
    assert 0.0 <= figures["event_f1"] <= 1.0 and "fields_on_matched" in figures


def test_eval_names_a_missing_model_directory(shared_dir, tmp_path):
    done = CliRunner().invoke(app, ["eval", str(shared_dir / "gold" / "seed.jsonl"),
                                    "--model", str(tmp_path / "nowhere")])
    assert done.exit_code == 2
    assert "no model directory" in done.output
