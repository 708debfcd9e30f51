"""Fixtures of the events tests that run the real English model."""
from __future__ import annotations

import pytest

from sitrep.nlp import build_pipeline


@pytest.fixture(scope="session")
def events_nlp():
    """The pipeline up to the events stage (parse, then sitrep_events)."""
    return build_pipeline(stages=["events"])
