"""A trained model directory, loaded: the classifier plus the manifest that describes it."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.learn.acled import clean_note
from sitrep.learn.classifier import SubEventClassifier
from sitrep.learn.train import Manifest


class LearnedModel:
    def __init__(self, directory: Path, classifier: SubEventClassifier, manifest: Manifest | None):
        self.directory = directory
        self.classifier = classifier
        self.manifest = manifest

    @classmethod
    def load(cls, directory: str | Path) -> LearnedModel:
        directory = Path(directory)
        if not directory.is_dir():
            raise FileNotFoundError(f"{directory}: no such model directory (make one with sitrep train)")
        manifest = Manifest.load(directory) if (directory / "manifest.json").exists() else None
        return cls(directory, SubEventClassifier.load(directory), manifest)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities over `classifier.classes`, one row per text, cleaned like training notes."""
        return self.classifier.predict_proba([clean_note(text, strip_heading=False) for text in texts])

    def predict(self, texts: Sequence[str]) -> list[tuple[str, str, float]]:
        """(sub_event_type, event_type, probability) per text; text is cleaned like training notes."""
        return self.classifier.predict([clean_note(text, strip_heading=False) for text in texts])


@lru_cache(maxsize=4)
def load_cached(directory: str) -> LearnedModel:
    """One load per model directory and process (pipelines built repeatedly share it)."""
    return LearnedModel.load(directory)
