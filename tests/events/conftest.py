"""Fixtures shared by the events tests: the real pipeline up to events, and the stage alone."""
from __future__ import annotations

import pytest

from sitrep.events.component import EventsComponent
from sitrep.nlp import build_pipeline


@pytest.fixture(scope="session")
def events_nlp():
    """The pipeline up to the events stage (parse, then sitrep_events)."""
    return build_pipeline(stages=["events"])


@pytest.fixture(scope="module")
def events() -> EventsComponent:
    """The events stage alone, for Docs built by hand on a blank pipeline."""
    return EventsComponent()
