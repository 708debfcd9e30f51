"""The `store` fixture: every test that takes it runs against each backend."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.store import EventStore, open_store

BACKENDS = ["sqlite"]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EventStore]:
    with open_store(tmp_path / "sitrep.db") as opened:
        yield opened
