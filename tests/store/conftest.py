"""The `store` fixture: every test that takes it runs against SQLite and PostgreSQL.

PostgreSQL comes from $SITREP_TEST_PG (default below; `scripts/start-postgres.sh` sets it up).
Each test gets a fresh schema, dropped afterwards. An unreachable server FAILS the postgres
tests (CI provides one): a skipped backend would hide a broken store.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.store import EventStore
from store_factory import open_backend

DEFAULT_PG = "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test"
BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(scope="session")
def pg_dsn() -> Iterator[str]:
    """The test server's DSN, checked once per session."""
    dsn = os.environ.get("SITREP_TEST_PG", DEFAULT_PG)
    try:
        import psycopg
    except ImportError:
        pytest.fail('postgres tests need psycopg 3: pip install "psycopg[binary]"', pytrace=False)
    try:
        psycopg.connect(dsn, connect_timeout=5).close()
    except psycopg.Error as why:
        pytest.fail(f"PostgreSQL is not reachable at SITREP_TEST_PG={dsn!r} ({why}). "
                    "Start it with scripts/start-postgres.sh or point SITREP_TEST_PG at a "
                    "server; these tests do not skip.", pytrace=False)
    yield dsn


@pytest.fixture()
def pg_schema(pg_dsn: str) -> Iterator[str]:
    """A fresh, empty schema for one test, dropped afterwards."""
    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    yield name
    with psycopg.connect(pg_dsn, autocommit=True) as db:
        db.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture()
def store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EventStore]:
    with open_backend(backend, request, tmp_path) as opened:
        yield opened
