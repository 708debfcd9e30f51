"""run_eval output, the error report and the gate's comparison, without the real pipeline."""
from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest
import synthetic
from rich.console import Console

import sitrep.evaluate.run as run_module
from sitrep.evaluate import EVENT_KEYS, FIELDS, TOPONYM_KEYS, render_worst_cases, run_eval, worst_cases
from sitrep.evaluate.run import evaluate_records, load_records
from sitrep.model import Event, Evidence, Toponym

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def fake_pipeline(monkeypatch):
    """Gold perturbed instead of the pipeline: run_eval's plumbing without a model."""
    def extractor(kind, nlp=None, n_process=1):
        rng = random.Random(0)

        def run(articles):
            for article in articles:
                record = records_by_id[article.id]
                if kind == "toponyms":
                    yield [Toponym(**t) for t in synthetic.perturb_toponyms(record, rng)]
                else:
                    yield [Event(**{k: v for k, v in e.items() if k != "claims"},
                                 evidence=[Evidence(field="event", start=3, end=9, text=article.text[3:9])])
                           for e in synthetic.perturb_events(record, rng)]
        return run

    records_by_id: dict[str, dict] = {}
    original = run_module.load_records

    def remember(path, split="all", limit=None):
        records = original(path, split, limit)
        records_by_id.update((r["id"], r) for r in records)
        return records

    monkeypatch.setattr(run_module, "pipeline_extractor", extractor)
    monkeypatch.setattr(run_module, "load_records", remember)


def test_run_eval_json_keys_events(fake_pipeline, shared_dir, capsys):
    assert run_eval(str(shared_dir / "gold" / "acled-2020.jsonl"), json_out=True, errors=0,
                    split="dev", limit=40) == 0
    figures = json.loads(capsys.readouterr().out)
    assert list(figures) == list(EVENT_KEYS)
    assert list(figures["fields_on_matched"]) == list(FIELDS)
    assert all(len(v) == 2 for v in figures["fields_on_matched"].values())


def test_run_eval_json_keys_toponyms(fake_pipeline, shared_dir, capsys):
    assert run_eval(str(shared_dir / "gold" / "geowebnews.jsonl"), json_out=True, errors=2,
                    split="all", limit=5) == 0
    captured = capsys.readouterr()
    assert list(json.loads(captured.out)) == list(TOPONYM_KEYS)
    assert "worst" in captured.err  # the error report stays off stdout with --json


def test_run_eval_tables_and_errors(fake_pipeline, shared_dir, capsys):
    assert run_eval(str(shared_dir / "gold" / "seed.jsonl"), errors=1) == 0
    out = capsys.readouterr().out
    assert "event_f1" in out and "deir" in out.lower()


def test_run_eval_bad_path():
    assert run_eval("/nonexistent/gold.jsonl") == 2


def test_worst_cases_order(shared_dir):
    records = load_records(shared_dir / "gold" / "acled-2020.jsonl", "dev", 30)
    report = evaluate_records(records, extractor=lambda arts: [[] if i % 3 else
                                                               [Event(event_type="Protests", sub_event_type="Peaceful protest")]
                                                               for i, _ in enumerate(arts)])
    cases = worst_cases(report, 5)
    assert len(cases) == 5
    assert [c.badness for c in cases] == sorted((c.badness for c in cases), reverse=True)
    console = Console(record=True, width=120)
    render_worst_cases(report, 2, console)
    assert records[0]["id"].split(":")[0] in console.export_text()


def test_gate_compare():
    gate = _load("gate")
    floors = {"set": {"event_f1": 0.50, "recall": 0.30}}
    rows, ok = gate.compare({"set": {"event_f1": 0.495, "recall": 0.31}}, floors)
    assert ok and {r[4] for r in rows} == {"ok"}
    rows, ok = gate.compare({"set": {"event_f1": 0.48, "recall": 0.30}}, floors)
    assert not ok and rows[0][4] == "REGRESSION"
    rows, ok = gate.compare({"set": {"event_f1": 0.50}}, floors)
    assert not ok  # a figure that disappeared is a failure
    rows, ok = gate.compare({"set": {"event_f1": 0.6, "recall": 0.3, "new": 0.1}}, floors)
    assert ok and {r[1]: r[4] for r in rows}["new"] == "new (no floor)"


def test_floors_file_is_well_formed():
    document = json.loads((ROOT / "benchmarks" / "floors.json").read_text())
    gate = _load("gate")
    assert set(document["floors"]) == {s.label for s in gate.SUBSETS}
    assert document["epsilon"] == gate.EPSILON


def test_keyword_baseline():
    baselines = _load("baselines")
    from sitrep.model import Article

    article = Article(id="x", text="On 3 May 2020, police arrested 4 protesters in Kano, Nigeria.",
                      published="2020-05-05")
    (event,) = baselines.keyword_event(article)
    assert event.event_date == "2020-05-03"
    assert event.sub_event_type == "Arrests" and event.country == "Nigeria" and event.location == "Kano"
