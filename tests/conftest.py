"""Shared fixtures: gold data is read from ../shared at run time, never copied here."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from sitrep.gazetteer import Gazetteer
from sitrep.mentions import register_extensions

from helpers import CITIES, COUNTRIES

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED}); CI provides it")
    return SHARED


@pytest.fixture()
def blank_nlp():
    """A model-free pipeline for stage unit tests (hand-built Docs)."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline (English model + every sitrep stage), loaded once per test session."""
    from sitrep.nlp import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def tiny_gazetteer(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    return Gazetteer.build(path, cities=CITIES, countries=COUNTRIES)
