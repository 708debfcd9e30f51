"""The rules / classifier / combined comparison runs on any gold file (here a composed one)."""
from __future__ import annotations

import json

import spacy

from sitrep.learn.measure import compare
from sitrep.mentions import register_extensions


def test_compare_reports_every_setting(tmp_path, small_model):
    gold = tmp_path / "gold.jsonl"
    lines = [
        {"id": "a", "text": "Hundreds of teachers protested peacefully demanding unpaid salaries.",
         "events": [{"event_type": "Protests", "sub_event_type": "Peaceful protest"}]},
        {"id": "b", "text": "Warplanes carried out air strikes on the town.",
         "events": [{"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}]},
        {"id": "c", "text": "Two events here.", "events": [{}, {}]},  # not one-event: skipped
    ]
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")  # no events stage: the rules find nothing
    results = compare(str(gold), str(small_model[0]), "all", grid=[(0.3, 0.3)], nlp=nlp)
    assert results["rules"] == {"accuracy": 0.0, "weighted_f1": 0.0, "none": 2}
    assert results["classifier"]["accuracy"] == 1.0
    assert results["rules+learned 0.3/0.3"]["none"] == 0
    assert "sitrep_learned" not in nlp.pipe_names
