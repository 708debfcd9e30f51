"""Learning from an analyst's own coded data: `sitrep train` and the `sitrep_learned` stage."""
from __future__ import annotations

from sitrep.learn.model import LearnedModel
from sitrep.learn.train import Manifest, run_train, train_from_acled

__all__ = ["LearnedModel", "Manifest", "run_train", "train_from_acled", "add_learned_stage"]


def add_learned_stage(nlp, model_dir):  # noqa: ANN001, ANN201 - re-exported, typed in component.py
    from sitrep.learn.component import add_learned_stage as add

    return add(nlp, model_dir)
