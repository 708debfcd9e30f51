"""Learning from an analyst's own coded data: `sitrep train` and the `sitrep_learned` stage.

    train_from_acled(csv, out_dir) -> Manifest      learn a model directory (run_train: CLI body)
    LearnedModel.load(out_dir).predict(texts)       [(sub_event_type, event_type, probability)]
    add_learned_stage(nlp, out_dir)                  combine it with the rules after sitrep_events
"""
from __future__ import annotations

from sitrep.learn.component import add_learned_stage
from sitrep.learn.model import LearnedModel
from sitrep.learn.train import Manifest, run_train, train_from_acled

__all__ = ["LearnedModel", "Manifest", "add_learned_stage", "run_train", "train_from_acled"]
